"""The engine's index: a set of triples over integer ids, by predicate (kg.shacl validates over it too)."""

from __future__ import annotations

import pyoxigraph as ox

# In a compacted graph a node's values are a tuple up to this many (one value: 48 bytes, where a set of
# one takes 216), a frozenset beyond (membership tests on a class's instances)
SMALL_VALUES = 8


class IdGraph:
    """A set of triples over integer ids, indexed by predicate.

    ``fwd[p][s]`` is the set of objects, ``bwd[p][o]`` the set of subjects
    (kept only for the predicates that need it; tuples or frozensets once
    :meth:`compacted`); ``terms[i]`` is the pyoxigraph term of id ``i``."""

    def __init__(self):
        self.terms: list = []
        self.ids: dict = {}
        self.fwd: dict[int, dict[int, set[int]]] = {}
        self.bwd: dict[int, dict[int, set[int]]] = {}
        self.size = 0
        self.compact = False  # read-only once compacted

    @classmethod
    def from_triples(cls, triples) -> IdGraph:
        """A graph of pyoxigraph triples or quads (graph names ignored)."""
        graph = cls()
        graph.add_all(triples)
        return graph

    def add_all(self, triples) -> None:
        self._writable()
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

    def compacted(self) -> IdGraph:
        """The same graph (ids, terms, indexes) for reading only, in about half the memory, made anew.

        Each node's values become a tuple or a frozenset (SMALL_VALUES). Everything is allocated anew, the
        terms and the ids' ints included: Python hands an arena of small objects back to the system only
        once all of it is free, and the reasoner's sets, ints and terms were made interleaved, so the old
        graph freed while the new one shares its terms or ints would free almost nothing. The old graph is
        the caller's to drop."""
        from kg.memory import collection_paused

        fresh = IdGraph()
        ints = list(range(len(self.terms)))
        at = ints.__getitem__
        with collection_paused():  # millions of new tuples would start collections, each walking the old graph
            fresh.terms = [_fresh_term(t) for t in self.terms]
            fresh.ids = dict(zip(fresh.terms, ints))
            for old, new in ((self.fwd, fresh.fwd), (self.bwd, fresh.bwd)):
                for p, by_node in old.items():
                    new[at(p)] = dict(zip(map(at, by_node), [
                        tuple(map(at, objects)) if len(objects) <= SMALL_VALUES else frozenset(map(at, objects))
                        for objects in by_node.values()]))
        fresh.size, fresh.compact = self.size, True
        return fresh

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
        self._writable()
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

    def _writable(self) -> None:
        if self.compact:
            raise TypeError("a compacted IdGraph is read-only")


def _fresh_term(term):
    """A new object equal to the pyoxigraph term (an RDF 1.2 triple term is kept: never in kg's data)."""
    if isinstance(term, ox.NamedNode):
        return ox.NamedNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language is not None:
            return ox.Literal(term.value, language=term.language, direction=term.direction)
        return ox.Literal(term.value, datatype=term.datatype)
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(term.value)
    return term
