"""kg.store_feed: a file the build wrote, loaded as it is; the on-disk store's through a named pipe."""

import os
import threading
import time

import pyoxigraph as ox
import pytest

from kg import store_feed

EX = "http://ex/"
# the blank node of one graph, joined with itself in another: one node only if loaded under its label
JOINED = f"SELECT ?o WHERE {{ GRAPH <{EX}h> {{ <{EX}s1> <{EX}p> ?l }} GRAPH <{EX}g> {{ ?l <{EX}first> ?o }} }}"


def _file(tmp_path):
    """N-Quads as a build writes them: a blank node in two graphs, "_:" in a literal, more than a pipe holds."""
    path = tmp_path / "asserted.nq"
    path.write_bytes(b"".join(
        b'<http://ex/s%d> <http://ex/p> "a _: and \\u00e9 %d" <http://ex/g> .\n'
        b"<http://ex/s%d> <http://ex/p> <http://ex/o> <http://ex/h> .\n" % (n, n, n) for n in range(40_000))
        + b"_:list <http://ex/first> <http://ex/a> <http://ex/g> .\n"
        + b"<http://ex/s1> <http://ex/p> _:list <http://ex/h> .\n")
    return path


@pytest.mark.parametrize("on_disk", [True, False], ids=["on disk, through a pipe", "in memory"])
def test_a_file_loads_whole_and_keeps_its_blank_nodes(tmp_path, on_disk):
    """Every statement, the blank node one node across the graphs (joined), and no file left beside."""
    path = _file(tmp_path)
    store = ox.Store(str(tmp_path / "store")) if on_disk else ox.Store()
    store_feed.load(store, path, tmp_path if on_disk else None)
    reference = ox.Store()
    reference.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(reference) == 80_002
    named = {str(q) for q in store if "_:" not in str(q).split('"')[0]}
    assert named == {str(q) for q in reference if "_:" not in str(q).split('"')[0]}
    assert [row["o"].value for row in store.query(JOINED)] == [EX + "a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asserted.nq"] + (["store"] if on_disk else [])


class _Counting:
    """A store whose bulk loads are counted, with the lines each was given (read from a file, not a pipe)
    and the most that ran at once (each held a little, so that loads given side by side meet)."""

    def __init__(self, store):
        self.store, self.loads, self.running, self.most = store, [], 0, 0
        self.lock = threading.Lock()

    def bulk_load(self, *, path, **kwargs):
        with self.lock:
            self.loads.append(open(path, "rb").read() if os.path.isfile(path) else None)
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.05)
            self.store.bulk_load(path=path, **kwargs)
        finally:
            with self.lock:
                self.running -= 1

    def extend(self, quads):
        self.store.extend(quads)


@pytest.mark.parametrize("at_once", [1, 2], ids=["one load at a time", "two side by side"])
@pytest.mark.parametrize("pipes", [True, False], ids=["named pipes", "spooled"])
def test_a_file_larger_than_a_load_goes_in_several_the_same_store(tmp_path, monkeypatch, pipes, at_once):
    """Oxigraph's loader sorts what it is given in memory: a file is given to it LOAD_BYTES of whole lines at
    a time, ``at_once`` loads side by side, and the store is the one a single load makes (every statement,
    the blank node one node)."""
    path = _file(tmp_path)
    monkeypatch.setattr(store_feed, "LOAD_BYTES", 256 << 10)
    if not pipes:
        monkeypatch.delattr(os, "mkfifo")
    store = _Counting(ox.Store(str(tmp_path / "store")))
    store_feed.load(store, path, tmp_path, at_once)
    fed = sum(len(line) for line in path.read_bytes().splitlines(True) if b"_:" not in line)  # the rest is held
    expected = fed // (256 << 10)
    assert expected <= len(store.loads) <= expected + 2
    assert store.most == at_once
    if not pipes:  # each load had whole lines, at most a block over LOAD_BYTES
        assert all(lines.endswith(b"\n") and len(lines) <= 2 * (256 << 10) for lines in store.loads)
    reference = ox.Store()
    reference.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    assert len(store.store) == len(reference) == 80_002
    assert [row["o"].value for row in store.store.query(JOINED)] == [EX + "a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asserted.nq", "store"]


def test_a_bad_line_in_a_load_side_by_side_ends_them_all(tmp_path, monkeypatch):
    """The loader's error is raised once every load started has ended, no later one starts, and no pipe is
    left behind."""
    good = _file(tmp_path).read_bytes()
    path = tmp_path / "bad.nq"
    path.write_bytes(good + b"<http://ex/a> <http://ex/b> .\n" + good)
    monkeypatch.setattr(store_feed, "LOAD_BYTES", 256 << 10)
    store = _Counting(ox.Store(str(tmp_path / "store")))
    error = _ends(lambda: store_feed.load(store, path, tmp_path, 2))
    assert isinstance(error, SyntaxError)
    assert len(store.loads) < 2 * len(good) // (256 << 10)
    assert not list(tmp_path.glob(".feed-*"))


@pytest.mark.parametrize("missing", [True, False], ids=["no os.mkfifo", "a file system without pipes"])
def test_without_named_pipes_the_file_is_spooled_first(tmp_path, monkeypatch, missing):
    """Where os.mkfifo is missing (Windows) or refused, the bulk loader reads a temporary copy, removed after."""
    path = _file(tmp_path)
    if missing:
        monkeypatch.delattr(os, "mkfifo")
    else:
        def refused(where):
            raise PermissionError(1, "Operation not permitted", str(where))

        monkeypatch.setattr(os, "mkfifo", refused)
    store = ox.Store(str(tmp_path / "store"))
    store_feed.load(store, path, tmp_path)
    assert len(store) == 80_002
    assert [row["o"].value for row in store.query(JOINED)] == [EX + "a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asserted.nq", "store"]


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


def test_an_error_reading_the_file_is_raised_once_the_loader_has_read_what_came_before(tmp_path, monkeypatch):
    path = _file(tmp_path)
    blocks = store_feed.blank_node_lines

    def failing_on_the_second_block(block):
        failing_on_the_second_block.calls += 1
        if failing_on_the_second_block.calls == 2:
            raise OSError("disk gone (simulated)")
        return blocks(block)

    failing_on_the_second_block.calls = 0
    monkeypatch.setattr(store_feed, "blank_node_lines", failing_on_the_second_block)
    store = ox.Store(str(tmp_path / "store"))
    error = _ends(lambda: store_feed.load(store, path, tmp_path))
    assert isinstance(error, OSError) and "simulated" in str(error)
    assert failing_on_the_second_block.calls == 2  # the file is read in blocks of 4 MiB: the first went in
    assert not list(tmp_path.glob(".feed-*"))


def test_a_loader_that_stops_early_ends_the_filler_too(tmp_path):
    """A line the loader refuses, then more than the pipe holds: the filler meets a closed pipe."""
    path = tmp_path / "bad.nq"
    path.write_bytes(b"<http://ex/a> <http://ex/b> .\n" + _file(tmp_path).read_bytes() * 10)
    store = ox.Store(str(tmp_path / "store"))
    error = _ends(lambda: store_feed.load(store, path, tmp_path))
    assert isinstance(error, SyntaxError)
    assert not list(tmp_path.glob(".feed-*"))


def test_a_loader_that_never_opens_the_pipe_does_not_leave_the_filler_waiting(tmp_path):
    class Refusing:
        def bulk_load(self, **_kwargs):
            raise OSError("no store (simulated)")

    error = _ends(lambda: store_feed.load(Refusing(), _file(tmp_path), tmp_path))
    assert isinstance(error, OSError) and "simulated" in str(error)
    assert not list(tmp_path.glob(".feed-*"))
