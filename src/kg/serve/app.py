"""The application: the state of one running endpoint, and how it is built and started.

Owns :class:`KgServer` (the dataset, the settings, the worker pool and the
small caches of one running endpoint; it runs jobs on the workers and turns
how they end into values or HTTP errors), :func:`create_app` (the Starlette
application over the routes of :mod:`kg.serve.routes`) and :func:`serve`
(bind the socket, snapshot the build, run uvicorn with the connection
limits of :mod:`kg.serve.connections`).
"""

from __future__ import annotations

import asyncio
import logging

from kg.memory import release_freed_memory
from kg.serve import pages
from kg.serve.answers import TRUNCATED
from kg.serve.connections import SafeHeaders, listen, uvicorn_config
from kg.serve.dataset import Dataset
from kg.serve.docs import ServedDocs
from kg.serve.engine import JOB_NAMES, Engine
from kg.serve.execution import WorkerPool
from kg.serve.limits import HttpError, Settings
from kg.serve.routes import no_route, routes
from kg.serve.worker import STACK_OVERFLOW, QueryTimeout, WorkerDied

log = logging.getLogger("kg.serve")


class KgServer:
    """The state of one running endpoint: the dataset, the limits, the worker pool, small caches."""

    def __init__(self, dataset: Dataset, settings: Settings):
        self.dataset = dataset
        self.settings = settings
        self.pool = WorkerPool([str(f) for f in dataset.files], settings, spool=dataset.spool)
        self.cached_index: dict | None = None
        self._index_lock = asyncio.Lock()
        self.ontology_cache: dict | None = None
        self.env = pages.environment(settings, dataset.title)
        self.docs = ServedDocs(dataset)

    # -- workers
    async def call(self, job, *, client: str | None = None, fingerprint: str | None = None, **kwargs):
        """Run ``job`` (a method of :data:`kg.serve.engine.JOBS`) with ``kwargs`` on a worker: its value, or the
        HttpError it comes to.  ``client``: who asked (None: the server itself, which no per-client limit
        applies to); ``fingerprint``: a client's SPARQL query."""
        s = self.settings
        try:
            answer = await self.pool.run((JOB_NAMES[job], kwargs), client=client, fingerprint=fingerprint)
        except QueryTimeout as exc:
            if exc.limit >= s.timeout:
                raise HttpError(504, f"the query ran longer than this endpoint's limit of {s.timeout:g} s "
                                     "and was stopped; make it more selective or add LIMIT") from None
            raise HttpError(504, f"the query did not finish within this endpoint's limit of {s.timeout:g} s: it waited "
                                 f"{exc.waited:.1f} s for a free query worker and was stopped after running "
                                 f"{exc.limit:.1f} s; retry in a moment, or make it more selective or add LIMIT",
                            {"Retry-After": "1"}) from None
        except WorkerDied as exc:
            if exc.crash == "stack":
                raise HttpError(400, STACK_OVERFLOW) from None
            raise HttpError(503, "the query ended its worker process (most likely it needed more than the "
                                 f"{s.memory_limit} MiB a worker may use) and was stopped; "
                                 "make it more selective or add LIMIT") from None
        if answer[0] == "ok":
            return answer[1]
        _, status, message = answer
        raise HttpError(status, message)

    async def index(self) -> dict:
        if self.cached_index is None:
            async with self._index_lock:
                if self.cached_index is None:
                    idx = await self.call(Engine.job_index)
                    idx["iri_set"] = set(idx["iris"])
                    self.cached_index = idx
        return self.cached_index

    def not_found(self, iri: str) -> HttpError:
        return HttpError(404, f"{iri} is not an entity of this dataset")


def create_app(project=None, *, files=None, title: str | None = None, **limits):
    """The Starlette application serving ``project``'s build, or the N-Quads ``files``.

    ``limits`` are :class:`kg.serve.limits.Settings` fields (``timeout``,
    ``max_rows``, ``base_url``, …).  ``files`` serves an arbitrary dataset
    (the W3C protocol tests' data, for instance): its named graphs are the
    dataset's graphs and the default graph is their union.  The worker
    processes start with the application's lifespan (or on the first request)."""
    from starlette.applications import Starlette

    settings = Settings(**limits).resolved()
    dataset = open_dataset(project, files, title)
    dataset.endpoint = settings.endpoint  # the dumps' void.ttl names the endpoint that serves them
    server = KgServer(dataset, settings)
    app = Starlette(routes=routes(server), middleware=middleware(), lifespan=lifespan(server),
                    exception_handlers=dict.fromkeys((404, 405), no_route(server)))
    app.state.server = server
    return app


def open_dataset(project, files, title: str | None) -> Dataset:
    """The N-Quads ``files`` as a dataset, else the build of ``project`` (by default the working copy kg finds)."""
    if files is not None:
        return Dataset.of_files(files, title=title or "SPARQL endpoint")
    from kg.project import locate

    dataset = Dataset.of_project(project or locate())
    dataset.title = title or "International science-and-technology cooperation parks"
    return dataset


def lifespan(server: KgServer):
    """The application's lifespan: the workers start with it; at its end they stop and the snapshot goes."""
    import contextlib

    @contextlib.asynccontextmanager
    async def span(app):
        await asyncio.get_running_loop().run_in_executor(None, server.pool.start)
        try:
            yield
        finally:
            server.pool.close()
            server.dataset.close()  # the private snapshot of the build

    return span


def middleware() -> list:
    """Safe headers on every answer, and CORS: any site's scripts may query (GET, POST) and read the cut."""
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware

    return [Middleware(SafeHeaders),
            Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Accept", "Content-Type"], expose_headers=[TRUNCATED], max_age=3600)]


def default_base_url(sock) -> str:
    """http://HOST:PORT of the bound socket (the public address when --base-url is not given)."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):
        log.warning("listening on all interfaces without --base-url: the service description names "
                    "http://127.0.0.1:%d; set --base-url to the address clients use", port)
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(project=None, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info", files=None,
          **limits) -> None:
    """Run the endpoint under uvicorn until interrupted (Ctrl-C); ``limits`` as for :func:`create_app`.

    The address is taken first, before the build is snapshotted and workers
    start: a busy port is one clear KgError, not a server that starts and dies."""
    import uvicorn

    sock = listen(host, port)
    release_freed_memory()
    try:
        logging.basicConfig(level=getattr(logging, log_level.upper(), logging.INFO), format="kg serve: %(message)s")
        app = create_app(project, files=files, base_url=limits.pop("base_url", None) or default_base_url(sock),
                         **limits)
        s = app.state.server.settings
        bound_host, bound_port = sock.getsockname()[:2]
        log.info("serving %s on http://%s:%d/ as %s (SPARQL at /sparql; %d workers, %d for long queries, "
                 "timeout %g s, max %d rows or %d bytes)", app.state.server.dataset.title, bound_host, bound_port,
                 s.base_url, s.workers, s.long_workers, s.timeout, s.max_rows, s.max_bytes)
        uvicorn.Server(uvicorn_config(app, s, log_level)).run(sockets=[sock])
    finally:
        sock.close()
