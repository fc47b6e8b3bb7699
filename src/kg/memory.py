"""Giving freed memory back to the system (glibc; a no-op elsewhere), pausing Python's cyclic collector
while a step makes millions of objects, and what the system has: its memory available, the cores this
process may use.

glibc keeps what a process frees for its next allocations: after a million-statement index is dropped, or
a query that built large hash tables ends (Oxigraph allocates with the system's malloc, one arena per
thread), the process's resident size stays at its high-water mark. ``trim_memory`` hands the free pages
back; ``release_freed_memory`` makes large blocks go back on their own from then on.
"""

from __future__ import annotations

import ctypes
import gc
import threading
from contextlib import contextmanager

# glibc's mallopt(3) parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def _glibc():
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (musl, macOS): its allocator is left as it is
        return None


def release_freed_memory() -> None:
    """Fixed thresholds: blocks from 128 KiB up are mapped on their own (unmapped when freed) and the heap's
    top is trimmed past 128 KiB. glibc otherwise raises its threshold each time such a block is freed, so
    the next ones come from the heap, which it rarely shrinks."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
        libc.mallopt(_M_TRIM_THRESHOLD, 128 * 1024)


def trim_memory() -> None:
    """Hand the free pages of every arena back to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


_pause_lock = threading.Lock()
_pauses = 0  # steps inside collection_paused, in every thread
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def collection_paused():
    """Python's cyclic collector off for the block; on again when the last such block (in any thread) ends,
    if it was on before the first began.

    Every allocation of a container counts towards the next collection, and each third-generation one
    walks every object alive: a step that keeps the millions of statements, ids and tuples it makes
    (pyoxigraph's terms are tracked too) walks them for nothing; the merge spent a quarter of its time
    so at a million statements, a sixth at ten million (docs/SCALE.md). The steps run under it make no
    reference cycles of their own; the garbage cycles others make meanwhile wait for the next collection."""
    global _pauses, _resume
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def available_memory() -> int | None:
    """Bytes the system can give without swapping (Linux's MemAvailable; free pages elsewhere), or None
    where neither is known."""
    import os

    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def usable_cores() -> int:
    """The cores this process may run on (its affinity on Linux; the machine's cores elsewhere)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
