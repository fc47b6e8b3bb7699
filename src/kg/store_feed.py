"""A file the build wrote, loaded into one of its stores as it is: never copied for them.

Oxigraph renames the blank nodes of each load, so the lines of the build's files that hold one are kept
apart and added under their labels once the rest is in (kg.store.blank_node_lines): the same node in a
source graph, the inferred graph and the default graph.  A store in memory splits them out a block at a
time as it loads (kg.store.load_keeping_labels).  Oxigraph's bulk loader, which writes the on-disk store,
reads a whole path: :func:`bulk_load` gives it named pipes that a thread fills with the file's other
lines, LOAD_BYTES of them per load.  The build used to write, for the loader, a copy of each file without
those lines: at a million statements 0.22 GB of the 2.07 GB it wrote, at ten million 2.2 GB of 22.3.
This machine's disk writes 76 MB/s, and the kernel holds back a process that writes faster once the
pages waiting for the disk pass a limit (docs/SCALE.md, "What the disk takes").
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from kg.linesort import BLOCK, file_blocks
from kg.store import blank_node_lines, load_keeping_labels

# Bytes of lines per bulk load: Oxigraph's loader sorts a batch of up to a million quads in memory (0.9
# GiB for a million of the build's); 64 MiB, about 300,000 lines, lowered a million-statement build's peak
# from 2.08 to 1.42 GiB for 1-2 % more CPU (RocksDB merges the loads' files); 32 MiB lowered it no further
LOAD_BYTES = 64 << 20
PIPE_BYTES = 1 << 20  # asked of the kernel for the pipe (Linux): the filler wakes a few times a MiB, not 16


def load(store, path: Path, folder: Path | None = None, at_once: int = 1) -> None:
    """Load an N-Quads (or N-Triples) file the build wrote into ``store``, read leniently (IRIs not
    validated again: it was serialized from terms Oxigraph had parsed and checked; 10 % of the load's CPU):
    on disk, bulk loads through named pipes in ``folder``, ``at_once`` side by side (bulk_load); in memory
    (``folder`` None), a transaction per block."""
    if folder is not None:
        bulk_load(store, path, folder, at_once)
    else:
        load_keeping_labels(store, path)


def bulk_load(store, path: Path, folder: Path, at_once: int = 1) -> None:
    """Bulk loads of the file at ``path`` into an on-disk store, LOAD_BYTES of its lines at a time, each
    read by Oxigraph from a named pipe in ``folder`` that a thread fills with its lines that hold no blank
    node (outside the GIL while it writes); then those that do, under their labels. ``at_once``: loads run
    side by side, each on a core (a load parses and sorts on one), each piece read before its load
    starts; with one, the file is read as the loader takes it."""
    import pyoxigraph as ox

    held: list[bytes] = []
    pieces = _apart(path, held, min(LOAD_BYTES, BLOCK))
    if at_once > 1:
        loads = ([first, *_up_to(pieces, LOAD_BYTES - len(first))] for first in pieces)
        _side_by_side(store, loads, folder, at_once)
    else:
        for first in pieces:
            _bulk_load_pieces(store, chain([first], _up_to(pieces, LOAD_BYTES - len(first))), folder)
    if held := b"".join(held):
        store.extend(ox.parse(held, format=ox.RdfFormat.N_QUADS))


def _side_by_side(store, loads: Iterator[list], folder: Path, at_once: int) -> None:
    """Each of ``loads`` (lists of pieces) in a bulk load of its own, ``at_once`` of them at a time (the
    store's files have random names, and RocksDB takes them in from several threads); the next is read
    only when a load ends. The first error is raised once the loads already started have ended."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    with ThreadPoolExecutor(at_once, thread_name_prefix="kg-store-load") as pool:
        running: set = set()
        try:
            while True:
                if len(running) >= at_once:
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        future.result()
                load = next(loads, None)
                if load is None:
                    break
                running.add(pool.submit(_bulk_load_pieces, store, iter(load), folder))
        finally:
            done, _ = wait(running)
        for future in done:
            future.result()


def _up_to(pieces: Iterator, size: int) -> Iterator:
    """The next of ``pieces`` until ``size`` bytes are taken (the last one whole)."""
    while size > 0:
        piece = next(pieces, None)
        if piece is None:
            return
        size -= len(piece)
        yield piece


def _bulk_load_pieces(store, pieces: Iterator, folder: Path) -> None:
    """One bulk load of ``pieces`` (whole lines) through a named pipe in ``folder``. Where there are no
    named pipes (Windows, some mounted file systems) the loader reads a temporary file of them instead.

    An error on either side ends both: the filler's is raised once the loader has read what came before
    it; a loader that stops early, or never opens the pipe, leaves the filler a closed pipe, not a wait."""
    import pyoxigraph as ox

    feed = folder / f".feed-{threading.get_ident()}.nq"
    failed: list[BaseException] = []
    filler = None
    try:
        try:
            os.mkfifo(feed)
        except (AttributeError, OSError):
            with open(feed, "wb") as out:
                out.writelines(pieces)
        else:
            filler = threading.Thread(target=_fill, args=(feed, pieces, failed), name="kg-store-feed",
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


def _fill(pipe: Path, pieces: Iterator, failed: list[BaseException]) -> None:
    """The filler's thread: the pipe gets the file's lines without a blank node; an error is kept in
    ``failed``, for the loader's side to raise."""
    try:
        with open(pipe, "wb", buffering=0) as out:
            _widen(out.fileno())
            for piece in pieces:
                _write_all(out, piece)
    except BrokenPipeError:  # the loader stopped reading: its own error is the one raised
        pass
    except BaseException as exc:  # raised once the loader is done
        failed.append(exc)


def _apart(path: Path, held: list[bytes], block_bytes: int) -> Iterator[memoryview]:
    """The file's lines that hold no blank node, as views of its blocks; the others go to ``held``."""
    for block in file_blocks(path, block_bytes):
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
