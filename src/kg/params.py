"""Query parameters: ``--param name=value`` (and the Python API's values) to RDF terms.

Values are parsed, never pasted into the query text; kg.sparql.bind binds the terms.  Accepted
spellings: IRIs (``<https://…>``, a CURIE with a project prefix, a bare absolute IRI, or for an IRI
parameter an entity's name or Wikidata QID, kg.search); literals in Turtle syntax (``"x"@en``,
``"5"^^xsd:integer``, ``12.5``, ``true``); by the declared TYPE of a saved query's header, the bare
lexical form (``integer``, ``decimal``, ``date``, ``boolean``) or any text (``string``).  The Python
API passes the same text, or Python values and pyoxigraph terms, checked against the declared type
(``term_of``).
"""

from __future__ import annotations

import re
from typing import Mapping

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import ParamError

XSD = ns.PREFIXES["xsd"]
_DT = {
    "integer": (re.compile(r"[+-]?\d+"), XSD + "integer"),
    "decimal": (re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"), XSD + "decimal"),
    "boolean": (re.compile(r"true|false"), XSD + "boolean"),
    "date": (re.compile(r"-?\d{4,}-\d\d-\d\d"), XSD + "date"),
}
_TYPE_DATATYPES = {
    "integer": {XSD + "integer", XSD + "int", XSD + "long", XSD + "nonNegativeInteger", XSD + "positiveInteger"},
    "decimal": {XSD + "decimal", XSD + "integer", XSD + "double", XSD + "float"},
    "boolean": {XSD + "boolean"},
    "date": {XSD + "date"},
    "string": {XSD + "string", ns.PREFIXES["rdf"] + "langString"},
}
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://\S+")


def parse_assignments(pairs) -> dict[str, str]:
    """``["a=1", "b=x"]`` -> ``{"a": "1", "b": "x"}``."""
    out: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise ParamError(f"parameter {pair!r} is not of the form name=value")
        if name in out:
            raise ParamError(f"parameter {name} is given twice")
        out[name] = value
    return out


def _turtle_object(name: str, text: str):
    doc = ns.turtle_prologue()
    doc += f"<urn:kg:s> <urn:kg:p> {text} .\n"
    try:
        triples = list(ox.parse(input=doc.encode(), format=ox.RdfFormat.TURTLE))
    except SyntaxError:
        return None
    if len(triples) != 1 or isinstance(triples[0].object, ox.BlankNode):
        return None
    return triples[0].object


def parse_value(name: str, text: str, type_: str | None = None):
    """The RDF term for one parameter value; ParamError names the parameter."""
    text = text.strip()
    if type_ == "iri" or (type_ is None and _looks_like_iri(text)):
        return _iri(name, text)
    if type_ in _DT:
        rx, dt = _DT[type_]
        if rx.fullmatch(text):
            if type_ == "date":
                try:
                    import datetime

                    datetime.date.fromisoformat(text.lstrip("-"))
                except ValueError:
                    raise ParamError(f"parameter {name}: {text!r} is not a valid date (YYYY-MM-DD)") from None
            return ox.Literal(text, datatype=ox.NamedNode(dt))
        term = _turtle_object(name, text) if text[:1] in "\"'" else None
        if isinstance(term, ox.Literal) and term.datatype.value in _TYPE_DATATYPES[type_]:
            return term
        raise ParamError(f"parameter {name}: {text!r} is not a valid {type_}")
    if type_ == "string":
        if text[:1] in "\"'":
            term = _turtle_object(name, text)
            if isinstance(term, ox.Literal) and term.datatype.value in _TYPE_DATATYPES["string"]:
                return term
        return ox.Literal(text)
    # literal, or untyped
    term = _turtle_object(name, text)
    if isinstance(term, ox.Literal):
        return term
    if type_ == "literal":
        raise ParamError(f'parameter {name}: {text!r} is not an RDF literal in Turtle syntax (e.g. "x"@en, 5, "2020"^^xsd:gYear)')
    return ox.Literal(text)


def term_of(name: str, value, type_: str | None = None):
    """The RDF term for one parameter value: text is parsed as a ``--param`` value is (``parse_value``);
    a Python value or a pyoxigraph term must fit the declared type.  ParamError names the parameter."""
    if isinstance(value, str):
        return parse_value(name, value, type_)
    term = _python_term(name, value)
    if type_ is None or (type_ == "iri" and isinstance(term, ox.NamedNode)) or (
            type_ == "literal" and isinstance(term, ox.Literal)):
        return term
    if isinstance(term, ox.Literal) and term.datatype.value in _TYPE_DATATYPES.get(type_, ()):
        return term
    raise ParamError(f"parameter {name}: {value!r} is not a valid {type_}")


def _python_term(name: str, value):
    """A Python value as an RDF term: bool, int, float (xsd:double), Decimal, date, datetime, or a term."""
    import datetime
    from decimal import Decimal

    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, (bool, int, float)):
        return ox.Literal(value)  # pyoxigraph: xsd:boolean, xsd:integer, xsd:double
    for kind, datatype in ((Decimal, "decimal"), (datetime.datetime, "dateTime"), (datetime.date, "date")):
        if isinstance(value, kind):  # datetime before date: a datetime is a date too
            text = format(value, "f") if kind is Decimal else value.isoformat()
            return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
    raise ParamError(f"parameter {name}: a {type(value).__name__} is not a value a query takes (give text, an "
                     "int, float, bool, Decimal, date, datetime, or a pyoxigraph NamedNode or Literal)")


def _looks_like_iri(text: str) -> bool:
    return (text.startswith("<") and text.endswith(">")) or ns.expand_curie(text) is not None or bool(
        _ABSOLUTE_IRI.fullmatch(text)
    )


def parse_iri(text: str, what: str) -> ox.NamedNode | None:
    """The IRI that TEXT writes as ``<iri>``, a CURIE with a project prefix or
    an absolute IRI; None when it is none of these. ``what`` names the input in
    the error raised for something IRI-shaped that is not a valid IRI."""
    if text.startswith("<") and text.endswith(">"):
        term = _turtle_object(what, text)
        if isinstance(term, ox.NamedNode):
            return term
        raise ParamError(f"{what}: {text} is not a valid IRI")
    expanded = ns.expand_curie(text)
    if expanded is None and _ABSOLUTE_IRI.fullmatch(text):
        expanded = text
    if expanded is None:
        return None
    try:
        return ox.NamedNode(expanded)
    except ValueError as exc:
        raise ParamError(f"{what}: {text} is not a valid IRI ({exc})") from None


def _iri(name: str, text: str):
    iri = parse_iri(text, f"parameter {name}")
    if iri is not None:
        return iri
    prefix = text.partition(":")[0]
    hint = f" (unknown prefix {prefix!r})" if ":" in text else ""
    raise ParamError(f"parameter {name}: {text!r} is not an IRI or a CURIE with a project prefix{hint}")


_CURIE_SHAPED = re.compile(r"[A-Za-z][\w.-]*:[^\s:]*")


def _named(name: str, text: str, store) -> ox.NamedNode:
    """An IRI parameter's value: an IRI or CURIE, else (with a store to look in) the one entity that has
    this name or Wikidata QID (kg.search.resolve_name)."""
    iri = parse_iri(text.strip(), f"parameter {name}")
    if iri is not None or store is None:
        return iri if iri is not None else _iri(name, text.strip())
    from kg.errors import NotFoundError
    from kg.search import resolve_name

    try:
        return ox.NamedNode(resolve_name(store, text.strip(), f"parameter {name}"))
    except NotFoundError as exc:
        if _CURIE_SHAPED.fullmatch(text.strip()):  # most likely a CURIE with a prefix kg does not know
            _iri(name, text.strip())
        raise ParamError(str(exc)) from None  # a bad parameter value (a 400 on the server), not a missing page


def bind_params(text: str, params: Mapping[str, object], declared=None, store=None) -> dict:
    """The substitutions for a query: ``declared`` is the saved query's list of
    Param (None for a query without header); IRIs must name a resource of
    ``store`` when one is given.  Each value is text or a Python value (``term_of``)."""
    from kg.sparql import query_variables

    variables = query_variables(text)
    bindings: dict = {}
    if declared is not None:
        known = {p.name: p for p in declared}
        for name in params:
            if name not in known:
                raise ParamError(f"unknown parameter {name!r} (this query takes: {', '.join(known) or 'none'})")
        for p in declared:
            if p.name not in params:
                if p.required:
                    raise ParamError(f"missing required parameter {p.name!r} ({p.type}: {p.description})")
                continue
            value = params[p.name]
            named = p.type == "iri" and isinstance(value, str)  # text: an IRI, a CURIE, or a name
            bindings[p.name] = _named(p.name, value, store) if named else term_of(p.name, value, p.type)
    else:
        for name, value in params.items():
            if name not in variables:
                listed = ", ".join(sorted(variables)) or "none"
                raise ParamError(f"unknown parameter {name!r}: the query has no variable ?{name} (variables: {listed})")
            bindings[name] = term_of(name, value, None)
    if store is not None:
        for name, term in bindings.items():
            if isinstance(term, ox.NamedNode) and not store.has_resource(term):
                raise ParamError(f"parameter {name}: {ns.shorten(term.value)} names no resource of the graph")
    return bindings
