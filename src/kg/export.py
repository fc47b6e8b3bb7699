"""Deterministic dumps of the built graph, their VoID/DCAT description and checksums (``kg export``).

:func:`export` writes the dumps of the build queries answer from (built first when stale),
:func:`export_built` those of one given build (``kg serve``, ``kg docs``): ``kg.ttl``, ``kg.nt``,
``kg.jsonld``, ``kg.rdf`` (the closure as triples), ``kg.trig``, ``kg.nq`` (the dataset with its named
graphs), ``void.ttl`` (:func:`void_triples`) and ``SHA256SUMS``; ``.gz`` added with ``--gzip``, some
dumps with ``--only`` (the folder's other dumps are removed).  The same build gives byte-identical
files; numbers and booleans are in canonical form (kg.formats.canonical_lexical).

See docs/LAYOUT.md, section "Dumps (kg export)", for what each file and void.ttl hold, how they are
made and why.
"""

from __future__ import annotations

import gzip as gz
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg import namespaces as ns
from kg.errors import ExportError
from kg.files import ends_with_newline, write_whole
from kg.formats import (FORMATS, canonical_nquads, jsonld_bytes, nquads_triples, sorted_lines, triple_key,
                        used_prefixes)

# dump kind (as --only takes it) -> (file name, format name in kg.formats)
DUMPS = {
    "ttl": ("kg.ttl", "turtle"),
    "nt": ("kg.nt", "nt"),
    "jsonld": ("kg.jsonld", "jsonld"),
    "rdf": ("kg.rdf", "rdfxml"),
    "trig": ("kg.trig", "trig"),
    "nq": ("kg.nq", "nq"),
}
DUMP_MEDIA = {name: FORMATS[fmt].media_type for name, fmt in DUMPS.values()}
DIST_BASE = "file:///kg-dist/"  # placeholder base: relative download URLs in void.ttl
LICENSE = ns.LICENSE
RDF_TYPE = ns.PREFIXES["rdf"] + "type"
# dcat:mediaType and dcat:compressFormat name the IANA registration (DCAT 3: a dct:MediaType), not a string
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


def media_type_name(iri: str) -> str:
    """``text/turtle`` for the IANA IRI dcat:mediaType names (what people read; other IRIs as they are)."""
    return iri[len(IANA_MEDIA_TYPES):] if iri.startswith(IANA_MEDIA_TYPES) else iri
GZIP_MEDIA = "application/gzip"


def default_out(project) -> Path:
    """Where ``kg export`` writes without --out: ``dist/`` in the build folder, whatever the current folder.
    The dumps are made from the build again at will (``kg clean`` takes them with it), and ``dist/`` beside
    the code is where ``python -m build`` puts the wheels."""
    return project.build_dir / "dist"


@dataclass(frozen=True)
class Description:
    """What void.ttl says beyond the build: the version, the dates (``xsd:date`` text) and the public
    SPARQL endpoint; a publisher (an IRI or a name) overrides the one the data gives."""

    version: str = __version__
    issued: str | None = None
    modified: str | None = None
    publisher: str | None = None
    endpoint: str | None = None


class _Build:
    """The built dataset as sorted lines, parsed into terms only when a format needs them.

    ``restate``: statements (N-Quads lines) that replace, in every graph, the build's statements of the
    same subject and predicate (kg release writes the ontology's version this way)."""

    def __init__(self, built, restate: bytes = b""):
        self.built = built
        asserted = (built.path / "asserted.nq").read_bytes()
        inferred = (built.path / "inferred.nq").read_bytes()
        nquads = sorted_lines(canonical_nquads(asserted + inferred))
        self.removed = self.added = ()
        if restate:
            nquads, self.removed, self.added = _restated(nquads, canonical_nquads(restate))
        self.nquads = nquads
        self.ntriples = sorted_lines(nquads_triples(self.nquads))
        self._triples = self._quads = None

    @property
    def triples(self) -> list:
        if self._triples is None:
            self._triples = list(ox.parse(self.ntriples, format=ox.RdfFormat.N_TRIPLES))
        return self._triples

    @property
    def quads(self) -> list:
        """Grouped by graph, so that TriG writes each graph once."""
        if self._quads is None:
            self._quads = sorted(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS),
                                 key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        return self._quads

    def dump(self, kind: str) -> bytes:
        fmt = DUMPS[kind][1]
        if fmt == "nt":
            return self.ntriples
        if fmt == "nq":
            return self.nquads
        if fmt == "jsonld":
            return jsonld_bytes(self.triples)
        statements = self.quads if fmt == "trig" else self.triples
        return ends_with_newline(ox.serialize(statements, format=FORMATS[fmt].rdf, prefixes=used_prefixes(statements)))


def _restated(nquads: bytes, restate: bytes) -> tuple[bytes, set[bytes], set[bytes]]:
    """``nquads`` with ``restate``'s lines in place of those of the same subject and predicate; and the
    triples (N-Triples lines) this takes out of and puts into the closure."""
    new = [line for line in restate.splitlines() if line]
    keys = {tuple(line.split(b" ", 2)[:2]) for line in new}
    kept, dropped = [], []
    for line in nquads.splitlines():
        (dropped if tuple(line.split(b" ", 2)[:2]) in keys else kept).append(line)
    before = {line.rsplit(b" ", 2)[0] + b" ." for line in dropped}  # "<s> <p> o <g> ." -> "<s> <p> o ."
    after = {line.rsplit(b" ", 2)[0] + b" ." for line in new}
    return sorted_lines(b"".join(line + b"\n" for line in kept + new)), before - after, after - before


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gz.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(data)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> None:
    try:
        write_whole(path, data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- VoID / DCAT
class _Summary:
    """What the VoID description says of the closure, aggregated by the build's store."""

    def __init__(self, built):
        from kg.store import OxigraphStore

        store = OxigraphStore.open(built.store_path)
        q = lambda text: store.query(text).rows  # noqa: E731
        (n, subjects, properties), = q("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) "
                                       "(COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }")
        self.triples, self.subjects, self.properties = int(n.value), int(subjects.value), int(properties.value)
        self.per_class = sorted(((c, int(k.value)) for c, k in q(
            "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c")), key=lambda x: str(x[0]))
        self.per_property = sorted(((p, int(k.value)) for p, k in q(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")), key=lambda x: str(x[0]))
        self.described = sorted((ox.Triple(s, p, o) for s, p, o in q(
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ <{ns.DATASET_IRI}> <{ns.ONTOLOGY_IRI}> }} ?s ?p ?o }}")), key=triple_key)
        rest = f"STRAFTER(STR(?s), \"{ns.ID}\")"
        self.examples = sorted(first.value for (first,) in q(
            f"SELECT (MIN(STR(?s)) AS ?first) WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{ns.ID}\")) "
            f"BIND(IF(CONTAINS({rest}, \"/\"), STRBEFORE({rest}, \"/\"), {rest}) AS ?kind) "
            "FILTER(?kind != \"source\") } GROUP BY ?kind"))

    def restate(self, removed, added) -> None:
        """Count the closure as the dumps hold it when statements were restated (``_Build``): the store
        has the build's statements; ``removed`` and ``added`` are N-Triples lines."""
        if not removed and not added:
            return
        per_property = dict(self.per_property)
        described = {t for t in self.described}
        for lines, step in ((removed, -1), (added, 1)):
            for t in ox.parse(b"".join(line + b"\n" for line in lines), format=ox.RdfFormat.N_TRIPLES):
                per_property[t.predicate] = per_property.get(t.predicate, 0) + step
                if t.subject.value in (ns.DATASET_IRI, ns.ONTOLOGY_IRI):
                    (described.discard if step < 0 else described.add)(t)
        self.triples += len(added) - len(removed)
        self.per_property = sorted(((p, n) for p, n in per_property.items() if n), key=lambda x: str(x[0]))
        self.properties = len(self.per_property)
        self.described = sorted(described, key=triple_key)


def dataset_title(triples) -> tuple[str, str | None]:
    """The dataset's title and description, as the curation graph gives them
    for DATASET_IRI; the ontology's are the fallback."""
    found: dict[str, dict[str, str]] = {ns.DATASET_IRI: {}, ns.ONTOLOGY_IRI: {}}
    for t in sorted(triples, key=triple_key):
        if t.subject.value in found and isinstance(t.object, ox.Literal):
            p = t.predicate.value
            if p in (ns.PREFIXES["dct"] + "title", ns.PREFIXES["rdfs"] + "label"):
                found[t.subject.value].setdefault("title", t.object.value)
            elif p in (ns.PREFIXES["dct"] + "description", ns.PREFIXES["rdfs"] + "comment"):
                found[t.subject.value].setdefault("description", t.object.value)
    first = found[ns.DATASET_IRI] if "title" in found[ns.DATASET_IRI] else found[ns.ONTOLOGY_IRI]
    return first.get("title", "International science-and-technology cooperation parks"), first.get("description")


def dataset_publisher(triples) -> ox.NamedNode | ox.Literal | None:
    """Who publishes the dataset, as the data says: the dataset's dct:publisher, else the ontology's,
    else the ontology's dct:creator (an IRI or a name)."""
    by = {(t.subject.value, t.predicate.value): t.object for t in sorted(triples, key=triple_key)}
    dct = ns.PREFIXES["dct"]
    for key in ((ns.DATASET_IRI, dct + "publisher"), (ns.ONTOLOGY_IRI, dct + "publisher"),
                (ns.ONTOLOGY_IRI, dct + "creator")):
        if isinstance(by.get(key), (ox.NamedNode, ox.Literal)):
            return by[key]
    return None


def void_triples(summary: _Summary, built, distributions, description: Description = Description()) -> list:
    """The VoID + DCAT description; ``distributions`` is [(file name, media type, size, sha256)]."""
    N = ox.NamedNode
    P = lambda curie: N(ns.expand_curie(curie))  # noqa: E731
    lit = ox.Literal
    integer = lambda n: lit(str(n), datatype=P("xsd:integer"))  # noqa: E731
    date = lambda text: lit(text, datatype=P("xsd:date"))  # noqa: E731
    ds = N(ns.DATASET_IRI)
    title, desc = dataset_title(summary.described)
    version = description.version
    out = [
        ox.Triple(ds, P("rdf:type"), P("void:Dataset")),
        ox.Triple(ds, P("rdf:type"), P("dcat:Dataset")),
        ox.Triple(ds, P("dct:title"), lit(title, language="en")),
        ox.Triple(ds, P("dct:license"), N(LICENSE)),
        ox.Triple(ds, P("dcat:version"), lit(version)),
        ox.Triple(ds, P("owl:versionInfo"), lit(version)),
        ox.Triple(ds, P("void:vocabulary"), N(ns.ONTOLOGY_IRI)),
        ox.Triple(ds, P("void:triples"), integer(summary.triples)),
        ox.Triple(ds, P("void:distinctSubjects"), integer(summary.subjects)),
        ox.Triple(ds, P("void:properties"), integer(summary.properties)),
        ox.Triple(ds, P("dct:identifier"), lit(built.manifest["hash"][:16])),
    ]
    if desc:
        out.append(ox.Triple(ds, P("dct:description"), lit(desc, language="en")))
    for prop, value in (("dct:issued", description.issued), ("dct:modified", description.modified)):
        if value:
            out.append(ox.Triple(ds, P(prop), date(value)))
    if description.endpoint:
        out.append(ox.Triple(ds, P("void:sparqlEndpoint"), N(description.endpoint)))
    out += _publisher(ds, description.publisher, dataset_publisher(summary.described), P)
    out.append(ox.Triple(ds, P("void:uriSpace"), lit(ns.ID)))
    # entities per class (from the closure: inferred types count)
    out.append(ox.Triple(ds, P("void:classes"), integer(len(summary.per_class))))
    for n, (cls, entities) in enumerate(summary.per_class, 1):
        part = ox.BlankNode(f"class{n:04d}")
        out += [ox.Triple(ds, P("void:classPartition"), part),
                ox.Triple(part, P("void:class"), cls),
                ox.Triple(part, P("void:entities"), integer(entities))]
    for n, (prop, triples) in enumerate(summary.per_property, 1):
        part = ox.BlankNode(f"property{n:04d}")
        out += [ox.Triple(ds, P("void:propertyPartition"), part),
                ox.Triple(part, P("void:property"), prop),
                ox.Triple(part, P("void:triples"), integer(triples))]
    # sources: the source graphs of the build
    for g in sorted(built.manifest.get("graph_files", {})):
        out.append(ox.Triple(ds, P("dct:source"), N(g)))
    # example resources: the first entity (in IRI order) of each entity kind
    for subject in summary.examples:
        out.append(ox.Triple(ds, P("void:exampleResource"), N(subject)))
    for n, (name, media, size, digest) in enumerate(sorted(distributions), 1):
        dist = ox.BlankNode(f"dist{n:02d}")
        ck = ox.BlankNode(f"checksum{n:02d}")
        out += [
            ox.Triple(ds, P("dcat:distribution"), dist),
            ox.Triple(dist, P("rdf:type"), P("dcat:Distribution")),
            ox.Triple(dist, P("dct:title"), lit(name)),
            ox.Triple(dist, P("dcat:downloadURL"), N(DIST_BASE + name)),
            ox.Triple(dist, P("dcat:mediaType"), N(IANA_MEDIA_TYPES + media)),
            ox.Triple(dist, P("dcat:byteSize"), integer(size)),
            ox.Triple(dist, P("dct:license"), N(LICENSE)),
            ox.Triple(dist, P("spdx:checksum"), ck),
            ox.Triple(ck, P("rdf:type"), P("spdx:Checksum")),
            ox.Triple(ck, P("spdx:algorithm"), P("spdx:checksumAlgorithm_sha256")),
            ox.Triple(ck, P("spdx:checksumValue"), lit(digest, datatype=P("xsd:hexBinary"))),
        ]
        if description.modified or description.issued:  # a dump is issued with the version it holds
            out.append(ox.Triple(dist, P("dct:issued"), date(description.modified or description.issued)))
        if name.endswith(".gz"):
            out.append(ox.Triple(dist, P("dcat:compressFormat"), N(IANA_MEDIA_TYPES + GZIP_MEDIA)))
        out.append(ox.Triple(ds, P("void:dataDump"), N(DIST_BASE + name)))
    return out


def _publisher(ds, given: str | None, from_data, P) -> list:
    """``dct:publisher``: an IRI as it is, a name as a foaf:Agent of that name (DCAT: an agent)."""
    if given:
        from_data = ox.NamedNode(given) if "://" in given else ox.Literal(given)
    if from_data is None:
        return []
    if isinstance(from_data, ox.NamedNode):
        return [ox.Triple(ds, P("dct:publisher"), from_data)]
    agent = ox.BlankNode("publisher")
    return [ox.Triple(ds, P("dct:publisher"), agent),
            ox.Triple(agent, P("rdf:type"), P("foaf:Agent")),
            ox.Triple(agent, P("foaf:name"), ox.Literal(from_data.value))]


def void_bytes(statements) -> bytes:
    """Turtle with relative download URLs (resolved against the file's own location)."""
    data = ox.serialize(sorted(statements, key=triple_key), format=ox.RdfFormat.TURTLE,
                        prefixes=used_prefixes(statements), base_iri=DIST_BASE).decode()
    lines = [line for line in data.splitlines() if not line.startswith("@base ")]
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- entry point
def export(project, out_dir=None, gzip: bool = False, only=None, build_if_stale: bool = True,
           reporter=None) -> list[tuple[str, int]]:
    """Write the dumps of the build queries answer from (built first when the inputs changed, unless
    ``build_if_stale`` is False), void.ttl and SHA256SUMS to ``out_dir`` (default: :func:`default_out`);
    returns [(path, size)]."""
    from kg.answering import serving_build
    from kg.progress import SILENT

    out = Path(out_dir) if out_dir is not None else default_out(project)
    check_out(out)  # before a build: a wrong --out is a usage error at once
    return export_built(serving_build(project, build_if_stale=build_if_stale, reporter=reporter or SILENT), out,
                        gzip=gzip, only=only)


def export_built(built, out_dir, gzip: bool = False, only=None, endpoint: str | None = None) -> list[tuple[str, int]]:
    """The dumps of one given build (never rebuilds: a server exports exactly what it serves); ``endpoint``:
    the public SPARQL endpoint serving it (void:sparqlEndpoint)."""
    out = Path(out_dir)
    make_folder(out)
    written, digests = [], {}
    for name, data in dump_files(built, gzip=gzip, only=only, description=Description(endpoint=endpoint)):
        _write(out / name, data)
        written.append((out / name, len(data)))
        digests[name] = hashlib.sha256(data).hexdigest()  # not the bytes: one dump at a time in memory
    _remove_other_dumps(out, set(digests))
    listing = sha256sums(digests)
    _write(out / "SHA256SUMS", listing)
    written.append((out / "SHA256SUMS", len(listing)))
    return [(str(p), size) for p, size in written]


def dump_files(built, *, gzip: bool = False, only=None, stem: str = "kg", void_name: str = "void.ttl",
               description: Description = Description(), restate: bytes = b"") -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of each dump (``{stem}.ttl`` …, ``.gz`` added with ``gzip``), made one at a time,
    then of their VoID description; ``restate`` as for ``_Build``."""
    data_of = _Build(built, restate)
    dists = []
    for kind in (k for k in DUMPS if not only or k in only):
        name, fmt = DUMPS[kind]
        name = stem + Path(name).suffix
        data = data_of.dump(kind)
        if gzip:
            data, name = gzip_bytes(data), name + ".gz"
        dists.append((name, FORMATS[fmt].media_type, len(data), hashlib.sha256(data).hexdigest()))
        yield name, data
    summary = _Summary(built)
    summary.restate(data_of.removed, data_of.added)
    yield void_name, void_bytes(void_triples(summary, built, dists, description))


def sha256sums(digests: dict[str, str]) -> bytes:
    """A SHA256SUMS listing (file name -> SHA-256 in hex), by name, for ``sha256sum -c``."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items())).encode()


def check_out(out: Path) -> None:
    """An output folder that exists must be a folder (``--out /dev/null`` is not)."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder")


def make_folder(out: Path) -> None:
    check_out(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a parent is a file
        raise ExportError(f"cannot create the output folder {out}: a parent is not a folder") from None
    except OSError as exc:
        raise ExportError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None


def _remove_other_dumps(out: Path, keep: set[str]) -> None:
    """Dumps of an earlier export that this one did not write: SHA256SUMS would not list them."""
    for name, _fmt in DUMPS.values():
        for candidate in (name, name + ".gz"):
            if candidate not in keep and (out / candidate).exists():
                try:
                    (out / candidate).unlink()
                except OSError as exc:
                    raise ExportError(f"cannot remove the earlier dump {out / candidate}: {exc.strerror or exc}") \
                        from None
