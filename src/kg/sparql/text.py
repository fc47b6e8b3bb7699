"""SPARQL query text as text: strings, IRIs and comments blanked out, the query form, the variables it
mentions, the refusals made before a query runs, and syntax errors that point into the text."""

from __future__ import annotations

import re

from kg.errors import QueryError

# Name characters as negated classes: ASCII letters, digits, "_" and any character from U+00B7 up
# (a class with a range up to U+FFFF costs the regex compiler milliseconds, paid by every kg query).
NAME = r"[^\x00-/:-@\[-^`{-\xb6]"  # letters, digits, _, and U+00B7 and above
_NAME_DOT = r"[^\x00-,/:-@\[-^`{-\xb6]"  # the same with "." and "-"
_LOCAL = r"[^\x00-$&-,/;-@\[\]^`{-\xb6]"  # the same with ".", "-", ":", "%" and "\\"
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    # Whole prefixed names and blank-node labels: their local part may hold a
    # dot ("ex:a.b"), so a keyword glued to one ("ex:o.SERVICE") is part of the
    # name, while "?o .SERVICE" or "}SERVICE" is the keyword itself.
    rf"|_:{_NAME_DOT}*"
    rf"|(?:[^\x00-@\[-`{{-\xbf]{_NAME_DOT}*)?:{_LOCAL}*",
)
_FORBIDDEN = re.compile(r"(?<![\w?$])(SERVICE|FROM)(?!\w)", re.IGNORECASE)
_VARIABLE = re.compile(rf"[?$]({NAME}+)")
_FORM = re.compile(r"(?<![\w?$:\-.])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.IGNORECASE)


def blank_out(text: str) -> str:
    """The query with strings, IRIs, prefixed names and comments blanked out (same length: offsets hold)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def check_safe(text: str, name: str = "query") -> None:
    """Refuse queries that could reach the network or load outside graphs."""
    stripped = blank_out(text)
    m = _FORBIDDEN.search(stripped)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        word = m.group(1).upper()
        if word == "SERVICE":
            raise QueryError(f"{name}:{line}:{col}: SERVICE is refused: queries never reach the network")
        raise QueryError(
            f"{name}:{line}:{col}: FROM / FROM NAMED are refused: queries run over the built graph "
            "(select a source graph with GRAPH <…> { … })"
        )


_UPDATE = re.compile(r"(?<![\w?$:\-.])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:\-])",
                     re.IGNORECASE)


def check_read_only(text: str, name: str = "query") -> None:
    """Refuse SPARQL Update: the built store is read-only (the data is changed in data/ and rebuilt)."""
    stripped = blank_out(text)
    update, form = _UPDATE.search(stripped), _FORM.search(stripped)
    if update and (form is None or update.start() < form.start()):
        raise QueryError(f"{name}: {update.group(1).upper()} is SPARQL Update, and the built store is read-only: "
                         "change the files in data/ and run kg build")


def query_variables(text: str) -> set[str]:
    """The names of the variables a query mentions (outside strings, IRIs, comments)."""
    return set(_VARIABLE.findall(blank_out(text)))


def query_form(text: str) -> str:
    m = _FORM.search(blank_out(text))
    return m.group(1).upper() if m else "SELECT"


def _tidy_expected(what: str) -> str:
    """Drop the character classes from oxigraph's 'expected one of …' lists."""
    m = re.match(r"expected one of (.*)$", what, re.S)
    if not m:
        return what
    items = [i.strip() for i in re.split(r", (?![^\[]*\])", m.group(1))]
    items = [i for i in items if i and not i.startswith("[")]
    if not items:
        return "unexpected input"
    more = ", …" if len(items) > 12 else ""
    return "expected one of " + ", ".join(items[:12]) + more


def syntax_error(exc: SyntaxError, text: str, name: str = "query") -> QueryError:
    """A QueryError that shows where the SPARQL syntax error is."""
    msg = str(exc.msg if exc.msg else exc)
    m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if not m:
        return QueryError(f"{name}: SPARQL syntax error: {msg}")
    line, col, what = int(m.group(1)), int(m.group(2)), _tidy_expected(m.group(3))
    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    # oxigraph counts columns in characters, from 1
    before, after = src[: col - 1].lstrip(), src[col - 1 :].rstrip()
    return QueryError(f"{name}:{line}:{col}: SPARQL syntax error: {what} — at: {before}⏵{after}")
