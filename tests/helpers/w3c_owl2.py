"""The W3C OWL 2 test cases of the RL profile (tests/w3c/owl2/, vendored with the W3C licence), read and
judged: a case's outcome through kg's default reasoning path, kg's reference engine or owlrl as shipped,
and the outcomes recorded in expected.json.  Shared by the suite's test (tests/engines/test_w3c_owl2.py,
whose module docstring says when a case passes) and its benchmark (benchmarks/bench_reason.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from helpers.paths import W3C

HERE = W3C / "owl2"
MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
EXPECTED_FILE = HERE / "expected.json"
EXPECTED = json.loads(EXPECTED_FILE.read_text(encoding="utf-8")) if EXPECTED_FILE.exists() else {}
CASES = {case["id"]: case for case in MANIFEST}

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
DECLARATIONS = {OWL + n for n in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty",
                                  "NamedIndividual", "Ontology")} | {RDFS + "Datatype"}
ALWAYS = {(RDF + "type", OWL + "Thing"), (RDFS + "subClassOf", OWL + "Thing")}
REFLEXIVE = {OWL + "sameAs", RDFS + "subClassOf", OWL + "equivalentClass", RDFS + "subPropertyOf",
             OWL + "equivalentProperty"}


def files(case: dict, role: str) -> list[Path] | None:
    name = case["files"].get(role)
    if name is None:
        return None
    return [HERE / case["folder"] / name]


def premises(case: dict) -> list[Path]:
    return files(case, "premise") + [HERE / case["folder"] / n for n in case["files"].get("imported", [])]


def asked(path: Path) -> list[ox.Triple]:
    """The triples a conclusion asks for."""
    from kg.reason import read_rdf

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in read_rdf([path])]
    header = {t.subject for t in triples if t.predicate.value == RDF + "type" and t.object.value == OWL + "Ontology"}
    out = []
    for t in triples:
        if t.subject in header or (t.predicate.value == RDF + "type" and t.object.value in DECLARATIONS):
            continue
        if isinstance(t.object, ox.NamedNode) and (t.predicate.value, t.object.value) in ALWAYS:
            continue
        if t.predicate.value in REFLEXIVE and t.subject == t.object:
            continue
        out.append(t)
    return out


def entailed(closure: list[ox.Triple], conclusion: list[ox.Triple]) -> bool:
    """Whether the closure holds the conclusion, its blank nodes being variables."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in closure)

    def term(x) -> str:
        return f"?b_{x.value}" if isinstance(x, ox.BlankNode) else str(x)

    patterns = " ".join(f"{term(t.subject)} {term(t.predicate)} {term(t.object)} ." for t in conclusion)
    return bool(store.query(f"ASK {{ {patterns} }}"))


def owlrl_as_shipped(paths: list[Path]) -> tuple[list[ox.Triple], list[str]]:
    """owlrl itself, without kg's corrections (its lexical checks, NMTOKEN, dt-diff): the closure, every
    triple of it, and its messages."""
    from owlrl import DeductiveClosure, OWLRL_Semantics
    from rdflib import RDF as R
    from rdflib import URIRef, term

    from kg.load import from_rdflib, rdflib_graph
    from kg.reason import AGENT, read_rdf

    graph = rdflib_graph(read_rdf(paths))
    converters = dict(term._toPythonMapping)
    try:
        DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(converters)
    errors = set(graph.subjects(R.type, URIRef(AGENT + "ErrorMessage")))
    messages = [str(m) for e in errors for m in graph.objects(e, URIRef(AGENT + "error"))]
    closure = [ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in graph
               if s not in errors and not isinstance(s, term.Literal)]
    return closure, messages


def outcome(case: dict, engine: str) -> dict:
    """{"pass": bool, "why": str, "engine": …}: the case through kg.reason.reason_files with ``engine``
    ("kg": kg's default path; "owlrl": kg's reference), or through owlrl as shipped ("owlrl-as-shipped")."""
    from kg.errors import ReasoningError
    from kg.reason import reason_files

    try:
        if engine == "owlrl-as-shipped":
            closure, found = owlrl_as_shipped(premises(case))
            used = engine
        else:
            reasoned = reason_files(premises(case), engine)
            found, closure = reasoned.inference.inconsistencies, reasoned.triples(everything=True)
            used = reasoned.inference.engine
    except (ReasoningError, ValueError) as exc:  # owlrl gave up on the input
        return {"pass": False, "why": f"error: {exc}", "engine": engine}
    misses = []
    for kind in case["kinds"]:
        if kind == "ConsistencyTest" and found:
            misses.append(f"inconsistent: {found[0]}")
        elif kind == "InconsistencyTest" and not found:
            misses.append("no inconsistency found")
        elif kind == "PositiveEntailmentTest" and not entailed(closure, asked(files(case, "conclusion")[0])):
            misses.append("the conclusion is not entailed")
        elif kind == "NegativeEntailmentTest" and entailed(closure, asked(files(case, "nonconclusion")[0])):
            misses.append("the non-conclusion is entailed")
    return {"pass": not misses, "why": "; ".join(misses), "engine": used}


def runnable(case: dict) -> bool:
    return all(v is not None for v in case["files"].values())


def record() -> None:
    """Rewrite expected.json from a run of both engines."""
    out = {}
    for identifier, case in sorted(CASES.items()):
        if not runnable(case):
            out[identifier] = {"kinds": case["kinds"], "kg": None, "owlrl": None, "why": "not converted"}
            continue
        kg, ref = outcome(case, "kg"), outcome(case, "owlrl-as-shipped")
        out[identifier] = {"kinds": case["kinds"], "kg": kg["pass"], "owlrl": ref["pass"],
                           "kg_engine": kg["engine"], "kg_why": kg["why"], "owlrl_why": ref["why"]}
    EXPECTED_FILE.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
