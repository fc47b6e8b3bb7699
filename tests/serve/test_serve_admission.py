"""kg.serve.admission (and the parts of kg.serve.execution that apply it): the lanes by cost, tested as a
mechanism — no worker runs and nothing is timed, except in the last test, which floods a real server.

The attack of issue 19: 20 client identities each sending a new runaway query text every time reached the
workers cheap requests use (55 worker restarts in 30 s, a cheap query waited 7.75 s).  No memory of a text
and no penalty of one identity keeps such a flood out; what does is a lane for unproven queries that may
never hold the workers kept for proven ones, with the refusals it causes answered slowly.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter

import pytest
from helpers.serve_fixtures import CARTESIAN, from_address, rows, serving, sparql

from kg.serve.admission import Admission, Ticket
from kg.serve.limits import REFUSAL_DELAY, HttpError, Settings


def admission(**limits) -> Admission:
    return Admission(Settings(**{"workers": 3, **limits}).resolved(), Counter())


def start(a: Admission, client: str | None, fingerprint: str | None) -> Ticket:
    """Admit a request and put it in its lane's queue."""
    t = a.admit(client, fingerprint)
    a.wait(t)
    return t


def dispatch(a: Admission, free: int) -> list[Ticket]:
    """Hand ``free`` idle workers to waiting tickets, as the pool does."""
    out = []
    for _ in range(free):
        t = a.next_ticket()
        if t is None:
            break
        out.append(t)
    return out


def test_the_lane_is_what_is_known_of_the_cost():
    a = admission()
    assert a.admit("page-client", None).lane == "cheap"  # the server's own bounded jobs
    t = start(a, "c1", "ask")
    assert t.lane == "fresh"  # never seen
    assert dispatch(a, 1) == [t] and t.holds == "fresh"
    a.ran_cheap(t)
    a.release(t)
    assert a.admit("c2", "ask").lane == "cheap"  # it ran cheap: cheap for everyone now
    t = start(a, "c1", "cartesian")
    dispatch(a, 1)
    assert a.went_long(t) and t.lane == "long" and t.holds == "long"  # the long lane had room: it goes on there
    a.release(t)
    assert a.admit("c3", "cartesian").lane == "long"  # known long before it runs
    t = start(a, "c4", "regex")
    dispatch(a, 1)
    a.penalise(t)  # stopped (a timeout, or the long lane full)
    a.release(t)
    assert a.admit("c4", "ask").lane == "long"  # the penalised client's SPARQL, even a cheap query
    assert a.stats["fresh_lane"] == 3 and a.stats["long_lane"] == 2


def test_fresh_and_long_queries_never_hold_the_reserved_workers():
    """A third of the workers (one of three) only ever goes to cheap requests, however many unproven
    queries wait; fresh queries may use the rest while the long lane is idle."""
    a = admission(workers=3, long_workers=1, queue=100)
    assert a.settings.reserved_workers == 1
    flood = [start(a, f"10.0.0.{n}", f"fresh-{n}") for n in range(20)]
    handed = dispatch(a, 3)
    assert handed == flood[:2] and a.running["fresh"] == 2  # the third worker stays free
    assert a.went_long(handed[0])  # into the long lane: still two unproven jobs in all
    assert not a.went_long(handed[1])  # the long lane is full: stopped
    a.penalise(handed[1])
    a.release(handed[1])
    page = start(a, "browser", None)
    assert dispatch(a, 2) == [page, flood[2]]  # the cheap request first, then one fresh query: two unproven again
    assert a.running["fresh"] + a.running["long"] == 2 and a.next_ticket() is None


@pytest.mark.parametrize("cheap_clients", [0, 1, 16])
def test_an_identity_flood_costs_one_stopped_query_per_identity_and_never_a_worker_a_cheap_request_waits_for(
        cheap_clients):
    """The flood of issue 19, simulated step by step: 20 identities with 4 requests each, every one a new
    runaway text, against 3 workers; the cheap clients send a request each step (16 keep every worker
    busy: the flood then never runs).  Each fresh runaway turns
    long, and goes on in the long lane (until its timeout) or, the long lane full, is stopped.  Whatever the
    order, an identity is stopped at most once (its later texts wait for the long lane), unproven jobs never
    hold more than two workers, a free worker never goes to the flood while a cheap request waits, and the
    cheap clients (who browsed a page first) are never refused."""
    a = admission(workers=3, long_workers=1)
    for n in range(cheap_clients):
        page = start(a, f"10.0.2.{n}", None)
        a.release(dispatch(a, 1)[0])
        a.ran_cheap(page)
    running: list[Ticket] = []
    stopped: Counter[str] = Counter()
    texts = iter(range(10**6))
    for step in range(200):
        for n in range(20):  # the flood: as many requests as each identity may have
            client = f"10.0.1.{n}"
            while a.clients[client] < a.settings.client_limit:
                try:
                    start(a, client, f"runaway-{next(texts)}")
                except HttpError as refused:
                    assert refused.status == 503 and refused.delay == REFUSAL_DELAY
                    break
        for n in range(cheap_clients):  # one request each at a time, pages and saved queries
            if not a.clients[f"10.0.2.{n}"]:
                start(a, f"10.0.2.{n}", None if n % 2 else f"saved-{n % 6}")
        while len(running) < 3:
            cheap_waiting = bool(a.waiting["cheap"])
            t = a.next_ticket()
            if t is None:
                break
            if cheap_waiting and t.lane != "cheap":
                assert t.lane == "fresh" and t.client in a.trusted, f"step {step}: {t} went before a cheap request"
            running.append(t)
        assert a.running["fresh"] + a.running["long"] <= 2 and a.running["long"] <= 1
        for t in list(running):  # every job ends within the step: cheap ones answer, runaways go long
            if t.client.startswith("10.0.2."):
                a.ran_cheap(t)
            elif t.lane == "long" and not t.went_long:
                a.penalise(t)  # a known-long job: its timeout
            elif not a.went_long(t):
                stopped[t.client] += 1
                a.penalise(t)
            else:
                continue  # goes on in the long lane: it ends (timeout) next step
            a.release(t)
            running.remove(t)
        for t in running:
            t.went_long = False  # next step it meets its timeout
    assert max(stopped.values(), default=0) <= 1, stopped
    assert bool(stopped) == (cheap_clients == 0)  # two fresh runaways at once: one goes long, one is stopped
    assert a.stats["fresh_lane"] <= 20 * a.settings.client_limit + 3


def test_a_trusted_clients_new_query_goes_before_new_identities_and_theirs_after_cheap_requests():
    a = admission(workers=3, long_workers=1)
    known = start(a, "regular", None)  # a page: its client's requests run cheap
    dispatch(a, 1)
    a.ran_cheap(known)
    a.release(known)
    strangers = [start(a, f"10.0.3.{n}", f"new-{n}") for n in range(5)]
    cheap = start(a, "someone", None)
    mine = start(a, "regular", "my-new-query")
    assert dispatch(a, 1) == [cheap]  # the untrusted fresh ones wait for a moment no cheap request waits
    assert dispatch(a, 1) == [mine]  # a trusted client's new query: before the strangers that came first
    assert dispatch(a, 2) == [strangers[0]]  # two unproven jobs: the last worker is kept
    later = start(a, "someone", None)
    a.release(mine)
    assert dispatch(a, 3) == [later, strangers[1]]


def test_the_queue_is_half_for_cheap_requests_and_a_quarter_for_each_unproven_lane_whose_refusals_are_slow():
    a = admission(workers=3, long_workers=1, queue=8)
    for n in range(2):
        start(a, f"10.0.4.{n}", f"new-{n}")
    with pytest.raises(HttpError) as refused:
        a.admit("10.0.4.9", "new-9")
    assert refused.value.status == 503 and refused.value.delay == REFUSAL_DELAY
    trusted = start(a, "regular", None)
    a.ran_cheap(trusted)
    assert start(a, "regular", "new-10").lane == "fresh"  # a trusted client's: not held to the quarter
    a.long_queries["cartesian"] = None
    for n in range(2):
        assert start(a, f"10.0.5.{n}", "cartesian").lane == "long"
    with pytest.raises(HttpError) as refused:
        a.admit("10.0.5.3", "cartesian")
    assert refused.value.delay == REFUSAL_DELAY
    for _ in range(3):  # with the trusted client's page, half the queue waits for cheap work
        start(a, None, None)
    with pytest.raises(HttpError) as refused:  # told at once: a cheap request is not looping on refusals
        a.admit("10.0.6.1", None)
    assert refused.value.status == 503 and refused.value.delay == 0


def test_a_refused_unproven_request_waits_for_its_answer_and_a_cheap_one_does_not(monkeypatch):
    from kg.serve.execution import WorkerPool

    pool = WorkerPool([], Settings(workers=3, queue=4).resolved())
    pool.workers.started = True  # no processes: every request here is refused before it needs one
    slept = []
    real_sleep = asyncio.sleep

    async def sleep(seconds):
        # only this test's own waits: a server of another test, alive in its thread, sleeps too
        if threading.current_thread() is not threading.main_thread():
            return await real_sleep(seconds)
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    try:
        pool.admission.waiting["fresh"].append(Ticket("10.0.7.1", "new-1", lane="fresh"))
        with pytest.raises(HttpError) as refused:
            asyncio.run(pool.run(("job_sparql", {}), client="10.0.7.2", fingerprint="new-2"))
        assert refused.value.status == 503 and slept == [REFUSAL_DELAY]
        pool.admission.waiting["cheap"].extend(Ticket(None, None) for _ in range(3))
        with pytest.raises(HttpError):
            asyncio.run(pool.run(("job_index", {}), client="10.0.7.3"))
        assert slept == [REFUSAL_DELAY]
    finally:
        pool.close()


class FakeWorker:
    peak = peak0 = 0.0

    def __init__(self):
        self.calls = []

    def call(self, job, limit, long_after=None, on_long=None):
        self.calls.append(limit)
        return ("ok", "answer")

    def demote(self):
        pass

    def restore(self):
        return True

    def kill(self):
        return True


def test_a_long_query_that_waited_past_half_its_time_is_not_started():
    """A long-lane job that would have less than half of --timeout left would most likely only be killed (a
    worker restart for nothing, once a second under a flood): it gets 503, and the worker the next ticket."""
    from kg.serve.execution import WorkerPool

    pool = WorkerPool([], Settings(workers=3, timeout=10).resolved())
    try:
        w = FakeWorker()
        pool.workers.all.add(w)
        now = time.monotonic()
        t = Ticket("10.0.8.1", "cartesian", lane="long", holds="long")
        pool.admission.running["long"], pool.admission.clients["10.0.8.1"] = 1, 1
        with pytest.raises(HttpError) as refused:
            pool._call(w, t, ("job_sparql", {}), 10.0, now + 4.5, now - 6.0)
        assert refused.value.status == 503 and "stayed busy" in refused.value.message
        assert w.calls == [] and w in pool.workers.idle and pool.admission.running["long"] == 0
        assert pool.stats["too_late"] == 1 and not pool.admission.clients
        t = Ticket("10.0.8.1", "cartesian", lane="long", holds="long")
        pool.admission.running["long"], pool.admission.clients["10.0.8.1"] = 1, 1
        assert pool._call(w, t, ("job_sparql", {}), 10.0, time.monotonic() + 6.0, time.monotonic()) == ("ok", "answer")
        assert len(w.calls) == 1 and 5.0 < w.calls[0] <= 6.0
    finally:
        pool.close()


@pytest.mark.slow
def test_a_flood_of_new_runaway_texts_from_many_identities(real_project):
    """Six identities each send three runaway queries, every text new; a client that browsed a page sends new
    queries meanwhile.  An identity's text takes the fresh lane until one of them is stopped or runs into the
    timeout; then its texts wait for the long lane: no identity is stopped twice.  The browsing client's new
    queries go before the flood's, and are all answered."""
    with serving(real_project, workers=3, timeout=2.0) as s:
        answers: list[int] = []

        def flood(n):
            with from_address(s.url, f"127.0.9.{n}") as c:
                for i in range(3):
                    text = CARTESIAN.replace("?a", f"?a{n}x{i}").replace("?j", f"?j{n}x{i}")
                    answers.append(c.post("/sparql", data={"query": text}).status_code)

        threads = [threading.Thread(target=flood, args=(n,)) for n in range(1, 7)]
        for t in threads:
            t.start()
        probes = []
        with from_address(s.url, "127.0.9.99") as probe:
            assert probe.get("/browse/park").status_code == 200
            for i in range(10):
                probes.append(len(rows(sparql(probe, f"SELECT ?p WHERE {{ ?p a stc:ParkOrZone }} LIMIT {i + 1}"))))
        for t in threads:
            t.join()
        assert probes == list(range(1, 11))
        assert 200 not in answers and len(answers) == 18, answers
        assert s.pool.stats["stopped_long"] <= 6 and s.pool.stats["fresh_lane"] >= 6 + 10, s.pool.stats
