"""Where pyshacl, the reference, departs from the SHACL specification, and kg.shacl does not: the one
list of them (docs/ENGINES.md points here).  They are tolerated only in the parity tests
(tests/engines/test_shacl.py), and only where a test names them: on the project's shapes and data the two
validators must agree exactly.

A result is a key (focus, path, component, source shape, severity, value, message), as test_shacl
makes them; ``explains(key, side, ctx)`` says whether the departure accounts for a result only one side
gives (``side``: "pyshacl" or "kg"); ``ctx`` holds both sides' results (``ref``, ``got``) and the
shapes graph (``sg``, a kg.shacl.graph.ShapesGraph).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_RESOURCE = "http://www.w3.org/2000/01/rdf-schema#Resource"
LOGICAL = {SH + c + "ConstraintComponent" for c in ("Not", "And", "Or", "Xone", "QualifiedMinCount",
                                                    "QualifiedMaxCount", "Node")}


@dataclass(frozen=True)
class Departure:
    name: str
    spec: str  # where SHACL 1.0 says what kg.shacl does
    pyshacl: str  # what pyshacl does instead
    # None: no parity test meets it; tests/engines/test_shacl.py (or the W3C suite) pins kg.shacl's side
    explains: Callable | None = None


@dataclass
class Context:
    ref: object
    got: object
    sg: object


def _n3(focus: str) -> str:
    return focus if focus.startswith("_:") else f"<{focus}>"


def _node_detail(key, side, ctx) -> bool:
    """A result of a shape reached through sh:node, about a value node a sh:node result names."""
    if side != "pyshacl" or key[2] == SH + "NodeConstraintComponent":
        return False
    return any(k[2] == SH + "NodeConstraintComponent" and k[5] == _n3(key[0]) for k in ctx.ref)


def _shape(ctx, key):
    return ox.NamedNode(key[3]) if key[3] else None


def _members(sg, node) -> list:
    from kg.shacl.graph import sh

    out = []
    for p in ("not", "node", "qualifiedValueShape"):
        out += sg.objects(node, sh(p))
    for p in ("and", "or", "xone"):
        for head in sg.objects(node, sh(p)):
            out += sg.items(head, p)
    return out


def _soft_member(key, side, ctx) -> bool:
    """A logical (or qualified) result of a shape one of whose member shapes has severity Warning or Info."""
    from kg.shacl.graph import sh

    node = _shape(ctx, key)
    if key[2] not in LOGICAL or node is None:
        return False
    soft = {sh("Warning"), sh("Info")}
    return any(set(ctx.sg.objects(m, sh("severity"))) & soft for m in _members(ctx.sg, node))


def _closed_type_resource(key, side, ctx) -> bool:
    return side == "kg" and key[2] == SH + "ClosedConstraintComponent" and key[1] == f"<{RDF_TYPE}>" \
        and key[5] == f"<{RDFS_RESOURCE}>"


def _boolean_one(key, side, ctx) -> bool:
    """A result of a shape whose boolean parameter is "1"^^xsd:boolean (or "0")."""
    from kg.shacl.graph import sh

    node = _shape(ctx, key)
    if node is None:
        return False
    return any(isinstance(v, ox.Literal) and v.value in ("1", "0") and v.datatype.value.endswith("#boolean")
               for p in ("uniqueLang", "closed", "deactivated", "qualifiedValueShapesDisjoint")
               for v in ctx.sg.objects(node, sh(p)))


DEPARTURES = {d.name: d for d in (
    Departure("node-details", "4.7.1 sh:node: one result per value node that does not conform",
              "adds the nested shape's results as results of their own (its sh:detail results are typed "
              "sh:ValidationResult)", _node_detail),
    Departure("soft-nested-shape", "3.4 conformance: a node conforms to a shape when validating it gives no "
              "result, of any severity",
              "with allow_warnings (as the build calls it), a nested shape of severity sh:Warning or sh:Info "
              "conforms whatever its results, in sh:not, sh:and, sh:or, sh:xone and qualified value shapes",
              _soft_member),
    Departure("boolean-one", "4.4.5, 4.8.1, 2.1.4, 4.7.3: the parameter is on for true (the W3C test "
              "uniqueLang-002 expects \"1\"^^xsd:boolean to leave sh:uniqueLang off)",
              "reads every xsd:boolean by value, so \"1\" is true too", _boolean_one),
    Departure("closed-type-resource", "4.8.1 sh:closed: a result for every triple whose predicate is not allowed",
              "never reports rdf:type rdfs:Resource", _closed_type_resource),
    Departure("inverse-sequence", "2.3.1.4: the inverse of a sequence path p/q is ^q/^p", "walks ^p/^q"),
    Departure("target-only-shape", "2.1: a node with a target is a shape", "ignores a node whose only "
              "SHACL property is sh:target"),
    Departure("implicit-class-subclass", "2.1.3.3: a SHACL instance of rdfs:Class (rdfs:subClassOf* in the "
              "shapes graph) that is a shape targets its instances", "follows only a direct rdf:type"),
    Departure("failure", "5.3.1: a solution with ?failure true makes the validation fail",
              "makes a validation result of it"),
    Departure("empty-solution", "5.3.2: every solution is a result (focus node: the focus, value: for a node "
              "shape the focus)", "drops a solution that binds none of $this, ?path and ?value"),
    Departure("prebinding-restrictions", "5.6: a query with MINUS, VALUES, SERVICE, AS onto a pre-bound "
              "variable, or a sub-select that does not return $this makes the validation fail",
              "runs some of them (the W3C tests unsupported-sparql-001 to 006 and pre-binding-006)"),
    Departure("prefixes", "5.2.1: a query's prefixes are those at sh:prefixes/owl:imports*/sh:declare",
              "adds rdf:, rdfs: and owl:, and the declarations of every owl:Ontology of the shapes graph"),
    Departure("shapes-graph", "5.6: $shapesGraph is pre-bound to the shapes graph, a named graph of the "
              "dataset", "refuses $shapesGraph (NotImplementedError)"),
)}


def explain(key, side: str, ctx: Context, allowed) -> str | None:
    """The name of the allowed departure that accounts for a one-sided result, or None."""
    for name in allowed:
        d = DEPARTURES[name]
        if d.explains is not None and d.explains(key, side, ctx):
            return name
    return None
