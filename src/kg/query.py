"""Running queries by name, file or text; the catalogue listing.

The commands ``kg query`` and ``kg queries`` are thin layers over
``resolve`` + ``run`` and ``catalogue_listing`` / ``show_query``; the Python API
(``kg.Graph.query``) is ``spec_of`` (which calls ``resolve``) + ``run``: one path.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from kg.errors import UsageError


@dataclass
class QuerySpec:
    name: str  # shown in error messages
    text: str
    declared: list | None  # the header's params; None: any variable of the query


def resolve(project, name_or_file: str | None, text: str | None, stdin=None) -> QuerySpec:
    """A saved query by name, a .rq file, inline text, or ``-`` for ``stdin`` (as NAME_OR_FILE or as text)."""
    from kg.catalogue import Catalogue, parse_header, read_query

    if (name_or_file is None) == (text is None):
        raise UsageError("give a saved query NAME, a .rq FILE, - (stdin), or -e SPARQL (exactly one)")
    if name_or_file == "-" or text == "-":
        if stdin is None:
            raise UsageError("no standard input to read the query from")
        text = stdin.read()
        if not text.strip():
            raise UsageError("the query on standard input is empty")
        params = parse_header(text, "stdin")["params"]
        return QuerySpec("stdin", text, params or None)
    if text is not None:
        return QuerySpec("inline query", text, None)
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise UsageError(f"no such query file: {name_or_file}")
        q = read_query(path)
        return QuerySpec(str(path), q.text, q.params or None)
    q = Catalogue.lookup(project, name_or_file)
    return QuerySpec(q.name, q.text, q.params)


def spec_of(project, name_or_text: str | os.PathLike) -> QuerySpec:
    """The query the Python API's one argument names: a path is a .rq file; text without white space or
    a brace is a saved query's name (or a .rq file, as ``kg query NAME_OR_FILE`` takes it); any other
    text is SPARQL (as ``kg query -e`` takes it)."""
    if isinstance(name_or_text, os.PathLike):
        return resolve(project, os.fspath(name_or_text), None)
    if not isinstance(name_or_text, str):
        raise UsageError(f"a query is a saved query's name or SPARQL text, not a {type(name_or_text).__name__}")
    if not name_or_text.strip():
        raise UsageError("the query is empty: give a saved query's name or SPARQL text")
    if re.search(r"[\s{]", name_or_text) is None:
        return resolve(project, name_or_text, None)
    return resolve(project, None, name_or_text)


def run(project, spec: QuerySpec, params: Mapping[str, object], asserted_only: bool = False, build_if_stale: bool = True,
        reporter=None, store=None, opener=None):
    """The kg.store.Result of a query over the build queries answer from (built first when the inputs
    changed, unless ``build_if_stale`` is False; see kg.answering.open_store), over ``store``, or over
    the store ``opener()`` gives (the Python API's, kept open between queries).
    ``params``: text as ``--param`` gives it, or Python values (kg.params.term_of)."""
    from kg.answering import open_store
    from kg.params import bind_params
    from kg.progress import SILENT
    from kg.sparql import check_read_only, check_safe
    from kg.store import OxigraphStore

    check_safe(spec.text, spec.name)  # before anything else, even before building
    check_read_only(spec.text, spec.name)
    if store is None:
        store = opener() if opener else open_store(project, build_if_stale=build_if_stale,
                                                   reporter=reporter or SILENT)
    bindings = bind_params(spec.text, params, declared=spec.declared, store=store)
    result = store.query(spec.text, bindings, asserted_only=asserted_only, name=spec.name)
    if isinstance(store, OxigraphStore):  # a remote store is asked nothing more than the query
        for warning in unknown_terms(store, spec.text):
            (reporter or SILENT).note(f"warning: {spec.name}: {warning}")
    return result


def _used(store, iri: str) -> bool:
    import pyoxigraph as ox

    try:
        return store.has_resource(ox.NamedNode(iri))
    except ValueError:  # not an IRI pyoxigraph takes: the query ran, so nothing to say of it here
        return True


def unknown_terms(store, text: str) -> list[str]:
    """What to say of each IRI the query names that the graph never uses, in a statement or as a graph's
    name (a typo answers nothing and says nothing): the term, and the nearest properties or classes."""
    import difflib

    import pyoxigraph as ox

    from kg import namespaces as ns
    from kg.sparql.text import mentioned_iris

    graphs = set(store.graph_names())
    unknown = [iri for iri in mentioned_iris(text) if iri not in graphs and not _used(store, iri)]
    if not unknown:
        return []
    used = store.query(f"SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s a ?t }} "
                       f"UNION {{ GRAPH <{ns.ONTOLOGY_GRAPH}> {{ ?t a ?kind }} }} }}", name="terms").rows
    known = {ns.shorten(t.value): t.value for (t,) in used if isinstance(t, ox.NamedNode)}
    said = []
    for iri in unknown:
        candidates = list(known)
        if iri.startswith(ns.ID):  # an entity: the entities of its kind (park:, place:, …)
            kind = iri[:iri.rindex("/") + 1]
            rows = store.query(f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER (STRSTARTS(STR(?s), "{kind}")) }}',
                               name="terms").rows
            candidates = [ns.shorten(s.value) for (s,) in rows]
        near = difflib.get_close_matches(ns.shorten(iri), candidates, n=3, cutoff=0.75)
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        said.append(f"{ns.shorten(iri)} is used nowhere in the graph{hint}")
    return said


def check_catalogue(project) -> str:
    """Parse every saved query and check: a summary line, or a QueryError naming FILE:LINE:COL."""
    from kg.catalogue import Catalogue

    catalogue = Catalogue.of(project)
    catalogue.check_syntax()
    return f"{len(catalogue.saved())} saved queries and {len(catalogue.checks())} checks parse"


# ---------------------------------------------------------------- catalogue
def _param_text(p) -> str:
    return f"{p.name}:{p.type}" + ("" if p.required else "?")


def catalogue_listing(project, fmt: str = "table") -> str:
    import pyoxigraph as ox

    from kg.catalogue import Catalogue
    from kg.results import render_markdown, render_table

    cat = Catalogue.of(project)
    entries = [(q.name, q.title, " ".join(_param_text(p) for p in q.params), "check" if q.is_check else "query")
               for q in cat.saved() + cat.checks()]
    if fmt == "json":
        return json.dumps(
            [{"name": q.name, "title": q.title, "description": q.description, "kind": "check" if q.is_check else "query",
              "params": [p.__dict__ for p in q.params], "examples": q.examples}
             for q in cat.saved() + cat.checks()],
            indent=2, ensure_ascii=False) + "\n"
    rows = [tuple(ox.Literal(x) for x in e) for e in entries]
    cols = ["name", "title", "parameters", "kind"]
    return render_markdown(cols, rows) if fmt == "md" else render_table(cols, rows)


def show_query(project, name: str, fmt: str = "table") -> str:
    from kg.catalogue import Catalogue

    q = Catalogue.of(project).get(name)
    if fmt == "json":
        return json.dumps({"name": q.name, "title": q.title, "description": q.description,
                           "kind": "check" if q.is_check else "query", "file": project.relpath(q.path),
                           "params": [p.__dict__ for p in q.params], "examples": q.examples, "text": q.text},
                          indent=2, ensure_ascii=False) + "\n"
    lines = [f"{q.name}: {q.title}" if q.title else q.name]
    if q.description:
        lines.append(q.description)
    lines.append(f"file: {project.relpath(q.path)}")
    for p in q.params:
        lines.append(f"param {p.name} ({p.type}, {'required' if p.required else 'optional'}): {p.description}")
    for e in q.examples:
        lines.append(f"example: {e}")
    lines.append("")
    fence = "```" if fmt == "md" else ""
    if fence:
        lines.append(fence + "sparql")
    lines.append(q.text.rstrip("\n"))
    if fence:
        lines.append(fence)
    return "\n".join(lines) + "\n"
