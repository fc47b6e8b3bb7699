"""SHACL property paths: read from the shapes graph, evaluated over integer ids, written as text."""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl.graph import EMPTY, FIRST, NIL, REST, ShapesGraph, sh


def ast(sg: ShapesGraph, node, what: str, depth: int = 0):
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
        return ("seq", [ast(sg, x, what, depth + 1) for x in items])
    for pred, op in (("inversePath", "inv"), ("zeroOrMorePath", "*"), ("oneOrMorePath", "+"),
                     ("zeroOrOnePath", "?")):
        inner = sg.objects(node, sh(pred))
        if inner:
            if len(inner) > 1:
                raise DataError(f"{what}: sh:{pred} has more than one value")
            return (op, ast(sg, inner[0], what, depth + 1))
    alt = sg.objects(node, sh("alternativePath"))
    if alt:
        items = sg.items(alt[0], what)
        if len(items) < 2:
            raise DataError(f"{what}: an alternative path needs at least two members")
        return ("alt", [ast(sg, x, what, depth + 1) for x in items])
    raise DataError(f"{what}: the sh:path {node} is not a SHACL property path")


def _invert(tree):
    kind = tree[0]
    if kind == "p":
        return ("inv", tree)
    if kind == "inv":
        return tree[1]
    if kind == "seq":  # ^(p/q) = ^q/^p (pyshacl walks ^p/^q)
        return ("seq", [_invert(x) for x in reversed(tree[1])])
    if kind == "alt":
        return ("alt", [_invert(x) for x in tree[1]])
    return (kind, _invert(tree[1]))


def function(run, tree):
    """A function focus id -> the ids it reaches by the path (a set; never to be changed)."""
    kind = tree[0]
    if kind == "p" or (kind == "inv" and tree[1][0] == "p"):
        table = run.objects_of(tree[1]) if kind == "p" else run.subjects_of(tree[1][1])
        if not table:
            return lambda f: EMPTY
        get = table.get
        return lambda f: get(f, EMPTY)
    if kind == "inv":
        return function(run, _invert(tree[1]))
    if kind == "seq":
        steps = [function(run, x) for x in tree[1]]

        def seq(f):
            current = {f}
            for step in steps:
                nxt: set = set()
                for x in current:
                    nxt.update(step(x))
                if not nxt:
                    return EMPTY
                current = nxt
            return current

        return seq
    if kind == "alt":
        alts = [function(run, x) for x in tree[1]]

        def alt(f):
            out: set = set()
            for a in alts:
                out.update(a(f))
            return out

        return alt
    step = function(run, tree[1])
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


def text(sg: ShapesGraph, path) -> str:
    """The path as a result shows it (``<p>``, ``^<p>``, ``(<p>)*``, ``(<p>|<q>)``, ``<p>/<q>``)."""
    return render(path, lambda node: node.value if isinstance(node, ox.NamedNode) else None,
                  lambda node, local: sg.value(node, FIRST if local is None else sh(local)),
                  lambda node: sg.items(node, "path"), lambda node: node.value)


def render(path, iri, value, items, lexical) -> str:
    """A SHACL property path as text, whatever holds it (kg's shapes graph here, pyshacl's report in
    kg.validate): ``iri(node)`` is the IRI of a node or None, ``value(node, local)`` the object of its
    ``sh:local`` (rdf:first for None), ``items(node)`` the members of the list it starts."""
    def walk(node) -> str:
        name = iri(node)
        if name is not None:
            return f"<{name}>"
        if value(node, None) is not None:
            return "/".join(walk(x) for x in items(node))
        inverse = value(node, "inversePath")
        if inverse is not None:
            return "^" + walk(inverse)
        for kind, op in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = value(node, kind)
            if inner is not None:
                return f"({walk(inner)}){op}"
        alternatives = value(node, "alternativePath")
        if alternatives is not None:
            return "(" + "|".join(walk(x) for x in items(alternatives)) + ")"
        return lexical(node)

    return walk(path)


def sparql(sg: ShapesGraph, path, prefixes: dict, top: bool = True) -> str:
    """The path in SPARQL syntax, for $PATH (as pyshacl writes it)."""
    if isinstance(path, ox.NamedNode):
        for p, namespace in prefixes.items():
            if path.value.startswith(namespace):
                return f"{p}:{path.value[len(namespace):]}"
        return f"<{path.value}>"
    if sg.objects(path, FIRST):
        out = " / ".join(sparql(sg, x, prefixes, False) for x in sg.items(path, "path"))
        return out if top else f"({out})"
    inv = sg.value(path, sh("inversePath"))
    if inv is not None:
        return "^" + sparql(sg, inv, prefixes, False)
    alt = sg.value(path, sh("alternativePath"))
    if alt is not None:
        out = " | ".join(sparql(sg, x, prefixes, False) for x in sg.items(alt, "path"))
        return out if top else f"({out})"
    for kind, op in (("zeroOrMorePath", "*"), ("zeroOrOnePath", "?"), ("oneOrMorePath", "+")):
        inner = sg.value(path, sh(kind))
        if inner is not None:
            return sparql(sg, inner, prefixes, False) + op
    raise DataError(f"the sh:path {path} is not a SHACL property path")


def copy(sg: ShapesGraph, path, out: list, new_node):
    """The path node for a report, with the triples that make it the path it is read as (see ``ast``)
    copied onto blank nodes from ``new_node()``: a report's results share no path structure, as the W3C
    test suite compares them."""
    if not isinstance(path, ox.BlankNode):
        return path
    node = new_node()
    if sg.objects(path, FIRST):
        cell = node
        items = sg.items(path, "path")
        for n, item in enumerate(items):
            rest = new_node() if n + 1 < len(items) else NIL
            out.append(ox.Triple(cell, FIRST, copy(sg, item, out, new_node)))
            out.append(ox.Triple(cell, REST, rest))
            cell = rest
        return node
    for local in ("inversePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath", "alternativePath"):
        inner = sg.value(path, sh(local))
        if inner is not None:
            out.append(ox.Triple(node, sh(local), copy(sg, inner, out, new_node)))
            return node
    return node
