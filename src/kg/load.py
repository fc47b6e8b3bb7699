"""Parse the input files.

pyoxigraph parses first: it is fast and its SyntaxError carries the line and
column, which we report as ``FILE:LINE:COL: message``.  Terms are converted to
rdflib only where rdflib is needed (reasoning, SHACL).

Literals are also checked against the lexical space of the common XSD
datatypes, and dates against the calendar (pyoxigraph accepts ill-typed
literals and 30 February silently; strict consumers such as Jena's riot do
not), and the error names the file and line.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import re
import warnings
from itertools import repeat
from operator import attrgetter
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError, InputSyntaxError
from kg.formats import INPUT_EXTENSIONS

XSD = ns.PREFIXES["xsd"]

_PREFIX = re.compile(r"^Parser error (?:at|between) line \d+ column \d+(?: and line \d+ column \d+)?: ")

_INT = r"[+-]?\d+"
_LEXICAL = {
    "integer": _INT,
    "int": _INT,
    "long": _INT,
    "short": _INT,
    "nonNegativeInteger": r"\+?\d+|-0+",
    "positiveInteger": r"\+?0*[1-9]\d*",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN",
    "float": r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN",
    "boolean": r"true|false|1|0",
    "date": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?",
    "dateTime": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-4]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
    "gYear": r"-?\d{4,}(Z|[+-]\d\d:\d\d)?",
    "gYearMonth": r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?",
    "gMonthDay": r"--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?",
    "gMonth": r"--(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?",
    "gDay": r"---(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?",
    "anyURI": r"[^\s<>\"{}|\\^`]*",
}
_LEXICAL_RE = {XSD + k: re.compile(v) for k, v in _LEXICAL.items()}


def input_syntax_error(exc: SyntaxError, display: str) -> InputSyntaxError:
    message = _PREFIX.sub("", str(exc.msg or exc)).strip()
    line = exc.lineno
    col = exc.offset
    if line is None:  # some errors only carry the position in the text
        m = re.search(r"line (\d+) column (\d+)", str(exc))
        if m:
            line, col = int(m.group(1)), int(m.group(2))
    return InputSyntaxError(display, line, col, message)


def parse_file(path: Path | str, display: str | None = None, fmt: ox.RdfFormat | None = None) -> list[ox.Quad]:
    """Every quad of an RDF file; InputSyntaxError names FILE:LINE:COL."""
    path = Path(path)
    display = display or str(path)
    fmt = fmt or INPUT_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(INPUT_EXTENSIONS))
        raise DataError(f"{display}: not a file kg reads (RDF files end in {known})")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise input_syntax_error(exc, display) from None
    except OSError as exc:
        raise DataError(f"{display}: cannot read: {exc.strerror or exc}") from None
    check_literals(quads, display, path)
    return stable_blank_nodes(quads, display)


def read_rdf_file(path, cache: dict | None = None) -> list[ox.Quad]:
    """The quads of any RDF file outside the working copy (``kg shacl``, ``kg reason``): parsed by its
    extension with its own file URI as base IRI (as Jena and pyshacl take it), blank nodes kept apart
    from every other file's, ill-typed literals kept (finding them is sh:datatype's and dt-not-type's
    job); DataError or InputSyntaxError names the file.  A file read twice through the same ``cache``
    gives the same terms, blank nodes included (a W3C test's data and shapes are one file)."""
    path = Path(path)
    absolute = path.resolve()
    if cache is not None and absolute in cache:
        return cache[absolute]
    fmt = INPUT_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise DataError(f"{path}: not an RDF file kg reads (RDF files end in {', '.join(sorted(INPUT_EXTENSIONS))})")
    try:
        quads = list(ox.parse(path=str(path), format=fmt, base_iri=absolute.as_uri()))
    except SyntaxError as exc:
        raise input_syntax_error(exc, str(path)) from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    quads = stable_blank_nodes(quads, str(path))
    if cache is not None:
        cache[absolute] = quads
    return quads


def stable_blank_nodes(quads: list[ox.Quad], display: str) -> list[ox.Quad]:
    """The quads with blank nodes renamed by file and order of first appearance.

    The parser names ``[]`` and ``( … )`` nodes at random, which would make two
    builds of the same input differ; and two files that both say ``_:x`` mean
    two different nodes, so the file is part of the name."""
    if not _has_blank_node(quads):
        return quads
    tag = "f" + hashlib.sha256(display.encode("utf-8")).hexdigest()[:8]
    names: dict[str, ox.BlankNode] = {}

    def rename(term):
        if not isinstance(term, ox.BlankNode):
            return term
        node = names.get(term.value)
        if node is None:
            node = names[term.value] = ox.BlankNode(f"{tag}b{len(names)}")
        return node

    return [ox.Quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph_name)) for q in quads]


_POSITIONS = (attrgetter("subject"), attrgetter("object"), attrgetter("graph_name"))


def _has_blank_node(quads: list[ox.Quad]) -> bool:
    """Whether a quad holds a blank node: scans that stay in C (a million quads in a fifth of the time a
    generator over their terms takes)."""
    return any(any(map(isinstance, map(term, quads), repeat(ox.BlankNode))) for term in _POSITIONS)


_CALENDAR = {XSD + "date", XSD + "dateTime", XSD + "gMonthDay"}


def _impossible_day(literal: ox.Literal) -> bool:
    """A day that the calendar lacks ("2018-02-30"), once the lexical form is right."""
    value = literal.value
    if literal.datatype.value == XSD + "gMonthDay":
        text = "2000" + value[1:7]  # a leap year: "--02-29" exists
    else:
        text = value.lstrip("-")[:10]
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return False  # years beyond 9999: the lexical check is all
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return True
    return False


def check_literals(quads, display: str, path: Path | None = None) -> None:
    """Raise DataError on the first literal outside its datatype's lexical
    space (or naming a day the calendar lacks), with the line it is on."""
    lexical = _LEXICAL_RE
    for q in quads:
        o = q.object
        if not isinstance(o, ox.Literal):
            continue
        dt = o.datatype.value
        rx = lexical.get(dt)
        if rx is None:
            continue
        if not rx.fullmatch(o.value):
            problem = "ill-typed literal"
        elif dt in _CALENDAR and _impossible_day(o):
            problem = "impossible date"
        else:
            continue
        where = display
        line = _line_of(path, o.value) if path is not None else None
        if line is not None:
            where += f":{line}"
        raise DataError(
            f"{where}: {problem} {o} (subject <{q.subject.value}>, property <{q.predicate.value}>)")


def _line_of(path: Path, lexical: str) -> int | None:
    """The first line of the file where the lexical form appears (a parser gives no positions for terms)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if lexical in line:
                    return n
    except OSError:
        return None
    return None


# ---------------------------------------------------------------- rdflib bridge
@contextlib.contextmanager
def quiet_rdflib():
    """rdflib logs a traceback and warns for every ill-typed literal it converts; kg reports those itself
    (a dt-not-type inconsistency, a failed sh:datatype), so its own output is silenced meanwhile."""
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def to_rdflib(term):
    """A pyoxigraph term as an rdflib term (plain literals stay plain)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        dt = term.datatype.value
        if dt == XSD + "string":
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(dt), normalize=False)
    raise TypeError(f"unsupported term {term!r}")


def from_rdflib(term):
    """An rdflib term as a pyoxigraph term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def rdflib_graph(triples) -> "rdflib.Graph":  # noqa: F821
    """An rdflib Graph from pyoxigraph quads or triples (graph names dropped)."""
    from rdflib import Graph

    g = Graph()
    conv = functools.lru_cache(maxsize=None)(to_rdflib)  # terms repeat: convert each once
    add = g.add
    for q in triples:
        add((conv(q.subject), conv(q.predicate), conv(q.object)))
    return g
