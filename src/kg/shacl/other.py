"""Other constraint components (SHACL 1.0, 4.8): sh:closed with sh:ignoredProperties, sh:hasValue, sh:in."""

from __future__ import annotations

from kg.shacl.graph import SH
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult


# ---- sh:closed: a result per triple of a value node whose predicate no property shape of the shape
# names (or sh:ignoredProperties lists); without sh:closed true, sh:ignoredProperties does nothing
def compile_closed(ctx) -> None:
    if not ctx.has("closed") or not ctx.boolean("closed"):
        return
    run, shape = ctx.run, ctx.shape
    allowed = set()
    for head in ctx.objs("ignoredProperties"):
        allowed.update(ctx.sg.items(head, f"{ctx.what}: sh:ignoredProperties"))
    for prop in ctx.objs("property"):
        allowed.add(ctx.other(prop, "property").path_node)
    allowed_ids = {run.known_id(p) for p in allowed} - {None}
    comp = SH + "ClosedConstraintComponent"

    def check(f, vals, out):
        index = run.by_subject()
        bad = False
        for v in vals:
            for p, objects in index.get(v, ()):
                if p in allowed_ids:
                    continue
                for o in objects:
                    if out is None:
                        return True
                    bad = True
                    out.append(ValidationResult(shape, f, o, comp, path=run.term(p)))
        return bad

    ctx.add(check)


def message_closed(text, r) -> str:
    value = text.data(r.value) if r.value is not None else "None"
    return f"Node {text.data(r.focus)} is closed. It cannot have value: {value}"


# ---- sh:hasValue: a result per value the value nodes lack
def compile_has_value(ctx) -> None:
    comp, shape, run = SH + "HasValueConstraintComponent", ctx.shape, ctx.run
    for value in ctx.objs("hasValue"):
        v_id = run.known_id(value)

        def check(f, vals, out, v_id=v_id):
            if v_id is not None and v_id in vals:
                return False
            if out is not None:
                out.append(ValidationResult(shape, f, None, comp))
            return True

        ctx.add(check)


def message_has_value(text, r) -> str:
    the_set = [text.shapes(v) for v in dict.fromkeys(text.param(r.shape, "hasValue"))]
    if r.shape.is_property:
        return f"Node {text.data(r.focus)}->{text.shapes(r.shape.path_node)} does not contain a value in the set: {the_set}"
    return f"Node {text.data(r.focus)} value is not a in the set of values: {the_set}"


# ---- sh:in
def compile_in(ctx) -> None:
    members = {ctx.run.known_id(m) for m in ctx.sg.items(ctx.single("in"), f"{ctx.what}: sh:in")} - {None}
    ctx.per_value("InConstraintComponent", lambda v: v in members, cache=False)


def message_in(text, r) -> str:
    members = [text.shapes(m) for m in dict.fromkeys(text.run.sg.items(text.param(r.shape, "in")[0], "sh:in"))]
    value = text.data(r.value) if r.value is not None else "None"
    return f"Value {value} not in list {members}"


COMPONENTS = (
    Component("Closed", ("closed", "ignoredProperties"), compile_closed, message_closed),
    Component("HasValue", ("hasValue",), compile_has_value, message_has_value),
    Component("In", ("in",), compile_in, message_in),
)
