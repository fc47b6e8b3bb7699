"""The engine's index: a set of triples over integer ids, by predicate (kg.shacl validates over it too)."""

from __future__ import annotations

import pyoxigraph as ox


class IdGraph:
    """A set of triples over integer ids, indexed by predicate.

    ``fwd[p][s]`` is the set of objects, ``bwd[p][o]`` the set of subjects
    (kept only for the predicates that need it); ``terms[i]`` is the
    pyoxigraph term of id ``i``."""

    def __init__(self):
        self.terms: list = []
        self.ids: dict = {}
        self.fwd: dict[int, dict[int, set[int]]] = {}
        self.bwd: dict[int, dict[int, set[int]]] = {}
        self.size = 0

    @classmethod
    def from_triples(cls, triples) -> IdGraph:
        """A graph of pyoxigraph triples or quads (graph names ignored)."""
        graph = cls()
        graph.add_all(triples)
        return graph

    def add_all(self, triples) -> None:
        ids, terms, fwd = self.ids, self.terms, self.fwd
        get = ids.get
        added = 0
        for t in triples:
            # self.id, inlined: this loop runs once per input statement
            s = get(t.subject)
            if s is None:
                s = ids[t.subject] = len(terms)
                terms.append(t.subject)
            p = get(t.predicate)
            if p is None:
                p = ids[t.predicate] = len(terms)
                terms.append(t.predicate)
            o = get(t.object)
            if o is None:
                o = ids[t.object] = len(terms)
                terms.append(t.object)
            by_subject = fwd.get(p)
            if by_subject is None:
                fwd[p] = {s: {o}}
            else:
                objects = by_subject.get(s)
                if objects is None:
                    by_subject[s] = {o}
                elif o in objects:
                    continue
                else:
                    objects.add(o)
            added += 1
        self.size += added
        self.bwd.clear()  # rebuilt on demand

    def id(self, term) -> int:
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return i

    def known(self, iri: str) -> int | None:
        return self.ids.get(ox.NamedNode(iri))

    def has(self, s: int, p: int, o: int) -> bool:
        objects = self.fwd.get(p, {}).get(s)
        return objects is not None and o in objects

    def objects(self, s: int, p: int):
        return self.fwd.get(p, {}).get(s, ())

    def subjects(self, p: int, o: int):
        index = self.bwd.get(p)
        if index is None:
            index = self.index_backward(p)
        return index.get(o, ())

    def index_backward(self, p: int) -> dict[int, set[int]]:
        index: dict[int, set[int]] = {}
        for s, objects in self.fwd.get(p, {}).items():
            for o in objects:
                index.setdefault(o, set()).add(s)
        self.bwd[p] = index
        return index

    def triples(self):
        for p, by_subject in self.fwd.items():
            for s, objects in by_subject.items():
                for o in objects:
                    yield s, p, o

    def remove(self, s: int, p: int, o: int) -> None:
        objects = self.fwd[p][s]
        objects.discard(o)
        if not objects:
            del self.fwd[p][s]
        back = self.bwd.get(p)
        if back is not None:
            subjects = back.get(o)
            if subjects is not None:
                subjects.discard(s)
                if not subjects:
                    del back[o]
        self.size -= 1
