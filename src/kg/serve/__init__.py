"""``kg serve``: a read-only SPARQL 1.1 endpoint with linked-data pages (docs/SERVE.md).

:func:`create_app` returns the Starlette application, :func:`serve` runs it under uvicorn; the command
``kg serve`` only parses options.  The ASGI process never runs SPARQL itself: queries run in worker
processes that a timeout kills.  One module per concern:

* :mod:`~kg.serve.limits` — every limit (``Settings``) and ``HttpError``;
* :mod:`~kg.serve.protocol` — reading requests: the SPARQL 1.1 Protocol, content negotiation over
  :mod:`kg.formats`, the guard against pathological queries, fingerprints;
* :mod:`~kg.serve.routes` — every URL, and the handlers that are not pages;
* :mod:`~kg.serve.pages` — the HTML pages (``templates/``, ``static/``) and their escaping;
* :mod:`~kg.serve.docs` — kg docs' site and ontology reference, served at ``/docs/``;
* :mod:`~kg.serve.dataset` — the private snapshot, dumps, saved queries, VoID/DCAT, the service description;
* :mod:`~kg.serve.execution` — the worker pool: the processes, and a job on one within the run limit;
* :mod:`~kg.serve.admission` — who gets the next free worker: three lanes by cost, per-client limits, memory of cost;
* :mod:`~kg.serve.worker` — one worker process and the server's handle on it;
* :mod:`~kg.serve.engine` — the jobs a worker runs over its store, and their table ``JOBS``;
* :mod:`~kg.serve.answers` — answers within the row and byte caps, spooled and streamed;
* :mod:`~kg.serve.connections` — slow clients, the connection cap, safe headers, uvicorn, the socket;
* :mod:`~kg.serve.app` — the running server's state, and the wiring: ``create_app``, ``serve``.
"""

from __future__ import annotations

# Imported on first use, so that a worker process (which imports kg.serve.worker) never loads Starlette or Jinja.
_EXPORTS = {"create_app": "app", "serve": "app", "listen": "connections", "Settings": "limits"}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f"kg.serve.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'kg.serve' has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
