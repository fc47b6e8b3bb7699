"""The build: load, merge, reason, validate, write — content-hashed and atomic.

Artifacts of a build (a generation folder ``<build_dir>/gen-…``)::

    store/          the dataset as an on-disk Oxigraph store, laid out for
                    queries (kg.store): opened read-only by query, describe,
                    stats, export and serve, at no cost proportional to its size
    asserted.nq     ontology graph + source graphs (incl. derived dct:source), N-Quads in input order
                    (the ontology files, then the data files, by name; each as written), once each
    inferred.nq     the cleaned OWL RL inferences, in the graph kgg:inferred, N-Quads in the rules
                    engine's order (sorted when owlrl reasoned); ``kg export`` writes sorted dumps
    report.json     the validation report (SHACL + saved checks)
    manifest.json   input hash, kg version, engines, counts, timings, graphs -> files

Two links name generations: ``latest`` is the newest build of the inputs,
conforming or not; ``current`` is the newest *conforming* one, the build that
queries answer from.  A build that does not conform is written and kept as
``latest`` (``kg validate`` reads its report) but does not replace
``current`` unless asked to (``allow_invalid``).

Nothing is rebuilt when the inputs have not changed: the hash covers every
input file (ontology, data, shapes, saved queries and checks) and the kg
version.  A build is written into a temporary folder, renamed, and published
by atomically replacing the links; a failed or interrupted build leaves the
previous artifacts intact.

This module imports nothing heavy at the top: checking freshness must stay
cheap so that ``kg query`` starts fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg import __version__
from kg.errors import BuildError, KgError
from kg.progress import SILENT, Reporter
from kg.project import Project

ARTIFACTS = ("asserted.nq", "inferred.nq", "report.json", "manifest.json")
CLOSURE = "closure.nt"  # the closure's triples while the stores load them
STORE = "store"
# What the store holds where (kg.store's docstring); a store of another layout is never reused.
STORE_LAYOUT = "closure-default-graph/1"
CURRENT = "current"
LATEST = "latest"
REASONERS = ("rules", "owlrl")
VALIDATORS = ("fast", "pyshacl")


@dataclass
class Built:
    """A published build: its folder and its manifest."""

    path: Path
    manifest: dict
    rebuilt: bool = False

    @property
    def conforms(self) -> bool:
        return bool(self.manifest.get("conforms", True))

    @property
    def store_path(self) -> Path:
        return self.path / STORE

    def report(self):
        from kg.report import Report

        return Report.from_dict(json.loads((self.path / "report.json").read_text(encoding="utf-8")))


def input_digests(project: Project) -> dict[str, str]:
    """The SHA-256 of every input file, by path relative to the working copy.

    A file's digest is remembered in the build folder with its size and
    modification time (as git's index does), so a fresh ``kg query`` reads
    no input file that has not changed."""
    cache_path = project.build_dir / ".input-hashes.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh_cache, digests = {}, {}
    for path in project.input_files():
        st = path.stat()
        key = str(path)
        stamp = [st.st_size, st.st_mtime_ns]
        entry = cache.get(key)
        if entry is not None and entry[:2] == stamp and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            digest = entry[2]
        else:  # new, changed, or modified so recently that a second change could keep its time stamp
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        fresh_cache[key] = stamp + [digest]
        digests[project.relpath(path)] = digest
    if fresh_cache != cache and project.build_dir.is_dir():
        try:
            tmp = cache_path.with_name(f".input-hashes-{os.getpid()}-{time.time_ns()}")
            tmp.write_text(json.dumps(fresh_cache), encoding="utf-8")
            os.replace(tmp, cache_path)
        except OSError:  # a read-only build folder: hash again next time
            pass
    return digests


def input_hash(project: Project, digests: dict[str, str] | None = None) -> str:
    """The hash of every input file's path and content, and of the kg version."""
    h = hashlib.sha256()
    h.update(f"kg {__version__}\n".encode())
    for relpath, digest in (digests or input_digests(project)).items():
        h.update(relpath.encode() + b"\0")
        h.update(bytes.fromhex(digest))
    return h.hexdigest()


def _read(project: Project, link: str) -> Built | None:
    try:
        path = (project.build_dir / link).resolve(strict=True)
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Built(path, manifest)


def current(project: Project) -> Built | None:
    """The build queries answer from (the newest conforming one), fresh or not."""
    return _read(project, CURRENT)


def latest(project: Project) -> Built | None:
    """The newest build, conforming or not."""
    return _read(project, LATEST) or current(project)


def fresh(project: Project) -> Built | None:
    """The newest build when it matches the inputs, else None (cheap)."""
    built = latest(project)
    if built is not None and built.manifest.get("hash") == input_hash(project):
        return built
    return None


def ensure_built(project: Project, reporter: Reporter = SILENT) -> Built:
    """The newest build of the inputs, building it first when missing or stale."""
    built = fresh(project)
    if built is not None:
        return built
    reporter.note("the build is missing or stale: building first")
    return build(project, reporter=reporter)


def open_store(project: Project, build: bool = True, reporter: Reporter = SILENT):
    """A read-only store over the build that queries answer from.

    With ``build`` the inputs are checked (cheaply) and built first when
    they changed; without, the current build answers, with a warning when
    the inputs changed since.  When the newest build does not conform, the
    last conforming one answers and the reporter says so."""
    from kg.store import OxigraphStore

    built = serving_build(project, build=build, reporter=reporter)
    return OxigraphStore.open(built.store_path, asserted=built.path / "asserted.nq")


def serving_build(project: Project, build: bool = True, reporter: Reporter = SILENT) -> Built:
    """The build queries answer from (see open_store)."""
    newest = ensure_built(project, reporter) if build else latest(project)
    if newest is None:
        raise BuildError(f"there is no build in {project.build_dir}: run kg build")
    if not build and newest.manifest.get("hash") != input_hash(project):
        reporter.note("warning: the inputs changed since the build; answering from the build of "
                      f"{newest.manifest.get('built_at', '?')} (run kg build to update it)")
    if newest.conforms:
        return newest
    good = current(project)
    if good is None or good.manifest.get("hash") == newest.manifest.get("hash"):
        if good is not None:  # published anyway (--allow-invalid)
            reporter.note("warning: the current build does not conform (published with --allow-invalid)")
            return good
        raise BuildError("the build does not conform and there is no earlier conforming build to answer from; "
                         "kg validate shows why (kg build --allow-invalid publishes it anyway)")
    reporter.note("warning: the newest build does not conform (kg validate shows why); answering from the "
                  f"last conforming build, of {good.manifest.get('built_at', '?')}")
    return good


@contextmanager
def _lock(build_dir: Path, reporter: Reporter):
    import fcntl

    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            reporter.note(f"waiting for another kg build in {build_dir} to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(project: Project, force: bool = False, reporter: Reporter = SILENT, reasoner: str = "rules",
          validator: str = "fast", allow_invalid: bool = False) -> Built:
    """Build unless fresh (or ``force``); returns the newest build (see the module docstring for which one
    queries use)."""
    if reasoner not in REASONERS:
        raise BuildError(f"unknown reasoner {reasoner!r} (known: {', '.join(REASONERS)})")
    if validator not in VALIDATORS:
        raise BuildError(f"unknown validator {validator!r} (known: {', '.join(VALIDATORS)})")
    first = not project.build_dir.exists()
    try:
        project.build_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create build folder {project.build_dir}: {exc.strerror or exc}") from None
    if first:
        reporter.note(f"building {project.home} into {project.build_dir}")
    with _lock(project.build_dir, reporter):
        digests = input_digests(project)
        digest = input_hash(project, digests)
        if not force:
            built = fresh(project)
            if built is not None:
                if allow_invalid and not built.conforms:
                    _publish(project.build_dir, built.path, good=True)
                return built
        return _build_locked(project, digest, digests, reporter, reasoner, validator, allow_invalid)


class _Timer:
    """Wall and CPU seconds per step, for the manifest."""

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._t, self._c = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        t, c = time.perf_counter(), time.process_time()
        self.wall[name] = round(t - self._t, 3)
        self.cpu[name] = round(c - self._c, 3)
        self._t, self._c = t, c


def _build_locked(project: Project, digest: str, digests: dict[str, str], reporter: Reporter, reasoner: str,
                  validator: str, allow_invalid: bool) -> Built:
    import uuid

    import pyoxigraph as ox

    from kg import validate as v
    from kg.catalogue import Catalogue
    from kg.load import parse_file
    from kg.merge import INFERRED_GRAPH, merge
    from kg.profile import PROFILE_SHAPES, profile_shapes
    from kg.reason import infer
    from kg.report import Report
    from kg.store import OxigraphStore

    timer = _Timer()
    tmp = project.build_dir / f".tmp-{uuid.uuid4().hex}"
    loader: _StoreLoader | None = None
    memory: _StoreLoader | None = None
    pending = None  # the saved checks (kg.validate.CheckRun), once started
    try:
        tmp.mkdir()
        with reporter.step("loading inputs") as step:
            merged = merge(project, log=lambda n, total, name: step.advance(n, total, name))
            data_shapes = {project.relpath(p): parse_file(p, project.relpath(p)) for p in project.data_shape_files()}
            data_shapes[PROFILE_SHAPES] = profile_shapes(merged.ontology)
            onto_shapes = {project.relpath(p): parse_file(p, project.relpath(p))
                           for p in project.ontology_shape_files()}
            catalogue = Catalogue.of(project)
            catalogue.check_syntax()
            step.done(f"{len(project.data_files())} data files, {len(merged.graph_files)} source graphs, "
                      f"{len(merged.quads)} statements")
            # Two stores are written by Oxigraph in threads of their own (it releases the GIL) while
            # reasoning and SHACL run in Python: the build's on-disk store, and one in memory that
            # SHACL's SPARQL parts and the saved checks query (string functions on a million terms
            # cost four times as much on disk, where every term is read back from RocksDB).
            file_statements = {display: end - start for display, _which, start, end in merged.file_ranges}
            memory = _StoreLoader(None)
            loader = _StoreLoader(tmp / STORE)
            previous = _reusable(project, digests, file_statements)
            asserted = _lines(ox.serialize(merged.quads, format=ox.RdfFormat.N_QUADS))
            (tmp / "asserted.nq").write_bytes(asserted)
            memory.load_file(tmp / "asserted.nq")
            if previous is None:
                loader.load_file(tmp / "asserted.nq")
            else:
                loader.reuse(previous)
        timer.lap("load")

        with reporter.step("reasoning (OWL RL)") as step:
            # an inconsistency is a violation of the report, on its node, not the end of the build
            inference = infer(merged.quads, reasoner, collect=True)
            if inference.note:
                reporter.note(inference.note)
            step.done(f"{len(inference.inferred)} triples inferred ({inference.engine})")
            # The fast validator reads the reasoner's index: the parsed statements can go (at a million
            # statements they are the largest thing in memory).
            fast = validator == "fast" and inference.index is not None
            if fast:
                merged.release_statements()
        timer.lap("reason")

        with reporter.step("writing the dataset") as step:
            inferred = _lines(ox.serialize(
                (ox.Quad(t.subject, t.predicate, t.object, INFERRED_GRAPH) for t in inference.inferred),
                format=ox.RdfFormat.N_QUADS), ordered=inference.engine == "rules")
            (tmp / "inferred.nq").write_bytes(inferred)
            if fast:
                inference.inferred = []  # in the index and in inferred.nq: nothing else reads them
            asserted_triples = _triples_of(asserted)
            closure_triples = asserted_triples + _triples_of(inferred)  # disjoint: inferred means not asserted
            # The inferred triples reach the validation store in the closure only: the checks name source
            # graphs (GRAPH ?g) to ask what a source states, never the inferred graph, and it would cost
            # a third more to load.
            # From a file both stores read (not an artifact: removed once they hold it), so that the bytes
            # are not held in memory until the slower store gets to them, beside SHACL and the checks.
            (tmp / CLOSURE).write_bytes(closure_triples)
            memory.load_file(tmp / CLOSURE)
            if previous is None:
                loader.load_file(tmp / "inferred.nq")
                loader.load_file(tmp / CLOSURE)
            else:
                loader.apply_delta(previous, asserted + inferred, closure_triples)
            counts = {
                "ontology_statements": len(set(merged.ontology)),
                "asserted_statements": asserted.count(b"\n"),
                "asserted_triples": asserted_triples.count(b"\n"),
                "inferred_triples": inferred.count(b"\n"),
                "source_graphs": len(merged.graph_files),
            }
            counts["closure_triples"] = counts["asserted_triples"] + counts["inferred_triples"]
            del asserted, inferred, asserted_triples, closure_triples
            step.done(f"{counts['asserted_statements']} statements, {counts['inferred_triples']} inferred triples; "
                      + ("the store is being written" if previous is None else
                         f"the store starts from the previous build's (changed files: {previous.changed_files})"))
        timer.lap("write")

        # The saved checks start as soon as the store in memory holds the closure, and run (in threads,
        # outside the GIL) beside SHACL, on the cores SHACL and the store writer leave idle.
        checks = catalogue.checks()
        before = latest(project)
        pending = v.CheckRun(checks, workers=_cores(), cost=before.manifest.get("check_seconds") if before else None)
        memory.then(lambda store: pending.start(OxigraphStore(store)))

        with reporter.step("validating (SHACL)") as step:
            issues, engine = v.shacl(merged, inference, data_shapes, onto_shapes, validator,
                                     run_select=lambda: memory.select_runner())
            step.done(f"{len(issues)} results ({engine})")
        timer.lap("shacl")

        with reporter.step("running the saved checks") as step:
            memory.wait()
            found = pending.result(progress=step.advance)
            issues += found + v.unit_issues(merged) + v.language_issues(merged) + v.inconsistency_issues(inference)
            v.annotate(issues, memory.store, merged)
            report = Report(issues)
            c = report.counts()
            step.done(f"{len(checks)} checks, {len(found)} rows; {'conforms' if report.conforms else 'does not conform'}: "
                      f"{c['Violation']} violations, {c['Warning']} warnings")
        timer.lap("checks")

        manifest = {
            "kg_version": __version__,
            "hash": digest,
            "home": str(project.home),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "inputs": [project.relpath(p) for p in project.input_files()],
            "counts": counts,
            "graph_files": {g: merged.graph_files[g] for g in sorted(merged.graph_files)},
            "engines": {"reasoner": inference.engine, "validator": engine, "store": f"pyoxigraph {ox.__version__}"},
            "store_layout": STORE_LAYOUT,
            "input_digests": digests,
            "file_statements": file_statements,
            "conforms": report.conforms,
            "issues": report.counts(),
            "check_seconds": dict(sorted(pending.timings.items())),
        }
        (tmp / "report.json").write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
        memory.close()
        loader.wait()
        (tmp / CLOSURE).unlink()
        timer.lap("store")  # what the on-disk store still needed once everything else was done
        if loader.summary:
            reporter.note(f"store: {loader.summary}")
        loader.close()
        timer.lap("finish")
        manifest["timings"] = timer.wall
        manifest["cpu_seconds"] = timer.cpu
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        generation = project.build_dir / f"gen-{digest[:12]}-{time.time_ns()}"
        os.rename(tmp, generation)
        _publish(project.build_dir, generation, good=report.conforms or allow_invalid)
    except OSError as exc:
        _abandon(tmp, pending, loader, memory)
        raise BuildError(f"cannot write the build in {project.build_dir}: {exc.strerror or exc}; "
                         "the previous build is untouched") from None
    except BaseException:
        _abandon(tmp, pending, loader, memory)
        raise
    return Built(generation, manifest, rebuilt=True)


def _cores() -> int:
    """The cores this process may run on (the saved checks run that many at a time)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _abandon(tmp: Path, pending, *loaders: "_StoreLoader | None") -> None:
    import shutil

    if pending is not None:
        pending.cancel()
    for loader in loaders:
        if loader is not None:
            try:
                loader.wait()
            except BaseException:  # the build failed already; its own error is the one to report
                pass
            loader.close()
    shutil.rmtree(tmp, ignore_errors=True)


def _lines(data: bytes, ordered: bool = True) -> bytes:
    """N-Triples / N-Quads without repeated lines, in the order given when that order is ``ordered``
    (deterministic: the input files by name, each as written; the rules engine's order), else sorted.
    Sorting a million lines costs seconds, and the released dumps are sorted by kg export anyway."""
    lines = data.splitlines()
    unique = dict.fromkeys(lines) if ordered else sorted(set(lines))
    return b"".join(line + b"\n" for line in unique if line)


def _triples_of(nquads: bytes) -> bytes:
    """The distinct triples of N-Quads whose graph names are IRIs, as N-Triples, in order of first appearance."""
    # "<s> <p> <o> <g> ." : an IRI holds no space, so the graph is the last term but one
    triples = dict.fromkeys(line.rsplit(b" ", 2)[0] for line in nquads.splitlines())
    return b"".join(line + b" .\n" for line in triples)


@dataclass
class _Previous:
    """A previous build whose store a new build can start from."""

    built: Built
    changed_files: int


REUSE_AT_MOST = 0.1  # of the statements in changed files: beyond that a bulk load is faster
REUSE_ALWAYS = 50_000  # statements: below that applying them costs next to nothing


def _reusable(project: Project, digests: dict[str, str], file_statements: dict[str, int]) -> _Previous | None:
    """The latest build, when its store has this layout, the ontology is the same and only a few statements
    come from files that changed (an ontology change alters inferences everywhere: load anew)."""
    prev = latest(project)
    if prev is None or prev.manifest.get("store_layout") != STORE_LAYOUT or not prev.store_path.is_dir():
        return None
    old_digests, old_counts = prev.manifest.get("input_digests", {}), prev.manifest.get("file_statements", {})
    ontology = {project.relpath(p) for p in project.ontology_files()}
    if {f: d for f, d in old_digests.items() if f in ontology} != {f: digests[f] for f in ontology}:
        return None
    changed = {f for f in set(old_counts) | set(file_statements) if old_digests.get(f) != digests.get(f)}
    moved = sum(old_counts.get(f, 0) + file_statements.get(f, 0) for f in changed)
    if moved > max(REUSE_AT_MOST * sum(file_statements.values()), REUSE_ALWAYS):
        return None
    return _Previous(prev, len(changed))


class _StoreLoader:
    """Writes the on-disk store in a background thread, one task after another; ``wait`` returns the open
    store.  A store starts empty, or as the backup of a previous build's store (hard links to its immutable
    files: instant) to which only the changed statements are applied."""

    def __init__(self, path: Path | None):
        """``path``: the folder of an on-disk store, or None for a store in memory."""
        import queue
        import threading

        import pyoxigraph as ox

        self.path = path
        self.store: ox.Store | None = None
        self.summary = ""
        self.error: BaseException | None = None
        self.tasks: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="kg-store-loader", daemon=True)
        self.thread.start()

    def load_file(self, path: Path) -> None:
        self.tasks.put(("file", path))

    def reuse(self, previous: _Previous) -> None:
        self.tasks.put(("backup", previous))

    def apply_delta(self, previous: _Previous, statements: bytes, closure_triples: bytes) -> None:
        self.tasks.put(("delta", (previous, statements, closure_triples)))

    def then(self, call) -> None:
        """``call(store)`` in the loader's thread once the tasks given so far are done (it should return
        at once: the loader waits for it); an error it raises is raised by ``wait``."""
        self.tasks.put(("call", call))

    def _run(self) -> None:
        import pyoxigraph as ox

        while True:
            task = self.tasks.get()
            if task is None:
                return
            if self.error is not None:
                continue
            kind, arg = task
            try:
                if kind == "backup":
                    ox.Store.read_only(str(arg.built.store_path)).backup(str(self.path))
                if self.store is None:
                    self.store = ox.Store(str(self.path)) if self.path is not None else ox.Store()
                if kind == "file":
                    self.store.bulk_load(path=str(arg), format=ox.RdfFormat.N_QUADS)
                elif kind == "call":
                    arg(self.store)
                elif kind == "delta":
                    removed, added = _delta(*arg)
                    for quad in ox.parse(removed, format=ox.RdfFormat.N_QUADS):
                        self.store.remove(quad)
                    self.store.extend(ox.parse(added, format=ox.RdfFormat.N_QUADS))
                    self.summary = (f"reused the previous build's store: {len(removed.splitlines())} statements "
                                    f"removed, {len(added.splitlines())} added")
            except BaseException as exc:  # re-raised by wait()
                self.error = exc

    def wait(self):
        if self.thread.is_alive():
            self.tasks.put(None)
            self.thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            if isinstance(error, (OSError, KgError)):
                raise error
            raise BuildError(f"cannot write the store: {error}")
        if self.store is None:  # nothing was asked: an empty store
            import pyoxigraph as ox

            self.store = ox.Store(str(self.path)) if self.path is not None else ox.Store()
        return self.store

    def select_runner(self):
        """A SPARQL SELECT runner over the closure (for SHACL's SPARQL parts), once the store is written."""
        from kg.shacl import select_runner

        return select_runner(self.wait())  # the default graph is the closure

    def close(self) -> None:
        if self.store is not None and self.path is not None:
            self.store.flush()
        self.store = None  # the store closes (or is freed) when the last reference goes


def _delta(previous: _Previous, statements: bytes, closure_triples: bytes) -> tuple[bytes, bytes]:
    """(removed, added) as N-Quads between the previous build's store and the new statements (the default
    graph's closure triples among them)."""
    prev = previous.built.path
    old_quads = set((prev / "asserted.nq").read_bytes().splitlines())
    old_quads |= set((prev / "inferred.nq").read_bytes().splitlines())
    new_quads = set(statements.splitlines())
    old_triples = {line.rsplit(b" ", 2)[0] + b" ." for line in old_quads}  # the default graph: the closure
    new_triples = set(closure_triples.splitlines())
    removed = sorted(old_quads - new_quads) + sorted(old_triples - new_triples)
    added = sorted(new_quads - old_quads) + sorted(new_triples - old_triples)
    return b"".join(line + b"\n" for line in removed), b"".join(line + b"\n" for line in added)


def clean(project: Project, everything: bool = False) -> list[tuple[Path, int]]:
    """Remove the project's build folder (and, with ``everything``, kg's whole user cache of builds);
    returns what was removed with its size in bytes.  Waits for a build in progress to finish."""
    import shutil

    from kg.project import cache_root

    targets = [project.build_dir]
    if everything:
        targets.append(cache_root())
    removed = []
    for target in targets:
        if not target.is_dir():
            continue
        size = sum(f.lstat().st_size for f in target.rglob("*") if f.is_file() or f.is_symlink())
        if target == project.build_dir:
            with _lock(target, SILENT):
                shutil.rmtree(target)
        else:
            shutil.rmtree(target)
        removed.append((target, size))
    return removed


def _publish(build_dir: Path, generation: Path, good: bool) -> None:
    """Point ``latest`` (and ``current`` when ``good``) at the generation atomically; remove generations
    neither link names."""
    import shutil
    import uuid

    links = [LATEST] + ([CURRENT] if good else [])
    for name in links:
        tmp_link = build_dir / f".{name}-{uuid.uuid4().hex}"
        os.symlink(generation.name, tmp_link)
        os.replace(tmp_link, build_dir / name)
    keep = set()
    for name in (CURRENT, LATEST):
        try:
            keep.add((build_dir / name).resolve(strict=True))
        except OSError:
            pass
    for old in build_dir.glob("gen-*"):
        if old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in build_dir.glob(".tmp-*"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass
