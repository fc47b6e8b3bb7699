"""The application: routes, the running server's state, and how it is started.

Owns :class:`KgServer` (the dataset, the settings, the worker pool and the
small caches of one running endpoint; it turns worker answers and library
errors into HTTP answers), the route handlers that are not pages (the
SPARQL endpoint and its service description, linked-data resolution and
RDF documents, dumps, saved query texts, ``/status``), :func:`create_app`
(the Starlette application, with every route answering HEAD as it answers
GET) and :func:`serve` (bind the socket, snapshot the build, run uvicorn
with the connection limits of :mod:`kg.serve.connections`).
"""

from __future__ import annotations

import asyncio
import logging

from kg import __version__
from kg import namespaces as ns
from kg.errors import KgError, NotFoundError, ParamError, QueryError, UnknownQueryError, UsageError
from kg.formats import MEDIA_TYPES
from kg.serve import pages
from kg.serve.answers import TRUNCATED, stream, unpack
from kg.serve.connections import SafeHeaders, listen, uvicorn_config
from kg.serve.dataset import DUMP_MEDIA, Dataset, service_description
from kg.serve.docs import ServedDocs
from kg.serve.engine import JOB_NAMES, Engine, NotAcceptable
from kg.serve.execution import WorkerPool
from kg.serve.limits import HttpError, Settings
from kg.serve.protocol import (FORMAT_SUFFIX, GRAPH_OFFERS, HTML_OFFERS, LD_OFFERS, PLAIN, RDF_OFFERS, SUFFIXES,
                               bare, choose_format, client_of, read_request)
from kg.serve.worker import QueryTimeout, WorkerDied

log = logging.getLogger("kg.serve")

# Library errors that the request caused; every other KgError is about the server's data or files.
CLIENT_ERRORS: tuple[tuple[type, int], ...] = (
    (NotAcceptable, 406), (QueryError, 400), (ParamError, 400), (UsageError, 400),
    (UnknownQueryError, 404), (NotFoundError, 404),
)


def http_error(exc: KgError) -> HttpError:
    """The HTTP answer to a library error: its one-line message, 4xx when the request caused it, else 500."""
    for cls, status in CLIENT_ERRORS:
        if isinstance(exc, cls):
            return HttpError(status, str(exc))
    return HttpError(500, f"the server cannot answer: {exc}")


def see_other(target: str, vary: bool = True):
    from starlette.responses import Response

    return Response(f"303 See Other: {target}\n", status_code=303, media_type=PLAIN,
                    headers={"Location": target, **({"Vary": "Accept"} if vary else {})})


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
                raise HttpError(400, "this query crashed the engine (a native stack overflow): it is nested or "
                                     "chained too deeply; it is refused from now on") from None
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

    def answer(self, request, out: dict, media: str, headers: dict):
        """A worker's document ({"body" or "file", "cut"}) as a response: a spool file is streamed, never read
        whole; a cut answer says which cap cut it (KG-Results-Truncated: max-rows=N or max-bytes=N)."""
        from starlette.responses import Response, StreamingResponse

        headers = dict(headers)
        if out.get("cut"):
            headers[TRUNCATED] = out["cut"]
        body, size = unpack(out)
        if isinstance(body, bytes):
            return Response(body, media_type=media, headers=headers)
        if request.method == "HEAD":
            body.close()
            return Response(b"", media_type=media, headers={**headers, "Content-Length": str(size)})
        return StreamingResponse(stream(body), media_type=media, headers={**headers, "Content-Length": str(size)})

    # ------------------------------------------------------------- SPARQL
    async def sparql(self, request):
        from starlette.responses import RedirectResponse, Response

        if request.method not in ("GET", "HEAD", "POST"):
            raise HttpError(405, f"{request.method} is not a SPARQL 1.1 Protocol query method: use GET or POST",
                            {"Allow": "GET, HEAD, POST, OPTIONS"})
        preq = await read_request(request, self.settings)
        if preq is None:
            fmt = choose_format(request, GRAPH_OFFERS[:4] + HTML_OFFERS, "the service description")
            if fmt == "html":
                return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
            body = service_description(self.dataset, await self.index(), self.settings, fmt)
            return Response(body, media_type=MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
        out = await self.call(Engine.job_sparql, client=client_of(request), fingerprint=preq.fingerprint,
                              text=preq.query, params=preq.params, default_graphs=preq.default_graphs,
                              named_graphs=preq.named_graphs, select_fmts=preq.select_fmts,
                              graph_fmts=preq.graph_fmts, base_iri=self.settings.endpoint)
        return self.answer(request, out, out["media"], {"Vary": "Accept"})

    # ------------------------------------------------------- linked data
    def _entity_iri(self, request) -> tuple[str, str | None]:
        kind, slug = request.path_params["kind"], request.path_params["slug"]
        fmt = None
        stem, dot, ext = slug.rpartition(".")
        if dot and ext in SUFFIXES:
            slug, fmt = stem, SUFFIXES[ext]
        elif dot and ext == "html":
            slug, fmt = stem, "html"
        return f"{ns.ID}{kind}/{slug}", fmt

    async def _known(self, iri: str) -> None:
        if iri not in (await self.index())["iri_set"]:
            raise self.not_found(iri)

    async def entity_id(self, request):
        """``/id/{kind}/{slug}``: 303 See Other to the page (HTML) or the data (RDF), by Accept."""
        iri, fmt = self._entity_iri(request)
        await self._known(iri)
        if fmt == "html":
            return await self.entity_page(request)
        if fmt is not None:
            return await self.entity_data(request)
        fmt = choose_format(request, LD_OFFERS, iri)
        rest = iri[len(ns.ID):]
        return see_other(f"/page/{rest}" if fmt == "html" else f"/data/{rest}.{FORMAT_SUFFIX[fmt]}")

    async def entity_page(self, request):
        iri, _ = self._entity_iri(request)
        await self._known(iri)
        return await pages.entity(self, request, iri)

    async def entity_data(self, request):
        """``/data/{kind}/{slug}.ttl|.jsonld|.nt|.rdf`` (or content-negotiated without suffix)."""
        iri, fmt = self._entity_iri(request)
        if fmt == "html":
            return await self.entity_page(request)
        headers = {}
        rest = iri[len(ns.ID):]
        if fmt is None:
            fmt = choose_format(request, RDF_OFFERS, f"the data about {iri}")
            headers = {"Vary": "Accept", "Content-Location": f"/data/{rest}.{FORMAT_SUFFIX[fmt]}"}
        await self._known(iri)
        out = await self.call(Engine.job_describe, client=client_of(request), iri=iri, fmt=fmt)
        if out is None:
            raise self.not_found(iri)
        page = bare(MEDIA_TYPES["html"])
        headers["Link"] = f'<{iri}>; rel="describes", </page/{rest}>; rel="alternate"; type="{page}"'
        return self.answer(request, out, MEDIA_TYPES[fmt], headers)

    async def ontology(self, request):
        """``/ontology``: the ontology (a hash namespace) as HTML or RDF, content-negotiated 200; the HTML is
        the reference of kg.docs (a section per term, anchored by its local name)."""
        from starlette.responses import Response

        ext = request.path_params.get("ext")
        if ext is not None:
            if ext not in SUFFIXES:
                raise HttpError(404, f"no /ontology.{ext}: use {', '.join('.' + s for s in SUFFIXES)}")
            fmt, headers = SUFFIXES[ext], {}
        else:
            fmt = choose_format(request, LD_OFFERS, "the ontology")
            headers = {"Vary": "Accept"}
            if fmt != "html":
                headers["Content-Location"] = f"/ontology.{FORMAT_SUFFIX[fmt]}"
        if ns.ONTOLOGY_GRAPH not in (await self.index())["graphs"]:
            raise HttpError(404, "this dataset has no ontology graph")
        if fmt == "html":
            if not self.docs.available:  # N-Quads files only: the plain list of terms
                return await pages.ontology(self, headers)
            return Response(await self.docs.reference(), media_type=MEDIA_TYPES["html"], headers=headers)
        out = await self.call(Engine.job_graph, client=client_of(request), iri=ns.ONTOLOGY_GRAPH, fmt=fmt)
        return self.answer(request, out, MEDIA_TYPES[fmt], headers)

    async def graph(self, request):
        """``/graph/{name}``: a named graph that is not a source (e.g. the inferred graph)."""
        name = request.path_params["name"]
        fmt = None
        stem, dot, ext = name.rpartition(".")
        if dot and ext in SUFFIXES:
            name, fmt = stem, SUFFIXES[ext]
        iri = ns.GRAPH + name
        idx = await self.index()
        if iri not in idx["graphs"]:
            raise HttpError(404, f"{iri} is not a graph of this dataset")
        headers = {}
        if fmt is None:
            fmt = choose_format(request, LD_OFFERS, iri)
            headers = {"Vary": "Accept"}
        if fmt == "html":
            return pages.graph(self, iri, name, idx["graphs"][iri], headers)
        out = await self.call(Engine.job_graph, client=client_of(request), iri=iri, fmt=fmt)
        if out is None:
            raise HttpError(404, f"{iri} is not a graph of this dataset")
        return self.answer(request, out, MEDIA_TYPES[fmt], headers)

    # ------------------------------------------------------ files and text
    async def dumps(self, request):
        from starlette.responses import FileResponse

        name = request.path_params["name"]
        if name not in DUMP_MEDIA:
            raise HttpError(404, f"no dump named {name!r}; the dumps are {', '.join(DUMP_MEDIA)}")
        out = await asyncio.get_running_loop().run_in_executor(None, self.dataset.dumps_dir)
        if out is None:
            raise HttpError(404, "this server serves no kg project, so it has no dumps")
        return FileResponse(out / name, media_type=DUMP_MEDIA[name],
                            headers={"Content-Disposition": f'inline; filename="{name}"'})

    async def saved_query(self, request):
        from starlette.responses import Response

        cat = self.dataset.saved_queries()
        if cat is None:
            raise HttpError(404, "this server has no saved queries")
        q = cat.get(request.path_params["name"])
        return Response(q.text, media_type=MEDIA_TYPES["sparql-query"] + "; charset=utf-8")

    async def status(self, request):
        from dataclasses import asdict

        from starlette.responses import JSONResponse

        limits = asdict(self.settings)
        limits["memory_limit_mib"] = limits.pop("memory_limit")
        return JSONResponse({"kg": __version__, "workers": self.pool.pids(), "busy": self.pool.busy_pids(),
                             "stats": self.pool.stats, "limits": limits})


def create_app(project=None, *, files=None, title: str | None = None, **limits):
    """The Starlette application serving ``project``'s build, or the N-Quads ``files``.

    ``limits`` are :class:`kg.serve.limits.Settings` fields (``timeout``,
    ``max_rows``, ``base_url``, …).  ``files`` serves an arbitrary dataset
    (the W3C protocol tests' data, for instance): its named graphs are the
    dataset's graphs and the default graph is their union.  The worker
    processes start with the application's lifespan (or on the first request)."""
    from starlette.applications import Starlette

    settings = Settings(**limits).resolved()
    server = KgServer(open_dataset(project, files, title), settings)
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


def route_handler(server: KgServer, method):
    """The route handler that awaits ``method(request)`` and answers any error it raises as an error page
    (or a one-line message): an HttpError as it says, a library error by :func:`http_error`."""
    from starlette.requests import ClientDisconnect
    from starlette.responses import Response

    async def handler(request):
        try:
            return await method(request)
        except HttpError as exc:
            return pages.error_response(server, request, exc)
        except KgError as exc:  # a library error: its one-line message, never a traceback
            return pages.error_response(server, request, http_error(exc))
        except ClientDisconnect:  # nobody reads the answer (the body timeout, or the client left)
            return Response(b"", status_code=400)
    handler.__name__ = getattr(method, "__name__", "page")
    return handler


async def no_favicon(request):
    from starlette.responses import Response

    return Response(status_code=204)


async def dataset_iri(request):
    return see_other("/", vary=False)


async def docs_root(request):
    return see_other("/docs/", vary=False)


async def well_known_void(request):
    return see_other("/dumps/void.ttl", vary=False)


def routes(server: KgServer) -> list:
    """Every URL the endpoint answers (docs/SERVE.md, "Addresses"), each with its handler."""
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    def page(function):
        return route_handler(server, lambda request: function(server, request))

    def own(method):
        return route_handler(server, method)

    sparql_methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    return [
        Route("/", page(pages.landing)),
        Route("/sparql", own(server.sparql), methods=sparql_methods),
        Route("/sparql/", own(server.sparql), methods=sparql_methods),
        Route("/query", page(pages.query_page)),
        Route("/queries/{name}.rq", own(server.saved_query)),
        Route("/id/{kind}/{slug}", own(server.entity_id)),
        Route("/page/{kind}/{slug}", own(server.entity_page)),
        Route("/data/{kind}/{slug}", own(server.entity_data)),
        Route("/browse/{kind}", page(pages.browse)),
        Route("/ontology", own(server.ontology)),
        Route("/ontology.{ext}", own(server.ontology)),
        Route("/graph/{name}", own(server.graph)),
        Route("/docs", docs_root),
        Route("/docs/{path:path}", own(server.docs.file)),
        Route("/dataset", dataset_iri),
        Route("/.well-known/void", well_known_void),
        Route("/dumps/{name}", own(server.dumps)),
        Route("/status", own(server.status)),
        Route("/favicon.ico", no_favicon),
        Mount("/static", StaticFiles(directory=str(pages.STATIC)), name="static"),
    ]


def middleware() -> list:
    """Safe headers on every answer, and CORS: any site's scripts may query (GET, POST) and read the cut."""
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware

    return [Middleware(SafeHeaders),
            Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Accept", "Content-Type"], expose_headers=[TRUNCATED], max_age=3600)]


def no_route(server: KgServer):
    """The answer to a URL no route matches (404) or a method its route does not take (405)."""
    async def not_found(request, exc):
        return pages.error_response(server, request, HttpError(exc.status_code, (
            f"nothing here: {request.url.path}" if exc.status_code == 404 else str(exc.detail))))

    return not_found


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
