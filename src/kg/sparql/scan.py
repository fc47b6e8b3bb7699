"""One pass over a query's text: its groups, sub-selects, AS targets and keywords (what binding and
SHACL's pre-binding rules need to know of a query's structure)."""

from __future__ import annotations

import re

from kg.sparql.text import NAME, blank_out

# A token of a query as blank_out leaves it: a brace, a parenthesis, a variable, or a bare word (keyword,
# function name; prefixed names, IRIs and strings are blanked out).
_SCAN = re.compile(rf"[{{}}()]|[?$]({NAME}+)|(?<![\w?$:\-.@])([A-Za-z_][A-Za-z_0-9]*)(?![\w:\-])")
_STAR = re.compile(r"\s*(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)


class Group:
    """A group graph pattern ``{ … }``: ``start`` just after its "{", ``end`` at its "}"; ``kind`` is
    "group", "exists", "minus", "service" or "select" (the braces around a sub-select); ``variables``
    are those that occur in it outside its nested groups, ``pattern_variables`` those of them that occur
    outside parentheses (in triple patterns, or as AS targets), not only in FILTER, BIND or a function."""

    __slots__ = ("start", "end", "parent", "kind", "variables", "pattern_variables")

    def __init__(self, start: int, parent: int | None, kind: str):
        self.start, self.end, self.parent, self.kind = start, None, parent, kind
        self.variables: set = set()
        self.pattern_variables: set = set()  # outside parentheses: in triple patterns (or AS targets)


class SubSelect:
    """A sub-select: its braces (``group``), its WHERE group (``where``), what it projects."""

    __slots__ = ("group", "where", "projected", "star")

    def __init__(self, group: int):
        self.group, self.where, self.projected, self.star = group, None, set(), False


class QueryScan:
    """One pass over a query's text (strings, IRIs, prefixed names and comments blanked out first): its
    groups, its sub-selects, the variables bound with ``AS`` and the keywords it uses.  It never raises:
    what it cannot read is left to the parser, whose error then points into the text as written."""

    def __init__(self, text: str):
        self.text = text
        stripped = blank_out(text)
        self.groups: list[Group] = []
        self.subselects: list[SubSelect] = []
        self.outer: int | None = None  # the outermost WHERE group; None for CONSTRUCT WHERE { … }
        self.construct_where: int | None = None  # offset of WHERE in CONSTRUCT WHERE { … }
        self.as_variables: list[str] = []
        self.keywords: dict[str, int] = {}  # upper-cased bare word -> offset of its first use
        stack: list[int] = []  # open groups
        parens: list[int] = [0]  # parenthesis depth, per open group
        form = None
        pending = None  # EXISTS / MINUS / SERVICE: the kind of the next group
        after_as = False
        template = False  # inside a CONSTRUCT template
        skip_to = -1  # the end of a VALUES data block or a CONSTRUCT template
        projecting: SubSelect | None = None
        values_next = False
        last = None
        for m in _SCAN.finditer(stripped):
            at, token = m.start(), m.group(0)
            if at < skip_to:
                continue
            var, word = m.group(1), m.group(2)
            if word is not None:
                upper = word.upper()
                self.keywords.setdefault(upper, at)
                after_as = upper == "AS"
                if upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and form is None and not stack:
                    form = upper
                    template = upper == "CONSTRUCT"
                elif upper == "SELECT" and last == "{" and stack:
                    self.groups[stack[-1]].kind = "select"
                    projecting = SubSelect(stack[-1])
                    self.subselects.append(projecting)
                    projecting.star = bool(_STAR.match(stripped, m.end()))
                elif upper in ("EXISTS", "MINUS", "SERVICE"):
                    pending = upper.lower()
                elif upper == "VALUES":
                    values_next = True
                elif upper == "WHERE" and template:
                    template = False  # CONSTRUCT WHERE { … }: the group is its own template
                    self.outer = -1
                    self.construct_where = at
                last = upper
                continue
            if var is not None:
                if after_as:
                    self.as_variables.append(var)
                if projecting is not None and (parens[-1] == 0 or after_as):
                    projecting.projected.add(var)
                    self.groups[projecting.group].variables.add(var)
                elif stack:
                    g = self.groups[stack[-1]]
                    g.variables.add(var)
                    if parens[-1] == 0 or after_as:
                        g.pattern_variables.add(var)
                after_as = False
                last = "?"
                continue
            after_as = False
            if token == "(":
                parens[-1] += 1
            elif token == ")":
                parens[-1] -= 1
            elif token == "{":
                if values_next or (template and form == "CONSTRUCT" and not stack):
                    close = stripped.find("}", at)  # data blocks and templates hold no braces
                    skip_to = len(stripped) if close < 0 else close + 1
                    if template:
                        template = False
                        if close < 0:
                            self.outer = -1  # never closes: not SPARQL, the parser says where
                    values_next = False
                    last = "}"
                    continue
                kind = pending or "group"
                pending = None
                parent = stack[-1] if stack else None
                self.groups.append(Group(at + 1, parent, kind))
                index = len(self.groups) - 1
                if projecting is not None and parent == projecting.group and projecting.where is None:
                    projecting.where = index
                    projecting = None
                if self.outer is None and not stack and parens[-1] == 0 and form is not None:
                    self.outer = index
                stack.append(index)
                parens.append(0)
            elif token == "}":
                if stack:
                    self.groups[stack.pop()].end = at
                    parens.pop()
            last = token
        if self.outer == -1:
            self.outer = None

    def in_scope(self, index: int) -> set:
        """The variables a group makes in-scope (SPARQL 1.1, 18.2.1), as far as text shows them: those of its
        triple patterns and AS targets and of the groups it holds, but not of FILTER expressions, EXISTS and
        MINUS; a sub-select contributes what it projects."""
        g = self.groups[index]
        out = set(g.pattern_variables)
        for i, child in enumerate(self.groups):
            if child.parent != index or child.kind in ("exists", "minus"):
                continue
            if child.kind == "select":
                sub = next((s for s in self.subselects if s.group == i), None)
                if sub is not None:
                    out |= self.in_scope(sub.where) if sub.star and sub.where is not None else sub.projected
            else:
                out |= self.in_scope(i)
        return out
