"""The worker pool and admission: who gets a query worker, for how long, and who waits.

Owns :class:`WorkerPool`: N worker processes (:mod:`kg.serve.worker`), the
run limit (a query runs at most ``--timeout``; then its worker is killed,
reaped and replaced), the bounded wait for a worker, and admission:

* **two lanes.**  A query that has used ``--long-after`` CPU seconds is
  *long*.  Long queries may hold at most ``--long-workers`` workers at once
  (a third by default); the others are reserved for cheap requests, which
  are always served first.  A query that turns long while the long lane is
  full is stopped at once (503) instead of taking a reserved worker.
* **memory of cost.**  A query (text, parameters, graphs) that ran long is
  remembered by its fingerprint and goes straight to the long lane next
  time, demoted from its first instruction; a client whose query was
  stopped (timeout, full lane, crash) sends its SPARQL to the long lane for
  ``PENALTY`` seconds; a query that crashed its worker is refused (400) at
  once when sent again.
* **per client.**  One client (its address, or the X-Forwarded-For of a
  trusted proxy) has at most ``--client-limit`` requests running or
  waiting (429 beyond); at most ``--queue`` requests wait in all, half of
  them at most for the long lane (503 beyond).

Pages' jobs (entities, RDF documents, the index) are never long-lane: they
are bounded by design.  Waiting happens on the event loop (no thread per
waiting request); a running job uses one thread, which blocks on its
worker's socket.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import Counter, OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from kg.serve.answers import discard
from kg.serve.limits import GRACE, PENALTY, RECYCLE_MIB, REMEMBERED, HttpError, Settings, busy
from kg.serve.worker import QueryTimeout, Stopped, Worker, WorkerDied

log = logging.getLogger("kg.serve")


def _discard_unsent(future) -> None:
    """Remove the spool file of an answer nobody will read (its request was cancelled)."""
    if not future.cancelled() and future.exception() is None:
        answer = future.result()
        if answer[0] == "ok" and isinstance(answer[1], dict):
            discard(answer[1])


@dataclass(eq=False)
class Ticket:
    """One admitted request: its client, its lane, and (SPARQL only) the fingerprint of its query."""

    client: str | None  # None: the server's own job (the index), outside per-client limits
    fingerprint: str | None
    lane: str = "cheap"  # "cheap" or "long"
    holds_long: bool = False  # counted in the long lane's running jobs
    future: asyncio.Future | None = None
    loop: asyncio.AbstractEventLoop | None = None
    abandoned: bool = False


class WorkerPool:
    """N worker processes over the same store; admission as in the module docstring."""

    def __init__(self, files: list[str], settings: Settings, spool: str | None = None):
        self.files = [str(f) for f in files]
        self.settings = settings
        self.spool = spool
        self.recycle_mib = RECYCLE_MIB
        self._lock = threading.Lock()
        self._start_lock = threading.Lock()
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._waiting: dict[str, deque[Ticket]] = {"cheap": deque(), "long": deque()}
        self._long_running = 0
        self._clients: Counter[str] = Counter()
        self._long_queries: OrderedDict[str, None] = OrderedDict()
        self._crashers: OrderedDict[str, str] = OrderedDict()
        self._penalties: dict[str, float] = {}
        self._started = self._closed = False
        self._executor = ThreadPoolExecutor(max_workers=settings.workers + 2, thread_name_prefix="kg-serve")
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-serve-spawner")
        self._stats = Counter({k: 0 for k in ("queries", "timeouts", "died", "replaced", "demoted", "busy",
                                              "refused", "client_refused", "stopped_long", "long_lane", "recycled")})

    # ------------------------------------------------------------ state
    @property
    def stats(self) -> dict[str, int]:
        """A consistent copy of the counters."""
        with self._lock:
            return dict(self._stats)

    def _count(self, key: str) -> None:
        with self._lock:
            self._stats[key] += 1

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.pid for w in self._all)

    def busy_pids(self) -> list[int]:
        """The workers running a job now."""
        with self._lock:
            return sorted(w.pid for w in self._all if w not in self._idle)

    def start(self) -> None:
        with self._start_lock:  # the lifespan and a first request may both start the pool: once is enough
            if self._started or self._closed:
                return
            # every worker is created by the one long-lived spawner thread: PR_SET_PDEATHSIG follows the
            # creating *thread*, so a worker created by a short-lived thread would die with that thread
            workers = self._spawner.submit(
                lambda: [Worker(self.files, self.settings, self.spool) for _ in range(self.settings.workers)]).result()
            try:
                for w in workers:
                    w.wait_ready()
            except Exception:
                for w in workers:
                    w.kill()
                raise
            with self._lock:
                self._all.update(workers)
                self._idle.extend(workers)
                self._started = True
            threading.Thread(target=self._reap, name="kg-serve-reaper", daemon=True).start()
        log.info("%d query workers ready (pids %s)", len(workers), ", ".join(str(w.pid) for w in workers))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
        for w in workers:
            w.kill()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._spawner.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------ replacement
    def _replace(self, w: Worker, why: str = "replaced") -> None:
        """Kill and reap a worker, and start another in the spawner thread (the caller does not wait)."""
        with self._lock:
            self._all.discard(w)
            if w in self._idle:
                self._idle.remove(w)
            self._stats["replaced"] += 1
            if why != "replaced":
                self._stats[why] += 1
        if not w.kill():
            self._spawner.submit(w.kill)  # still unreaped: try again (the kernel has it dying already)

        def spawn():
            delay = 0.5
            while not self._closed:
                try:
                    nw = Worker(self.files, self.settings, self.spool)
                    nw.wait_ready()
                except Exception as exc:  # noqa: BLE001
                    log.error("could not start a replacement worker: %s; retrying", exc)
                    time.sleep(delay)
                    delay = min(delay * 2, 10)
                    continue
                with self._lock:
                    if self._closed:
                        nw.kill()
                        return
                    self._all.add(nw)
                    self._idle.append(nw)
                    self._dispatch()
                return

        try:
            self._spawner.submit(spawn)
        except RuntimeError:  # shut down
            pass

    def _reap(self) -> None:
        """Every 0.5 s: an idle worker that died (killed from outside, out of memory) is reaped and replaced."""
        while not self._closed:
            time.sleep(0.5)
            with self._lock:
                dead = [w for w in self._idle if not w.alive()]
            for w in dead:
                self._replace(w, "died")

    # -------------------------------------------------------- admission
    def _admit(self, client: str | None, fingerprint: str | None) -> Ticket:
        s, now = self.settings, time.monotonic()
        with self._lock:
            if fingerprint in self._crashers:
                raise HttpError(400, self._crashers[fingerprint])
            if client is not None and self._clients[client] >= s.client_limit:
                self._stats["client_refused"] += 1
                raise busy(f"this client already has {self._clients[client]} requests running or waiting, "
                           f"and {s.client_limit} is the most one client may have at once", 429)
            long = fingerprint is not None and (fingerprint in self._long_queries
                                                or self._penalties.get(client, 0) > now)
            waiting = len(self._waiting["cheap"]) + len(self._waiting["long"])
            if waiting >= s.queue or (long and len(self._waiting["long"]) >= s.queue // 2):
                self._stats["refused"] += 1
                raise busy(f"{waiting} requests are already waiting for a query worker")
            if client is not None:
                self._clients[client] += 1
            ticket = Ticket(client, fingerprint, lane="long" if long else "cheap")
            if long:
                self._stats["long_lane"] += 1
                if fingerprint in self._long_queries:  # used again: forgotten last
                    self._long_queries.move_to_end(fingerprint)
            return ticket

    def _dispatch(self) -> None:
        """Give idle workers to waiting tickets, cheap ones first (called with the lock held)."""
        while self._idle:
            if self._waiting["cheap"]:
                t = self._waiting["cheap"].popleft()
            elif self._waiting["long"] and self._long_running < self.settings.long_workers:
                t = self._waiting["long"].popleft()
                t.holds_long = True
                self._long_running += 1
            else:
                return
            t.loop.call_soon_threadsafe(self._hand_over, t, self._idle.pop())

    def _hand_over(self, t: Ticket, w: Worker) -> None:
        """On the ticket's event loop: the worker is the request's, unless it stopped waiting meanwhile."""
        if t.abandoned or t.future.done():
            self._release(w, t, keep_client=True)
        else:
            t.future.set_result(w)

    def _release(self, w: Worker | None, t: Ticket, keep_client: bool = False) -> None:
        """Return a worker to the idle ones (when given) and end the ticket's hold on the long lane."""
        with self._lock:
            if t.holds_long:
                t.holds_long = False
                self._long_running -= 1
            if not keep_client and t.client is not None:
                self._clients[t.client] -= 1
                if self._clients[t.client] <= 0:
                    del self._clients[t.client]
            if w is not None and w in self._all:
                self._idle.append(w)
            self._dispatch()

    def _went_long(self, t: Ticket) -> bool:
        """A cheap-lane job used ``--long-after`` CPU seconds: may it go on in the long lane?"""
        with self._lock:
            self._remember_long(t.fingerprint)
            if t.fingerprint is not None:  # a page's job is bounded by design: never stopped, never counted
                if self._long_running >= self.settings.long_workers:
                    return False
                t.holds_long = True
                self._long_running += 1
            self._stats["demoted"] += 1
            return True

    def _remember_long(self, fingerprint: str | None, client: str | None = None) -> None:
        """Remember a long query (and a penalised client): their tickets still waiting move to the long lane,
        so that they do not take the next free cheap worker only to be stopped (called with the lock held)."""
        if fingerprint is not None:
            self._long_queries[fingerprint] = None
            self._long_queries.move_to_end(fingerprint)
            while len(self._long_queries) > REMEMBERED:
                self._long_queries.popitem(last=False)
        moved = [t for t in self._waiting["cheap"] if t.fingerprint is not None
                 and (t.fingerprint == fingerprint or t.client == client)]
        for t in moved:
            self._waiting["cheap"].remove(t)
            t.lane = "long"
            self._waiting["long"].append(t)

    def _penalise(self, t: Ticket, crashed: str | None = None) -> None:
        """A client's query was stopped: remember the query, and send the client's SPARQL to the long lane."""
        if t.fingerprint is None:  # a page's job: the server's own doing, no client's
            return
        with self._lock:
            now = time.monotonic()
            self._penalties[t.client] = now + PENALTY
            self._remember_long(t.fingerprint, t.client)
            if len(self._penalties) > REMEMBERED:
                self._penalties = {c: until for c, until in self._penalties.items() if until > now}
            if crashed:
                self._crashers[t.fingerprint] = crashed
                while len(self._crashers) > REMEMBERED:
                    self._crashers.popitem(last=False)

    # ------------------------------------------------------------ running
    async def run(self, job, *, client: str | None = None, fingerprint: str | None = None,
                  timeout: float | None = None):
        """Run one job on a worker: (status, value) as the worker answered; HttpError / QueryTimeout /
        WorkerDied otherwise.  ``fingerprint``: a client's SPARQL query (admission applies); None: a page's job.
        The whole call ends by ``timeout`` (default --timeout) + GRACE after it began."""
        timeout = self.settings.timeout if timeout is None else timeout
        arrived = time.monotonic()
        deadline = arrived + timeout + GRACE
        if not self._started:  # no lifespan: the first request starts the workers, and gets its full time
            await asyncio.get_running_loop().run_in_executor(None, self.start)
            arrived, deadline = time.monotonic(), time.monotonic() + timeout + GRACE
        ticket = self._admit(client, fingerprint)
        try:
            w = await self._acquire(ticket, deadline)
        except BaseException:
            self._release(None, ticket)
            raise
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, self._call, w, ticket, job, timeout, deadline, arrived)
        except RuntimeError:  # the executor is shut down: the server is stopping
            self._release(None, ticket)
            raise HttpError(503, "the endpoint is shutting down", {"Retry-After": "1"}) from None
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:  # the client went away: the job finishes (or times out) in its thread,
            future.add_done_callback(_discard_unsent)  # and its answer's spool file is removed then
            raise

    async def _acquire(self, t: Ticket, deadline: float) -> Worker:
        loop = asyncio.get_running_loop()
        t.loop, t.future = loop, loop.create_future()
        with self._lock:
            self._waiting[t.lane].append(t)
            self._dispatch()
        try:
            await asyncio.wait_for(asyncio.shield(t.future), max(0.0, deadline - GRACE - time.monotonic()))
        except (asyncio.TimeoutError, asyncio.CancelledError) as exc:
            with self._lock:
                queued = t in self._waiting[t.lane]
                if queued:
                    self._waiting[t.lane].remove(t)
                t.abandoned = True
            if t.future.done() and not t.future.cancelled():  # handed over just now: give it back
                self._release(t.future.result(), t, keep_client=True)
            if isinstance(exc, asyncio.CancelledError):
                raise
            self._count("busy")
            lane = "long-query lane" if t.lane == "long" else "query workers"
            raise busy(f"the {lane} stayed busy for {self.settings.timeout:g} s") from None
        return t.future.result()

    def _call(self, w: Worker, t: Ticket, job, timeout: float, deadline: float, arrived: float):
        """In a thread: run the job on the ticket's worker, then free or replace the worker."""
        s = self.settings
        started = time.monotonic()
        limit = max(0.0, min(timeout, deadline - started))
        self._count("queries")
        keep = True
        try:
            if t.lane == "long":
                w.demote()  # known to be long: it never competes with cheap queries for the CPU
                self._count("demoted")
            cheap = t.lane == "cheap" and s.long_after > 0
            answer = w.call(job, limit, long_after=s.long_after if cheap else None,
                            on_long=lambda: self._went_long(t))
            if w.peak - w.peak0 > self.recycle_mib:
                keep = False
                self._replace(w, "recycled")
            elif not w.restore():
                keep = False
                self._replace(w)
            return answer
        except QueryTimeout:
            keep = False
            self._penalise(t)
            self._replace(w, "timeouts")
            raise QueryTimeout(limit, started - arrived) from None
        except Stopped:
            keep = False
            self._penalise(t)
            self._replace(w, "stopped_long")
            raise busy(f"this query ran longer than {s.long_after:g} CPU seconds while the long-query lane was "
                       f"full ({s.long_workers} of {s.workers} workers); it was stopped and will wait for that "
                       "lane when sent again") from None
        except WorkerDied as exc:
            keep = False
            why = None
            if exc.crash == "stack":
                why = ("this query crashed the engine (a native stack overflow): it is nested or chained too deeply; "
                       "it is refused from now on")
            self._penalise(t, crashed=why)
            self._replace(w, "died")
            raise
        finally:
            self._release(w if keep else None, t)
