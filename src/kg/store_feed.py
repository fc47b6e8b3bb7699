"""A file the build wrote, loaded into one of its stores as it is: never copied for them.

Oxigraph renames the blank nodes of each load, so the lines of the build's files that hold one are kept
apart and added under their labels once the rest is in (kg.store.blank_node_lines): the same node in a
source graph, the inferred graph and the default graph.  A store in memory splits them out a block at a
time as it loads (kg.store.load_keeping_labels).  Oxigraph's bulk loader, which writes the on-disk store,
reads a whole path: :func:`bulk_load` gives it a named pipe that a thread fills with the file's other
lines.  The build used to write, for the loader, a copy of each file without those lines: at a million
statements 0.22 GB of the 2.07 GB it wrote, at ten million 2.2 GB of 22.3.  This machine's disk writes 76 MB/s,
and the kernel holds back a process that writes faster once the pages waiting for the disk pass a limit
(docs/SCALE.md, "What the disk takes").
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from kg.store import blank_node_lines, load_keeping_labels

PIPE_BYTES = 1 << 20  # asked of the kernel for the pipe (Linux): the filler wakes a few times a MiB, not 16


def load(store, path: Path, folder: Path | None = None) -> None:
    """Load an N-Quads (or N-Triples) file the build wrote into ``store``, read leniently (IRIs not
    validated again: it was serialized from terms Oxigraph had parsed and checked; 10 % of the load's CPU):
    on disk, one bulk load through a named pipe in ``folder`` (bulk_load); in memory (``folder`` None), a
    transaction per block. On disk the whole file goes to one bulk load (in blocks of a few hundred
    thousand lines the loader held 1 GiB less at a million statements, but the build took 3-4 s longer:
    RocksDB compacts the many overlapping files)."""
    if folder is not None:
        bulk_load(store, path, folder)
    else:
        load_keeping_labels(store, path)


def bulk_load(store, path: Path, folder: Path) -> None:
    """One bulk load of the file at ``path`` into an on-disk store, read by Oxigraph from a named pipe in
    ``folder`` that a thread fills with its lines that hold no blank node (outside the GIL while it
    writes); then those that do, under their labels. Where there are no named pipes (Windows, some mounted
    file systems) the loader reads a temporary file of those lines instead.

    An error on either side ends both: the filler's is raised once the loader has read what came before
    it; a loader that stops early, or never opens the pipe, leaves the filler a closed pipe, not a wait."""
    import pyoxigraph as ox

    feed = folder / f".feed-{threading.get_ident()}.nq"
    held: list[bytes] = []
    failed: list[BaseException] = []
    filler = None
    try:
        try:
            os.mkfifo(feed)
        except (AttributeError, OSError):
            with open(feed, "wb") as out:
                out.writelines(_apart(path, held))
        else:
            filler = threading.Thread(target=_fill, args=(feed, path, held, failed), name="kg-store-feed",
                                      daemon=True)
            filler.start()
        store.bulk_load(path=str(feed), format=ox.RdfFormat.N_QUADS, lenient=True)
    finally:
        while filler is not None and filler.is_alive():  # it may reach its open() after a release
            _release_writer(feed)
            filler.join(0.05)
        feed.unlink(missing_ok=True)
    if failed:
        raise failed[0]
    if held := b"".join(held):
        store.extend(ox.parse(held, format=ox.RdfFormat.N_QUADS))


def _fill(pipe: Path, path: Path, held: list[bytes], failed: list[BaseException]) -> None:
    """The filler's thread: the pipe gets the file's lines without a blank node; an error is kept in
    ``failed``, for the loader's side to raise."""
    try:
        with open(pipe, "wb", buffering=0) as out:
            _widen(out.fileno())
            for piece in _apart(path, held):
                _write_all(out, piece)
    except BrokenPipeError:  # the loader stopped reading: its own error is the one raised
        pass
    except BaseException as exc:  # raised once the loader is done
        failed.append(exc)


def _apart(path: Path, held: list[bytes]) -> Iterator[memoryview]:
    """The file's lines that hold no blank node, as views of its blocks; the others go to ``held``."""
    from kg.linesort import file_blocks

    for block in file_blocks(path):
        plain, blank = blank_node_lines(block)
        held.append(blank)
        yield from plain


def _widen(fd: int) -> None:
    import fcntl

    if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux only
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:  # above the system's limit: the default size works, with more wake-ups
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
