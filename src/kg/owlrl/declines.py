"""What the engine declines (:class:`Unsupported`; kg.reason hands the input to owlrl), and the lists it reads."""

from __future__ import annotations

import pyoxigraph as ox

from kg.owlrl.graph import IdGraph
from kg.owlrl.vocabulary import (CHAIN, CHARACTERISTICS, DOMAIN, EQ_CLASS, EQ_PROPERTY, FIRST, INVERSE, NIL, NOTHING,
                                 OWL_RL_DATATYPES, PROPERTY_DISJOINT, RANGE, REST, SUBCLASS, SUBPROPERTY, THING, TYPE,
                                 UNSUPPORTED_CLASSES, UNSUPPORTED_PREDICATES, is_vocabulary)


class Unsupported(Exception):
    """The input needs OWL RL rules this engine does not implement."""


def check_supported(graph: IdGraph) -> None:
    """Unsupported if the graph needs rules this engine leaves out (equality, class constructors, …), or
    states axioms about the vocabularies the rules themselves are made of."""
    for iri in sorted(UNSUPPORTED_PREDICATES):
        p = graph.known(iri)
        if p is not None and graph.fwd.get(p):
            raise Unsupported(f"the data uses <{iri}>")
    t = graph.known(TYPE)
    for iri in sorted(UNSUPPORTED_CLASSES):
        c = graph.known(iri)
        if c is not None and t is not None and graph.subjects(t, c):
            raise Unsupported(f"the data uses <{iri}>")
    terms = graph.terms
    # Axioms about the vocabularies the rules themselves are made of.
    for iri in (SUBCLASS, SUBPROPERTY, DOMAIN, RANGE, EQ_CLASS, EQ_PROPERTY, INVERSE, CHAIN):
        p = graph.known(iri)
        for s in graph.fwd.get(p, {}) if p is not None else ():
            if is_vocabulary(terms[s]) and terms[s].value not in (THING, NOTHING):
                raise Unsupported(f"the data states <{iri}> of <{terms[s].value}>")
    # Property axioms no vocabulary term may take part in: they would apply the generic property rules to
    # triples this engine never makes (the reflexive sameAs/subClassOf/… of every term, the datatype typing
    # of literals).  A vocabulary term stays usable as a superproperty.
    for iri in (INVERSE, EQ_PROPERTY, PROPERTY_DISJOINT):
        p = graph.known(iri)
        for s, objects in graph.fwd.get(p, {}).items() if p is not None else ():
            for x in (s, *objects):
                if is_vocabulary(terms[x]):
                    raise Unsupported(f"the data states <{iri}> with <{terms[x].value}>")
    for iri in CHARACTERISTICS:
        c = graph.known(iri)
        for x in graph.subjects(t, c) if c is not None and t is not None else ():
            if is_vocabulary(terms[x]):
                raise Unsupported(f"the data states that <{terms[x].value}> is a <{iri}>")


def check_no_datatype_instances(graph: IdGraph, type_id: int) -> None:
    """owlrl's datatype rules add supertypes to a resource *asserted* to be of a datatype (the other datatype
    triples have literal or vocabulary subjects and are cleaned away)."""
    datatypes = {graph.known(iri) for iri in OWL_RL_DATATYPES} - {None}
    for c, instances in graph.bwd.get(type_id, {}).items():
        if c in datatypes and any(not isinstance(graph.terms[x], ox.Literal) for x in instances):
            raise Unsupported(f"the data types a resource as the datatype <{graph.terms[c].value}>")


def list_members(graph: IdGraph, head: int, vocabulary_allowed: bool = True) -> list[int]:
    """The members of a well-formed rdf:List; Unsupported for any other (rdflib, hence owlrl, reads a
    branching or broken list its own way, and fails on a cycle)."""
    first, rest, nil = graph.known(FIRST), graph.known(REST), graph.known(NIL)
    out, seen = [], set()
    while head != nil:
        items = graph.objects(head, first) if first is not None else ()
        nxt = graph.objects(head, rest) if rest is not None else ()
        if head in seen or len(items) != 1 or len(nxt) != 1:
            raise Unsupported("the data holds an rdf:List that is not well formed (a member or a rest missing, "
                              "two of them, or a cycle)")
        seen.add(head)
        item = next(iter(items))
        if not vocabulary_allowed and is_vocabulary(graph.terms[item]):
            raise Unsupported(f"the data lists <{graph.terms[item].value}> in a property axiom")
        out.append(item)
        head = next(iter(nxt))
    return out
