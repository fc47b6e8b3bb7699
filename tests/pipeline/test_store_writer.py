"""kg.store_writer: one store written in a thread of its own, a task after another."""

import time

import pytest

from kg.store_writer import StoreWriter


def test_a_writer_held_after_another_starts_once_the_other_is_done():
    """``after``: the held writer's next task starts only when the other has done every task given it
    before (two loaders whose buffers would meet otherwise)."""
    first, held = StoreWriter(None), StoreWriter(None)
    order = []
    first.then(lambda _store: (time.sleep(0.5), order.append("first")))  # not held, "held" would come first
    held.after(first)
    held.then(lambda _store: order.append("held"))
    held.wait()
    first.wait()
    assert order.index("first") < order.index("held")


def test_a_writer_held_after_a_failed_one_goes_on_and_the_failure_is_kept(tmp_path):
    """A writer that failed still tells the one held after it (which would wait for ever otherwise);
    its own error is raised by its wait."""
    first, held = StoreWriter(None), StoreWriter(None)
    first.load_file(tmp_path / "missing.nq")
    held.after(first)
    done = []
    held.then(lambda _store: done.append(True))
    held.wait()
    assert done == [True]
    with pytest.raises(OSError):
        first.wait()
