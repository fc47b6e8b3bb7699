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
    # name, while "?o .SERVICE" or "}SERVICE" is the keyword itself.  A prefixed name starts where a word
    # starts: tried inside a word too, a run of n letters without ":" cost n²/2 steps (30 s at 30,000).
    rf"|_:{_NAME_DOT}*"
    rf"|(?<!{_NAME_DOT})(?:[^\x00-@\[-`{{-\xbf]{_NAME_DOT}*)?:{_LOCAL}*",
)
_FORBIDDEN = re.compile(r"(?<![\w?$])(SERVICE|FROM)(?!\w)", re.IGNORECASE)
_VARIABLE = re.compile(rf"[?$]({NAME}+)")
_FORM = re.compile(r"(?<![\w?$:\-.])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.IGNORECASE)


_DECLARATION = re.compile(r"(?:PREFIX\s+(?P<prefix>[^\s:]*):\s*|BASE\s*)$", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][\w+.-]*:")


def mentioned_iris(text: str) -> list[str]:
    """The absolute IRIs a query names, as ``<iri>`` or as prefixed names (expanded with the query's own
    PREFIX declarations, else kg's prefixes), in order, once each; the IRIs of PREFIX and BASE
    declarations are not terms and are left out."""
    from kg.namespaces import PREFIXES

    declared, found = {}, []
    for m in _NOISE.finditer(text):
        token = m.group(0)
        if token.startswith("<") and token.endswith(">"):
            declaration = _DECLARATION.search(text[max(0, m.start() - 200):m.start()])
            if declaration is not None:
                if declaration.group("prefix") is not None:
                    declared[declaration.group("prefix")] = token[1:-1]
            elif _SCHEME.match(token[1:-1]):
                found.append(token[1:-1])
        elif ":" in token and not token.startswith(("_:", "#", '"', "'")):
            prefix, _, local = token.partition(":")
            namespace = declared.get(prefix, PREFIXES.get(prefix))
            local = re.sub(r"\\(.)", r"\1", local.rstrip("."))  # "ex:o." ends a triple; "a\-b" is "a-b"
            if local and namespace is not None and _SCHEME.match(namespace):  # a relative namespace: not known
                found.append(namespace + local)
    return list(dict.fromkeys(found))


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
    """Drop the character classes and oxigraph's own notes from its 'expected one of …' lists."""
    m = re.match(r"expected one of (.*)$", what, re.S)
    if not m:
        return "unexpected input" if what.strip() in ("expected [_]", "") else what
    items = [i.strip() for i in re.split(r", (?![^\[]*\])", m.group(1))]
    items = [i for i in items if i and not i.startswith("[") and i not in _PARSER_NOTES]
    if not items:
        return "unexpected input"
    more = ", …" if len(items) > 12 else ""
    return "expected one of " + ", ".join(items[:12]) + more


# Notes oxigraph puts among the tokens it expected, and what kg says instead.
_PARSER_NOTES = {"Prefix not found": "unknown prefix", "IRI parsing failed": "invalid IRI"}
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_PREFIXED_BEFORE = re.compile(r"(?<![\w:.-])([A-Za-z][\w.-]*)?:[^\s{}()<>\"',;]*$")
_IRI_BEFORE = re.compile(r"<([^<>]*)>$")
_FIRST_WORD = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*)\s*)*([A-Za-z_]+)",
                         re.IGNORECASE)


def _diagnosis(message: str, text: str, before: str) -> str | None:
    """What kg can say more precisely than the parser, from the text itself."""
    if not text.strip() or not blank_out(text).strip():
        return "the query is empty"
    first = _FIRST_WORD.match(text)
    if first and first.group(1).upper() not in (*_FORMS, "PREFIX", "BASE"):
        import difflib

        near = difflib.get_close_matches(first.group(1).upper(), _FORMS, n=1, cutoff=0.6)
        hint = f" (did you mean {near[0]}?)" if near else ""
        return (f"a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after its PREFIX and BASE lines), "
                f"not {first.group(1)!r}{hint}")
    if "Prefix not found" in message:
        prefixed = _PREFIXED_BEFORE.search(before)
        if prefixed is not None:
            from kg.namespaces import PREFIXES

            import difflib

            prefix = prefixed.group(1) or ""
            near = difflib.get_close_matches(prefix, list(PREFIXES), n=2, cutoff=0.5)
            hint = f"did you mean {' or '.join(repr(n + ':') for n in near)}? " if near else ""
            return (f"unknown prefix {prefix + ':'!r}: {hint}declare it (PREFIX {prefix}: <…>) or use one of kg's "
                    f"{len(PREFIXES)} prefixes (README.md, Namespace)")
    if "IRI parsing failed" in message:
        iri = _IRI_BEFORE.search(before.rstrip())
        if iri is not None:
            return f"<{iri.group(1)}> is not a valid IRI (no spaces, and an absolute IRI needs its scheme)"
    return None


def syntax_error(exc: SyntaxError, text: str, name: str = "query") -> QueryError:
    """A QueryError that shows where the SPARQL syntax error is, and what is wrong where kg can tell."""
    msg = str(exc.msg if exc.msg else exc)
    m = re.match(r"error at (\d+):(\d+): (.*)", msg, re.S)
    if not m:
        return QueryError(f"{name}: SPARQL syntax error: {_diagnosis(msg, text, '') or msg}")
    line, col = int(m.group(1)), int(m.group(2))
    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    # oxigraph counts columns in characters, from 1
    before, after = src[: col - 1].lstrip(), src[col - 1 :].rstrip()
    what = _diagnosis(m.group(3), text, src[: col - 1]) or _tidy_expected(m.group(3))
    return QueryError(f"{name}:{line}:{col}: SPARQL syntax error: {what} — at: {before}{MARK}{after}")


# Where the error is, in the line shown: « and » are in every font (a web page showed ⏵ as an empty box).
MARK = " «here» "
