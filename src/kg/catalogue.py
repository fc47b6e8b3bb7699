"""Saved queries: ``queries/*.rq`` (named by file stem) and the checks in
``queries/checks/*.rq``, with their comment headers (docs/LAYOUT.md)::

    # title: Parks and zones with their location chain
    # description: ...
    # param: park iri optional  Restrict to one park, e.g. park:sinoswiss-technopark
    # example: kg query park-locations --param park=park:sinoswiss-technopark
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataError, UnknownQueryError

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean", "literal")
_HEADER = re.compile(r"^#\s*([A-Za-z][\w-]*)\s*:\s?(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)\s+(required|optional)\b\s*(.*)$")


@dataclass
class Param:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    is_check: bool = False
    display: str = ""  # the file as shown in messages

    def example_params(self) -> dict[str, str]:
        """Parameter values for a one-click run: the ``--param`` values of the
        header's examples, else an "e.g." in a required parameter's description."""
        import shlex

        out: dict[str, str] = {}
        for example in self.examples:
            try:
                words = shlex.split(example)
            except ValueError:
                continue
            for i, w in enumerate(words[:-1]):
                if w in ("--param", "-p"):
                    name, sep, value = words[i + 1].partition("=")
                    if sep:
                        out.setdefault(name, value)
        for p in self.params:
            if p.name not in out and p.required:
                m = re.search(r"e\.g\.\s+(\S+)", p.description)
                if m:
                    out[p.name] = m.group(1).rstrip(".,;")
        return out


def parse_header(text: str, display: str = "query") -> dict:
    """The header fields of a saved query (``param`` and ``example`` are lists)."""
    out: dict = {"params": [], "examples": []}
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s:
            continue
        if not s.startswith("#"):
            break
        m = _HEADER.match(s)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise DataError(f"{display}:{n}: bad param header {value!r}; expected 'NAME TYPE required|optional DESCRIPTION'")
            name, typ, req, desc = pm.groups()
            if typ not in PARAM_TYPES:
                raise DataError(f"{display}:{n}: parameter {name} has unknown type {typ!r} (one of {', '.join(PARAM_TYPES)})")
            out["params"].append(Param(name, typ, req == "required", desc.strip()))
        elif key == "example":
            out["examples"].append(value)
        else:
            out[key] = value
    return out


def read_query(path: Path, name: str | None = None, is_check: bool = False, display: str | None = None) -> SavedQuery:
    display = display or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{display}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise DataError(f"{display}: cannot read: {exc.strerror or exc}") from None
    h = parse_header(text, display)
    return SavedQuery(
        name=name or Path(path).stem,
        path=Path(path),
        text=text,
        title=h.get("title", ""),
        description=h.get("description", ""),
        params=h["params"],
        examples=h["examples"],
        is_check=is_check,
        display=display,
    )


class Catalogue:
    def __init__(self, queries: list[SavedQuery]):
        self.queries: dict[str, SavedQuery] = {}
        for q in queries:
            if q.name in self.queries:
                raise DataError(f"{q.path}: the name {q.name!r} is taken by {self.queries[q.name].path}; "
                                "saved queries and checks need distinct file names")
            self.queries[q.name] = q

    @classmethod
    def of(cls, project, checks_only: bool = False) -> "Catalogue":
        """The saved queries and checks of a working copy (only the checks, which
        the build runs and hashes, with ``checks_only``)."""
        qs = [] if checks_only else [read_query(p, display=project.relpath(p)) for p in project.query_files()]
        qs += [read_query(p, is_check=True, display=project.relpath(p)) for p in project.check_files()]
        return cls(qs)

    @classmethod
    def lookup(cls, project, name: str) -> SavedQuery:
        """One saved query or check by name, reading its file only (a query in a fresh process should not
        parse the whole catalogue); the whole catalogue when there is not exactly one such file, for its
        error: a name taken twice, or the names close to an unknown one."""
        paths = [(p, is_check) for p, is_check in ((project.home / "queries" / f"{name}.rq", False),
                                                   (project.home / "queries" / "checks" / f"{name}.rq", True))
                 if "/" not in name and p.is_file()]
        if len(paths) == 1:
            path, is_check = paths[0]
            return read_query(path, is_check=is_check, display=project.relpath(path))
        return cls.of(project).get(name)

    def check_syntax(self) -> None:
        """Parse every saved query and check (on an empty store): a broken one is
        a QueryError naming FILE:LINE:COL, at build time, not when it is run."""
        import pyoxigraph as ox

        from kg import namespaces as ns
        from kg.sparql import check_read_only, check_safe, syntax_error

        empty = ox.Store()
        for q in self.queries.values():
            check_safe(q.text, q.display)
            check_read_only(q.text, q.display)
            try:
                empty.query(q.text, prefixes=ns.PREFIXES)
            except SyntaxError as exc:
                raise syntax_error(exc, q.text, q.display) from None

    def names(self) -> list[str]:
        return sorted(self.queries)

    def checks(self) -> list[SavedQuery]:
        return [self.queries[n] for n in self.names() if self.queries[n].is_check]

    def saved(self) -> list[SavedQuery]:
        return [self.queries[n] for n in self.names() if not self.queries[n].is_check]

    def get(self, name: str) -> SavedQuery:
        try:
            return self.queries[name]
        except KeyError:
            pass
        import difflib

        close = difflib.get_close_matches(name, self.names(), n=3, cutoff=0.5)
        if not close:
            close = [n for n in self.names() if name.lower() in n.lower()][:3]
        hint = f"; did you mean {' or '.join(close)}?" if close else "; `kg queries` lists them"
        raise UnknownQueryError(f"no saved query named {name!r}{hint}")
