"""The focus nodes of a shape: its targets (SHACL 1.0, 2.1.3), and SPARQL-based targets (SHACL-AF)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl.graph import name, sh
from kg.shacl.run import Run, Shape
from kg.shacl.shapes import is_class


def finder(run: Run, shape: Shape):
    """A function giving the focus nodes of the shape's targets (None when it has none)."""
    sg, node = run.sg, shape.node
    what = f"shape {name(node)}"
    parts = []
    nodes = sg.objects(node, sh("targetNode"))
    if nodes:
        parts.append(lambda: {run.tid(n) for n in nodes})
    classes = list(sg.objects(node, sh("targetClass")))
    if is_class(sg, node):
        classes.append(node)
    for c in classes:
        parts.append(lambda c=c: run.instances(c))
    for p in sg.objects(node, sh("targetSubjectsOf")):
        parts.append(lambda p=p: set(run.objects_of(p)))
    for p in sg.objects(node, sh("targetObjectsOf")):
        def objects_of(p=p):
            out: set = set()
            for objects in run.objects_of(p).values():
                out.update(objects)
            return out
        parts.append(objects_of)
    for target in sg.objects(node, sh("target")):
        from kg.shacl import sparql

        selects = sg.objects(target, sh("select"))
        if len(selects) != 1 or not isinstance(selects[0], ox.Literal):
            raise DataError(f"{what}: a SPARQL target needs exactly one sh:select string")
        query = sparql.target_query(run, target, selects[0].value, what)

        def sparql_target(query=query):
            return {run.tid(row["this"]) for row in sparql.select(run, query, {}, what)
                    if row.get("this") is not None}

        parts.append(sparql_target)
    if not parts:
        return None

    def find():
        out: set = set()
        for part in parts:
            out.update(part())
        return out

    return find
