"""What a server serves: its private snapshot of a build, the dumps, the saved queries, and the descriptions.

Owns :class:`Snapshot` (the server's own copy of the served build, so that
a rebuild while it runs changes nothing for it), :class:`Dataset` (the
snapshot's store or N-Quads files, the dumps of exactly that build, the
spool folder of large answers), :class:`SavedQueries` (``queries/*.rq`` as
they are now, each parsed once per change), the VoID/DCAT description the
landing page shows (read from the export's ``void.ttl``) and the SPARQL 1.1
Service Description of the endpoint.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg import __version__
from kg import namespaces as ns
from kg.errors import KgError
from kg.export import media_type_name
from kg.formats import FORMATS
from kg.serve.limits import HttpError

# W3C vocabularies of the service description (kg.namespaces holds the project's own)
SD = "http://www.w3.org/ns/sparql-service-description#"
W3C_FORMATS = "http://www.w3.org/ns/formats/"
ENTAILMENT = "http://www.w3.org/ns/entailment/"
# the W3C names (http://www.w3.org/ns/formats/) of the formats kg.formats can answer in
SD_FORMATS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
              "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD",
              "rdfxml": "RDF_XML"}


def _dump_media() -> dict[str, str]:
    """File name -> media type of what /dumps serves: kg.export's table, plus its two side files."""
    from kg.export import DUMP_MEDIA as dumps

    return dumps | {"void.ttl": FORMATS["turtle"].media_type, "SHA256SUMS": FORMATS["text"].media_type}


DUMP_MEDIA = _dump_media()


class Snapshot:
    """The server's private copy of what it serves, in a temporary folder it owns.

    ``kg build`` deletes the generation folders it replaces, and a running
    server starts new workers (after a timeout) long after it started: so the
    workers never read the build folder.  At start the served files are
    hard-linked into the snapshot where the file system allows (``link``: the
    build writes new files and never changes old ones, so a link is as good
    as a copy), else copied.  The dumps of the served build and the spool of
    large answers are here too.  :meth:`remove` deletes it (at shutdown; at
    interpreter exit at the latest)."""

    def __init__(self, files: dict[str, Path], link: bool = True):
        import tempfile
        import weakref

        self.path = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        self._finalizer = weakref.finalize(self, _remove_tree, self.path)
        src = None
        try:
            for name, src in files.items():
                (self.path / name).parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(Path(src), self.path / name, link)
        except OSError as exc:
            self.remove()
            raise KgError(f"cannot copy {src} for the server: {exc.strerror or exc}") from None
        (self.path / "spool").mkdir()

    def remove(self) -> None:
        self._finalizer()

    @property
    def removed(self) -> bool:
        return not self._finalizer.alive


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _link_or_copy(src: Path, dst: Path, link: bool = True) -> None:
    import shutil

    if link:
        try:
            os.link(src, dst)
            return
        except OSError:  # another file system, or links not allowed: copy
            pass
    shutil.copy2(src, dst)


@dataclass
class Dataset:
    """What a server serves: N-Quads files and, for a kg project, its build, catalogue and dumps.

    ``files`` and ``built.path`` point into the server's :class:`Snapshot`,
    never into the project's build folder."""

    files: list[Path]
    snapshot: Snapshot
    project: Any = None
    built: Any = None
    title: str = "SPARQL endpoint"
    endpoint: str | None = None  # the public SPARQL endpoint (void:sparqlEndpoint of the dumps' void.ttl)
    _dumps_lock: threading.Lock = field(default_factory=threading.Lock)
    _queries: SavedQueries | None = None

    @classmethod
    def of_project(cls, project) -> Dataset:
        """The project's build (built first when missing or stale: at start, never in a request), snapshotted."""
        from kg.builds import ARTIFACTS, STORE
        from kg.answering import serving_build
        from kg.progress import Reporter

        built = serving_build(project, reporter=Reporter(quiet=False, tty=False))
        files = {name: built.path / name for name in ARTIFACTS if (built.path / name).is_file()}
        files.update({f"{STORE}/{f.name}": f for f in sorted(built.store_path.iterdir()) if f.is_file()})
        snap = Snapshot(files)
        return cls(files=[snap.path / STORE], snapshot=snap, project=project, built=replace(built, path=snap.path))

    @classmethod
    def of_files(cls, files, title: str) -> Dataset:
        """Any N-Quads files, copied (not linked: such files may be edited in place)."""
        paths = [Path(f) for f in files]
        for f in paths:
            if not f.is_file():
                raise KgError(f"no such N-Quads file: {f}")
        names = [f"{i:03d}-{f.name}" for i, f in enumerate(paths)]
        snap = Snapshot(dict(zip(names, paths)), link=False)
        return cls(files=[snap.path / n for n in names], snapshot=snap, title=title)

    @property
    def spool(self) -> str:
        return str(self.snapshot.path / "spool")

    def close(self) -> None:
        self.snapshot.remove()

    def dumps_dir(self) -> Path | None:
        """The export of the served build (dumps, void.ttl, SHA256SUMS), written on first use into the snapshot.

        ``export_built`` writes exactly the build this server serves and never
        builds: a request never runs a build."""
        if self.project is None:
            return None
        out = self.snapshot.path / "dumps"
        with self._dumps_lock:
            if self.snapshot.removed:
                raise HttpError(503, "the server is shutting down", {"Retry-After": "1"})
            if not (out / "SHA256SUMS").is_file():
                from kg.export import export_built

                export_built(self.built, out, endpoint=self.endpoint)
        return out

    def saved_queries(self) -> SavedQueries | None:
        if self.project is None:
            return None
        if self._queries is None:
            self._queries = SavedQueries(self.project)
        return self._queries

    def void(self) -> dict:
        """The dataset description read from the export's void.ttl (title, licence, counts, dumps)."""
        import pyoxigraph as ox

        out = self.dumps_dir()
        if out is None:
            return {}
        triples = ox.parse(path=str(out / "void.ttl"), format=ox.RdfFormat.TURTLE, base_iri=f"file://{out.as_posix()}/")
        void, dct, dcat, spdx = (ns.PREFIXES[p] for p in ("void", "dct", "dcat", "spdx"))
        by_subject: dict[str, dict[str, list]] = {}
        for t in triples:
            by_subject.setdefault(str(t.subject), {}).setdefault(t.predicate.value, []).append(t.object)
        top = by_subject.get(f"<{ns.DATASET_IRI}>", {})

        def one(node: dict, p: str):
            v = node.get(p)
            return v[0].value if v else None

        d: dict = {key: one(top, p) for key, p in (
            ("title", dct + "title"), ("description", dct + "description"), ("license", dct + "license"),
            ("version", dcat + "version"), ("identifier", dct + "identifier"), ("triples", void + "triples"),
            ("subjects", void + "distinctSubjects"), ("properties", void + "properties"),
            ("nclasses", void + "classes"))}
        d["classes"] = sorted(((one(by_subject.get(str(part), {}), void + "class"),
                                int(one(by_subject.get(str(part), {}), void + "entities") or 0))
                               for part in top.get(void + "classPartition", [])), key=lambda c: -c[1])
        d["dumps"] = []
        for dist in top.get(dcat + "distribution", []):
            node = by_subject.get(str(dist), {})
            ck = by_subject.get(str(node.get(spdx + "checksum", [None])[0]), {})
            d["dumps"].append({"name": one(node, dct + "title"), "media": media_type_name(one(node, dcat + "mediaType") or ""),
                               "size": int(one(node, dcat + "byteSize") or 0),
                               "sha256": one(ck, spdx + "checksumValue")})
        d["dumps"].sort(key=lambda x: x["name"])
        d["sources"] = sorted(v.value for v in top.get(dct + "source", []))
        d["examples"] = sorted(v.value for v in top.get(void + "exampleResource", []))
        return d


def service_description(dataset: Dataset, index: dict, settings, fmt: str) -> bytes:
    """The SPARQL 1.1 Service Description: sd:endpoint is the configured public address (--base-url)."""
    import pyoxigraph as ox

    from kg.formats import serialize_triples, used_prefixes

    N, L, T = ox.NamedNode, ox.Literal, ox.Triple
    rdf, void, dct = ns.PREFIXES["rdf"], ns.PREFIXES["void"], ns.PREFIXES["dct"]
    xsd_int = N(ns.PREFIXES["xsd"] + "integer")
    svc = endpoint = N(settings.endpoint)
    t = [T(svc, N(rdf + "type"), N(SD + "Service")),
         T(svc, N(SD + "endpoint"), endpoint),
         T(svc, N(SD + "supportedLanguage"), N(SD + "SPARQL11Query")),
         T(svc, N(SD + "feature"), N(SD + "UnionDefaultGraph")),
         T(svc, N(SD + "defaultEntailmentRegime"), N(ENTAILMENT + "Simple")),
         T(svc, N(dct + "title"), L(f"{dataset.title} (kg {__version__}, read-only)")),
         T(svc, N(ns.PREFIXES["rdfs"] + "comment"), L(
             f"Read-only. Queries stop after {settings.timeout:g} s; answers are cut at {settings.max_rows} rows "
             f"or {settings.max_bytes} bytes; SERVICE and FROM of graphs outside the dataset are refused; "
             f"the default graph is the union of the named graphs (OWL RL inferences in <{ns.INFERRED_GRAPH}>)."))]
    t += [T(svc, N(SD + "resultFormat"), N(W3C_FORMATS + name)) for name in SD_FORMATS.values()]
    ds = N(ns.DATASET_IRI) if dataset.project is not None else ox.BlankNode("dataset")
    dg = ox.BlankNode("defaultGraph")
    t += [T(svc, N(SD + "defaultDataset"), ds),
          T(ds, N(rdf + "type"), N(SD + "Dataset")),
          T(ds, N(SD + "defaultGraph"), dg),
          T(dg, N(rdf + "type"), N(SD + "Graph")),
          T(dg, N(void + "triples"), L(str(index["default_triples"]), datatype=xsd_int))]
    if dataset.project is not None:
        t.append(T(ds, N(void + "sparqlEndpoint"), endpoint))
    for n, (g, count) in enumerate(sorted(index["graphs"].items()), 1):
        ng, gr = ox.BlankNode(f"named{n:03d}"), ox.BlankNode(f"graph{n:03d}")
        t += [T(ds, N(SD + "namedGraph"), ng),
              T(ng, N(rdf + "type"), N(SD + "NamedGraph")),
              T(ng, N(SD + "name"), N(g)),
              T(ng, N(SD + "graph"), gr),
              T(gr, N(rdf + "type"), N(SD + "Graph")),
              T(gr, N(void + "triples"), L(str(count), datatype=xsd_int))]
    if fmt in ("turtle", "rdfxml"):
        prefixes = {"sd": SD, **used_prefixes(t)}  # the project prefixes (kg.namespaces) the triples use
        return ox.serialize(sorted(t, key=str), format=FORMATS[fmt].rdf, prefixes=prefixes) + b"\n"
    return serialize_triples(t, fmt)


class SavedQueries:
    """The project's saved queries (``queries/*.rq``), read from the working copy as they are now.

    Each file is parsed once per change (size and mtime); a file that does
    not parse is kept with its one-line error, so one bad query spoils only
    itself: the landing page lists it with the error, and using it answers
    500 with the message."""

    def __init__(self, project):
        self.project = project
        self._cache: dict[Path, tuple[tuple, Any]] = {}
        self._lock = threading.Lock()

    def _read(self, path: Path, is_check: bool):
        from kg.catalogue import read_query

        try:
            st = path.stat()
        except OSError:
            return None  # removed meanwhile
        key = (st.st_mtime_ns, st.st_size, is_check)
        hit = self._cache.get(path)
        if hit is None or hit[0] != key:
            display = self.project.relpath(path)
            try:
                value: Any = read_query(path, is_check=is_check, display=display)
            except KgError as exc:
                value = exc
            except (OSError, UnicodeDecodeError) as exc:
                value = KgError(f"{display}: cannot be read: {exc}")
            hit = (key, value)
            self._cache[path] = hit
        return hit[1]

    def entries(self, checks: bool = False) -> list[tuple[str, Any]]:
        """[(name, SavedQuery or the KgError reading it)] of ``queries/*.rq`` by name (``checks``: of the checks)."""
        with self._lock:
            paths = self.project.check_files() if checks else self.project.query_files()
            out = [(path.stem, q) for path in paths if (q := self._read(path, checks)) is not None]
            if not checks:  # forget the files that are gone
                keep = set(paths) | set(self.project.check_files())
                for gone in set(self._cache) - keep:
                    del self._cache[gone]
        return sorted(out, key=lambda e: e[0])

    def usable(self) -> list:
        return [q for _, q in self.entries() if not isinstance(q, Exception)]

    def declared_for(self, text: str) -> list | None:
        """The parameters a saved query declares, when ``text`` is that query's text (the query page sends
        it as it is): they are then bound as ``kg query NAME`` binds them, by their types; else None."""
        for q in self.usable():
            if q.text == text:
                return q.params
        return None

    def get(self, name: str):
        """The saved query ``name``; 404 (with suggestions) when there is none, 500 when it does not parse."""
        from kg.catalogue import Catalogue

        entries = dict(self.entries())
        found = entries.get(name)
        if found is None:  # a check can be opened by name too, as ``kg query NAME`` does
            found = dict(self.entries(checks=True)).get(name)
        if isinstance(found, Exception):
            raise HttpError(500, f"the saved query {name!r} cannot be used: {found}")
        if found is not None:
            return found
        try:
            Catalogue([q for q in entries.values() if not isinstance(q, Exception)]).get(name)
        except KgError as exc:  # UnknownQueryError, with the close names
            raise HttpError(404, str(exc)) from None
        raise HttpError(404, f"no saved query named {name!r}")
