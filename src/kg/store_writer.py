"""The build's stores, written in threads of their own while reasoning and SHACL run in Python.

Oxigraph releases the GIL while it loads, so a store is written by one thread per store, one task after
another (a file to load, kg.store_feed; a callback once what came before is in).  An on-disk store can
start as the backup of a previous build's store (hard links to its immutable files: instant), to which
only the statements that changed are applied, when few did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg import store_feed
from kg.builds import STORE_LAYOUT, Built, latest
from kg.errors import BuildError, KgError
from kg.project import Project


@dataclass
class Previous:
    """A previous build whose store a new build can start from."""

    built: Built
    changed_files: int


REUSE_AT_MOST = 0.1  # of the statements in changed files: beyond that a bulk load is faster
REUSE_ALWAYS = 50_000  # statements: below that applying them costs next to nothing
# What computing the difference holds (delta: the two builds' lines, in sets), per byte of the previous
# build's asserted.nq and inferred.nq: 1.28 GiB for 328 MB at a million statements, measured
DELTA_MEMORY_PER_BYTE = 4


def reusable(project: Project, digests: dict[str, str], file_statements: dict[str, int]) -> Previous | None:
    """The latest build, when its store has this layout, the ontology is the same, only a few statements
    come from files that changed (an ontology change alters inferences everywhere: load anew) and the
    difference fits in memory."""
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
    if not _delta_fits(prev):
        return None
    return Previous(prev, len(changed))


def _delta_fits(prev: Built) -> bool:
    """Whether the difference can be computed in half the memory the system has now (the other half for
    the rest of the build): at ten million statements its sets would take 13 GiB, which a bulk load of
    the new statements does without."""
    from kg.memory import available_memory

    available = available_memory()
    if available is None:
        return True
    held = sum((prev.path / name).stat().st_size for name in ("asserted.nq", "inferred.nq")
               if (prev.path / name).is_file())
    return held * DELTA_MEMORY_PER_BYTE <= available / 2


class StoreWriter:
    """Writes one store (on disk or in memory) in a thread of its own, one task after another; ``wait``
    returns the open store."""

    def __init__(self, path: Path | None):
        """``path``: the folder of an on-disk store, or None for a store in memory."""
        import queue
        import threading

        import pyoxigraph as ox

        from kg.progress import Tally

        self.path = path
        self.store: ox.Store | None = None
        self.summary = ""
        self.progress = Tally(total=0)  # the files loaded of those given, and the size of the one loading
        self.error: BaseException | None = None
        self.tasks: queue.Queue = queue.Queue()
        self._working = False  # a task taken from the queue is not done yet
        self.thread = threading.Thread(target=self._run, name="kg-store-loader", daemon=True)
        self.thread.start()

    def load_file(self, path: Path, at_once: int = 1) -> None:
        """Load a file the build wrote (kg.store_feed.load), on disk ``at_once`` pieces of it side by side."""
        self.progress.total += 1
        self.tasks.put(("file", (path, at_once)))

    def reuse(self, previous: Previous) -> None:
        self.tasks.put(("backup", previous))

    def apply_delta(self, previous: Previous, folder: Path) -> None:
        """Bring the previous build's store (``reuse``) to the statements of the build in ``folder``."""
        self.tasks.put(("delta", (previous, folder)))

    def after(self, other: StoreWriter) -> None:
        """Hold this writer's next tasks until ``other`` is done with those given it so far, failed or not:
        two loads one after the other, where together their buffers would raise the build's peak."""
        import threading

        done = threading.Event()
        other.tasks.put(("signal", done))
        self.tasks.put(("wait", done))

    def then(self, call) -> None:
        """``call(store)`` in the loader's thread once the tasks given so far are done (it should return
        at once: the loader waits for it); an error it raises is raised by ``wait``."""
        self.tasks.put(("call", call))

    def _run(self) -> None:
        import pyoxigraph as ox

        from kg.memory import trim_memory

        while True:
            task = self.tasks.get()
            if task is None:
                return
            kind, arg = task
            if kind == "signal":  # told even after an error: a writer waiting on this one goes on
                arg.set()
                continue
            if self.error is not None:
                continue
            self._working = True
            try:
                if kind == "backup":
                    ox.Store.read_only(str(arg.built.store_path)).backup(str(self.path))
                if self.store is None:
                    self.store = ox.Store(str(self.path)) if self.path is not None else ox.Store()
                if kind == "file":
                    path, at_once = arg
                    self.progress.detail = f"a file of {path.stat().st_size / 2**20:.0f} MiB"
                    store_feed.load(self.store, path, self.path.parent if self.path is not None else None, at_once)
                    self.progress.done += 1
                    # what the load freed (its parser's and sorter's buffers) goes back to the system now,
                    # not at the next trim, which may come minutes later at ten million statements
                    trim_memory()
                elif kind == "call":
                    arg(self.store)
                elif kind == "wait":
                    arg.wait()
                elif kind == "delta":
                    removed, added = delta(*arg)
                    for quad in ox.parse(removed, format=ox.RdfFormat.N_QUADS):
                        self.store.remove(quad)
                    self.store.extend(ox.parse(added, format=ox.RdfFormat.N_QUADS))
                    self.summary = (f"reused the previous build's store: {len(removed.splitlines())} statements "
                                    f"removed, {len(added.splitlines())} added")
            except BaseException as exc:  # re-raised by wait()
                self.error = exc
            finally:
                self._working = False

    def busy(self) -> bool:
        """Whether tasks given are still to do (read without a lock: for showing progress, not for deciding
        what the store holds)."""
        return self.thread.is_alive() and (self._working or not self.tasks.empty())

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


def delta(previous: Previous, folder: Path) -> tuple[bytes, bytes]:
    """(removed, added) as N-Quads between the previous build's store and the new build's statements (the
    asserted.nq and inferred.nq in ``folder``), the default graph's closure triples among them (each
    build's closure is the distinct triples of its statements). Read from the files, one collection
    dropped before the next is made: at a million statements the new statements' bytes, passed along,
    and four sets held at once raised a rebuild's peak 1 GiB above a fresh build's."""
    prev = previous.built.path
    old = _lines(prev / "asserted.nq", prev / "inferred.nq")
    new = _lines(folder / "asserted.nq", folder / "inferred.nq")
    removed, added = sorted(old - new), sorted(new - old)
    old_triples = _triples(old)
    del old
    new_triples = _triples(new)
    del new
    removed += sorted(old_triples - new_triples)
    added += sorted(new_triples - old_triples)
    return b"".join(line + b"\n" for line in removed), b"".join(line + b"\n" for line in added)


def _lines(*paths: Path) -> set[bytes]:
    from kg.linesort import file_blocks

    lines: set[bytes] = set()
    for path in paths:
        for block in file_blocks(path):
            lines.update(block.splitlines())
    lines.discard(b"")
    return lines


def _triples(quads: set[bytes]) -> set[bytes]:
    """The triples of N-Quads lines whose graph names are IRIs (the last term but one: an IRI holds no space)."""
    return {line.rsplit(b" ", 2)[0] + b" ." for line in quads}
