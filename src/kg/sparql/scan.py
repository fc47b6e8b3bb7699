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
        self.groups: list[Group] = []
        self.subselects: list[SubSelect] = []
        self.outer: int | None = None  # the outermost WHERE group; None for CONSTRUCT WHERE { … }
        self.construct_where: int | None = None  # offset of WHERE in CONSTRUCT WHERE { … }
        self.as_variables: list[str] = []
        self.keywords: dict[str, int] = {}  # upper-cased bare word -> offset of its first use
        _Reader(self, blank_out(text)).read()
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


class _Reader:
    """The scan's state while it reads the tokens in order."""

    def __init__(self, scan: QueryScan, stripped: str):
        self.scan, self.stripped = scan, stripped
        self.stack: list[int] = []  # open groups
        self.parens: list[int] = [0]  # parenthesis depth, per open group
        self.form = None
        self.pending = None  # EXISTS / MINUS / SERVICE: the kind of the next group
        self.after_as = False
        self.template = False  # inside a CONSTRUCT template
        self.skip_to = -1  # the end of a VALUES data block or a CONSTRUCT template
        self.projecting: SubSelect | None = None
        self.values_next = False
        self.last = None

    def read(self) -> None:
        for m in _SCAN.finditer(self.stripped):
            at = m.start()
            if at < self.skip_to:
                continue
            var, word = m.group(1), m.group(2)
            if word is not None:
                self.word(word.upper(), at, m.end())
            elif var is not None:
                self.variable(var)
            else:
                self.punctuation(m.group(0), at)

    def word(self, upper: str, at: int, end: int) -> None:
        scan, stack = self.scan, self.stack
        scan.keywords.setdefault(upper, at)
        self.after_as = upper == "AS"
        if upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and self.form is None and not stack:
            self.form = upper
            self.template = upper == "CONSTRUCT"
        elif upper == "SELECT" and self.last == "{" and stack:
            scan.groups[stack[-1]].kind = "select"
            self.projecting = SubSelect(stack[-1])
            scan.subselects.append(self.projecting)
            self.projecting.star = bool(_STAR.match(self.stripped, end))
        elif upper in ("EXISTS", "MINUS", "SERVICE"):
            self.pending = upper.lower()
        elif upper == "VALUES":
            self.values_next = True
        elif upper == "WHERE" and self.template:
            self.template = False  # CONSTRUCT WHERE { … }: the group is its own template
            scan.outer = -1
            scan.construct_where = at
        self.last = upper

    def variable(self, var: str) -> None:
        scan, outside_parens = self.scan, self.parens[-1] == 0
        if self.after_as:
            scan.as_variables.append(var)
        if self.projecting is not None and (outside_parens or self.after_as):
            self.projecting.projected.add(var)
            scan.groups[self.projecting.group].variables.add(var)
        elif self.stack:
            group = scan.groups[self.stack[-1]]
            group.variables.add(var)
            if outside_parens or self.after_as:
                group.pattern_variables.add(var)
        self.after_as = False
        self.last = "?"

    def punctuation(self, token: str, at: int) -> None:
        self.after_as = False
        if token == "(":
            self.parens[-1] += 1
        elif token == ")":
            self.parens[-1] -= 1
        elif token == "{":
            if self.values_next or (self.template and self.form == "CONSTRUCT" and not self.stack):
                self.skip_block(at)
                return
            self.open_group(at)
        elif token == "}" and self.stack:
            self.scan.groups[self.stack.pop()].end = at
            self.parens.pop()
        self.last = token

    def skip_block(self, at: int) -> None:
        """A VALUES data block or a CONSTRUCT template: neither holds braces."""
        close = self.stripped.find("}", at)
        self.skip_to = len(self.stripped) if close < 0 else close + 1
        if self.template:
            self.template = False
            if close < 0:
                self.scan.outer = -1  # never closes: not SPARQL, the parser says where
        self.values_next = False
        self.last = "}"

    def open_group(self, at: int) -> None:
        scan, stack = self.scan, self.stack
        kind, self.pending = self.pending or "group", None
        parent = stack[-1] if stack else None
        scan.groups.append(Group(at + 1, parent, kind))
        index = len(scan.groups) - 1
        projecting = self.projecting
        if projecting is not None and parent == projecting.group and projecting.where is None:
            projecting.where = index
            self.projecting = None
        if scan.outer is None and not stack and self.parens[-1] == 0 and self.form is not None:
            scan.outer = index
        stack.append(index)
        self.parens.append(0)
