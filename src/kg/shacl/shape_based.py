"""Shape-based constraint components (SHACL 1.0, 4.7): sh:node, sh:property, sh:qualifiedValueShape with
sh:qualifiedMinCount / sh:qualifiedMaxCount / sh:qualifiedValueShapesDisjoint."""

from __future__ import annotations

from kg.shacl.graph import SH, is_true, sh
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult


# ---- sh:node: one result per value node that does not conform (the nested shape's own results are not
# results of this validation: pyshacl reports them too, as sh:detail)
def compile_node(ctx) -> None:
    for other in ctx.objs("node"):
        shape, conforms = ctx.other(other, "node"), ctx.run.conforms  # conformance is cached by the run
        ctx.per_value("NodeConstraintComponent", lambda v, shape=shape: conforms(shape, v), cache=False)


def message_node(text, r) -> str:
    nodes = text.param(r.shape, "node")
    if len(nodes) < 2:
        m = f"Value does not conform to Shape {text.shapes(nodes[0])}."
    else:
        m = "Value must conform to every Shape in ('{}').".format("', '".join(text.shapes(n) for n in nodes))
    return m + " See details for more information."


# ---- sh:property: each value node is a focus node of the property shape, whose results they are
def compile_property(ctx) -> None:
    ctx.shape.props = [ctx.other(p, "property") for p in ctx.objs("property")]


# ---- qualified value shapes: without sh:qualifiedValueShape the other parameters are ignored, as is a
# qualified value shape with neither count
def disjoint_siblings(sg, node) -> list:
    """The sibling shapes sh:qualifiedValueShapesDisjoint compares a value with: the qualified value shapes
    of the property shapes of the same parents (``node``'s own among them), each once."""
    found: dict = {}
    for parent in sg.subjects(sh("property"), node):
        for sibling_prop in sg.objects(parent, sh("property")):
            for sib in sg.objects(sibling_prop, sh("qualifiedValueShape")):
                found[sib] = None
    return list(found)


def compile_qualified(ctx) -> None:
    value_shapes = list(dict.fromkeys(ctx.objs("qualifiedValueShape")))
    low = ctx.integer("qualifiedMinCount") if ctx.has("qualifiedMinCount") else None
    high = ctx.integer("qualifiedMaxCount") if ctx.has("qualifiedMaxCount") else None
    if low is None and high is None:
        return
    ctx.need_property("qualifiedValueShape")
    run, shape, sg, node = ctx.run, ctx.shape, ctx.sg, ctx.node
    disjoint = any(is_true(d) for d in ctx.objs("qualifiedValueShapesDisjoint"))
    conforms = run.conforms
    for vs_node in value_shapes:
        vs = ctx.other(vs_node)
        siblings = [run.shapes[sib] for sib in disjoint_siblings(sg, node)
                    if sib != vs_node and sib in run.shapes] if disjoint else []

        def check(f, vals, out, vs=vs, siblings=siblings):
            n = sum(1 for v in vals if conforms(vs, v) and not any(conforms(s, v) for s in siblings))
            found = []
            if high is not None and n > high:
                found.append(SH + "QualifiedMaxCountConstraintComponent")
            if low is not None and n < low:
                found.append(SH + "QualifiedMinCountConstraintComponent")
            if found and out is not None:
                out.extend(ValidationResult(shape, f, None, comp) for comp in found)
            return bool(found)

        ctx.add(check)


def message_qualified(text, r) -> str:
    shapes = list(dict.fromkeys(text.param(r.shape, "qualifiedValueShape")))
    count = ""
    for local, label in (("qualifiedMinCount", "MinCount"), ("qualifiedMaxCount", "MaxCount")):
        values = text.param(r.shape, local)
        if values:
            count += f" {label} {int(values[0].value)}"
    joined = ",".join(text.shapes(s) for s in shapes)
    if len(shapes) > 1:
        return f"Focus node does not conform to shapes{count}: ({joined})"
    return f"Focus node does not conform to shape{count}: {joined}"


QUALIFIED = ("qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint")

COMPONENTS = (
    Component("Node", ("node",), compile_node, message_node),
    Component("Property", ("property",), compile_property, None),
    Component("QualifiedMinCount", QUALIFIED, compile_qualified, message_qualified,
              triggers=("qualifiedValueShape",)),
    Component("QualifiedMaxCount", QUALIFIED, None, message_qualified),
)
