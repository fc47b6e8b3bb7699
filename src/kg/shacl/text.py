"""Terms written as pyshacl writes them in its generic messages (pyshacl's stringify_node), for the
results of shapes without sh:message: each component's message (in its family's module) uses these."""

from __future__ import annotations

import pyoxigraph as ox

from kg.shacl.graph import FIRST, NIL, REST, sh
from kg.shacl.literals import quiet_rdflib


class Text:
    """IRIs as rdflib writes them with its default prefixes, literals as ``Literal("lex" = value, …)``,
    blank nodes by their triples (of the data graph, or of the shapes graph)."""

    _nsm = None  # the prefixes of a fresh rdflib graph (kg.load.rdflib_graph), made once

    def __init__(self, run):
        from rdflib import Graph

        self.run = run
        if Text._nsm is None:
            Text._nsm = Graph().namespace_manager
        self.nsm = Text._nsm

    def iri(self, iri: str) -> str:
        from rdflib import URIRef

        try:
            return URIRef(iri).n3(namespace_manager=self.nsm)
        except Exception:  # noqa: BLE001 (rdflib refuses some IRIs: pyshacl then writes them bare)
            return iri

    def literal(self, term) -> str:
        lit = quiet_rdflib(term)
        lex = str(lit)
        val = None if lit.value is None else str(lit.value)
        if val is not None and " object at 0x" in val[1:]:
            val = val[:val.find(" object at 0x")]
        out = f'"{lex}" = {val}' if val is not None and val != lex else f'"{lex}"'
        if lit.language:
            out += f", lang={lit.language}"
        if lit.datatype:
            out += f", datatype={self.iri(str(lit.datatype))}"
        return f"Literal({out})"

    def data(self, i: int | None, depth: int = 0) -> str:
        """A term of the data graph, by id."""
        if i is None:
            return "None"
        term = self.run.term(i)
        if isinstance(term, ox.BlankNode):
            return self._blank(term, self._data_edges, lambda t, d: self.data(self.run.tid(t), d), depth + 1)
        return self.shapes(term, depth)

    def _data_edges(self, node) -> list:
        run = self.run
        i = run.known_id(node)
        if i is None:
            return []
        return [(run.term(p), [run.term(o) for o in by_s[i]]) for p, by_s in run.data.fwd.items() if i in by_s]

    def _shapes_edges(self, node) -> list:
        return list(self.run.sg.spo.get(node, {}).items())

    def shapes(self, term, depth: int = 0) -> str:
        """A term of the shapes graph."""
        if isinstance(term, ox.Literal):
            return self.literal(term)
        if isinstance(term, ox.BlankNode):
            return self._blank(term, self._shapes_edges, self.shapes, depth + 1)
        return self.iri(term.value)

    def param(self, shape, local: str) -> list:
        """The values of one of the shape's parameters."""
        return self.run.sg.objects(shape.node, sh(local))

    def _blank(self, node, edges_of, child, depth: int) -> str:
        if depth >= 12:
            return "<http://recursion.too.deep>"
        edges = edges_of(node)
        if not edges:
            return "[ ]"
        if any(p == FIRST for p, _ in edges):
            items, seen = [], set()
            while node != NIL and node not in seen:
                seen.add(node)
                by_p = dict(edges_of(node))
                if not by_p.get(FIRST):
                    break
                items.append(child(by_p[FIRST][0], depth + 1))
                node = by_p.get(REST, [NIL])[0]
            return "( {} )".format(" ".join(items))
        parts = {}
        for p, objects in edges:
            texts = sorted(child(o, depth + 1) for o in objects)
            parts[self.iri(p.value)] = ", ".join(texts)
        return "[ {} ]".format(" ; ".join(f"{p} {o}" for p, o in sorted(parts.items())))
