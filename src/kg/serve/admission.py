"""Admission: which request gets the next free query worker, which waits, and which is refused.

Owns :class:`Ticket` (one admitted request) and :class:`Admission`: three
lanes by what is known of a request's cost (``cheap``: the server's own
pages and SPARQL that ran cheap before; ``fresh``: SPARQL never seen;
``long``: SPARQL that ran long, or from a client whose query was stopped),
the workers each lane may hold (fresh and long jobs never the third kept for
cheap ones), the order of the waiting tickets (a fresh query of a client
whose requests ran cheap goes with the cheap ones; other clients' fresh
queries wait for a moment no cheap request waits), the per-client and queue
limits (429, 503), and the memory of cost (queries that ran cheap or long,
trusted and penalised clients, queries that crashed a worker).  It has no
lock of its own: the worker pool (:mod:`kg.serve.execution`) calls it with
the pool's lock held, because handing a worker to a ticket changes both.
docs/SERVE.md ("Admission") gives the rules and their reasons.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass

from kg.serve.limits import PENALTY, REMEMBERED, HttpError, Settings, busy

LANES = ("cheap", "fresh", "long")
_arrivals = itertools.count()


@dataclass(eq=False)
class Ticket:
    """One admitted request: its client, its lane, and (SPARQL only) the fingerprint of its query."""

    client: str | None  # None: the server's own job (the index), outside per-client limits
    fingerprint: str | None
    lane: str = "cheap"  # one of LANES
    holds: str | None = None  # the lane ("fresh" or "long") whose running jobs count this one
    went_long: bool = False  # its job used --long-after CPU seconds
    arrival: int = 0  # its place in the order of arrival
    future: asyncio.Future | None = None
    loop: asyncio.AbstractEventLoop | None = None
    abandoned: bool = False


def _remember(memory: OrderedDict, key: str, value=None) -> None:
    """Put ``key`` in a bounded LRU memory (forgotten last)."""
    memory[key] = value
    memory.move_to_end(key)
    while len(memory) > REMEMBERED:
        memory.popitem(last=False)


class Admission:
    """The waiting tickets of every lane, the requests each client has, and what past queries cost.

    Every method is called with the pool's lock held; ``stats`` are the pool's counters."""

    def __init__(self, settings: Settings, stats: Counter[str]):
        self.settings = settings
        self.stats = stats
        self.waiting: dict[str, deque[Ticket]] = {lane: deque() for lane in LANES}
        self.running: Counter[str] = Counter()  # jobs of the fresh and long lanes on a worker now
        self.clients: Counter[str] = Counter()
        self.cheap_queries: OrderedDict[str, None] = OrderedDict()
        self.long_queries: OrderedDict[str, None] = OrderedDict()
        self.crashers: OrderedDict[str, str] = OrderedDict()
        self.penalties: dict[str, float] = {}
        self.trusted: OrderedDict[str, None] = OrderedDict()  # clients whose requests ran cheap, none long since

    def lane_of(self, client: str | None, fingerprint: str | None) -> str:
        """The lane a request's cost calls for: what is known of its query, and of its client."""
        if fingerprint is None:  # a page's job: bounded by design
            return "cheap"
        if fingerprint in self.long_queries or self.penalties.get(client, 0) > time.monotonic():
            return "long"
        return "cheap" if fingerprint in self.cheap_queries else "fresh"

    def admit(self, client: str | None, fingerprint: str | None) -> Ticket:
        """A ticket in the lane the request's cost calls for; HttpError when it is refused."""
        s = self.settings
        if fingerprint in self.crashers:
            raise HttpError(400, self.crashers[fingerprint])
        if client is not None and self.clients[client] >= s.client_limit:
            self.stats["client_refused"] += 1
            raise busy(f"this client already has {self.clients[client]} requests running or waiting, "
                       f"and {s.client_limit} is the most one client may have at once", 429)
        lane = self.lane_of(client, fingerprint)
        # Half the queue is for cheap requests (and the fresh ones of trusted clients), a quarter each for long
        # requests and for the fresh ones of other clients: a flood of unproven queries cannot fill it.
        limited = lane == "long" or (lane == "fresh" and client not in self.trusted)
        room = s.queue // 4 if limited else s.queue // 2
        if len(self.waiting[lane]) >= max(1, room):
            self.stats["refused"] += 1
            waiting = sum(len(q) for q in self.waiting.values())
            raise busy(f"{waiting} requests are already waiting for a query worker", delay=lane != "cheap")
        if client is not None:
            self.clients[client] += 1
        if lane != "cheap":
            self.stats[f"{lane}_lane"] += 1
        for memory in (self.long_queries, self.cheap_queries):
            if fingerprint in memory:  # used again: forgotten last
                memory.move_to_end(fingerprint)
        return Ticket(client, fingerprint, lane=lane, arrival=next(_arrivals))

    def wait(self, t: Ticket) -> None:
        self.waiting[t.lane].append(t)

    def withdraw(self, t: Ticket) -> None:
        """The ticket stops waiting: its wait ran out, or its request was cancelled."""
        if t in self.waiting[t.lane]:
            self.waiting[t.lane].remove(t)
        t.abandoned = True

    def _room(self, lane: str) -> bool:
        """May one more job of ``lane`` ("fresh" or "long") take a worker now?  Long jobs hold at most
        --long-workers; fresh and long jobs together leave a third of the workers to cheap requests."""
        s = self.settings
        if lane == "long" and self.running["long"] >= s.long_workers:
            return False
        return self.running["fresh"] + self.running["long"] < s.workers - s.reserved_workers

    def next_ticket(self) -> Ticket | None:
        """The ticket the next free worker goes to, else None.  While the fresh lane has room, the fresh
        tickets of trusted clients and the cheap ones go in order of arrival; then the cheap ones; then, while
        their lane has room, the fresh tickets of other clients (a new identity is one), and the long ones.
        A fresh or long ticket then holds a place in its lane."""
        cheap, fresh = self.waiting["cheap"], self.waiting["fresh"]
        t = None
        if fresh and self._room("fresh"):
            t = next((f for f in fresh if f.client in self.trusted), None)
            if t is None and not cheap:
                t = fresh[0]
        if cheap and (t is None or cheap[0].arrival < t.arrival):
            return cheap.popleft()
        if t is None and self.waiting["long"] and self._room("long"):
            t = self.waiting["long"][0]
        if t is not None:
            self.waiting[t.lane].remove(t)
            t.holds = t.lane
            self.running[t.lane] += 1
        return t

    def release(self, t: Ticket, keep_client: bool = False) -> None:
        """End the ticket's hold on its lane and (unless ``keep_client``) its count for its client."""
        if t.holds is not None:
            self.running[t.holds] -= 1
            t.holds = None
        if not keep_client and t.client is not None:
            self.clients[t.client] -= 1
            if self.clients[t.client] <= 0:
                del self.clients[t.client]

    def went_long(self, t: Ticket) -> bool:
        """A cheap or fresh job used ``--long-after`` CPU seconds: may it go on in the long lane?"""
        t.went_long = True
        self._remember_long(t.fingerprint)
        if t.fingerprint is not None:  # a page's job is bounded by design: never stopped, never counted
            self.trusted.pop(t.client, None)
            if self.running["long"] >= self.settings.long_workers:
                return False
            if t.holds is None and not self._room("long"):  # from the cheap lane: it would take a reserved worker
                return False
            if t.holds is not None:
                self.running[t.holds] -= 1
            t.holds, t.lane = "long", "long"
            self.running["long"] += 1
        self.stats["demoted"] += 1
        return True

    def ran_cheap(self, t: Ticket) -> None:
        """A job of the cheap or fresh lane answered within ``--long-after``: its query is cheap from now on,
        and its client trusted (its new queries go with the cheap requests) until one of its queries runs long."""
        if t.went_long:
            return
        if t.client is not None:
            _remember(self.trusted, t.client)
        if t.fingerprint is not None and t.fingerprint not in self.long_queries:
            _remember(self.cheap_queries, t.fingerprint)

    def _remember_long(self, fingerprint: str | None, client: str | None = None) -> None:
        """Remember a long query (and a penalised client): their tickets still waiting move to the long lane,
        so that they do not take the next free worker only to be stopped."""
        if fingerprint is not None:
            self.cheap_queries.pop(fingerprint, None)
            _remember(self.long_queries, fingerprint)
        for lane in ("cheap", "fresh"):
            moved = [t for t in self.waiting[lane] if t.fingerprint is not None
                     and (t.fingerprint == fingerprint or t.client == client)]
            for t in moved:
                self.waiting[lane].remove(t)
                t.lane = "long"
                self.waiting["long"].append(t)

    def penalise(self, t: Ticket, crashed: str | None = None) -> None:
        """A client's query was stopped: remember the query, and send the client's SPARQL to the long lane;
        ``crashed``: the query crashed its worker, and is refused with this message from now on."""
        if t.fingerprint is None:  # a page's job: the server's own doing, no client's
            return
        now = time.monotonic()
        self.penalties[t.client] = now + PENALTY
        self.trusted.pop(t.client, None)
        self._remember_long(t.fingerprint, t.client)
        if len(self.penalties) > REMEMBERED:
            self.penalties = {c: until for c, until in self.penalties.items() if until > now}
        if crashed:
            _remember(self.crashers, t.fingerprint, crashed)
