"""Every URL the endpoint answers, and the handlers that are not HTML pages.

Owns :func:`routes` (the URL table; each route answers HEAD as it answers
GET), :func:`route_handler` (what a handler raises becomes an error page or
a one-line message: an :class:`HttpError` as it says, a library error by
:func:`http_error`), and the handlers of the SPARQL endpoint and its
service description, linked-data resolution and RDF documents, the
ontology and named graphs, dumps, saved query texts and ``/status``.  A
handler takes the running server (:class:`kg.serve.app.KgServer`) and a
request, as the pages' handlers (:mod:`kg.serve.pages`) do.
"""

from __future__ import annotations

import asyncio

from kg import __version__
from kg import namespaces as ns
from kg.errors import KgError, NotFoundError, ParamError, QueryError, UnknownQueryError, UsageError
from kg.formats import MEDIA_TYPES
from kg.serve import pages
from kg.serve.answers import response
from kg.serve.dataset import DUMP_MEDIA, service_description
from kg.serve.engine import Engine, NotAcceptable
from kg.serve.limits import HttpError
from kg.serve.protocol import (FORMAT_SUFFIX, GRAPH_OFFERS, HTML_OFFERS, LD_OFFERS, PLAIN, RDF_OFFERS, SUFFIXES,
                               bare, choose_format, client_of, read_request)

# Library errors that the request caused; every other KgError is about the server's data or files.
CLIENT_ERRORS: tuple[tuple[type, int], ...] = (
    (NotAcceptable, 406), (QueryError, 400), (ParamError, 400), (UsageError, 400),
    (UnknownQueryError, 404), (NotFoundError, 404),
)


def routes(server) -> list:
    """Every URL the endpoint answers (docs/SERVE.md, "Addresses"), each with its handler."""
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    def handle(function):
        return route_handler(server, function)

    sparql_methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    return [
        Route("/", handle(pages.landing)),
        Route("/sparql", handle(sparql), methods=sparql_methods),
        Route("/sparql/", handle(sparql), methods=sparql_methods),
        Route("/query", handle(pages.query_page)),
        Route("/queries/{name}.rq", handle(saved_query)),
        Route("/id/{kind}/{slug}", handle(entity_id)),
        Route("/page/{kind}/{slug}", handle(entity_page)),
        Route("/data/{kind}/{slug}", handle(entity_data)),
        Route("/browse/{kind}", handle(pages.browse)),
        Route("/search", handle(pages.search)),
        Route("/ontology", handle(ontology)),
        Route("/ontology.{ext}", handle(ontology)),
        Route("/graph/{name}", handle(graph)),
        Route("/docs", docs_root),
        Route("/docs/{path:path}", handle(docs_file)),
        Route("/dataset", dataset_iri),
        Route("/.well-known/void", well_known_void),
        Route("/dumps/{name}", handle(dumps)),
        Route("/status", handle(status)),
        Route("/favicon.ico", no_favicon),
        # the header's stylesheet is the documentation site's (kg.docs.menu): one header on every page
        Mount("/static", StaticFiles(directory=str(pages.STATIC), packages=[("kg.docs", "static")]), name="static"),
    ]


# ------------------------------------------------------------ errors

def http_error(exc: KgError) -> HttpError:
    """The HTTP answer to a library error: its one-line message, 4xx when the request caused it, else 500."""
    for cls, status in CLIENT_ERRORS:
        if isinstance(exc, cls):
            return HttpError(status, str(exc))
    return HttpError(500, f"the server cannot answer: {exc}")


def route_handler(server, function):
    """The route handler that awaits ``function(server, request)`` and answers any error it raises as an
    error page (or a one-line message)."""
    from starlette.requests import ClientDisconnect
    from starlette.responses import Response

    async def handler(request):
        try:
            return await function(server, request)
        except HttpError as exc:
            return pages.error_response(server, request, exc)
        except KgError as exc:  # a library error: its one-line message, never a traceback
            return pages.error_response(server, request, http_error(exc))
        except ClientDisconnect:  # nobody reads the answer (the body timeout, or the client left)
            return Response(b"", status_code=400)
    handler.__name__ = function.__name__
    return handler


def no_route(server):
    """The answer to a URL no route matches (404) or a method its route does not take (405)."""
    async def not_found(request, exc):
        return pages.error_response(server, request, HttpError(exc.status_code, (
            f"nothing here: {request.url.path}" if exc.status_code == 404 else str(exc.detail))))

    return not_found


# --------------------------------------------------------- redirects

def see_other(target: str, vary: bool = True):
    from starlette.responses import Response

    return Response(f"303 See Other: {target}\n", status_code=303, media_type=PLAIN,
                    headers={"Location": target, **({"Vary": "Accept"} if vary else {})})


async def dataset_iri(request):
    return see_other("/", vary=False)


async def docs_root(request):
    return see_other("/docs/", vary=False)


async def well_known_void(request):
    return see_other("/dumps/void.ttl", vary=False)


async def no_favicon(request):
    from starlette.responses import Response

    return Response(status_code=204)


# ------------------------------------------------------------- SPARQL

async def sparql(server, request):
    from starlette.responses import RedirectResponse, Response

    if request.method not in ("GET", "HEAD", "POST"):
        raise HttpError(405, f"{request.method} is not a SPARQL 1.1 Protocol query method: use GET or POST",
                        {"Allow": "GET, HEAD, POST, OPTIONS"})
    preq = await read_request(request, server.settings)
    if preq is None:
        fmt = choose_format(request, GRAPH_OFFERS[:4] + HTML_OFFERS, "the service description")
        if fmt == "html":
            return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
        body = service_description(server.dataset, await server.index(), server.settings, fmt)
        return Response(body, media_type=MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
    saved = server.dataset.saved_queries() if preq.params else None
    declared = saved.declared_for(preq.query) if saved is not None else None
    out = await server.call(Engine.job_sparql, client=client_of(request), fingerprint=preq.fingerprint,
                            text=preq.query, params=preq.params, declared=declared,
                            default_graphs=preq.default_graphs,
                            named_graphs=preq.named_graphs, select_fmts=preq.select_fmts,
                            graph_fmts=preq.graph_fmts, base_iri=server.settings.endpoint)
    return response(request, out, out["media"], {"Vary": "Accept"})


# ------------------------------------------------------- linked data

def _entity_iri(request) -> tuple[str, str | None]:
    kind, slug = request.path_params["kind"], request.path_params["slug"]
    fmt = None
    stem, dot, ext = slug.rpartition(".")
    if dot and ext in SUFFIXES:
        slug, fmt = stem, SUFFIXES[ext]
    elif dot and ext == "html":
        slug, fmt = stem, "html"
    return f"{ns.ID}{kind}/{slug}", fmt


async def _known(server, iri: str) -> None:
    if iri not in (await server.index())["iri_set"]:
        raise server.not_found(iri)


async def entity_id(server, request):
    """``/id/{kind}/{slug}``: 303 See Other to the page (HTML) or the data (RDF), by Accept."""
    iri, fmt = _entity_iri(request)
    await _known(server, iri)
    if fmt == "html":
        return await entity_page(server, request)
    if fmt is not None:
        return await entity_data(server, request)
    fmt = choose_format(request, LD_OFFERS, iri)
    rest = iri[len(ns.ID):]
    return see_other(f"/page/{rest}" if fmt == "html" else f"/data/{rest}.{FORMAT_SUFFIX[fmt]}")


async def entity_page(server, request):
    iri, _ = _entity_iri(request)
    await _known(server, iri)
    return await pages.entity(server, request, iri)


async def entity_data(server, request):
    """``/data/{kind}/{slug}.ttl|.jsonld|.nt|.rdf`` (or content-negotiated without suffix)."""
    iri, fmt = _entity_iri(request)
    if fmt == "html":
        return await entity_page(server, request)
    headers = {}
    rest = iri[len(ns.ID):]
    if fmt is None:
        fmt = choose_format(request, RDF_OFFERS, f"the data about {iri}")
        headers = {"Vary": "Accept", "Content-Location": f"/data/{rest}.{FORMAT_SUFFIX[fmt]}"}
    await _known(server, iri)
    out = await server.call(Engine.job_describe, client=client_of(request), iri=iri, fmt=fmt)
    if out is None:
        raise server.not_found(iri)
    page = bare(MEDIA_TYPES["html"])
    headers["Link"] = f'<{iri}>; rel="describes", </page/{rest}>; rel="alternate"; type="{page}"'
    return response(request, out, MEDIA_TYPES[fmt], headers)


async def ontology(server, request):
    """``/ontology``: the ontology (a hash namespace) as HTML or RDF, content-negotiated 200; the HTML is
    the reference of kg.docs (a section per term, anchored by its local name)."""
    from starlette.responses import FileResponse

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
    if ns.ONTOLOGY_GRAPH not in (await server.index())["graphs"]:
        raise HttpError(404, "this dataset has no ontology graph")
    if fmt == "html":
        if not server.docs.available:  # N-Quads files only: the plain list of terms
            return await pages.ontology(server, headers)
        return FileResponse(await server.docs.reference(), media_type=MEDIA_TYPES["html"], headers=headers)
    out = await server.call(Engine.job_graph, client=client_of(request), iri=ns.ONTOLOGY_GRAPH, fmt=fmt)
    return response(request, out, MEDIA_TYPES[fmt], headers)


async def graph(server, request):
    """``/graph/{name}``: a named graph that is not a source (e.g. the inferred graph)."""
    name = request.path_params["name"]
    fmt = None
    stem, dot, ext = name.rpartition(".")
    if dot and ext in SUFFIXES:
        name, fmt = stem, SUFFIXES[ext]
    iri = ns.GRAPH + name
    idx = await server.index()
    if iri not in idx["graphs"]:
        raise HttpError(404, f"{iri} is not a graph of this dataset")
    headers = {}
    if fmt is None:
        fmt = choose_format(request, LD_OFFERS, iri)
        headers = {"Vary": "Accept"}
    if fmt == "html":
        return pages.graph(server, iri, name, idx["graphs"][iri], headers)
    out = await server.call(Engine.job_graph, client=client_of(request), iri=iri, fmt=fmt)
    if out is None:
        raise HttpError(404, f"{iri} is not a graph of this dataset")
    return response(request, out, MEDIA_TYPES[fmt], headers)


# ------------------------------------------------------ files and text

async def docs_file(server, request):
    """``/docs/…``: the site kg docs wrote (:mod:`kg.serve.docs`)."""
    return await server.docs.file(request)


async def dumps(server, request):
    from starlette.responses import FileResponse

    name = request.path_params["name"]
    if name not in DUMP_MEDIA:
        raise HttpError(404, f"no dump named {name!r}; the dumps are {', '.join(DUMP_MEDIA)}")
    out = await asyncio.get_running_loop().run_in_executor(None, server.dataset.dumps_dir)
    if out is None:
        raise HttpError(404, "this server serves no kg project, so it has no dumps")
    return FileResponse(out / name, media_type=DUMP_MEDIA[name],
                        headers={"Content-Disposition": f'inline; filename="{name}"'})


async def saved_query(server, request):
    from starlette.responses import Response

    cat = server.dataset.saved_queries()
    if cat is None:
        raise HttpError(404, "this server has no saved queries")
    q = cat.get(request.path_params["name"])
    return Response(q.text, media_type=MEDIA_TYPES["sparql-query"] + "; charset=utf-8")


async def status(server, request):
    from dataclasses import asdict

    from starlette.responses import JSONResponse

    limits = asdict(server.settings)
    limits["memory_limit_mib"] = limits.pop("memory_limit")
    return JSONResponse({"kg": __version__, "workers": server.pool.pids(), "busy": server.pool.busy_pids(),
                         "stats": server.pool.stats, "limits": limits})
