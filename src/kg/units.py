"""The units the data uses, described from QUDT (kg.qudt) where the ontology does not declare them.

A figure may be in any QUDT unit or currency: the build adds, to the ontology graph, QUDT's
statements about each unit the data names (its type, label, quantity kinds and conversion
multiplier) unless the ontology already declares it, so that the checks compare kinds and convert
values. A unit that is neither declared nor in QUDT is reported with the nearest known IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns

UNIT_PROPERTIES = (ns.PREFIXES["qudt"] + "unit", ns.STC + "currency")
QUDT_UNIT = ns.PREFIXES["qudt"] + "Unit"
QUANTITY_KIND = ns.PREFIXES["qudt"] + "QuantityKind"
RDF_TYPE = ns.PREFIXES["rdf"] + "type"


@dataclass(frozen=True)
class UnknownUnit:
    """A statement naming a unit that neither the ontology nor QUDT knows."""

    subject: str
    predicate: str
    unit: str
    suggestions: tuple[str, ...]

    @property
    def message(self) -> str:
        hint = f"; did you mean {', '.join(ns.shorten(s) for s in self.suggestions)}?" if self.suggestions else ""
        return (f"{ns.shorten(self.unit)} is neither a unit the ontology declares nor a QUDT unit or currency"
                f"{hint} (QUDT's units: http://qudt.org/vocab/unit/, kg.qudt)")


def describe_used_units(ontology: list[ox.Quad], data: list[ox.Quad], graph: ox.NamedNode):
    """The QUDT statements (as quads in ``graph``) for the undeclared units ``data`` names, and the
    statements that name units nobody knows."""
    declared = {q.subject.value for q in ontology
                if q.predicate.value == RDF_TYPE and q.object.value == QUDT_UNIT}
    used: dict[str, list[tuple[str, str]]] = {}
    for q in data:
        if q.predicate.value in UNIT_PROPERTIES and isinstance(q.object, ox.NamedNode) \
                and q.object.value not in declared:
            used.setdefault(q.object.value, []).append((q.subject.value, q.predicate.value))
    if not used:
        return [], []
    from kg import qudt

    known = sorted(iri for iri in used if qudt.unit(iri) is not None)
    # a quantity kind the ontology declares keeps its own description (QUDT's label would be a second one)
    declared_kinds = {q.subject.value for q in ontology
                      if q.predicate.value == RDF_TYPE and q.object.value == QUANTITY_KIND}
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in qudt.describe(known)
             if t.subject.value not in declared_kinds]
    unknown = [UnknownUnit(subject, predicate, iri, tuple(qudt.nearest(iri)))
               for iri in sorted(set(used) - set(known)) for subject, predicate in sorted(set(used[iri]))]
    return quads, unknown
