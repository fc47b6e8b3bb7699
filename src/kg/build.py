"""The build: load, merge, reason, validate, write — content-hashed and atomic.

Artifacts (in ``<build_dir>/current/``, a symbolic link to the newest
generation folder)::

    asserted.nq     ontology graph + source graphs (incl. derived dct:source), sorted N-Quads
    inferred.nq     the cleaned OWL RL inferences, in the graph kgg:inferred, sorted N-Quads
    closure.nt      asserted ∪ inferred as triples, sorted N-Triples
    report.json     the validation report (SHACL + saved checks)
    manifest.json   input hash, kg version, counts, timings, source graphs -> files

Nothing is rebuilt when the inputs have not changed: the hash covers every
input file (ontology, data, shapes, checks) and the kg version.  A build is
written into a temporary folder inside the build folder, renamed to a new
generation folder, and published by atomically replacing the ``current``
link; a failed or interrupted build leaves the previous artifacts intact.

This module imports nothing heavy at the top: checking freshness must stay
cheap so that ``kg query`` starts fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg import __version__
from kg.errors import BuildError
from kg.project import Project

ARTIFACTS = ("asserted.nq", "inferred.nq", "closure.nt", "report.json", "manifest.json")
CURRENT = "current"


@dataclass
class Built:
    """A published build: its folder and its manifest."""

    path: Path
    manifest: dict
    rebuilt: bool = False

    @property
    def conforms(self) -> bool:
        return bool(self.manifest.get("conforms", True))

    def report(self):
        from kg.validate import Report

        return Report.from_dict(json.loads((self.path / "report.json").read_text(encoding="utf-8")))


def input_hash(project: Project) -> str:
    h = hashlib.sha256()
    h.update(f"kg {__version__}\n".encode())
    for path in project.input_files():
        h.update(project.relpath(path).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def current(project: Project) -> Built | None:
    """The published build, if any (fresh or not)."""
    link = project.build_dir / CURRENT
    try:
        path = link.resolve(strict=True)
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Built(path, manifest)


def fresh(project: Project) -> Built | None:
    """The published build when it matches the inputs, else None (cheap)."""
    built = current(project)
    if built is not None and built.manifest.get("hash") == input_hash(project):
        return built
    return None


def ensure_built(project: Project, log=None) -> Built:
    """The fresh build, building it first when missing or stale."""
    return fresh(project) or build(project, log=log)


@contextmanager
def _lock(build_dir: Path):
    import fcntl

    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def sorted_lines(data: bytes) -> bytes:
    """N-Triples / N-Quads bytes with their lines sorted and deduplicated."""
    lines = sorted(set(data.splitlines()))
    return b"".join(line + b"\n" for line in lines if line)


def write_nquads(quads, path: Path) -> None:
    import pyoxigraph as ox

    path.write_bytes(sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)))


def write_ntriples(triples, path: Path) -> None:
    import pyoxigraph as ox

    path.write_bytes(sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))


def build(project: Project, force: bool = False, log=None) -> Built:
    """Build unless fresh (or ``force``); returns the published build."""
    try:
        project.build_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create build folder {project.build_dir}: {exc.strerror or exc}") from None
    with _lock(project.build_dir):
        digest = input_hash(project)
        if not force:
            built = fresh(project)
            if built is not None:
                return built
        return _build_locked(project, digest, log or (lambda msg: None))


def _build_locked(project: Project, digest: str, log) -> Built:
    import pyoxigraph as ox

    from kg import validate as v
    from kg.catalogue import Catalogue
    from kg.load import parse_file, rdflib_graph
    from kg.merge import INFERRED_GRAPH, merge
    from kg.reason import infer
    from kg.store import OxigraphStore

    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def lap(name):
        nonlocal t0
        t = time.perf_counter()
        timings[name] = round(t - t0, 3)
        t0 = t

    log("loading and merging inputs")
    merged = merge(project)
    data_shapes = [q for p in project.data_shape_files() for q in parse_file(p, project.relpath(p))]
    onto_shapes = [q for p in project.ontology_shape_files() for q in parse_file(p, project.relpath(p))]
    catalogue = Catalogue.of(project, checks_only=True)
    lap("load")

    log("reasoning (OWL RL)")
    closure = infer(merged.quads)
    inferred = [ox.Quad(t.subject, t.predicate, t.object, INFERRED_GRAPH) for t in closure.inferred]
    lap("reason")

    log("validating (SHACL and checks)")
    issues = v.shacl_issues(closure.graph, rdflib_graph(data_shapes), "shacl")
    onto_graph = rdflib_graph(merged.ontology)
    issues += v.shacl_issues(onto_graph, rdflib_graph(onto_shapes), "shacl-ontology")
    store = OxigraphStore.from_quads(merged.quads + inferred)
    issues += v.check_issues(store, catalogue.checks())
    focus = {i.focus for i in issues}
    labels = v.labels_of(closure.graph, focus)
    files = _defining_files(merged, focus)
    v.annotate(issues, labels, files)
    report = v.Report(issues)
    lap("validate")

    log("writing artifacts")
    tmp = project.build_dir / f".tmp-{uuid.uuid4().hex}"
    try:
        tmp.mkdir()
        write_nquads(merged.quads, tmp / "asserted.nq")
        write_nquads(inferred, tmp / "inferred.nq")
        write_ntriples([ox.Triple(q.subject, q.predicate, q.object) for q in merged.quads] + list(closure.inferred),
                       tmp / "closure.nt")
        (tmp / "report.json").write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
        closure_count = sum(1 for _ in open(tmp / "closure.nt", "rb"))
        lap("write")
        manifest = {
            "kg_version": __version__,
            "hash": digest,
            "home": str(project.home),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "inputs": [project.relpath(p) for p in project.input_files()],
            "counts": {
                "ontology": len(merged.ontology),
                "asserted": len(merged.quads),
                "asserted_data": len(merged.data),
                "inferred": len(inferred),
                "closure_triples": closure_count,
                "source_graphs": len(merged.graph_files),
            },
            "graph_files": {g: merged.graph_files[g] for g in sorted(merged.graph_files)},
            "conforms": report.conforms,
            "issues": report.counts(),
            "timings": timings,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        generation = project.build_dir / f"gen-{digest[:12]}-{time.time_ns()}"
        os.rename(tmp, generation)
        _publish(project.build_dir, generation)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"cannot write the build in {project.build_dir}: {exc.strerror or exc}; "
                         "the previous build is untouched") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Built(generation, manifest, rebuilt=True)


def _publish(build_dir: Path, generation: Path) -> None:
    """Point ``current`` at the new generation atomically; remove the old ones."""
    link = build_dir / CURRENT
    tmp_link = build_dir / f".current-{uuid.uuid4().hex}"
    os.symlink(generation.name, tmp_link)
    os.replace(tmp_link, link)
    for old in build_dir.glob("gen-*"):
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)
    for stale in build_dir.glob(".tmp-*"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass


def _defining_files(merged, focus: set[str]) -> dict[str, list[str]]:
    """For each focus IRI: the data (or ontology) files where it is a subject."""
    return {f: sorted(merged.subject_files[f]) for f in focus if f in merged.subject_files}
