"""kg.store_feed: what the build's stores load, the on-disk store through a named pipe, never a copy."""

import os
import threading

import pyoxigraph as ox
import pytest

from kg import store_feed
from kg.store_feed import Feed

EX = "http://ex/"


def _quads(store) -> set[str]:
    return {str(q) for q in store}


def _files(tmp_path):
    """asserted.nq and inferred.nq as a build writes them: a blank node in both, "_:" in a literal, a
    statement in two graphs (one triple of the closure), more than a pipe holds."""
    asserted, inferred = tmp_path / "asserted.nq", tmp_path / "inferred.nq"
    asserted.write_bytes(b"".join(
        b'<http://ex/s%d> <http://ex/p> "a _: and \\u00e9 %d" <http://ex/g> .\n'
        b"<http://ex/s%d> <http://ex/p> <http://ex/o> <http://ex/g> .\n"
        b"<http://ex/s%d> <http://ex/p> <http://ex/o> <http://ex/h> .\n" % (n, n, n, n) for n in range(30_000))
        + b"_:list <http://ex/first> <http://ex/a> <http://ex/g> .\n")
    inferred.write_bytes(b"_:list <http://ex/type> <http://ex/List> <http://ex/i> .\n"
                         b"<http://ex/s1> <http://ex/type> <http://ex/T> <http://ex/i> .\n")
    return asserted, inferred


def _reference(asserted, inferred) -> ox.Store:
    """The same statements loaded in one call from one text (one call: its blank node is one node)."""
    data = asserted.read_bytes() + inferred.read_bytes()
    triples = b"".join(line.rsplit(b" ", 2)[0] + b" .\n" for line in data.splitlines())
    store = ox.Store()
    store.load(data + triples, format=ox.RdfFormat.N_QUADS)
    return store


@pytest.mark.parametrize("on_disk", [True, False], ids=["on disk, through a pipe", "in memory"])
def test_a_store_fed_in_parts_holds_what_one_load_of_the_whole_holds(tmp_path, on_disk):
    """asserted.nq, then inferred.nq and the closure in one load: every statement, each triple of the
    default graph once, and the blank node one node across the graphs (joined), as one load of it all."""
    asserted, inferred = _files(tmp_path)
    store = ox.Store(str(tmp_path / "store")) if on_disk else ox.Store()
    folder = tmp_path if on_disk else None
    store_feed.load(store, Feed.file(asserted), folder)
    store_feed.load(store, Feed.file(inferred) + store_feed.closure(asserted, inferred), folder)
    assert len(store) == 30_000 * 3 + 3 + 30_000 * 2 + 3
    reference = _reference(asserted, inferred)
    assert len(store) == len(reference)
    joined = f"SELECT ?o WHERE {{ GRAPH <{EX}g> {{ ?l <{EX}first> ?o }} GRAPH <{EX}i> {{ ?l <{EX}type> ?t }} ?l <{EX}first> ?o }}"
    assert [row["o"].value for row in store.query(joined)] == [EX + "a"]
    # blank nodes aside, the same quads
    named = {q for q in _quads(store) if "_:" not in q.split('"')[0]}
    assert named == {q for q in _quads(reference) if "_:" not in q.split('"')[0]}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["asserted.nq", "inferred.nq"]
                                                                + (["store"] if on_disk else []))


def test_a_feed_is_read_anew_by_each_store(tmp_path):
    asserted, inferred = _files(tmp_path)
    feed = store_feed.closure(asserted, inferred)
    assert list(feed.blocks()) == list(feed.blocks())
    assert feed.name == "the closure" and (Feed.file(inferred) + feed).name == "inferred.nq and the closure"


def test_without_named_pipes_the_feed_is_spooled_to_a_file_first(tmp_path, monkeypatch):
    """Where os.mkfifo is missing (Windows) the bulk loader reads a temporary file, removed after."""
    asserted, inferred = _files(tmp_path)
    monkeypatch.delattr(os, "mkfifo")
    store = ox.Store(str(tmp_path / "store"))
    store_feed.load(store, Feed.file(asserted) + Feed.file(inferred), tmp_path)
    assert len(store) == 30_000 * 3 + 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asserted.nq", "inferred.nq", "store"]


def _ends(call, seconds=60):
    """``call()``'s error, from a thread that must end (a filler waiting on a pipe would hang it)."""
    found = []

    def run():
        try:
            call()
        except BaseException as exc:  # what the test checks
            found.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the load did not end"
    return found[0] if found else None


def test_an_error_making_the_feed_is_raised_once_the_loader_has_read_what_came_before(tmp_path):
    asserted, _ = _files(tmp_path)

    def failing():
        yield asserted.read_bytes()
        raise OSError("disk gone (simulated)")

    store = ox.Store(str(tmp_path / "store"))
    error = _ends(lambda: store_feed.load(store, Feed("broken", (failing,)), tmp_path))
    assert isinstance(error, OSError) and "simulated" in str(error)
    assert not list(tmp_path.glob(".feed-*"))


def test_a_loader_that_stops_early_ends_the_feed_too(tmp_path):
    """A line the loader refuses, then more than the pipe holds: the filler meets a closed pipe."""
    asserted, _ = _files(tmp_path)
    bad = Feed("bad", (lambda: [b"<http://ex/a> <http://ex/b> .\n"], lambda: [asserted.read_bytes()] * 20))
    store = ox.Store(str(tmp_path / "store"))
    error = _ends(lambda: store_feed.load(store, bad, tmp_path))
    assert isinstance(error, SyntaxError)
    assert not list(tmp_path.glob(".feed-*"))


def test_a_loader_that_never_opens_the_pipe_does_not_leave_the_filler_waiting(tmp_path):
    class Refusing:
        def bulk_load(self, **_kwargs):
            raise OSError("no store (simulated)")

    asserted, _ = _files(tmp_path)
    error = _ends(lambda: store_feed.load(Refusing(), Feed.file(asserted), tmp_path))
    assert isinstance(error, OSError) and "simulated" in str(error)
    assert not list(tmp_path.glob(".feed-*"))
