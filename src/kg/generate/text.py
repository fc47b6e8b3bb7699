"""Turtle text of the generated data: literals, dates, slugs, and the statements of one named graph.

Everything here is plain string building: the generator writes TriG directly, article by article,
without an RDF library in between (docs/ENGINES.md, "Synthetic data")."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def lit(text: str) -> str:
    """An English literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def plain(text: str) -> str:
    """A plain string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dec(value: float) -> str:
    """An xsd:decimal in Turtle syntax (always with a point: 3.0, 24.5)."""
    text = f"{value:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def xsd_date(day: date) -> str:
    return f'"{day.isoformat()}"^^xsd:date'


def gyear(year: int) -> str:
    return f'"{year:04d}"^^xsd:gYear'


def gyearmonth(year: int, month: int) -> str:
    return f'"{year:04d}-{month:02d}"^^xsd:gYearMonth'


def gmonthday(month: int, day: int) -> str:
    return f'"--{month:02d}-{day:02d}"^^xsd:gMonthDay'


def human_date(day: date) -> str:
    """A date as an article's label gives it: 3 Mar 2019."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def number_words(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


class Graph:
    """The statements of one named graph within one article (or the vocabulary file), and its triple count."""

    __slots__ = ("count", "declared", "lines", "name")

    def __init__(self, name: str):
        self.name = name
        self.lines: list[str] = []
        self.count = 0
        self.declared: set[str] = set()

    def first(self, subject: str) -> bool:
        """True the first time a subject is declared in this graph (describe it then)."""
        if subject in self.declared:
            return False
        self.declared.add(subject)
        return True

    def add(self, subject: str, *pairs) -> None:
        """One subject with (predicate, object or list of objects) pairs; None and
        empty lists are skipped. Each object is one triple."""
        parts = []
        for predicate, obj in pairs:
            if obj is None or (isinstance(obj, (list, tuple)) and not obj):
                continue
            if isinstance(obj, (list, tuple)):
                parts.append(f"{predicate} {' , '.join(obj)}")
                self.count += len(obj)
            else:
                parts.append(f"{predicate} {obj}")
                self.count += 1
        if parts:
            self.lines.append(f"    {subject} " + " ;\n        ".join(parts) + " .\n")

    def text(self) -> str:
        return f"{self.name} {{\n\n" + "".join(self.lines) + "}\n\n" if self.lines else ""
