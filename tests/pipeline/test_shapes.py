"""The SHACL shapes in shapes/: every shape has a passing and a failing example.

For every shape that can report a result (it has a target, or it is attached
with sh:property to one that does) there must be a folder
``tests/shape_cases/<local name of the shape>/`` with at least one
``pass*.ttl`` and one ``fail*.ttl``. A new shape without examples makes the
suite fail, and so does an example folder whose shape is gone.

Case files are Turtle without @prefix lines: every project prefix (see
``kg.namespaces.PREFIXES``) and ``stcsh:`` are declared for them. A failing
example names in comment lines what it must fail on::

    # focus: park:sinoswiss-technopark     (required; ``_:`` for "a blank node")
    # path: skos:prefLabel                 (optional: the expected sh:resultPath)

Shapes in ``shapes/data`` are run on the example merged with the ontology
(so that sh:class follows rdfs:subClassOf), shapes in ``shapes/ontology`` on
the example alone (it stands for an ontology). Validation is
``pyshacl.validate(..., inference='none', advanced=True)`` as in the build,
with all shapes of the folder loaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH

from kg.namespaces import CURATION_SOURCE, ID, PREFIXES, STC
from helpers.paths import ROOT
from helpers.paths import SHAPE_CASES as CASES

pytestmark = pytest.mark.slow  # pyshacl, the reference, on every shape example one by one

SHAPES = ROOT / "shapes"
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
STCSH = "https://w3id.org/stcoop/shapes#"
KINDS = ("data", "ontology")

ALL_PREFIXES = {**PREFIXES, "stcsh": STCSH}
PROLOGUE = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in ALL_PREFIXES.items())

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
SEVERITIES = {SH.Violation, SH.Warning, SH.Info}


# ---------------------------------------------------------------- speed

_PREPARED: dict = {}


@pytest.fixture(autouse=True)
def reuse_parsed_queries(monkeypatch):
    """pyshacl hands rdflib the text of every SPARQL target and constraint,
    and rdflib parses it anew each time; with some 300 validations that
    parsing is a third of the run time. Parse each distinct query once (what
    rdflib's prepareQuery is for); the evaluation is unchanged."""
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
            prepared = _PREPARED.get(key)
            if prepared is None:
                prepared = _PREPARED[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = prepared
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    monkeypatch.setattr(processor.SPARQLProcessor, "query", query)


# ---------------------------------------------------------------- loading


@lru_cache(maxsize=None)
def file_shapes_graph(kind: str) -> Graph:
    """The shapes written in shapes/{kind}: each needs its examples here."""
    g = Graph()
    for path in sorted((SHAPES / kind).glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


@lru_cache(maxsize=None)
def shapes_graph(kind: str) -> Graph:
    """What the build runs: for the data, the files' shapes and those compiled from the property
    profiles (whose examples are tests/pipeline/test_profile.py's)."""
    if kind != "data":
        return file_shapes_graph(kind)
    import pyoxigraph as ox
    from kg.load import rdflib_graph
    from kg.profile import profile_shapes

    ontology = [q for path in ONTOLOGY_FILES for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    g = Graph()
    for t in file_shapes_graph(kind):
        g.add(t)
    for t in rdflib_graph(profile_shapes(ontology)):
        g.add(t)
    return g


@lru_cache(maxsize=None)
def ontology_graph() -> Graph:
    g = Graph()
    for path in ONTOLOGY_FILES:
        g.parse(path, format="turtle")
    return g


def reporting_shapes(g: Graph) -> set:
    """Shapes whose results can appear in a report: shapes with a target,
    and (recursively) the shapes attached to them with sh:property. Shapes
    used only inside sh:or / sh:not / sh:node / sh:qualifiedValueShape report
    through the shape that uses them."""
    found = {s for p in TARGETS for s in g.subjects(p, None)}
    todo = list(found)
    while todo:
        for child in g.objects(todo.pop(), SH.property):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def declared_shapes(g: Graph) -> set:
    return set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))


def local(shape) -> str:
    return str(shape)[len(STCSH):]


def expand(term: str):
    term = term.strip()
    if term == "_:":
        return BNode  # any blank node
    if term.startswith("<") and term.endswith(">"):
        return URIRef(term[1:-1])
    prefix, _, rest = term.partition(":")
    return URIRef(ALL_PREFIXES[prefix] + rest)


def read_case(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    header = {}
    for line in text.splitlines():
        m = re.match(r"#\s*(focus|path):\s*(\S+)\s*$", line)
        if m:
            header[m.group(1)] = expand(m.group(2))
    return text, header


def case_graph(kind: str, path: Path) -> Graph:
    text, _ = read_case(path)
    g = Graph()
    if kind == "data":
        for t in ontology_graph():
            g.add(t)
    g.parse(data=PROLOGUE + text, format="turtle")
    return g


def validate(data: Graph, kind: str):
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(kind), ont_graph=None, inference="none", advanced=True
    )
    assert isinstance(report, Graph), f"pyshacl failed: {text}"
    return conforms, report, text


def results(report: Graph) -> list[dict]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append({
            "shape": report.value(r, SH.sourceShape),
            "focus": report.value(r, SH.focusNode),
            "path": report.value(r, SH.resultPath),
            "value": report.value(r, SH.value),
            "severity": report.value(r, SH.resultSeverity),
            "message": report.value(r, SH.resultMessage),
        })
    return out


@lru_cache(maxsize=None)
def case_results(kind: str, path: Path) -> list[dict]:
    return results(validate(case_graph(kind, path), kind)[1])


def describe(rs) -> str:
    return "\n".join(
        f"  {r['shape']} focus={r['focus']} path={r['path']} value={r['value']}: {r['message']}" for r in rs
    ) or "  (no results)"


# ---------------------------------------------------------------- parametrisation

SHAPES_BY_KIND = {kind: sorted(reporting_shapes(file_shapes_graph(kind)), key=str) for kind in KINDS}
NAMED = [(kind, s) for kind in KINDS for s in SHAPES_BY_KIND[kind] if isinstance(s, URIRef)]


def _cases(kind: str, shape) -> list[tuple[str, Path]]:
    folder = CASES / local(shape)
    return [(p.stem.split("-")[0], p) for p in sorted(folder.glob("*.ttl")) if p.stem.split("-")[0] in ("pass", "fail")]


CASE_PARAMS = [
    pytest.param(kind, shape, outcome, path, id=f"{local(shape)}/{path.stem}")
    for kind, shape in NAMED
    if str(shape).startswith(STCSH)
    for outcome, path in _cases(kind, shape)
]


# ---------------------------------------------------------------- the shapes themselves


@pytest.mark.parametrize("kind", KINDS)
def test_shapes_load(kind):
    """The shapes parse, pyshacl accepts them, and there are some."""
    assert SHAPES_BY_KIND[kind], f"no shapes in shapes/{kind}"
    conforms, _, text = validate(Graph(), kind)
    assert conforms, text


@pytest.mark.parametrize("path", sorted(SHAPES.glob("*/*.ttl")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_shapes_file_works_alone(path):
    """Each file declares the SPARQL prefixes it uses, so that it can be run
    (or reused) on its own."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    g = Graph().parse(path, format="turtle")
    conforms, report, text = pyshacl.validate(Graph(), shacl_graph=g, inference="none", advanced=True)
    assert isinstance(report, Graph), text
    declared = {
        str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace))
        for prefixes in g.objects(None, SH.prefixes)
        for d in g.objects(prefixes, SH.declare)
    }
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in declared.items())
    for select in g.objects(None, SH.select):
        query = prologue + str(select).replace("$PATH", "<urn:x-test:path>")
        translateQuery(parseQuery(query))  # raises on syntax errors and undeclared prefixes


@pytest.mark.parametrize("kind", KINDS)
def test_reporting_shapes_are_named(kind):
    """Every shape that can report has a stable IRI under stcsh:."""
    bad = [s for s in SHAPES_BY_KIND[kind] if not (isinstance(s, URIRef) and str(s).startswith(STCSH))]
    assert not bad, f"shapes in shapes/{kind} without an stcsh: IRI (results would name a blank node): {bad}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_orphan_shapes(kind):
    """A declared shape that is neither targeted nor attached never runs."""
    g = file_shapes_graph(kind)
    used_inside = set()
    for p in (SH["or"], SH["and"], SH.xone):
        for lst in g.objects(None, p):
            used_inside.update(g.items(lst))
    for p in (SH["not"], SH.node, SH.qualifiedValueShape):
        used_inside.update(g.objects(None, p))
    orphans = [s for s in declared_shapes(g) if s not in SHAPES_BY_KIND[kind] and s not in used_inside]
    assert not orphans, f"shapes that never run: {orphans}"


@pytest.mark.parametrize("kind,shape", NAMED, ids=[local(s) for _, s in NAMED])
def test_shape_is_documented(kind, shape):
    g = file_shapes_graph(kind)
    assert (shape, RDF.type, SH.NodeShape) in g or (shape, RDF.type, SH.PropertyShape) in g, "declare its type"
    labels = list(g.objects(shape, RDFS.label))
    assert len(labels) == 1 and isinstance(labels[0], Literal) and labels[0].language == "en", "one rdfs:label@en"
    messages = list(g.objects(shape, SH.message))
    assert messages and all(isinstance(m, Literal) and str(m).strip() for m in messages), "a sh:message"
    assert g.value(shape, SH.severity) in SEVERITIES, "an explicit sh:severity"


@pytest.mark.parametrize("kind,shape", NAMED, ids=[local(s) for _, s in NAMED])
def test_shape_has_examples(kind, shape):
    outcomes = {o for o, _ in _cases(kind, shape)}
    folder = CASES / local(shape)
    assert "pass" in outcomes, f"add a conforming example {folder.relative_to(ROOT)}/pass.ttl"
    assert "fail" in outcomes, f"add a non-conforming example {folder.relative_to(ROOT)}/fail.ttl"


def test_no_stray_example_folders():
    known = {local(s) for _, s in NAMED}
    stray = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_") and p.name not in known)
    assert not stray, f"example folders for shapes that do not exist: {stray}"


# ---------------------------------------------------------------- the examples


@pytest.mark.parametrize("kind,shape,outcome,path", CASE_PARAMS)
def test_example(kind, shape, outcome, path):
    rs = case_results(kind, path)
    mine = [r for r in rs if r["shape"] == shape]
    if outcome == "pass":
        assert not mine, f"{path.name} should conform to {local(shape)}:\n{describe(mine)}"
        return
    _, header = read_case(path)
    assert "focus" in header, f"{path}: say which node fails, with a '# focus:' line"
    assert mine, f"{path.name} should fail {local(shape)}; the report has:\n{describe(rs)}"
    focus = header["focus"]
    if focus is BNode:
        hits = [r for r in mine if isinstance(r["focus"], BNode)]
    else:
        hits = [r for r in mine if r["focus"] == focus]
    assert hits, f"{local(shape)} fails, but not on {focus}:\n{describe(mine)}"
    if "path" in header:
        assert any(r["path"] == header["path"] for r in hits), (
            f"{local(shape)} fails on {focus}, but not with sh:resultPath {header['path']}:\n{describe(hits)}"
        )
    g = file_shapes_graph(kind)
    severity = g.value(shape, SH.severity) or SH.Violation
    assert all(r["severity"] == severity for r in hits)
    assert all(r["message"] is not None and str(r["message"]).strip() for r in hits), "results carry a message"


# ---------------------------------------------------------------- whole graphs


def test_ontology_conforms_to_ontology_shapes():
    conforms, report, text = validate(ontology_graph(), "ontology")
    assert conforms, f"the ontology does not conform to shapes/ontology:\n{describe(results(report))}"


def test_ontology_alone_triggers_no_data_shape():
    """The data shapes target only data: the ontology's own terms
    (stc:Exactly, stc:Mu, the class declarations …) give no result."""
    conforms, report, text = validate(ontology_graph(), "data")
    assert conforms, f"data shapes fire on the ontology itself:\n{describe(results(report))}"


def build_like(trig: str) -> Graph:
    """What the build validates: ontology + every named graph of the file,
    ``dct:source G`` for every subject typed in source graph G, the days every
    date can mean, then the cleaned OWL RL closure — through the build's own
    functions."""
    import pyoxigraph as ox
    from kg.load import rdflib_graph
    from kg.merge import date_bound_properties, derived_date_bounds, derived_sources, estimates_of
    from kg.reason import infer

    quads = [q for path in ONTOLOGY_FILES for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    data = list(ox.parse((PROLOGUE + trig).encode("utf-8"), format=ox.RdfFormat.TRIG))
    assert not [q for q in data if isinstance(q.graph_name, ox.DefaultGraph)], "triples outside a named graph"
    bounds = derived_date_bounds(data, date_bound_properties(quads), estimates_of(quads))
    quads += data + derived_sources(data) + bounds
    return rdflib_graph(quads + infer(quads).inferred)


COMPLETE = CASES / "_complete" / "example.trig"


def test_complete_example_conforms():
    """A small graph in the style of data/ that uses every part of the model
    conforms after reasoning: no violation and no warning."""
    g = build_like(COMPLETE.read_text(encoding="utf-8"))
    assert (URIRef(ID + "park/sinoswiss-technopark"), DCTERMS.source, URIRef(CURATION_SOURCE)) in g
    assert (URIRef(ID + "park/sinoswiss-technopark"), RDF.type, URIRef(STC + "Place")) in g
    assert (URIRef(ID + "event/sstp-construction-start"), URIRef(STC + "dateLatest"),
            Literal("2015-12-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) in g
    conforms, report, text = validate(g, "data")
    assert conforms and not results(report), f"the complete example does not conform:\n{describe(results(report))}"


def test_complete_example_breaks():
    """The same graph with a few faults gives exactly the expected results."""
    broken = COMPLETE.read_text(encoding="utf-8")
    broken = broken.replace('stc:date "2018-12-14"^^xsd:date', 'stc:date "1018-12-14"^^xsd:date')
    broken = broken.replace('qudt:numericValue 24.0', 'qudt:numericValue 124.0')
    _, report, _ = validate(build_like(broken), "data")
    got = {(local(r["shape"]), str(r["focus"])[len(ID):]) for r in results(report)}
    assert got == {
        ("profile-date-from1900", "event/sstp-opening-ceremony"),
        ("Percentage-range", "observation/liangjiang-cci-projects-share"),
    }, describe(results(report))
