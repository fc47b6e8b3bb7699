"""kg's cleaning of a closure, the same for both engines: on terms (owlrl's) and on ids (this engine's)."""

from __future__ import annotations

import pyoxigraph as ox

from kg import namespaces as ns
from kg.owlrl.graph import IdGraph
from kg.owlrl.vocabulary import REFLEXIVE, TOP, TOP_PREDICATES, VOCAB_NAMESPACES


def keep_terms(s, p, o) -> bool:
    """Whether an inferred triple (pyoxigraph terms) is worth keeping: kg's cleaning, the same for both
    engines (docs/ENGINES.md lists what it drops)."""
    if isinstance(s, ox.Literal):
        return False
    s_str = s.value
    if isinstance(s, ox.NamedNode) and s_str.startswith(VOCAB_NAMESPACES):
        return False
    p_str = p.value
    if p_str in REFLEXIVE and s == o:
        return False
    o_str = o.value if isinstance(o, ox.NamedNode) else None
    if o_str in TOP and p_str in TOP_PREDICATES:
        return False
    if s_str.startswith(ns.OWLRL_ERROR) or (o_str or "").startswith(ns.OWLRL_ERROR):
        return False
    return True


def clean(graph: IdGraph, inferred: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """kg's cleaning (keep_terms) on ids: drop what no consumer wants, from the list and the graph; and, as
    owlrl does last, the generalised triples whose predicate is a blank node (``[ owl:inverseOf ex:p ]``).

    The verdict depends on the terms alone, so it is computed once per term and
    predicate pair and the triples are then judged by set lookups."""
    terms = graph.terms
    bad_subjects, reflexive, top_objects, top_predicates, blank = set(), set(), set(), set(), set()
    for i, term in enumerate(terms):
        if isinstance(term, ox.Literal):
            bad_subjects.add(i)
            continue
        value = term.value
        if isinstance(term, ox.BlankNode):
            blank.add(i)
        if (isinstance(term, ox.NamedNode) and value.startswith(VOCAB_NAMESPACES)) or value.startswith(
                ns.OWLRL_ERROR):
            bad_subjects.add(i)
        if value in REFLEXIVE:
            reflexive.add(i)
        if value in TOP_PREDICATES:
            top_predicates.add(i)
        if isinstance(term, ox.NamedNode) and (value in TOP or value.startswith(ns.OWLRL_ERROR)):
            top_objects.add(i)
    agent_objects = {i for i in top_objects if terms[i].value.startswith(ns.OWLRL_ERROR)}
    kept, dropped = [], []
    for triple in inferred:
        s, p, o = triple
        if (s in bad_subjects or (s == o and p in reflexive) or o in agent_objects
                or (o in top_objects and p in top_predicates) or p in blank):
            dropped.append(triple)
        else:
            kept.append(triple)
    for s, p, o in dropped:
        graph.remove(s, p, o)
    return kept
