"""Finding entities by what people call them: every name (preferred, alternative and hidden labels, titles,
names) and every Wikidata QID of the entities of the graph, ranked.  ``kg search``, ``kg describe`` and
IRI parameters given as a name (``--param park='SinoSwiss Technopark'``) all find entities here.

Names are compared folded: case, accents, width and every character that is not a letter or a digit are
ignored, so "Sino-Swiss technopark" finds "SinoSwiss Technopark".  A hit is an exact name or QID first,
then a name that starts with the text, then one holding all its words, then one holding it anywhere.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import NotFoundError

NAME_PREDICATES = ns.LABEL_PREDICATES + (ns.PREFIXES["skos"] + "altLabel", ns.PREFIXES["skos"] + "hiddenLabel")
WIKIDATA = ns.PREFIXES["stc"] + "wikidata"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
ENTITIES = ns.ID  # what is searched: the entities of the graph, not the vocabulary
RANKS = ("exact", "starts", "words", "contains")


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str  # the entity's own label, as kg shows it
    matched: str  # the name or QID the text matched
    how: str  # one of RANKS
    classes: tuple[str, ...]  # the classes its sources give it (not inferred), as CURIEs
    sources: tuple[str, ...]  # the graphs that give it the matched name, as CURIEs


def fold(text: str) -> str:
    """The form names are compared in (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _words(text: str) -> list[str]:
    return [w for w in (fold(part) for part in text.split()) if w]


@dataclass
class _Name:
    iri: str
    text: str
    predicate: str
    graph: str
    language: str | None


def _names(store, entities_only: bool = True) -> list[_Name]:
    """Every name and QID of every entity (of every IRI, without ``entities_only``), with its graph."""
    values = " ".join(f"<{p}>" for p in (*NAME_PREDICATES, WIKIDATA))
    within = f' && STRSTARTS(STR(?s), "{ENTITIES}")' if entities_only else ""
    result = store.query(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
                         f"FILTER (isIRI(?s){within}) }}")
    out = []
    for s, p, o, g in result.rows:
        if isinstance(o, ox.NamedNode) and o.value.startswith(WIKIDATA_ENTITY):
            out.append(_Name(s.value, o.value[len(WIKIDATA_ENTITY):], p.value, g.value, None))
        elif isinstance(o, ox.Literal):
            out.append(_Name(s.value, o.value, p.value, g.value, o.language))
    return out


def _rank(name: _Name, candidate: str, folded: str, words: list[str]) -> int | None:
    """The index in RANKS of how ``name`` (folded: ``candidate``) matches the folded text, or None."""
    if not candidate or not folded:
        return None
    if candidate == folded:
        return 0
    if name.predicate == WIKIDATA:
        return None  # a QID matches whole or not at all
    if candidate.startswith(folded):
        return 1
    if len(words) > 1 and all(w in candidate for w in words):
        return 2
    if folded in candidate:
        return 3
    return None


class Index:
    """The names of a store's entities, read once, to search many times."""

    def __init__(self, store, entities_only: bool = True):
        """``entities_only``: the entities of the graph (kg search), else every IRI with a name (the ontology's
        terms too, as kg describe finds them)."""
        self.store = store
        self.names = _names(store, entities_only)
        self.folded = [fold(name.text) for name in self.names]
        self.labels = _labels(self.names)

    def search(self, text: str, limit: int | None = 20) -> list[Hit]:
        """The entities one of whose names or QIDs matches ``text``, best first (then by label)."""
        ranked = self._ranked(text)
        if limit is not None:
            ranked = ranked[:limit]
        classes = _classes(self.store, [iri for iri, _ in ranked])
        return [Hit(iri, self.labels.get(iri, ns.shorten(iri)), name.text, RANKS[score[0]], classes.get(iri, ()),
                    tuple(sorted(ns.shorten(g) for g in graphs)))
                for iri, (score, name, graphs) in ranked]

    def _ranked(self, text: str) -> list[tuple[str, tuple]]:
        """(iri, (score, the name that scored, its graphs)) for every entity that matches, best first."""
        folded, words = fold(text), _words(text)
        best: dict[str, tuple[tuple, _Name, set]] = {}  # iri -> (score, the name that scored, its graphs)
        for name, candidate in zip(self.names, self.folded):
            rank = _rank(name, candidate, folded, words)
            if rank is None:
                continue
            # the closest name first: the better match, the fewer characters beyond the text, preferred names
            score = (rank, len(candidate) - len(folded), _name_order(name))
            held = best.get(name.iri)
            if held is None or score < held[0]:
                best[name.iri] = (score, name, {name.graph})
            elif score == held[0] and name.text == held[1].text:
                held[2].add(name.graph)
        return sorted(best.items(), key=lambda item: (item[1][0], self.labels.get(item[0], item[0])))

    def resolve(self, text: str, what: str | None = None) -> str:
        """The one entity whose name or QID is ``text``; NotFoundError naming ``what`` lists the candidates
        when several have it, and the nearest names when none does."""
        exact = [iri for iri, (score, _name, _graphs) in self._ranked(text) if score[0] == 0]
        if len(exact) == 1:
            return exact[0]
        if exact:
            shown = ", ".join(f"{ns.shorten(i)} ({self.labels.get(i, ns.shorten(i))})" for i in exact[:8]) + (
                ", …" if len(exact) > 8 else "")
            raise NotFoundError(f"{_said(what)}{text!r} names {len(exact)} entities: {shown}; give the IRI or CURIE")
        known = {folded: name.text for name, folded in zip(self.names, self.folded) if name.predicate != WIKIDATA}
        close = difflib.get_close_matches(fold(text), list(known), n=3, cutoff=0.6)
        hint = "; did you mean " + " or ".join(repr(known[c]) for c in close) + "?" if close else ""
        raise NotFoundError(f"{_said(what)}nothing in the graph has the IRI, CURIE, name or QID {text!r}{hint} "
                            "(kg search finds entities by part of a name)")


def search(store, text: str, limit: int | None = 20) -> list[Hit]:
    """The entities one of whose names or QIDs matches ``text``, best first."""
    return Index(store).search(text, limit)


def _said(what: str | None) -> str:
    return f"{what}: " if what else ""


def resolve_name(store, text: str, what: str | None = None, entities_only: bool = True) -> str:
    """The one entity whose name or QID is ``text`` (see Index.resolve)."""
    return Index(store, entities_only).resolve(text, what)


def _name_order(name: _Name) -> int:
    """Preferred names before alternative ones, hidden ones (misspellings) last."""
    if name.predicate == WIKIDATA:
        return 0
    return NAME_PREDICATES.index(name.predicate) + 1


def _labels(names: list[_Name]) -> dict[str, str]:
    candidates: dict[str, list] = {}
    for name in names:
        if name.predicate in ns.LABEL_PREDICATES:
            candidates.setdefault(name.iri, []).append((name.predicate, name.text, name.language))
    return {iri: ns.best_label(found) for iri, found in candidates.items()}


def _classes(store, iris: list[str]) -> dict[str, tuple[str, ...]]:
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in iris)
    result = store.query(f"SELECT DISTINCT ?s ?c WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s a ?c }} "
                         f"FILTER (?g != <{ns.INFERRED_GRAPH}>) }}")
    out: dict[str, list[str]] = {}
    for s, c in result.rows:
        out.setdefault(s.value, []).append(ns.shorten(c.value))
    return {iri: tuple(sorted(found)) for iri, found in out.items()}


def render(hits: list[Hit], fmt: str = "table") -> str:
    """The hits as a table, Markdown, CSV, TSV or JSON."""
    import json

    from kg.results import render_markdown, render_table

    columns = ["entity", "label", "matched", "how", "classes", "sources"]
    # the name that matched, where it is not the label shown beside it
    rows = [(ns.shorten(h.iri), h.label, h.matched if h.matched != h.label else "", h.how, " ".join(h.classes),
             " ".join(h.sources)) for h in hits]
    if fmt == "json":
        return json.dumps([{"iri": h.iri, "curie": ns.shorten(h.iri), "label": h.label, "matched": h.matched,
                            "how": h.how, "classes": list(h.classes), "sources": list(h.sources)} for h in hits],
                          indent=1, ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "md":
        return render_markdown(columns, rows)
    return render_table(columns, rows) if rows else "(no entity has such a name)\n"
