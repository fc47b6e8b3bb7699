"""THE query-engine interface.

Everything that runs SPARQL goes through this small protocol, so that a
faster or persistent store can later serve large graphs without touching the
commands::

    store = open_store(project)            # builds first if the build is stale
    result = store.query(text, bindings={"park": NamedNode(...)}, asserted_only=False)
    result.kind                            # "select" | "ask" | "graph"
    result.serialize("json")               # W3C SPARQL 1.1 JSON / XML / CSV / TSV
                                           # (graph results: turtle / nt / jsonld / xml)

For a web server, ``run_query(project, text, params, fmt)`` does the whole
thing and returns ``(bytes, media_type)``.

Terms are pyoxigraph terms throughout (NamedNode, BlankNode, Literal).  Two
implementations: ``OxigraphStore`` (the default: pyoxigraph, in memory, loaded
from the built N-Quads) and ``RdflibStore`` (rdflib's engine; used by the tests
to prove the same answers).

Safety: queries are refused before they run when they contain ``SERVICE``
(pyoxigraph would really call the network) or ``FROM`` / ``FROM NAMED`` (the
queries run over the built graph; select a source graph with ``GRAPH``).
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Mapping, Protocol

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import QueryError

SELECT_FORMATS = {"json", "xml", "csv", "tsv"}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_OX_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
INFERRED = ox.NamedNode(ns.INFERRED_GRAPH)
# Internal to the query store, never exported or listed: the asserted triples as a set.
ASSERTED_UNION = ox.NamedNode(ns.GRAPH + "asserted-union")

# ------------------------------------------------------------------ safety
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    # Whole prefixed names and blank-node labels: their local part may hold a
    # dot ("ex:a.b"), so a keyword glued to one ("ex:o.SERVICE") is part of the
    # name, while "?o .SERVICE" or "}SERVICE" is the keyword itself.
    r"|_:[\w.\-\u00B7-\uFFFF]*"
    r"|(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:[\w.\-:%\\\u00B7-\uFFFF]*",
)
_FORBIDDEN = re.compile(r"(?<![\w?$])(SERVICE|FROM)(?!\w)", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$]([A-Za-z_0-9\u00B7-\uFFFF][\w\u00B7-\uFFFF]*)")
_FORM = re.compile(r"(?<![\w?$:\-.])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.IGNORECASE)


def _strip(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def check_safe(text: str, name: str = "query") -> None:
    """Refuse queries that could reach the network or load outside graphs."""
    stripped = _strip(text)
    m = _FORBIDDEN.search(stripped)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        word = m.group(1).upper()
        if word == "SERVICE":
            raise QueryError(f"{name}:{line}:{col}: SERVICE is refused: queries never reach the network")
        raise QueryError(
            f"{name}:{line}:{col}: FROM / FROM NAMED are refused: queries run over the built graph "
            "(select a source graph with GRAPH <…> { … })"
        )


def query_variables(text: str) -> set[str]:
    """The names of the variables a query mentions (outside strings, IRIs, comments)."""
    return set(_VARIABLE.findall(_strip(text)))


def query_form(text: str) -> str:
    m = _FORM.search(_strip(text))
    return m.group(1).upper() if m else "SELECT"


def _tidy_expected(what: str) -> str:
    """Drop the character classes from oxigraph's 'expected one of …' lists."""
    m = re.match(r"expected one of (.*)$", what, re.S)
    if not m:
        return what
    items = [i.strip() for i in re.split(r", (?![^\[]*\])", m.group(1))]
    items = [i for i in items if i and not i.startswith("[")]
    if not items:
        return "unexpected input"
    more = ", …" if len(items) > 12 else ""
    return "expected one of " + ", ".join(items[:12]) + more


def syntax_error(exc: SyntaxError, text: str, name: str = "query") -> QueryError:
    """A QueryError that shows where the SPARQL syntax error is."""
    msg = str(exc.msg if exc.msg else exc)
    m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if not m:
        return QueryError(f"{name}: SPARQL syntax error: {msg}")
    line, col, what = int(m.group(1)), int(m.group(2)), _tidy_expected(m.group(3))
    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    # oxigraph counts columns in characters, from 1
    before, after = src[: col - 1].lstrip(), src[col - 1 :].rstrip()
    return QueryError(f"{name}:{line}:{col}: SPARQL syntax error: {what} — at: {before}⏵{after}")


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
                raise QueryError(f"format {fmt!r} is not for CONSTRUCT/DESCRIBE results; use turtle, nt, jsonld or rdfxml")
            return serialize_triples(self.triples, fmt)
        if fmt not in SELECT_FORMATS:
            raise QueryError(f"format {fmt!r} is not a SPARQL results format; use json, xml, csv or tsv")
        if self.kind == "select":
            raw, self._raw = self._raw, None
            if raw is None and self._rerun is not None:
                raw = self._rerun()
            if raw is not None:
                with self._evaluating():
                    return raw.serialize(format=_OX_RESULTS[fmt])
        return _w3c(self, fmt)


def serialize_triples(triples, fmt: str) -> bytes:
    """Triples as Turtle, N-Triples, JSON-LD or RDF/XML, in a stable order."""
    ordered = sorted(set(triples), key=str)
    if fmt == "jsonld":
        from kg.export import jsonld_bytes

        return jsonld_bytes(ordered)
    if fmt in ("turtle", "rdfxml"):
        data = ox.serialize(ordered, format=GRAPH_FORMATS[fmt], prefixes=used_prefixes(ordered))
    else:
        data = ox.serialize(ordered, format=GRAPH_FORMATS[fmt])
    return data if data.endswith(b"\n") or not data else data + b"\n"


def used_prefixes(statements) -> dict[str, str]:
    """The project prefixes whose namespace some IRI of ``statements`` is in."""
    iris = set()
    for t in statements:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    out = {}
    for prefix, namespace in ns.PREFIXES.items():
        if any(i.startswith(namespace) for i in iris):
            out[prefix] = namespace
    return out


def _w3c(result: Result, fmt: str) -> bytes:
    """W3C serialisation of materialised rows through pyoxigraph's own writers.

    pyoxigraph writes results only from a live QuerySolutions, so the rows are
    replayed through a VALUES query on an empty store (used for ASK and for
    the rdflib engine)."""
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
    """pyoxigraph, in memory."""

    def __init__(self, store: ox.Store | None = None):
        self._store = store if store is not None else ox.Store()
        self._layout_union()

    def _layout_union(self) -> None:
        """Copy every triple into the default graph and the asserted ones into
        ASSERTED_UNION. Oxigraph's ``use_default_graph_as_union`` is a bag: a
        triple stated by three articles would come back three times. A store
        is a set of quads, so these copies are the RDF merge the query needs."""
        s = self._store
        laid_out = any(True for _ in s.quads_for_pattern(None, None, None, ASSERTED_UNION))
        if not laid_out:
            quads = list(s.quads_for_pattern(None, None, None, None))
            s.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                     for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
            s.extend(ox.Quad(q.subject, q.predicate, q.object, ASSERTED_UNION)
                     for q in quads if q.graph_name != INFERRED)
        self._named = [g for g in s.named_graphs() if g != ASSERTED_UNION]

    @classmethod
    def from_files(cls, *paths: Path) -> "OxigraphStore":
        s = ox.Store()
        for p in paths:
            s.load(path=str(p), format=ox.RdfFormat.N_QUADS)
        return cls(s)

    @classmethod
    def from_quads(cls, quads) -> "OxigraphStore":
        s = ox.Store()
        s.extend(quads)
        return cls(s)

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._named)

    def query(self, text: str, bindings: Mapping[str, object] | None = None, asserted_only: bool = False,
              name: str = "query", default_graphs=None, named_graphs=None, base_iri=None) -> Result:
        check_safe(text, name)
        kwargs: dict = {"prefixes": ns.PREFIXES, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
        elif asserted_only:
            kwargs["default_graph"] = ASSERTED_UNION
            kwargs["named_graphs"] = [g for g in self._named if g != INFERRED]
        else:
            kwargs["named_graphs"] = self._named
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in bindings.items()}
        def run():
            try:
                return self._store.query(text, **kwargs)
            except SyntaxError as exc:
                raise syntax_error(exc, text, name) from None
            except (OSError, ValueError, RuntimeError) as exc:
                m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(exc))
                if m:
                    raise QueryError(
                        f"{name}: parameter {m.group(1)} must be listed in the SELECT clause (or use SELECT *): "
                        "parameters are bound by substitution, which applies to projected variables"
                    ) from None
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


class RdflibStore:
    """rdflib's SPARQL engine over an rdflib Dataset (slow; tests and cross-checks only).

    rdflib would load FROM / FROM NAMED IRIs from the web: check_safe refuses
    them before rdflib sees the query."""

    def __init__(self, dataset):
        self._ds = dataset

    @classmethod
    def from_files(cls, *paths: Path) -> "RdflibStore":
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        for p in paths:
            ds.parse(str(p), format="nquads")
        return cls(ds)

    def graph_names(self) -> list[str]:
        return sorted(str(g.identifier) for g in self._ds.contexts() if str(g.identifier).startswith("http"))

    def query(self, text: str, bindings: Mapping[str, object] | None = None, asserted_only: bool = False,
              name: str = "query", default_graphs=None, named_graphs=None, base_iri=None) -> Result:
        from rdflib import Dataset, Variable

        from kg.load import from_rdflib, to_rdflib

        check_safe(text, name)
        if default_graphs is not None or named_graphs is not None:
            raise QueryError(f"{name}: the rdflib engine cannot choose the dataset; use the oxigraph engine")
        target = self._ds
        if asserted_only:
            target = Dataset(default_union=True)
            for g in self._ds.contexts():
                if str(g.identifier) != ns.INFERRED_GRAPH:
                    for t in g:
                        target.graph(g.identifier).add(t)
        init = {Variable(k): to_rdflib(v) for k, v in (bindings or {}).items()}
        prologue = ns.sparql_prologue()
        try:
            res = target.query(prologue + text, initBindings=init, base=base_iri)
        except Exception as exc:  # rdflib raises pyparsing errors
            raise QueryError(f"{name}: query failed: {exc}") from None
        conv = lambda t: None if t is None else from_rdflib(t)  # noqa: E731
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return Result("graph", triples=[ox.Triple(conv(s), conv(p), conv(o)) for s, p, o in res.graph])
        variables = [str(v) for v in res.vars]
        rows = [tuple(conv(row[v]) for v in res.vars) for row in res]
        return Result("select", variables=variables, rows=rows)

    def has_resource(self, term) -> bool:
        from kg.load import to_rdflib

        t = to_rdflib(term)
        return any(True for _ in self._ds.triples((t, None, None))) or any(
            True for _ in self._ds.triples((None, None, t))
        )


ENGINES = {"oxigraph": OxigraphStore, "rdflib": RdflibStore}


def open_store(project=None, engine: str = "oxigraph") -> Store:
    """A store over the built graph (asserted + inferred) of ``project``.

    The build is checked cheaply (a content hash of the inputs) and run first
    when missing or stale."""
    from kg.build import ensure_built
    from kg.project import locate

    project = project or locate()
    built = ensure_built(project)
    try:
        cls = ENGINES[engine]
    except KeyError:
        raise QueryError(f"unknown query engine {engine!r} (known: {', '.join(ENGINES)})") from None
    return cls.from_files(built.path / "asserted.nq", built.path / "inferred.nq")


def run_query(project, text: str, params: Mapping[str, str] | None = None, fmt: str = "json",
              asserted_only: bool = False, store: Store | None = None, declared=None) -> tuple[bytes, str]:
    """Run SPARQL text with textual parameters and return (W3C-formatted bytes, media type).

    The one call a web server needs: ``params`` are bound as RDF terms (see
    kg.params), SELECT/ASK results come out in W3C SPARQL 1.1 JSON, XML, CSV
    or TSV, CONSTRUCT/DESCRIBE in turtle, nt, jsonld or rdfxml."""
    from kg.params import bind_params

    store = store or open_store(project)
    bindings = bind_params(text, params or {}, declared=declared, store=store)
    result = store.query(text, bindings, asserted_only=asserted_only)
    if result.kind == "graph" and fmt in SELECT_FORMATS:
        fmt = "turtle" if fmt != "xml" else "rdfxml"
    return result.serialize(fmt), MEDIA_TYPES[fmt]
