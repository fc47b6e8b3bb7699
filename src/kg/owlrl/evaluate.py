"""The semi-naive evaluation: each triple is taken from an agenda once and joined with the compiled tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.owlrl.clean import clean
from kg.owlrl.declines import check_no_datatype_instances, check_supported
from kg.owlrl.graph import IdGraph
from kg.owlrl.inconsistencies import inconsistencies, lexical_inconsistencies
from kg.owlrl.literals import Literals
from kg.owlrl.schema import Schema, close_schema, compile_schema, one_time_rules
from kg.owlrl.vocabulary import REFLEXIVE, SCHEMA_CLASSES, SCHEMA_PREDICATES, TYPE


@dataclass
class Closure:
    graph: IdGraph  # the cleaned closure
    inferred: list[tuple[int, int, int]]  # cleaned, in the order found
    errors: list[str]  # owlrl's messages, sorted
    rounds: int
    # (rule, focus id or None, message), one per message, sorted by message; the focus is the individual
    # (IRI or blank node) the inconsistency is about
    inconsistencies: list[tuple[str, int | None, str]] = field(default_factory=list)


def closure(triples, instance_rules=None, indexed=None, progress=None) -> Closure:
    """The OWL RL closure of ``triples`` (pyoxigraph triples or quads; graph names ignored), cleaned.

    ``instance_rules(graph, schema, type_id, reflexive)``, when given, runs the rules of :func:`_run` on
    every triple of ``graph`` elsewhere (kg.owlrl.sql) and returns the triples they add; ``reflexive`` are
    the predicates owlrl never links a node to itself with. ``indexed()``, when given, is called once
    ``triples`` are held as ids and supported (Unsupported is raised before it or not at all): the caller
    may then drop them. ``progress`` (a kg.progress.Tally), when given, is told the phase and counts the
    triples inferred so far."""
    from kg.memory import collection_paused

    with collection_paused():  # the index's millions of sets and ints hold no cycles (kg.memory)
        return _closure(triples, instance_rules, indexed, progress)


def _closure(triples, instance_rules, indexed, progress) -> Closure:
    if progress is not None:
        progress.detail = "indexing the statements"
    graph = IdGraph.from_triples(triples)
    check_supported(graph)
    type_id = graph.id(ox.NamedNode(TYPE))
    graph.index_backward(type_id)
    check_no_datatype_instances(graph, type_id)
    if indexed is not None:
        indexed()
    literals = Literals(graph)
    lexical = lexical_inconsistencies(graph, literals)
    inferred: list[tuple[int, int, int]] = []
    agenda: list[tuple[int, int, int]] = []
    state = {"schema_dirty": False, "progress": progress}
    if progress is not None:
        progress.counted, progress.detail = inferred, "triples inferred, one-time rules"
    add = _adder(graph, type_id, inferred, agenda, state)
    one_time_rules(graph, add, literals)
    agenda.clear()  # the whole graph is visited in the first round anyway
    run = _run
    if instance_rules is not None:
        reflexive = {graph.id(ox.NamedNode(i)) for i in REFLEXIVE}

        def run(graph, schema, agenda, add, type_id):
            agenda.clear()
            for s, p, o in instance_rules(graph, schema, type_id, reflexive):
                add(s, p, o)
            agenda.clear()  # closed under these rules already; a new schema triple asks for another round

    rounds = _saturate(graph, add, agenda, type_id, state, run)
    if progress is not None:
        progress.detail = "triples inferred; looking for inconsistencies, cleaning"
    found = inconsistencies(graph, type_id, literals, lexical)
    kept = clean(graph, inferred)
    return Closure(graph, kept, [m for _, _, m in found], rounds, found)


def _adder(graph: IdGraph, type_id: int, inferred: list, agenda: list, state: dict):
    """``add(s, p, o)``, the one way the rules add a triple: True if it is new, which then goes to the graph
    and its indexes, ``inferred`` and ``agenda``; a schema triple sets ``state["schema_dirty"]``."""
    gid, fwd, bwd = graph.id, graph.fwd, graph.bwd
    schema_preds = {gid(ox.NamedNode(i)) for i in SCHEMA_PREDICATES}
    schema_classes = {gid(ox.NamedNode(i)) for i in SCHEMA_CLASSES}
    reflexive_skipped = {gid(ox.NamedNode(i)) for i in REFLEXIVE}

    def add(s: int, p: int, o: int) -> bool:
        if s == o and p in reflexive_skipped:
            return False
        by_subject = fwd.get(p)
        if by_subject is None:
            by_subject = fwd[p] = {}
        objects = by_subject.get(s)
        if objects is None:
            by_subject[s] = {o}
        elif o in objects:
            return False
        else:
            objects.add(o)
        back = bwd.get(p)
        if back is not None:
            subjects = back.get(o)
            if subjects is None:
                back[o] = {s}
            else:
                subjects.add(s)
        graph.size += 1
        inferred.append((s, p, o))
        agenda.append((s, p, o))
        if p in schema_preds or (p == type_id and o in schema_classes):
            state["schema_dirty"] = True
        return True

    return add


def _saturate(graph: IdGraph, add, agenda: list, type_id: int, state: dict, run) -> int:
    """Rounds to the fixpoint, and how many: each closes the schema, compiles it and revisits every triple;
    a new schema triple (``state["schema_dirty"]``) asks for another."""
    rounds = 0
    while True:
        rounds += 1
        if state.get("progress") is not None:
            state["progress"].detail = f"triples inferred, round {rounds}"
        state["schema_dirty"] = False
        close_schema(graph, add)
        check_supported(graph)
        schema = compile_schema(graph)
        for p in schema.backward_predicates():
            if p not in graph.bwd:
                graph.index_backward(p)
        # Every triple is (re)visited once per round; a round ends when the agenda is empty.
        agenda.extend(graph.triples())
        run(graph, schema, agenda, add, type_id)
        if not state["schema_dirty"]:
            return rounds


def _run(graph: IdGraph, schema: Schema, agenda: list, add, type_id: int) -> None:
    """The agenda to its end: cax-sco, cax-eqc, prp-dom, prp-rng, prp-spo1/2, prp-eqp, prp-inv, prp-symp,
    prp-trp on each triple taken from it (the hot loop: the tables and indexes are locals)."""
    fwd, bwd = graph.fwd, graph.bwd
    superclasses, superproperties = schema.superclasses, schema.superproperties
    domains, ranges, inverses = schema.domains, schema.ranges, schema.inverses
    symmetric, transitive = schema.symmetric, schema.transitive
    chains, chain_positions = schema.chains, schema.chain_positions
    # Most predicates take part in no rule: one set lookup skips them.
    active = (set(superproperties) | set(domains) | set(ranges) | set(inverses) | set(symmetric)
              | set(transitive) | set(chain_positions))
    pop = agenda.pop
    empty = ()
    while agenda:
        s, p, o = pop()
        if p == type_id:
            for d in superclasses.get(o, empty):
                add(s, type_id, d)
            if p not in active:
                continue
        elif p not in active:
            continue
        for q in superproperties.get(p, empty):
            add(s, q, o)
        for c in domains.get(p, empty):
            add(s, type_id, c)
        for c in ranges.get(p, empty):
            add(o, type_id, c)
        for q in inverses.get(p, empty):
            add(o, q, s)
        if p in symmetric:
            add(o, p, s)
        if p in transitive:
            for z in list(fwd[p].get(o, empty)):
                add(s, p, z)
            for w in list(bwd[p].get(s, empty)):
                add(w, p, o)
        positions = chain_positions.get(p)
        if positions:
            for n, pos in positions:
                target, chain = chains[n]
                starts = {s}
                for member in reversed(chain[:pos]):
                    back = bwd[member]
                    starts = {w for x in starts for w in back.get(x, empty)}
                    if not starts:
                        break
                if not starts:
                    continue
                ends = {o}
                for member in chain[pos + 1:]:
                    forward = fwd.get(member, {})
                    ends = {z for x in ends for z in forward.get(x, empty)}
                    if not ends:
                        break
                for a in sorted(starts):
                    for b in sorted(ends):
                        add(a, target, b)
