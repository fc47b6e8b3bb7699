"""What the build's stores load, read from the build's own files, and never copied to disk for them.

A :class:`Feed` is N-Quads in blocks of whole lines, made anew for each store that loads it: a file the
build wrote (asserted.nq, inferred.nq), or the closure's triples, derived from those two as they are read.
A store in memory loads a feed a block at a time (kg.store.load_keeping_labels).  Oxigraph's bulk loader,
which writes the on-disk store, reads a path only: :func:`bulk_load` gives it a named pipe that a thread
fills from the feed.  Before this, the build wrote a copy of asserted.nq without its blank-node lines and
a closure file, each only for the stores, and loaded the inferred triples and the closure in two bulk
loads: at a million statements the build wrote 2.07 GB for a build of 0.88 GB, and RocksDB compacted the
third load's files into the first two's (688 MB written for a 223 MB closure, a store of 576 MB rather
than 370).  This machine's disk writes 76 MB/s, and a process that writes faster is held back by the
kernel once the pages waiting for it pass a limit (docs/SCALE.md, "What the disk takes").

Blank nodes: Oxigraph renames them at each load, so the lines that hold one are kept apart and added under
their labels once the rest is in (kg.store.blank_node_lines): the same node in a source graph, the inferred
graph and the default graph.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kg.store import MEMORY_LOAD_BLOCK, blank_node_lines, load_keeping_labels

PIPE_BYTES = 1 << 20  # asked of the kernel for the pipe (Linux): the filler wakes a few times a MiB, not 16
_F_SETPIPE_SZ = 1031  # fcntl's code on Linux (the fcntl module names it from Python 3.10 on Linux only)


@dataclass(frozen=True)
class Feed:
    """N-Quads for a store: each part a function returning blocks of whole lines, called anew for each
    store that loads the feed, so that nothing is held between the two stores' loads."""

    name: str  # shown while a store loads it
    parts: tuple[Callable[[], Iterable[bytes]], ...]

    @classmethod
    def file(cls, path: Path) -> Feed:
        """A file the build wrote (its terms were checked as it was written: it is read leniently)."""
        return cls(path.name, (partial(_file_blocks, path),))

    def __add__(self, other: Feed) -> Feed:
        """Both, in one load: one bulk load rather than two writes fewer, larger files that RocksDB then
        need not compact into each other."""
        return Feed(f"{self.name} and {other.name}", self.parts + other.parts)

    def blocks(self) -> Iterator[bytes]:
        for part in self.parts:
            yield from part()


def closure(asserted: Path, inferred: Path) -> Feed:
    """The default graph's triples (docs/LAYOUT.md, "The build folder"): the statements of asserted.nq and
    inferred.nq without their graph names. A triple stated in several graphs comes as often: a store holds
    it once (counting the distinct ones is the store's job: a set of them took 2 GiB at ten million)."""
    return Feed("the closure", (partial(_triples, asserted), partial(_triples, inferred)))


def _file_blocks(path: Path) -> Iterator[bytes]:
    from kg.linesort import file_blocks

    return file_blocks(path, MEMORY_LOAD_BLOCK)


def _triples(path: Path) -> Iterator[bytes]:
    from kg.linesort import triple_lines

    return map(triple_lines, _file_blocks(path))


def load(store, feed: Feed, folder: Path | None = None) -> None:
    """Load ``feed`` into ``store``: on disk one bulk load through a named pipe in ``folder`` (bulk_load);
    in memory (``folder`` None) a transaction per block."""
    if folder is not None:
        bulk_load(store, feed, folder)
    else:
        load_keeping_labels(store, feed.blocks())


def bulk_load(store, feed: Feed, folder: Path) -> None:
    """One bulk load of ``feed`` into an on-disk store, read by Oxigraph from a named pipe in ``folder``
    that a thread fills (outside the GIL while it writes), then its blank-node lines under their labels.

    An error on either side ends both: the filler's is raised once the loader has read what came before
    it; a loader that stops early, or never opens the pipe, leaves the filler a closed pipe, not a wait."""
    import pyoxigraph as ox

    if not hasattr(os, "mkfifo"):  # no named pipes (Windows): the feed is written to a file first
        _bulk_load_spooled(store, feed, folder)
        return
    pipe = folder / f".feed-{threading.get_ident()}.nq"
    os.mkfifo(pipe)
    held: list[bytes] = []
    failed: list[BaseException] = []

    def fill() -> None:
        try:
            with open(pipe, "wb", buffering=0) as out:
                _widen(out.fileno())
                for block in feed.blocks():
                    plain, blank = blank_node_lines(block)
                    held.append(blank)
                    for piece in plain:
                        _write_all(out, piece)
        except BrokenPipeError:  # the loader stopped reading: its own error is the one raised
            pass
        except BaseException as exc:  # raised once the loader is done
            failed.append(exc)

    filler = threading.Thread(target=fill, name="kg-store-feed", daemon=True)
    filler.start()
    try:
        store.bulk_load(path=str(pipe), format=ox.RdfFormat.N_QUADS, lenient=True)
    finally:
        while filler.is_alive():  # the filler may reach its open() after a release: released until it ends
            _release_writer(pipe)
            filler.join(0.05)
        pipe.unlink()
    if failed:
        raise failed[0]
    _add_held(store, held)


def _bulk_load_spooled(store, feed: Feed, folder: Path) -> None:
    import pyoxigraph as ox

    spool = folder / f".feed-{threading.get_ident()}.nq"
    held: list[bytes] = []
    try:
        with open(spool, "wb") as out:
            for block in feed.blocks():
                plain, blank = blank_node_lines(block)
                held.append(blank)
                out.writelines(plain)
        store.bulk_load(path=str(spool), format=ox.RdfFormat.N_QUADS, lenient=True)
    finally:
        spool.unlink(missing_ok=True)
    _add_held(store, held)


def _add_held(store, held: list[bytes]) -> None:
    import pyoxigraph as ox

    blank = b"".join(held)
    if blank:
        store.extend(ox.parse(blank, format=ox.RdfFormat.N_QUADS))


def _widen(fd: int) -> None:
    import fcntl

    try:
        fcntl.fcntl(fd, _F_SETPIPE_SZ, PIPE_BYTES)
    except OSError:  # not Linux, or above the system's limit: the default size works, a little slower
        pass


def _write_all(out, piece) -> None:
    view = memoryview(piece)
    while view:
        view = view[out.write(view):]


def _release_writer(pipe: Path) -> None:
    """Open and close the pipe's reading end: a filler still waiting for a reader (the loader failed before
    it opened the pipe) gets one, then a closed pipe. Harmless once the loader has read it all."""
    try:
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
    except OSError:
        pass
