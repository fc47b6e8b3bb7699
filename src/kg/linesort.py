"""Sorting the lines of N-Triples / N-Quads files larger than memory (an external merge sort).

:func:`sorted_unique_lines` reads files block by block, sorts each run of at most ``budget`` bytes in
memory, spills it to a temporary file and merges the runs: the lines come out sorted bytewise and
deduplicated, as ``sorted(set(lines))`` would give them, while at most one run is held. The dumps of
``kg export`` are made this way, so that exporting a graph of any size takes memory of one run's size.

Lines travel in batches (lists of lines without their newline), and runs are merged a block at a time:
what every run holds up to the smallest of their blocks' last lines is taken and sorted together (Python's
sort merges sorted pieces in linear time), so that no step of a million lines runs line by line in Python.

Bytewise order sorts N-Quads lines by their triple first: a space (which ends the object and precedes the
graph name) sorts before every character that can continue a term, so the lines of one triple are
adjacent and the triples come in N-Triples order (:func:`distinct_triples`).
"""

from __future__ import annotations

import shutil
import tempfile
from bisect import bisect_right
from itertools import compress, islice
from operator import ne
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

BUDGET = 48 * 1024 * 1024  # bytes of lines per run held in memory (about twice that as Python objects)
BLOCK = 4 * 1024 * 1024  # bytes read at a time


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


def line_blocks(data: bytes, block: int = BLOCK * 8) -> Iterator[bytes]:
    """``data`` (bytes of whole lines) in blocks that end at a line's end: what file_blocks gives of a file."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + block, len(data)) - 1) + 1 or len(data)
        yield data[start:end]
        start = end


def sorted_unique_lines(blocks: Iterable[bytes], scratch: Path, budget: int | None = None,
                        transform: Callable[[bytes], bytes] | None = None) -> Iterator[list[bytes]]:
    """The distinct non-empty lines of ``blocks`` (bytes of whole lines), sorted bytewise, in batches
    (lists of lines without their newline); ``transform`` is applied to each block first (it must keep
    whole lines); runs beyond ``budget`` bytes go to temporary files in the folder ``scratch``, removed
    when the iteration ends."""
    budget = BUDGET if budget is None else budget
    runs: list[Path] = []
    tmp = None  # made with the first run to spill: a graph that fits in one run writes nothing
    try:
        lines: list[bytes] = []
        held = 0
        for block in blocks:
            if transform is not None:
                block = transform(block)
            lines += block.splitlines()
            held += len(block)
            if held >= budget:
                tmp = tmp or Path(tempfile.mkdtemp(prefix=".kg-sort-", dir=scratch))
                runs.append(_spill(lines, tmp / f"run{len(runs):05d}"))
                lines, held = [], 0
        last = _sorted_unique(lines)
        del lines
        if not runs:
            yield from _batches(last)
            return
        yield from _merged([_run_batches(run) for run in runs] + [_batches(last)])
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _sorted_unique(lines: list[bytes]) -> list[bytes]:
    """Sorted in place, then deduplicated (sorting the lines in the order the files give them is six times
    faster than sorting a set of them, whose order scatters them in memory)."""
    lines.sort()
    unique = _adjacent_unique(lines)
    if unique and not unique[0]:
        del unique[0]  # empty lines sort first
    return unique


def _adjacent_unique(lines: list[bytes]) -> list[bytes]:
    """A sorted list without its repeated lines (compared with their neighbours: no hashing)."""
    return list(compress(lines, map(ne, lines, islice(lines, 1, None)))) + lines[-1:]


def _spill(lines: list[bytes], path: Path) -> Path:
    with open(path, "wb") as f:
        f.writelines(batch_bytes(batch) for batch in _batches(_sorted_unique(lines)))
    return path


def _batches(lines: list[bytes], size: int = 65536) -> Iterator[list[bytes]]:
    for start in range(0, len(lines), size):
        yield lines[start:start + size]


def _run_batches(path: Path) -> Iterator[list[bytes]]:
    for block in file_blocks(path, 1024 * 1024):
        yield block.splitlines()


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
        out = _adjacent_unique(out)
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
        triples = _adjacent_unique([line.rsplit(b" ", 2)[0] + b" ." for line in batch])  # "<s> <p> o <g> ."
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
