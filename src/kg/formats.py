"""Every RDF and SPARQL-results format kg reads or writes, in one table.

The command line, the query engine, the dumps, the input loader and the
server's content negotiation all look formats up here: a format's name (what
``--format`` takes), its media type (and the aliases a client may ask it by),
its file extension and pyoxigraph's parser/serialiser for it.  The writers
shared by several stages (sorted N-Triples/N-Quads, compact JSON-LD, the
prefixes a document needs) live here too, so that nothing above has to
import a sibling stage to serialise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.files import ends_with_newline


@dataclass(frozen=True)
class Format:
    name: str  # as given to --format
    kind: str  # "results" (SELECT/ASK), "graph" (triples), "dataset" (quads); "page", "text", "request" (HTTP)
    media_type: str
    extension: str  # of a file in this format, with the dot
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None
    label: str = ""
    # Other media types a client may ask for this format by (content negotiation), after media_type.
    aliases: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "results", "application/sparql-results+json", ".srj", results=ox.QueryResultsFormat.JSON,
           label="SPARQL 1.1 results JSON", aliases=("application/json",)),
    Format("xml", "results", "application/sparql-results+xml", ".srx", results=ox.QueryResultsFormat.XML,
           label="SPARQL 1.1 results XML", aliases=("application/xml", "text/xml")),
    Format("csv", "results", "text/csv; charset=utf-8", ".csv", results=ox.QueryResultsFormat.CSV,
           label="SPARQL 1.1 results CSV"),
    Format("tsv", "results", "text/tab-separated-values; charset=utf-8", ".tsv", results=ox.QueryResultsFormat.TSV,
           label="SPARQL 1.1 results TSV"),
    Format("turtle", "graph", "text/turtle", ".ttl", rdf=ox.RdfFormat.TURTLE, label="Turtle",
           aliases=("application/x-turtle", "application/turtle")),
    Format("nt", "graph", "application/n-triples", ".nt", rdf=ox.RdfFormat.N_TRIPLES, label="N-Triples",
           aliases=("text/plain",)),
    Format("jsonld", "graph", "application/ld+json", ".jsonld", rdf=ox.RdfFormat.JSON_LD, label="JSON-LD",
           aliases=("application/json",)),
    Format("rdfxml", "graph", "application/rdf+xml", ".rdf", rdf=ox.RdfFormat.RDF_XML, label="RDF/XML",
           aliases=("application/xml",)),
    Format("trig", "dataset", "application/trig", ".trig", rdf=ox.RdfFormat.TRIG, label="TriG"),
    Format("nq", "dataset", "application/n-quads", ".nq", rdf=ox.RdfFormat.N_QUADS, label="N-Quads"),
    # what kg serve speaks besides RDF: its pages, its one-line messages, and the bodies of query requests
    Format("html", "page", "text/html; charset=utf-8", ".html", label="HTML", aliases=("application/xhtml+xml",)),
    Format("text", "text", "text/plain; charset=utf-8", ".txt", label="plain text"),
    Format("sparql-query", "request", "application/sparql-query", ".rq", label="SPARQL query"),
    Format("sparql-update", "request", "application/sparql-update", ".ru", label="SPARQL update"),
    Format("form", "request", "application/x-www-form-urlencoded", "", label="HTML form"),
)}
RESULTS_FORMATS = tuple(n for n, f in FORMATS.items() if f.kind == "results")
GRAPH_FORMATS = tuple(n for n, f in FORMATS.items() if f.kind == "graph")
MEDIA_TYPES = {n: f.media_type for n, f in FORMATS.items()}

# What kg reads as input files, by extension (what pyoxigraph parses).
INPUT_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


def sorted_lines(data: bytes) -> bytes:
    """N-Triples / N-Quads bytes with their lines sorted and deduplicated."""
    return unique_lines(data, ordered=False)


def unique_lines(data: bytes, ordered: bool = True) -> bytes:
    """N-Triples / N-Quads without repeated or empty lines: in the order given when that order is
    ``ordered`` (deterministic: the input files by name, each as written; kg's reasoner's order), else
    sorted (a million lines cost seconds to sort)."""
    lines = data.splitlines()
    unique = dict.fromkeys(lines) if ordered else sorted(set(lines))
    return b"".join(line + b"\n" for line in unique if line)


def nquads_triples(blocks: Iterable[bytes], piece: int = 200_000) -> Iterator[bytes]:
    """The distinct triples of N-Quads whose graph names are IRIs (given in blocks of whole lines), as
    N-Triples, in order of first appearance, in pieces of ``piece`` lines."""
    # "<s> <p> <o> <g> ." : an IRI holds no space, so the graph is the last term but one
    triples: dict[bytes, None] = {}
    for block in blocks:
        triples.update(dict.fromkeys(line.rsplit(b" ", 2)[0] for line in block.splitlines()))
    triples.pop(b"", None)
    lines = list(triples)
    del triples
    for start in range(0, len(lines), piece):
        yield b"".join(line + b" .\n" for line in lines[start:start + piece])


# ---------------------------------------------------------- canonical lexical forms
# Stores disagree on how they print a number they were given in a non-canonical form: Oxigraph and
# Virtuoso print "10980000000.0"^^xsd:decimal as 10980000000, Jena and rdflib as given.  Dumps (and
# whatever kg sends to a store) carry the XSD 1.1 canonical form, which is also the one kg's own store
# answers with, so that every engine prints one form.  Other datatypes have one form already in kg's
# data (dates are checked at load time; language tags are lower-cased by the parser).
_XSD = ns.PREFIXES["xsd"]
_INTEGERS = ns.XSD_INTEGER_TYPES
_CANONICAL_DATATYPES = re.compile(
    rb"\^\^<" + re.escape(_XSD.encode()) + rb"(?:decimal|boolean|" + b"|".join(n.encode() for n in _INTEGERS) + rb")>")
# An IRI or a whole literal of an N-Triples / N-Quads line: matching IRIs and every literal keeps a
# quote inside an IRI or a string from being taken for the start of a literal.
_NT_TOKEN = re.compile(rb'<[^>]*>|"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@[A-Za-z0-9-]+)?')
_DECIMAL = re.compile(r"([+-]?)(\d*)(?:\.(\d*))?")
_INTEGER = re.compile(r"([+-]?)(\d+)")


def canonical_lexical(lexical: str, datatype: str) -> str:
    """The XSD 1.1 canonical form of a decimal, integer or boolean lexical form (others, and
    ill-formed ones, unchanged): no "+", no leading zeros, no trailing fractional zeros, no decimal
    point in a whole decimal (``10980000000.0`` -> ``10980000000``), ``1``/``0`` -> ``true``/``false``."""
    local = datatype[len(_XSD):] if datatype.startswith(_XSD) else None
    if local == "decimal":
        m = _DECIMAL.fullmatch(lexical)
        if not m or not (m.group(2) or m.group(3)):
            return lexical
        whole, fraction = m.group(2).lstrip("0") or "0", (m.group(3) or "").rstrip("0")
        text = whole + ("." + fraction if fraction else "")
        return "-" + text if m.group(1) == "-" and text != "0" else text
    if local in _INTEGERS:
        m = _INTEGER.fullmatch(lexical)
        if not m:
            return lexical
        digits = m.group(2).lstrip("0") or "0"
        return "-" + digits if m.group(1) == "-" and digits != "0" else digits
    if local == "boolean":
        return {"1": "true", "0": "false"}.get(lexical, lexical)
    return lexical


def _canonical_token(m: re.Match) -> bytes:
    datatype = m.group(2)
    if datatype is None or not datatype.startswith(_XSD.encode()):
        return m.group(0)
    lexical = m.group(1).decode("utf-8")
    canonical = canonical_lexical(lexical, datatype.decode("utf-8"))
    return m.group(0) if canonical == lexical else b'"' + canonical.encode("utf-8") + b'"^^<' + datatype + b">"


def canonical_nquads(data: bytes) -> bytes:
    """N-Triples / N-Quads bytes with every decimal, integer and boolean literal in its canonical form
    (see canonical_lexical); only the lines that hold such a literal are looked at."""
    if not _CANONICAL_DATATYPES.search(data):
        return data
    lines = data.split(b"\n")
    for i, line in enumerate(lines):
        if _CANONICAL_DATATYPES.search(line):
            lines[i] = _NT_TOKEN.sub(_canonical_token, line)
    return b"\n".join(lines)


def used_prefixes(statements) -> dict[str, str]:
    """The project prefixes whose namespace some IRI of ``statements`` is in."""
    iris = set()
    for t in statements:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    by_namespace = {namespace: prefix for prefix, namespace in ns.PREFIXES.items()}
    found = set()
    # Every project namespace ends with "/" or "#": try each such cut of each IRI.
    for iri in iris:
        for pos, ch in enumerate(iri):
            if ch in "/#" and iri[:pos + 1] in by_namespace:
                found.add(iri[:pos + 1])
    return {prefix: namespace for prefix, namespace in ns.PREFIXES.items() if namespace in found}


def triple_key(t) -> tuple:
    """The order of triples in every dump and graph answer kg writes."""
    return (str(t.subject), str(t.predicate), str(t.object))


def _jsonld_value(term):
    if isinstance(term, ox.NamedNode):
        return {"@id": ns.shorten(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dt = term.datatype.value
    if dt == ns.PREFIXES["xsd"] + "string":
        return {"@value": term.value}
    return {"@value": term.value, "@type": ns.shorten(dt)}


def jsonld_bytes(triples) -> bytes:
    """Compacted JSON-LD with a context of the project prefixes, deterministic."""
    triples = sorted(set(triples), key=triple_key)
    rdf_type = ns.PREFIXES["rdf"] + "type"
    nodes: dict[str, dict] = {}
    for t in triples:
        sid = ns.shorten(t.subject.value) if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        node = nodes.setdefault(sid, {"@id": sid})
        if t.predicate.value == rdf_type and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(ns.shorten(t.object.value))
        else:
            node.setdefault(ns.shorten(t.predicate.value), []).append(_jsonld_value(t.object))
    doc = {"@context": used_prefixes(triples), "@graph": [nodes[k] for k in sorted(nodes)]}
    return (json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode()


def serialize_triples(triples, fmt: str) -> bytes:
    """Triples as Turtle, N-Triples, JSON-LD or RDF/XML, in a stable order."""
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"{fmt!r} is not an RDF graph format ({', '.join(GRAPH_FORMATS)})")
    ordered = sorted(set(triples), key=triple_key)
    if fmt == "jsonld":
        return jsonld_bytes(ordered)
    if fmt in ("turtle", "rdfxml"):
        data = ox.serialize(ordered, format=FORMATS[fmt].rdf, prefixes=used_prefixes(ordered))
    else:
        data = ox.serialize(ordered, format=FORMATS[fmt].rdf)
    return ends_with_newline(data)
