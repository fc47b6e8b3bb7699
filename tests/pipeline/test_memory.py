"""kg.memory.collection_paused: Python's cyclic collector off while a step makes millions of objects, and
back as it was once the last such step (in any thread) ends."""

import gc
import threading

import pytest

from kg.memory import collection_paused


@pytest.fixture(autouse=True)
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_in_the_block_and_on_after():
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_nested_block_leaves_it_off_until_the_outer_one_ends():
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_an_error_in_the_block_turns_it_back_on():
    with pytest.raises(ValueError):
        with collection_paused():
            raise ValueError("a step that failed")
    assert gc.isenabled()


def test_overlapping_blocks_in_two_threads_turn_it_on_once_both_end():
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def second():
        first_in.wait()
        with collection_paused():
            second_in.set()
            first_out.wait()
            seen["after the first ended"] = gc.isenabled()

    thread = threading.Thread(target=second)
    thread.start()
    with collection_paused():
        first_in.set()
        second_in.wait()
    first_out.set()
    thread.join()
    assert seen == {"after the first ended": False}
    assert gc.isenabled()


@pytest.mark.parametrize("fails", [False, True], ids=["built", "failed"])
def test_a_build_merges_and_reasons_with_the_collector_paused_and_gives_it_back(mini, monkeypatch, fails):
    from kg import build as build_module
    from kg import merge as merge_module
    from kg.owlrl import evaluate

    seen = {}

    def watching(name, function):
        def watched(*args, **kwargs):
            seen[name] = gc.isenabled()
            if fails and name == "reasoning":
                raise OSError(28, "No space left on device")
            return function(*args, **kwargs)
        return watched

    monkeypatch.setattr(merge_module, "_merge", watching("merge", merge_module._merge))
    monkeypatch.setattr(evaluate, "_closure", watching("reasoning", evaluate._closure))
    if fails:
        from kg.errors import BuildError

        with pytest.raises(BuildError):
            build_module.build(mini, force=True)
    else:
        build_module.build(mini, force=True)
    assert seen == {"merge": False, "reasoning": False}
    assert gc.isenabled()
