"""Deterministic dumps of the built graph, their VoID/DCAT description and checksums.

Files written to the output folder (``.gz`` added with ``--gzip``)::

    kg.ttl      Turtle      the closure (asserted + inferred) as triples
    kg.nt       N-Triples   the same, one sorted line per triple
    kg.jsonld   JSON-LD     the same, compacted with a context of the project prefixes
    kg.rdf      RDF/XML     the same
    kg.trig     TriG        the dataset: ontology graph, source graphs, inferred graph
    kg.nq       N-Quads     the same, sorted
    void.ttl    VoID + DCAT description (title, licence, version, counts,
                entities per class, triples per property, sources, examples,
                one dcat:distribution per dump with size and SHA-256)
    SHA256SUMS  ``sha256sum -c`` compatible

Determinism: the inputs are sorted (no blank nodes in the data), the
serialisers write in input order, gzip is written with mtime 0 and no file
name; the same build gives byte-identical files.
"""

from __future__ import annotations

import gzip as gz
import hashlib
import io
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg import namespaces as ns
from kg.errors import ExportError

TRIPLE_DUMPS = {
    "ttl": ("kg.ttl", "text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("kg.nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("kg.jsonld", "application/ld+json", None),
    "rdf": ("kg.rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
}
QUAD_DUMPS = {
    "trig": ("kg.trig", "application/trig", ox.RdfFormat.TRIG),
    "nq": ("kg.nq", "application/n-quads", ox.RdfFormat.N_QUADS),
}
DUMPS = {**TRIPLE_DUMPS, **QUAD_DUMPS}
DIST_BASE = "file:///kg-dist/"  # placeholder base: relative download URLs in void.ttl
LICENSE = ns.LICENSE
RDF_TYPE = ns.PREFIXES["rdf"] + "type"


def _key(t) -> tuple:
    return (str(t.subject), str(t.predicate), str(t.object))


def _qkey(q) -> tuple:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def read_build(built) -> tuple[list, list]:
    """(sorted closure triples, sorted quads) from the build artifacts."""
    triples = list(ox.parse(path=str(built.path / "closure.nt"), format=ox.RdfFormat.N_TRIPLES))
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in triples]
    quads = list(ox.parse(path=str(built.path / "asserted.nq"), format=ox.RdfFormat.N_QUADS))
    quads += list(ox.parse(path=str(built.path / "inferred.nq"), format=ox.RdfFormat.N_QUADS))
    return sorted(triples, key=_key), sorted(quads, key=_qkey)


def _prefixes_for(statements) -> dict[str, str]:
    from kg.store import used_prefixes

    return used_prefixes(statements)


def _ensure_nl(data: bytes) -> bytes:
    return data if not data or data.endswith(b"\n") else data + b"\n"


# ---------------------------------------------------------------- JSON-LD
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
    nodes: dict[str, dict] = {}
    for t in triples:
        sid = ns.shorten(t.subject.value) if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        node = nodes.setdefault(sid, {"@id": sid})
        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(ns.shorten(t.object.value))
        else:
            node.setdefault(ns.shorten(t.predicate.value), []).append(_jsonld_value(t.object))
    context = _prefixes_for(triples)
    doc = {"@context": context, "@graph": [nodes[k] for k in sorted(nodes)]}
    return (json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode()


# ---------------------------------------------------------------- dumps
def dump_bytes(kind: str, triples, quads) -> bytes:
    if kind == "jsonld":
        return jsonld_bytes(triples)
    from kg.build import sorted_lines

    if kind == "nt":
        return sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    if kind == "nq":
        return sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    if kind in TRIPLE_DUMPS:
        fmt = TRIPLE_DUMPS[kind][2]
        return _ensure_nl(ox.serialize(triples, format=fmt, prefixes=_prefixes_for(triples)))
    fmt = QUAD_DUMPS[kind][2]
    return _ensure_nl(ox.serialize(quads, format=fmt, prefixes=_prefixes_for(quads)))


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gz.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(data)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> None:
    """Write, then rename: a reader never sees half a file. The temporary name
    is unique, so two exports into one folder cannot clobber each other."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- VoID / DCAT
def dataset_title(triples) -> tuple[str, str | None]:
    """The dataset's title and description, as the curation graph gives them
    for DATASET_IRI; the ontology's are the fallback."""
    found: dict[str, dict[str, str]] = {ns.DATASET_IRI: {}, ns.ONTOLOGY_IRI: {}}
    for t in triples:
        if t.subject.value in found and isinstance(t.object, ox.Literal):
            p = t.predicate.value
            if p in (ns.PREFIXES["dct"] + "title", ns.PREFIXES["rdfs"] + "label"):
                found[t.subject.value].setdefault("title", t.object.value)
            elif p in (ns.PREFIXES["dct"] + "description", ns.PREFIXES["rdfs"] + "comment"):
                found[t.subject.value].setdefault("description", t.object.value)
    first = found[ns.DATASET_IRI] if "title" in found[ns.DATASET_IRI] else found[ns.ONTOLOGY_IRI]
    return first.get("title", "International science-and-technology cooperation parks"), first.get("description")


def void_triples(triples, quads, built, distributions) -> list:
    """The VoID + DCAT description; ``distributions`` is [(file name, media type, size, sha256)]."""
    N = ox.NamedNode
    P = lambda curie: N(ns.expand_curie(curie))  # noqa: E731
    lit = ox.Literal
    integer = lambda n: lit(str(n), datatype=P("xsd:integer"))  # noqa: E731
    ds = N(ns.DATASET_IRI)
    title, desc = dataset_title(triples)
    out = [
        ox.Triple(ds, P("rdf:type"), P("void:Dataset")),
        ox.Triple(ds, P("rdf:type"), P("dcat:Dataset")),
        ox.Triple(ds, P("dct:title"), lit(title, language="en")),
        ox.Triple(ds, P("dct:license"), N(LICENSE)),
        ox.Triple(ds, P("dcat:version"), lit(__version__)),
        ox.Triple(ds, P("owl:versionInfo"), lit(__version__)),
        ox.Triple(ds, P("void:vocabulary"), N(ns.ONTOLOGY_IRI)),
        ox.Triple(ds, P("void:triples"), integer(len(triples))),
        ox.Triple(ds, P("void:distinctSubjects"), integer(len({t.subject for t in triples}))),
        ox.Triple(ds, P("void:properties"), integer(len({t.predicate for t in triples}))),
        ox.Triple(ds, P("dct:identifier"), lit(built.manifest["hash"][:16])),
    ]
    if desc:
        out.append(ox.Triple(ds, P("dct:description"), lit(desc, language="en")))
    out.append(ox.Triple(ds, P("void:uriSpace"), lit(ns.ID)))
    # entities per class (from the closure: inferred types count)
    per_class = Counter(t.object for t in triples
                        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode))
    out.append(ox.Triple(ds, P("void:classes"), integer(len(per_class))))
    for n, cls in enumerate(sorted(per_class, key=str), 1):
        part = ox.BlankNode(f"class{n:04d}")
        out += [ox.Triple(ds, P("void:classPartition"), part),
                ox.Triple(part, P("void:class"), cls),
                ox.Triple(part, P("void:entities"), integer(per_class[cls]))]
    per_prop = Counter(t.predicate for t in triples)
    for n, prop in enumerate(sorted(per_prop, key=str), 1):
        part = ox.BlankNode(f"property{n:04d}")
        out += [ox.Triple(ds, P("void:propertyPartition"), part),
                ox.Triple(part, P("void:property"), prop),
                ox.Triple(part, P("void:triples"), integer(per_prop[prop]))]
    # sources: the source graphs of the build
    for g in sorted(built.manifest.get("graph_files", {})):
        out.append(ox.Triple(ds, P("dct:source"), N(g)))
    # example resources: the first entity (in IRI order) of each entity kind
    seen_kinds = set()
    for subject in sorted({t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}):
        if subject.startswith(ns.ID):
            kind = subject[len(ns.ID):].split("/", 1)[0]
            if kind not in seen_kinds and kind != "source":
                seen_kinds.add(kind)
                out.append(ox.Triple(ds, P("void:exampleResource"), N(subject)))
    for n, (name, media, size, digest) in enumerate(sorted(distributions), 1):
        dist = ox.BlankNode(f"dist{n:02d}")
        ck = ox.BlankNode(f"checksum{n:02d}")
        out += [
            ox.Triple(ds, P("dcat:distribution"), dist),
            ox.Triple(dist, P("rdf:type"), P("dcat:Distribution")),
            ox.Triple(dist, P("dct:title"), lit(name)),
            ox.Triple(dist, P("dcat:downloadURL"), N(DIST_BASE + name)),
            ox.Triple(dist, P("dcat:mediaType"), lit(media)),
            ox.Triple(dist, P("dcat:byteSize"), integer(size)),
            ox.Triple(dist, P("dct:license"), N(LICENSE)),
            ox.Triple(dist, P("spdx:checksum"), ck),
            ox.Triple(ck, P("rdf:type"), P("spdx:Checksum")),
            ox.Triple(ck, P("spdx:algorithm"), P("spdx:checksumAlgorithm_sha256")),
            ox.Triple(ck, P("spdx:checksumValue"), lit(digest, datatype=P("xsd:hexBinary"))),
        ]
        if name.endswith(".gz"):
            out.append(ox.Triple(dist, P("dcat:compressFormat"), lit("application/gzip")))
        out.append(ox.Triple(ds, P("void:dataDump"), N(DIST_BASE + name)))
    return out


def void_bytes(statements) -> bytes:
    """Turtle with relative download URLs (resolved against the file's own location)."""
    data = ox.serialize(sorted(statements, key=_key), format=ox.RdfFormat.TURTLE,
                        prefixes=_prefixes_for(statements), base_iri=DIST_BASE).decode()
    lines = [line for line in data.splitlines() if not line.startswith("@base ")]
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- entry point
def export(project, out_dir, gzip: bool = False, only=None, log=None) -> list[tuple[str, int]]:
    """Build if needed, then write the dumps, void.ttl and SHA256SUMS to ``out_dir``; returns [(path, size)]."""
    from kg.build import ensure_built

    return export_built(ensure_built(project, log=log), out_dir, gzip=gzip, only=only)


def export_built(built, out_dir, gzip: bool = False, only=None) -> list[tuple[str, int]]:
    """The dumps of one given build (never rebuilds: a server exports exactly what it serves)."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    triples, quads = read_build(built)
    kinds = [k for k in DUMPS if not only or k in only]
    written, dists = [], []
    for kind in kinds:
        name, media, _fmt = DUMPS[kind]
        data = dump_bytes(kind, triples, quads)
        if gzip:
            data, name = gzip_bytes(data), name + ".gz"
        _write(out / name, data)
        dists.append((name, media, len(data), hashlib.sha256(data).hexdigest()))
        written.append((out / name, len(data)))
    void = void_bytes(void_triples(triples, quads, built, dists))
    _write(out / "void.ttl", void)
    written.append((out / "void.ttl", len(void)))
    sums = sorted([(d[0], d[3]) for d in dists] + [("void.ttl", hashlib.sha256(void).hexdigest())])
    sums_bytes = "".join(f"{digest}  {name}\n" for name, digest in sums).encode()
    _write(out / "SHA256SUMS", sums_bytes)
    written.append((out / "SHA256SUMS", len(sums_bytes)))
    return [(str(p), size) for p, size in written]
