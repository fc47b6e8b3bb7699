"""One validation run: the data graph's ids and indexes, the compiled shapes, the caches, the results."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.shacl import literals
from kg.shacl.graph import RDF, SUBCLASS, TYPE, ShapesGraph


@dataclass
class ValidationResult:
    """One validation result, before it becomes a report entry or a :class:`kg.report.Issue`."""

    shape: "Shape"
    focus: int
    value: int | None
    component: str
    path: object = None  # a data term (sh:closed, SPARQL ?path) replacing the shape's path
    messages: list | None = None  # SPARQL results: their messages (literals)
    constraint: object = None  # sh:sourceConstraint (a SPARQL constraint)


class Shape:
    """A compiled shape: ``values(focus)`` gives its value nodes, ``checks`` its constraints (each
    ``check(focus, values, out)`` appends its results to ``out`` and says whether there were any; with
    ``out`` None it only answers), ``props`` its property shapes, ``targets()`` its focus nodes,
    ``conformed`` whether a node conforms, for the nodes asked about so far."""

    __slots__ = ("node", "index", "is_property", "path_node", "values", "path_text", "severity",
                 "messages", "deactivated", "checks", "props", "targets", "conformed")

    def __repr__(self):
        return f"<shape {self.node}>"


class Run:
    """One validation: the data graph (a kg.owlrl.IdGraph), the shapes graph, the compiled shapes."""

    def __init__(self, data, sg: ShapesGraph, origin: str, run_select):
        self.data, self.sg, self.origin = data, sg, origin
        self._run_select = run_select
        self.n_terms = len(data.terms)
        self.extra: list = []  # terms the data graph lacks (sh:targetNode, sh:in members …)
        self.extra_ids: dict = {}
        self.type_id = data.known(RDF + "type")
        self.type_fwd = data.fwd.get(self.type_id, {}) if self.type_id is not None else {}
        self.shapes: dict = {}
        self.shapes_graph_iri = None  # set when a query uses $shapesGraph (see kg.shacl.sparql)
        self._subclass_cache: dict = {}
        self._rdflib_cache: dict = {}
        self._kinds: bytearray | None = None
        self._by_subject: dict | None = None
        self._backward: dict = {}

    # ---- terms and ids
    def term(self, i: int):
        return self.data.terms[i] if i < self.n_terms else self.extra[i - self.n_terms]

    def tid(self, term) -> int:
        i = self.data.ids.get(term)
        if i is None:
            i = self.extra_ids.get(term)
            if i is None:
                i = self.extra_ids[term] = self.n_terms + len(self.extra)
                self.extra.append(term)
                if self._kinds is not None:
                    self._kinds.append(literals.kind(term))
        return i

    def known_id(self, term):
        """The id of a term, or None when the data graph lacks it (then it matches nothing)."""
        return self.data.ids.get(term)

    def kinds(self) -> bytearray:
        """0 IRI, 1 blank node, 2 literal, per id."""
        if self._kinds is None:
            self._kinds = bytearray(literals.kind(t) for t in self.data.terms)
            self._kinds.extend(literals.kind(t) for t in self.extra)
        return self._kinds

    def rdflib(self, i: int):
        """The rdflib term of an id (for rdflib's literal semantics), cached."""
        r = self._rdflib_cache.get(i)
        if r is None:
            r = self._rdflib_cache[i] = literals.quiet_rdflib(self.term(i))
        return r

    # ---- indexes
    def objects_of(self, p_term):
        p = self.known_id(p_term)
        return self.data.fwd.get(p, {}) if p is not None else {}

    def subjects_of(self, p_term) -> dict:
        p = self.known_id(p_term)
        if p is None:
            return {}
        index = self.data.bwd.get(p)
        if index is None:
            index = self._backward.get(p)
            if index is None:  # built here, not in the shared graph: the data graph is not ours to change
                index = {}
                for s, objects in self.data.fwd.get(p, {}).items():
                    for o in objects:
                        index.setdefault(o, set()).add(s)
                self._backward[p] = index
        return index

    def subclasses(self, c: int) -> frozenset:
        """c and every class below it by rdfs:subClassOf in the data graph."""
        out = self._subclass_cache.get(c)
        if out is None:
            below = self.subjects_of(SUBCLASS)
            seen, todo = {c}, [c]
            while todo:
                for d in below.get(todo.pop(), ()):
                    if d not in seen:
                        seen.add(d)
                        todo.append(d)
            out = self._subclass_cache[c] = frozenset(seen)
        return out

    def instances(self, c_term) -> set:
        c = self.known_id(c_term)
        if c is None:
            return set()
        by_type = self.subjects_of(TYPE)
        out: set = set()
        for d in self.subclasses(c):
            out.update(by_type.get(d, ()))
        return out

    def by_subject(self) -> dict:
        """subject -> [(predicate, objects)], for sh:closed (built on first use)."""
        if self._by_subject is None:
            index: dict = {}
            for p, by_s in self.data.fwd.items():
                for s, objects in by_s.items():
                    index.setdefault(s, []).append((p, objects))
            self._by_subject = index
        return self._by_subject

    def run_select(self, text: str, bindings: dict) -> list[dict]:
        if self._run_select is None:
            from kg.shacl.sparql import select_runner

            store = ox.Store()
            terms = self.data.terms
            store.bulk_extend(ox.Quad(terms[s], terms[p], terms[o]) for s, p, o in self.data.triples())
            if self.shapes_graph_iri is not None:  # $shapesGraph: the shapes graph is a named graph beside
                store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, self.shapes_graph_iri)
                                  for q in self.sg.quads)
            self._run_select = select_runner(store)
        return self._run_select(text, bindings)

    # ---- evaluation
    def conforms(self, shape: Shape, v: int) -> bool:
        """Whether validating v against the shape gives no result at all, of any severity (SHACL 1.0, 3.4:
        conformance); the answer is cached for the run, by shape (node ids as keys: at a million
        statements two million answers, where (shape, node) tuples as keys took half a gigabyte)."""
        hit = shape.conformed.get(v)
        if hit is not None:
            return hit
        ok = True
        if not shape.deactivated:
            vals = shape.values(v)
            for check in shape.checks:
                if check(v, vals, None):
                    ok = False
                    break
            else:
                ok = all(self.conforms(p, x) for p in shape.props for x in vals)
        shape.conformed[v] = ok
        return ok

    def results_of_all(self, shape: Shape, focus, out: list) -> None:
        """The results of validating each focus node against the shape (a node given twice counts twice,
        as when two foci share a value node of a property shape)."""
        if shape.deactivated:
            return
        values = shape.values
        pairs = [(f, values(f)) for f in focus]
        for check in shape.checks:
            for f, vals in pairs:
                check(f, vals, out)
        for p in shape.props:
            self.results_of_all(p, [x for _, vals in pairs for x in vals], out)
