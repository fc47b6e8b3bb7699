"""The W3C SHACL test suite (tests/w3c/shacl: core and SPARQL, as shipped), read and compared as its
description says (http://w3c.github.io/data-shapes/data-shapes-test-suite/): shared by the suite's test
(tests/engines/test_w3c_shacl.py) and its benchmark (benchmarks/bench_shacl_w3c.py).

A test is an ``sht:Validate`` entry of a test file (one per file); its data and shapes graphs are files named relative
to it (most often the file itself, ``<>``); each file is read with its own file URI as base IRI.  The
expected report is compared with the one made, after both are cut down to the properties the suite
compares, by graph isomorphism; ``mf:result sht:Failure`` expects the validation to fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from helpers.paths import W3C

SUITE = W3C / "shacl"
SH = "http://www.w3.org/ns/shacl#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
N = ox.NamedNode
# what the suite compares: every other property of a result is dropped first (SHACL test suite, "Validate")
COMPARED = {N(SH + p) for p in ("result", "conforms", "focusNode", "resultPath", "resultSeverity", "sourceConstraint",
                                "sourceConstraintComponent", "sourceShape", "value")}


@dataclass(frozen=True)
class Case:
    file: Path  # the test file
    name: str  # folder/stem, e.g. core/node/class-001
    data: Path
    shapes: Path
    failure: bool  # the validation must fail (mf:result sht:Failure)
    expected: tuple  # the expected report's triples (cut down)

    @property
    def folder(self) -> str:
        return self.name.rsplit("/", 1)[0]


def _parse(path: Path) -> list:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()))


def cases() -> list[Case]:
    """Every sht:Validate test of every file of core/ and sparql/ (121; the folder manifests reach 120 of
    them: sparql/component/manifest.ttl leaves nodeValidator-001 out)."""
    out = []
    for file in sorted(SUITE.glob("*/*/*.ttl")):
        if file.name != "manifest.ttl" and b"sht:Validate" in file.read_bytes():
            out += _cases_of(file)
    return out


def _cases_of(file: Path) -> list[Case]:
    triples = _parse(file)
    by_s: dict = {}
    for t in triples:
        by_s.setdefault(t.subject, {}).setdefault(t.predicate, []).append(t.object)
    out = []
    for test, props in by_s.items():
        if N(SHT + "Validate") not in props.get(RDF_TYPE, ()):
            continue
        action = by_s[props[N(MF + "action")][0]]
        data = Path(action[N(SHT + "dataGraph")][0].value[len("file://"):])
        shapes = Path(action[N(SHT + "shapesGraph")][0].value[len("file://"):])
        result = props[N(MF + "result")][0]
        failure = result == N(SHT + "Failure")
        expected = () if failure else tuple(_expected(by_s, result))
        name = str(file.relative_to(SUITE).with_suffix(""))
        out.append(Case(file, name, data, shapes, failure, expected))
    return out


def _expected(by_s: dict, report) -> list:
    """The triples of the report node, of its results, and of their paths."""
    out = []
    for p, objects in by_s.get(report, {}).items():
        for o in objects:
            out.append(ox.Triple(report, p, o))
            if p == N(SH + "result"):
                for rp, ros in by_s.get(o, {}).items():
                    for ro in ros:
                        out.append(ox.Triple(o, rp, ro))
                        if rp == N(SH + "resultPath"):
                            out += _closure(by_s, ro, set())
    return out


def _closure(by_s: dict, node, seen: set) -> list:
    if not isinstance(node, ox.BlankNode) or node in seen:
        return []
    seen.add(node)
    out = []
    for p, objects in by_s.get(node, {}).items():
        for o in objects:
            out.append(ox.Triple(node, p, o))
            out += _closure(by_s, o, seen)
    return out


def cut_down(report_triples, expected) -> list:
    """The made report as the suite compares it: the report, its results, their compared properties and
    paths, and only the sh:resultMessage values the expected report has."""
    by_s: dict = {}
    for t in report_triples:
        by_s.setdefault(t.subject, {}).setdefault(t.predicate, []).append(t.object)
    messages = {t.object for t in expected if t.predicate == N(SH + "resultMessage")}
    out = []
    for rep, props in by_s.items():
        if N(SH + "ValidationReport") not in props.get(RDF_TYPE, ()):
            continue
        out.append(ox.Triple(rep, RDF_TYPE, N(SH + "ValidationReport")))
        out += [ox.Triple(rep, N(SH + "conforms"), o) for o in props.get(N(SH + "conforms"), ())]
        for r in props.get(N(SH + "result"), ()):
            out.append(ox.Triple(rep, N(SH + "result"), r))
            out.append(ox.Triple(r, RDF_TYPE, N(SH + "ValidationResult")))
            for p, objects in by_s.get(r, {}).items():
                for o in objects:
                    if p in COMPARED or (p == N(SH + "resultMessage") and o in messages):
                        out.append(ox.Triple(r, p, o))
                        if p == N(SH + "resultPath"):
                            out += _closure(by_s, o, set())
    return out


def same_report(made, expected) -> bool:
    import logging
    import warnings

    from rdflib.compare import isomorphic

    from kg.load import rdflib_graph

    log = logging.getLogger("rdflib.term")
    disabled, log.disabled = log.disabled, True  # ill-typed literals are the point of some tests
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return isomorphic(rdflib_graph(cut_down(made, expected)), rdflib_graph(list(expected)))
    finally:
        log.disabled = disabled


# ---------------------------------------------------------------- running it
# custom constraint components (SHACL-SPARQL's), which kg.shacl leaves to pyshacl
DELEGATED = {"sparql/component/nodeValidator-001", "sparql/component/optional-001",
             "sparql/component/propertyValidator-select-001", "sparql/component/validator-001",
             "sparql/pre-binding/unsupported-sparql-006"}


def outcome(case, engine: str = "kg") -> tuple[str, str]:
    """(the engine that answered, "pass" or why not) of one test through kg.shacl.validate_files."""
    from kg import shacl
    from kg.errors import KgError

    try:
        report = shacl.validate_files([case.data], [case.shapes], engine)
    except KgError as exc:
        answered = "pyshacl" if "(pyshacl" in str(exc) or engine == "reference" else "kg.shacl"
        return answered, "pass" if case.failure else f"failed: {exc}"
    if case.failure:
        return report.engine, "the validation did not fail"
    if report.engine == "pyshacl" and engine == "kg":
        assert report.note and "pyshacl" in report.note  # said in one line
    return report.engine, "pass" if same_report(report.triples, case.expected) else "the report differs"


def table(engine: str = "kg") -> dict:
    """folder -> Counter of "kg.shacl" / "delegated" / "failed": the per-folder table of results."""
    from collections import Counter

    out: dict = {}
    for case in cases():
        answered, verdict = outcome(case, engine)
        column = "failed" if verdict != "pass" else ("delegated" if answered == "pyshacl" and engine == "kg"
                                                     else answered)
        out.setdefault(case.folder, Counter())[column] += 1
    return out
