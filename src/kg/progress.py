"""Progress of long work, on stderr: steps, counts and elapsed time.

A ``Reporter`` is handed down by the command line; the library calls
``step(name)`` around each stage and ``advance(done, total, detail)`` inside
one.  On a terminal the current step shows a bar that is redrawn in place;
when stderr is piped only one line per finished step is written; ``quiet``
writes nothing.  The library never prints on its own: without a reporter it
gets ``SILENT``.

A stage that is one long call (reasoning, loading a store) hands the step a
:class:`Tally` that the call fills as it goes (``step.watch(tally)``): on a
terminal it is read and drawn every second, so that minutes of work are never
a still line.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

WATCH_EVERY = 1.0  # seconds between two draws of a watched step
WATCHER = "kg-progress"  # the name of the thread that draws it


class Tally:
    """What a long call has done so far, filled by the call and read by the step that watches it: ``done``
    of ``total`` (None: no known end), or ``len(counted)`` when the call counts in a list of its own, and
    ``detail`` (its phase)."""

    def __init__(self, total: int | None = None, detail: str = ""):
        self.done = 0
        self.total = total
        self.detail = detail
        self.counted = None  # a sized object whose length is the count, when the call keeps one

    def count(self) -> int:
        return len(self.counted) if self.counted is not None else self.done


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
        self._drawing = threading.Lock()  # a watched step is drawn from a thread of its own
        self._watcher: tuple[threading.Thread, threading.Event] | None = None
        self._tally: Tally | None = None

    def note(self, message: str) -> None:
        """A line of its own (a warning, where the build goes, …)."""
        if self.quiet:
            return
        with self._drawing:
            self._clear_line()
            self.stream.write(f"{self.prefix}{message}\n")
            self.stream.flush()

    @contextmanager
    def step(self, label: str):
        """``with reporter.step("reasoning") as step: …; step.done("2128 triples inferred")``."""
        self._label, self._start = label, time.perf_counter()
        step = _Step(self)
        try:
            yield step
        finally:  # also when the step fails: no drawing outlives it, and no bar is left on the line
            self._unwatch()
            self._clear()
            self._label, self._tally = None, None
        elapsed = time.perf_counter() - self._start
        if not self.quiet:
            detail = f": {step.summary}" if step.summary else ""
            self.stream.write(f"{self.prefix}{label}{detail} ({elapsed:.1f} s)\n")
            self.stream.flush()

    def watch(self, tally: Tally) -> None:
        """Draw ``tally`` every WATCH_EVERY seconds until the current step ends (on a terminal only: piped,
        a step is one line once done, and no thread is started); a later call in the same step draws its
        tally instead."""
        self._tally = tally
        if not self.tty or self._label is None or self._watcher is not None:
            return
        stop = threading.Event()

        def draw():
            try:
                while not stop.wait(WATCH_EVERY):
                    shown = self._tally
                    self.advance(shown.count(), shown.total, shown.detail, force=True)
            except Exception:  # noqa: BLE001 - a terminal gone away: the work goes on, undrawn
                return

        thread = threading.Thread(target=draw, name=WATCHER, daemon=True)
        self._watcher = thread, stop
        thread.start()

    def _unwatch(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            thread, stop = watcher
            stop.set()
            thread.join()

    def advance(self, done: int, total: int | None = None, detail: str = "", force: bool = False) -> None:
        if not self.tty or self._label is None:
            return
        with self._drawing:
            self._draw(done, total, detail, force)

    def _draw(self, done: int, total: int | None, detail: str, force: bool) -> None:
        now = time.perf_counter()
        if not force and now - self._last_draw < 0.1 and (total is None or done < total):
            return
        self._last_draw = now
        elapsed = now - self._start
        if total:
            width = 24
            filled = int(width * min(done, total) / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done}" if done else ""  # a count, where the work counts something
        text = " ".join(part for part in (f"{self.prefix}{self._label}", bar, f"{elapsed:.0f} s", detail) if part)
        self.stream.write("\r" + text[:120].ljust(self._width()) + "\r")
        self.stream.flush()
        self._drawn = True

    def _width(self) -> int:
        return 120

    def _clear(self) -> None:
        with self._drawing:
            self._clear_line()

    def _clear_line(self) -> None:
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

    def watch(self, tally: Tally) -> None:
        """Show ``tally`` as the step's bar while it runs (Reporter.watch)."""
        self.reporter.watch(tally)

    def done(self, summary: str) -> None:
        self.summary = summary


SILENT = Reporter(quiet=True)
