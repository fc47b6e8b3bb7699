"""Progress of long work, on stderr: steps, counts and elapsed time.

A ``Reporter`` is handed down by the command line; the library calls
``step(name)`` around each stage and ``advance(done, total, detail)`` inside
one.  On a terminal the current step shows a bar that is redrawn in place;
when stderr is piped only one line per finished step is written; ``quiet``
writes nothing.  The library never prints on its own: without a reporter it
gets ``SILENT``.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Reporter:
    def __init__(self, stream=None, quiet: bool = False, tty: bool | None = None, prefix: str = "kg: "):
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = (self.stream.isatty() if tty is None else tty) and not quiet
        self.prefix = prefix
        self._label = None
        self._start = 0.0
        self._drawn = False
        self._last_draw = 0.0

    def note(self, message: str) -> None:
        """A line of its own (a warning, where the build goes, …)."""
        if self.quiet:
            return
        self._clear()
        self.stream.write(f"{self.prefix}{message}\n")
        self.stream.flush()

    @contextmanager
    def step(self, label: str):
        """``with reporter.step("reasoning") as step: …; step.done("2128 triples inferred")``."""
        self._label, self._start = label, time.perf_counter()
        step = _Step(self)
        try:
            yield step
        except BaseException:
            self._clear()
            raise
        elapsed = time.perf_counter() - self._start
        self._clear()
        if not self.quiet:
            detail = f": {step.summary}" if step.summary else ""
            self.stream.write(f"{self.prefix}{label}{detail} ({elapsed:.1f} s)\n")
            self.stream.flush()
        self._label = None

    def advance(self, done: int, total: int | None = None, detail: str = "") -> None:
        if not self.tty or self._label is None:
            return
        now = time.perf_counter()
        if now - self._last_draw < 0.1 and (total is None or done < total):
            return
        self._last_draw = now
        elapsed = now - self._start
        if total:
            width = 24
            filled = int(width * min(done, total) / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done}"
        text = f"{self.prefix}{self._label} {bar} {elapsed:.0f} s {detail}"
        self.stream.write("\r" + text[:120].ljust(self._width()) + "\r")
        self.stream.flush()
        self._drawn = True

    def _width(self) -> int:
        return 120

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._width() + "\r")
            self.stream.flush()
            self._drawn = False


class _Step:
    def __init__(self, reporter: Reporter):
        self.reporter = reporter
        self.summary = ""

    def advance(self, done: int, total: int | None = None, detail: str = "") -> None:
        self.reporter.advance(done, total, detail)

    def done(self, summary: str) -> None:
        self.summary = summary


SILENT = Reporter(quiet=True)
