"""Value range constraint components (SHACL 1.0, 4.3): sh:minExclusive, sh:minInclusive, sh:maxExclusive,
sh:maxInclusive.  Literals are ordered as rdflib orders them (pyshacl's reading): numbers by value across
numeric types, dates and times by value, strings only with strings; what cannot be compared fails."""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl import literals
from kg.shacl.registry import Component

# parameter -> (component, the comparison of value with bound that passes, pyshacl's operator in messages)
RANGES = {
    "minExclusive": ("MinExclusive", lambda c: c > 0, ">"),
    "minInclusive": ("MinInclusive", lambda c: c >= 0, ">="),
    "maxExclusive": ("MaxExclusive", lambda c: c < 0, "<"),
    "maxInclusive": ("MaxInclusive", lambda c: c <= 0, "<="),
}


def _compile_range(local: str):
    component, op, _ = RANGES[local]

    def compile_range(ctx) -> None:
        for bound in ctx.objs(local):
            if not isinstance(bound, ox.Literal):
                raise DataError(f"{ctx.what}: sh:{local} must be a literal")
            ctx.per_value(component + "ConstraintComponent", _range_test(ctx.run, bound, op))

    return compile_range


def _range_test(run, bound, op):
    kind_of = run.kinds()
    b_rdflib = []  # made on first need

    def ok(v):
        if kind_of[v] != 2:
            return False
        term = run.term(v)
        order = literals.plain_order(term, bound)
        if order is not literals.UNDECIDED:
            return op(order)
        if not b_rdflib:
            b_rdflib.append(literals.quiet_rdflib(bound))
        b = b_rdflib[0]
        lit = run.rdflib(v)
        if isinstance(lit.value, str) != isinstance(b.value, str):
            return False
        try:
            return op(literals.compare(lit, b))
        except (TypeError, NotImplementedError):
            return False

    return ok


def _message(local: str):
    symbol = RANGES[local][2]

    def message(text, r) -> str:
        bounds = text.param(r.shape, local)
        if len(bounds) < 2:
            return f"Value is not {symbol} {text.shapes(bounds[0])}"
        return "Value is not {} in ({})".format(symbol, ", ".join(text.shapes(b) for b in bounds))

    return message


COMPONENTS = tuple(Component(component, (local,), _compile_range(local), _message(local))
                   for local, (component, _, _) in RANGES.items())
