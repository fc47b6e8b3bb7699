"""``kg serve``: a read-only SPARQL 1.1 endpoint with linked-data pages.

Library first: :func:`create_app` returns a Starlette application (testable
with httpx or ``starlette.testclient.TestClient``), :func:`serve` runs it
under uvicorn.  The command ``kg serve`` only parses options and calls
``serve``.  docs/SERVE.md documents the URLs, the formats and every limit.

The ASGI process never runs SPARQL itself: queries run in a pool of worker
processes that a timeout kills.  One module per concern:

* :mod:`~kg.serve.limits` — every limit (``Settings``) and ``HttpError``;
* :mod:`~kg.serve.protocol` — reading requests: the SPARQL 1.1 Protocol,
  content negotiation over :mod:`kg.formats`, the guard against
  pathological queries, fingerprints;
* :mod:`~kg.serve.execution` — the worker pool: the worker processes, and
  running a job on one within the run limit;
* :mod:`~kg.serve.admission` — who gets the next free worker: the two
  lanes, per-client limits, the memory of cost;
* :mod:`~kg.serve.worker` — one worker process and the server's handle on it;
* :mod:`~kg.serve.engine` — the jobs a worker runs over its store;
* :mod:`~kg.serve.answers` — answers within the row and byte caps, spooled
  and streamed;
* :mod:`~kg.serve.dataset` — the private snapshot, dumps, saved queries,
  VoID/DCAT and the service description;
* :mod:`~kg.serve.pages` — the HTML pages and their escaping;
* :mod:`~kg.serve.connections` — slow-client time limits, the connection
  cap, safe headers, the uvicorn configuration, the listening socket;
* :mod:`~kg.serve.routes` — every URL, and the handlers that are not pages;
* :mod:`~kg.serve.app` — the running server's state and wiring:
  ``create_app``, ``serve``.

The names below are imported on first use, so that a worker process, which
imports :mod:`kg.serve.worker`, never loads Starlette or Jinja.
"""

from __future__ import annotations

_EXPORTS = {"create_app": "app", "serve": "app", "listen": "connections", "Settings": "limits"}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f"kg.serve.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'kg.serve' has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
