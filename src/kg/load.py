"""Parse the input files.

pyoxigraph parses first: it is fast and its SyntaxError carries the line and
column, which we report as ``FILE:LINE:COL: message``.  Terms are converted to
rdflib only where rdflib is needed (reasoning, SHACL).

Literals are also checked against the lexical space of the common XSD
datatypes (pyoxigraph accepts ill-typed literals silently, strict consumers
such as Jena's riot do not).
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError, InputSyntaxError

XSD = ns.PREFIXES["xsd"]

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

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
    "anyURI": r"[^\s<>\"{}|\\^`]*",
}
_LEXICAL_RE = {XSD + k: re.compile(v) for k, v in _LEXICAL.items()}


def syntax_error(exc: SyntaxError, display: str) -> InputSyntaxError:
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
    fmt = fmt or _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise DataError(f"{display}: unknown RDF file extension {path.suffix!r}")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise syntax_error(exc, display) from None
    except OSError as exc:
        raise DataError(f"{display}: cannot read: {exc.strerror or exc}") from None
    check_literals(quads, display)
    return stable_blank_nodes(quads, display)


def stable_blank_nodes(quads: list[ox.Quad], display: str) -> list[ox.Quad]:
    """The quads with blank nodes renamed by file and order of first appearance.

    The parser names ``[]`` and ``( … )`` nodes at random, which would make two
    builds of the same input differ; and two files that both say ``_:x`` mean
    two different nodes, so the file is part of the name."""
    if not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
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


def check_literals(quads, display: str) -> None:
    """Raise DataError on the first literal outside its datatype's lexical space."""
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal):
            rx = _LEXICAL_RE.get(o.datatype.value)
            if rx is not None and not rx.fullmatch(o.value):
                raise DataError(
                    f"{display}: ill-typed literal {o} (subject <{q.subject.value}>, property <{q.predicate.value}>)"
                )


# ---------------------------------------------------------------- rdflib bridge
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
