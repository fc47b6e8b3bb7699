"""The external sort behind the dumps (kg.linesort): what ``sorted(set(lines))`` gives, in memory of one
run, whatever the number of runs; and the dumps it makes, byte for byte what the whole graph in memory
gave, with a VoID description that counts what the store counts."""

from __future__ import annotations

import random
import subprocess
import sys
import threading

import pyoxigraph as ox
import pytest

from kg import linesort


def _lines(seed: int, n: int) -> list[bytes]:
    """N-Quads-like lines with shared prefixes, repeats, prefixes of one another and empty lines."""
    rng = random.Random(seed)
    subjects = [f"<https://w3id.org/stcoop/id/park/p{k}>".encode() for k in range(max(n // 20, 1))]
    out = []
    for _ in range(n):
        s = rng.choice(subjects + [b"_:b1", b"_:b10"])
        o = rng.choice([b'"a"', b'"a"@en', b'"a"@en-gb', b'"a b"', b"<https://x.org/o>", b'"1"^^<https://x.org/t>'])
        g = rng.choice([b"<https://x.org/g1>", b"<https://x.org/g2>", b"<https://x.org/g10>"])
        out.append(s + b" <https://x.org/p> " + o + b" " + g + b" .")
        if rng.random() < 0.02:
            out.append(b"")
    return out + out[: n // 3]  # a third again: repeats across runs


def _blocks(lines: list[bytes], size: int) -> list[bytes]:
    return [b"".join(line + b"\n" for line in lines[k:k + size]) for k in range(0, len(lines), size)]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("budget", [1, 200, 5_000, 10**9])
@pytest.mark.parametrize("seed", [1, 2])
def test_sorted_unique_lines_is_sorted_set_whatever_the_runs(tmp_path, budget, seed, workers):
    lines = _lines(seed, 3_000)
    expected = sorted(set(lines) - {b""})
    got = [line for batch in linesort.sorted_unique_lines(_blocks(lines, 97), tmp_path, budget=budget,
                                                          workers=workers) for line in batch]
    assert got == expected
    assert list(tmp_path.iterdir()) == []  # the runs are gone


@pytest.mark.parametrize("fan_in", [2, 3, 7])
@pytest.mark.parametrize("workers", [1, 2])
def test_many_runs_are_merged_a_few_at_a_time_into_the_same_lines(tmp_path, monkeypatch, fan_in, workers):
    """Beyond FAN_IN runs the first are merged into one run until FAN_IN are left: no merge reads more
    than FAN_IN runs at once, and the lines are those of one merge."""
    lines = _lines(3, 3_000)
    widths = []
    merged = linesort._merged

    def recorded(runs):
        widths.append(len(runs))
        return merged(runs)

    monkeypatch.setattr(linesort, "_merged", recorded)
    monkeypatch.setattr(linesort, "FAN_IN", fan_in)
    got = [line for batch in linesort.sorted_unique_lines(_blocks(lines, 97), tmp_path, budget=2_000,
                                                          workers=workers) for line in batch]
    assert got == sorted(set(lines) - {b""})
    assert len(widths) > 1 and max(widths) <= fan_in  # 150 runs or so: merged in several passes
    assert list(tmp_path.iterdir()) == []


_FORKED_SORT = r"""
import sys
from pathlib import Path
from kg import linesort
from kg.formats import canonical_nquads

forks = []
can_fork = linesort._can_fork
linesort._can_fork = lambda: forks.append(can_fork()) or forks[-1]
lines = [b"<s%d> <p> \"0%d\"^^<http://www.w3.org/2001/XMLSchema#integer> <g%d> ." % (k % 500, k % 7, k % 3)
         for k in range(20_000)]
blocks = [b"".join(line + b"\n" for line in lines[k:k + 100]) for k in range(0, len(lines), 100)]
got = [line for batch in linesort.sorted_unique_lines(blocks, Path(sys.argv[1]), budget=20_000,
                                                      transform=canonical_nquads, workers=2) for line in batch]
assert got == sorted(set(canonical_nquads(b"\n".join(lines)).split(b"\n"))), "not sorted(set(lines))"
assert forks == [True], "the runs were not sorted by forked processes"
"""


_KILLED_WORKER = """
import os, signal, sys, time
from pathlib import Path
from kg import linesort
from kg.errors import ResourceError

main, which = os.getpid(), sys.argv[2]

def killed_in_a_worker(block):
    if os.getpid() != main and (which == "every" or b"<s1000>" in block):
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
    return block

def blocks():
    for k in range(2_000):
        if which == "one" and k == 1_000:  # a run of its own (over the budget), whose worker dies
            yield b"".join(b"<s1000> <p> <o%d> <g> .\\n" % n for n in range(100))
            time.sleep(1)  # the pool is broken before the next run is handed to it
        else:
            yield b"<s%d> <p> <o> <g> .\\n" % k

try:
    for _ in linesort.sorted_unique_lines(blocks(), Path(sys.argv[1]), budget=2_000,
                                          transform=killed_in_a_worker, workers=2):
        pass
except ResourceError as exc:
    print(exc)
else:
    sys.exit("no error")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="processes are forked on Linux only")
@pytest.mark.parametrize("which", ["every", "one"])
def test_a_sorting_process_killed_is_a_resource_error_not_a_bug(tmp_path, which):
    """A worker the system kills (for memory, most often) ends the sort with kg's own error, which the command
    line shows as one line (exit 2), and its runs are removed: whether the death is found waiting for that
    worker's run or handing the broken pool the next one (``one``: a single worker dies, and the pool is
    broken before the next run goes to it)."""
    done = subprocess.run([sys.executable, "-c", _KILLED_WORKER, str(tmp_path), which], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "a process sorting lines stopped before it was done" in done.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="processes are forked on Linux only")
def test_forked_processes_sort_the_runs_of_a_single_threaded_process(tmp_path):
    """In a fresh interpreter (one thread, as `kg export` runs) the runs go to forked processes, with a
    transform, and the lines are those of one process."""
    done = subprocess.run([sys.executable, "-c", _FORKED_SORT, str(tmp_path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_process_is_forked_while_another_thread_runs():
    """A thread that holds a lock as the process forks would leave it held in the child: with a second
    thread alive the runs are sorted here."""
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not linesort._can_fork()
    finally:
        release.set()
        waiting.join()


def test_distinct_triples_are_the_sorted_triples_of_sorted_quads(tmp_path):
    lines = _lines(3, 2_000)
    batches = linesort.sorted_unique_lines(_blocks(lines, 50), tmp_path, budget=300)
    got = [line for batch in linesort.distinct_triples(batches) for line in batch]
    expected = sorted({line.rsplit(b" ", 2)[0] + b" ." for line in lines if line})
    assert got == expected


@pytest.mark.parametrize("budget", [300, 10**9])
def test_sorting_the_triples_gives_the_distinct_triples_of_the_sorted_quads(tmp_path, budget):
    """The two ways the N-Triples dump is made (triples sorted, or the sorted quads' triples) agree."""
    lines = _lines(4, 2_000)
    by_quads = linesort.distinct_triples(linesort.sorted_unique_lines(_blocks(lines, 50), tmp_path, budget=budget))
    by_triples = linesort.sorted_unique_lines(_blocks(lines, 50), tmp_path, budget=budget,
                                              transform=linesort.triple_lines)
    assert [line for b in by_triples for line in b] == [line for b in by_quads for line in b]


def test_triple_lines_drops_only_the_graph_name():
    block = (b'<s> <p> "x <g> ." <g1> .\n'  # a literal ending as a graph name would
             b'<s> <p> "1"^^<t> <g2> .\n'
             b'_:b <p> <o> <g3> .\n')
    assert linesort.triple_lines(block) == b'<s> <p> "x <g> ." .\n<s> <p> "1"^^<t> .\n_:b <p> <o> .\n'


def test_file_blocks_end_at_line_ends(tmp_path):
    path = tmp_path / "f.nq"
    path.write_bytes(b"".join(b"line %d\n" % n for n in range(1000)) + b"no newline at the end")
    blocks = list(linesort.file_blocks(path, block=64))
    assert all(b.endswith(b"\n") for b in blocks) and len(blocks) > 10
    assert b"".join(blocks) == path.read_bytes() + b"\n"


def test_the_dumps_of_many_runs_are_those_of_one(tmp_path, monkeypatch):
    """The seed graph's dumps (every format, and a release's restated ones) through runs of 64 KiB equal
    those of one run in memory."""
    from helpers.knowledge import built_real
    from kg.builds import current
    from kg.export import export_built

    built = current(built_real())
    export_built(built, tmp_path / "one")
    monkeypatch.setattr(linesort, "BUDGET", 64 * 1024)
    export_built(built, tmp_path / "many")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "many").iterdir())
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "many" / name).read_bytes(), name
    # the N-Triples dump alone sorts triples, not quads: the same bytes (its VoID counts: the next test)
    for budget in (64 * 1024, 10**9):
        monkeypatch.setattr(linesort, "BUDGET", budget)
        export_built(built, tmp_path / f"nt-{budget}", only=["nt"])
        assert (tmp_path / f"nt-{budget}" / "kg.nt").read_bytes() == (tmp_path / "one" / "kg.nt").read_bytes()


def test_the_void_counts_are_the_stores(tmp_path):
    """void.ttl counts the N-Triples dump's lines as they go by: the same figures as SPARQL aggregates
    on the build's store (what it asked before)."""
    from helpers.knowledge import built_real
    from kg import namespaces as ns
    from kg.builds import current
    from kg.export import export_built
    from kg.store import OxigraphStore

    built = current(built_real())
    export_built(built, tmp_path, only=["nt"])
    void = ox.Store()
    void.load(path=str(tmp_path / "void.ttl"), format=ox.RdfFormat.TURTLE, base_iri="file:///kg-dist/")
    store = OxigraphStore.open(built.store_path)

    def rows(store_query, text):
        return sorted(tuple(t.value for t in row) for row in store_query(text))

    prefixes = "PREFIX void: <http://rdfs.org/ns/void#> "
    (n, subjects, properties), = rows(lambda t: store.query(t).rows,
                                      "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?s2) (COUNT(DISTINCT ?p) AS ?p2) "
                                      "WHERE { ?s ?p ?o }")
    ds = f"<{ns.DATASET_IRI}>"
    (vn, vs, vp), = rows(lambda t: void.query(t),
                         prefixes + f"SELECT ?n ?s ?p WHERE {{ {ds} void:triples ?n ; void:distinctSubjects ?s ; "
                         "void:properties ?p }")
    assert (vn, vs, vp) == (n, subjects, properties)
    per_property = rows(lambda t: store.query(t).rows, "SELECT ?p (STR(COUNT(*)) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
    assert per_property == rows(lambda t: void.query(t), prefixes + f"SELECT ?p ?n WHERE {{ {ds} void:propertyPartition "
                                "[ void:property ?p ; void:triples ?n ] }")
    per_class = rows(lambda t: store.query(t).rows,
                     "SELECT ?c (STR(COUNT(?s)) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c")
    assert per_class == rows(lambda t: void.query(t), prefixes + f"SELECT ?c ?n WHERE {{ {ds} void:classPartition "
                             "[ void:class ?c ; void:entities ?n ] }")
    assert len(per_class) > 20 and len(per_property) > 50
