"""The schema: owlrl's one-time and scm-* rules to their fixpoint, compiled into the rule tables (ids)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.owlrl.declines import list_members
from kg.owlrl.graph import IdGraph
from kg.owlrl.literals import Literals
from kg.owlrl.vocabulary import (ANNOTATION_PROPERTIES, ANNOTATION_PROPERTY, CHAIN, DATATYPE, DATATYPE_DISJOINTNESS,
                                 DISJOINT, DOMAIN, EQ_CLASS, EQ_PROPERTY, INVERSE, NOTHING, OWL_CLASS,
                                 OWL_RL_DATATYPES, RANGE, SUBCLASS, SUBPROPERTY, SYMMETRIC, THING, TRANSITIVE, TYPE)


@dataclass
class Schema:
    """The rule tables compiled from the closed schema (ids, not terms)."""

    superclasses: dict[int, tuple[int, ...]] = field(default_factory=dict)
    superproperties: dict[int, tuple[int, ...]] = field(default_factory=dict)
    domains: dict[int, tuple[int, ...]] = field(default_factory=dict)
    ranges: dict[int, tuple[int, ...]] = field(default_factory=dict)
    inverses: dict[int, tuple[int, ...]] = field(default_factory=dict)
    symmetric: frozenset = frozenset()
    transitive: frozenset = frozenset()
    chains: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # (property, chain)
    chain_positions: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # member -> [(chain no, pos)]

    def backward_predicates(self) -> set[int]:
        """Predicates whose object -> subjects index the rules read."""
        need = set(self.transitive)
        for _p, chain in self.chains:
            need.update(chain[:-1])
        return need


def one_time_rules(graph: IdGraph, add, literals: Literals) -> None:
    """owlrl's one-time rules: cls-thing, cls-nothing1, prp-ap, dt-type1 and the disjointness of the datatypes
    in use (all of them triples about the vocabularies, which the cleaning drops)."""
    g = graph.id
    typ, owl_class = g(ox.NamedNode(TYPE)), g(ox.NamedNode(OWL_CLASS))
    add(g(ox.NamedNode(THING)), typ, owl_class)
    add(g(ox.NamedNode(NOTHING)), typ, owl_class)
    annotation = g(ox.NamedNode(ANNOTATION_PROPERTY))
    for iri in ANNOTATION_PROPERTIES:
        add(g(ox.NamedNode(iri)), typ, annotation)
    datatype = g(ox.NamedNode(DATATYPE))
    for iri in OWL_RL_DATATYPES:
        add(g(ox.NamedNode(iri)), typ, datatype)
    disjoint = g(ox.NamedNode(DISJOINT))
    for a, b in DATATYPE_DISJOINTNESS:
        if a in literals.used and b in literals.used:
            add(g(ox.NamedNode(a)), disjoint, g(ox.NamedNode(b)))


def close_schema(graph: IdGraph, add) -> None:
    """owlrl's scm-* rules to their fixpoint (the schema is small: plain loops)."""
    g = graph.id
    sco, eqc, spo, eqp = g(ox.NamedNode(SUBCLASS)), g(ox.NamedNode(EQ_CLASS)), g(ox.NamedNode(SUBPROPERTY)), \
        g(ox.NamedNode(EQ_PROPERTY))
    dom, rng, typ = g(ox.NamedNode(DOMAIN)), g(ox.NamedNode(RANGE)), g(ox.NamedNode(TYPE))
    thing, nothing, owl_class = g(ox.NamedNode(THING)), g(ox.NamedNode(NOTHING)), g(ox.NamedNode(OWL_CLASS))
    changed = True
    while changed:
        changed = False
        # scm-cls
        for c in list(graph.subjects(typ, owl_class)):
            changed |= add(c, sco, thing)
            changed |= add(nothing, sco, c)
        changed |= _close_hierarchy(graph, add, sco, eqc)  # scm-sco, scm-eqc1, scm-eqc2
        changed |= _close_hierarchy(graph, add, spo, eqp)  # scm-spo, scm-eqp1, scm-eqp2
        # scm-dom1/2 and scm-rng1/2
        for axiom in (dom, rng):
            for p, classes in list(graph.fwd.get(axiom, {}).items()):
                for c1 in list(classes):
                    for c2 in list(graph.objects(c1, sco)):
                        if c1 != c2:
                            changed |= add(p, axiom, c2)
                    for p1 in list(graph.subjects(spo, p)):
                        if p1 != p:
                            changed |= add(p1, axiom, c1)


def _close_hierarchy(graph: IdGraph, add, sub: int, eq: int) -> bool:
    """One pass of owlrl's rules for a hierarchy (``sub`` is rdfs:subClassOf or rdfs:subPropertyOf, ``eq``
    owl:equivalentClass or owl:equivalentProperty): transitivity, mutual subsumption is equivalence, and
    equivalence is subsumption both ways.  True when something was added."""
    changed = False
    for x1, supers in list(graph.fwd.get(sub, {}).items()):
        for x2 in list(supers):
            if x1 == x2:
                continue
            for x3 in list(graph.objects(x2, sub)):
                if x1 != x3:
                    changed |= add(x1, sub, x3)
            if graph.has(x2, sub, x1):
                changed |= add(x1, eq, x2)
    for x1, others in list(graph.fwd.get(eq, {}).items()):
        for x2 in list(others):
            if x1 != x2:
                changed |= add(x1, sub, x2)
                changed |= add(x2, sub, x1)
    return changed


def compile_schema(graph: IdGraph) -> Schema:
    """The rule tables of the closed schema in ``graph``."""
    k = graph.known
    schema = Schema()
    terms = graph.terms
    # owlrl never stores a triple whose predicate is a literal (a literal reaches a property's place
    # through ex:p rdfs:subPropertyOf rdfs:subPropertyOf . ex:x ex:p "1"): no rule targets one.
    literal = {i for table in (SUBPROPERTY, INVERSE) if k(table) is not None
               for s, objects in graph.fwd.get(k(table), {}).items() for i in (s, *objects)
               if type(terms[i]) is ox.Literal}

    def table(pred_iri) -> dict[int, tuple[int, ...]]:
        p = k(pred_iri)
        if p is None:
            return {}
        return {s: tuple(sorted(o for o in objects if o != s)) for s, objects in graph.fwd.get(p, {}).items()}

    schema.superclasses = {c: sup for c, sup in table(SUBCLASS).items() if sup}
    schema.superproperties = {p: sup for p, sup in (
        (p, tuple(q for q in sup if q not in literal)) for p, sup in table(SUBPROPERTY).items()) if sup}
    schema.domains = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(DOMAIN), {}).items()} if k(DOMAIN) else {}
    schema.ranges = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(RANGE), {}).items()} if k(RANGE) else {}
    inverses: dict[int, set[int]] = {}
    inv = k(INVERSE)
    if inv is not None:
        for p1, others in graph.fwd.get(inv, {}).items():
            for p2 in others:
                if p2 not in literal:
                    inverses.setdefault(p1, set()).add(p2)
                if p1 not in literal:
                    inverses.setdefault(p2, set()).add(p1)
    schema.inverses = {p: tuple(sorted(q)) for p, q in inverses.items()}
    t = k(TYPE)

    def instances(iri) -> frozenset:
        c = k(iri)
        return frozenset(graph.subjects(t, c)) if c is not None and t is not None else frozenset()

    schema.symmetric = instances(SYMMETRIC)
    schema.transitive = instances(TRANSITIVE)
    ch = k(CHAIN)
    if ch is not None:
        for p, heads in sorted(graph.fwd.get(ch, {}).items()):
            for head in sorted(heads):
                chain = tuple(list_members(graph, head, vocabulary_allowed=False))
                if chain and type(terms[p]) is not ox.Literal:
                    schema.chains.append((p, chain))
    for n, (_p, chain) in enumerate(schema.chains):
        for pos, member in enumerate(chain):
            schema.chain_positions.setdefault(member, []).append((n, pos))
    return schema
