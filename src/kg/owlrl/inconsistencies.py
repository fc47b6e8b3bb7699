"""The inconsistency rules this engine covers, on the closure: owlrl's messages, with the node each is about."""

from __future__ import annotations

import pyoxigraph as ox

from kg.owlrl.declines import list_members
from kg.owlrl.graph import IdGraph
from kg.owlrl.literals import LEXICAL_ERROR, Literals
from kg.owlrl.vocabulary import (ALL_DISJOINT_CLASSES, ALL_DISJOINT_PROPERTIES, ASYMMETRIC, DISJOINT, IRREFLEXIVE,
                                 MEMBERS, NOTHING, OWL_RL_DATATYPES, PROPERTY_DISJOINT)

Found = tuple[str, int | None, str]  # (rule, focus id or None, message)


def inconsistencies(graph: IdGraph, type_id: int, literals: Literals, lexical: list[Found]) -> list[Found]:
    """One per message, as owlrl keeps them, sorted by message: the class and property rules on the closure
    and ``lexical`` (dt-not-type, found on the input).  The focus is the individual (IRI or blank node)
    the inconsistency is about, None for a literal."""
    found = _class_rules(graph, type_id, literals) + _property_rules(graph, type_id) + lexical
    by_message: dict[str, Found] = {}
    for rule, focus, message in found:  # cax-dw comes before cax-adc
        if message not in by_message:
            focus = None if focus is None or type(graph.terms[focus]) is ox.Literal else focus
            by_message[message] = (rule, focus, message)
    return [by_message[m] for m in sorted(by_message)]


def lexical_inconsistencies(graph: IdGraph, literals: Literals) -> list[Found]:
    """dt-not-type: each ill-typed literal, about the first subject (in N-Triples order) that states it."""
    if not literals.ill_typed:
        return []
    wanted = set(literals.ill_typed)
    subjects: dict[int, list[int]] = {}
    for by_subject in graph.fwd.values():
        for s, objects in by_subject.items():
            for o in wanted.intersection(objects):
                subjects.setdefault(o, []).append(s)
    terms = graph.terms
    out = []
    for i in literals.ill_typed:
        focus = min(subjects.get(i, ()), key=lambda s: str(terms[s]), default=None)
        out.append(("dt-not-type", focus, LEXICAL_ERROR.format(terms[i].value, terms[i].datatype.value)))
    return out


def _namer(graph: IdGraph):
    """A term's name in owlrl's messages, by id (owlrl formats rdflib terms with %s)."""
    terms = graph.terms
    return lambda i: terms[i].value


def _class_rules(graph: IdGraph, type_id: int, literals: Literals) -> list[Found]:
    """cax-dw, cax-adc, cls-nothing2."""
    k, name = graph.known, _namer(graph)
    instances = graph.bwd.get(type_id, {})
    datatypes = {k(iri): iri for iri in OWL_RL_DATATYPES if k(iri) is not None}
    cache: dict[int, set[int]] = {}

    def members(c: int) -> set[int]:
        """The instances of ``c`` in owlrl's closure: the typed ones, and the literals it types by datatype."""
        found = cache.get(c)
        if found is None:
            found = instances.get(c, set())
            if c in datatypes:
                found = found | literals.of(datatypes[c])
            cache[c] = found
        return found

    errors: list[Found] = []
    dw = k(DISJOINT)
    if dw is not None:
        for c1, others in graph.fwd.get(dw, {}).items():
            for c2 in others:
                for x in members(c1) & members(c2):
                    errors.append(("cax-dw", x,
                                   f"Disjoint classes {name(c1)} and {name(c2)} have a common individual {name(x)}"))
    adc, members_p = k(ALL_DISJOINT_CLASSES), k(MEMBERS)
    if adc is not None and members_p is not None:
        for x in instances.get(adc, ()):
            for head in graph.objects(x, members_p):
                classes = list_members(graph, head)
                for i in range(len(classes) - 1):
                    for z in members(classes[i]):
                        for cl2 in classes[i + 1:]:
                            if z in members(cl2):
                                errors.append(("cax-adc", z, f"Disjoint classes {name(classes[i])} and {name(cl2)} "
                                                             f"have a common individual {name(z)}"))
    nothing = k(NOTHING)
    if nothing is not None:
        for x in members(nothing):
            errors.append(("cls-nothing2", x, f"{name(x)} is defined of type 'Nothing'"))
    return errors


def _property_rules(graph: IdGraph, type_id: int) -> list[Found]:
    """prp-irp, prp-asyp, prp-pdw, prp-adp."""
    k, name = graph.known, _namer(graph)
    instances = graph.bwd.get(type_id, {})
    errors: list[Found] = []
    for p in instances.get(k(IRREFLEXIVE), ()) if k(IRREFLEXIVE) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            if x in objects:
                errors.append(("prp-irp", x, f"Irreflexive property used on {name(x)} with {name(p)}"))
    for p in instances.get(k(ASYMMETRIC), ()) if k(ASYMMETRIC) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            for y in objects:
                if graph.has(y, p, x):
                    errors.append(("prp-asyp", x,
                                   f"Erroneous usage of asymmetric property {name(p)} on {name(x)} and {name(y)}"))
    pdw = k(PROPERTY_DISJOINT)
    if pdw is not None:
        for p1, others in graph.fwd.get(pdw, {}).items():
            for p2 in others:
                for x, objects in graph.fwd.get(p1, {}).items():
                    for y in objects:
                        if graph.has(x, p2, y):
                            errors.append(("prp-pdw", x, f"Erroneous usage of disjoint properties {name(p1)} and "
                                                         f"{name(p2)} on {name(x)} and {name(y)}"))
    adp, members_p = k(ALL_DISJOINT_PROPERTIES), k(MEMBERS)
    if adp is not None and members_p is not None:
        for x in instances.get(adp, ()):
            for head in graph.objects(x, members_p):
                props = list_members(graph, head, vocabulary_allowed=False)
                # owlrl stops one short of the end of the list (range(0, len - 1) twice): kept for parity
                for i in range(len(props) - 1):
                    for j in range(i + 1, len(props) - 1):
                        for s, objects in graph.fwd.get(props[i], {}).items():
                            for o in objects:
                                if graph.has(s, props[j], o):
                                    errors.append((
                                        "prp-adp", s,
                                        "Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
                                        f"({name(s)}, {name(props[i])},{name(o)}) and "
                                        f"({name(s)},{name(props[j])},{name(o)})"))
    return errors
