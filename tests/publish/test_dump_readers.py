"""Dumps every tool reads the same way: literals in their canonical lexical forms (one decimal form in
the dumps, in what kg sends to a store and in kg's own answers), and the JSON-LD dump read by a second,
independent JSON-LD processor (pyld) into the same RDF as the N-Triples dump."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest

from helpers import stores as st
from helpers.knowledge import built_real

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    from kg.answering import serving_build
    from kg.export import export_built

    out = tmp_path_factory.mktemp("dist")
    export_built(serving_build(built_real(), build_if_stale=False), out)
    return out


@pytest.mark.parametrize("lexical,datatype,canonical", [
    ("10980000000.0", "decimal", "10980000000"), ("0.50", "decimal", "0.5"), ("-0.0", "decimal", "0"),
    ("+.5", "decimal", "0.5"), ("666.6666666667", "decimal", "666.6666666667"), ("-000.100", "decimal", "-0.1"),
    ("007", "integer", "7"), ("-0", "integer", "0"), ("+12", "long", "12"), ("1", "boolean", "true"),
    ("0", "boolean", "false"), ("2020-09-16", "date", "2020-09-16"), ("abc", "decimal", "abc"),
])
def test_canonical_lexical_forms_are_oxigraphs(lexical, datatype, canonical):
    from kg.formats import canonical_lexical

    assert canonical_lexical(lexical, XSD + datatype) == canonical
    if canonical != "abc":  # the form kg's own store answers with
        store = ox.Store()
        store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"),
                          ox.Literal(lexical, datatype=ox.NamedNode(XSD + datatype))))
        assert next(iter(store)).object.value == canonical


def test_canonical_nquads_touches_only_literals():
    from kg.formats import canonical_nquads

    data = (b'<urn:x:s> <urn:x:p> "say \\"5.0\\"^^<http://www.w3.org/2001/XMLSchema#decimal>" <urn:x:g> .\n'
            b'<urn:x:s> <urn:x:p> "5.0"^^<http://www.w3.org/2001/XMLSchema#decimal> <urn:x:g> .\n'
            b'<urn:x:s> <urn:x:p> "05"^^<http://www.w3.org/2001/XMLSchema#int> .\n')
    assert canonical_nquads(data) == data.replace(b'"5.0"^^', b'"5"^^').replace(b'"05"', b'"5"')


def test_one_decimal_form_in_the_dumps_and_in_kgs_answers(dist):
    from kg.query import resolve, run

    nquads = (dist / "kg.nq").read_bytes()
    decimals = re.findall(rb'"([^"]*)"\^\^<http://www\.w3\.org/2001/XMLSchema#decimal>', nquads)
    assert b"10980000000" in decimals and not [d for d in decimals if d.endswith(b".0")]
    for name in ("kg.ttl", "kg.trig", "kg.jsonld", "kg.rdf"):
        assert b"10980000000.0" not in (dist / name).read_bytes(), name
    project = built_real()
    result = run(project, resolve(project, "figures", None), {"subject": "park:liangjiang-new-area"})
    values = {row[result.variables.index("value")] for row in result.rows}
    assert ox.Literal("10980000000", datatype=ox.NamedNode(XSD + "decimal")) in values


def test_a_second_jsonld_processor_reads_the_dump_as_the_ntriples(dist):
    """pyld (the JSON-LD 1.1 reference algorithms in Python) turns kg.jsonld into N-Quads offline:
    every context is inline."""
    import pyld  # a test dependency (pip install -e '.[test]')

    def no_fetching(url, options=None):  # nothing may be fetched: a remote context would be a bug
        raise AssertionError(f"pyld tried to load {url}")

    doc = json.loads((dist / "kg.jsonld").read_text(encoding="utf-8"))
    nquads = pyld.jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": no_fetching})
    read = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    expected = list(ox.parse(path=str(dist / "kg.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert len(read) == len(expected) > 5000
    assert st.same_dataset(st.by_graph(read), {"": expected}) == []
