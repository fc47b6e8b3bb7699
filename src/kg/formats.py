"""Every RDF and SPARQL-results format kg reads or writes, in one table.

The command line, the query engine, the dumps and the input loader all look
formats up here: a format's name (what ``--format`` takes), its media type,
its file extension and pyoxigraph's parser/serialiser for it.  The writers
shared by several stages (sorted N-Triples/N-Quads, compact JSON-LD, the
prefixes a document needs) live here too, so that nothing above has to
import a sibling stage to serialise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns


@dataclass(frozen=True)
class Format:
    name: str  # as given to --format
    kind: str  # "results" (SELECT/ASK), "graph" (triples) or "dataset" (quads)
    media_type: str
    extension: str  # of a file in this format, with the dot
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None
    label: str = ""


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "results", "application/sparql-results+json", ".srj", results=ox.QueryResultsFormat.JSON,
           label="SPARQL 1.1 results JSON"),
    Format("xml", "results", "application/sparql-results+xml", ".srx", results=ox.QueryResultsFormat.XML,
           label="SPARQL 1.1 results XML"),
    Format("csv", "results", "text/csv; charset=utf-8", ".csv", results=ox.QueryResultsFormat.CSV,
           label="SPARQL 1.1 results CSV"),
    Format("tsv", "results", "text/tab-separated-values; charset=utf-8", ".tsv", results=ox.QueryResultsFormat.TSV,
           label="SPARQL 1.1 results TSV"),
    Format("turtle", "graph", "text/turtle", ".ttl", rdf=ox.RdfFormat.TURTLE, label="Turtle"),
    Format("nt", "graph", "application/n-triples", ".nt", rdf=ox.RdfFormat.N_TRIPLES, label="N-Triples"),
    Format("jsonld", "graph", "application/ld+json", ".jsonld", rdf=ox.RdfFormat.JSON_LD, label="JSON-LD"),
    Format("rdfxml", "graph", "application/rdf+xml", ".rdf", rdf=ox.RdfFormat.RDF_XML, label="RDF/XML"),
    Format("trig", "dataset", "application/trig", ".trig", rdf=ox.RdfFormat.TRIG, label="TriG"),
    Format("nq", "dataset", "application/n-quads", ".nq", rdf=ox.RdfFormat.N_QUADS, label="N-Quads"),
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
# Input formats whose statements carry a graph name.
QUAD_INPUTS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD}


def sorted_lines(data: bytes) -> bytes:
    """N-Triples / N-Quads bytes with their lines sorted and deduplicated."""
    lines = sorted(set(data.splitlines()))
    if lines and not lines[0]:
        lines = lines[1:]
    return b"\n".join(lines) + b"\n" if lines else b""


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


def _key(t) -> tuple:
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
    triples = sorted(set(triples), key=_key)
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
    ordered = sorted(set(triples), key=_key)
    if fmt == "jsonld":
        return jsonld_bytes(ordered)
    if fmt in ("turtle", "rdfxml"):
        data = ox.serialize(ordered, format=FORMATS[fmt].rdf, prefixes=used_prefixes(ordered))
    else:
        data = ox.serialize(ordered, format=FORMATS[fmt].rdf)
    return data if data.endswith(b"\n") or not data else data + b"\n"
