"""THE query-engine interface, at the bottom of the import graph: everything that runs SPARQL goes
through this small protocol, so that the commands never touch the engine itself::

    store = OxigraphStore.open(path)       # a built store on disk, read-only
    result = store.query(text, bindings={"park": NamedNode(...)}, asserted_only=False)
    result.kind                            # "select" | "ask" | "graph"
    result.serialize("json")               # W3C SPARQL results json/xml/csv/tsv; graphs turtle/nt/jsonld/rdfxml

Terms are pyoxigraph terms (NamedNode, BlankNode, Literal) throughout.  The default graph holds the
closure as a set (``lay_out`` lays out a store made in memory); ``asserted_only`` queries a store made
from asserted.nq on first use.  kg.sparql checks the text (SERVICE, FROM refused) and binds the values.
See docs/LAYOUT.md, section "The build folder", and docs/QUERYING.md, section "What a query sees".
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Mapping, Protocol

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import QueryError
from kg.formats import FORMATS, GRAPH_FORMATS, RESULTS_FORMATS, serialize_triples
from kg.sparql import bind, check_safe, syntax_error

MEMORY_LOAD_BLOCK = 16 * 1024 * 1024  # bytes of a file loaded into a store in memory per transaction

_OX_RESULTS = {name: FORMATS[name].results for name in RESULTS_FORMATS}
INFERRED = ox.NamedNode(ns.INFERRED_GRAPH)

# ------------------------------------------------------------------ results
class Result:
    """The answer to a query: ``kind`` is ``select``, ``ask`` or ``graph``.

    A SELECT result from pyoxigraph stays live until its rows are read, so
    that ``serialize`` hands it to pyoxigraph's own W3C writers; ``rerun``
    gives a fresh one when the rows were read first."""

    def __init__(self, kind: str, variables=None, rows=None, boolean=None, triples=None, raw=None, rerun=None,
                 name: str = "query"):
        self.kind = kind
        self.name = name
        self.variables: list[str] = variables or []
        self._rows: list[tuple] | None = rows
        self.boolean: bool | None = boolean
        # None: a CONSTRUCT/DESCRIBE answer still in the engine, read on first use
        self._triples: list[ox.Triple] | None = None if kind == "graph" and triples is None and raw is not None \
            else list(triples or [])
        self._raw = raw
        self._rerun = rerun

    @property
    def triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE answer (read on first use)."""
        if self._triples is None:
            self._triples = list(self._stream(None))
        return self._triples

    def iter_triples(self):
        """The triples one at a time, as the engine produces them (a server caps them as they come)."""
        return self._stream(None) if self._triples is None and self._raw is not None else iter(self.triples)

    @property
    def rows(self) -> list[tuple]:
        """Tuples of pyoxigraph terms (None where unbound), one per solution."""
        if self._rows is None:
            self._rows = list(self._stream(tuple))
        return self._rows

    def iter_rows(self):
        """The rows one at a time, without materialising them all (a server caps them as they come)."""
        return self._stream(tuple) if self._rows is None and self._raw is not None else iter(self.rows)

    def _stream(self, convert):
        """The engine's answers, read once."""
        raw, self._raw = self._raw, None
        if raw is None:
            return
        with self._evaluating():
            for item in raw:
                yield convert(item) if convert else item

    @contextlib.contextmanager
    def _evaluating(self):
        """pyoxigraph evaluates as the answers are read: its errors surface
        there, not when the query was started, and must become QueryErrors too."""
        try:
            yield
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"{self.name}: query failed: {exc}") from None

    def __bool__(self) -> bool:
        if self.kind == "ask":
            return bool(self.boolean)
        return bool(self.rows if self.kind == "select" else self.triples)

    def serialize(self, fmt: str) -> bytes:
        """W3C SPARQL results (json, xml, csv, tsv) or RDF for graph results."""
        if self.kind == "graph":
            if fmt not in GRAPH_FORMATS:
                raise QueryError(f"format {fmt!r} is not for CONSTRUCT/DESCRIBE results; use {', '.join(GRAPH_FORMATS)}")
            return serialize_triples(self.triples, fmt)
        if fmt not in RESULTS_FORMATS:
            raise QueryError(f"format {fmt!r} is not a SPARQL results format; use {', '.join(RESULTS_FORMATS)}")
        if self.kind == "select":
            raw, self._raw = self._raw, None
            if raw is None and self._rerun is not None:
                raw = self._rerun()
            if raw is not None:
                with self._evaluating():
                    return raw.serialize(format=_OX_RESULTS[fmt])
        return _w3c(self, fmt)


def _w3c(result: Result, fmt: str) -> bytes:
    """W3C serialisation of materialised rows through pyoxigraph's own writers.

    pyoxigraph writes results only from a live QuerySolutions, so the rows are
    replayed through a VALUES query on an empty store (used for ASK and for
    rows that were read before being written)."""
    if result.kind == "ask":
        q = "ASK {}" if result.boolean else "ASK { FILTER(false) }"
        return ox.Store().query(q).serialize(format=_OX_RESULTS[fmt])
    variables = result.variables
    if not variables:
        q = "SELECT * WHERE {}" if result.rows else "SELECT * WHERE { FILTER(false) }"
        return ox.Store().query(q).serialize(format=_OX_RESULTS[fmt])
    head = " ".join(f"?{v}" for v in variables)
    body = "\n".join("(" + " ".join("UNDEF" if t is None else _term_sparql(t) for t in row) + ")" for row in result.rows)
    q = f"SELECT {head} WHERE {{ VALUES ({head}) {{ {body} }} }}"
    return ox.Store().query(q).serialize(format=_OX_RESULTS[fmt])


def _term_sparql(term) -> str:
    if isinstance(term, ox.BlankNode):
        raise QueryError("blank nodes in results of this engine cannot be written as W3C results")
    return str(term)


# ------------------------------------------------------------------ protocol
class Store(Protocol):
    """What every query engine offers.

    ``default_graphs`` / ``named_graphs`` (graph IRIs) replace the dataset the query runs over, as the
    SPARQL protocol's default-graph-uri / named-graph-uri do; left out (None), the default graph is the
    union of all graphs and every graph is a named graph.  ``base_iri`` resolves relative IRIs (a server
    passes its endpoint's address)."""

    def query(self, text: str, bindings: Mapping[str, object] | None = None, asserted_only: bool = False,
              name: str = "query", default_graphs=None, named_graphs=None, base_iri=None) -> Result: ...

    def has_resource(self, term) -> bool: ...

    def graph_names(self) -> list[str]: ...


class OxigraphStore:
    """pyoxigraph: a built store opened read-only from disk, or a store in memory."""

    def __init__(self, store: ox.Store, asserted: Path | None = None):
        self._store = store
        self._named = sorted(store.named_graphs(), key=str)
        self._asserted_file = asserted  # N-Quads of the asserted statements, for asserted_only
        self._asserted: OxigraphStore | None = None

    @classmethod
    def open(cls, path: Path, asserted: Path | None = None) -> "OxigraphStore":
        """The store a build wrote (already laid out), read-only: opening costs nothing proportional to its size.
        ``asserted``: the build's asserted.nq, loaded only if an ``asserted_only`` query comes."""
        try:
            return cls(ox.Store.read_only(str(path)), asserted)
        except OSError as exc:
            raise QueryError(f"cannot open the store in {path}: {exc}") from None

    @classmethod
    def from_files(cls, *paths: Path) -> "OxigraphStore":
        """In memory, from N-Quads files (laid out here)."""
        s = ox.Store()
        for p in paths:
            s.bulk_load(path=str(p), format=ox.RdfFormat.N_QUADS)
        lay_out(s)
        return cls(s)

    @classmethod
    def from_quads(cls, quads) -> "OxigraphStore":
        s = ox.Store()
        s.bulk_extend(quads)
        lay_out(s)
        return cls(s)

    def graph_names(self) -> list[str]:
        return [g.value for g in self._named]

    def _asserted_view(self) -> "OxigraphStore":
        if self._asserted is None:
            if self._asserted_file is not None:  # its blank nodes as the build's store labels them
                store = ox.Store()
                load_keeping_labels(store, self._asserted_file)
                lay_out(store)
                self._asserted = OxigraphStore(store)
            else:  # a store in memory: every statement but the inferred ones
                inferred = {ox.Triple(q.subject, q.predicate, q.object)
                            for q in self._store.quads_for_pattern(None, None, None, INFERRED)}
                self._asserted = OxigraphStore.from_quads(
                    [q for q in self._store.quads_for_pattern(None, None, None, None) if q.graph_name != INFERRED
                     and not (isinstance(q.graph_name, ox.DefaultGraph)
                              and ox.Triple(q.subject, q.predicate, q.object) in inferred)])
        return self._asserted

    def query(self, text: str, bindings: Mapping[str, object] | None = None, asserted_only: bool = False,
              name: str = "query", default_graphs=None, named_graphs=None, base_iri=None) -> Result:
        check_safe(text, name)
        if asserted_only and default_graphs is None and named_graphs is None:
            return self._asserted_view().query(text, bindings, name=name, base_iri=base_iri)
        kwargs: dict = {"prefixes": ns.PREFIXES, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
        sent = bind(text, bindings, name=name) if bindings else text

        def run():
            try:
                return self._store.query(sent, **kwargs)
            except SyntaxError as exc:
                raise _placed(exc, text, sent, name, kwargs) from None
            except (OSError, ValueError, RuntimeError) as exc:
                raise QueryError(f"{name}: query failed: {exc}") from None

        raw = run()
        if isinstance(raw, ox.QueryBoolean):
            return Result("ask", boolean=bool(raw))
        if isinstance(raw, ox.QueryTriples):
            return Result("graph", raw=raw, name=name)
        return Result("select", variables=[v.value for v in raw.variables], raw=raw, rerun=run, name=name)

    def has_resource(self, term) -> bool:
        s = self._store
        for _ in s.quads_for_pattern(term, None, None, None):
            return True
        if isinstance(term, ox.NamedNode):
            for _ in s.quads_for_pattern(None, term, None, None):
                return True
        for _ in s.quads_for_pattern(None, None, term, None):
            return True
        return False


def _placed(exc: SyntaxError, text: str, sent: str, name: str, kwargs: dict) -> QueryError:
    """The syntax error placed in the query as written, not in the text with its values bound."""
    if sent is not text:
        try:
            ox.Store().query(text, prefixes=kwargs["prefixes"], base_iri=kwargs["base_iri"])
        except SyntaxError as own:
            return syntax_error(own, text, name)
        return syntax_error(exc, sent, name)
    return syntax_error(exc, text, name)


def lay_out(store: ox.Store) -> None:
    """Put every named-graph triple, as a set, into the default graph (docs/LAYOUT.md, "The build
    folder"); triples already in the default graph stay there."""
    copies = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
              for q in store.quads_for_pattern(None, None, None, None)
              if not isinstance(q.graph_name, ox.DefaultGraph)]
    store.bulk_extend(copies)


def blank_node_lines(data: bytes) -> tuple[list[memoryview], bytes]:
    """N-Quads ``data`` split in two: the lines without "_:", as pieces of ``data`` (views: no copy of a
    million lines is made), and those with it (a blank node, or "_:" in a literal, which parses right
    either way).

    Oxigraph's ``load`` and ``bulk_load`` give the blank nodes of each call new labels: the asserted
    statements, the inferred ones and the closure, loaded by three calls, would hold three copies of each
    blank node, and a query joining a source graph with the default graph would miss them. The lines
    that hold one (few: OWL lists and axioms) are parsed without renaming and added as they are."""
    spans = []
    at = data.find(b"_:")
    while at != -1:
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        end = len(data) if end == -1 else end + 1
        spans.append((start, end))
        at = data.find(b"_:", end)
    view = memoryview(data)
    gaps = zip([0] + [end for _, end in spans], [start for start, _ in spans] + [len(data)])
    return [view[a:b] for a, b in gaps if b > a], b"".join(data[a:b] for a, b in spans)


def load_keeping_labels(store, path: Path) -> None:
    """Load into a store in memory an N-Quads file kg wrote (read leniently: its terms were checked as it
    was written), its blank nodes under the labels the file gives them, as in the build's store (see
    blank_node_lines): the lines that hold one apart. In memory, transactions are faster and lighter than
    a bulk load: one per block of MEMORY_LOAD_BLOCK bytes (one transaction of the whole file keeps what it
    would undo until it ends: 2 GiB for the closure at ten million statements; at a million, blocks took
    5.3 s against 6.6 s)."""
    from kg.linesort import file_blocks

    for block in file_blocks(path, MEMORY_LOAD_BLOCK):
        plain, held = blank_node_lines(block)
        store.load(b"".join(plain) if held else block, format=ox.RdfFormat.N_QUADS, lenient=True)
        if held:
            store.extend(ox.parse(held, format=ox.RdfFormat.N_QUADS))
