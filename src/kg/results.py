"""Rendering query results for people (table, Markdown) and dispatching the
machine formats: csv, tsv, json and xml are the W3C SPARQL 1.1 result formats,
written by pyoxigraph's own serialisers (see kg.store.Result.serialize)."""

from __future__ import annotations

import unicodedata

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import UsageError
from kg.files import ends_with_newline
from kg.formats import GRAPH_FORMATS

TABLE_FORMATS = ("table", "md")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
# What each kind of answer can be printed as.
FORMATS_OF = {"select": RESULT_FORMATS, "ask": RESULT_FORMATS, "graph": GRAPH_FORMATS}
_KIND_NAMES = {"select": "SELECT", "ask": "ASK", "graph": "CONSTRUCT/DESCRIBE"}
_FORM_KINDS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def check_format(text: str, fmt: str | None) -> str:
    """The format to print the answer to the query ``text`` in: ``fmt``, or by default a table (Turtle for
    CONSTRUCT and DESCRIBE); UsageError when ``fmt`` cannot print that kind of answer."""
    from kg.sparql import query_form

    kind = _FORM_KINDS.get(query_form(text), "select")
    fmt = fmt or ("turtle" if kind == "graph" else "table")
    _check(kind, fmt)
    return fmt


def _check(kind: str, fmt: str) -> None:
    if fmt not in FORMATS_OF[kind]:
        raise UsageError(f"--format {fmt} does not fit a {_KIND_NAMES[kind]} answer; "
                         f"use one of {', '.join(FORMATS_OF[kind])}")


def cell(term, terms: bool = False) -> str:
    """A term as shown in a table: CURIEs for IRIs, a literal's value; with ``terms``, a literal as a term
    (its language tag, or its datatype when not a plain string), as Turtle writes it."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return ns.shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if not terms:
            return term.value
        if term.language or term.datatype.value == ns.PREFIXES["xsd"] + "string":
            return str(term)  # N-Triples: quotes and backslashes escaped, as Turtle writes them
        quoted = str(ox.Literal(term.value))
        return f"{quoted}^^{ns.shorten(term.datatype.value)}"
    return str(term)


def _printable(text: str) -> str:
    """A cell on one line: control characters (a carriage return, a tab, an escape sequence) as spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, ending with … when cut."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _fit(widths: list[int], floors: list[int], room: int) -> list[int]:
    """Column widths that fit ``room`` columns (two spaces between columns): the widest are narrowed first,
    never below their floor (the header, or 12)."""
    gaps = 2 * (len(widths) - 1)
    if sum(widths) + gaps <= room:
        return widths
    low, high = 1, max(widths)
    while low < high:  # the largest cap whose table fits
        cap = (low + high + 1) // 2
        if sum(max(min(w, cap), f) for w, f in zip(widths, floors)) + gaps <= room:
            low = cap
        else:
            high = cap - 1
    return [max(min(w, low), f) for w, f in zip(widths, floors)]


def render_table(variables: list[str], rows: list[tuple], width: int | None = None, terms: bool = False) -> str:
    """An aligned text table; with ``width`` (a terminal's), long cells are cut with … to fit it."""
    cells = [[_printable(cell(t, terms)) for t in row] for row in rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(variables)]
    if width is not None:
        widths = _fit(widths, [min(w, max(_width(v), 12)) for v, w in zip(variables, widths)], width)
        cells = [[_cut(c, w) for c, w in zip(r, widths)] for r in cells]
    lines = ["  ".join(_pad(v, w) for v, w in zip(variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    n = len(rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def render_markdown(variables: list[str], rows: list[tuple], terms: bool = False) -> str:
    def esc(text: str) -> str:
        return _printable(text.replace("\\", "\\\\").replace("|", "\\|"))

    lines = ["| " + " | ".join(variables) + " |", "|" + "|".join(" --- " for _ in variables) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(esc(cell(t, terms)) for t in row) + " |")
    return "\n".join(lines) + "\n"


def render(result, fmt: str, width: int | None = None, terms: bool = False) -> bytes:
    """Bytes to print for a kg.store.Result in ``fmt`` (UsageError when it does not fit the answer); a table
    fits ``width`` columns when given, and ``terms`` shows literals as terms (see ``cell``)."""
    _check(result.kind, fmt)
    if result.kind == "graph":
        return result.serialize(fmt)
    if result.kind == "ask":
        if fmt in TABLE_FORMATS:
            return (b"true\n" if result.boolean else b"false\n")
        return ends_with_newline(result.serialize(fmt))
    if fmt == "table":
        return render_table(result.variables, result.rows, width, terms).encode()
    if fmt == "md":
        return render_markdown(result.variables, result.rows, terms).encode()
    return ends_with_newline(result.serialize(fmt))
