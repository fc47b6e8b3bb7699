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
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg import namespaces as ns
from kg.errors import ExportError
from kg.files import ends_with_newline, write_whole, writing_whole
from kg.formats import FORMATS, canonical_nquads, jsonld_bytes, triple_key, used_prefixes
from kg.linesort import batch_bytes, distinct_triples, file_blocks, files_blocks, sorted_unique_lines, triple_lines
from kg.memory import usable_cores

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


def _canonical_triples(block: bytes) -> bytes:
    """N-Quads lines as canonical N-Triples lines (a function of the module: sorting processes receive it)."""
    return triple_lines(canonical_nquads(block))


class _Build:
    """The built dataset as sorted, distinct, canonical N-Quads lines (an external sort: memory of one run,
    whatever the graph's size), streamed for N-Quads and N-Triples and parsed into terms only for the
    formats that need them. The sorted lines are kept in ``scratch`` when more than one dump reads them.

    ``restate``: statements (N-Quads lines) that replace, in every graph, the build's statements of the
    same subject and predicate (kg release writes the ontology's version this way)."""

    def __init__(self, built, folder: Path, restate: bytes = b"", passes: int = 1, advance=None):
        self.built, self.folder, self.passes = built, folder, passes
        self.keys, self.new = _restatement(restate)
        self.path = self._scratch = None
        self._triples = self._quads = None
        self._advance = advance  # a step's advance(done, total, detail), told of the bytes read to sort

    def close(self) -> None:
        """Remove what was written beside the dumps."""
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def _blocks(self) -> Iterator[bytes]:
        paths = [self.built.path / name for name in ("asserted.nq", "inferred.nq")]
        for block in files_blocks(paths, self._advance, "MiB of statements read and sorted"):
            yield _without(block, self.keys) if self.keys else block
        yield self.new

    def _sorted(self) -> Iterator[list[bytes]]:
        return sorted_unique_lines(self._blocks(), self.folder, transform=canonical_nquads, workers=usable_cores())

    def nquad_batches(self) -> Iterator[list[bytes]]:
        """The dataset's lines, sorted, in batches (lists of lines without their newline)."""
        if self.path is None and self.passes > 1:
            self._scratch = Path(tempfile.mkdtemp(prefix=".kg-export-", dir=self.folder))
            self.path = self._scratch / "dataset.nq"
            with open(self.path, "wb") as f:
                f.writelines(batch_bytes(batch) for batch in self._sorted())
        if self.path is None:
            return self._sorted()
        return (block.splitlines() for block in file_blocks(self.path))

    def ntriple_batches(self) -> Iterator[list[bytes]]:
        """The closure's triples, sorted, in batches (as nquad_batches)."""
        if self.passes > 1:  # the sorted quads are kept for the other dumps: their triples
            return distinct_triples(self.nquad_batches())
        # Only triples are wanted: sorting them rather than the quads sorts fewer lines (a triple stated in
        # several graphs has a line in each) and a third fewer bytes, into the same order (kg.linesort)
        return sorted_unique_lines(self._blocks(), self.folder, transform=_canonical_triples, workers=usable_cores())

    @property
    def triples(self) -> list:
        if self._triples is None:
            data = b"".join(batch_bytes(batch) for batch in self.ntriple_batches())
            self._triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return self._triples

    @property
    def quads(self) -> list:
        """Grouped by graph, so that TriG writes each graph once."""
        if self._quads is None:
            data = b"".join(batch_bytes(batch) for batch in self.nquad_batches())
            self._quads = sorted(ox.parse(data, format=ox.RdfFormat.N_QUADS),
                                 key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        return self._quads

    def chunks(self, kind: str, summary: "_Summary") -> Iterator[bytes]:
        """The bytes of one dump, in pieces; the N-Triples dump tells ``summary`` each triple on its way."""
        fmt = DUMPS[kind][1]
        if fmt == "nt":
            return (batch_bytes(summary.count(batch)) for batch in self.ntriple_batches())
        if fmt == "nq":
            return (batch_bytes(batch) for batch in self.nquad_batches())
        if fmt == "jsonld":
            return iter([jsonld_bytes(self.triples)])
        statements = self.quads if fmt == "trig" else self.triples
        return iter([ends_with_newline(ox.serialize(statements, format=FORMATS[fmt].rdf,
                                                    prefixes=used_prefixes(statements)))])


def _restatement(restate: bytes) -> tuple[set[tuple[bytes, bytes]], bytes]:
    """The (subject, predicate) pairs ``restate`` gives statements of, and its lines."""
    new = [line for line in restate.splitlines() if line]
    return {tuple(line.split(b" ", 2)[:2]) for line in new}, b"".join(line + b"\n" for line in new)


def _without(block: bytes, keys: set) -> bytes:
    """The lines of ``block`` whose subject and predicate are not among ``keys``."""
    return b"".join(line + b"\n" for line in block.splitlines() if tuple(line.split(b" ", 2)[:2]) not in keys)


class _Sink:
    """A binary file that counts and hashes what is written through it."""

    def __init__(self, f):
        self.f, self.size, self.sha256 = f, 0, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.f.write(data)
        self.size += len(data)
        self.sha256.update(data)
        return len(data)

    def flush(self) -> None:
        self.f.flush()


def _write_pieces(path: Path, pieces, gzip: bool = False) -> tuple[int, str]:
    """Write ``pieces`` (bytes) to ``path`` whole (kg.files.writing_whole), gzip'd if asked (with no name
    and no time in the header: the same pieces give the same bytes); returns the file's size and SHA-256."""
    with writing_whole(path) as f:
        sink = _Sink(f)
        if gzip:
            with gz.GzipFile(filename="", mode="wb", fileobj=sink, mtime=0, compresslevel=9) as z:
                for piece in pieces:
                    z.write(piece)
        else:
            for piece in pieces:
                sink.write(piece)
    return sink.size, sink.sha256.hexdigest()


# ---------------------------------------------------------------- VoID / DCAT
_RDF_TYPE_IRI = f"<{RDF_TYPE}>".encode()
_DESCRIBED = {f"<{ns.DATASET_IRI}>".encode(), f"<{ns.ONTOLOGY_IRI}>".encode()}
_ENTITY = f"<{ns.ID}".encode()


class _Summary:
    """What the VoID description says of the closure, counted from the N-Triples dump's lines as they go
    by (sorted: a subject's lines are adjacent), in one pass and memory of the counts; without an
    N-Triples dump, by a pass of its own."""

    def __init__(self):
        self.triples = self.subjects = 0
        self._per_property: dict[bytes, int] = {}
        self._per_class: dict[bytes, int] = {}
        self._described: list[bytes] = []
        self._examples: dict[str, str] = {}
        self._subject = None

    def count(self, batch: list[bytes]) -> list[bytes]:
        """Count a batch of the closure's distinct N-Triples lines (sorted, without their newline; the
        batches given in order) and return it."""
        subjects = [line[:line.find(b" ")] for line in batch]  # neither a subject nor a predicate holds a space
        predicates = [line[len(s) + 1:line.find(b" ", len(s) + 1)] for line, s in zip(batch, subjects)]
        self.triples += len(batch)
        per_property = self._per_property
        for p, n in Counter(predicates).items():
            per_property[p] = per_property.get(p, 0) + n
        per_class = self._per_class
        for line, p in zip(batch, predicates):
            if p == _RDF_TYPE_IRI:
                o = line.split(b" ", 2)[2]
                if o.startswith(b"<"):
                    c = o[:o.index(b">") + 1]
                    per_class[c] = per_class.get(c, 0) + 1
        self._described += [line for line, s in zip(batch, subjects) if s in _DESCRIBED]
        new = [s for s in dict.fromkeys(subjects) if s != self._subject]
        if new:
            self._subject = subjects[-1]
            self.subjects += len(new)
            for s in new:
                if s.startswith(_ENTITY):
                    self._example(s[1:-1].decode("utf-8"))
        return batch

    def _example(self, iri: str) -> None:
        """The first entity (in IRI order) of each entity kind but sources."""
        rest = iri[len(ns.ID):]
        kind = rest.split("/", 1)[0]
        if kind != "source" and (kind not in self._examples or iri < self._examples[kind]):
            self._examples[kind] = iri

    @property
    def properties(self) -> int:
        return len(self._per_property)

    @property
    def per_class(self) -> list:
        return sorted(((ox.NamedNode(c[1:-1].decode("utf-8")), n) for c, n in self._per_class.items()),
                      key=lambda x: str(x[0]))

    @property
    def per_property(self) -> list:
        return sorted(((ox.NamedNode(p[1:-1].decode("utf-8")), n) for p, n in self._per_property.items()),
                      key=lambda x: str(x[0]))

    @property
    def described(self) -> list:
        return sorted(ox.parse(batch_bytes(self._described), format=ox.RdfFormat.N_TRIPLES), key=triple_key)

    @property
    def examples(self) -> list[str]:
        return sorted(self._examples.values())


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
    reporter = reporter or SILENT
    return export_built(serving_build(project, build_if_stale=build_if_stale, reporter=reporter), out,
                        gzip=gzip, only=only, reporter=reporter)


def export_built(built, out_dir, gzip: bool = False, only=None, endpoint: str | None = None,
                 reporter=None) -> list[tuple[str, int]]:
    """The dumps of one given build (never rebuilds: a server exports exactly what it serves); ``endpoint``:
    the public SPARQL endpoint serving it (void:sparqlEndpoint); ``reporter`` shows the dumps being written
    as one step."""
    from kg.progress import SILENT

    out = Path(out_dir)
    make_folder(out)
    written, digests = [], {}
    with (reporter or SILENT).step("writing the dumps") as step:
        for name, size, digest in dump_files(built, out, gzip=gzip, only=only,
                                             description=Description(endpoint=endpoint), step=step):
            written.append((out / name, size))
            digests[name] = digest
        step.done(f"{len(written)} files, {sum(size for _, size in written)} bytes")
    _remove_other_dumps(out, set(digests))
    listing = sha256sums(digests)
    _written(out / "SHA256SUMS", lambda: write_whole(out / "SHA256SUMS", listing))
    written.append((out / "SHA256SUMS", len(listing)))
    return [(str(p), size) for p, size in written]


def dump_files(built, folder: Path, *, gzip: bool = False, only=None, stem: str = "kg", void_name: str = "void.ttl",
               description: Description = Description(), restate: bytes = b"",
               step=None) -> Iterator[tuple[str, int, str]]:
    """Write each dump (``{stem}.ttl`` …, ``.gz`` added with ``gzip``) into ``folder``, one at a time, then
    their VoID description; yields each file's name, size and SHA-256 once it is written. ``restate`` as
    for ``_Build``. N-Triples and N-Quads are streamed (memory of one sort run); the other formats hold
    the graph's terms. ``step`` (a progress step) is told the MiB read to sort and the lines written."""
    advance = step.advance if step is not None else None
    kinds = [k for k in DUMPS if not only or k in only]
    data_of = _Build(built, folder, restate, passes=len(kinds) + ("nt" not in kinds), advance=advance)
    summary = _Summary()
    dists = []
    try:
        for kind in kinds:
            name, fmt = DUMPS[kind]
            name = stem + Path(name).suffix + (".gz" if gzip else "")
            if advance is not None:  # the dump's name, shown while the dumps that are not streamed are made whole
                advance(0, None, f"making {name}")
            pieces = _lines_told(data_of.chunks(kind, summary), advance, name)
            size, digest = _written(folder / name, lambda: _write_pieces(folder / name, pieces, gzip=gzip))
            dists.append((name, FORMATS[fmt].media_type, size, digest))
            yield name, size, digest
        if "nt" not in kinds:  # no N-Triples dump counted the closure on its way
            def count_all():
                for batch in data_of.ntriple_batches():
                    summary.count(batch)

            _written(folder / void_name, count_all)
    finally:
        data_of.close()
    void = void_bytes(void_triples(summary, built, dists, description))
    _written(folder / void_name, lambda: write_whole(folder / void_name, void))
    yield void_name, len(void), hashlib.sha256(void).hexdigest()


def _lines_told(pieces: Iterator[bytes], advance, name: str) -> Iterator[bytes]:
    """``pieces`` as they are, each piece's lines counted to ``advance`` (when given) as written to ``name``."""
    if advance is None:
        yield from pieces
        return
    lines = 0
    for piece in pieces:
        lines += piece.count(b"\n")
        advance(lines, None, f"lines written to {name}")
        yield piece


def _written(path: Path, write):
    """``write()``'s result, or an ExportError naming ``path``, the file being made, when it fails."""
    try:
        return write()
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


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
