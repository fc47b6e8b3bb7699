"""Value type constraint components (SHACL 1.0, 4.1): sh:class, sh:datatype, sh:nodeKind."""

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl import literals
from kg.shacl.graph import EMPTY, LANG_STRING, RDFS_DATATYPE, RDFS_LITERAL, SH, XSD_STRING, name
from kg.shacl.registry import Component


# ---- sh:class: a SHACL instance of the class (rdf:type/rdfs:subClassOf* in the data graph)
def compile_class(ctx) -> None:
    for c in ctx.objs("class"):
        ctx.per_value("ClassConstraintComponent", _instance_test(ctx.run, c), cache=False)


def _instance_test(run, c_term):
    c = run.known_id(c_term)
    if c is None:
        return lambda v: False
    below = run.subclasses(c)
    get = run.type_fwd.get
    if len(below) == 1:
        return lambda v: c in get(v, EMPTY)
    return lambda v: not below.isdisjoint(get(v, EMPTY))


def message_class(text, r) -> str:
    rules = text.param(r.shape, "class")
    if len(rules) < 2:
        return f"Value does not have class {text.shapes(rules[0])}"
    return "Value class is not in classes ({})".format(", ".join(text.shapes(c) for c in rules))


# ---- sh:datatype: pyshacl's reading, the datatype IRI and no ill-typed literal (as rdflib reads it)
def compile_datatype(ctx) -> None:
    ctx.per_value("DatatypeConstraintComponent", _datatype_test(ctx.run, ctx.single("datatype")))


def _datatype_test(run, dt):
    kind_of = run.kinds()

    def ok(v):
        if kind_of[v] != 2:
            return False
        if dt == RDFS_LITERAL:
            return True
        term = run.term(v)
        have = term.datatype
        if have == dt:
            if dt in (XSD_STRING, LANG_STRING) or literals.plain_value(term) is not literals.UNDECIDED:
                return True
            return literals.datatype_ok(run.rdflib(v), dt)
        return dt == RDFS_DATATYPE and have not in (XSD_STRING, LANG_STRING)

    return ok


def message_datatype(text, r) -> str:
    return f"Value is not Literal with datatype {text.shapes(text.param(r.shape, 'datatype')[0])}"


# ---- sh:nodeKind
NODE_KINDS = {SH + "IRI": {0}, SH + "BlankNode": {1}, SH + "Literal": {2}, SH + "BlankNodeOrIRI": {0, 1},
              SH + "BlankNodeOrLiteral": {1, 2}, SH + "IRIOrLiteral": {0, 2}}


def compile_node_kind(ctx) -> None:
    kind = ctx.single("nodeKind")
    allowed = NODE_KINDS.get(kind.value) if isinstance(kind, ox.NamedNode) else None
    if allowed is None:
        raise DataError(f"{ctx.what}: sh:nodeKind {name(kind)} is not a SHACL node kind")
    kind_of = ctx.run.kinds()
    ctx.per_value("NodeKindConstraintComponent", lambda v: kind_of[v] in allowed, cache=False)


def message_node_kind(text, r) -> str:
    return f"Value is not of Node Kind {text.shapes(text.param(r.shape, 'nodeKind')[0])}"


COMPONENTS = (
    Component("Class", ("class",), compile_class, message_class),
    Component("Datatype", ("datatype",), compile_datatype, message_datatype),
    Component("NodeKind", ("nodeKind",), compile_node_kind, message_node_kind),
)
