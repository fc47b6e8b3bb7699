"""The ontology is consistent for a real OWL 2 DL reasoner (HermiT), alone and
with all the data, and owlrl's OWL RL closure of both raises no inconsistency."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from helpers.knowledge import ROOT, built_real
from helpers.thirdparty import hermit_check, need_tool

ONTOLOGY = ROOT / "ontology" / "stcoop.ttl"
OWL = "http://www.w3.org/2002/07/owl#"
STC = "https://w3id.org/stcoop/ontology#"


@pytest.mark.slow
def test_ontology_alone_is_consistent_under_hermit_with_no_unsatisfiable_class():
    need_tool("hermit")
    assert hermit_check(ONTOLOGY) == (True, [])


@pytest.mark.slow
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
    from kg.answering import open_store

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
    from kg.answering import open_store

    store = open_store(built_real())
    prologue = (f"PREFIX stc: <{STC}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
    assert store.query(prologue + query).boolean is expected
    if expected:
        assert not store.query(prologue + query, asserted_only=True).boolean, "asserted, not inferred"


# ---------------------------------------------------------------- hygiene, as ROBOT's report checks it
def _ontology_quads():
    return [q for path in sorted((ROOT / "ontology").glob("*.ttl"))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def test_no_label_is_shared_by_two_terms():
    """ROBOT's report counts a label two terms share as an error (duplicate_label): a class and the property
    that points to it are told apart ("development status" / "has development status")."""
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    seen: dict[tuple[str, str], str] = {}
    shared = []
    for q in _ontology_quads():
        if q.predicate.value == label and isinstance(q.object, ox.Literal):
            key = (q.object.value.strip().lower(), q.object.language or "")
            if key in seen and seen[key] != q.subject.value:
                shared.append((q.object.value, seen[key], q.subject.value))
            seen.setdefault(key, q.subject.value)
    assert not shared, shared


def test_every_property_has_a_domain_and_a_range_or_says_why():
    """Each property of the ontology has a domain and a range (rdfs: or, where OWL RL cannot state a union, its
    profile's subject and value types), or its profile says in words why it has none (stcp:anySubject,
    stcp:anyValue); a sub-property may rely on its super-property's."""
    from kg import profile as kp

    profiles = kp.properties(_ontology_quads())
    assert kp.missing_profiles(profiles) == []
    for iri, prof in profiles.items():
        for reason in (prof.any_subject, prof.any_value):
            assert reason is None or len(reason.split()) >= 4, f"{prof.curie}: say why in a sentence: {reason!r}"
        assert not (prof.subject_types and prof.any_subject), f"{prof.curie}: a subject type or a reason, not both"
