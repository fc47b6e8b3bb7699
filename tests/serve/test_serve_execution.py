"""kg.serve.execution, worker, engine and answers: the worker pool, its limits and admission.

The timeout (a runaway query's worker is killed, reaped and replaced while
others are served), the bounded wait, admission under runaway clients (two
lanes, per-client limits, memory of cost), workers that crash or die, and
the caps on every answer (rows and bytes, streamed, with the server's
memory back near its baseline after).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from helpers.waiting import until
from helpers.serve_fixtures import CARTESIAN, JSON_RESULTS, from_address, rows, rss_mib, serving, spawned, sparql


def _gone(pid: int) -> bool:
    """The process is gone and reaped: not even a zombie is left."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


# ----------------------------------------------------------------- timeout

@pytest.mark.slow
def test_timeout_stops_the_work_and_others_are_served(real_project):
    """A cartesian product runs into a 1 s timeout: 504 with a message, its worker process is
    killed, reaped (no zombie) and replaced, and short queries are answered meanwhile."""
    with serving(real_project, timeout=1.0, workers=2, long_after=0.3) as s, from_address(s.url, "127.0.0.2") as c:
        before = set(s.pool.pids())
        out = {}
        t = threading.Thread(target=lambda: out.setdefault("resp", c.post("/sparql", data={"query": CARTESIAN})))
        t.start()
        time.sleep(0.3)
        quick = []
        while t.is_alive():
            quick.append(c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                               headers={"Accept": JSON_RESULTS}).status_code)
        t.join()
        resp = out["resp"]
        assert resp.status_code == 504, resp.text
        assert resp.text == ("the query ran longer than this endpoint's limit of 1 s and was stopped; "
                             "make it more selective or add LIMIT\n")
        # answered while the slow query was still running: the server was not blocked by it
        assert len(quick) >= 3 and set(quick) == {200}, quick
        (killed,) = before - set(s.pool.pids())
        assert _gone(killed), "the killed worker is still there (a zombie)"
        assert until(lambda: len(s.pool.pids()) == 2)
        stats = c.get("/status").json()["stats"]
        assert stats["timeouts"] == 1 and stats["replaced"] == 1
        assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_worker_that_dies_idle_is_reaped_and_replaced(real_project):
    """A worker killed from outside while idle leaves no zombie: the pool reaps and replaces it."""
    with serving(real_project, workers=2) as s, from_address(s.url, "127.0.0.3") as c:
        victim = s.pool.pids()[0]
        os.kill(victim, signal.SIGKILL)
        assert until(lambda: victim not in s.pool.pids() and len(s.pool.pids()) == 2, 5)
        assert _gone(victim)
        assert s.pool.stats["died"] == 1
        assert rows(sparql(c, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0]["n"]


@pytest.mark.slow
def test_a_request_never_waits_twice_the_timeout_and_the_queue_is_bounded(real_project):
    """One worker, room for one waiting request: of three runaway queries sent together one is refused at
    once (503), one runs into the timeout (504), and the one that waited is not given a second full timeout:
    it is refused (503) or stopped at the first one's deadline (504, 'waited')."""
    with serving(real_project, timeout=1.0, workers=1, queue=1) as s:
        answers = []

        def send(i):
            with from_address(s.url, f"127.0.1.{i}") as c:
                answers.append(c.post("/sparql", data={"query": CARTESIAN}))

        threads = [threading.Thread(target=send, args=(i,)) for i in range(1, 4)]
        for t in threads:
            t.start()
            time.sleep(0.05)
        for t in threads:
            t.join()
        refused = [r for r in answers if r.status_code == 503 and "already waiting" in r.text]
        assert len(refused) == 1 and refused[0].headers["retry-after"] == "1", [r.text for r in answers]
        ran = [r for r in answers if "ran longer than this endpoint's limit of 1 s" in r.text]
        assert len(ran) == 1 and ran[0].status_code == 504, [r.text for r in answers]
        (waited,) = [r for r in answers if r not in refused and r not in ran]
        assert (waited.status_code == 503 and "stayed busy" in waited.text) or (
            waited.status_code == 504 and "waited" in waited.text and "for a free query worker" in waited.text
        ), waited.text
        assert "retry-after" in waited.headers
        assert s.pool.stats["refused"] == 1 and s.pool.stats["timeouts"] >= 1


# --------------------------------------------------------------- admission

@pytest.mark.slow
def test_runaway_clients_do_not_starve_cheap_ones(real_project):
    """The attack: 20 looping runaway clients made 4 of 10 probe ASKs wait 10 s for a 503.  Here six
    runaway clients (as many as two per worker) loop a cartesian product; every probe ASK of another
    client is answered, in well under a second, because long queries hold at most one worker."""
    with serving(real_project, workers=3, timeout=3.0) as s:
        stop, statuses = threading.Event(), []

        def runaway(i):
            with from_address(s.url, f"127.0.2.{i}") as c:
                while not stop.is_set():
                    statuses.append(c.post("/sparql", data={"query": CARTESIAN}).status_code)

        threads = [threading.Thread(target=runaway, args=(i,)) for i in range(1, 7)]
        for t in threads:
            t.start()
        time.sleep(1.0)  # the runaways have taken (or tried to take) every worker
        seconds, answers = [], []
        with from_address(s.url, "127.0.2.99") as probe:
            for _ in range(10):
                t0 = time.perf_counter()
                answers.append(sparql(probe, "ASK { ?s a stc:ParkOrZone }").status_code)
                seconds.append(time.perf_counter() - t0)
                time.sleep(0.1)
        stop.set()
        for t in threads:
            t.join(10)
        assert answers == [200] * 10, answers
        assert max(seconds) < 1.0, seconds
        assert 200 not in statuses and statuses, statuses
        stats = s.pool.stats
        assert stats["long_lane"] + stats["stopped_long"] >= 1, stats


@pytest.mark.slow
def test_one_client_has_at_most_client_limit_requests(real_project):
    with serving(real_project, workers=2, timeout=2.0, client_limit=2) as s:
        answers = []

        def send():
            with from_address(s.url, "127.0.3.1") as c:
                t0 = time.perf_counter()
                r = c.post("/sparql", data={"query": CARTESIAN})
                answers.append((r, time.perf_counter() - t0))

        threads = [threading.Thread(target=send) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        refused = [(r, dt) for r, dt in answers if r.status_code == 429]
        assert len(refused) >= 2, [r.status_code for r, _ in answers]
        for r, dt in refused:
            assert dt < 1.0 and r.headers["retry-after"] == "1"
            assert "most one client may have at once" in r.text
        assert s.pool.stats["client_refused"] == len(refused)
        with from_address(s.url, "127.0.3.2") as other:  # another client is not affected
            assert sparql(other, "ASK {}").status_code == 200


@pytest.mark.slow
def test_a_query_that_ran_long_goes_to_the_long_lane_next_time(real_project):
    """Admission remembers a query that ran long (by text and arguments) and a client whose query was
    stopped: both go to the long lane (a client's cheap query from then on too, for a while)."""
    with serving(real_project, workers=2, timeout=1.0) as s:
        with from_address(s.url, "127.0.4.1") as first:
            assert first.post("/sparql", data={"query": CARTESIAN}).status_code == 504
            assert s.pool.stats["long_lane"] == 0
            assert sparql(first, "ASK {}").status_code == 200  # penalised: its SPARQL takes the long lane
            assert s.pool.stats["long_lane"] == 1
        with from_address(s.url, "127.0.4.2") as second:
            assert second.post("/sparql", data={"query": CARTESIAN}).status_code == 504
            assert s.pool.stats["long_lane"] == 2  # the same query: known long before it ran
        with from_address(s.url, "127.0.4.3") as third:
            assert sparql(third, "ASK {}").status_code == 200
            assert s.pool.stats["long_lane"] == 2


# ------------------------------------------------------------ crashes

def test_a_query_the_guard_lets_through_does_not_crash_its_worker(real_project):
    """The attack query itself (5,000 nested braces) on a server whose guard lets it through: under the
    usual 8 MiB stack the engine overflows it (a segmentation fault, shown first so this test proves
    something); a worker runs its jobs on a larger stack and answers."""
    query = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000 + " LIMIT 1"
    code = ("import sys, threading, pyoxigraph as ox\nthreading.stack_size(8 << 20)\n"
            "t = threading.Thread(target=lambda: ox.Store().query(sys.argv[1]))\nt.start(); t.join()\n")
    plain = subprocess.run([sys.executable, "-c", code, query], capture_output=True, timeout=60)
    assert plain.returncode == -signal.SIGSEGV, plain
    with serving(real_project, workers=1, max_depth=100_000) as s, from_address(s.url, "127.0.5.9") as c:
        pids = s.pool.pids()
        assert len(rows(sparql(c, query, method="POST"))) == 1
        assert s.pool.pids() == pids and s.pool.stats["died"] == 0


def test_a_query_that_crashes_its_worker_is_refused_from_then_on(real_project):
    """When a worker ends by a segmentation fault (a stack overflow the guard and the large stack did not
    prevent; here sent by hand), the client learns why (400, not a memory message), the worker is replaced,
    and the same query is refused at once without a worker."""
    query = CARTESIAN + "  # crashes"
    with serving(real_project, workers=2, timeout=5) as s, from_address(s.url, "127.0.5.1") as c:
        out = {}
        t = threading.Thread(target=lambda: out.setdefault("resp", c.post("/sparql", data={"query": query})))
        t.start()
        assert until(lambda: s.pool.busy_pids(), 5)
        (busy,) = s.pool.busy_pids()
        os.kill(busy, signal.SIGSEGV)
        t.join()
        assert out["resp"].status_code == 400 and "crashed the engine" in out["resp"].text, out["resp"].text
        assert _gone(busy) and until(lambda: len(s.pool.pids()) == 2)
        ran = s.pool.stats["queries"]
        again = c.post("/sparql", data={"query": query})
        assert again.status_code == 400 and "refused from now on" in again.text
        assert s.pool.stats["queries"] == ran and s.pool.stats["died"] == 1


# ------------------------------------------------------------------- caps

@pytest.fixture(scope="module")
def limited(real_project):
    import httpx

    with serving(real_project, max_rows=5, workers=1) as s, httpx.Client(base_url=s.url, timeout=30) as c:
        yield c


def test_rows_and_triples_are_capped(limited):
    resp = sparql(limited, "SELECT * WHERE { ?s ?p ?o }")
    assert len(rows(resp)) == 5 and resp.headers["kg-results-truncated"] == "max-rows=5"
    resp = sparql(limited, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert len(resp.text.strip().splitlines()) == 5 and resp.headers["kg-results-truncated"] == "max-rows=5"
    resp = sparql(limited, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert len(rows(resp)) == 3 and "kg-results-truncated" not in resp.headers


@pytest.mark.parametrize("path", ["/data/park/sinoswiss-technopark.nt", "/graph/inferred.nt", "/ontology.nt"])
def test_entity_graph_and_ontology_documents_are_capped(limited, path):
    resp = limited.get(path)
    assert resp.status_code == 200
    assert len(resp.text.strip().splitlines()) == 5 and resp.headers["kg-results-truncated"] == "max-rows=5"


def test_caps_read_no_further_than_needed_and_cut_whole_rows():
    import pyoxigraph as ox

    from kg.serve.answers import capped_rows, read_capped

    def stream():
        for i in range(3):
            t = ox.Triple(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:x:p"), ox.Literal("v"))
            yield t
            yield t  # duplicates do not count
        yield ox.Triple(ox.NamedNode("urn:x:3"), ox.NamedNode("urn:x:p"), ox.Literal("v"))
        raise AssertionError("read past the cap")

    kept, cut = read_capped(stream(), 3, 1 << 30, lambda t: 0, distinct=True)
    assert cut == "max-rows=3" and len(kept) == 3 == len(set(kept))
    big = [(ox.Literal("x" * 1000),) for _ in range(100)]

    def rows_then_fail():
        yield from big
        raise AssertionError("read past the byte cap")

    out = capped_rows(["o"], rows_then_fail(), "xml", 10_000, 20_000)
    assert out["cut"] == "max-bytes=20000" and len(out["body"]) <= 20_000 and 0 < out["count"] < 20
    results = ox.parse_query_results(out["body"], format=ox.QueryResultsFormat.XML)
    assert len(list(results)) == out["count"]  # a complete document of whole rows


@pytest.fixture(scope="module")
def big_literals(tmp_path_factory):
    """60 statements with a 300 KB literal each: an unbounded answer of 18 MB."""
    path = tmp_path_factory.mktemp("big") / "big.nq"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(60):
            f.write(f'<urn:x:s{i}> <urn:x:p> "{chr(65 + i % 26) * 300_000}" <urn:x:g> .\n')
    return path


def test_every_answer_is_capped_in_bytes_and_the_server_memory_stays_flat(big_literals):
    """The attack: rows of 290 KB strings made a 182 MB answer and server RSS peaked at 678 MiB, staying at
    twice its baseline after.  Here every answer stops at --max-bytes at a row or triple (a complete
    document; KG-Results-Truncated: max-bytes=N), travels through a spool file, and the server process's
    memory hardly moves while 20 such answers are written."""
    import httpx
    import rdflib

    limit = 1 << 20
    with spawned([big_literals], max_bytes=limit, workers=2) as (url, proc):
        select = {"query": "SELECT ?s ?o WHERE { ?s ?p ?o }"}
        construct = {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}
        with httpx.Client(base_url=url, timeout=60) as c:
            for _ in range(2):  # warm up every path once
                c.post("/sparql", data=select, headers={"Accept": JSON_RESULTS})
                c.post("/sparql", data=construct, headers={"Accept": "text/turtle"})
        base, peak, answers = rss_mib(proc.pid), [0.0], []
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], rss_mib(proc.pid))
                time.sleep(0.005)

        def load(i):
            with httpx.Client(base_url=url, timeout=60) as c:
                for j in range(5):
                    data, accept = (select, JSON_RESULTS) if (i + j) % 2 else (construct, "text/turtle")
                    answers.append(c.post("/sparql", data=data, headers={"Accept": accept}))

        sampler = threading.Thread(target=sample)
        sampler.start()
        loaders = [threading.Thread(target=load, args=(i,)) for i in range(4)]
        for t in loaders:
            t.start()
        for t in loaders:
            t.join()
        stop.set()
        sampler.join()
        after = rss_mib(proc.pid)
    assert len(answers) == 20
    for r in answers:
        assert r.status_code == 200 and r.headers["kg-results-truncated"] == f"max-bytes={limit}"
        assert len(r.content) <= limit and int(r.headers["content-length"]) == len(r.content)
        if r.headers["content-type"].startswith(JSON_RESULTS):
            assert 0 < len(json.loads(r.content)["results"]["bindings"]) < 60
        else:
            assert 0 < len(rdflib.Graph().parse(data=r.content, format="turtle")) < 60
    assert peak[0] - base < 24, (base, peak[0], after)
    assert after - base < 8, (base, after)


def test_a_worker_that_grew_large_is_replaced_after_its_answer(big_literals):
    import httpx

    with serving(files=[big_literals], workers=1, max_bytes=8 << 20) as s, \
            httpx.Client(base_url=s.url, timeout=60) as c:
        s.pool.recycle_mib = 8
        (pid,) = s.pool.pids()
        resp = c.post("/sparql", data={"query": "SELECT ?o WHERE { ?s ?p ?o }"}, headers={"Accept": JSON_RESULTS})
        assert resp.status_code == 200 and resp.headers["kg-results-truncated"] == f"max-bytes={8 << 20}"
        assert until(lambda: s.pool.pids() and s.pool.pids() != [pid])
        assert s.pool.stats["recycled"] == 1 and _gone(pid)


def test_pool_counters_are_consistent_under_threads():
    from kg.serve.execution import WorkerPool
    from kg.serve.limits import Settings

    pool = WorkerPool([], Settings(workers=1).resolved())
    try:
        def bump():
            for _ in range(20_000):
                pool._count("queries")

        threads = [threading.Thread(target=bump) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        snapshot = pool.stats
        assert snapshot["queries"] == 160_000
        snapshot["queries"] = 0  # a copy: the pool's own counters are not touched
        assert pool.stats["queries"] == 160_000
    finally:
        pool.close()
