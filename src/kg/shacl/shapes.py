"""From the shapes graph to compiled shapes: which nodes are shapes, and each shape's constraints.

A component's compile step (registered in kg.shacl.registry) gets a :class:`Context` for one shape and
appends checks to it; what is not a shape, or a parameter no component of the table reads, is ignored
(SHACL 1.0, 2.1 and 3.6.2: reports, manifests, ontology declarations may share the shapes graph)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import DataError
from kg.namespaces import XSD_INTEGER_TYPES
from kg.shacl import paths
from kg.shacl.graph import SH, VIOLATION, XSD, ShapesGraph, TYPE, is_true, name, sh
from kg.shacl.run import ValidationResult, Run, Shape

TARGET_PREDICATES = [sh(n) for n in ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf")]
# Parameters whose values are shapes (one each, or a list of them)
SHAPE_PARAMETERS = ("property", "node", "not", "qualifiedValueShape")
LIST_PARAMETERS = ("and", "or", "xone")


def discover(sg: ShapesGraph, parameters) -> dict:
    """The shapes (node -> its sh:path, or None), found as SHACL 1.0 (2.1) defines them: SHACL instances of
    sh:NodeShape or sh:PropertyShape, subjects of a target or of a constraint parameter, and the values
    of the parameters that take shapes."""
    what = lambda s: f"shape {name(s)}"  # noqa: E731
    found: dict = {}
    for s in sg.instances_of(sh("NodeShape")):
        if sg.objects(s, sh("path")):
            raise DataError(f"{what(s)}: a sh:NodeShape cannot have a sh:path")
        found[s] = None
    for s in sg.instances_of(sh("PropertyShape")):
        if s in found:
            raise DataError(f"{what(s)}: a shape cannot be both a sh:NodeShape and a sh:PropertyShape")
        paths_ = sg.objects(s, sh("path"))
        if len(paths_) != 1:
            raise DataError(f"{what(s)}: a sh:PropertyShape needs exactly one sh:path")
        found[s] = paths_[0]
    implied = []
    for p in TARGET_PREDICATES + [sh("target")] + [ox.NamedNode(iri) for iri in sorted(parameters)]:
        implied += sg.subjects(p)
    for p in SHAPE_PARAMETERS:
        implied += [o for _, o in sg.pos.get(sh(p), ())]
    for p in LIST_PARAMETERS:
        for s, head in sg.pos.get(sh(p), ()):
            members = sg.items(head, f"{what(s)}: sh:{p}")
            if not members:
                raise DataError(f"{what(s)}: sh:{p} needs a non-empty list of shapes")
            implied += members
    for s in implied:
        if s in found:
            continue
        if isinstance(s, ox.Literal):
            raise DataError(f"a literal ({s}) is used where a shape is expected")
        paths_ = sg.objects(s, sh("path"))
        if len(paths_) > 1:
            raise DataError(f"{what(s)}: a property shape has more than one sh:path")
        found[s] = paths_[0] if paths_ else None
    return found


def _shape_refs(sg, node) -> list:
    """The shapes validating against ``node`` may ask about: its parameters' shapes, and with
    sh:qualifiedValueShapesDisjoint the sibling qualified value shapes it compares values with."""
    from kg.shacl.shape_based import disjoint_siblings

    refs = []
    for p in SHAPE_PARAMETERS:
        refs += sg.objects(node, sh(p))
    for p in LIST_PARAMETERS:
        for head in sg.objects(node, sh(p)):
            refs += sg.items(head, f"shape {name(node)}: sh:{p}")
    if any(is_true(d) for d in sg.objects(node, sh("qualifiedValueShapesDisjoint"))):
        refs += disjoint_siblings(sg, node)
    return refs


def check_recursion(sg, shapes: dict) -> None:
    """Recursive shapes are refused: SHACL 1.0 (3.4.3) leaves their meaning open."""
    state: dict = {}

    def visit(node, trail):
        mark = state.get(node)
        if mark == 2:
            return
        if mark == 1:
            cycle = " -> ".join(name(x) for x in trail[trail.index(node):] + [node])
            raise DataError(f"recursive shapes ({cycle}): SHACL leaves their meaning open, kg's validator refuses them")
        state[node] = 1
        for ref in _shape_refs(sg, node):
            if ref in shapes:
                visit(ref, trail + [node])
        state[node] = 2

    for node in shapes:
        visit(node, [])


def compile_shapes(run: Run, found: dict, steps) -> list[Shape]:
    """Every shape compiled: its value nodes, severity, messages, and the checks that ``steps`` (the
    registry's compile steps, as (parameter IRIs, step) pairs) make of its parameters."""
    sg = run.sg
    for n, (node, path_node) in enumerate(found.items()):
        s = Shape()
        s.node, s.index, s.is_property, s.path_node = node, n, path_node is not None, path_node
        what = f"shape {name(node)}"
        s.path_text = paths.text(sg, path_node) if s.is_property else None
        s.values = paths.function(run, paths.ast(sg, path_node, what)) if s.is_property else _self
        sev = sg.objects(node, sh("severity"))
        s.severity = sev[0] if sev else VIOLATION
        s.messages = sg.objects(node, sh("message"))
        s.deactivated = any(is_true(d) for d in sg.objects(node, sh("deactivated")))
        s.checks, s.props, s.targets, s.conformed = [], [], None, {}
        run.shapes[node] = s
    check_recursion(sg, run.shapes)
    for s in run.shapes.values():
        ctx = Context(run, s)
        for triggers, step in steps:
            if not ctx.params.isdisjoint(triggers):
                step(ctx)
    return list(run.shapes.values())


def _self(f):
    return (f,)


class Context:
    """One shape as a component's compile step sees it."""

    def __init__(self, run: Run, shape: Shape):
        self.run, self.shape, self.sg, self.node = run, shape, run.sg, shape.node
        self.what = f"shape {name(shape.node)}"
        self.params = {p.value for p in run.sg.spo.get(shape.node, {})}

    def has(self, local: str) -> bool:
        return SH + local in self.params

    def objs(self, local: str) -> list:
        return self.sg.objects(self.node, sh(local))

    def single(self, local: str):
        values = self.objs(local)
        if len(values) != 1:
            raise DataError(f"{self.what}: sh:{local} must have exactly one value")
        return values[0]

    def need_property(self, local: str) -> None:
        if not self.shape.is_property:
            raise DataError(f"{self.what}: sh:{local} is only allowed on a property shape (one with a sh:path)")

    def integer(self, local: str, datatypes=None) -> int:
        """A count or length parameter (sh:minCount / sh:maxCount: xsd:integer; the others any integer type)."""
        v = self.single(local)
        if not isinstance(v, ox.Literal) or not re.fullmatch(r"\s*[+-]?\d+\s*", v.value) or (
                v.datatype.value not in (datatypes or INTEGERS)):
            raise DataError(f"{self.what}: sh:{local} must be an integer literal, not {v}")
        n = int(v.value)
        if n < 0:
            raise DataError(f"{self.what}: sh:{local} must not be negative")
        return n

    def boolean(self, local: str) -> bool:
        """A boolean parameter: one xsd:boolean literal, on only when it is true (see kg.shacl.graph.is_true)."""
        flag = self.single(local)
        if not (isinstance(flag, ox.Literal) and flag.datatype.value == XSD + "boolean"):
            raise DataError(f"{self.what}: sh:{local} must be a boolean literal")
        return is_true(flag)

    def other(self, node, kind: str = "") -> Shape:
        """The compiled shape a parameter names (sh:node: a node shape, sh:property: a property shape)."""
        shape = self.run.shapes.get(node)
        if shape is None:
            raise DataError(f"{self.what}: {name(node)} is not a shape")
        if kind == "node" and shape.is_property:
            raise DataError(f"{self.what}: sh:node must point to a node shape, {name(node)} has a sh:path")
        if kind == "property" and not shape.is_property:
            raise DataError(f"{self.what}: sh:property must point to a property shape, {name(node)} has no sh:path")
        return shape

    def add(self, check) -> None:
        self.shape.checks.append(check)

    def per_value(self, component: str, ok, cache: bool = True) -> None:
        """A check failing each value node that ``ok`` rejects (one result per value)."""
        comp, shape = SH + component, self.shape
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
                    out.append(ValidationResult(shape, f, v, comp))
            return bad

        self.add(check)


INTEGERS = {XSD + n for n in XSD_INTEGER_TYPES}
XSD_INTEGER = {XSD + "integer"}


def is_class(sg: ShapesGraph, node) -> bool:
    """Implicit class target: the shape is an rdfs:Class (or owl:Class, or a subclass) in the shapes graph."""
    from kg.shacl.graph import OWL_CLASS, RDFS_CLASS, SUBCLASS

    classes = {RDFS_CLASS, OWL_CLASS}
    todo = list(classes)
    while todo:
        for sub in sg.subjects(SUBCLASS, todo.pop()):
            if sub not in classes:
                classes.add(sub)
                todo.append(sub)
    return any(t in classes for t in sg.objects(node, TYPE))
