"""Giving freed memory back to the system (glibc, jemalloc; a no-op elsewhere), the allocator a large
build runs with, pausing Python's cyclic collector while a step makes millions of objects, and what the
system has: its memory available, the cores this process may use.

glibc keeps what a process frees for its next allocations: after a million-statement index is dropped, or
a query that built large hash tables ends (Oxigraph allocates with the system's malloc, one arena per
thread), the process's resident size stays at its high-water mark. ``trim_memory`` hands the free pages
back; ``release_freed_memory`` makes large blocks go back on their own from then on.

Oxigraph's bulk loader makes and frees a small buffer per key of every index it sorts: under glibc's
malloc a fifth of a million-statement build's CPU went to allocating and freeing (docs/SCALE.md). The
allocator is chosen as a process starts (``LD_PRELOAD``), so ``kg build`` starts itself again with
jemalloc preloaded where the system has it (``restart_with_faster_allocator``; ``KG_ALLOCATOR=system``
keeps the C library's).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import os
import sys
import threading
from contextlib import contextmanager

from kg.errors import UsageError

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
    jemalloc = _jemalloc()
    if jemalloc is not None:
        jemalloc.mallctl(b"arena.%d.purge" % _MALLCTL_ARENAS_ALL, None, None, None, 0)
        return
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


# ------------------------------------------------------------------ the allocator
ALLOCATOR_VARIABLE = "KG_ALLOCATOR"
ALLOCATOR_CHOICES = ("auto", "system")  # auto: jemalloc where the system has it (Linux), for kg build
_MALLCTL_ARENAS_ALL = 4096  # jemalloc.h: every arena, in mallctl names
_PRELOADED_BY_KG = "KG_PRELOADED"  # what LD_PRELOAD was before kg added the allocator to it
# a malloc other than the C library's, by a function only it defines (tcmalloc's and mimalloc's too, for
# the manifest of a process someone started with one of them preloaded)
_ALLOCATOR_SYMBOLS = (("jemalloc", "mallctl"), ("mimalloc", "mi_version"), ("tcmalloc", "tc_version"))


@functools.lru_cache(maxsize=None)
def _process():
    """The symbols of this process (its program and every library loaded), or None where they cannot be had."""
    try:
        return ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no dynamic loader to ask
        return None


@functools.lru_cache(maxsize=None)
def _jemalloc():
    """jemalloc's ``mallctl`` when jemalloc is this process's malloc (preloaded, or linked in), else None."""
    process = _process()
    if process is None or not hasattr(process, "mallctl"):
        return None
    process.mallctl.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    process.mallctl.restype = ctypes.c_int
    return process


def _preloaded_allocator() -> str | None:
    """The name of the malloc this process runs with when it is not the C library's, else None."""
    process = _process()
    return next((name for name, symbol in _ALLOCATOR_SYMBOLS if process is not None and hasattr(process, symbol)),
                None)


def allocator() -> str:
    """The malloc this process runs with: ``jemalloc <version>``, ``mimalloc``, ``tcmalloc``,
    ``glibc <version>`` or ``system``."""
    jemalloc = _jemalloc()
    if jemalloc is not None:
        version = ctypes.c_char_p()
        size = ctypes.c_size_t(ctypes.sizeof(version))
        if jemalloc.mallctl(b"version", ctypes.addressof(version), ctypes.addressof(size), None, 0) == 0 \
                and version.value:
            return "jemalloc " + version.value.decode("ascii", "replace").split("-")[0]
    other = _preloaded_allocator()
    if other is not None:
        return other
    libc = _glibc()
    if libc is not None and hasattr(libc, "gnu_get_libc_version"):
        libc.gnu_get_libc_version.restype = ctypes.c_char_p
        return "glibc " + libc.gnu_get_libc_version().decode("ascii", "replace")
    return "system"


def allocator_choice() -> str:
    """``KG_ALLOCATOR`` (``auto`` when unset); a UsageError naming the variable otherwise."""
    choice = os.environ.get(ALLOCATOR_VARIABLE, "auto").strip().lower() or "auto"
    if choice not in ALLOCATOR_CHOICES:
        raise UsageError(f"{ALLOCATOR_VARIABLE}={os.environ[ALLOCATOR_VARIABLE]!r}: expected one of "
                         f"{', '.join(ALLOCATOR_CHOICES)}")
    return choice


def faster_allocator() -> str | None:
    """The library a large build should start with preloaded: jemalloc's, where this is Linux, the system
    has it, ``KG_ALLOCATOR`` is ``auto`` and the process runs the C library's (not one preloaded by
    whoever started it); None otherwise."""
    if not sys.platform.startswith("linux") or allocator_choice() != "auto" or _preloaded_allocator() is not None:
        return None
    import ctypes.util  # only here: it asks ldconfig, and kg query's start never needs it

    return ctypes.util.find_library("jemalloc")


def restart_with_faster_allocator() -> None:
    """Start this process's command line again (``sys.orig_argv``) with jemalloc preloaded, when
    ``faster_allocator`` names it. Returns in the process started again (LD_PRELOAD then put back as it
    was, so that the programs it starts do not inherit the allocator), when the preload failed there (once
    only), and when there is nothing to preload. Only a process's entry point may call this: the command
    line it repeats must be the command's own."""
    if _PRELOADED_BY_KG in os.environ:
        before = os.environ.pop(_PRELOADED_BY_KG)
        if before:
            os.environ["LD_PRELOAD"] = before
        else:
            os.environ.pop("LD_PRELOAD", None)
        return
    library = faster_allocator()
    if library is None:
        return
    env = dict(os.environ)
    env[_PRELOADED_BY_KG] = env.get("LD_PRELOAD", "")
    env["LD_PRELOAD"] = " ".join(filter(None, [library, env[_PRELOADED_BY_KG]]))
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, sys.orig_argv, env)
    except OSError:  # pragma: no cover - the interpreter cannot be started again: go on as we are
        return


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
