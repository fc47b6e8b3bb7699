"""Shapes mean the same on every SHACL engine (issue 16, item 5): pyshacl, kg.shacl and Apache Jena.

Three engines validate the same inputs with the same shapes and must report the same results:

* pyshacl, the reference, called as the build calls it, through ``kg.shacl.reference.shacl_issues``
  (``inference='none', advanced=True, allow_warnings=True, allow_infos=True``);
* kg.shacl, the build's own validator (``shacl.validate`` with a SELECT runner over a pyoxigraph
  store of the same triples, as tests/engines/test_shacl.py calls it);
* Apache Jena 4.5 (Debian ``libapache-jena-java``): ``shacl validate --shapes S --data D``
  (``thirdparty.jena_shacl_validate``) for the seed, and for the shape cases the same validation run
  for all of them in one JVM by tests/helpers/jena/ShaclBatch.java (``thirdparty.jena_shacl_batch``: one JVM
  start instead of some 400, each taking a second or two). ``test_batch_is_the_command`` shows the
  two give the same report on the seed graph.

The inputs:

* every example of tests/shape_cases (each ``pass*``/``fail*`` file of a folder named after a shape),
  prepared as tests/pipeline/test_shapes.py prepares it: the data shapes run on the example merged with the
  ontology, the ontology shapes on the example alone. Test id ``<folder>/<file stem>``;
* the seed: the working copy built as the other tests build it (``knowledge.built_real``), its
  closure (``asserted.nq`` + ``inferred.nq``, graph names dropped) with the data shapes (id
  ``seed``) and its ontology graph with the ontology shapes (id ``seed-ontology``).

The shapes come from ``shapes_source`` (``data_shapes_graph`` / ``ontology_shapes_graph``): what the
build runs, in one place (the files of shapes/ and the shapes compiled from the property profiles).

Each result is the tuple (focus node, result path, source shape, severity, value, message), read from
pyshacl's and Jena's reports exactly as kg.validate reads pyshacl's (a path in SPARQL syntax, a value
in N-Triples, the first message; a shape that is a blank node is ``None``; nested alternative and
sequence paths flattened, as Jena writes (a|b|c) as ((a|b)|c)); the three multisets must be equal.
Every shape of the project has a ``sh:message`` and Jena reports it as the others do, so messages are
compared too (Jena leaves a ``{?value}`` in a shape's own message unfilled: ``JENA_SHAPE_MESSAGE``).
Blank nodes: every engine is given the same blank node labels (kg.load names them stably;
ShaclBatch.java keeps the labels of its input, which the command does not), so a result about a
blank node names the same label on the three engines. Only the seed comparison, made with the
command, cannot name them: there every blank node is written ``_:`` on every engine (the
seed has no blank node a data shape reports, and the count of results still has to match).

Jena validates every input alone. pyshacl needs some 0.6 s for an example with the ontology merged in
and kg.shacl some 0.15 s (the ontology and the shapes compiled from it are most of it, again for each
example): minutes for all. So these two validate the data examples in one graph, the ontology and
every example with its IRIs (under https://w3id.org/stcoop/, but those the ontology or the shapes
name) and blank nodes renamed apart (``…-kgcase12x``), as tests/engines/test_shacl.py does, and each result
is given back to its example by those names. Where that may not be the example's own answer, the
example is validated alone on both as well, and compared with that:

* an example that names an entity the renaming keeps (``source:curation``, which the shapes name):
  results about that node come once for all the examples that describe it;
* an example whose results from the merged graph are not Jena's on the example alone (on either
  engine): a difference between the engines, or an example whose results depend on the others.

So a difference is always shown between the three engines on the example alone, and an example
passes from the merged graph only when both engines' results there are exactly Jena's on it alone.
The results of the merged graph that belong to no example must agree between pyshacl and kg.shacl
(``test_merged_results_without_an_example``).

Where the engines differ, the precise (shape, case) pair is listed in ``KNOWN_DIFFERENCES`` below,
with its cause and a portable form: the pair is left out of its case's comparison (or, when only the
messages differ, compared without them) and compared in full in ``test_known_difference``, which is
``xfail(strict=True)``, so that a fix makes the suite fail until the pair is removed. A shape that
Jena cannot run at all would be listed in ``JENA_CANNOT_RUN`` and compared on pyshacl and kg.shacl
only; nothing else is left out.

Jena is run from Debian's jars with tests/helpers/thirdparty.py's class path (and its xerces work-around); the
batch needs a JDK (Java's source launcher compiles ShaclBatch.java). Without them the tests are
skipped, and fail when CI=true. Nothing here uses the network: the engines read local files only (the
shapes have no owl:imports to follow).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import thirdparty as tp
from helpers.paths import ROOT
from helpers.paths import SHAPE_CASES as CASES
from helpers.pyshacl_report import shacl_issues_and_report
from helpers.shapes_source import shape_names, shapes_graph, shapes_ntriples, shapes_rdflib

pytestmark = pytest.mark.slow  # pyshacl and Jena (a JVM) on every example and on the seed

STCSH = "https://w3id.org/stcoop/shapes#"
SH = "http://www.w3.org/ns/shacl#"
KG_NAMESPACE = "https://w3id.org/stcoop/"
ENGINES = ("pyshacl", "kg.shacl", "jena")
ORIGIN = {"data": "shacl", "ontology": "shacl-ontology"}


# ---------------------------------------------------------------- what differs, and why
# Shapes Jena cannot run (local name -> why): their results are compared on pyshacl and kg.shacl only.
# Jena 4.5 runs every shape of the project, SPARQL targets (sh:target [ a sh:SPARQLTarget ], SHACL-AF)
# included: jena-shacl implements them (DataEntityShape and NoBlankNodeShape report on their fail
# examples as on the other engines).
JENA_CANNOT_RUN: dict[str, str] = {}

# (shape local name, case id) -> (what differs, why). What differs is "results" (the pair is left out
# of its case's comparison) or "messages" (the pair's results are compared without their messages);
# test_known_difference compares each pair in full and is xfail(strict=True).
JENA_IMPLICIT_JOIN = (
    "Jena ARQ's optimizer empties a FILTER NOT EXISTS group whose FILTER uses an outer variable. Its "
    "TransformFilterImplicitJoin rewrites FILTER (?current = ?number) in FILTER NOT EXISTS { $this "
    "qudt:numericValue ?current FILTER (?current = ?number) }; ?number is not bound by the pattern of that "
    "group, so the equality is taken to be always an error and the group becomes the empty table. NOT EXISTS "
    "of nothing is true, and every figure with a stc:reviewedValue is reported whatever its values (43/43, "
    "44/44, 10980000000/10980000000 alike). SPARQL 1.1 (18.6, substitute) evaluates EXISTS with the outer "
    "solution's ?number in place, as rdflib and Oxigraph do; arq --set arq:optFilterImplicitJoin=false "
    "answers right. Not a matter of numbers or datatypes: the values compare equal on Jena too. Portable "
    "form: every variable the inner FILTER uses bound inside the NOT EXISTS group, e.g. FILTER NOT EXISTS "
    "{ $this stc:reviewedValue ?number ; qudt:numericValue ?current FILTER (?current = ?number) } (and "
    "likewise in the other branch): the same results on the three engines, cases and seed."
)
JENA_SHAPE_MESSAGE = (
    "Jena leaves {?value} in a shape's sh:message as it stands. sameQuantityAs-consistent's sh:message "
    "(on the shape) says \"links {?value}, which…\"; pyshacl and kg.shacl fill it in with the value (an IRI "
    "bare, a literal's text), Jena 4.5 fills in only the sh:message of the sh:sparql constraint node. With "
    "the message on the constraint node Jena fills it in but writes an IRI as <…> where the others write it "
    "bare. Portable form: a message without {?value} (sh:value names the other observation already)."
)
KNOWN_DIFFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    # none: the two the harness found are mended in the shapes, in the portable forms described above
}


# ---------------------------------------------------------------- reading results
def _tuple(focus, path, shape, severity, value, message) -> tuple:
    return (focus, path, shape, severity, value, " ".join(message.split()))


def from_issues(issues) -> Counter:
    """kg.validate Issues (what kg.shacl returns and kg.validate makes of pyshacl's report) as result tuples."""
    return Counter(_tuple(i.focus, i.path, i.shape, i.severity, i.value, i.message) for i in issues)


def path_text(graph, path) -> str:
    """A result path as kg.validate._path_text writes it, with nested alternatives and sequences
    flattened: Jena 4.5 writes a path of n alternatives as nested pairs, ((a|b)|c), the same path as
    pyshacl's and kg.shacl's (a|b|c) (both operators are associative)."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDF

    from kg.shacl import reference as v

    S = lambda x: URIRef(SH + x)  # noqa: E731

    def alternatives(node):
        inner = graph.value(node, S("alternativePath")) if isinstance(node, BNode) else None
        return [node] if inner is None else [m for x in graph.items(inner) for m in alternatives(x)]

    def steps(node):
        is_list = isinstance(node, BNode) and graph.value(node, RDF.first) is not None
        return [m for x in graph.items(node) for m in steps(x)] if is_list else [node]

    if isinstance(path, BNode):
        inverse = graph.value(path, S("inversePath"))
        if inverse is not None:
            return "^" + path_text(graph, inverse)
        for kind, op in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = graph.value(path, S(kind))
            if inner is not None:
                return f"({path_text(graph, inner)}){op}"
        if graph.value(path, S("alternativePath")) is not None:
            return "(" + "|".join(path_text(graph, x) for x in alternatives(path)) + ")"
        if graph.value(path, RDF.first) is not None:
            return "/".join(path_text(graph, x) for x in steps(path))
    return v._path_text(graph, path)


def from_report(report) -> Counter:
    """A SHACL validation report (an rdflib Graph) read as kg.shacl.reference.shacl_issues reads pyshacl's."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg import namespaces as ns
    from kg.shacl import reference as v

    S = lambda x: URIRef(SH + x)  # noqa: E731
    out: Counter = Counter()
    for r in report.subjects(RDF.type, S("ValidationResult")):
        focus, path, value = (report.value(r, S(x)) for x in ("focusNode", "resultPath", "value"))
        severity, shape, component = (report.value(r, S(x)) for x in ("resultSeverity", "sourceShape",
                                                                      "sourceConstraintComponent"))
        messages = sorted(str(m) for m in report.objects(r, S("resultMessage")))
        message = messages[0] if messages else (ns.shorten(str(component)) if component is not None
                                                else "constraint violated")
        out[_tuple(v._focus_text(focus), path_text(report, path) if path is not None else None,
                   str(shape) if isinstance(shape, URIRef) else None,
                   str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                   v._nt(value) if value is not None else None, message)] += 1
    return out


# ---------------------------------------------------------------- the engines
@contextmanager
def queries_parsed_once():
    """pyshacl hands rdflib the text of every SPARQL target and constraint on every validation, and
    rdflib parses it each time (a third of the time of a small one): parse each text once, as
    tests/pipeline/test_shapes.py does (rdflib's own prepared queries; the evaluation is unchanged)."""
    from rdflib.plugins.sparql import processor

    original, prepared = processor.SPARQLProcessor.query, {}

    def query(self, text, initBindings=None, initNs=None, base=None, DEBUG=False):
        if isinstance(text, str):
            key = (text, base, tuple(sorted((initNs or {}).items())))
            if key not in prepared:
                prepared[key] = processor.translateQuery(processor.parseQuery(text), base, initNs)
            text = prepared[key]
        return original(self, text, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original


def pyshacl_results(triples, kind: str) -> Counter:
    """pyshacl through kg.shacl.reference.shacl_issues; its report read with from_report, which must give
    what kg.validate gives (so that Jena's report is read the same way)."""
    from kg.load import rdflib_graph

    issues, report = shacl_issues_and_report(rdflib_graph(triples), shapes_rdflib(kind), ORIGIN[kind])
    got = from_report(report) if report is not None else Counter()
    assert got == from_issues(issues), "from_report reads pyshacl's report otherwise than kg.validate"
    return got


def kg_results(triples, kind: str) -> Counter:
    from kg import shacl
    from kg.owlrl import IdGraph

    store = ox.Store()
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
    issues = shacl.validate(IdGraph.from_triples(triples), shapes_graph(kind), ORIGIN[kind],
                            shacl.select_runner(store))
    # kg.shacl hands shapes it does not implement to pyshacl, and says so (test_kg_shacl_runs_the_shapes)
    KG_ENGINE[kind] = getattr(issues, "engine", "kg.shacl"), getattr(issues, "note", None)
    return from_issues(issues)


KG_ENGINE: dict = {}  # kind -> (the engine kg.shacl answered with, its note)


# ---------------------------------------------------------------- the inputs
def _triples(quads) -> list:
    return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))


def ontology_triples() -> list:
    from kg.load import parse_file

    return _triples(q for p in sorted((ROOT / "ontology").glob("*.ttl")) for q in parse_file(p))


def prologue() -> str:
    from kg.namespaces import PREFIXES

    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in {**PREFIXES, "stcsh": STCSH}.items())


def case_kind(folder: str) -> str | None:
    for kind in ("data", "ontology"):
        if STCSH + folder in shape_names(kind):
            return kind
    return None  # no such shape: tests/pipeline/test_shapes.py reports the stray folder


def case_files() -> list[tuple[str, str, Path]]:
    """(case id, kind, path) of every example, as tests/pipeline/test_shapes.py finds them."""
    found = []
    for path in sorted(CASES.glob("*/*.ttl")):
        kind = case_kind(path.parent.name)
        if kind is not None and path.stem.split("-")[0] in ("pass", "fail"):
            found.append((f"{path.parent.name}/{path.stem}", kind, path))
    return found


def case_triples(case_id: str, path: Path) -> list:
    """The example's own triples (ill-typed literals kept: some examples are about them)."""
    from kg.load import stable_blank_nodes

    quads = list(ox.parse((prologue() + path.read_text(encoding="utf-8")).encode("utf-8"),
                          format=ox.RdfFormat.TURTLE))
    return _triples(stable_blank_nodes(quads, f"tests/shape_cases/{case_id}"))


@dataclass
class Input:
    id: str
    kind: str
    triples: list
    own: list = field(default_factory=list)  # a data example's own triples (without the ontology)
    file: Path | None = None


def _write(inp: Input, folder: Path, n: int) -> None:
    inp.file = folder / f"{n}.nt"
    inp.file.write_bytes(ox.serialize(inp.triples, format=ox.RdfFormat.N_TRIPLES))


# ---------------------------------------------------------------- the data examples in one graph
MARK = re.compile(r"-?kgcase(\d+)x")


def renamed_apart(triples, n: int, keep: set) -> list:
    def rename(t):
        if isinstance(t, ox.NamedNode) and t.value.startswith(KG_NAMESPACE) and t.value not in keep:
            return ox.NamedNode(f"{t.value}-kgcase{n}x")
        if isinstance(t, ox.BlankNode):
            return ox.BlankNode(f"{t.value}kgcase{n}x")
        return t

    return [ox.Triple(rename(t.subject), rename(t.predicate), rename(t.object)) for t in triples]


def by_example(results: Counter) -> dict:
    """Merged-graph results given back to their example (the renamed node in the focus, else the
    value), with the renaming undone everywhere in the tuple; key None for those of no example."""
    out: dict = {}
    for key, count in results.items():
        m = MARK.search(key[0]) or MARK.search(key[4] or "")
        plain = tuple(MARK.sub("", x) if isinstance(x, str) else x for x in key)
        out.setdefault(int(m.group(1)) if m else None, Counter())[plain] += count
    return out


def merged_examples(inputs: dict, onto: list) -> tuple[dict, dict, dict]:
    """kg.shacl's and pyshacl's results on the data examples in one graph ({engine: {case id: Counter}}),
    the examples left out because they name an entity the renaming keeps ({case id: why}), and the
    results of no example ({engine: Counter})."""
    keep = {t.value for q in (*shapes_graph("data"), *onto) for t in (q.subject, q.predicate, q.object)
            if isinstance(t, ox.NamedNode)}
    kept_entities = {iri for iri in keep if iri.startswith(KG_NAMESPACE + "id/")}
    left_out, cases = {}, []
    for i, inp in inputs.items():
        if inp.kind != "data" or not inp.own:
            continue
        named = sorted({t.value for x in inp.own for t in (x.subject, x.object) if isinstance(t, ox.NamedNode)}
                       & kept_entities)
        if named:
            left_out[i] = f"names {', '.join(named)}, which is not renamed"
        else:
            cases.append(i)
    merged = list(onto)
    for n, i in enumerate(cases):
        merged += renamed_apart(inputs[i].own, n, keep)
    merged = _triples(merged)
    results, rest = {}, {}
    for engine, validate in (("kg.shacl", kg_results), ("pyshacl", pyshacl_results)):
        got = by_example(validate(merged, "data"))
        results[engine] = {i: got.get(n, Counter()) for n, i in enumerate(cases)}
        rest[engine] = got.get(None, Counter())
    return results, left_out, rest


# ---------------------------------------------------------------- all of it, once
@dataclass
class Run:
    inputs: dict                                  # case id -> Input
    results: dict                                 # case id -> {engine: Counter}
    alone: dict                                   # data example -> why kg.shacl and pyshacl validated it alone
    merged_rest: dict                             # {engine: Counter} of results of no example
    batch_seed: dict                              # seed id -> Counter: the batch's reports on the seed
    seconds: dict = field(default_factory=dict)   # wall time of each step (printed: pytest -s shows it)


def _seed_inputs() -> list[Input]:
    from kg.builds import latest
    from kg.merge import ONTOLOGY_GRAPH

    from helpers.knowledge import built_real

    built = latest(built_real())
    quads = [q for name in ("asserted.nq", "inferred.nq")
             for q in ox.parse(path=str(built.path / name), format=ox.RdfFormat.N_QUADS)]
    return [Input("seed", "data", _triples(quads)),
            Input("seed-ontology", "ontology", _triples(q for q in quads if q.graph_name == ONTOLOGY_GRAPH))]


def blur(c: Counter) -> Counter:
    """Blank nodes written ``_:`` (the command relabels them)."""
    return rekey(c, lambda k: tuple(re.sub(r"_:[A-Za-z0-9]+", "_:", x) if isinstance(x, str) else x for x in k))


def compute(tmp: Path) -> Run:
    clock, seconds = time.monotonic(), {}

    def lap(step: str) -> None:
        nonlocal clock
        now = time.monotonic()
        seconds[step] = round(now - clock, 1)
        clock = now

    onto = ontology_triples()
    inputs: dict[str, Input] = {}
    for case_id, kind, path in case_files():
        own = case_triples(case_id, path)
        inputs[case_id] = Input(case_id, kind, _triples(onto + own) if kind == "data" else own, own)
    seeds = _seed_inputs()
    inputs.update((s.id, s) for s in seeds)
    (tmp / "inputs").mkdir()
    for n, inp in enumerate(inputs.values()):
        _write(inp, tmp / "inputs", n)
    shapes_files = {kind: tmp / f"{kind}-shapes.nt" for kind in ("data", "ontology")}
    for kind, path in shapes_files.items():
        path.write_bytes(shapes_ntriples(kind))
    lap("inputs")

    # Jena works in the background while Python validates: the batch (every input alone, the seed
    # too) and, one after the other beside it, the command on the seed.
    (tmp / "jena").mkdir()
    batch = tp.jena_shacl_batch([(shapes_files[inp.kind], inp.file) for inp in inputs.values()], tmp / "jena")
    pool = ThreadPoolExecutor(max_workers=1)
    engines = {"kg.shacl": kg_results, "pyshacl": pyshacl_results}
    try:
        commands = {s.id: pool.submit(tp.jena_shacl_validate, s.file, shapes_files[s.kind]) for s in seeds}
        with queries_parsed_once():
            merged, alone, rest = merged_examples(inputs, onto)
            lap("kg.shacl and pyshacl on the merged data examples")
            results = {i: {e: f(inp.triples, inp.kind) for e, f in engines.items()}
                       for i, inp in inputs.items() if i in alone or i not in merged["kg.shacl"]}
            lap("kg.shacl and pyshacl on the seed, the ontology examples and the data examples left out")
            reports = batch.reports()
            lap("waiting for the Jena batch")
            jena = {i: r if isinstance(r, tp.ToolError) else from_report(r) for i, r in zip(inputs, reports)}
            for i, theirs in merged["kg.shacl"].items():
                if i in results:
                    continue
                if theirs == jena[i] and merged["pyshacl"][i] == jena[i]:
                    results[i] = {e: merged[e][i] for e in engines}
                else:
                    alone[i] = "its results in the merged graph are not Jena's on it alone"
                    results[i] = {e: f(inputs[i].triples, "data") for e, f in engines.items()}
            lap("kg.shacl and pyshacl on the data examples whose merged results are not Jena's")
        batch_seed = {s.id: jena[s.id] for s in seeds}
        jena.update((s.id, from_report(commands[s.id].result())) for s in seeds)  # the seed's: the command's
        lap("waiting for shacl validate")
    finally:
        pool.shutdown(wait=True)
        batch.stop()
    for i in inputs:
        results[i]["jena"] = jena[i]
    return Run(inputs, results, alone, rest, batch_seed, seconds)


@pytest.fixture(scope="session")
def run(tmp_path_factory) -> Run:
    tp.need_tool("jena-shacl-batch")
    answer = compute(tmp_path_factory.mktemp("shacl-engines"))
    why = Counter(answer.alone.values())
    print(f"\nshacl engines: {len(answer.inputs)} inputs; seconds per step {answer.seconds}; data examples "
          f"kg.shacl and pyshacl validated alone: {dict(why) or 'none'}")
    return answer


# ---------------------------------------------------------------- comparing
def _shape_local(key) -> str | None:
    shape = key[2]
    return shape[len(STCSH):] if shape and shape.startswith(STCSH) else shape


def describe(c: Counter) -> str:
    return "\n".join(f"    {n}x {k}" for k, n in sorted(c.items(), key=str)[:30]) or "    (none)"


def differences(results: dict, engines=ENGINES) -> str:
    """Empty when the engines agree; else what each has that pyshacl has not, and the reverse."""
    ref = results["pyshacl"]
    out = []
    for engine in engines[1:]:
        got = results[engine]
        if got != ref:
            out.append(f"  pyshacl only (vs {engine}):\n{describe(ref - got)}\n"
                       f"  {engine} only:\n{describe(got - ref)}")
    return "\n".join(out)


def select(results: dict, keep) -> dict:
    return {e: Counter({k: n for k, n in c.items() if keep(_shape_local(k))}) for e, c in results.items()}


def rekey(c: Counter, f) -> Counter:
    out: Counter = Counter()
    for k, n in c.items():
        out[f(k)] += n
    return out


def without_messages(c: Counter, shapes: set) -> Counter:
    return rekey(c, lambda k: k[:5] + ("(not compared)",) if _shape_local(k) in shapes else k)


def case_results(run: Run, case_id: str) -> dict:
    results = run.results[case_id]
    if isinstance(results["jena"], tp.ToolError):
        pytest.fail(f"Jena could not validate {case_id}: {results['jena']}")
    if case_id in ("seed", "seed-ontology"):  # Jena's results there are the command's: no blank node labels
        results = {e: blur(c) for e, c in results.items()}
    return results


def compare_case(run: Run, case_id: str) -> None:
    results = case_results(run, case_id)
    listed = {shape: what for (shape, case), (what, _) in KNOWN_DIFFERENCES.items() if case == case_id}
    results = {e: without_messages(c, {s for s, what in listed.items() if what == "messages"})
               for e, c in results.items()}
    left_out = {s for s, what in listed.items() if what == "results"}
    problems = differences(select(results, lambda s: s not in left_out and s not in JENA_CANNOT_RUN))
    problems += differences(select(results, lambda s: s not in left_out and s in JENA_CANNOT_RUN), ENGINES[:2])
    assert not problems, f"the engines differ on {case_id}:\n{problems}"


# ---------------------------------------------------------------- the tests
CASE_IDS = [case_id for case_id, _, _ in case_files()]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_shape_case(run, case_id):
    """pyshacl, kg.shacl and Jena report the same results on the example."""
    compare_case(run, case_id)


def test_seed_data(run):
    """The seed closure with the data shapes: the same results on the three engines (none, when the
    data conforms), but for the pairs of KNOWN_DIFFERENCES."""
    compare_case(run, "seed")


def test_seed_ontology(run):
    """The seed's ontology graph with the ontology shapes."""
    compare_case(run, "seed-ontology")


KNOWN_PARAMS = [
    pytest.param(shape, case_id, id=f"{shape}@{case_id}",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason=f"{what} differ: {why.split('. ')[0]}"))
    for (shape, case_id), (what, why) in KNOWN_DIFFERENCES.items()
] or [pytest.param(None, None, id="none", marks=pytest.mark.skip(reason="no known difference between the engines"))]


@pytest.mark.parametrize("shape,case_id", KNOWN_PARAMS)
def test_known_difference(run, shape, case_id):
    """A pair of KNOWN_DIFFERENCES compared in full: fails while the difference lasts."""
    results = case_results(run, case_id)
    problems = differences(select(results, lambda s: s == shape),
                           ENGINES if shape not in JENA_CANNOT_RUN else ENGINES[:2])
    assert not problems, f"{shape} differs on {case_id}:\n{problems}"


def test_kg_shacl_runs_the_shapes(run):
    """kg.shacl validates the project's shapes itself: were it to hand them to pyshacl (which it does
    for shapes beyond SHACL Core and SPARQL), its column above would be pyshacl's."""
    assert set(KG_ENGINE) == {"data", "ontology"}
    assert all(engine == "kg.shacl" for engine, _ in KG_ENGINE.values()), KG_ENGINE


def test_merged_results_without_an_example(run):
    """pyshacl and kg.shacl agree on the results of the merged data examples that belong to none."""
    assert run.merged_rest["pyshacl"] == run.merged_rest["kg.shacl"], differences(run.merged_rest, ENGINES[:2])


def test_batch_is_the_command(run):
    """tests/helpers/jena/ShaclBatch.java reports on the seed what ``shacl validate`` reports (blank nodes aside)."""
    for case_id, batch in run.batch_seed.items():
        assert not isinstance(batch, tp.ToolError), batch
        command = run.results[case_id]["jena"]
        assert blur(batch) == command, (f"{case_id}: batch only:\n{describe(blur(batch) - command)}\n"
                                        f"command only:\n{describe(command - blur(batch))}")


def test_every_example_is_compared(run):
    """Every pass*/fail* file of a shape's folder is among the cases, and the examples show something:
    each fail example fails its shape on every engine."""
    on_disk = {f"{p.parent.name}/{p.stem}" for p in CASES.glob("*/*.ttl")
               if p.stem.split("-")[0] in ("pass", "fail") and case_kind(p.parent.name)}
    assert on_disk == set(CASE_IDS) == set(run.results) - {"seed", "seed-ontology"}, (
        f"cases on disk but not compared: {sorted(on_disk - set(run.results))}; compared but gone from disk "
        f"(edited during the run?): {sorted(set(CASE_IDS) - on_disk)}")
    quiet = [i for i in CASE_IDS if i.split("/")[1].startswith("fail")
             for e in ENGINES if not isinstance(run.results[i][e], tp.ToolError)
             and not any(_shape_local(k) == i.split("/")[0] for k in run.results[i][e])
             and not (e == "jena" and i.split("/")[0] in JENA_CANNOT_RUN)]
    assert not quiet, f"fail examples that do not fail their shape: {quiet}"


def test_lists_name_real_shapes_and_cases():
    """Each entry of JENA_CANNOT_RUN and KNOWN_DIFFERENCES names a shape and a case that exist."""
    shapes = {name[len(STCSH):] for kind in ("data", "ontology") for name in shape_names(kind)
              if name.startswith(STCSH)}
    cases = set(CASE_IDS) | {"seed", "seed-ontology"}
    assert set(JENA_CANNOT_RUN) <= shapes
    assert {s for s, _ in KNOWN_DIFFERENCES} <= shapes
    assert {c for _, c in KNOWN_DIFFERENCES} <= cases
    assert {what for what, _ in KNOWN_DIFFERENCES.values()} <= {"results", "messages"}
