"""Sorting the lines of N-Triples / N-Quads files larger than memory (an external merge sort).

:func:`sorted_unique_lines` reads files block by block, sorts each run of at most ``budget`` bytes in
memory, spills it to a temporary file and merges the runs: the lines come out sorted bytewise and
deduplicated, as ``sorted(set(lines))`` would give them, while at most one run is held. The dumps of
``kg export`` are made this way, so that exporting a graph of any size takes memory of one run's size.

Beyond FAN_IN runs, the first runs are merged into one first, as often as it takes for FAN_IN to be
left, so that the merge's memory (a block of each run) does not grow with the input either.

Lines travel in batches (lists of lines without their newline), and runs are merged a block at a time:
what every run holds up to the smallest of their blocks' last lines is taken and sorted together (Python's
sort merges sorted pieces in linear time), so that no step of a million lines runs line by line in Python.

With ``workers`` above one, the runs are sorted and spilled by that many processes forked from this one
(where that is safe: Linux, a single thread) while it reads on; each run then holds ``budget / workers``
bytes, so that the processes together hold about what one did. The merge stays here. The output is the
same whatever the runs, so the same whatever the workers.

Bytewise order sorts N-Quads lines by their triple first: a space (which ends the object and precedes the
graph name) sorts before every character that can continue a term, so the lines of one triple are
adjacent and the triples come in N-Triples order (:func:`distinct_triples`).
"""

from __future__ import annotations

import shutil
import tempfile
from bisect import bisect_right
from contextlib import contextmanager
from itertools import compress, islice
from operator import ne
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

BUDGET = 48 * 1024 * 1024  # bytes of lines per run held in memory (about twice that as Python objects)
BLOCK = 4 * 1024 * 1024  # bytes read at a time
RUN_BLOCK = 1024 * 1024  # bytes of each run read at a time as the runs are merged
FAN_IN = 64  # runs merged at once: the merge holds a block of each (64 MiB of lines, some 160 MiB as objects)


def file_blocks(path: Path, block: int = BLOCK) -> Iterator[bytes]:
    """A file's bytes in blocks that end at a line's end (the last one as the file ends)."""
    rest = b""
    with open(path, "rb") as f:
        while chunk := f.read(block):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            rest = chunk[cut:]
            if cut:
                yield chunk[:cut]
    if rest:
        yield rest + b"\n"


def files_blocks(paths: list[Path], advance=None, detail: str = "MiB read") -> Iterator[bytes]:
    """The blocks of several files one after the other (file_blocks); ``advance`` (a progress step's) is told
    the MiB read of their total as they go: from the reading loop, in this process, so that a sort's forked
    workers draw nothing."""
    total, read = sum(path.stat().st_size for path in paths) >> 20, 0
    for path in paths:
        for block in file_blocks(path):
            if advance is not None:
                read += len(block)
                advance(read >> 20, total, detail)
            yield block


def sorted_unique_lines(blocks: Iterable[bytes], scratch: Path, budget: int | None = None,
                        transform: Callable[[bytes], bytes] | None = None,
                        workers: int = 1) -> Iterator[list[bytes]]:
    """The distinct non-empty lines of ``blocks`` (bytes of whole lines), sorted bytewise, in batches
    (lists of lines without their newline); ``transform`` is applied to each block first (it must keep
    whole lines, and be a module-level function when ``workers`` > 1: it goes to other processes); runs
    beyond ``budget`` bytes go to temporary files in the folder ``scratch``, removed when the iteration
    ends; ``workers`` processes sort them."""
    budget = BUDGET if budget is None else budget
    workers = workers if workers > 1 and _can_fork() else 1
    runs = _Runs(scratch, transform, workers)
    if workers > 1:
        budget = max(budget // workers, 1)
    try:
        held: list[bytes] = []
        size = 0
        for block in blocks:
            held.append(block)
            size += len(block)
            if size >= budget:
                runs.spill(held)
                held, size = [], 0
        if not runs.paths:  # one run: sorted here, nothing written
            yield from _batches(_sorted_unique(_run_lines(held, transform)))
            return
        if held:
            runs.spill(held)
        yield from _merged([_run_batches(path) for path in _at_most(runs.finished(), FAN_IN, runs.tmp)])
    finally:
        runs.close()


class _Runs:
    """The sorted runs of one sort, spilled to a temporary folder (made with the first) by this process or
    by a pool of ``workers`` processes, at most ``workers`` runs in flight."""

    def __init__(self, scratch: Path, transform, workers: int):
        self.scratch, self.transform, self.workers = scratch, transform, workers
        self.paths: list[Path] = []
        self.tmp: Path | None = None
        self._pool = None
        self._pending: list = []

    def spill(self, blocks: list[bytes]) -> None:
        """Sort and write the lines of ``blocks`` (emptied: what is handed on is not held twice)."""
        if self.tmp is None:
            self.tmp = Path(tempfile.mkdtemp(prefix=".kg-sort-", dir=self.scratch))
        path = self.tmp / f"run{len(self.paths):05d}"
        self.paths.append(path)
        if self.workers <= 1:
            _spill(_run_lines(blocks, self.transform), path)
            return
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # with fork, the pool starts its processes at once, before the thread that manages them
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        with _worker_deaths():
            if len(self._pending) >= self.workers:  # the next run waits: memory of ``workers`` runs in flight
                self._pending.pop(0).result()
            self._pending.append(self._pool.submit(_spill_blocks, blocks[:], self.transform, path))
        blocks.clear()

    def finished(self) -> list[Path]:
        with _worker_deaths():
            for future in self._pending:
                future.result()  # a worker's error (a full disk) is raised here
        self._pending = []
        return self.paths

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


@contextmanager
def _worker_deaths():
    """A worker that was killed (by the system, for want of memory most often) breaks the pool: what is
    waited on then, or submitted, raises BrokenProcessPool. That is the machine's doing, not a bug of kg's:
    a ResourceError that says so."""
    from concurrent.futures.process import BrokenProcessPool

    from kg.errors import ResourceError

    try:
        yield
    except BrokenProcessPool:
        raise ResourceError("a process sorting lines stopped before it was done (the system may have killed it "
                            "for want of memory); nothing it sorted was kept") from None


def _can_fork() -> bool:
    """Whether processes can be forked from this one safely: only on Linux, and only while it runs a single
    thread (a thread holding a lock as the fork happens leaves it held forever in the child). Not spawned
    instead: a spawned worker imports the caller's main module again, which a script without
    ``if __name__ == "__main__"`` does not survive."""
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # every thread, Python's and native (Oxigraph's, RocksDB's)
    except OSError:
        return False


def _run_lines(blocks: list[bytes], transform) -> list[bytes]:
    """The lines of ``blocks`` (emptied as they are split: their bytes and their lines are not both held)."""
    lines: list[bytes] = []
    blocks.reverse()
    while blocks:
        block = blocks.pop()
        lines += (transform(block) if transform is not None else block).splitlines()
    return lines


def _spill_blocks(blocks: list[bytes], transform, path: Path) -> Path:
    """A worker's part: one run's blocks, sorted and written."""
    return _spill(_run_lines(blocks, transform), path)


def _sorted_unique(lines: list[bytes]) -> list[bytes]:
    """Sorted in place, then deduplicated (sorting the lines in the order the files give them is six times
    faster than sorting a set of them, whose order scatters them in memory)."""
    lines.sort()
    unique = adjacent_unique(lines)
    if unique and not unique[0]:
        del unique[0]  # empty lines sort first
    return unique


def adjacent_unique(lines: list) -> list:
    """A sorted list (of lines, bytes or str) without its repeats (compared with their neighbours: no
    hashing)."""
    return list(compress(lines, map(ne, lines, islice(lines, 1, None)))) + lines[-1:]


def _spill(lines: list[bytes], path: Path) -> Path:
    with open(path, "wb") as f:
        f.writelines(batch_bytes(batch) for batch in _batches(_sorted_unique(lines)))
    return path


def _batches(lines: list[bytes], size: int = 65536) -> Iterator[list[bytes]]:
    for start in range(0, len(lines), size):
        yield lines[start:start + size]


def _run_batches(path: Path) -> Iterator[list[bytes]]:
    for block in file_blocks(path, RUN_BLOCK):
        yield block.splitlines()


def _at_most(paths: list[Path], fan_in: int, tmp: Path) -> list[Path]:
    """The runs ``paths``, the first of them merged into one run (and removed) as often as it takes for
    at most ``fan_in`` to be left: the memory of a merge is that of ``fan_in`` runs' blocks whatever the
    number of runs, and only as many lines as that takes are written again (beyond ``fan_in`` runs)."""
    paths, fan_in = list(paths), max(fan_in, 2)  # merging one run into one would never end
    merged = 0
    while len(paths) > fan_in:
        take = min(len(paths) - fan_in + 1, fan_in)
        group, paths = paths[:take], paths[take:]
        path = tmp / f"merged{merged:05d}"
        merged += 1
        with open(path, "wb") as f:
            f.writelines(batch_bytes(batch) for batch in _merged([_run_batches(run) for run in group]))
        for run in group:
            run.unlink()
        paths.append(path)
    return paths


def _merged(runs: list[Iterator[list[bytes]]]) -> Iterator[list[bytes]]:
    """Sorted runs (iterators of sorted batches, each line once per run) merged into sorted batches,
    each line once: every line up to the smallest last line of the runs' current batches is taken, from
    every run, so that equal lines meet in one batch."""
    heads = [next(run, None) for run in runs]
    previous = None
    while True:
        live = [n for n, head in enumerate(heads) if head]
        if not live:
            return
        bound = min(heads[n][-1] for n in live)
        out: list[bytes] = []
        for n in live:
            head = heads[n]
            cut = bisect_right(head, bound)
            out += head[:cut]
            heads[n] = head[cut:] or next(runs[n], None)
        out.sort()
        out = adjacent_unique(out)
        if out[0] == previous:  # a run's batch ended between two copies of a line
            del out[0]
        if out:
            previous = out[-1]
            yield out


def distinct_triples(nquads: Iterable[list[bytes]]) -> Iterator[list[bytes]]:
    """Batches of N-Triples lines (without their newline) of sorted batches of N-Quads lines whose graph
    names are IRIs: each triple once, in order."""
    previous = None
    for batch in nquads:
        triples = adjacent_unique([line.rsplit(b" ", 2)[0] + b" ." for line in batch])  # "<s> <p> o <g> ."
        if triples and triples[0] == previous:  # a triple whose lines straddle two batches
            del triples[0]
        if triples:
            previous = triples[-1]
            yield triples


def triple_lines(block: bytes) -> bytes:
    """N-Quads lines whose graph names are IRIs (bytes of whole lines) as N-Triples lines: the graph name,
    the last term of each line, dropped (an IRI holds no space)."""
    triples = [line.rsplit(b" ", 2)[0] for line in block.splitlines() if line]
    return b" .\n".join(triples) + b" .\n" if triples else b""


def batch_bytes(batch: list[bytes]) -> bytes:
    """A batch of lines as bytes, each line ending in a newline."""
    return b"\n".join(batch) + b"\n" if batch else b""
