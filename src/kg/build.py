"""The build pipeline: load, reason, write, validate (SHACL), run the saved checks, publish.

``build`` runs the stages of ``STAGES`` in order, each one a function of the run's state that reports its
own progress; the builds it writes are found, opened and published by kg.builds.  A build is written
into a temporary folder, renamed, then published by replacing the links atomically: a failed or
interrupted build leaves the previous one intact.  Nothing is rebuilt when the inputs have not changed.
What each stage costs and why the stores are written in threads: docs/ENGINES.md; its memory: docs/SCALE.md.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.builds import STORE, STORE_LAYOUT, Built, fresh, input_digests, input_hash, latest, lock, publish
from kg.errors import BuildError
from kg.files import uninterrupted
from kg.progress import SILENT, Reporter
from kg.project import Project

CLOSURE = "closure.nt"  # the closure's triples while the stores load them
STATEMENTS_PER_PIECE = 200_000  # serialized at a time into asserted.nq
# The peak of a build whose store is bulk-loaded alongside, per asserted statement, measured with the loads
# in pieces (kg.store_feed.LOAD_BYTES): 1.42 GiB at a million (1,520 bytes each), 11.0 GiB at ten million
# with the dearest checks one at a time (1,180); the larger, rounded up. At ten million, on this machine's
# 24 GB, it is loaded last: alongside took 543.6 and 650.0 s against 563.5 and 587.8 s, and 0.5 GiB more
STORE_ALONGSIDE_BYTES = 1_550
# What the store in memory holds per asserted statement (317 MiB for a million), and what Oxigraph's bulk
# loader holds as it sorts a load of kg.store_feed.LOAD_BYTES (321 MiB, whatever the file's size or the
# cores), measured; they decide which store takes asserted.nq first (asserted_first)
STORE_IN_MEMORY_BYTES = 330
LOADER_BYTES = 352 * 2**20


def build(project: Project, force: bool = False, reporter: Reporter = SILENT, reasoner: str = "kg",
          validator: str = "kg", allow_invalid: bool = False, store_last: bool | None = None) -> Built:
    """Build unless fresh (or ``force``); returns the newest build (kg.builds says which one queries use).

    ``store_last``: bulk-load a new on-disk store once validation is done rather than alongside it (less
    memory at the peak, more time); None: alongside when that fits in the memory available (store_fits)."""
    from kg.reason import ENGINES as REASONERS
    from kg.validate import VALIDATORS

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
    with lock(project.build_dir, reporter):
        digests = input_digests(project)
        if not force:
            built = fresh(project)
            if built is not None:
                if allow_invalid and not built.conforms:
                    publish(project.build_dir, built.path, good=True)
                return built
        run = _Run(project, input_hash(project, digests), digests, reporter, reasoner, validator, allow_invalid,
                   store_last)
        return run.execute()


class _Timer:
    """Wall and CPU seconds per stage, for the manifest."""

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._t, self._c = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        t, c = time.perf_counter(), time.process_time()
        self.wall[name] = round(t - self._t, 3)
        self.cpu[name] = round(c - self._c, 3)
        self._t, self._c = t, c


@dataclass
class _Run:
    """One build in progress: its inputs, its temporary folder and what each stage hands the next."""

    project: Project
    digest: str
    digests: dict[str, str]
    reporter: Reporter
    reasoner: str
    validator: str
    allow_invalid: bool
    store_last: bool | None  # None: decided once the statements are counted (store_fits)
    tmp: Path = field(init=False)
    timer: _Timer = field(default_factory=_Timer)
    disk: object = None  # kg.store_writer.StoreWriter of the build's store
    memory: object = None  # kg.store_writer.StoreWriter of the store SHACL's SPARQL and the checks query
    previous: object = None  # kg.store_writer.Previous, when the disk store starts from the last build's
    pending: object = None  # kg.validate.CheckRun, once started
    deferred: list = field(default_factory=list)  # files for the on-disk store's bulk load (store_last)
    stage: dict = field(default_factory=dict)  # what a stage hands the next (merged, inference, …)

    def __post_init__(self):
        import uuid

        self.tmp = self.project.build_dir / f".tmp-{uuid.uuid4().hex}"

    def execute(self) -> Built:
        try:
            self.tmp.mkdir()
            for name, label, stage in STAGES:
                with self.reporter.step(label) as step:
                    stage(self, step)
                self.timer.lap(name)
            return _finish(self)
        except OSError as exc:
            self.abandon()
            raise BuildError(f"cannot write the build in {self.project.build_dir}: {exc.strerror or exc}; "
                             "the previous build is untouched") from None
        except BuildFinished as finished:
            raise KeyboardInterrupt(f"the build was finished and is in {finished.args[0]}") from None
        except KeyboardInterrupt:
            self.abandon()
            raise KeyboardInterrupt("the build was left unfinished; the previous build is untouched") from None
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        import shutil

        if self.pending is not None:
            self.pending.cancel()
        for writer in (self.disk, self.memory):
            if writer is not None:
                try:
                    writer.wait()
                except BaseException:  # the build failed already; its own error is the one to report
                    pass
                writer.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _load(run: _Run, step) -> None:
    """Parse and merge the inputs, compile the shapes, and start writing both stores."""
    import pyoxigraph as ox

    from kg.catalogue import Catalogue
    from kg.load import parse_file
    from kg.merge import merge
    from kg.profile import PROFILE_SHAPES, profile_shapes
    from kg.progress import Tally
    from kg.store_writer import StoreWriter, reusable

    project = run.project
    merged = merge(project, log=lambda n, total, name: step.advance(n, total, name))
    data_shapes = {project.relpath(p): parse_file(p, project.relpath(p)) for p in project.data_shape_files()}
    data_shapes[PROFILE_SHAPES] = profile_shapes(merged.ontology)
    onto_shapes = {project.relpath(p): parse_file(p, project.relpath(p)) for p in project.ontology_shape_files()}
    catalogue = Catalogue.of(project)
    catalogue.check_syntax()
    step.done(f"{len(project.data_files())} data files, {len(merged.graph_files)} source graphs, "
              f"{len(merged.quads)} statements")
    # Two stores are written by Oxigraph in threads of their own while reasoning and SHACL run in Python:
    # the build's on-disk store, and one in memory that SHACL's SPARQL parts and the saved checks query
    # (string functions on a million terms cost four times as much on disk).
    file_statements = {display: end - start for display, _which, start, end in merged.file_ranges}
    run.memory, run.disk = StoreWriter(None), StoreWriter(run.tmp / STORE)
    run.previous = reusable(project, run.digests, file_statements)
    if run.store_last is None:
        run.store_last = not store_fits(len(merged.quads))
    # Each statement once, in the files' order (equal quads are the same line), serialized a piece at a
    # time: the whole file's bytes, its lines and their set took 0.85 GiB at a million statements
    statements = list(dict.fromkeys(merged.quads))
    pieces = (ox.serialize(statements[k:k + STATEMENTS_PER_PIECE], format=ox.RdfFormat.N_QUADS)
              for k in range(0, len(statements), STATEMENTS_PER_PIECE))
    progress = Tally(detail="statements written to asserted.nq")
    step.watch(progress)
    asserted = run.tmp / "asserted.nq"
    asserted_statements = _write_pieces(asserted, pieces, progress)
    del statements
    if run.previous is not None:
        run.memory.load_file(asserted)
        run.disk.reuse(run.previous)
    elif run.store_last and asserted_first(asserted_statements):
        # The on-disk store takes asserted.nq now, on the core reasoning leaves idle, and the store in
        # memory once it is done: the loader's buffers and what the store in memory holds never meet
        run.disk.load_file(asserted)
        run.memory.after(run.disk)
        run.memory.load_file(asserted)
    else:
        run.memory.load_file(asserted)
        _store_file(run, asserted)
    # asserted.nq is read again when the closure is written: its bytes are not held while reasoning (at
    # three million statements, 650 MB)
    run.stage.update(merged=merged, data_shapes=data_shapes, onto_shapes=onto_shapes, catalogue=catalogue,
                     file_statements=file_statements, asserted_statements=asserted_statements)


def _reason(run: _Run, step) -> None:
    """The OWL RL closure; an inconsistency is a violation of the report, on its node, not the end."""
    from kg.progress import Tally
    from kg.reason import infer

    merged = run.stage["merged"]
    statements = merged.quads

    def release() -> None:
        # kg's validator reads the reasoner's index: the parsed statements can go as soon as kg.owlrl holds
        # them as ids, not once it is done (at ten million statements they take 4 GiB while it reasons)
        merged.release_statements()
        statements.clear()

    progress = Tally()
    step.watch(progress)
    inference = infer(statements, run.reasoner, collect=True, released=release if run.validator == "kg" else None,
                      progress=progress)
    if inference.note:
        run.reporter.note(inference.note)
    step.done(f"{len(inference)} triples inferred ({inference.engine})")
    run.stage["index_validates"] = run.validator == "kg" and inference.index is not None
    if run.stage["index_validates"]:
        merged.release_statements()
    run.stage["inference"] = inference


def _write(run: _Run, step) -> None:
    """inferred.nq, and the closure handed to both stores (from a file, so that its bytes are not held
    in memory until the slower store gets to them; removed once they hold it)."""
    from itertools import chain

    from kg.formats import nquads_triples
    from kg.linesort import file_blocks, triple_lines
    from kg.merge import INFERRED_GRAPH
    from kg.progress import Tally

    inference = run.stage["inference"]
    # The inferred triples' lines in the inferred graph, a piece at a time: a line ends with " ." and only
    # there (N-Triples escapes a newline in a literal), so no Quad is made per triple.
    in_graph = f" <{INFERRED_GRAPH.value}> .\n".encode()
    in_graph_blocks = (piece.replace(b" .\n", in_graph) for piece in inference.ntriples_pieces())
    progress = Tally(detail="triples written to inferred.nq")
    step.watch(progress)
    inferred_file = run.tmp / "inferred.nq"
    inferred_count = _write_pieces(inferred_file, in_graph_blocks, progress)
    if run.stage["index_validates"]:
        inference.inferred = []  # in the index and in inferred.nq: nothing else reads them
        progress.done, progress.detail = 0, "compacting the reasoner's index for SHACL"
        # Compacted now, while the store in memory holds the asserted statements only: SHACL's peak
        # has the index beside the store holding the closure (at ten million statements 12.5 GiB, and
        # 10.4 compacted)
        inference.compact_index()
    # The checks name source graphs (GRAPH ?g) to ask what a source states, never the inferred graph:
    # the memory store gets the closure and the asserted statements only (a third less to load). The
    # closure's two parts are disjoint (inferred means not asserted) and written one after the other,
    # each read back from its file (the inferred triples' bytes were 2 GB at ten million statements)
    asserted_triples = nquads_triples(file_blocks(run.tmp / "asserted.nq"))
    inferred_triples = (triple_lines(block) for block in file_blocks(run.tmp / "inferred.nq"))
    progress.done, progress.detail = 0, "triples of the closure written for the stores"
    closure_file = run.tmp / CLOSURE
    closure_count = _write_pieces(closure_file, chain(asserted_triples, inferred_triples), progress)
    run.memory.load_file(closure_file)
    if run.previous is None:
        _store_file(run, inferred_file)
        _store_file(run, closure_file)
    else:
        run.disk.apply_delta(run.previous, run.tmp)
    merged = run.stage["merged"]
    counts = {
        "ontology_statements": len(set(merged.ontology)),
        "asserted_statements": run.stage["asserted_statements"],
        "asserted_triples": closure_count - inferred_count,
        "inferred_triples": inferred_count,
        "source_graphs": len(merged.graph_files),
        "closure_triples": closure_count,
    }
    run.stage["counts"] = counts
    step.done(f"{counts['asserted_statements']} statements, {counts['inferred_triples']} inferred triples; "
              + ("the store is being written" if run.previous is None else
                 f"the store starts from the previous build's (changed files: {run.previous.changed_files})"))


def store_fits(statements: int) -> bool:
    """Whether a build of ``statements`` can bulk-load its on-disk store alongside reasoning and validation:
    when what that takes (STORE_ALONGSIDE_BYTES per statement) fits in half the memory the system has now.
    Otherwise the store is loaded last: Oxigraph's loader then no longer meets the reasoner's index and
    the store in memory."""
    from kg.memory import available_memory

    available = available_memory()
    return available is None or statements * STORE_ALONGSIDE_BYTES <= available / 2


def asserted_first(statements: int) -> bool:
    """Whether a build that loads its store last bulk-loads asserted.nq into it beside reasoning, the store
    in memory taking it only once that load is done: when what the store in memory would hold of the
    asserted statements meanwhile (STORE_IN_MEMORY_BYTES each) is at least what the loader's buffers hold
    (LOADER_BYTES, a load of kg.store_feed.LOAD_BYTES at a time), so that the reasoning's peak does not
    rise: from about 1.1 million statements. At ten million the build peaked at 10.61-10.63 GiB against
    11.05 (its wall time within the machine's noise), when each load was a million quads per thread
    (docs/SCALE.md, "Two orders")."""
    return statements * STORE_IN_MEMORY_BYTES >= LOADER_BYTES


def _store_file(run: _Run, path: Path) -> None:
    """A file for the new on-disk store: loaded now, or kept for after validation (store_last)."""
    if run.store_last:
        run.deferred.append(path)
    else:
        run.disk.load_file(path)


def _write_pieces(path: Path, pieces: Iterable[bytes], progress=None) -> int:
    """Write ``pieces`` (bytes of whole lines, each dropped once written) in the file ``path``; returns the
    number of lines. The stores load the file as it is (kg.store_feed). ``progress`` (a kg.progress.Tally)
    counts the lines written."""
    lines = 0
    with open(path, "wb") as out:
        for piece in pieces:
            out.write(piece)
            lines += piece.count(b"\n")
            if progress is not None:
                progress.done = lines
    return lines


def _shacl(run: _Run, step) -> None:
    """SHACL, while the saved checks run (in threads, outside the GIL) on the cores it leaves idle, as soon
    as the store in memory holds the closure."""
    from kg import validate as v
    from kg.memory import usable_cores
    from kg.progress import Tally
    from kg.store import OxigraphStore

    before = latest(run.project)
    # A build that loads its store last runs its dearest checks one at a time too, as does one told to load
    # it alongside where that does not fit (at ten million statements, two side by side: 12.2 GiB, not 11.0)
    dear_alone = run.store_last or not store_fits(run.stage["asserted_statements"])
    run.pending = v.CheckRun(run.stage["catalogue"].checks(), workers=usable_cores(),
                             cost=v.check_costs(before.manifest.get("check_seconds") if before else None),
                             dear_alone=dear_alone)
    # The dearest checks wait until SHACL is done: at a million statements each holds up to 0.8 GiB of
    # intermediate results, which on top of SHACL's caches would raise the build's peak.
    run.memory.then(lambda store: run.pending.start(OxigraphStore(store), hold_dear=True))
    progress = Tally()
    step.watch(progress)
    issues, engine = v.shacl(run.stage["merged"], run.stage["inference"], run.stage["data_shapes"],
                             run.stage["onto_shapes"], run.validator, run_select=lambda: run.memory.select_runner(),
                             progress=progress)
    step.done(f"{len(issues)} results ({engine})")
    run.stage.update(issues=issues, validator_engine=engine)
    # The held lane starts as the index is freed (two seconds of deallocation at a million statements,
    # during which the check's hash tables are still small)
    run.pending.release()
    _free_index(run)


def _free_index(run: _Run) -> None:
    """Nothing reads the reasoner's index after SHACL (at a million statements, a gigabyte): free it."""
    import gc

    from kg.memory import trim_memory

    run.stage["inference"].index = None
    gc.collect()
    trim_memory()


def _checks(run: _Run, step) -> None:
    """The saved checks' rows and the checks kg makes in Python, into the report."""
    from kg import validate as v
    from kg.progress import Tally
    from kg.report import Report

    merged, inference = run.stage["merged"], run.stage["inference"]
    run.memory.wait()
    progress = Tally(total=len(run.pending.checks))
    step.watch(progress)  # the dearest checks come last and take longest: the time goes on being shown

    def finished(done: int, total: int, name: str) -> None:
        progress.done, progress.detail = done, f"done: {name}"

    found = run.pending.result(progress=finished)
    issues = (run.stage["issues"] + found + v.unit_issues(merged) + v.language_issues(merged)
              + v.inconsistency_issues(inference))
    v.annotate(issues, run.memory.store, merged)
    report = Report(issues)
    c = report.counts()
    step.done(f"{len(run.pending.checks)} checks, {len(found)} rows; "
              f"{'conforms' if report.conforms else 'does not conform'}: "
              f"{c['Violation']} violations, {c['Warning']} warnings")
    run.stage["report"] = report


STAGES = (
    ("load", "loading inputs", _load),
    ("reason", "reasoning (OWL RL)", _reason),
    ("write", "writing the dataset", _write),
    ("shacl", "validating (SHACL)", _shacl),
    ("checks", "running the saved checks", _checks),
)


class BuildFinished(KeyboardInterrupt):
    """Ctrl-C came while the finished build was being published: it was published all the same."""


def _finish(run: _Run) -> Built:
    """Write the report and the manifest once the on-disk store is written, then publish."""
    report = run.stage["report"]
    (run.tmp / "report.json").write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    run.memory.close()
    if run.deferred:
        _bulk_load(run)
    elif run.disk.busy():  # loaded alongside, and not done with it yet: the wait is a step of its own
        with run.reporter.step("finishing the store") as step:
            step.watch(run.disk.progress)
            run.disk.wait()
            step.done("loaded alongside validation")
    run.disk.wait()
    (run.tmp / CLOSURE).unlink()
    run.timer.lap("store")  # what the on-disk store still needed once everything else was done
    if run.disk.summary:
        run.reporter.note(f"store: {run.disk.summary}")
    run.disk.close()
    run.timer.lap("finish")
    manifest = _manifest(run, report)
    (run.tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    generation = run.project.build_dir / f"gen-{run.digest[:12]}-{time.time_ns()}"
    try:
        with uninterrupted():  # Ctrl-C now would leave `latest` and `current` naming different builds
            os.rename(run.tmp, generation)
            publish(run.project.build_dir, generation, good=report.conforms or run.allow_invalid)
    except KeyboardInterrupt:
        raise BuildFinished(generation) from None
    return Built(generation, manifest, rebuilt=True)


def _bulk_load(run: _Run) -> None:
    """The new on-disk store, bulk-loaded once validation is done and its memory freed (store_last): all
    of it, or all but the asserted statements it took beside reasoning (asserted_first). Oxigraph's loader
    holds about 0.3 GiB while it sorts a load (kg.store_feed.LOAD_BYTES), which the reasoner's index and
    the store in memory then no longer meet."""
    from kg.memory import trim_memory, usable_cores

    run.pending.close()
    trim_memory()
    with run.reporter.step("writing the store") as step:
        for path in run.deferred:  # nothing else runs now: a load on every core
            run.disk.load_file(path, at_once=usable_cores())
        step.watch(run.disk.progress)
        run.disk.wait()
        step.done("loaded after validation, to hold less memory at once")
    run.deferred = []


def _manifest(run: _Run, report) -> dict:
    import pyoxigraph as ox

    from kg.memory import allocator

    project, merged = run.project, run.stage["merged"]
    return {
        "kg_version": __version__,
        "hash": run.digest,
        "home": str(project.home),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "inputs": [project.relpath(p) for p in project.input_files()],
        "counts": run.stage["counts"],
        "graph_files": {g: merged.graph_files[g] for g in sorted(merged.graph_files)},
        "engines": {"reasoner": run.stage["inference"].engine, "validator": run.stage["validator_engine"],
                    "store": f"pyoxigraph {ox.__version__}", "allocator": allocator()},
        "store_layout": STORE_LAYOUT,
        "input_digests": run.digests,
        "file_statements": run.stage["file_statements"],
        "conforms": report.conforms,
        "issues": report.counts(),
        "check_seconds": dict(sorted(run.pending.timings.items())),
        "timings": run.timer.wall,
        "cpu_seconds": run.timer.cpu,
    }
