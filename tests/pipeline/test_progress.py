"""Long work shows progress (kg.progress): a step that is one long call is redrawn every second from the
tally the call fills, on a terminal only, and each long stage of a build fills one."""

from __future__ import annotations

import io
import re
import threading
import time

import pytest

from helpers.waiting import until
from kg import build as b
from kg import progress
from kg.progress import Reporter, Tally


def _drawn(stream: io.StringIO) -> list[str]:
    """The texts drawn in place (between carriage returns), blanks left out."""
    return [part.strip() for part in stream.getvalue().replace("\n", "\r").split("\r") if part.strip()]


def _drawing() -> bool:
    """Whether a thread drawing a watched step is alive."""
    return any(thread.name == progress.WATCHER for thread in threading.enumerate())


def test_a_watched_step_is_drawn_from_its_tally_until_it_ends(monkeypatch):
    monkeypatch.setattr(progress, "WATCH_EVERY", 0.01)
    out = io.StringIO()
    reporter = Reporter(stream=out, tty=True)
    tally = Tally(detail="indexing")
    with reporter.step("reasoning") as step:
        step.watch(tally)
        assert until(lambda: any(text.endswith("s indexing") for text in _drawn(out)))
        tally.counted, tally.detail = [1, 2, 3], "triples inferred, round 2"
        assert until(lambda: any(text.startswith("kg: reasoning 3 ") and text.endswith("round 2")
                                  for text in _drawn(out)))
        tally.counted, tally.done, tally.total, tally.detail = None, 1, 4, "shapes"
        assert until(lambda: any("[######..................] 1/4" in text for text in _drawn(out)))
        step.done("3 triples inferred")
    assert not _drawing() and reporter._watcher is None  # the drawing thread ends with the step
    assert re.search(r"\rkg: reasoning: 3 triples inferred \(\d+\.\d s\)\n$", out.getvalue())


def test_piped_a_watched_step_is_one_line_once_done_and_starts_no_thread(monkeypatch):
    monkeypatch.setattr(progress, "WATCH_EVERY", 0.001)
    out = io.StringIO()
    with Reporter(stream=out, tty=False).step("writing the store") as step:
        step.watch(Tally(total=3))
        assert not _drawing()
        time.sleep(0.02)
    assert "\r" not in out.getvalue() and out.getvalue().count("\n") == 1


def test_an_error_in_a_watched_step_ends_its_drawing(monkeypatch):
    monkeypatch.setattr(progress, "WATCH_EVERY", 0.001)
    out = io.StringIO()
    reporter = Reporter(stream=out, tty=True)
    with pytest.raises(ValueError):
        with reporter.step("working") as step:
            step.watch(Tally(detail="half way"))
            assert until(lambda: "half way" in out.getvalue())
            raise ValueError("the stage failed")
    assert not _drawing() and reporter._watcher is None and reporter._label is None
    assert out.getvalue().endswith("\r")  # the bar is cleared, and no line says the step was done


def test_a_drawing_that_fails_ends_quietly_and_the_work_goes_on(monkeypatch):
    """A terminal gone away (a write that raises) stops the drawing, never the step, with no traceback."""
    monkeypatch.setattr(progress, "WATCH_EVERY", 0.001)

    class GoneAway(io.StringIO):
        def write(self, text):
            if "\r" in text:
                raise OSError("the terminal hung up")
            return super().write(text)

    reporter = Reporter(stream=GoneAway(), tty=True)
    failures = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    with reporter.step("working") as step:
        step.watch(Tally())
        assert until(lambda: not _drawing())
        step.done("done all the same")
    assert failures == [] and reporter.stream.getvalue().startswith("kg: working: done all the same")


def _slowed(monkeypatch, module, name: str, out: io.StringIO):
    """``module.name`` made to wait for a drawing of the step it runs in (at most a second: the stores'
    threads also run it between steps, where nothing is drawn)."""
    original = getattr(module, name)

    def slow(*args, **kwargs):
        drawn = len(out.getvalue())
        until(lambda: len(out.getvalue()) > drawn, seconds=1.0, every=0.002)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)


def test_each_long_stage_of_a_build_shows_what_it_has_done(mini, monkeypatch):
    """Loading, reasoning, writing, SHACL, the checks and the store loaded last: each one long call, each drawn
    with its phase and its count as it runs (each stage held here until a drawing comes)."""
    from kg import store_feed, validate
    from kg.owlrl import evaluate
    from kg.shacl.run import Run

    monkeypatch.setattr(progress, "WATCH_EVERY", 0.005)
    out = io.StringIO()
    reporter = Reporter(stream=out, tty=True)
    for module, name in ((evaluate, "_run"), (b, "_write_pieces"), (store_feed, "load"),
                         (Run, "results_of_all")):
        _slowed(monkeypatch, module, name, out)
    check = validate.CheckRun._run

    def check_once_the_checks_step_shows(self, *args):  # checks start beside SHACL: this one ends after it
        until(lambda: reporter._label == "running the saved checks", every=0.002)
        time.sleep(0.1)
        return check(self, *args)

    monkeypatch.setattr(validate.CheckRun, "_run", check_once_the_checks_step_shows)
    b.build(mini, reporter=reporter, store_last=True)
    drawn = _drawn(out)

    def shown(label: str, detail: str) -> bool:
        return any(text.startswith(f"kg: {label} ") and detail in text for text in drawn)

    assert shown("loading inputs", "statements written to asserted.nq")
    assert shown("reasoning (OWL RL)", "triples inferred, round 1")
    assert shown("writing the dataset", "written to inferred.nq")
    assert shown("writing the dataset", "of the closure written for the stores")
    assert shown("validating (SHACL)", "shapes")
    assert shown("writing the store", "MiB")
    assert any(text.startswith("kg: validating (SHACL) [") for text in drawn)
    assert any(text.startswith("kg: writing the store [") and "/3 " in text for text in drawn)
    assert any(text.startswith("kg: running the saved checks [........................] 0/1 ") for text in drawn)


def test_a_store_loaded_alongside_and_not_done_after_validation_is_waited_for_in_a_step(mini, monkeypatch):
    """The on-disk store held back until the build's end: its last wait is a step of its own, watched."""
    from kg import store_feed
    from kg.store_writer import StoreWriter

    asked = threading.Event()
    busy, load = StoreWriter.busy, store_feed.load

    def busy_then_go_on(self):
        answer = busy(self)
        asked.set()
        return answer

    def load_once_asked(store, path, folder=None, at_once=1):
        if folder is not None:  # on disk
            assert asked.wait(60)
        return load(store, path, folder, at_once)

    monkeypatch.setattr(StoreWriter, "busy", busy_then_go_on)
    monkeypatch.setattr(store_feed, "load", load_once_asked)
    out = io.StringIO()
    b.build(mini, reporter=Reporter(stream=out, tty=False), store_last=False)
    lines = out.getvalue().splitlines()
    assert re.fullmatch(r"kg: finishing the store: loaded alongside validation \(\d+\.\d s\)", lines[-1]), lines
    assert lines[-2].startswith("kg: running the saved checks: ")
