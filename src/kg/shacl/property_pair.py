"""Property pair constraint components (SHACL 1.0, 4.5): sh:equals, sh:disjoint, sh:lessThan,
sh:lessThanOrEquals.  The order is pyshacl's: IRIs and strings as strings, other literals as rdflib
orders them; incomparable pairs fail."""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl import literals
from kg.shacl.graph import EMPTY, SH
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult

SYMBOLS = {"equals": "!=", "disjoint": "==", "lessThan": "<=", "lessThanOrEquals": "<"}  # in pyshacl's messages


def _compile_pair(local: str):
    comp = SH + local[0].upper() + local[1:] + "ConstraintComponent"

    def compile_pair(ctx) -> None:
        if local.startswith("less"):
            ctx.need_property(local)
        for prop in ctx.objs(local):
            if local.startswith("less") and not isinstance(prop, ox.NamedNode):
                raise DataError(f"{ctx.what}: sh:{local} must be an IRI")
            ctx.add(_check(ctx.run, ctx.shape, local, comp, prop))

    return compile_pair


def _check(run, shape, local: str, comp: str, prop):
    get = (run.objects_of(prop) if isinstance(prop, ox.NamedNode) else {}).get
    if local == "equals":
        def failing(f, vals):
            other = get(f, EMPTY)
            return [v for v in vals if v not in other] + [o for o in other if o not in vals]
    elif local == "disjoint":
        def failing(f, vals):
            other = get(f, EMPTY)
            return [v for v in vals if v in other]
    else:
        strict = local == "lessThan"

        def failing(f, vals):
            other = get(f, EMPTY)
            return [v for v in vals for o in other if not _less(run, v, o, strict, local)]

    def check(f, vals, out):
        bad = failing(f, vals)
        if bad and out is not None:
            out.extend(ValidationResult(shape, f, v, comp) for v in bad)
        return bool(bad)

    return check


def _less(run, v: int, o: int, strict: bool, local: str) -> bool:
    """pyshacl's sh:lessThan / sh:lessThanOrEquals test of one pair (IRIs and strings as strings)."""
    kind_of = run.kinds()
    if kind_of[v] == 1 or kind_of[o] == 1:
        raise DataError(f"sh:{local} cannot compare a blank node")

    if kind_of[v] == 2 and kind_of[o] == 2:
        order = literals.plain_order(run.term(v), run.term(o))
        if order is not literals.UNDECIDED:
            return order < 0 if strict else order <= 0

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


def _message(local: str):
    def message(text, r) -> str:
        props = list(dict.fromkeys(text.param(r.shape, local)))
        rules = text.shapes(props[0]) if len(props) < 2 else ", ".join(text.shapes(p) for p in props)
        value = text.data(r.value) if r.value is not None else "None"
        return f"Value of {text.data(r.focus)}->{rules} {SYMBOLS[local]} {value}"

    return message


COMPONENTS = tuple(Component(local[0].upper() + local[1:], (local,), _compile_pair(local), _message(local))
                   for local in SYMBOLS)
