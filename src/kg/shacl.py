"""A fast SHACL validator over the reasoner's integer-id index (kg.rules.IdGraph).

pyshacl (the reference, kept as a dependency) walks rdflib graphs one node at
a time: about 100 s and 1.5 GiB on a million-triple closure.  This module
validates the same closure in about a second of its own work (plus the SPARQL
targets, which no engine makes cheap):

* the shapes graph is read once and every shape compiled into closures over
  integer ids: property paths become lookups in the index's per-predicate
  tables (``fwd[p][s]``, and a backward table for inverse paths), classes
  become sets of subclass ids, ``sh:in`` / ``sh:hasValue`` become id sets;
* each shape checks all its focus nodes in one pass, constraint by constraint;
* nested shapes (``sh:node``, ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``,
  ``sh:qualifiedValueShape``) are checked with short-circuiting, and each
  (shape, node) answer is cached for the run;
* what pyshacl takes from rdflib (ill-typed literals for ``sh:datatype``,
  literal order for the range constraints and ``sh:lessThan``, term text in
  messages) is computed with rdflib too, once per distinct literal;
* SPARQL-based targets (``sh:target [ a sh:SPARQLTarget ]``) and constraints
  (``sh:sparql``) go to ``run_select`` over the same graph -- for instance
  ``select_runner(store, use_default_graph_as_union=True)`` over the build's
  store (duplicate solutions do no harm); without one, a pyoxigraph store is
  built from the index.

What it implements: SHACL Core (every target, path and constraint component,
``sh:deactivated``, severities, ``sh:message``) and SHACL-SPARQL's SPARQL
constraints (pre-bound ``$this`` and ``$currentShape``, ``$PATH``,
``sh:prefixes``, ``{?var}`` / ``{$var}`` in messages) and SPARQL targets.

What it refuses, with a :class:`kg.errors.DataError` naming the shape or
term: every other ``sh:`` term in a shapes graph -- SHACL-AF rules,
functions, node expressions, custom target types, custom (SPARQL- or
JS-based) constraint components, ``sh:entailment``, ``$shapesGraph`` -- as
well as malformed shapes and recursive shapes (the specification leaves their
meaning open).  Nothing in a shapes graph is ignored without a word.

Results become :class:`kg.validate.Issue` objects exactly as
:func:`kg.validate.shacl_issues` makes them from the report of pyshacl called
as the build calls it (``inference='none', advanced=True,
allow_warnings=True, allow_infos=True``); :func:`validate_with_components`
adds each result's constraint component.  pyshacl's own choices are kept:

* a nested shape whose own severity is ``sh:Warning`` or ``sh:Info`` always
  conforms (``allow_warnings``) -- but ``sh:node`` fails when the nested shape
  reports anything, and its results come along (pyshacl's ``sh:detail``
  results are typed ``sh:ValidationResult``, so kg.validate reads them as
  results of their own);
* ``sh:datatype`` rejects literals rdflib cannot convert (ill-typed) and
  otherwise compares the datatype IRI only (no subtypes);
* the range constraints and ``sh:lessThan`` order literals as rdflib does:
  numbers by value across numeric types, dates and times by value, strings
  only with strings; what cannot be compared fails;
* ``sh:pattern`` is Python's ``re`` (flags ``i`` and ``m``), ``sh:languageIn``
  matches a tag or its first subtag;
* a result whose shape has no ``sh:message`` carries pyshacl's generic text
  (for a ``sh:in`` with several members pyshacl lists them in no fixed order;
  here in list order);
* a SPARQL solution binding none of ``$this``, ``?path``, ``?value`` gives no
  result, and equal solutions give one.

Where pyshacl departs from the specification this module follows the
specification; the project's shapes use none of these: an inverse sequence
path is reversed (``^(p/q)`` = ``^q/^p``), a node with only ``sh:target`` is a
shape, implicit class targets follow ``rdfs:subClassOf*`` in the shapes
graph, and ``?failure`` true in a SPARQL solution is an error, not a result.

Parity is proven by tests/test_shacl.py: the multisets of (focus, path,
component, source shape, severity, value, message) from pyshacl and from this
module are equal on the seed graph, on every example in tests/shape_cases, on
the seed graph with some thirty seeded faults, and on custom shapes that use
every SHACL Core feature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError

SH = "http://www.w3.org/ns/shacl#"
RDF = ns.PREFIXES["rdf"]
RDFS = ns.PREFIXES["rdfs"]
XSD = ns.PREFIXES["xsd"]
OWL = ns.PREFIXES["owl"]

_N = ox.NamedNode


def _sh(local: str) -> ox.NamedNode:
    return _N(SH + local)


TYPE, FIRST, REST, NIL = _N(RDF + "type"), _N(RDF + "first"), _N(RDF + "rest"), _N(RDF + "nil")
SUBCLASS, RDFS_CLASS = _N(RDFS + "subClassOf"), _N(RDFS + "Class")
RDFS_RESOURCE = _N(RDFS + "Resource")
XSD_STRING, LANG_STRING = _N(XSD + "string"), _N(RDF + "langString")
RDFS_LITERAL, RDFS_DATATYPE = _N(RDFS + "Literal"), _N(RDFS + "Datatype")
VIOLATION, WARNING, INFO = _sh("Violation"), _sh("Warning"), _sh("Info")

# The sh: predicates a shapes graph may use here: SHACL Core, the SPARQL-based
# constraints and targets, and the non-validating properties.
_ALLOWED_PREDICATES = {SH + n for n in (
    "targetClass targetNode targetSubjectsOf targetObjectsOf target "
    "path inversePath alternativePath zeroOrMorePath oneOrMorePath zeroOrOnePath "
    "class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive maxInclusive "
    "minLength maxLength pattern flags languageIn uniqueLang equals disjoint lessThan lessThanOrEquals "
    "not and or xone node property qualifiedValueShape qualifiedMinCount qualifiedMaxCount "
    "qualifiedValueShapesDisjoint closed ignoredProperties hasValue in "
    "deactivated severity message name description order group defaultValue "
    "sparql select prefixes declare prefix namespace shapesGraph suggestedShapesGraph").split()}
_ALLOWED_TYPES = {SH + n for n in
                  "NodeShape PropertyShape Shape SPARQLConstraint SPARQLTarget PrefixDeclaration PropertyGroup".split()}
_TARGET_PREDICATES = [_sh(n) for n in ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf")]
_EMPTY: frozenset = frozenset()


class _Refused(DataError):
    pass


def _local(iri: str) -> str:
    return "sh:" + iri[len(SH):] if iri.startswith(SH) else f"<{iri}>"


def _name(term) -> str:
    if isinstance(term, ox.NamedNode):
        return ns.shorten(term.value) if "://" in term.value else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


# ---------------------------------------------------------------- the shapes graph
class _ShapesGraph:
    """The shapes graph: a small index over pyoxigraph terms (graph names ignored)."""

    def __init__(self, quads):
        self.spo: dict = {}
        self.pos: dict = {}
        seen = set()
        for q in quads:
            t = (q.subject, q.predicate, q.object)
            if t in seen:
                continue
            seen.add(t)
            self.spo.setdefault(q.subject, {}).setdefault(q.predicate, []).append(q.object)
            self.pos.setdefault(q.predicate, []).append((q.subject, q.object))

    def objects(self, s, p) -> list:
        return self.spo.get(s, {}).get(p, [])

    def value(self, s, p):
        objects = self.objects(s, p)
        return objects[0] if objects else None

    def subjects(self, p, o=None) -> list:
        out, seen = [], set()
        for s, obj in self.pos.get(p, ()):
            if (o is None or obj == o) and s not in seen:
                seen.add(s)
                out.append(s)
        return out

    def items(self, head, what: str) -> list:
        out, seen = [], set()
        while head != NIL:
            if head in seen or not isinstance(head, ox.BlankNode | ox.NamedNode):
                raise DataError(f"{what}: the value is not a well-formed RDF list")
            seen.add(head)
            first, rest = self.objects(head, FIRST), self.objects(head, REST)
            if len(first) != 1 or len(rest) != 1:
                raise DataError(f"{what}: the value is not a well-formed RDF list")
            out.append(first[0])
            head = rest[0]
        return out


def _check_supported(sg: _ShapesGraph, origin: str) -> None:
    """Refuse, by name, everything outside SHACL Core and SHACL-SPARQL's constraints and targets."""
    for s, by_p in sg.spo.items():
        for p, objects in by_p.items():
            if p.value.startswith(SH) and p.value not in _ALLOWED_PREDICATES:
                raise _Refused(f"SHACL shapes ({origin}): {_name(s)} uses {_local(p.value)}, which kg's validator "
                               "does not implement (it implements SHACL Core and SPARQL-based constraints and targets)")
            if p == TYPE:
                for o in objects:
                    if isinstance(o, ox.NamedNode) and o.value.startswith(SH) and o.value not in _ALLOWED_TYPES:
                        raise _Refused(f"SHACL shapes ({origin}): {_name(s)} is a {_local(o.value)}, which kg's "
                                       "validator does not implement (it implements SHACL Core and SPARQL-based "
                                       "constraints and targets)")
            if p == SUBCLASS:
                for o in objects:
                    if isinstance(o, ox.NamedNode) and o.value.startswith(SH) and o.value not in (
                            SH + "NodeShape", SH + "PropertyShape", SH + "Shape"):
                        raise _Refused(f"SHACL shapes ({origin}): {_name(s)} is declared a subclass of "
                                       f"{_local(o.value)}, which kg's validator does not implement")
    for shape, target in sg.pos.get(_sh("target"), ()):
        if not sg.objects(target, _sh("select")):
            raise _Refused(f"SHACL shapes ({origin}): {_name(shape)} has a sh:target that is not a SPARQL-based "
                           "target (custom target types are SHACL-AF, which kg's validator does not implement)")


# ---------------------------------------------------------------- results
@dataclass
class _Result:
    """One validation result, before it becomes a :class:`kg.validate.Issue`."""

    shape: "_Shape"
    focus: int
    value: int | None
    component: str
    path: object = None  # a data term (sh:closed, SPARQL ?path) replacing the shape's path
    messages: list | None = None  # SPARQL results: the formatted messages


class _Shape:
    __slots__ = ("node", "index", "is_property", "path_node", "values", "path_text", "severity", "soft",
                 "messages", "deactivated", "checks", "props", "targets")

    def __repr__(self):
        return f"<shape {_name(self.node)}>"


# ---------------------------------------------------------------- the run
class _Run:
    """One validation: the data graph, the compiled shapes, the caches."""

    def __init__(self, data, sg: _ShapesGraph, origin: str, run_select):
        self.data, self.sg, self.origin = data, sg, origin
        self._run_select = run_select
        self.n_terms = len(data.terms)
        self.extra: list = []  # terms the data graph lacks (sh:targetNode, sh:in members …)
        self.extra_ids: dict = {}
        self.type_id = data.known(RDF + "type")
        self.type_fwd = data.fwd.get(self.type_id, {}) if self.type_id is not None else {}
        self.shapes: dict = {}
        self.conform_cache: dict = {}
        self.any_cache: dict = {}
        self._subclass_cache: dict = {}
        self._rdflib_cache: dict = {}
        self._kinds: bytearray | None = None
        self._by_subject: dict | None = None
        self._backward: dict = {}

    # ---- terms and ids
    def term(self, i: int):
        return self.data.terms[i] if i < self.n_terms else self.extra[i - self.n_terms]

    def tid(self, term) -> int:
        i = self.data.ids.get(term)
        if i is None:
            i = self.extra_ids.get(term)
            if i is None:
                i = self.extra_ids[term] = self.n_terms + len(self.extra)
                self.extra.append(term)
                if self._kinds is not None:
                    self._kinds.append(_kind(term))
        return i

    def known_id(self, term):
        """The id of a term, or None when the data graph lacks it (then it matches nothing)."""
        return self.data.ids.get(term)

    def kinds(self) -> bytearray:
        """0 IRI, 1 blank node, 2 literal, per id."""
        if self._kinds is None:
            self._kinds = bytearray(_kind(t) for t in self.data.terms)
            self._kinds.extend(_kind(t) for t in self.extra)
        return self._kinds

    def rdflib(self, i: int):
        """The rdflib term of an id (for rdflib's literal semantics), cached."""
        r = self._rdflib_cache.get(i)
        if r is None:
            r = self._rdflib_cache[i] = _quiet_rdflib(self.term(i))
        return r

    # ---- indexes
    def objects_of(self, p_term):
        p = self.known_id(p_term)
        return self.data.fwd.get(p, {}) if p is not None else {}

    def subjects_of(self, p_term) -> dict:
        p = self.known_id(p_term)
        if p is None:
            return {}
        index = self.data.bwd.get(p)
        if index is None:
            index = self._backward.get(p)
            if index is None:  # built here, not in the shared graph: the data graph is not ours to change
                index = {}
                for s, objects in self.data.fwd.get(p, {}).items():
                    for o in objects:
                        index.setdefault(o, set()).add(s)
                self._backward[p] = index
        return index

    def subclasses(self, c: int) -> frozenset:
        """c and every class below it by rdfs:subClassOf in the data graph."""
        out = self._subclass_cache.get(c)
        if out is None:
            below = self.subjects_of(SUBCLASS)
            seen, todo = {c}, [c]
            while todo:
                for d in below.get(todo.pop(), ()):
                    if d not in seen:
                        seen.add(d)
                        todo.append(d)
            out = self._subclass_cache[c] = frozenset(seen)
        return out

    def instances(self, c_term) -> set:
        c = self.known_id(c_term)
        if c is None:
            return set()
        by_type = self.subjects_of(TYPE)
        out: set = set()
        for d in self.subclasses(c):
            out.update(by_type.get(d, ()))
        return out

    def by_subject(self) -> dict:
        """subject -> [(predicate, objects)], for sh:closed (built on first use)."""
        if self._by_subject is None:
            index: dict = {}
            for p, by_s in self.data.fwd.items():
                for s, objects in by_s.items():
                    index.setdefault(s, []).append((p, objects))
            self._by_subject = index
        return self._by_subject

    def run_select(self, text: str, bindings: dict) -> list[dict]:
        if self._run_select is None:
            store = ox.Store()
            terms = self.data.terms
            store.bulk_extend(ox.Quad(terms[s], terms[p], terms[o]) for s, p, o in self.data.triples())
            self._run_select = select_runner(store)
        return self._run_select(text, bindings)

    # ---- evaluation
    def conforms(self, shape: _Shape, v: int) -> bool:
        """Conformance as pyshacl decides it for a nested shape (see the module docstring)."""
        key = (shape.index, v)
        hit = self.conform_cache.get(key)
        if hit is not None:
            return hit
        ok = True
        if not (shape.deactivated or shape.soft):
            vals = shape.values(v)
            for check in shape.checks:
                if check(v, vals, None):
                    ok = False
                    break
            else:
                ok = all(self.conforms(p, x) for p in shape.props for x in vals)
        self.conform_cache[key] = ok
        return ok

    def reports(self, shape: _Shape, v: int) -> bool:
        """Whether validating v against the shape gives any result at all (sh:node)."""
        key = (shape.index, v)
        hit = self.any_cache.get(key)
        if hit is not None:
            return hit
        found = False
        if not shape.deactivated:
            vals = shape.values(v)
            found = any(check(v, vals, None) for check in shape.checks) or any(
                self.reports(p, x) for p in shape.props for x in vals)
        self.any_cache[key] = found
        return found

    def results(self, shape: _Shape, f: int, out: list) -> None:
        self.results_of_all(shape, (f,), out)

    def results_of_all(self, shape: _Shape, focus, out: list) -> None:
        """The results of validating each focus node against the shape (a node given twice counts twice,
        as when two foci share a value node of a property shape)."""
        if shape.deactivated:
            return
        values = shape.values
        pairs = [(f, values(f)) for f in focus]
        for check in shape.checks:
            for f, vals in pairs:
                check(f, vals, out)
        for p in shape.props:
            self.results_of_all(p, [x for _, vals in pairs for x in vals], out)


def _quiet_rdflib(term):
    """kg.load.to_rdflib, without rdflib's log line and warning for a literal it cannot convert (finding
    those is the point: they fail sh:datatype)."""
    import logging
    import warnings

    from kg.load import to_rdflib

    log = logging.getLogger("rdflib.term")
    disabled, log.disabled = log.disabled, True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return to_rdflib(term)
    finally:
        log.disabled = disabled


def _date(text: str):
    import datetime

    return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:10]))


# Lexical forms that rdflib certainly reads as well-typed values of their datatype, with the Python
# value it gives them (None: a datatype rdflib has no converter for, whose literals it never finds
# ill-typed).  They decide the common cases without rdflib; any other form is left to rdflib itself.
_PLAIN_FORMS = {
    XSD + "integer": (re.compile(r"-?[0-9]+"), int),
    XSD + "decimal": (re.compile(r"-?[0-9]+\.[0-9]+"), None),  # Decimal, made on demand
    XSD + "double": (re.compile(r"-?[0-9]+(\.[0-9]+)?([eE]-?[0-9]+)?"), float),
    XSD + "boolean": (re.compile(r"true|false"), lambda text: text == "true"),
    XSD + "date": (re.compile(r"[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}"), _date),
    XSD + "gYear": (re.compile(r"[1-9][0-9]{3}"), None),
    XSD + "gYearMonth": (re.compile(r"[1-9][0-9]{3}-(0[1-9]|1[0-2])"), None),
    XSD + "gMonthDay": (re.compile(r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"), None),
}
_NUMBERS = {XSD + "integer", XSD + "decimal", XSD + "double"}
_UNDECIDED = object()


def _plain_value(term):
    """The Python value rdflib would give a literal of a plain form (see _PLAIN_FORMS), else _UNDECIDED."""
    form = _PLAIN_FORMS.get(term.datatype.value)
    if form is None or not form[0].fullmatch(term.value):
        return _UNDECIDED
    if term.datatype.value == XSD + "decimal":
        from decimal import Decimal

        return Decimal(term.value)
    try:
        return form[1](term.value) if form[1] is not None else None
    except ValueError:  # a day the calendar lacks: rdflib decides
        return _UNDECIDED


def _kind(term) -> int:
    if isinstance(term, ox.Literal):
        return 2
    if isinstance(term, ox.BlankNode):
        return 1
    return 0


# ---------------------------------------------------------------- paths
def _path_ast(sg: _ShapesGraph, node, what: str, depth: int = 0):
    """A SHACL path as a small tree: ("p", iri) / ("inv", x) / ("seq", [..]) / ("alt", [..]) / ("*"|"+"|"?", x)."""
    if depth > 50:
        raise DataError(f"{what}: the sh:path is nested too deeply")
    if isinstance(node, ox.NamedNode):
        return ("p", node)
    if not isinstance(node, ox.BlankNode):
        raise DataError(f"{what}: a sh:path must be an IRI or a blank node, not {node}")
    if sg.objects(node, FIRST):
        items = sg.items(node, what)
        if len(items) < 2:
            raise DataError(f"{what}: a sequence path needs at least two members")
        return ("seq", [_path_ast(sg, x, what, depth + 1) for x in items])
    for pred, op in (("inversePath", "inv"), ("zeroOrMorePath", "*"), ("oneOrMorePath", "+"),
                     ("zeroOrOnePath", "?")):
        inner = sg.objects(node, _sh(pred))
        if inner:
            if len(inner) > 1:
                raise DataError(f"{what}: sh:{pred} has more than one value")
            return (op, _path_ast(sg, inner[0], what, depth + 1))
    alt = sg.objects(node, _sh("alternativePath"))
    if alt:
        items = sg.items(alt[0], what)
        if len(items) < 2:
            raise DataError(f"{what}: an alternative path needs at least two members")
        return ("alt", [_path_ast(sg, x, what, depth + 1) for x in items])
    raise DataError(f"{what}: the sh:path {node} is not a SHACL property path")


def _invert(ast):
    kind = ast[0]
    if kind == "p":
        return ("inv", ast)
    if kind == "inv":
        return ast[1]
    if kind == "seq":
        return ("seq", [_invert(x) for x in reversed(ast[1])])
    if kind == "alt":
        return ("alt", [_invert(x) for x in ast[1]])
    return (kind, _invert(ast[1]))


def _path_fn(run: _Run, ast):
    """A function focus id -> the ids it reaches by the path (a set; never to be changed)."""
    kind = ast[0]
    if kind == "p" or (kind == "inv" and ast[1][0] == "p"):
        table = run.objects_of(ast[1]) if kind == "p" else run.subjects_of(ast[1][1])
        if not table:
            return lambda f: _EMPTY
        get = table.get
        return lambda f: get(f, _EMPTY)
    if kind == "inv":
        return _path_fn(run, _invert(ast[1]))
    if kind == "seq":
        steps = [_path_fn(run, x) for x in ast[1]]

        def seq(f):
            current = {f}
            for step in steps:
                nxt: set = set()
                for x in current:
                    nxt.update(step(x))
                if not nxt:
                    return _EMPTY
                current = nxt
            return current

        return seq
    if kind == "alt":
        alts = [_path_fn(run, x) for x in ast[1]]

        def alt(f):
            out: set = set()
            for a in alts:
                out.update(a(f))
            return out

        return alt
    step = _path_fn(run, ast[1])
    if kind == "?":
        return lambda f: {f, *step(f)}

    def closure(f):
        seen = {f} if kind == "*" else set()
        todo = list(step(f))
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(step(x))
        return seen

    return closure


def _path_text(sg: _ShapesGraph, path) -> str:
    """The path as kg.validate._path_text renders pyshacl's sh:resultPath."""
    if isinstance(path, ox.NamedNode):
        return f"<{path.value}>"
    if isinstance(path, ox.BlankNode):
        inv = sg.value(path, _sh("inversePath"))
        if inv is not None:
            return "^" + _path_text(sg, inv)
        for kind, op in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = sg.value(path, _sh(kind))
            if inner is not None:
                return f"({_path_text(sg, inner)}){op}"
        alt = sg.value(path, _sh("alternativePath"))
        if alt is not None:
            return "(" + "|".join(_path_text(sg, x) for x in sg.items(alt, "path")) + ")"
        if sg.value(path, FIRST) is not None:
            return "/".join(_path_text(sg, x) for x in sg.items(path, "path"))
    return path.value


def _sparql_path(sg: _ShapesGraph, path, prefixes: dict, top: bool = True) -> str:
    """The path in SPARQL syntax, for $PATH (as pyshacl writes it)."""
    if isinstance(path, ox.NamedNode):
        for p, namespace in prefixes.items():
            if path.value.startswith(namespace):
                return f"{p}:{path.value[len(namespace):]}"
        return f"<{path.value}>"
    if sg.objects(path, FIRST):
        text = " / ".join(_sparql_path(sg, x, prefixes, False) for x in sg.items(path, "path"))
        return text if top else f"({text})"
    inv = sg.value(path, _sh("inversePath"))
    if inv is not None:
        return "^" + _sparql_path(sg, inv, prefixes, False)
    alt = sg.value(path, _sh("alternativePath"))
    if alt is not None:
        text = " | ".join(_sparql_path(sg, x, prefixes, False) for x in sg.items(alt, "path"))
        return text if top else f"({text})"
    for kind, op in (("zeroOrMorePath", "*"), ("zeroOrOnePath", "?"), ("oneOrMorePath", "+")):
        inner = sg.value(path, _sh(kind))
        if inner is not None:
            return _sparql_path(sg, inner, prefixes, False) + op
    raise DataError(f"the sh:path {path} is not a SHACL property path")


# ---------------------------------------------------------------- shapes: discovery and compilation
def _discover(sg: _ShapesGraph) -> dict:
    """The shapes (node -> path node or None), found as pyshacl finds them, plus sh:target subjects."""
    what = lambda s: f"shape {_name(s)}"  # noqa: E731
    node_shapes = sg.subjects(TYPE, _sh("NodeShape"))
    prop_shapes = sg.subjects(TYPE, _sh("PropertyShape"))
    found: dict = {}
    for s in node_shapes:
        if sg.objects(s, _sh("path")):
            raise DataError(f"{what(s)}: a sh:NodeShape cannot have a sh:path")
        found[s] = None
    for s in prop_shapes:
        if s in found:
            raise DataError(f"{what(s)}: a shape cannot be both a sh:NodeShape and a sh:PropertyShape")
        paths = sg.objects(s, _sh("path"))
        if len(paths) != 1:
            raise DataError(f"{what(s)}: a sh:PropertyShape needs exactly one sh:path")
        found[s] = paths[0]
    implied = []
    for p in _TARGET_PREDICATES + [_sh("target"), _sh("property"), _sh("node")]:
        implied += sg.subjects(p)
    for p in ("property", "node", "not", "qualifiedValueShape"):
        implied += [o for _, o in sg.pos.get(_sh(p), ())]
    for p in ("and", "or", "xone"):
        for s, head in sg.pos.get(_sh(p), ()):
            members = sg.items(head, f"{what(s)}: sh:{p}")
            if not members:
                raise DataError(f"{what(s)}: sh:{p} needs a non-empty list of shapes")
            implied += members
    for s in implied:
        if s in found:
            continue
        if isinstance(s, ox.Literal):
            raise DataError(f"a literal ({s}) is used where a shape is expected")
        paths = sg.objects(s, _sh("path"))
        if len(paths) > 1:
            raise DataError(f"{what(s)}: a property shape has more than one sh:path")
        found[s] = paths[0] if paths else None
    return found


def _int_param(sg, node, local: str, what: str, datatypes=None) -> int:
    """A count or length parameter; the datatypes pyshacl accepts (sh:minCount / sh:maxCount:
    xsd:integer; the others any integer type)."""
    values = sg.objects(node, _sh(local))
    if len(values) != 1:
        raise DataError(f"{what}: sh:{local} must have exactly one value")
    v = values[0]
    if not isinstance(v, ox.Literal) or not re.fullmatch(r"\s*[+-]?\d+\s*", v.value) or (
            v.datatype.value not in (datatypes or _INTEGERS)):
        raise DataError(f"{what}: sh:{local} must be an integer literal, not {v}")
    n = int(v.value)
    if n < 0:
        raise DataError(f"{what}: sh:{local} must not be negative")
    return n


_INTEGERS = {XSD + n for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                               "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                               "unsignedShort", "unsignedByte")}
_XSD_INTEGER = {XSD + "integer"}


def _bool_param(run: _Run, term) -> bool:
    if not isinstance(term, ox.Literal):
        return False
    if term.datatype.value == XSD + "boolean" and term.value in ("true", "false", "1", "0"):
        return term.value in ("true", "1")
    return bool(_quiet_rdflib(term).value)


def _compile(run: _Run, found: dict) -> list[_Shape]:
    sg = run.sg
    shapes = run.shapes
    for n, (node, path_node) in enumerate(found.items()):
        s = _Shape()
        s.node, s.index, s.is_property, s.path_node = node, n, path_node is not None, path_node
        what = f"shape {_name(node)}"
        s.path_text = _path_text(sg, path_node) if s.is_property else None
        s.values = _path_fn(run, _path_ast(sg, path_node, what)) if s.is_property else _self
        sev = sg.objects(node, _sh("severity"))
        s.severity = sev[0] if sev else VIOLATION
        s.soft = s.severity in (WARNING, INFO)
        s.messages = sg.objects(node, _sh("message"))
        deact = sg.objects(node, _sh("deactivated"))
        if len(deact) > 1 or (deact and not isinstance(deact[0], ox.Literal)):
            raise DataError(f"{what}: sh:deactivated must be one literal")
        s.deactivated = bool(deact) and _bool_param(run, deact[0])
        s.checks, s.props, s.targets = [], [], None
        shapes[node] = s
    _check_recursion(sg, shapes)
    for s in shapes.values():
        _compile_constraints(run, s)
    return list(shapes.values())


def _self(f):
    return (f,)


def _shape_refs(sg, node) -> list:
    refs = []
    for p in ("property", "node", "not", "qualifiedValueShape"):
        refs += sg.objects(node, _sh(p))
    for p in ("and", "or", "xone"):
        for head in sg.objects(node, _sh(p)):
            refs += sg.items(head, f"shape {_name(node)}: sh:{p}")
    return refs


def _check_recursion(sg, shapes: dict) -> None:
    state: dict = {}

    def visit(node, trail):
        mark = state.get(node)
        if mark == 2:
            return
        if mark == 1:
            cycle = " -> ".join(_name(x) for x in trail[trail.index(node):] + [node])
            raise DataError(f"recursive shapes ({cycle}): SHACL leaves their meaning open, kg's validator refuses them")
        state[node] = 1
        for ref in _shape_refs(sg, node):
            if ref in shapes:
                visit(ref, trail + [node])
        state[node] = 2

    for node in shapes:
        visit(node, [])


def _other(run: _Run, node, what: str, kind: str = "") -> _Shape:
    shape = run.shapes.get(node)
    if shape is None:
        raise DataError(f"{what}: {_name(node)} is not a shape")
    if kind == "node" and shape.is_property:
        raise DataError(f"{what}: sh:node must point to a node shape, {_name(node)} has a sh:path")
    if kind == "property" and not shape.is_property:
        raise DataError(f"{what}: sh:property must point to a property shape, {_name(node)} has no sh:path")
    return shape


def _compile_constraints(run: _Run, shape: _Shape) -> None:  # noqa: C901 (one branch per component)
    sg, node = run.sg, shape.node
    what = f"shape {_name(node)}"
    params = {p.value for p in sg.spo.get(node, {})}
    objs = lambda local: sg.objects(node, _sh(local))  # noqa: E731
    checks = shape.checks
    kinds = run.kinds

    def need_property(local):
        if not shape.is_property:
            raise DataError(f"{what}: sh:{local} is only allowed on a property shape (one with a sh:path)")

    def single(local):
        values = objs(local)
        if len(values) != 1:
            raise DataError(f"{what}: sh:{local} must have exactly one value")
        return values[0]

    def per_value(component: str, ok, cache: bool = True):
        """A check failing each value node that ``ok`` rejects (one result per value)."""
        comp = SH + component
        memo: dict = {}

        def check(f, vals, out):
            bad = False
            for v in vals:
                if cache:
                    good = memo.get(v)
                    if good is None:
                        good = memo[v] = ok(v)
                else:
                    good = ok(v)
                if not good:
                    if out is None:
                        return True
                    bad = True
                    out.append(_Result(shape, f, v, comp))
            return bad

        checks.append(check)

    if SH + "class" in params:
        for c in objs("class"):
            per_value("ClassConstraintComponent", _instance_test(run, c), cache=False)
    if SH + "datatype" in params:
        per_value("DatatypeConstraintComponent", _datatype_test(run, single("datatype")))
    if SH + "nodeKind" in params:
        kind = single("nodeKind")
        allowed = {SH + "IRI": {0}, SH + "BlankNode": {1}, SH + "Literal": {2}, SH + "BlankNodeOrIRI": {0, 1},
                   SH + "BlankNodeOrLiteral": {1, 2}, SH + "IRIOrLiteral": {0, 2}}.get(kind.value)
        if allowed is None:
            raise DataError(f"{what}: sh:nodeKind {_name(kind)} is not a SHACL node kind")
        kind_of = kinds()
        per_value("NodeKindConstraintComponent", lambda v, kind_of=kind_of, allowed=allowed: kind_of[v] in allowed,
                  cache=False)
    if SH + "minCount" in params:
        need_property("minCount")
        n = _int_param(sg, node, "minCount", what, _XSD_INTEGER)
        if n > 0:
            checks.append(_count_check(shape, SH + "MinCountConstraintComponent", lambda k, n=n: k < n))
    if SH + "maxCount" in params:
        need_property("maxCount")
        n = _int_param(sg, node, "maxCount", what, _XSD_INTEGER)
        checks.append(_count_check(shape, SH + "MaxCountConstraintComponent", lambda k, n=n: k > n))
    for local, comp, op in (("minExclusive", "MinExclusive", lambda c: c > 0), ("minInclusive", "MinInclusive",
                            lambda c: c >= 0), ("maxExclusive", "MaxExclusive", lambda c: c < 0),
                            ("maxInclusive", "MaxInclusive", lambda c: c <= 0)):
        for bound in objs(local) if SH + local in params else ():
            if not isinstance(bound, ox.Literal):
                raise DataError(f"{what}: sh:{local} must be a literal")
            per_value(comp + "ConstraintComponent", _range_test(run, bound, op))
    for local, comp, longer in (("minLength", "MinLength", False), ("maxLength", "MaxLength", True)):
        if SH + local in params:
            n = _int_param(sg, node, local, what)
            kind_of = kinds()
            if longer:
                ok = lambda v, n=n, k=kind_of: k[v] != 1 and len(run.term(v).value) <= n  # noqa: E731
            else:
                ok = lambda v, n=n, k=kind_of: n == 0 or (k[v] != 1 and len(run.term(v).value) >= n)  # noqa: E731
            per_value(comp + "ConstraintComponent", ok, cache=False)
    if SH + "pattern" in params:
        flags = objs("flags")
        re_flags = 0
        if flags:
            text = flags[0].value.lower()
            re_flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
        kind_of = kinds()
        for pattern in objs("pattern"):
            if not isinstance(pattern, ox.Literal):
                raise DataError(f"{what}: sh:pattern must be a literal")
            try:
                rx = re.compile(pattern.value, re_flags)
            except re.error as exc:
                raise DataError(f"{what}: sh:pattern {pattern.value!r} is not a valid regular expression: {exc}")
            per_value("PatternConstraintComponent",
                      lambda v, rx=rx, k=kind_of: k[v] != 1 and rx.search(run.term(v).value) is not None,
                      cache=False)
    if SH + "languageIn" in params:
        head = single("languageIn")
        wanted = set()
        for item in sg.items(head, f"{what}: sh:languageIn"):
            if not (isinstance(item, ox.Literal) and item.datatype in (XSD_STRING, LANG_STRING)):
                raise DataError(f"{what}: the members of sh:languageIn must be strings")
            wanted.add(item.value.lower())
        per_value("LanguageInConstraintComponent", _language_test(run, wanted))
    if SH + "uniqueLang" in params:
        need_property("uniqueLang")
        flag = single("uniqueLang")
        if not (isinstance(flag, ox.Literal) and flag.datatype == _N(XSD + "boolean")):
            raise DataError(f"{what}: sh:uniqueLang must be a boolean literal")
        if _bool_param(run, flag):
            checks.append(_unique_lang_check(run, shape))
    for local in ("equals", "disjoint", "lessThan", "lessThanOrEquals"):
        if SH + local in params:
            if local.startswith("less"):
                need_property(local)
            for prop in objs(local):
                if local.startswith("less") and not isinstance(prop, ox.NamedNode):
                    raise DataError(f"{what}: sh:{local} must be an IRI")
                checks.append(_pair_check(run, shape, local, prop))
    if SH + "not" in params:
        for other in objs("not"):
            checks.append(_logical_check(run, shape, "not", [_other(run, other, what)]))
    for local in ("and", "or", "xone"):
        if SH + local in params:
            for head in objs(local):
                members = sg.items(head, f"{what}: sh:{local}")
                if local != "xone":  # pyshacl reads sh:and / sh:or members as a set, sh:xone members as a list
                    members = list(dict.fromkeys(members))
                checks.append(_logical_check(run, shape, local, [_other(run, m, what) for m in members]))
    if SH + "node" in params:
        for other in objs("node"):
            n_shape = _other(run, other, what, "node")
            checks.append(_node_check(run, shape, n_shape))
    if SH + "property" in params:
        shape.props = [_other(run, p, what, "property") for p in objs("property")]
    qualified = {SH + n for n in ("qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount",
                                  "qualifiedValueShapesDisjoint")}
    if params & qualified:
        need_property("qualifiedValueShape")
        checks.extend(_qualified_checks(run, shape))
    if SH + "closed" in params or SH + "ignoredProperties" in params:
        checks.append(_closed_check(run, shape))
    if SH + "hasValue" in params:
        for value in objs("hasValue"):
            checks.append(_has_value_check(run, shape, value))
    if SH + "in" in params:
        head = single("in")
        members = {run.known_id(m) for m in sg.items(head, f"{what}: sh:in")} - {None}
        per_value("InConstraintComponent", lambda v, members=members: v in members, cache=False)
    if SH + "sparql" in params:
        for constraint in objs("sparql"):
            checks.append(_sparql_check(run, shape, constraint))


def _count_check(shape: _Shape, comp: str, bad_count):
    def check(f, vals, out):
        if bad_count(len(vals)):
            if out is not None:
                out.append(_Result(shape, f, None, comp))
            return True
        return False

    return check


def _instance_test(run: _Run, c_term):
    """Whether a node is a SHACL instance of the class (rdf:type/rdfs:subClassOf* in the data graph)."""
    c = run.known_id(c_term)
    if c is None:
        return lambda v: False
    below = run.subclasses(c)
    get = run.type_fwd.get
    if len(below) == 1:
        return lambda v: c in get(v, _EMPTY)
    return lambda v: not below.isdisjoint(get(v, _EMPTY))


def _datatype_test(run: _Run, dt):
    """sh:datatype as pyshacl decides it: the datatype IRI, and no ill-typed literal (as rdflib reads it)."""
    kind_of = run.kinds()

    def ok(v):
        if kind_of[v] != 2:
            return False
        if dt == RDFS_LITERAL:
            return True
        term = run.term(v)
        have = term.datatype
        if have == dt:
            if dt in (XSD_STRING, LANG_STRING) or _plain_value(term) is not _UNDECIDED:
                return True
            return _rdflib_datatype_ok(run.rdflib(v), dt)
        return dt == RDFS_DATATYPE and have not in (XSD_STRING, LANG_STRING)

    return ok


def _rdflib_datatype_ok(lit, dt) -> bool:
    """pyshacl's DatatypeConstraintComponent._assert_actual_datatype, after its ill-typed test."""
    from datetime import date, datetime, time
    from decimal import Decimal

    if getattr(lit, "ill_typed", None) is True:
        return False
    value, iri = lit.value, dt.value
    expected = {XSD + "integer": int, XSD + "float": float, XSD + "decimal": Decimal, XSD + "boolean": bool,
                XSD + "date": date, XSD + "time": time, XSD + "dateTime": datetime}.get(iri)
    return expected is None or isinstance(value, expected)


def _compare_literal(l1, l2) -> int:
    """pyshacl.rdfutil.compare.compare_literal (rdflib's literal order; dateTime and time by value)."""
    import datetime

    if l1.eq(l2):
        return 0
    if l1.value.__class__ in (datetime.datetime, datetime.time):
        if l1.value == l2.value:
            return 0
        if l1.value > l2.value:
            return 1
    elif l1 > l2:
        return 1
    return -1


def _range_test(run: _Run, bound, op):
    kind_of = run.kinds()
    b_number = _plain_value(bound) if bound.datatype.value in _NUMBERS else _UNDECIDED
    b_rdflib = []  # made on first need

    def ok(v):
        if kind_of[v] != 2:
            return False
        term = run.term(v)
        if b_number is not _UNDECIDED and term.datatype.value in _NUMBERS:
            number = _plain_value(term)
            if number is not _UNDECIDED:  # two numbers: rdflib compares their values
                return op((number > b_number) - (number < b_number))
        if not b_rdflib:
            b_rdflib.append(_quiet_rdflib(bound))
        b = b_rdflib[0]
        lit = run.rdflib(v)
        if isinstance(lit.value, str) != isinstance(b.value, str):
            return False
        try:
            return op(_compare_literal(lit, b))
        except (TypeError, NotImplementedError):
            return False

    return ok


def _language_test(run: _Run, wanted: set):
    kind_of = run.kinds()
    wildcard = "*" in wanted

    def ok(v):
        if kind_of[v] != 2:
            return False
        lang = run.term(v).language
        if not lang:
            return False
        lang = lang.lower()
        return wildcard or lang in wanted or lang.split("-")[0] in wanted

    return ok


def _unique_lang_check(run: _Run, shape: _Shape):
    comp = SH + "UniqueLangConstraintComponent"
    kind_of = run.kinds()

    def check(f, vals, out):
        seen, dup = set(), set()
        for v in vals:
            if kind_of[v] == 2:
                lang = run.term(v).language
                if lang:
                    lang = lang.lower()
                    (dup if lang in seen else seen).add(lang)
        if dup and out is not None:
            out.extend(_Result(shape, f, None, comp) for _ in dup)
        return bool(dup)

    return check


def _pair_check(run: _Run, shape: _Shape, local: str, prop):
    comp = SH + local[0].upper() + local[1:] + "ConstraintComponent"
    table = run.objects_of(prop) if isinstance(prop, ox.NamedNode) else {}
    get = table.get

    if local == "equals":
        def failing(f, vals):
            other = get(f, _EMPTY)
            return [v for v in vals if v not in other] + [o for o in other if o not in vals]
    elif local == "disjoint":
        def failing(f, vals):
            other = get(f, _EMPTY)
            return [v for v in vals if v in other]
    else:
        strict = local == "lessThan"

        def failing(f, vals):
            other = get(f, _EMPTY)
            return [v for v in vals for o in other if not _less(run, v, o, strict, local)]

    def check(f, vals, out):
        bad = failing(f, vals)
        if bad and out is not None:
            out.extend(_Result(shape, f, v, comp) for v in bad)
        return bool(bad)

    return check


def _less(run: _Run, v: int, o: int, strict: bool, local: str) -> bool:
    """pyshacl's sh:lessThan / sh:lessThanOrEquals test of one pair (IRIs and strings as strings)."""
    kind_of = run.kinds()
    if kind_of[v] == 1 or kind_of[o] == 1:
        raise DataError(f"sh:{local} cannot compare a blank node")

    def side(i):
        if kind_of[i] == 0:
            return run.term(i).value, True
        lit = run.rdflib(i)
        return (lit.value, True) if isinstance(lit.value, str) else (lit, False)

    a, a_str = side(v)
    b, b_str = side(o)
    if a_str != b_str:
        return False
    try:
        return bool(a < b) if strict else bool(a <= b)
    except TypeError:  # incomparable literals (pyshacl stops with the TypeError)
        return False


def _logical_check(run: _Run, shape: _Shape, local: str, members: list):
    """sh:not / sh:and / sh:or / sh:xone; conformance is cached and has no side effects, so the members
    are asked only until the answer is known."""
    comp = SH + local[0].upper() + local[1:] + "ConstraintComponent"
    conforms = run.conforms
    if local == "not":
        [member] = members
        fails = lambda v: conforms(member, v)  # noqa: E731
    elif local == "and":
        fails = lambda v: not all(conforms(m, v) for m in members)  # noqa: E731
    elif local == "or":
        fails = lambda v: not any(conforms(m, v) for m in members)  # noqa: E731
    else:
        def fails(v):
            n = 0
            for m in members:
                if conforms(m, v):
                    n += 1
                    if n > 1:
                        return True
            return n != 1

    def check(f, vals, out):
        bad = False
        for v in vals:
            if fails(v):
                if out is None:
                    return True
                bad = True
                out.append(_Result(shape, f, v, comp))
        return bad

    return check


def _node_check(run: _Run, shape: _Shape, other: _Shape):
    comp = SH + "NodeConstraintComponent"
    reports = run.reports

    def check(f, vals, out):
        bad = False
        for v in vals:
            if reports(other, v):
                if out is None:
                    return True
                bad = True
                out.append(_Result(shape, f, v, comp))
                # pyshacl attaches the nested results as sh:detail, typed sh:ValidationResult:
                # kg.validate reads them as results of their own
                run.results(other, v, out)
        return bad

    return check


def _qualified_checks(run: _Run, shape: _Shape) -> list:
    sg, node = run.sg, shape.node
    what = f"shape {_name(node)}"
    value_shapes = list(dict.fromkeys(sg.objects(node, _sh("qualifiedValueShape"))))
    if not value_shapes:
        raise DataError(f"{what}: sh:qualifiedMinCount / sh:qualifiedMaxCount need a sh:qualifiedValueShape")
    counts = {}
    for local in ("qualifiedMinCount", "qualifiedMaxCount"):
        counts[local] = _int_param(sg, node, local, what) if sg.objects(node, _sh(local)) else None
    low, high = counts["qualifiedMinCount"], counts["qualifiedMaxCount"]
    if low is None and high is None:
        raise DataError(f"{what}: sh:qualifiedValueShape needs sh:qualifiedMinCount or sh:qualifiedMaxCount")
    disjoint = any(_bool_param(run, d) for d in sg.objects(node, _sh("qualifiedValueShapesDisjoint"))
                   if isinstance(d, ox.Literal) and d.datatype == _N(XSD + "boolean"))
    conforms = run.conforms
    checks = []
    for vs_node in value_shapes:
        vs = _other(run, vs_node, what)
        siblings = []
        if disjoint:
            for parent in sg.subjects(_sh("property"), node):
                for sibling_prop in sg.objects(parent, _sh("property")):
                    for sib in sg.objects(sibling_prop, _sh("qualifiedValueShape")):
                        if sib != vs_node and sib in run.shapes and run.shapes[sib] not in siblings:
                            siblings.append(run.shapes[sib])

        def check(f, vals, out, vs=vs, siblings=siblings):
            n = sum(1 for v in vals if conforms(vs, v) and not any(conforms(s, v) for s in siblings))
            found = []
            if high is not None and n > high:
                found.append(SH + "QualifiedMaxCountConstraintComponent")
            if low is not None and n < low:
                found.append(SH + "QualifiedMinCountConstraintComponent")
            if found and out is not None:
                out.extend(_Result(shape, f, None, comp) for comp in found)
            return bool(found)

        checks.append(check)
    return checks


def _closed_check(run: _Run, shape: _Shape):
    sg, node = run.sg, shape.node
    what = f"shape {_name(node)}"
    closed = sg.objects(node, _sh("closed"))
    if len(closed) != 1 or not isinstance(closed[0], ox.Literal):
        raise DataError(f"{what}: sh:closed must have exactly one boolean value"
                        + (" (sh:ignoredProperties needs sh:closed)" if not closed else ""))
    if not _bool_param(run, closed[0]):
        return lambda f, vals, out: False
    allowed = set()
    for head in sg.objects(node, _sh("ignoredProperties")):
        allowed.update(sg.items(head, f"{what}: sh:ignoredProperties"))
    for prop in sg.objects(node, _sh("property")):
        p_shape = _other(run, prop, what, "property")
        allowed.add(p_shape.path_node)
    allowed_ids = {run.known_id(p) for p in allowed} - {None}
    skip = (run.type_id, run.known_id(RDFS_RESOURCE))
    comp = SH + "ClosedConstraintComponent"

    def check(f, vals, out):
        index = run.by_subject()
        bad = False
        for v in vals:
            for p, objects in index.get(v, ()):
                if p in allowed_ids:
                    continue
                for o in objects:
                    if (p, o) == skip:
                        continue
                    if out is None:
                        return True
                    bad = True
                    out.append(_Result(shape, f, o, comp, path=run.term(p)))
        return bad

    return check


def _has_value_check(run: _Run, shape: _Shape, value):
    comp = SH + "HasValueConstraintComponent"
    v_id = run.known_id(value)

    def check(f, vals, out):
        if v_id is not None and v_id in vals:
            return False
        if out is not None:
            out.append(_Result(shape, f, None, comp))
        return True

    return check


# ---------------------------------------------------------------- SPARQL-based constraints and targets
def _prefixes(sg: _ShapesGraph, node, what: str) -> dict:
    """The prefixes of a SPARQL constraint or target (sh:prefixes, as pyshacl collects them)."""
    prefixes = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
    ontologies = sg.subjects(TYPE, _N(OWL + "Ontology"))
    declared_by_ontologies = [d for o in ontologies for d in sg.objects(o, _sh("declare"))]
    for holder in sg.objects(node, _sh("prefixes")):
        own = sg.objects(holder, _sh("declare"))
        declarations = own if own and holder in ontologies else declared_by_ontologies + own
        for dec in declarations:
            prefix, namespace = sg.objects(dec, _sh("prefix")), sg.objects(dec, _sh("namespace"))
            if len(prefix) != 1 or len(namespace) != 1 or not isinstance(prefix[0], ox.Literal) or not isinstance(
                    namespace[0], ox.Literal):
                raise DataError(f"{what}: the prefix declaration {_name(dec)} needs one sh:prefix and one "
                                "sh:namespace literal")
            prefixes[prefix[0].value] = namespace[0].value
    return prefixes


def _prologue(prefixes: dict) -> str:
    return "".join(f"PREFIX {p}: <{n}>\n" for p, n in prefixes.items()) + "\n"


# pyshacl's SPARQLQueryHelper patterns: where $this / $PATH … stand as variables, and the query
# forms SHACL forbids in SPARQL constraints (MINUS, VALUES, SERVICE, nested SELECTs that drop a
# pre-bound variable, AS rebinding one).
_BIND_THIS = re.compile(r"([\s{}()])[\$\?]this", flags=re.M)
_BIND_PATH = re.compile(r"([\s{}()])[\$\?]PATH", flags=re.M)
_BIND_SHAPES_GRAPH = re.compile(r"([\s{}()])[\$\?]shapesGraph", flags=re.M)
_BIND_CURRENT_SHAPE = re.compile(r"([\s{}()])[\$\?]currentShape", flags=re.M)
_HAS_MINUS = re.compile(r"^(?:[^#]*|M)(?!#)#?[^\?\$\#]M?INUS[\s\{]", flags=re.M | re.I)
_HAS_VALUES = re.compile(r"^(?!\s*#).*?(?<![\w\-\:])VALUES\b(?:\s*(?:\(|[\?\$]\w+|\{|\w|\s))", flags=re.M | re.I)
_HAS_SERVICE = re.compile(r"^(?:[^#]*|S)(?!#)#?[^\?\$\#]S?ERVICE[\s\<]", flags=re.M | re.I)
_NESTED_SELECT = re.compile(r"SELECT[\s\(\)\$\?\a-z]*\{[^\}]*SELECT\s+((?:(?:[\?\$]\w+\s+)|(?:\*\s+))+)",
                            flags=re.M | re.I)
_AS_VAR = re.compile(r"[^\w]+AS[\s]+[\$\?](\w+)", flags=re.M | re.I)


def _check_sparql_constraint(text: str, what: str) -> None:
    for rx, form in ((_HAS_MINUS, "MINUS"), (_HAS_VALUES, "VALUES"), (_HAS_SERVICE, "SERVICE")):
        if rx.search(text):
            raise DataError(f"{what}: a SPARQL constraint must not use {form}")
    nested = _NESTED_SELECT.search(text)
    if nested:
        names = [v.lstrip("$?").rstrip() for v in nested.group(1).split()]
        if names == ["*"] or "this" not in names:
            raise DataError(f"{what}: a nested SELECT in a SPARQL constraint must select $this")
    rebound = _AS_VAR.search(text)
    if rebound and rebound.group(1) in ("this", "shapesGraph", "currentShape"):
        raise DataError(f"{what}: a SPARQL constraint cannot rebind ${rebound.group(1)} with AS")
    if _BIND_SHAPES_GRAPH.search(text):
        raise DataError(f"{what}: $shapesGraph in a SPARQL constraint is not supported")


def _sparql_check(run: _Run, shape: _Shape, constraint):
    sg = run.sg
    what = f"shape {_name(shape.node)}: SPARQL constraint {_name(constraint)}"
    selects = sg.objects(constraint, _sh("select"))
    if len(selects) != 1 or not isinstance(selects[0], ox.Literal):
        raise DataError(f"{what}: needs exactly one sh:select string")
    text = selects[0].value
    _check_sparql_constraint(text, what)
    prefixes = _prefixes(sg, constraint, what)
    if shape.is_property:
        path = _sparql_path(sg, shape.path_node, prefixes)
        text = _BIND_PATH.sub(lambda m: m.group(1) + path, text)
    elif _BIND_PATH.search(text):
        raise DataError(f"{what}: $PATH is used, but the shape has no sh:path")
    query = _prologue(prefixes) + text
    bind_this = bool(_BIND_THIS.search(text))
    bind_shape = bool(_BIND_CURRENT_SHAPE.search(text))
    deact = sg.objects(constraint, _sh("deactivated"))
    if deact and _bool_param(run, deact[0]):
        return lambda f, vals, out: False
    own_messages = sg.objects(constraint, _sh("message"))
    comp = SH + "SPARQLConstraintComponent"

    def check(f, vals, out):
        bindings = {}
        if bind_this:
            bindings["this"] = run.term(f)
        if bind_shape:
            bindings["currentShape"] = shape.node
        seen, found = set(), []
        for row in run.run_select(query, bindings):
            row = dict(row)
            failure = row.pop("failure", None)
            if isinstance(failure, ox.Literal) and failure.value in ("true", "1"):
                raise DataError(f"{what}: the query reports a failure (?failure true) for {_name(run.term(f))}")
            p, v, t = row.pop("path", None), row.pop("value", None), row.pop("this", None)
            if p is None and v is None and t is None:
                continue
            key = (t, p, v, tuple(row.items()))
            if key not in seen:
                seen.add(key)
                found.append((t, p, v, row))
        if found and out is not None:
            for t, p, v, row in found:
                focus = run.tid(t) if t is not None else f
                value = run.tid(v) if v is not None else (None if shape.is_property else f)
                names = dict(row)
                for name, term in (("this", t), ("path", p), ("value", run.term(value) if value is not None else None)):
                    if term is not None:
                        names[name] = term
                out.append(_Result(shape, focus, value, comp, path=p,
                                  messages=_sparql_messages(shape.messages, own_messages, names)))
        return bool(found)

    return check


def _sparql_messages(shape_messages: list, own_messages: list, names: dict) -> list[str]:
    """The result messages of a SPARQL result, as pyshacl makes them: the constraint's messages, then the
    shape's, with {?var} / {$var} replaced by the solution's values."""

    def fill(m) -> str:
        text = m.value
        for name, term in names.items():
            text = re.sub("{[?$]%s}" % re.escape(name), lambda _m, s=term.value: s, text)
        return text

    out = [fill(m) for m in own_messages if m not in shape_messages]
    return out + [fill(m) for m in shape_messages]


def _target_finder(run: _Run, shape: _Shape):
    """The focus nodes of a shape's targets (None when it has none)."""
    sg, node = run.sg, shape.node
    what = f"shape {_name(node)}"
    parts = []
    nodes = sg.objects(node, _sh("targetNode"))
    if nodes:
        parts.append(lambda: {run.tid(n) for n in nodes})
    classes = list(sg.objects(node, _sh("targetClass")))
    if _is_class(sg, node):
        classes.append(node)
    for c in classes:
        parts.append(lambda c=c: run.instances(c))
    for p in sg.objects(node, _sh("targetSubjectsOf")):
        parts.append(lambda p=p: set(run.objects_of(p)))
    for p in sg.objects(node, _sh("targetObjectsOf")):
        def objects_of(p=p):
            out: set = set()
            for objects in run.objects_of(p).values():
                out.update(objects)
            return out
        parts.append(objects_of)
    for target in sg.objects(node, _sh("target")):
        selects = sg.objects(target, _sh("select"))
        if len(selects) != 1 or not isinstance(selects[0], ox.Literal):
            raise DataError(f"{what}: a SPARQL target needs exactly one sh:select string")
        query = _prologue(_prefixes(sg, target, what)) + selects[0].value

        def sparql_target(query=query):
            return {run.tid(row["this"]) for row in run.run_select(query, {}) if row.get("this") is not None}

        parts.append(sparql_target)
    if not parts:
        return None

    def find():
        out: set = set()
        for part in parts:
            out.update(part())
        return out

    return find


def _is_class(sg: _ShapesGraph, node) -> bool:
    """Implicit class target: the shape is an rdfs:Class (or owl:Class, or a subclass) in the shapes graph."""
    classes = {RDFS_CLASS, _N(OWL + "Class")}
    todo = list(classes)
    while todo:
        for sub in sg.subjects(SUBCLASS, todo.pop()):
            if sub not in classes:
                classes.add(sub)
                todo.append(sub)
    return any(t in classes for t in sg.objects(node, TYPE))


# ---------------------------------------------------------------- SPARQL over a pyoxigraph store
def select_runner(store: ox.Store, **query_options):
    """A ``run_select`` over a pyoxigraph Store: SELECT text + pre-bound variables -> rows (dicts of
    the bound variables, in projection order).  ``query_options`` go to ``Store.query`` (e.g.
    ``default_graph`` or ``use_default_graph_as_union``)."""

    def run(text: str, bindings: dict) -> list[dict]:
        subs = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            result = store.query(text, substitutions=subs, **query_options) if subs else store.query(
                text, **query_options)
        except RuntimeError as exc:
            if not subs or "projection" not in str(exc):
                raise
            # pyoxigraph substitutes projected variables only: join the values in instead
            result = store.query(_values_in_text(text, bindings), **query_options)
        names = [v.value for v in result.variables]
        return [{n: t for n, t in zip(names, row) if t is not None} for row in result]

    return run


def _values_in_text(text: str, bindings: dict) -> str:
    """The query with the bindings in a ``VALUES`` block opening its WHERE group (kg.store.values_bound)."""
    from kg.store import values_bound

    if any(isinstance(v, ox.BlankNode) for v in bindings.values()):
        # a blank node cannot be named in a query: no match, as pre-binding gives
        raise DataError("cannot pre-bind a blank node in a query that does not select it")
    bound = values_bound(text, bindings)
    if bound is None:
        raise DataError("cannot pre-bind variables in a query without a WHERE group")
    return bound


# ---------------------------------------------------------------- pyshacl's generic messages
class _Text:
    """pyshacl's stringify_node, for the messages of results whose shape has no sh:message:
    IRIs as rdflib writes them with its default prefixes, literals as ``Literal("lex" = value, …)``,
    blank nodes by their triples."""

    def __init__(self, run: _Run):
        from rdflib import Graph

        self.run = run
        self.nsm = Graph().namespace_manager  # the prefixes of a fresh rdflib graph (kg.load.rdflib_graph)

    def iri(self, iri: str) -> str:
        from rdflib import URIRef

        try:
            return URIRef(iri).n3(namespace_manager=self.nsm)
        except Exception:  # noqa: BLE001 (rdflib refuses some IRIs: pyshacl then writes them bare)
            return iri

    def literal(self, term) -> str:
        lit = _quiet_rdflib(term)
        lex = str(lit)
        val = None if lit.value is None else str(lit.value)
        if val is not None and " object at 0x" in val[1:]:
            val = val[:val.find(" object at 0x")]
        text = f'"{lex}" = {val}' if val is not None and val != lex else f'"{lex}"'
        if lit.language:
            text += f", lang={lit.language}"
        if lit.datatype:
            text += f", datatype={self.iri(str(lit.datatype))}"
        return f"Literal({text})"

    def data(self, i: int | None, depth: int = 0) -> str:
        if i is None:
            return "None"
        term = self.run.term(i)
        if isinstance(term, ox.BlankNode):
            return self._blank(term, self._data_edges, lambda t, d: self.data(self.run.tid(t), d), depth + 1)
        return self.shapes(term, depth)

    def _data_edges(self, node) -> list:
        run = self.run
        i = run.known_id(node)
        if i is None:
            return []
        return [(run.term(p), [run.term(o) for o in by_s[i]]) for p, by_s in run.data.fwd.items() if i in by_s]

    def _shapes_edges(self, node) -> list:
        return list(self.run.sg.spo.get(node, {}).items())

    def shapes(self, term, depth: int = 0) -> str:
        if isinstance(term, ox.Literal):
            return self.literal(term)
        if isinstance(term, ox.BlankNode):
            return self._blank(term, self._shapes_edges, self.shapes, depth + 1)
        return self.iri(term.value)

    def _blank(self, node, edges_of, child, depth: int) -> str:
        if depth >= 12:
            return "<http://recursion.too.deep>"
        edges = edges_of(node)
        if not edges:
            return "[ ]"
        if any(p == FIRST for p, _ in edges):
            items, seen = [], set()
            while node != NIL and node not in seen:
                seen.add(node)
                by_p = dict(edges_of(node))
                if not by_p.get(FIRST):
                    break
                items.append(child(by_p[FIRST][0], depth + 1))
                node = by_p.get(REST, [NIL])[0]
            return "( {} )".format(" ".join(items))
        parts = {}
        for p, objects in edges:
            texts = sorted(child(o, depth + 1) for o in objects)
            parts[self.iri(p.value)] = ", ".join(texts)
        return "[ {} ]".format(" ; ".join(f"{p} {o}" for p, o in sorted(parts.items())))


def _generic_message(text: _Text, r: _Result) -> str | None:  # noqa: C901 (one branch per component)
    """The message pyshacl gives a result whose shape has no sh:message."""
    shape, sg = r.shape, text.run.sg
    objs = lambda local: sg.objects(shape.node, _sh(local))  # noqa: E731
    S, D = text.shapes, text.data
    comp = r.component[len(SH):].replace("ConstraintComponent", "")
    value = D(r.value) if r.value is not None else "None"
    if comp == "Class":
        rules = objs("class")
        if len(rules) < 2:
            return f"Value does not have class {S(rules[0])}"
        return "Value class is not in classes ({})".format(", ".join(S(c) for c in rules))
    if comp == "Datatype":
        return f"Value is not Literal with datatype {S(objs('datatype')[0])}"
    if comp == "NodeKind":
        return f"Value is not of Node Kind {S(objs('nodeKind')[0])}"
    if comp in ("MinCount", "MaxCount"):
        n = objs(comp[0].lower() + comp[1:])[0]
        word = "Less" if comp == "MinCount" else "More"
        return f"{word} than {int(n.value)} values on {D(r.focus)}->{S(shape.path_node)}"
    ranges = {"MinExclusive": ">", "MinInclusive": ">=", "MaxExclusive": "<", "MaxInclusive": "<="}
    if comp in ranges:
        bounds = objs(comp[0].lower() + comp[1:])
        if len(bounds) < 2:
            return f"Value is not {ranges[comp]} {S(bounds[0])}"
        return "Value is not {} in ({})".format(ranges[comp], ", ".join(S(b) for b in bounds))
    if comp == "Not":
        nots = objs("not")
        if len(nots) == 1:
            return f"Node {value} must not conform to shape {S(nots[0])}"
        return "Node {} must not conform to any shapes in {}".format(value, " , ".join(S(n) for n in nots))
    logical = {"And": ("and", "all shapes in"), "Or": ("or", "one or more shapes in"),
               "Xone": ("xone", "exactly one shape in")}
    if comp in logical:
        local, words = logical[comp]
        lists = objs(local)
        texts = [" , ".join(S(m) for m in sg.items(head, local)) for head in lists]
        joined = texts[0] if len(texts) < 2 else " and ".join(f"({t})" for t in texts)
        return f"Node {value} must conform to {words} {joined}"
    if comp == "Node":
        nodes = objs("node")
        if len(nodes) < 2:
            m = f"Value does not conform to Shape {S(nodes[0])}."
        else:
            m = "Value must conform to every Shape in ('{}').".format("', '".join(S(n) for n in nodes))
        return m + " See details for more information."
    if comp in ("QualifiedMinCount", "QualifiedMaxCount"):
        shapes = list(dict.fromkeys(objs("qualifiedValueShape")))
        count = ""
        for local, label in (("qualifiedMinCount", "MinCount"), ("qualifiedMaxCount", "MaxCount")):
            if objs(local):
                count += f" {label} {int(objs(local)[0].value)}"
        joined = ",".join(S(s) for s in shapes)
        if len(shapes) > 1:
            return f"Focus node does not conform to shapes{count}: ({joined})"
        return f"Focus node does not conform to shape{count}: {joined}"
    if comp == "Closed":
        return f"Node {D(r.focus)} is closed. It cannot have value: {value}"
    if comp == "HasValue":
        the_set = [S(v) for v in dict.fromkeys(objs("hasValue"))]
        if shape.is_property:
            return f"Node {D(r.focus)}->{S(shape.path_node)} does not contain a value in the set: {the_set}"
        return f"Node {D(r.focus)} value is not a in the set of values: {the_set}"
    if comp == "In":
        members = [S(m) for m in dict.fromkeys(sg.items(objs("in")[0], "sh:in"))]
        return f"Value {value} not in list {members}"
    if comp in ("MinLength", "MaxLength"):
        rule = objs(comp[0].lower() + comp[1:])[0]
        return "String length not {} {}".format(">=" if comp == "MinLength" else "<=", S(rule))
    if comp == "Pattern":
        patterns = objs("pattern")
        if len(patterns) < 2:
            return f"Value does not match pattern '{patterns[0].value}'"
        return "Value does not match every pattern in ('{}')".format("', '".join(p.value for p in patterns))
    if comp == "LanguageIn":
        return f"String language is not in {S(objs('languageIn')[0])}"
    if comp == "UniqueLang":
        return "More than one String shares the same Language"
    pairs = {"Equals": ("equals", "!="), "Disjoint": ("disjoint", "=="), "LessThan": ("lessThan", "<="),
             "LessThanOrEquals": ("lessThanOrEquals", "<")}
    if comp in pairs:
        local, op = pairs[comp]
        props = list(dict.fromkeys(objs(local)))
        rules = S(props[0]) if len(props) < 2 else ", ".join(S(p) for p in props)
        return f"Value of {D(r.focus)}->{rules} {op} {value}"
    return None


# ---------------------------------------------------------------- the entry points
def validate(data, shapes_quads, origin: str, run_select=None) -> list:
    """Validate ``data`` (a kg.rules.IdGraph) against the shapes; one kg.validate.Issue per result."""
    return [issue for issue, _component in validate_with_components(data, shapes_quads, origin, run_select)]


def validate_with_components(data, shapes_quads, origin: str, run_select=None) -> list[tuple]:
    """Like :func:`validate`, as (Issue, constraint component IRI) pairs."""
    raw, run = _validate(data, shapes_quads, origin, run_select)
    return _issues(run, raw, origin)


def _validate(data, shapes_quads, origin: str, run_select=None):
    import gc

    sg = _ShapesGraph(shapes_quads)
    run = _Run(data, sg, origin, run_select)
    if not sg.spo:
        return [], run
    # The run makes millions of short-lived containers; with a million-triple index alive, every
    # collection the allocations trigger walks it (a third of the time). The run makes no garbage
    # cycles worth collecting early.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _check_supported(sg, origin)
        shapes = _compile(run, _discover(sg))
        for shape in shapes:
            shape.targets = _target_finder(run, shape)
        out: list[_Result] = []
        for shape in shapes:
            if shape.targets is None or shape.deactivated:
                continue
            run.results_of_all(shape, shape.targets(), out)
    except _Refused:
        raise
    except DataError as exc:
        raise DataError(f"SHACL shapes ({origin}) cannot be used: {exc}") from None
    finally:
        if collecting:
            gc.enable()
    return out, run


def _issues(run: _Run, raw: list[_Result], origin: str) -> list[tuple]:
    from kg.report import Issue

    text = None
    out = []
    for r in raw:
        shape = r.shape
        focus = run.term(r.focus)
        if r.messages is not None:
            messages = r.messages
        elif shape.messages:
            messages = [m.value for m in shape.messages]
        else:
            text = text or _Text(run)
            generic = _generic_message(text, r)
            messages = [generic] if generic is not None else []
        message = min(messages) if messages else ns.shorten(r.component)
        if r.path is not None:
            path = _path_text(run.sg, r.path)
        else:
            path = shape.path_text
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


def _n3(run: _Run, i: int) -> str:
    """A value in N-Triples syntax, as rdflib writes it (kg.validate._nt)."""
    term = run.term(i)
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return run.rdflib(i).n3()
