"""Results as kg.report.Issue objects (the build's report) and as a SHACL validation report (SHACL 1.0,
3.6: sh:ValidationReport, in Turtle, JSON-LD or a JSON rendering), from kg.shacl or from pyshacl."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.shacl import paths
from kg.shacl.graph import FIRST, REST, NIL, SH, TYPE, XSD_BOOLEAN, sh
from kg.shacl.registry import MESSAGES
from kg.shacl.run import ValidationResult, Run
from kg.shacl.text import Text

FORMATS = ("turtle", "jsonld", "json")


# ---------------------------------------------------------------- the build's issues
def issues(run: Run, raw: list[ValidationResult], origin: str) -> list[tuple]:
    """(kg.report.Issue, component IRI) per result, written as kg.shacl.reference.shacl_issues writes pyshacl's."""
    from kg.report import Issue

    text = None
    out = []
    for r in raw:
        shape = r.shape
        focus = run.term(r.focus)
        if r.messages is not None:
            messages = [m.value for m in r.messages]
        elif shape.messages:
            messages = [m.value for m in shape.messages]
        else:
            text = text or Text(run)
            generic = MESSAGES[r.component](text, r) if r.component in MESSAGES else None
            messages = [generic] if generic is not None else []
        message = min(messages) if messages else ns.shorten(r.component)
        path = paths.text(run.sg, r.path) if r.path is not None else shape.path_text
        out.append((Issue(
            focus=f"_:{focus.value}" if isinstance(focus, ox.BlankNode) else focus.value,
            message=" ".join(message.split()),
            severity=shape.severity.value.rsplit("#", 1)[-1],
            path=path,
            value=_n3(run, r.value) if r.value is not None else None,
            origin=origin,
            shape=shape.node.value if isinstance(shape.node, ox.NamedNode) else None,
        ), r.component))
    return out


def _n3(run: Run, i: int) -> str:
    """A value in N-Triples syntax, as rdflib writes it (kg.shacl.reference._nt)."""
    term = run.term(i)
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return run.rdflib(i).n3()


# ---------------------------------------------------------------- the validation report
@dataclass
class ValidationReport:
    """A SHACL validation report: ``conforms`` (no result of any severity), its triples, the engine that
    made it and, when that is not the one asked for, why (``note``, one line)."""

    conforms: bool
    triples: list
    engine: str
    note: str | None = None

    def results(self) -> list[dict]:
        """One dict per result: the result's properties, terms in N-Triples syntax (the path in SPARQL
        syntax), messages as text."""
        by_s: dict = {}
        for t in self.triples:
            by_s.setdefault(t.subject, {}).setdefault(t.predicate, []).append(t.object)
        out = []
        for s, props in by_s.items():
            if sh("ValidationResult") not in props.get(TYPE, ()):
                continue
            row = {}
            for local in ("focusNode", "resultPath", "value", "resultSeverity", "sourceShape",
                          "sourceConstraintComponent", "sourceConstraint"):
                value = props.get(sh(local))
                if value:
                    row[local] = _path_of(by_s, value[0]) if local == "resultPath" else str(value[0])
            row["resultMessage"] = sorted(m.value for m in props.get(sh("resultMessage"), ()))
            out.append(row)
        return sorted(out, key=lambda r: json.dumps(r, sort_keys=True))

    def serialize(self, fmt: str = "turtle") -> bytes:
        from kg.formats import serialize_triples

        if fmt == "json":
            doc = {"conforms": self.conforms, "engine": self.engine, "results": self.results()}
            return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()
        if fmt not in ("turtle", "jsonld"):
            raise ValueError(f"{fmt!r} is not a report format ({', '.join(FORMATS)})")
        return serialize_triples(self.triples, fmt)


def _path_of(by_s: dict, node) -> str:
    """A sh:resultPath in SPARQL syntax, read from the report's own triples."""
    if not isinstance(node, ox.BlankNode):
        return str(node)
    props = by_s.get(node, {})
    if FIRST in props:
        return "(" + " / ".join(_path_of(by_s, x) for x in _items(by_s, node)) + ")"
    for local, op in (("inversePath", "^{}"), ("zeroOrMorePath", "{}*"), ("oneOrMorePath", "{}+"),
                      ("zeroOrOnePath", "{}?")):
        if sh(local) in props:
            return op.format(_path_of(by_s, props[sh(local)][0]))
    if sh("alternativePath") in props:
        return "(" + " | ".join(_path_of(by_s, x) for x in _items(by_s, props[sh("alternativePath")][0])) + ")"
    return str(node)


def _items(by_s: dict, node) -> list:
    items, seen = [], set()
    while node != NIL and node not in seen:
        seen.add(node)
        cell = by_s.get(node, {})
        items.append(cell.get(FIRST, [NIL])[0])
        node = cell.get(REST, [NIL])[0]
    return items


class _Labels:
    """Blank node labels for a report, in the order they are asked for (the same input, the same bytes)."""

    def __init__(self, prefix: str):
        self.prefix, self.n = prefix, 0

    def __call__(self) -> ox.BlankNode:
        self.n += 1
        return ox.BlankNode(f"{self.prefix}{self.n:04d}")


def _report(results: list[list], engine: str, note: str | None) -> ValidationReport:
    """A report of results given as lists of (predicate, object) pairs."""
    rep = ox.BlankNode("report")
    triples = [ox.Triple(rep, TYPE, sh("ValidationReport")),
               ox.Triple(rep, sh("conforms"), ox.Literal("false" if results else "true", datatype=XSD_BOOLEAN))]
    label = _Labels("result")
    for pairs in results:
        r = label()
        triples.append(ox.Triple(rep, sh("result"), r))
        triples.append(ox.Triple(r, TYPE, sh("ValidationResult")))
        triples += [x if isinstance(x, ox.Triple) else ox.Triple(r, x[0], x[1]) for x in pairs]
    return ValidationReport(not results, triples, engine, note)


def from_run(run: Run, raw: list[ValidationResult], note: str | None = None) -> ValidationReport:
    """kg.shacl's results as a report (sorted, paths copied per result)."""
    text = None
    rows = []
    path_label = _Labels("shapepath")
    for r in raw:
        shape = r.shape
        pairs: list = [(sh("focusNode"), run.term(r.focus))]
        path = r.path if r.path is not None else shape.path_node
        if path is not None:
            extra: list = []
            pairs.append((sh("resultPath"), paths.copy(run.sg, path, extra, path_label)))
            pairs += extra
        if r.value is not None:
            pairs.append((sh("value"), run.term(r.value)))
        pairs += [(sh("resultSeverity"), shape.severity), (sh("sourceShape"), shape.node),
                  (sh("sourceConstraintComponent"), ox.NamedNode(r.component))]
        if r.constraint is not None:
            pairs.append((sh("sourceConstraint"), r.constraint))
        messages = r.messages if r.messages is not None else shape.messages
        if not messages and r.component in MESSAGES:
            text = text or Text(run)
            generic = MESSAGES[r.component](text, r)
            messages = [ox.Literal(generic)] if generic is not None else []
        pairs += [(sh("resultMessage"), m) for m in messages]
        rows.append(pairs)
    rows.sort(key=lambda pairs: [str(x) for x in pairs if not isinstance(x, ox.Triple)])
    return _report(rows, "kg.shacl", note)


def from_pyshacl(graph, note: str | None = None) -> ValidationReport:
    """pyshacl's results graph as a report of the same form (its sh:detail results left out, as the W3C
    test suite compares reports)."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.load import from_rdflib

    S = lambda x: URIRef(SH + x)  # noqa: E731
    rows = []
    path_label = _Labels("shapepath")
    for report in graph.subjects(RDF.type, S("ValidationReport")):
        for r in graph.objects(report, S("result")):
            pairs: list = []
            for p, o in sorted(graph.predicate_objects(r), key=str):
                if p == RDF.type or p == S("detail"):
                    continue
                term = from_rdflib(o)
                if p == S("resultPath"):
                    extra: list = []
                    term = _copy_rdflib(graph, o, extra, path_label)
                    pairs += extra
                pairs.append((from_rdflib(p), term))
            rows.append(pairs)
    rows.sort(key=lambda pairs: [str(x) for x in pairs if not isinstance(x, ox.Triple)])
    return _report(rows, "pyshacl", note)


def _copy_rdflib(graph, node, out: list, new_node):
    from rdflib import BNode

    from kg.load import from_rdflib

    if not isinstance(node, BNode):
        return from_rdflib(node)
    copy = new_node()
    for p, o in graph.predicate_objects(node):
        out.append(ox.Triple(copy, from_rdflib(p), _copy_rdflib(graph, o, out, new_node)))
    return copy
