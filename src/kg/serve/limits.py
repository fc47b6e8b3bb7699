"""Every limit of one server, with its default, and the error a request gets when it meets one.

Owns :class:`Settings` (each field is an option of ``kg serve``; docs/SERVE.md
lists them all with their flags), :class:`HttpError` (a status, a one-line
message and headers) and the few fixed constants of admission and memory
that are not worth a flag.  Nothing here does any work: the other modules
read these values.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, replace

from kg.errors import KgError

# Seconds a request may take beyond ``timeout`` in all (handing the job over, reading the answer).
GRACE = 0.5
# Seconds a client whose query was stopped (timeout, long lane full, crash) sends its SPARQL to the long lane.
PENALTY = 60.0
# Seconds a request refused because the lane of unproven queries it needs (fresh, long) is full waits for its
# 503: as long as its Retry-After says, so that a client looping on refusals costs one request a second per
# connection, not thousands (a cheap request is refused at once: then the queue is full of cheap requests).
REFUSAL_DELAY = 1.0
# Query fingerprints remembered as long-running (and as crashing the engine): a bounded LRU.
REMEMBERED = 4096
# A worker whose peak resident memory grew by more than this since it started is replaced after its answer,
# so that the memory one large answer took (which the allocator may keep) does not stay for the worker's life.
RECYCLE_MIB = 128
# Answers up to this size travel inline over the worker's socket; larger ones through a spool file.
INLINE_BYTES = 256 * 1024
# Connections accepted in one go (uvicorn's backlog): the connection cap is only applied after them.
ACCEPT_BATCH = 128
# File descriptors kept for the workers, spool files and the store, besides one accept batch, when the
# connection cap is derived from the open-file limit: so that accepting never runs out of descriptors.
FD_RESERVE = 64 + ACCEPT_BATCH


@dataclass(frozen=True)
class Settings:
    """The limits of one server.  Every one is an option of ``kg serve`` (docs/SERVE.md, "Limits")."""

    # the query and its answer
    timeout: float = 10.0  # --timeout: seconds a query may run before its worker is killed (504)
    max_rows: int = 10_000  # --max-rows: rows / triples per answer; more are cut (KG-Results-Truncated)
    max_bytes: int = 16 * 1024 * 1024  # --max-bytes: bytes of one answer; more are cut (KG-Results-Truncated)
    max_body: int = 1_048_576  # --max-body: bytes of a request body (413) or URL query string (414)
    max_depth: int = 64  # --max-depth: nesting of ( { [ in a query (400 before any engine sees it)
    max_operators: int = 8192  # --max-operators: operators in a query (400 before any engine sees it)
    # the worker pool and admission
    workers: int = 0  # --workers: query worker processes; 0: one per CPU plus one, at least 3
    long_workers: int = 0  # --long-workers: workers long queries may hold at once; 0: a third, at least 1
    client_limit: int = 4  # --client-limit: requests one client may have running or waiting (429 beyond)
    queue: int = 64  # --queue: requests waiting for a worker in all (503 beyond; half for cheap ones, a quarter
    #   each for long queries and for the new queries of clients without a record of cheap ones)
    memory_limit: int = 2048  # --memory-limit: MiB of address space per worker (0: no limit)
    long_after: float = 0.25  # --long-after: CPU seconds after which a query counts as long
    # connections
    header_timeout: float = 10.0  # --header-timeout: seconds to send a whole request head
    body_timeout: float = 30.0  # --body-timeout: seconds to send a whole request body
    send_timeout: float = 30.0  # --send-timeout: seconds a client may leave the answer unread
    idle_timeout: float = 5.0  # --idle-timeout: seconds a kept-alive connection may stay idle
    max_connections: int = 0  # --max-connections: open connections; 0: from the open-file limit
    # identity
    base_url: str = "http://127.0.0.1:8000"  # --base-url: the public address (never the Host header)
    trusted_proxies: str = "127.0.0.1,::1"  # --trusted-proxies: whose X-Forwarded-For names the client

    def resolved(self) -> Settings:
        """Zeros ("automatic") replaced by their values, and the base URL checked."""
        workers = self.workers or max(3, (os.cpu_count() or 2) + 1)
        # one worker cannot be split: it serves both lanes, and no worker is reserved for cheap requests
        long_workers = self.long_workers or max(1, min(workers // 3, workers - 1))
        if long_workers >= workers > 1:
            raise KgError(f"--long-workers ({long_workers}) must be fewer than --workers ({workers}): "
                          "cheap queries need at least one worker of their own")
        return replace(self, workers=workers, long_workers=long_workers,
                       max_connections=self.max_connections or fd_connections(),
                       base_url=public_base(self.base_url))

    @property
    def reserved_workers(self) -> int:
        """Workers that fresh and long queries never hold together: a third (none below three workers), so
        that the cheap requests (pages, queries that ran cheap before) always have some of their own."""
        return self.workers // 3

    @property
    def endpoint(self) -> str:
        """The endpoint's public address: sd:endpoint, and the base IRI of queries."""
        return self.base_url + "/sparql"


def public_base(url: str) -> str:
    """``url`` without a trailing slash, after checking it is an absolute http(s) URL of a host root."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"--base-url {url!r} must be an absolute http:// or https:// URL")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise KgError(f"--base-url {url!r} must be a host root (no path, query or fragment): the pages link "
                      "to absolute paths, so a reverse proxy must map its prefix to /")
    return f"{parts.scheme}://{parts.netloc}"


def fd_connections() -> int:
    """The connections the open-file limit leaves room for, after the workers, spool files and store."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 1000
    if soft == resource.RLIM_INFINITY:
        return 10_000
    return max(16, soft - FD_RESERVE)


class HttpError(Exception):
    """An answer with a 4xx/5xx status and a message that says what was wrong."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}
        self.delay = 0.0  # seconds to wait before answering (a refusal of busy(delay=True))


def busy(why: str, status: int = 503, delay: bool = False) -> HttpError:
    """A refusal the client may retry shortly (503, or 429 for its own excess).  ``delay``: answered only after
    ``REFUSAL_DELAY`` (see there)."""
    err = HttpError(status, f"the endpoint is busy: {why}; retry in a moment", {"Retry-After": "1"})
    err.delay = REFUSAL_DELAY if delay else 0.0
    return err
