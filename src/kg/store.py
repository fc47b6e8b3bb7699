"""THE query-engine interface, at the bottom of the import graph.

Everything that runs SPARQL goes through this small protocol, so that the
commands never touch the engine itself::

    store = OxigraphStore.open(path)       # a built store on disk, read-only
    result = store.query(text, bindings={"park": NamedNode(...)}, asserted_only=False)
    result.kind                            # "select" | "ask" | "graph"
    result.serialize("json")               # W3C SPARQL 1.1 JSON / XML / CSV / TSV
                                           # (graph results: turtle / nt / jsonld / rdfxml)

Terms are pyoxigraph terms throughout (NamedNode, BlankNode, Literal).

The dataset layout (written once by ``kg build``, or by ``lay_out`` for a
store made in memory): every named graph as built (the ontology graph, one
graph per source, ``kgg:inferred``), and in the default graph the closure
(asserted and inferred triples) as a set, so a triple stated by three
sources comes back once (Oxigraph's own ``use_default_graph_as_union`` would
give it three times).  Queries run on the store's own dataset, with no
dataset given to the engine: naming the default or named graphs (five
thousand source graphs at a million triples) makes Oxigraph several times
slower.  ``asserted_only`` queries a second store, made in memory from the
build's asserted statements on first use (seconds at a million triples).

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
from kg.formats import FORMATS, GRAPH_FORMATS, RESULTS_FORMATS, serialize_triples

_OX_RESULTS = {name: FORMATS[name].results for name in RESULTS_FORMATS}
INFERRED = ox.NamedNode(ns.INFERRED_GRAPH)

# ------------------------------------------------------------------ safety
# Name characters as negated classes: ASCII letters, digits, "_" and any character from U+00B7 up
# (a class with a range up to U+FFFF costs the regex compiler milliseconds, paid by every kg query).
_NAME = r"[^\x00-/:-@\[-^`{-\xb6]"  # letters, digits, _, and U+00B7 and above
_NAME_DOT = r"[^\x00-,/:-@\[-^`{-\xb6]"  # the same with "." and "-"
_LOCAL = r"[^\x00-$&-,/;-@\[\]^`{-\xb6]"  # the same with ".", "-", ":", "%" and "\\"
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
    rf"|_:{_NAME_DOT}*"
    rf"|(?:[^\x00-@\[-`{{-\xbf]{_NAME_DOT}*)?:{_LOCAL}*",
)
_FORBIDDEN = re.compile(r"(?<![\w?$])(SERVICE|FROM)(?!\w)", re.IGNORECASE)
_VARIABLE = re.compile(rf"[?$]({_NAME}+)")
_FORM = re.compile(r"(?<![\w?$:\-.])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.IGNORECASE)


def _strip(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def values_bound(text: str, bindings: Mapping[str, object]) -> str | None:
    """The query with ``bindings`` (variable name -> IRI or literal) bound by a ``VALUES`` block at the
    start of its outermost WHERE group, or None where there is no such group (CONSTRUCT WHERE { … }): a
    remote store's portable binding (kg.remote); locally :class:`Prebinding` also binds the groups nested
    in it.  Bound there, the variable has its value before the rest of the group is evaluated, as
    substitution gives it, but the planner sees it: a pattern on a bound subject is a lookup, not a scan
    (5x faster for figures on a million statements).  Written in N-Triples syntax by pyoxigraph, escapes
    included: user text is never pasted into a query."""
    scan = QueryScan(text)
    if scan.outer is None:
        return None
    at = scan.groups[scan.outer].start
    return text[:at] + _values_block(list(bindings), bindings) + text[at:]


def _values_block(names: list, values: Mapping[str, object]) -> str:
    return f" VALUES (?{' ?'.join(names)}) {{ ({' '.join(str(values[n]) for n in names)}) }} "


# A token of a query as _strip leaves it: a brace, a parenthesis, a variable, or a bare word (keyword,
# function name; prefixed names, IRIs and strings are blanked out).
_SCAN = re.compile(rf"[{{}}()]|[?$]({_NAME}+)|(?<![\w?$:\-.@])([A-Za-z_][A-Za-z_0-9]*)(?![\w:\-])")
_STAR = re.compile(r"\s*(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)


class Group:
    """A group graph pattern ``{ … }``: ``start`` just after its "{", ``end`` at its "}"; ``kind`` is
    "group", "exists", "minus", "service" or "select" (the braces around a sub-select); ``variables``
    are those that occur in it outside its nested groups, ``pattern_variables`` those of them that occur
    outside parentheses (in triple patterns, or as AS targets), not only in FILTER, BIND or a function."""

    __slots__ = ("start", "end", "parent", "kind", "variables", "pattern_variables")

    def __init__(self, start: int, parent: int | None, kind: str):
        self.start, self.end, self.parent, self.kind = start, None, parent, kind
        self.variables: set = set()
        self.pattern_variables: set = set()  # outside parentheses: in triple patterns (or AS targets)


class SubSelect:
    """A sub-select: its braces (``group``), its WHERE group (``where``), what it projects."""

    __slots__ = ("group", "where", "projected", "star")

    def __init__(self, group: int):
        self.group, self.where, self.projected, self.star = group, None, set(), False


class QueryScan:
    """One pass over a query's text (strings, IRIs, prefixed names and comments blanked out first): its
    groups, its sub-selects, the variables bound with ``AS`` and the keywords it uses.  It never raises:
    what it cannot read is left to the parser, whose error then points into the text as written."""

    def __init__(self, text: str):
        self.text = text
        stripped = _strip(text)
        self.groups: list[Group] = []
        self.subselects: list[SubSelect] = []
        self.outer: int | None = None  # the outermost WHERE group; None for CONSTRUCT WHERE { … }
        self.as_variables: list[str] = []
        self.keywords: dict[str, int] = {}  # upper-cased bare word -> offset of its first use
        stack: list[int] = []  # open groups
        parens: list[int] = [0]  # parenthesis depth, per open group
        form = None
        pending = None  # EXISTS / MINUS / SERVICE: the kind of the next group
        after_as = False
        template = False  # inside a CONSTRUCT template
        skip_to = -1  # the end of a VALUES data block or a CONSTRUCT template
        projecting: SubSelect | None = None
        values_next = False
        last = None
        for m in _SCAN.finditer(stripped):
            at, token = m.start(), m.group(0)
            if at < skip_to:
                continue
            var, word = m.group(1), m.group(2)
            if word is not None:
                upper = word.upper()
                self.keywords.setdefault(upper, at)
                after_as = upper == "AS"
                if upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and form is None and not stack:
                    form = upper
                    template = upper == "CONSTRUCT"
                elif upper == "SELECT" and last == "{" and stack:
                    self.groups[stack[-1]].kind = "select"
                    projecting = SubSelect(stack[-1])
                    self.subselects.append(projecting)
                    projecting.star = bool(_STAR.match(stripped, m.end()))
                elif upper in ("EXISTS", "MINUS", "SERVICE"):
                    pending = upper.lower()
                elif upper == "VALUES":
                    values_next = True
                elif upper == "WHERE" and template:
                    template = False  # CONSTRUCT WHERE { … }: the group is its own template
                    self.outer = -1
                last = upper
                continue
            if var is not None:
                if after_as:
                    self.as_variables.append(var)
                if projecting is not None and (parens[-1] == 0 or after_as):
                    projecting.projected.add(var)
                    self.groups[projecting.group].variables.add(var)
                elif stack:
                    g = self.groups[stack[-1]]
                    g.variables.add(var)
                    if parens[-1] == 0 or after_as:
                        g.pattern_variables.add(var)
                after_as = False
                last = "?"
                continue
            after_as = False
            if token == "(":
                parens[-1] += 1
            elif token == ")":
                parens[-1] -= 1
            elif token == "{":
                if values_next or (template and form == "CONSTRUCT" and not stack):
                    close = stripped.find("}", at)  # data blocks and templates hold no braces
                    skip_to = len(stripped) if close < 0 else close + 1
                    if template:
                        template = False
                        if close < 0:
                            self.outer = -1  # never closes: not SPARQL, the parser says where
                    values_next = False
                    last = "}"
                    continue
                kind = pending or "group"
                pending = None
                parent = stack[-1] if stack else None
                self.groups.append(Group(at + 1, parent, kind))
                index = len(self.groups) - 1
                if projecting is not None and parent == projecting.group and projecting.where is None:
                    projecting.where = index
                    projecting = None
                if self.outer is None and not stack and parens[-1] == 0 and form is not None:
                    self.outer = index
                stack.append(index)
                parens.append(0)
            elif token == "}":
                if stack:
                    self.groups[stack.pop()].end = at
                    parens.pop()
            last = token
        if self.outer == -1:
            self.outer = None

    def in_scope(self, index: int) -> set:
        """The variables a group makes in-scope (SPARQL 1.1, 18.2.1), as far as text shows them: those of its
        triple patterns and AS targets and of the groups it holds, but not of FILTER expressions, EXISTS and
        MINUS; a sub-select contributes what it projects."""
        g = self.groups[index]
        out = set(g.pattern_variables)
        for i, child in enumerate(self.groups):
            if child.parent != index or child.kind in ("exists", "minus"):
                continue
            if child.kind == "select":
                sub = next((s for s in self.subselects if s.group == i), None)
                if sub is not None:
                    out |= self.in_scope(sub.where) if sub.star and sub.where is not None else sub.projected
            else:
                out |= self.in_scope(i)
        return out


class Prebinding:
    """Variables pre-bound everywhere in a query, as SHACL defines pre-binding (SHACL 1.0, 5.6 and its
    "values insertion"): the values join every graph pattern, so they are seen in nested groups,
    sub-selects, BIND, FILTER and EXISTS alike.  A VALUES block (or, for a blank node, which query text
    cannot name, ``BIND(BNODE("id") AS ?v)``: Oxigraph's BNODE of a string is the blank node of that id)
    opens the outer group and every other group in which a bound variable occurs.  The text is scanned
    once; ``bind`` then only splices the values in."""

    def __init__(self, text: str, names, scan: QueryScan | None = None):
        scan = scan or QueryScan(text)
        if scan.outer is None:
            raise QueryError("variables can be pre-bound only in a query with a WHERE group "
                             "(for CONSTRUCT: CONSTRUCT { … } WHERE { … }, not CONSTRUCT WHERE { … })")
        names = list(names)
        points = {scan.groups[scan.outer].start: tuple(names)}
        for g in scan.groups:
            used = tuple(n for n in names if n in g.variables)
            if used and g.kind != "select" and g.start not in points:
                points[g.start] = used
        self.names = names
        self._points = sorted(points.items())
        cuts = [0] + [at for at, _ in self._points] + [len(text)]
        self._parts = [text[a:b] for a, b in zip(cuts, cuts[1:])]

    def bind(self, values: Mapping[str, object]) -> str:
        blocks: dict = {}
        out = [self._parts[0]]
        for (_, used), part in zip(self._points, self._parts[1:]):
            block = blocks.get(used)
            if block is None:
                block = blocks[used] = _binding_block(used, values)
            out.append(block)
            out.append(part)
        return "".join(out)


def _binding_block(names, values: Mapping[str, object]) -> str:
    plain = [n for n in names if isinstance(values[n], (ox.NamedNode, ox.Literal))]
    text = _values_block(plain, values) if plain else " "
    for n in names:
        term = values[n]
        if isinstance(term, ox.BlankNode):
            text += f'BIND(BNODE("{term.value}") AS ?{n}) '
        elif not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"cannot bind ?{n} to {term}: only IRIs, literals and blank nodes can be bound")
    return text


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


_UPDATE = re.compile(r"(?<![\w?$:\-.])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:\-])",
                     re.IGNORECASE)


def check_read_only(text: str, name: str = "query") -> None:
    """Refuse SPARQL Update: the built store is read-only (the data is changed in data/ and rebuilt)."""
    stripped = _strip(text)
    update, form = _UPDATE.search(stripped), _FORM.search(stripped)
    if update and (form is None or update.start() < form.start()):
        raise QueryError(f"{name}: {update.group(1).upper()} is SPARQL Update, and the built store is read-only: "
                         "change the files in data/ and run kg build")


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
            if self._asserted_file is not None:
                self._asserted = OxigraphStore.from_files(self._asserted_file)
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
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        sent = text
        if bindings:
            scan = QueryScan(text)
            if scan.outer is None:  # no WHERE group of its own (CONSTRUCT WHERE { … }): substitution
                kwargs["substitutions"] = substitutions
            else:  # a VALUES block opening the outer group, and every nested group that uses a parameter
                sent = Prebinding(text, bindings, scan).bind(bindings)

        def run():
            try:
                try:
                    return self._store.query(sent, **kwargs)
                except SyntaxError:
                    if sent is text:
                        raise
                    # the query's own error, whose position is in the text as written
                    return self._store.query(text, substitutions=substitutions, **kwargs)
            except SyntaxError as exc:
                raise syntax_error(exc, text, name) from None
            except (OSError, ValueError, RuntimeError) as exc:
                m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(exc))
                if m:
                    raise QueryError(
                        f"{name}: parameter {m.group(1)} must be listed in the SELECT clause (or use SELECT *): "
                        "a parameter is bound by substitution here, which applies to projected variables"
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


def lay_out(store: ox.Store) -> None:
    """Put every named-graph triple, as a set, into the default graph (see the module docstring); triples
    already in the default graph stay there."""
    copies = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
              for q in store.quads_for_pattern(None, None, None, None)
              if not isinstance(q.graph_name, ox.DefaultGraph)]
    store.bulk_extend(copies)
