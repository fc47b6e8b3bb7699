"""The synthetic data generator (kg.generate): deterministic, the requested size,
well-formed TriG with only generated IRIs and known vocabulary, the project's data
model, and conforming (SHACL and saved checks) alone and next to the project's data."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, real_copy_has_data
from kg import generate as g

ID = "https://w3id.org/stcoop/id/"
STC = "https://w3id.org/stcoop/ontology#"
CURATION = ID + "source/curation"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
ENTITY = re.compile(r"^https://w3id\.org/stcoop/id/(?P<kind>[a-z]+)/(?P<slug>[a-z0-9]+(-[a-z0-9]+)*)$")


def quads_of(folder: Path) -> list[ox.Quad]:
    return [q for path in sorted(folder.glob("*.trig")) for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """About 20,000 triples, seed 0: (folder, summary, quads)."""
    out = tmp_path_factory.mktemp("gen20k")
    summary = g.generate(out, 20_000)
    return out, summary, quads_of(out)


# ---------------------------------------------------------------- determinism and size
def test_same_arguments_give_byte_identical_files(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    g.generate(a, 6_000, seed=7)
    g.generate(b, 6_000, seed=7)
    g.generate(c, 6_000, seed=8)
    assert files_of(a) == files_of(b)
    assert files_of(a).keys() == files_of(c).keys()
    assert files_of(a) != files_of(c)


@pytest.mark.parametrize("target", [5_000, 20_000])
def test_size_is_within_five_percent(tmp_path, target):
    summary = g.generate(tmp_path, target)
    quads = quads_of(tmp_path)
    assert abs(len(quads) - target) <= 0.05 * target
    assert len(quads) == len(set(quads)) == summary.triples  # no quad written twice


def test_chunks_stay_under_the_limit_and_stale_chunks_go(tmp_path, monkeypatch):
    monkeypatch.setattr(g, "CHUNK_TRIPLES", 2_000)
    summary = g.generate(tmp_path, 12_000, prefix="tiny")
    chunks = sorted(tmp_path.glob("tiny-[0-9][0-9][0-9][0-9].trig"))
    assert len(chunks) >= 5
    assert sorted(summary.files) == sorted(chunks + [tmp_path / "tiny-vocabulary.trig"])
    for chunk in chunks:
        assert len(list(ox.parse(path=str(chunk), format=ox.RdfFormat.TRIG))) <= 2_000
    (tmp_path / "other.trig").write_text("")
    monkeypatch.setattr(g, "CHUNK_TRIPLES", 50_000)
    g.generate(tmp_path, 3_000, prefix="tiny")  # a smaller run leaves no old chunk behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.trig", "tiny-0000.trig", "tiny-vocabulary.trig"]


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(ValueError, match="prefix"):
        g.generate(tmp_path, 5_000, prefix="Gen_1")
    with pytest.raises(ValueError, match="at least"):
        g.generate(tmp_path, 100)


def test_summary_counts_entities_per_kind(small):
    _, summary, quads = small
    assert set(summary.entities) == set(g.ENTITY_KINDS)
    typed: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate.value == RDF_TYPE and q.subject.value.startswith(ID):
            typed.setdefault(ENTITY.match(q.subject.value)["kind"], set()).add(q.subject.value)
    assert summary.entities == {kind: len(typed.get(kind, ())) for kind in g.ENTITY_KINDS}
    assert summary.articles == summary.entities["source"] - 2  # and the two curation sources


# ---------------------------------------------------------------- well-formed, only known IRIs
def test_output_is_named_graphs_of_declared_sources_without_blank_nodes(small):
    _, _, quads = small
    graphs = {q.graph_name for q in quads}
    assert not any(isinstance(gr, ox.DefaultGraph) for gr in graphs)
    for q in quads:
        assert not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object, q.graph_name)), q
    sources = {q.subject for q in quads if q.predicate.value == RDF_TYPE and q.object.value.startswith(STC)
               and q.object.value.endswith(("NewsArticle", "CurationSource"))}
    assert graphs <= sources


def test_every_iri_is_a_generated_entity_or_a_declared_term(small):
    _, _, quads = small
    ontology = {q.subject.value for q in ox.parse(path=str(ROOT / "ontology" / "stcoop.ttl"), format=ox.RdfFormat.TURTLE)
                if isinstance(q.subject, ox.NamedNode)}
    entities, terms = set(), set()
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                (entities if term.value.startswith(ID) else terms).add(term.value)
            elif isinstance(term, ox.Literal):
                assert term.datatype.value.startswith(XSD) or term.datatype.value == RDF_LANGSTRING, term
                if term.language:
                    assert term.language == "en" and term.value.isascii() and term.value == term.value.strip(), term
    for iri in entities:
        m = ENTITY.match(iri)
        assert m and m["kind"] in g.ENTITY_KINDS, iri
        assert m["slug"].startswith("gen-") or iri == CURATION, iri
    assert sorted(terms - ontology - {RDF_TYPE}) == []  # ontology terms and the reused terms it declares
    assert not any("wikidata" in t for t in terms)


# ---------------------------------------------------------------- the data model
ASK = {
    "a park spans districts": "ASK { ?p stc:spans ?d . ?d a stc:District }",
    "a park lies in a district of a city of a province": """ASK { ?p stc:focusSector ?s ; stc:locatedIn ?d .
        ?d a stc:District ; stc:locatedIn ?c . ?c a stc:City ; stc:locatedIn ?v . ?v a stc:Province ;
        stc:locatedIn ?n . ?n a stc:Country }""",
    "a unit of an organisation": "ASK { ?u a org:OrganizationalUnit ; org:unitOf ?o }",
    "a sub-organisation": "ASK { ?u org:subOrganizationOf ?o }",
    "a post in a jurisdiction, reported as former": "ASK { ?p a stc:PostHolding ; stc:jurisdiction ?j ; stc:tenure stc:FormerPost }",
    "a sub-event": "ASK { ?e stc:subEventOf ?f }",
    "events dated as date, year-month and year": """ASK { ?a stc:date ?x . ?b stc:date ?y . ?c stc:date ?z .
        FILTER(DATATYPE(?x) = xsd:date && DATATYPE(?y) = xsd:gYearMonth && DATATYPE(?z) = xsd:gYear) }""",
    "an area in mu with its m2": "ASK { ?a qudt:unit stc:Mu ; stc:sameQuantityAs ?b . ?b qudt:unit unit:M2 }",
    "a percentage with its whole": "ASK { ?a qudt:unit unit:PERCENT ; stc:shareOfEntity ?e ; stc:shareOfMeasure ?m }",
    "an undated article with its estimate": """ASK { ?s stc:dateStatus stc:DateNotStated ;
        stc:estimatedPublicationDate ?y ; stc:dateEstimateReason ?r }""",
    "a discrepancy between two figures": """ASK { GRAPH source:curation { ?d stc:discrepancyKind stc:ConflictingFigures ;
        stc:involves ?a , ?b } ?a a stc:Observation . ?b a stc:Observation . FILTER(?a != ?b) }""",
    "a sector hierarchy": "ASK { ?a skos:broader ?b . ?b skos:broader ?c . ?c skos:topConceptOf|^skos:hasTopConcept ?s }",
    "a framework with its parties": "ASK { ?f stc:party ?a , ?b . FILTER(?a != ?b) }",
    "the same park in two articles": """ASK { GRAPH ?g { ?p a ?c ; stc:locatedIn ?x } GRAPH ?h { ?p a ?c ; stc:locatedIn ?x }
        ?g a stc:NewsArticle . ?h a stc:NewsArticle . FILTER(?g != ?h && STRSTARTS(STR(?p), STR(park:))) }""",
    "the same place in many articles": """ASK { { SELECT ?p (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?p a stc:Country } }
        GROUP BY ?p } FILTER(?n >= 5) }""",
}


@pytest.mark.parametrize("what", ASK)
def test_the_data_follows_the_project_model(small, what):
    _, _, quads = small
    store = ox.Store()
    store.extend(quads)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in g.PREFIXES.items())
    assert store.query(prologue + ASK[what], use_default_graph_as_union=True), what


# ---------------------------------------------------------------- conformance
def working_copy(base: Path, with_project_data: bool) -> Path:
    home = base / "home"
    for folder in ("ontology", "shapes", "queries"):
        shutil.copytree(ROOT / folder, home / folder)
    (home / "data").mkdir()
    if with_project_data:
        for path in (ROOT / "data").glob("*.trig"):
            shutil.copy(path, home / "data" / path.name)
    g.generate(home / "data", 10_000, seed=3)
    return home


def build_copy(home: Path):
    from kg.build import build
    from kg.project import locate

    return build(locate(home, home.parent / "build"))


def assert_conforms(built) -> None:
    violations = [(i.focus, i.path, i.message, i.origin) for i in built.report().issues if i.severity == "Violation"]
    assert violations == []
    assert built.conforms


@pytest.fixture(scope="module")
def built_alone(tmp_path_factory):
    home = working_copy(tmp_path_factory.mktemp("alone"), with_project_data=False)
    return home, build_copy(home)


def test_generated_data_alone_conforms(built_alone):
    _, built = built_alone
    assert_conforms(built)


@pytest.mark.realcopy
@pytest.mark.skipif(not real_copy_has_data(), reason="the project's data/ is not there")
def test_generated_data_with_the_project_data_conforms(tmp_path):
    home = working_copy(tmp_path, with_project_data=True)
    assert_conforms(build_copy(home))


@pytest.mark.parametrize("name", ["park-locations", "figures", "people-posts", "events", "discrepancies"])
def test_saved_queries_find_the_generated_data(built_alone, name):
    home, _ = built_alone
    out = subprocess.run([sys.executable, "-m", "kg", "query", name, "--home", str(home),
                          "--build-dir", str(home.parent / "build"), "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert len(rows) >= 5, out
    assert all(any("/gen-" in cell for cell in row) for row in rows if any(c.startswith(ID) for c in row))
