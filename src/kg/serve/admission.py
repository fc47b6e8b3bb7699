"""Admission: which request gets the next free query worker, which waits, and which is refused.

Owns :class:`Ticket` (one admitted request) and :class:`Admission`: the two
lanes (cheap requests first; long queries hold at most ``--long-workers``
workers), the per-client and queue limits (429, 503), and the memory of
cost (queries that ran long, penalised clients, queries that crashed a
worker).  It has no lock of its own: the worker pool
(:mod:`kg.serve.execution`) calls it with the pool's lock held, because
handing a worker to a ticket changes both.  docs/SERVE.md ("Admission")
gives the rules and their reasons.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass

from kg.serve.limits import PENALTY, REMEMBERED, HttpError, Settings, busy


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


class Admission:
    """The waiting tickets of both lanes, the requests each client has, and what past queries cost.

    Every method is called with the pool's lock held; ``stats`` are the pool's counters."""

    def __init__(self, settings: Settings, stats: Counter[str]):
        self.settings = settings
        self.stats = stats
        self.waiting: dict[str, deque[Ticket]] = {"cheap": deque(), "long": deque()}
        self.long_running = 0
        self.clients: Counter[str] = Counter()
        self.long_queries: OrderedDict[str, None] = OrderedDict()
        self.crashers: OrderedDict[str, str] = OrderedDict()
        self.penalties: dict[str, float] = {}

    def admit(self, client: str | None, fingerprint: str | None) -> Ticket:
        """A ticket in the lane the request's cost calls for; HttpError when it is refused."""
        s, now = self.settings, time.monotonic()
        if fingerprint in self.crashers:
            raise HttpError(400, self.crashers[fingerprint])
        if client is not None and self.clients[client] >= s.client_limit:
            self.stats["client_refused"] += 1
            raise busy(f"this client already has {self.clients[client]} requests running or waiting, "
                       f"and {s.client_limit} is the most one client may have at once", 429)
        long = fingerprint is not None and (fingerprint in self.long_queries or self.penalties.get(client, 0) > now)
        waiting = len(self.waiting["cheap"]) + len(self.waiting["long"])
        if waiting >= s.queue or (long and len(self.waiting["long"]) >= s.queue // 2):
            self.stats["refused"] += 1
            raise busy(f"{waiting} requests are already waiting for a query worker")
        if client is not None:
            self.clients[client] += 1
        ticket = Ticket(client, fingerprint, lane="long" if long else "cheap")
        if long:
            self.stats["long_lane"] += 1
            if fingerprint in self.long_queries:  # used again: forgotten last
                self.long_queries.move_to_end(fingerprint)
        return ticket

    def wait(self, t: Ticket) -> None:
        self.waiting[t.lane].append(t)

    def withdraw(self, t: Ticket) -> None:
        """The ticket stops waiting: its wait ran out, or its request was cancelled."""
        if t in self.waiting[t.lane]:
            self.waiting[t.lane].remove(t)
        t.abandoned = True

    def next_ticket(self) -> Ticket | None:
        """The ticket the next free worker goes to: a cheap one first, else a long one while the long lane
        has room (it then holds a place in that lane), else None."""
        if self.waiting["cheap"]:
            return self.waiting["cheap"].popleft()
        if self.waiting["long"] and self.long_running < self.settings.long_workers:
            t = self.waiting["long"].popleft()
            t.holds_long = True
            self.long_running += 1
            return t
        return None

    def release(self, t: Ticket, keep_client: bool = False) -> None:
        """End the ticket's hold on the long lane and (unless ``keep_client``) its count for its client."""
        if t.holds_long:
            t.holds_long = False
            self.long_running -= 1
        if not keep_client and t.client is not None:
            self.clients[t.client] -= 1
            if self.clients[t.client] <= 0:
                del self.clients[t.client]

    def went_long(self, t: Ticket) -> bool:
        """A cheap-lane job used ``--long-after`` CPU seconds: may it go on in the long lane?"""
        self._remember_long(t.fingerprint)
        if t.fingerprint is not None:  # a page's job is bounded by design: never stopped, never counted
            if self.long_running >= self.settings.long_workers:
                return False
            t.holds_long = True
            self.long_running += 1
        self.stats["demoted"] += 1
        return True

    def _remember_long(self, fingerprint: str | None, client: str | None = None) -> None:
        """Remember a long query (and a penalised client): their tickets still waiting move to the long lane,
        so that they do not take the next free cheap worker only to be stopped."""
        if fingerprint is not None:
            self.long_queries[fingerprint] = None
            self.long_queries.move_to_end(fingerprint)
            while len(self.long_queries) > REMEMBERED:
                self.long_queries.popitem(last=False)
        moved = [t for t in self.waiting["cheap"] if t.fingerprint is not None
                 and (t.fingerprint == fingerprint or t.client == client)]
        for t in moved:
            self.waiting["cheap"].remove(t)
            t.lane = "long"
            self.waiting["long"].append(t)

    def penalise(self, t: Ticket, crashed: str | None = None) -> None:
        """A client's query was stopped: remember the query, and send the client's SPARQL to the long lane;
        ``crashed``: the query crashed its worker, and is refused with this message from now on."""
        if t.fingerprint is None:  # a page's job: the server's own doing, no client's
            return
        now = time.monotonic()
        self.penalties[t.client] = now + PENALTY
        self._remember_long(t.fingerprint, t.client)
        if len(self.penalties) > REMEMBERED:
            self.penalties = {c: until for c, until in self.penalties.items() if until > now}
        if crashed:
            self.crashers[t.fingerprint] = crashed
            while len(self.crashers) > REMEMBERED:
                self.crashers.popitem(last=False)
