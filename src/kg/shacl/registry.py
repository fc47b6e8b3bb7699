"""The one table of constraint components: each with its parameters, its compile step and its message.

A family module (value_type, cardinality, value_range, string_based, property_pair, logical,
shape_based, other, sparql: the sections of SHACL 1.0, 4 and 5) lists its components in ``COMPONENTS``;
this table joins them in that order, which is the order a shape's checks run in.  Adding or fixing a
component touches its family's module only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from kg.shacl.graph import SH


@dataclass(frozen=True)
class Component:
    """``name``: sh:{name}ConstraintComponent.  ``compile(ctx)`` (kg.shacl.shapes.Context) adds the
    checks for one shape; it runs when the shape has one of ``triggers`` (default: ``parameters``), and
    is None for a component whose results a sibling's step makes (sh:qualifiedMaxCount).
    ``message(text, result)`` is the text pyshacl gives a result of a shape without sh:message
    (kg.shacl.text.Text writes terms), or None."""

    name: str
    parameters: tuple
    compile: Callable | None
    message: Callable | None
    triggers: tuple | None = None

    @property
    def iri(self) -> str:
        return SH + self.name + "ConstraintComponent"


def _table() -> tuple:
    from kg.shacl import (cardinality, logical, other, property_pair, shape_based, sparql, string_based,
                          value_range, value_type)

    return (*value_type.COMPONENTS, *cardinality.COMPONENTS, *value_range.COMPONENTS, *string_based.COMPONENTS,
            *property_pair.COMPONENTS, *logical.COMPONENTS, *shape_based.COMPONENTS, *other.COMPONENTS,
            *sparql.COMPONENTS)


COMPONENTS: tuple = _table()
# (parameter IRIs that trigger it, compile step), in table order
STEPS = [(frozenset(SH + p for p in (c.triggers or c.parameters)), c.compile) for c in COMPONENTS if c.compile]
PARAMETERS = frozenset(SH + p for c in COMPONENTS for p in c.parameters)
MESSAGES = {c.iri: c.message for c in COMPONENTS if c.message is not None}
