"""Literal semantics as rdflib (and so pyshacl) gives them: ill-typed literals, values, order.

What kg.shacl takes from rdflib is decided here, once per distinct literal; the common lexical forms are
decided without rdflib at all (see ``plain_value``)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.shacl.graph import XSD


def quiet_rdflib(term):
    """kg.load.to_rdflib, without rdflib's log line and warning for a literal it cannot convert (finding
    those is the point: they fail sh:datatype)."""
    from kg.load import quiet_rdflib as quiet, to_rdflib

    with quiet():
        return to_rdflib(term)


def _date(text: str):
    import datetime

    return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:10]))


# Lexical forms that rdflib certainly reads as well-typed values of their datatype, with the Python
# value it gives them (None: a datatype rdflib has no converter for, whose literals it never finds
# ill-typed).  They decide the common cases without rdflib; any other form is left to rdflib itself.
PLAIN_FORMS = {
    XSD + "integer": (re.compile(r"-?[0-9]+"), int),
    XSD + "decimal": (re.compile(r"-?[0-9]+\.[0-9]+"), None),  # Decimal, made on demand
    XSD + "double": (re.compile(r"-?[0-9]+(\.[0-9]+)?([eE]-?[0-9]+)?"), float),
    XSD + "boolean": (re.compile(r"true|false"), lambda text: text == "true"),
    XSD + "date": (re.compile(r"[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}"), _date),
    XSD + "gYear": (re.compile(r"[1-9][0-9]{3}"), None),
    XSD + "gYearMonth": (re.compile(r"[1-9][0-9]{3}-(0[1-9]|1[0-2])"), None),
    XSD + "gMonthDay": (re.compile(r"--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"), None),
}
NUMBERS = {XSD + "integer", XSD + "decimal", XSD + "double"}
UNDECIDED = object()


def plain_value(term):
    """The Python value rdflib would give a literal of a plain form (see PLAIN_FORMS), else UNDECIDED."""
    form = PLAIN_FORMS.get(term.datatype.value)
    if form is None or not form[0].fullmatch(term.value):
        return UNDECIDED
    if term.datatype.value == XSD + "decimal":
        from decimal import Decimal

        return Decimal(term.value)
    try:
        return form[1](term.value) if form[1] is not None else None
    except ValueError:  # a day the calendar lacks: rdflib decides
        return UNDECIDED


def plain_order(a, b):
    """-1, 0 or 1 as rdflib orders two literals, decided without rdflib when both are numbers of plain
    form (compared by value across numeric types) or both plain xsd:date (Python dates); else UNDECIDED."""
    ta, tb = a.datatype.value, b.datatype.value
    if not ((ta in NUMBERS and tb in NUMBERS) or ta == tb == XSD + "date"):
        return UNDECIDED
    x, y = plain_value(a), plain_value(b)
    if x is UNDECIDED or y is UNDECIDED:
        return UNDECIDED
    return (x > y) - (x < y)


def kind(term) -> int:
    """0 IRI, 1 blank node, 2 literal."""
    if isinstance(term, ox.Literal):
        return 2
    if isinstance(term, ox.BlankNode):
        return 1
    return 0


def compare(l1, l2) -> int:
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


def datatype_ok(lit, dt) -> bool:
    """pyshacl's DatatypeConstraintComponent._assert_actual_datatype, after its ill-typed test."""
    from datetime import date, datetime, time
    from decimal import Decimal

    if getattr(lit, "ill_typed", None) is True:
        return False
    value, iri = lit.value, dt.value
    expected = {XSD + "integer": int, XSD + "float": float, XSD + "decimal": Decimal, XSD + "boolean": bool,
                XSD + "date": date, XSD + "time": time, XSD + "dateTime": datetime}.get(iri)
    return expected is None or isinstance(value, expected)
