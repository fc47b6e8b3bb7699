"""Cardinality constraint components (SHACL 1.0, 4.2): sh:minCount, sh:maxCount."""

from __future__ import annotations

from kg.shacl.graph import SH
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult
from kg.shacl.shapes import XSD_INTEGER


def _count_check(shape, comp: str, bad_count):
    def check(f, vals, out):
        if bad_count(len(vals)):
            if out is not None:
                out.append(ValidationResult(shape, f, None, comp))
            return True
        return False

    return check


def compile_min_count(ctx) -> None:
    ctx.need_property("minCount")
    n = ctx.integer("minCount", XSD_INTEGER)
    if n > 0:
        ctx.add(_count_check(ctx.shape, SH + "MinCountConstraintComponent", lambda k: k < n))


def compile_max_count(ctx) -> None:
    ctx.need_property("maxCount")
    n = ctx.integer("maxCount", XSD_INTEGER)
    ctx.add(_count_check(ctx.shape, SH + "MaxCountConstraintComponent", lambda k: k > n))


def _message(local: str, word: str):
    def message(text, r) -> str:
        n = text.param(r.shape, local)[0]
        return f"{word} than {int(n.value)} values on {text.data(r.focus)}->{text.shapes(r.shape.path_node)}"

    return message


COMPONENTS = (
    Component("MinCount", ("minCount",), compile_min_count, _message("minCount", "Less")),
    Component("MaxCount", ("maxCount",), compile_max_count, _message("maxCount", "More")),
)
