"""The vocabulary and the shapes graph: constants, term names, a small index over the shapes' quads."""

from __future__ import annotations

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError

SH = "http://www.w3.org/ns/shacl#"
RDF = ns.PREFIXES["rdf"]
RDFS = ns.PREFIXES["rdfs"]
XSD = ns.PREFIXES["xsd"]
OWL = ns.PREFIXES["owl"]

N = ox.NamedNode


def sh(local: str) -> ox.NamedNode:
    return N(SH + local)


TYPE, FIRST, REST, NIL = N(RDF + "type"), N(RDF + "first"), N(RDF + "rest"), N(RDF + "nil")
SUBCLASS, RDFS_CLASS, OWL_CLASS = N(RDFS + "subClassOf"), N(RDFS + "Class"), N(OWL + "Class")
RDFS_RESOURCE = N(RDFS + "Resource")
XSD_STRING, LANG_STRING, XSD_BOOLEAN = N(XSD + "string"), N(RDF + "langString"), N(XSD + "boolean")
RDFS_LITERAL, RDFS_DATATYPE = N(RDFS + "Literal"), N(RDFS + "Datatype")
VIOLATION, WARNING, INFO = sh("Violation"), sh("Warning"), sh("Info")
TRUE = ox.Literal("true", datatype=XSD_BOOLEAN)
EMPTY: frozenset = frozenset()


def is_true(term) -> bool:
    """A boolean parameter is on only for the literal true (SHACL says "true"; "1"^^xsd:boolean, the same
    value, is another term, and the W3C test uniqueLang-002 expects it to leave the constraint off)."""
    return term == TRUE


def name(term) -> str:
    """A term as messages name it: a prefixed name where kg knows the prefix, _:label for a blank node."""
    if isinstance(term, ox.NamedNode):
        return ns.shorten(term.value) if "://" in term.value else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


class ShapesGraph:
    """The shapes graph: a small index over pyoxigraph terms (graph names ignored)."""

    def __init__(self, quads):
        self.spo: dict = {}
        self.pos: dict = {}
        self.quads: list = []  # the triples, once each
        seen = set()
        for q in quads:
            t = (q.subject, q.predicate, q.object)
            if t in seen:
                continue
            seen.add(t)
            self.quads.append(q)
            self.spo.setdefault(q.subject, {}).setdefault(q.predicate, []).append(q.object)
            self.pos.setdefault(q.predicate, []).append((q.subject, q.object))

    def objects(self, s, p) -> list:
        return self.spo.get(s, {}).get(p, [])

    def value(self, s, p):
        objects = self.objects(s, p)
        return objects[0] if objects else None

    def subjects(self, p, o=None) -> list:
        out, seen = [], set()
        for s, obj in self.pos.get(p, ()):
            if (o is None or obj == o) and s not in seen:
                seen.add(s)
                out.append(s)
        return out

    def items(self, head, what: str) -> list:
        out, seen = [], set()
        while head != NIL:
            if head in seen or not isinstance(head, ox.BlankNode | ox.NamedNode):
                raise DataError(f"{what}: the value is not a well-formed RDF list")
            seen.add(head)
            first, rest = self.objects(head, FIRST), self.objects(head, REST)
            if len(first) != 1 or len(rest) != 1:
                raise DataError(f"{what}: the value is not a well-formed RDF list")
            out.append(first[0])
            head = rest[0]
        return out

    def instances_of(self, cls) -> list:
        """The SHACL instances of a class in the shapes graph (rdf:type/rdfs:subClassOf*)."""
        classes, todo = {cls}, [cls]
        while todo:
            for sub in self.subjects(SUBCLASS, todo.pop()):
                if sub not in classes:
                    classes.add(sub)
                    todo.append(sub)
        return [s for c in classes for s in self.subjects(TYPE, c)]
