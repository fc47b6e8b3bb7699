"""The fast OWL RL engine (kg.rules) gives owlrl's answer: the same cleaned
inferences and the same inconsistencies, on the seed graph, on generated
data, on one small case per rule, and on a corpus of inconsistent inputs.
What it does not implement goes to owlrl, and says so."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg import reason
from kg.errors import ReasoningError

PROLOGUE = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in ns.PREFIXES.items())
PROLOGUE += "@prefix ex: <https://example.org/> .\n"


def quads_of(turtle: str) -> list:
    return list(ox.parse((PROLOGUE + turtle).encode(), format=ox.RdfFormat.TURTLE))


def both(quads):
    """(rules, owlrl): each a (set of inferred triples as text, sorted errors)."""
    from kg import rules

    fast = rules.closure(quads)
    terms = fast.graph.terms
    fast_set = {str(ox.Triple(terms[s], terms[p], terms[o])) for s, p, o in fast.inferred}
    ref, problems = reason.owlrl_closure(quads)
    return (fast_set, fast.errors), ({str(t) for t in ref}, problems)


def assert_same(quads):
    (fast, fast_errors), (ref, ref_errors) = both(quads)
    assert sorted(fast - ref) == [], "inferred by the rules engine only"
    assert sorted(ref - fast) == [], "inferred by owlrl only"
    assert fast_errors == ref_errors
    return fast, fast_errors


def test_seed_graph_same_closure_as_owlrl():
    from knowledge import ROOT

    from kg.merge import merge
    from kg.project import locate

    merged = merge(locate(ROOT, ROOT / "build"))
    inferred, errors = assert_same(merged.quads)
    assert len(inferred) > 2000 and errors == []


def test_generated_data_same_closure_as_owlrl(tmp_path):
    """10k generated triples with the ontology: the engines agree triple for triple."""
    from knowledge import ROOT

    from kg.generate import generate
    from kg.load import parse_file

    generate(tmp_path, triples=10_000, seed=7)
    quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(ns.ONTOLOGY_GRAPH))
             for path in sorted((ROOT / "ontology").glob("*.ttl")) for q in parse_file(path)]
    for path in sorted(tmp_path.glob("*.trig")):
        quads += parse_file(path)
    inferred, errors = assert_same(quads)
    assert len(inferred) > 3000 and errors == []


RULE_CASES = {
    "subclass and equivalent class": """
        ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:C . ex:C owl:equivalentClass ex:D .
        ex:D a owl:Class . ex:x a ex:A . ex:y a ex:D .""",
    "domain and range through subproperties": """
        ex:p rdfs:subPropertyOf ex:q . ex:q rdfs:domain ex:S ; rdfs:range ex:O . ex:S rdfs:subClassOf ex:T .
        ex:q a owl:ObjectProperty . ex:x ex:p ex:y .""",
    "equivalent properties": """
        ex:p owl:equivalentProperty ex:q . ex:q rdfs:subPropertyOf ex:r . ex:x ex:p ex:y . ex:z ex:q ex:w .""",
    "inverse, symmetric and transitive": """
        ex:in owl:inverseOf ex:contains . ex:in a owl:TransitiveProperty . ex:near a owl:SymmetricProperty .
        ex:a ex:in ex:b . ex:b ex:in ex:c . ex:c ex:in ex:d . ex:a ex:near ex:b . ex:e ex:contains ex:a .""",
    "property chains of two and three": """
        ex:loc a owl:TransitiveProperty ; owl:propertyChainAxiom ( ex:spans ex:loc ) .
        ex:aunt owl:propertyChainAxiom ( ex:parent ex:parent ex:daughter ) .
        ex:z ex:spans ex:d1 , ex:d2 . ex:d1 ex:loc ex:city . ex:city ex:loc ex:country .
        ex:k ex:parent ex:m . ex:m ex:parent ex:g . ex:g ex:daughter ex:t .""",
    "a chain whose result feeds other rules": """
        ex:loc owl:propertyChainAxiom ( ex:spans ex:loc ) ; rdfs:range ex:Place ; owl:inverseOf ex:has .
        ex:z ex:spans ex:d . ex:d ex:loc ex:c .""",
    "datatype properties and literals": """
        ex:name rdfs:range xsd:string ; rdfs:domain ex:Named . ex:x ex:name "x" . ex:n ex:count 3 .""",
    "inference that adds schema": """
        ex:sub rdfs:subPropertyOf rdfs:subClassOf . ex:A ex:sub ex:B . ex:x a ex:A .""",
}


@pytest.mark.parametrize("name", RULE_CASES)
def test_each_rule_same_as_owlrl(name):
    inferred, _ = assert_same(quads_of(RULE_CASES[name]))
    assert inferred, "the case infers something"


INCONSISTENT = {
    "disjoint classes": "ex:A owl:disjointWith ex:B . ex:C rdfs:subClassOf ex:B . ex:x a ex:A , ex:C .",
    "all disjoint classes": "[] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:C ) . ex:x a ex:B , ex:C .",
    "nothing": "ex:A rdfs:subClassOf owl:Nothing . ex:x a ex:A .",
    "irreflexive": "ex:p a owl:IrreflexiveProperty . ex:x ex:p ex:x .",
    "asymmetric": "ex:p a owl:AsymmetricProperty . ex:x ex:p ex:y . ex:y ex:p ex:x .",
    "disjoint properties": "ex:p owl:propertyDisjointWith ex:q . ex:x ex:p ex:y ; ex:q ex:y .",
    "all disjoint properties": "[] a owl:AllDisjointProperties ; owl:members ( ex:p ex:q ex:r ) . ex:x ex:p ex:y ; ex:q ex:y .",
    "disjoint through inference": """
        ex:Park owl:disjointWith ex:Country . ex:in rdfs:range ex:Country . ex:z ex:in ex:p . ex:p a ex:Park .""",
}


@pytest.mark.parametrize("name", INCONSISTENT)
def test_every_inconsistency_owlrl_reports_is_reported(name):
    (_, fast_errors), (_, ref_errors) = both(quads_of(INCONSISTENT[name]))
    assert fast_errors == ref_errors


def test_the_seed_ontology_with_a_disjointness_violation_fails_the_same_way():
    from knowledge import ROOT

    from kg.load import parse_file

    quads = [q for path in sorted((ROOT / "ontology").glob("*.ttl")) for q in parse_file(path)]
    quads += quads_of("place:x a stc:Country . place:x a stc:Person .")
    (_, fast_errors), (_, ref_errors) = both(quads)
    assert fast_errors and fast_errors == ref_errors
    with pytest.raises(ReasoningError, match="inconsistent under OWL RL: Disjoint classes"):
        reason.infer(quads)


@pytest.mark.parametrize("turtle,why", [
    ("ex:x owl:sameAs ex:y . ex:x ex:p ex:z .", "sameAs"),
    ("ex:p a owl:FunctionalProperty . ex:x ex:p ex:y , ex:z .", "FunctionalProperty"),
    ("ex:R owl:onProperty ex:p ; owl:hasValue ex:v . ex:x ex:p ex:v .", "hasValue"),
    ("ex:C owl:intersectionOf ( ex:A ex:B ) . ex:x a ex:A , ex:B .", "intersectionOf"),
    ("rdf:type rdfs:subPropertyOf ex:kind . ex:x a ex:A .", "subPropertyOf"),
    ("ex:x a xsd:integer .", "datatype"),
])
def test_what_the_rules_engine_leaves_to_owlrl_is_reasoned_by_owlrl(turtle, why):
    quads = quads_of(turtle)
    inference = reason.infer(quads)
    assert inference.engine == "owlrl" and why in inference.note
    ref, _ = reason.owlrl_closure(quads)
    assert sorted(map(str, inference.inferred)) == sorted(map(str, ref))
