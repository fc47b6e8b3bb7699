"""The ontology is consistent for a real OWL 2 DL reasoner (HermiT), alone and
with all the data, and owlrl's OWL RL closure of both raises no inconsistency."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from knowledge import ROOT, built_real
from thirdparty import hermit_check, need_tool

ONTOLOGY = ROOT / "ontology" / "stcoop.ttl"
OWL = "http://www.w3.org/2002/07/owl#"
STC = "https://w3id.org/stcoop/ontology#"


def test_ontology_alone_is_consistent_under_hermit_with_no_unsatisfiable_class():
    need_tool("hermit")
    assert hermit_check(ONTOLOGY) == (True, [])


def test_ontology_with_all_data_is_consistent_under_hermit(tmp_path):
    """The ABox too: disjointness, domains and ranges hold for every fact.
    Dates are xsd:date / gYear / gYearMonth / gMonthDay, outside the OWL 2
    datatype map, so HermiT is told to treat them as opaque."""
    need_tool("hermit")
    merged = tmp_path / "ontology-and-data.nt"
    with merged.open("wb") as out:
        for path in [ONTOLOGY, *sorted((ROOT / "data").glob("*.trig"))]:
            fmt = ox.RdfFormat.TURTLE if path.suffix == ".ttl" else ox.RdfFormat.TRIG
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}
            ox.serialize(sorted(triples, key=str), out, format=ox.RdfFormat.N_TRIPLES)
    assert hermit_check(merged, ignore_unsupported_datatypes=True) == (True, [])


def test_ontology_declares_no_imports_so_nothing_is_fetched():
    triples = list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))
    assert not [t for t in triples if t.predicate.value == OWL + "imports"]


def test_owl_rl_closure_has_no_inconsistency_marker():
    from kg.build import open_store

    store = open_store(built_real())
    assert not store.query(
        "ASK { ?m a <http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage> }").boolean


@pytest.mark.parametrize("query,expected", [
    # transitivity + the spans chain: the Science City lies in Chongqing and China
    ("ASK { <https://w3id.org/stcoop/id/park/western-chongqing-science-city> stc:locatedIn "
     "<https://w3id.org/stcoop/id/place/china> }", True),
    # subclass: a technology park is a place
    ("ASK { <https://w3id.org/stcoop/id/park/sinoswiss-technopark> a stc:Place }", True),
    # inverse: the park has the tenant the article names from the company's side
    ("ASK { <https://w3id.org/stcoop/id/park/sino-swiss-changzhou-innovation-park> stc:hasTenant "
     "<https://w3id.org/stcoop/id/organisation/medela> }", True),
    # sub-property: every sponsor is a backer
    ("ASK { <https://w3id.org/stcoop/id/park/sino-swiss-changzhou-innovation-park> stc:backedBy "
     "<https://w3id.org/stcoop/id/organisation/torch-center> }", True),
    # prefLabel implies rdfs:label
    ("ASK { <https://w3id.org/stcoop/id/person/an-lei> rdfs:label \"An Lei\"@en }", True),
    # SKOS: broader implies transitive broader
    ("ASK { <https://w3id.org/stcoop/id/sector/smart-sensors> skos:broaderTransitive "
     "<https://w3id.org/stcoop/id/sector/information-technology> }", True),
])
def test_reasoning_adds_what_the_ontology_promises(query, expected):
    from kg.build import open_store

    store = open_store(built_real())
    prologue = (f"PREFIX stc: <{STC}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
    assert store.query(prologue + query).boolean is expected
    if expected:
        assert not store.query(prologue + query, asserted_only=True).boolean, "asserted, not inferred"
