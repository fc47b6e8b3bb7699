"""The worker pool: the query worker processes, and running one job on one of them within the run limit.

Owns :class:`Workers` (N processes of :mod:`kg.serve.worker`, started
together; one that is killed, dies while idle or grew large is reaped and
replaced by a spawner thread) and :class:`WorkerPool`, which runs a job: a
ticket from :mod:`kg.serve.admission`, the bounded wait for a worker (on
the event loop: no thread per waiting request), then the job in a thread
that blocks on the worker's socket for at most ``--timeout``, after which
the worker is killed and the query's client penalised.  docs/SERVE.md
("How the timeout really stops the work") says how the limits hold.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from kg.serve.admission import Admission, Ticket
from kg.serve.answers import discard
from kg.serve.limits import GRACE, RECYCLE_MIB, HttpError, Settings, busy
from kg.serve.worker import STACK_OVERFLOW, QueryTimeout, Stopped, Worker, WorkerDied

log = logging.getLogger("kg.serve")


def _discard_unsent(future) -> None:
    """Remove the spool file of an answer nobody will read (its request was cancelled)."""
    if not future.cancelled() and future.exception() is None:
        answer = future.result()
        if answer[0] == "ok" and isinstance(answer[1], dict):
            discard(answer[1])


class Workers:
    """The live worker processes over one store: all of them, the idle ones, and their replacement.

    ``lock`` is the pool's (the idle workers and the waiting tickets change together), ``stats`` its
    counters; ``on_idle()`` is called, with the lock held, when a replacement worker is ready."""

    def __init__(self, files: list[str], settings: Settings, spool: str | None, lock: threading.Lock,
                 stats: Counter[str], on_idle):
        self.files = files
        self.settings = settings
        self.spool = spool
        self._lock = lock
        self._stats = stats
        self._on_idle = on_idle
        self._start_lock = threading.Lock()
        self.idle: list[Worker] = []
        self.all: set[Worker] = set()
        self.started = self.closed = False
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-serve-spawner")

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.pid for w in self.all)

    def busy_pids(self) -> list[int]:
        """The workers running a job now."""
        with self._lock:
            return sorted(w.pid for w in self.all if w not in self.idle)

    def start(self) -> None:
        with self._start_lock:  # the lifespan and a first request may both start the pool: once is enough
            if self.started or self.closed:
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
                self.all.update(workers)
                self.idle.extend(workers)
                self.started = True
            threading.Thread(target=self._reap, name="kg-serve-reaper", daemon=True).start()
        log.info("%d query workers ready (pids %s)", len(workers), ", ".join(str(w.pid) for w in workers))

    def close(self) -> None:
        with self._lock:
            self.closed = True
            workers = list(self.all)
            self.all.clear()
            self.idle.clear()
        for w in workers:
            w.kill()
        self._spawner.shutdown(wait=False, cancel_futures=True)

    def give_back(self, w: Worker) -> None:
        """A worker that finished its job is idle again, unless it was replaced meanwhile (lock held)."""
        if w in self.all:
            self.idle.append(w)

    def replace(self, w: Worker, why: str = "replaced") -> None:
        """Kill and reap a worker, and start another in the spawner thread (the caller does not wait)."""
        with self._lock:
            self.all.discard(w)
            if w in self.idle:
                self.idle.remove(w)
            self._stats["replaced"] += 1
            if why != "replaced":
                self._stats[why] += 1
        if not w.kill():
            self._spawner.submit(w.kill)  # still unreaped: try again (the kernel has it dying already)
        try:
            self._spawner.submit(self._spawn)
        except RuntimeError:  # shut down
            pass

    def _spawn(self) -> None:
        """In the spawner thread: start a worker, retrying with a growing delay until one is ready."""
        delay = 0.5
        while not self.closed:
            try:
                nw = Worker(self.files, self.settings, self.spool)
                nw.wait_ready()
            except Exception as exc:  # noqa: BLE001
                log.error("could not start a replacement worker: %s; retrying", exc)
                time.sleep(delay)
                delay = min(delay * 2, 10)
                continue
            with self._lock:
                if self.closed:
                    nw.kill()
                    return
                self.all.add(nw)
                self.idle.append(nw)
                self._on_idle()
            return

    def _reap(self) -> None:
        """Every 0.5 s: an idle worker that died (killed from outside, out of memory) is reaped and replaced."""
        while not self.closed:
            time.sleep(0.5)
            with self._lock:
                dead = [w for w in self.idle if not w.alive()]
            for w in dead:
                self.replace(w, "died")


class WorkerPool:
    """Runs jobs on the workers: admission, the wait for a worker, the run limit, and what a stopped job
    costs its client (docs/SERVE.md, "Admission")."""

    def __init__(self, files: list[str], settings: Settings, spool: str | None = None):
        self.settings = settings
        self.recycle_mib = RECYCLE_MIB
        self._lock = threading.Lock()
        self._stats = Counter({k: 0 for k in ("queries", "timeouts", "died", "replaced", "demoted", "busy",
                                              "refused", "client_refused", "stopped_long", "long_lane", "fresh_lane",
                                              "recycled", "too_late")})
        self.admission = Admission(settings, self._stats)
        self.workers = Workers([str(f) for f in files], settings, spool, self._lock, self._stats, self._dispatch)
        self._executor = ThreadPoolExecutor(max_workers=settings.workers + 2, thread_name_prefix="kg-serve")

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
        return self.workers.pids()

    def busy_pids(self) -> list[int]:
        """The workers running a job now."""
        return self.workers.busy_pids()

    def start(self) -> None:
        self.workers.start()

    def close(self) -> None:
        self.workers.close()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------- workers to tickets
    def _dispatch(self) -> None:
        """Give idle workers to waiting tickets, cheap ones first (called with the lock held)."""
        while self.workers.idle:
            t = self.admission.next_ticket()
            if t is None:
                return
            t.loop.call_soon_threadsafe(self._hand_over, t, self.workers.idle.pop())

    def _hand_over(self, t: Ticket, w: Worker) -> None:
        """On the ticket's event loop: the worker is the request's, unless it stopped waiting meanwhile."""
        if t.abandoned or t.future.done():
            self._release(w, t, keep_client=True)
        else:
            t.future.set_result(w)

    def _release(self, w: Worker | None, t: Ticket, keep_client: bool = False) -> None:
        """Return a worker to the idle ones (when given) and end the ticket's hold on the long lane."""
        with self._lock:
            self.admission.release(t, keep_client)
            if w is not None:
                self.workers.give_back(w)
            self._dispatch()

    def _went_long(self, t: Ticket) -> bool:
        with self._lock:
            return self.admission.went_long(t)

    def _ran_cheap(self, t: Ticket) -> None:
        with self._lock:
            self.admission.ran_cheap(t)

    def _penalise(self, t: Ticket, crashed: str | None = None) -> None:
        with self._lock:
            self.admission.penalise(t, crashed)

    # ------------------------------------------------------------ running
    async def run(self, job, *, client: str | None = None, fingerprint: str | None = None,
                  timeout: float | None = None):
        """Run one job on a worker: (status, value) as the worker answered; HttpError / QueryTimeout /
        WorkerDied otherwise.  ``fingerprint``: a client's SPARQL query (admission applies); None: a page's job.
        The whole call ends by ``timeout`` (default --timeout) + GRACE after it began."""
        timeout = self.settings.timeout if timeout is None else timeout
        arrived = time.monotonic()
        deadline = arrived + timeout + GRACE
        if not self.workers.started:  # no lifespan: the first request starts the workers, and gets its full time
            await asyncio.get_running_loop().run_in_executor(None, self.start)
            arrived, deadline = time.monotonic(), time.monotonic() + timeout + GRACE
        try:
            with self._lock:
                ticket = self.admission.admit(client, fingerprint)
        except HttpError as exc:
            if exc.delay:  # a refusal that would invite a client to loop on it: not answered at once
                await asyncio.sleep(exc.delay)
            raise
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
            self.admission.wait(t)
            self._dispatch()
        try:
            await asyncio.wait_for(asyncio.shield(t.future), max(0.0, deadline - GRACE - time.monotonic()))
        except (asyncio.TimeoutError, asyncio.CancelledError) as exc:
            with self._lock:
                self.admission.withdraw(t)
            if t.future.done() and not t.future.cancelled():  # handed over just now: give it back
                self._release(t.future.result(), t, keep_client=True)
            if isinstance(exc, asyncio.CancelledError):
                raise
            self._count("busy")
            lane = {"long": "long-query lane", "fresh": "query workers new queries may use"}.get(t.lane,
                                                                                                 "query workers")
            raise busy(f"the {lane} stayed busy for {self.settings.timeout:g} s") from None
        return t.future.result()

    def _call(self, w: Worker, t: Ticket, job, timeout: float, deadline: float, arrived: float):
        """In a thread: run the job on the ticket's worker, then free or replace the worker."""
        s = self.settings
        started = time.monotonic()
        limit = max(0.0, min(timeout, deadline - started))
        if t.lane == "long" and limit < timeout / 2:
            # known to be long, and it waited so long that it would most likely only be killed (a worker restart
            # for nothing): the worker goes to the next ticket instead
            self._release(w, t)
            self._count("too_late")
            raise busy(f"the long-query lane stayed busy for {started - arrived:.1f} s, and less than half of "
                       f"this endpoint's {s.timeout:g} s limit would be left to run this query") from None
        self._count("queries")
        keep = True
        try:
            if t.lane == "long":
                w.demote()  # known to be long: it never competes with cheap queries for the CPU
                self._count("demoted")
            watched = t.lane != "long" and s.long_after > 0
            answer = w.call(job, limit, long_after=s.long_after if watched else None,
                            on_long=lambda: self._went_long(t))
            if watched:
                self._ran_cheap(t)
            if w.peak - w.peak0 > self.recycle_mib:
                keep = False
                self.workers.replace(w, "recycled")
            elif not w.restore():
                keep = False
                self.workers.replace(w)
            return answer
        except QueryTimeout:
            keep = False
            self._penalise(t)
            self.workers.replace(w, "timeouts")
            raise QueryTimeout(limit, started - arrived) from None
        except Stopped:
            keep = False
            self._penalise(t)
            self.workers.replace(w, "stopped_long")
            raise busy(f"this query ran longer than {s.long_after:g} CPU seconds while the long-query lane was "
                       f"full ({s.long_workers} of {s.workers} workers); it was stopped and will wait for that "
                       "lane when sent again") from None
        except WorkerDied as exc:
            keep = False
            self._penalise(t, crashed=STACK_OVERFLOW if exc.crash == "stack" else None)
            self.workers.replace(w, "died")
            raise
        finally:
            self._release(w if keep else None, t)
