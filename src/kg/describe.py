"""Everything about one entity, found by IRI, CURIE or label, with its sources.

For each statement: the named graphs it is in (a source graph, the ontology
graph, or ``inferred``).  The sources of the entity are the source graphs of
its asserted statements plus its ``dct:source`` values, with the data files
they come from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import NotFoundError

@dataclass
class Description:
    iri: str
    label: str | None
    statements: list[tuple] = field(default_factory=list)  # (predicate, object, [graphs])
    incoming: list[tuple] = field(default_factory=list)  # (subject, predicate, [graphs])
    sources: list[tuple] = field(default_factory=list)  # (source IRI, [files])


def _graph_label(g: str) -> str:
    if g == ns.INFERRED_GRAPH:
        return "inferred"
    if g == ns.ONTOLOGY_GRAPH:
        return "ontology"
    return ns.shorten(g)


def find(store, term: str) -> str:
    """The IRI that TERM names: an IRI, a CURIE, or a name or QID (kg.search.resolve_name)."""
    from kg.params import parse_iri

    text = term.strip()
    node = parse_iri(text, "term")
    if node is None:
        from kg.search import resolve_name

        return resolve_name(store, text, entities_only=False)  # the ontology's terms too
    if not store.has_resource(node):
        raise NotFoundError(f"{ns.shorten(node.value)} is not in the graph")
    return node.value


def describe(project, term: str, store=None, build_if_stale: bool = True, reporter=None) -> Description:
    from kg.answering import serving_build
    from kg.progress import SILENT
    from kg.store import OxigraphStore

    built = serving_build(project, build_if_stale=build_if_stale, reporter=reporter or SILENT)
    store = store or OxigraphStore.open(built.store_path)
    iri = find(store, term)
    node = ox.NamedNode(iri)
    out: dict = {}
    r = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"s": node})
    for _s, p, o, g in r.rows:
        out.setdefault((p, o), set()).add(g.value)
    inc: dict = {}
    r = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"o": node})
    for s, p, _o, g in r.rows:
        inc.setdefault((s, p), set()).add(g.value)
    label = ns.best_label((p.value, o.value, o.language) for (p, o) in out if isinstance(o, ox.Literal))
    graph_files = built.manifest.get("graph_files", {})
    sources = set()
    for (p, o), graphs in out.items():
        sources.update(g for g in graphs if g in graph_files)
        if p.value == ns.PREFIXES["dct"] + "source" and isinstance(o, ox.NamedNode):
            sources.add(o.value)
    key = lambda item: (str(item[0][0]), str(item[0][1]))  # noqa: E731
    return Description(
        iri=iri,
        label=label,
        statements=[(p, o, sorted(gs)) for (p, o), gs in sorted(out.items(), key=key)],
        incoming=[(s, p, sorted(gs)) for (s, p), gs in sorted(inc.items(), key=key)],
        sources=[(s, graph_files.get(s, [])) for s in sorted(sources)],
    )


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return ns.shorten(t.value) if ns.shorten(t.value) != t.value else f"<{t.value}>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'"{t.value}"@{t.language}'
        if t.datatype.value == ns.PREFIXES["xsd"] + "string":
            return f'"{t.value}"'
        return f'"{t.value}"^^{ns.shorten(t.datatype.value)}'
    return str(t)


def render(d: Description, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps({
            "iri": d.iri, "curie": ns.shorten(d.iri), "label": d.label,
            "statements": [{"predicate": p.value, "object": str(o), "graphs": gs} for p, o, gs in d.statements],
            "incoming": [{"subject": s.value, "predicate": p.value, "graphs": gs} for s, p, gs in d.incoming],
            "sources": [{"source": s, "files": files} for s, files in d.sources],
        }, indent=2, ensure_ascii=False) + "\n"
    if fmt == "turtle":
        from kg.formats import serialize_triples

        node = ox.NamedNode(d.iri)
        return serialize_triples([ox.Triple(node, p, o) for p, o, _ in d.statements], "turtle").decode()
    lines = [ns.shorten(d.iri) + (f' "{d.label}"' if d.label else "")]
    if ns.shorten(d.iri) != d.iri:
        lines.append(f"  <{d.iri}>")
    rows = [(("a" if p.value == ns.PREFIXES["rdf"] + "type" else _term(p)), _term(o),
             ", ".join(_graph_label(g) for g in gs)) for p, o, gs in d.statements]
    w1 = max([len(r[0]) for r in rows] + [0])
    w2 = max([len(r[1]) for r in rows if len(r[1]) <= 60] + [0])
    for p, o, gs in rows:
        lines.append(f"  {p.ljust(w1)}  {o.ljust(w2)}  [{gs}]".rstrip())
    if d.incoming:
        lines.append("referenced by:")
        for s, p, gs in d.incoming:
            lines.append(f"  {_term(s)} {_term(p)}  [{', '.join(_graph_label(g) for g in gs)}]")
    if d.sources:
        lines.append("sources:")
        for s, files in d.sources:
            lines.append(f"  {ns.shorten(s)}" + (f"  ({', '.join(files)})" if files else ""))
    return "\n".join(lines) + "\n"
