"""``kg diff OLD NEW``: what changed between two builds or two dumps, per named graph.

Either side is a build (a ``gen-…`` folder, or a build folder whose ``current`` link names one) or a
dump (N-Quads or TriG, gzipped or not; a dump of triples is read as the default graph), compared in
canonical N-Triples.  :func:`diff` reads both sides (:func:`read`); :func:`summary` counts statements
removed and added per graph and per class of their subject; :func:`write_patches` writes the sorted
N-Quads ``removed.nq`` and ``added.nq`` and ``patch.ru`` (:func:`sparql_update`), the SPARQL Update
that turns a store holding OLD into one holding NEW (``kg load --patch``).  Blank nodes are compared by
label; a graph whose changes involve one is replaced whole in ``patch.ru``.

See docs/STORES.md, section "kg diff", for the formats, the classes counted and the blank nodes.
"""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError, UsageError
from kg.formats import FORMATS, canonical_nquads

RDF_TYPE = ns.PREFIXES["rdf"] + "type"
DEFAULT = ""  # the key of the default graph
_DUMP_FORMATS = {f.extension: f.rdf for f in FORMATS.values() if f.kind in ("graph", "dataset")}


@dataclass
class Side:
    """One side of a diff: canonical N-Triples lines per graph (IRI, "_:label" or DEFAULT) and the
    classes of each subject (N-Triples form) outside the inferred graph."""

    name: str
    graphs: dict[str, set[bytes]] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)

    @property
    def statements(self) -> int:
        return sum(len(lines) for lines in self.graphs.values())


@dataclass
class GraphChange:
    graph: str
    old: int
    new: int
    removed: list[bytes]
    added: list[bytes]

    @property
    def blank(self) -> bool:
        """Whether a changed statement involves a blank node (the graph is then replaced whole)."""
        return any(b"_:" in line and _has_blank(line) for line in self.removed + self.added)


@dataclass
class Diff:
    old: Side
    new: Side
    changes: list[GraphChange]

    @property
    def removed(self) -> int:
        return sum(len(c.removed) for c in self.changes)

    @property
    def added(self) -> int:
        return sum(len(c.added) for c in self.changes)

    def per_class(self) -> list[tuple[str, int, int]]:
        """(class, statements removed, statements added) by class of the statement's subject."""
        removed, added = Counter(), Counter()
        for c in self.changes:
            for lines, side, counter in ((c.removed, self.old, removed), (c.added, self.new, added)):
                for line in lines:
                    subject = _subject(line)
                    for cls in side.types.get(subject) or ("(untyped)",):
                        counter[cls] += 1
        return sorted(((cls, removed[cls], added[cls]) for cls in set(removed) | set(added)),
                      key=lambda x: (-(x[1] + x[2]), x[0]))


@dataclass
class EntityChange:
    """An entity (an IRI the subject of statements outside the inferred graph) that was added (the subject
    of no statement on the old side), removed (of none on the new side) or changed (its statements
    differ), in the dataset (:func:`entities`) or in one graph (:func:`entities_per_graph`)."""

    entity: str  # the IRI
    change: str  # "added", "removed" or "changed"
    classes: list[str]  # CURIEs, asserted on the side that has the entity (the new one when both do)
    label: str | None
    properties: list[str]  # CURIEs of the properties whose statements changed


def entities(d: Diff) -> list[EntityChange]:
    """Every entity added, removed or changed outside the inferred graph, by IRI."""
    changes = [c for c in d.changes if c.graph != ns.INFERRED_GRAPH]
    return _entity_changes(d, changes, lambda side: _subjects(side, exclude=ns.INFERRED_GRAPH))


def entities_per_graph(d: Diff) -> dict[str, list[EntityChange]]:
    """For each changed graph but the inferred one: the entities added to it, removed from it or changed in it."""
    return {c.graph: _entity_changes(d, [c], lambda side, g=c.graph: _subjects(side, only=g))
            for c in d.changes if c.graph != ns.INFERRED_GRAPH}


def _subjects(side: Side, only: str | None = None, exclude: str | None = None) -> set[str]:
    return {_subject(line) for g, lines in side.graphs.items() if (only is None or g == only) and g != exclude
            for line in lines}


def _entity_changes(d: Diff, changes: list[GraphChange], subjects_of) -> list[EntityChange]:
    touched: dict[str, set[str]] = {}
    for c in changes:
        for line in c.removed + c.added:
            subject = _subject(line)
            if subject.startswith("<"):  # statements about a blank node count only in the graph's totals
                touched.setdefault(subject, set()).add(line.split(b" ", 2)[1].decode("utf-8"))
    if not touched:
        return []
    before, after = subjects_of(d.old), subjects_of(d.new)
    labels = _labels(d, set(touched))
    out = []
    for subject, predicates in sorted(touched.items()):
        change = "changed" if subject in before and subject in after else "added" if subject in after else "removed"
        side = d.old if change == "removed" else d.new
        classes = side.types.get(subject) or d.old.types.get(subject) or set()
        out.append(EntityChange(subject[1:-1], change, sorted(classes), labels.get(subject),
                                sorted(ns.shorten(p[1:-1]) for p in predicates)))
    return out


def _labels(d: Diff, subjects: set[str]) -> dict[str, str]:
    """The label to show for each of ``subjects``: from the new side, else the old (kg.namespaces.best_label)."""
    wanted = {f"<{p}>".encode() for p in ns.LABEL_PREDICATES}
    out: dict[str, str] = {}
    for side in (d.new, d.old):
        candidates: dict[str, list] = {}
        for lines in side.graphs.values():
            for line in lines:
                subject, predicate, _rest = line.split(b" ", 2)
                if predicate not in wanted:  # most lines: decode nothing
                    continue
                s = subject.decode("utf-8")
                if s in subjects and s not in out:
                    t = next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES)))
                    if isinstance(t.object, ox.Literal):
                        candidates.setdefault(s, []).append((t.predicate.value, t.object.value, t.object.language))
        for s, found in candidates.items():
            if label := ns.best_label(found):
                out[s] = label
    return out


def _subject(line: bytes) -> str:
    """The subject of an N-Triples line (an IRI or a blank node: neither holds a space)."""
    return line.split(b" ", 1)[0].decode("utf-8")


def _has_blank(line: bytes) -> bool:
    """Whether a blank node is the subject or the object of an N-Triples line (not "_:" inside a literal)."""
    subject, _p, rest = line.split(b" ", 2)
    return subject.startswith(b"_:") or rest.startswith(b"_:")


# ------------------------------------------------------------------ reading
def read(path: str | Path) -> Side:
    """A build folder, a build directory (its ``current`` build) or a dump file, canonicalised."""
    p = Path(path)
    if p.is_dir():
        if not (p / "asserted.nq").is_file() and (p / "current" / "asserted.nq").is_file():
            p = (p / "current").resolve()
        if not (p / "asserted.nq").is_file():
            raise UsageError(f"{path}: not a build (a folder with asserted.nq and inferred.nq, or a build folder "
                             "with a current build) nor a dump file")
        files = [(p / "asserted.nq", ox.RdfFormat.N_QUADS), (p / "inferred.nq", ox.RdfFormat.N_QUADS)]
    elif p.is_file():
        stem = p.name[:-3] if p.name.endswith(".gz") else p.name
        fmt = _DUMP_FORMATS.get(Path(stem).suffix)
        if fmt is None:
            known = ", ".join(sorted(_DUMP_FORMATS))
            raise UsageError(f"{path}: not a dump kg reads by its extension ({known}, optionally .gz)")
        files = [(p, fmt)]
    else:
        raise UsageError(f"{path}: no such build or dump")
    side = Side(str(path))
    by_graph: dict[str, list] = {}
    inferred = ox.NamedNode(ns.INFERRED_GRAPH)
    for file, fmt in files:
        for quad in _parse(file, fmt):
            g = quad.graph_name
            key = DEFAULT if isinstance(g, ox.DefaultGraph) else str(g) if isinstance(g, ox.BlankNode) else g.value
            by_graph.setdefault(key, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
            if quad.predicate.value == RDF_TYPE and g != inferred and isinstance(quad.object, ox.NamedNode):
                side.types.setdefault(str(quad.subject), set()).add(ns.shorten(quad.object.value))
    for key, triples in by_graph.items():
        data = canonical_nquads(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        side.graphs[key] = set(data.splitlines()) - {b""}
    return side


def _parse(path: Path, fmt):
    try:
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        return list(ox.parse(data, format=fmt, base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        raise DataError(f"{path}: {' '.join(str(exc).split())}") from None
    except (OSError, EOFError) as exc:
        raise DataError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def diff(old: str | Path, new: str | Path) -> Diff:
    a, b = read(old), read(new)
    changes = []
    for g in sorted(set(a.graphs) | set(b.graphs)):
        before, after = a.graphs.get(g, set()), b.graphs.get(g, set())
        if before != after:
            changes.append(GraphChange(g, len(before), len(after), sorted(before - after), sorted(after - before)))
    return Diff(a, b, changes)


def ignoring(d: Diff, ignored) -> Diff:
    """``d`` without the changed statements (N-Triples lines) for which ``ignored`` is true; a graph left
    with no change drops out.  The sides are kept whole."""
    changes = []
    for c in d.changes:
        removed = [line for line in c.removed if not ignored(line)]
        added = [line for line in c.added if not ignored(line)]
        if removed or added:
            changes.append(GraphChange(c.graph, c.old, c.new, removed, added))
    return Diff(d.old, d.new, changes)


# ------------------------------------------------------------------ writing
def _graph_term(graph: str) -> str:
    return "" if graph == DEFAULT else graph if graph.startswith("_:") else f"<{graph}>"


def nquads(changes: list[GraphChange], which: str) -> bytes:
    """The removed or added statements as sorted N-Quads."""
    lines = []
    for c in changes:
        g = _graph_term(c.graph)
        for line in getattr(c, which):
            body = line[:-1].rstrip() if line.endswith(b".") else line
            lines.append(body + (b" " + g.encode() if g else b"") + b" .")
    return b"".join(line + b"\n" for line in sorted(lines))


def sparql_update(d: Diff) -> str:
    """The SPARQL Update that turns a store holding OLD into one holding NEW (docs/STORES.md, "kg diff")."""
    drops, deletes, inserts = [], [], []
    for c in d.changes:
        if c.graph.startswith("_:"):
            raise DataError(f"graph {c.graph} is named by a blank node, which a SPARQL Update cannot name")
        target = "DEFAULT" if c.graph == DEFAULT else f"GRAPH <{c.graph}>"
        if c.new == 0 or c.blank:
            drops.append(f"DROP SILENT {target}")
            if c.new:
                inserts.append((c.graph, sorted(d.new.graphs[c.graph])))
            continue
        if c.removed:
            deletes.append((c.graph, c.removed))
        if c.added:
            inserts.append((c.graph, c.added))
    operations = drops + [_data("DELETE", deletes), _data("INSERT", inserts)]
    head = (f"# kg diff {d.old.name} -> {d.new.name}\n"
            f"# {d.removed} statements removed and {d.added} added in {len(d.changes)} graphs\n")
    return head + " ;\n".join(op for op in operations if op) + "\n"


def _data(verb: str, blocks: list[tuple[str, list[bytes]]]) -> str:
    if not blocks:
        return ""
    parts = [f"{verb} DATA {{"]
    for graph, lines in blocks:
        body = "\n".join("    " + line.decode("utf-8") for line in lines)
        parts.append(body if graph == DEFAULT else f"  GRAPH <{graph}> {{\n{body}\n  }}")
    parts.append("}")
    return "\n".join(parts)


def write_patches(d: Diff, out_dir: str | Path) -> list[tuple[str, int]]:
    """removed.nq, added.nq and patch.ru in ``out_dir``; returns [(path, size)]."""
    from kg.files import write_whole

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {out}: {exc.strerror or exc}") from None
    written = []
    for name, data in (("removed.nq", nquads(d.changes, "removed")), ("added.nq", nquads(d.changes, "added")),
                       ("patch.ru", sparql_update(d).encode("utf-8"))):
        try:
            write_whole(out / name, data)
        except OSError as exc:
            raise UsageError(f"cannot write {out / name}: {exc.strerror or exc}") from None
        written.append((str(out / name), len(data)))
    return written


def summary(d: Diff, fmt: str = "text") -> str:
    """Counts per graph and per class of subject, as text or JSON."""
    import json

    per_class = d.per_class()
    if fmt == "json":
        return json.dumps({
            "old": d.old.name, "new": d.new.name, "removed": d.removed, "added": d.added,
            "graphs": [{"graph": c.graph or None, "old": c.old, "new": c.new, "removed": len(c.removed),
                        "added": len(c.added)} for c in d.changes],
            "classes": [{"class": cls, "removed": r, "added": a} for cls, r, a in per_class],
        }, indent=1, ensure_ascii=False) + "\n"
    if not d.changes:
        return f"no difference: {d.old.statements} statements in {len(d.old.graphs)} graphs on both sides\n"
    lines = [f"{d.removed} statements removed and {d.added} added in {len(d.changes)} of "
             f"{len(set(d.old.graphs) | set(d.new.graphs))} graphs ({d.old.statements} -> {d.new.statements})", "",
             "graph"]
    width = max(len(_shown(c.graph)) for c in d.changes)
    for c in d.changes:
        note = " (new graph)" if c.old == 0 else " (graph removed)" if c.new == 0 else ""
        lines.append(f"  {_shown(c.graph):<{width}}  -{len(c.removed):<6} +{len(c.added):<6} "
                     f"{c.old} -> {c.new}{note}")
    lines += ["", "class of the subject"]
    width = max(len(cls) for cls, _, _ in per_class)
    lines += [f"  {cls:<{width}}  -{r:<6} +{a}" for cls, r, a in per_class]
    return "\n".join(lines) + "\n"


def _shown(graph: str) -> str:
    return "(default graph)" if graph == DEFAULT else ns.shorten(graph)
