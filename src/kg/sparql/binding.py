"""Binding values to variables in a query's text: the one rule the local store, remote stores, SHACL and
the server use.

The values are pre-bound everywhere, as SHACL 1.0 (5.6, "values insertion") defines pre-binding: a
``VALUES`` block opens the outer group and every other group in which a bound variable occurs, so that
nested groups, sub-selects, BIND, FILTER and EXISTS all see them, and the planner sees a bound subject
as a lookup, not a scan.  Values are written in N-Triples syntax by pyoxigraph, escapes included: user
text is never pasted into a query.
"""

from __future__ import annotations

from typing import Mapping

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql.scan import QueryScan


def bind(text: str, values: Mapping[str, object], portable: bool = False, name: str = "query") -> str:
    """The query with ``values`` (variable name -> pyoxigraph term) pre-bound.  A blank node, which query
    text cannot name, is bound with ``BIND(BNODE("id") AS ?v)`` (Oxigraph's BNODE of a string is the blank
    node of that id); ``portable`` (for a store other than Oxigraph) refuses it.  QueryError names the
    variable that cannot be bound, or the syntax error of a text that is not a query."""
    if not values:
        return text
    try:
        plan = Prebinding(text, list(values))
    except QueryError:
        _check_syntax(text, name)
        raise
    return plan.bind(values, portable)


def _check_syntax(text: str, name: str) -> None:
    from kg.namespaces import PREFIXES
    from kg.sparql.text import syntax_error

    try:
        ox.Store().query(text, prefixes=PREFIXES)  # an empty store answers at once
    except SyntaxError as exc:
        raise syntax_error(exc, text, name) from None


def with_construct_template(text: str, scan: QueryScan) -> str:
    """``CONSTRUCT WHERE { P }`` written as ``CONSTRUCT { P } WHERE { P }`` (the same query, SPARQL 1.1,
    16.2.4), so that its group can be bound without binding its template."""
    group = next(g for g in scan.groups if g.parent is None)
    where = scan.construct_where
    return f"{text[:where]}{{{text[group.start:group.end]}}} {text[where:]}"


def with_describe_group(text: str, scan: QueryScan) -> str:
    """``DESCRIBE ?x`` with an empty WHERE group to bind ``?x`` in (before its solution modifiers, if any)."""
    modifiers = [at for word, at in scan.keywords.items() if word in ("ORDER", "LIMIT", "OFFSET", "VALUES")]
    at = min(modifiers, default=len(text.rstrip()))
    return f"{text[:at].rstrip()} WHERE {{ }} {text[at:]}"


class Prebinding:
    """The places in one query where the variables ``names`` are bound (see the module docstring): the text
    is scanned once, and ``bind`` only splices each set of values in (SHACL runs one query per focus)."""

    def __init__(self, text: str, names, scan: QueryScan | None = None):
        names = list(names)
        scan = scan or QueryScan(text)
        assigned = [n for n in names if n in scan.as_variables]
        if assigned:
            raise QueryError(f"parameter {assigned[0]}: the query gives ?{assigned[0]} its value itself (… AS "
                             f"?{assigned[0]}), so it cannot be bound")
        if scan.outer is None and not scan.groups and "DESCRIBE" in scan.keywords:
            text = with_describe_group(text, scan)
            scan = QueryScan(text)
        if scan.outer is None and scan.construct_where is not None and any(
                g.parent is None and g.end is not None for g in scan.groups):
            text = with_construct_template(text, scan)
            scan = QueryScan(text)
        if scan.outer is None:
            raise QueryError(f"parameter {', '.join(names)}: variables can be bound only in a query with a "
                             "WHERE group (DESCRIBE ?x WHERE { … })")
        points = {scan.groups[scan.outer].start: tuple(names)}
        for g in scan.groups:
            used = tuple(n for n in names if n in g.variables)
            if used and g.kind != "select" and g.start not in points:
                points[g.start] = used
        self.names = names
        self._points = sorted(points.items())
        cuts = [0] + [at for at, _ in self._points] + [len(text)]
        self._parts = [text[a:b] for a, b in zip(cuts, cuts[1:])]

    def bind(self, values: Mapping[str, object], portable: bool = False) -> str:
        blocks: dict = {}
        out = [self._parts[0]]
        for (_, used), part in zip(self._points, self._parts[1:]):
            block = blocks.get(used)
            if block is None:
                block = blocks[used] = _binding_block(used, values, portable)
            out.append(block)
            out.append(part)
        return "".join(out)


def _binding_block(names, values: Mapping[str, object], portable: bool) -> str:
    plain = [n for n in names if isinstance(values[n], (ox.NamedNode, ox.Literal))]
    text = _values_block(plain, values) if plain else " "
    for n in names:
        term = values[n]
        if isinstance(term, ox.BlankNode) and not portable:
            text += f'BIND(BNODE("{term.value}") AS ?{n}) '
        elif not isinstance(term, (ox.NamedNode, ox.Literal)):
            kinds = "IRIs and literals" if portable else "IRIs, literals and blank nodes"
            raise QueryError(f"parameter {n}: cannot bind ?{n} to {term}: only {kinds} can be bound")
    return text


def _values_block(names: list, values: Mapping[str, object]) -> str:
    return f" VALUES (?{' ?'.join(names)}) {{ ({' '.join(str(values[n]) for n in names)}) }} "
