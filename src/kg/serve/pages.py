"""The HTML pages: templates, escaping, and the handlers that fill them.

Owns the Jinja environment (``kg/serve/templates``, autoescaped), the one
rule for data embedded in a ``<script>`` element (:func:`script_json`:
``<``, ``>``, ``&`` and the JavaScript line separators are written as
``\\uXXXX`` escapes, so no value can end the element or open an HTML
comment in it), the error page, and the pages themselves: the landing page
(VoID/DCAT, dumps, saved queries), entity pages, the ontology, named graphs,
the browse lists and the query page.  Page handlers take the running
server (:class:`kg.serve.app.KgServer`) and a request.
"""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from pathlib import Path

from markupsafe import Markup

from kg import __version__
from kg import namespaces as ns
from kg.formats import FORMATS, GRAPH_FORMATS
from kg.serve.engine import Engine
from kg.serve.limits import HttpError
from kg.serve.protocol import (FORMAT_SUFFIX, HTML_OFFERS, PLAIN, RDF_OFFERS, bare, choose_format, client_of,
                               negotiate)

TEMPLATES = Path(__file__).resolve().parent / "templates"  # the pages' Jinja templates
STATIC = TEMPLATES.parent / "static"  # their stylesheet, script and icon, served at /static
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
TERM_GROUPS = ["Classes", "Object properties", "Datatype properties", "Annotation properties",
               "Concepts and individuals"]
KINDS = ("class", "object property", "datatype property", "annotation property")  # kg.docs.model's, in that order


def script_json(value) -> Markup:
    """``value`` as JSON that is safe inside a ``<script>`` element (and still the same JSON)."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup("".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text))


def local_path(iri: str) -> str | None:
    """Where an IRI of the dataset's namespaces is served (HTML page), or None."""
    if iri.startswith(ns.ID):
        return "/page/" + iri[len(ns.ID):]
    if iri.startswith(ns.STC):
        return "/ontology#" + iri[len(ns.STC):]
    if iri == ns.ONTOLOGY_IRI:
        return "/ontology"
    if iri.startswith(ns.GRAPH):
        return "/graph/" + iri[len(ns.GRAPH):]
    if iri == ns.DATASET_IRI:
        return "/"
    return None


def display_label(iri: str, labels: dict[str, str]) -> str:
    """What a page shows for an IRI: its label (kg.namespaces.label_rank), else its CURIE, else the IRI."""
    return labels.get(iri) or ns.shorten(iri)


def _number(value) -> str:
    """A decimal lexical form with thousands separators (52000.50 -> 52,000.50)."""
    from decimal import Decimal, InvalidOperation

    if value is None:
        return ""
    try:
        return f"{Decimal(str(value)):,}"
    except (InvalidOperation, ValueError):
        return str(value)


def _term_group(types: list[str]) -> str:
    """The section of the ontology page a term goes in, from its kind as every page counts it (kg.docs.model)."""
    from kg.docs.model import term_kind

    kind = term_kind(types)
    return TERM_GROUPS[KINDS.index(kind)] if kind in KINDS else TERM_GROUPS[-1]


def environment(settings, title: str):
    import jinja2

    from kg.docs import menu

    # the documentation site's templates under docs/ (its header.html): one header on every page
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                  jinja2.PrefixLoader({"docs": jinja2.FileSystemLoader(str(menu.TEMPLATES))})])
    env = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                             lstrip_blocks=True)
    env.globals.update(version=__version__, local_path=local_path, shorten=ns.shorten, display_label=display_label,
                       ns=ns, settings=settings, dataset_title=title, brand=menu.BRAND, menu_home=menu.home(True),
                       menu_search=True)
    env.filters["num"] = _number
    return env


def render(server, template: str, status: int = 200, headers: dict | None = None, **ctx):
    from starlette.responses import HTMLResponse

    labels = ctx.pop("labels", None) or {}
    if server.cached_index is not None:
        labels = {**server.cached_index["labels"], **labels}
    from kg.docs.menu import menu

    current = ctx.pop("current", None)
    html = server.env.get_template(template).render(labels=labels, menu_items=menu(True, current), **ctx)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_response(server, request, exc: HttpError):
    """An HTML error page for browsers (clients that name text/html), a one-line text/plain message otherwise."""
    from starlette.responses import Response

    accept = request.headers.get("accept") or ""
    wants_html = (not request.url.path.startswith("/sparql") and "html" in accept
                  and negotiate(accept, HTML_OFFERS + [(bare(PLAIN), "text")])[:1] == ["html"])
    if wants_html:
        return render(server, "error.html", status=exc.status, headers=exc.headers, status_code=exc.status,
                      message=exc.message, title=f"{exc.status} error")
    return Response(exc.message.rstrip("\n") + "\n", status_code=exc.status, media_type=PLAIN, headers=exc.headers)


# ------------------------------------------------------------------ pages

DOMAIN_KINDS = ("park", "place", "organisation", "agreement", "person", "post", "event", "project", "observation",
                "source", "discrepancy")


async def landing(server, request):
    from starlette.responses import RedirectResponse

    offers = HTML_OFFERS + (RDF_OFFERS[:1] if server.dataset.project is not None else [])
    if choose_format(request, offers, "the landing page") == "turtle":
        return RedirectResponse("/dumps/void.ttl", status_code=303, headers={"Vary": "Accept"})
    idx = await server.index()
    void = await asyncio.get_running_loop().run_in_executor(None, server.dataset.void)
    queries = []
    saved = server.dataset.saved_queries()
    for name, q in saved.entries() if saved is not None else []:
        if isinstance(q, Exception):  # listed with its error; the other queries still work
            queries.append({"name": name, "title": name, "description": "", "params": [], "error": str(q)})
            continue
        queries.append({"name": q.name, "title": q.title, "description": q.description,
                        "params": q.params, "example": q.example_params(), "error": None,
                        "run": "/query?" + urllib.parse.urlencode({"name": q.name, "run": "1"})})
    kinds: dict[str, int] = {}
    for i in idx["iris"]:
        if i.startswith(ns.ID):
            k = i[len(ns.ID):].split("/", 1)[0]
            kinds[k] = kinds.get(k, 0) + 1
    # the domain first (what the graph is about), then its vocabularies (sectors, measures, units, roles…)
    ordered = sorted(kinds.items(), key=lambda item: (DOMAIN_KINDS.index(item[0]) if item[0] in DOMAIN_KINDS
                                                      else len(DOMAIN_KINDS), item[0]))
    return render(server, "index.html", current="/", void=void, queries=queries, kinds=ordered,
                  ontology_counts=await _ontology_counts(server),
                  graphs=sorted(idx["graphs"].items()), default_triples=idx["default_triples"],
                  has_project=server.dataset.project is not None, title=void.get("title") or server.dataset.title)


SEARCH_LIMIT = 50  # entities a search page lists


async def search(server, request):
    """Entities by any of their names or Wikidata QIDs (``kg search``), each linked to its page."""
    text = request.query_params.get("q", "").strip()
    if len(text) > 200:
        raise HttpError(400, "a search is at most 200 characters")
    hits = await server.call(Engine.job_search, client=client_of(request), text=text, limit=SEARCH_LIMIT) \
        if text else []
    return render(server, "search.html", text=text, hits=hits, limit=SEARCH_LIMIT,
                  title=f"search: {text}" if text else "search")


async def entity(server, request, iri: str):
    data = await server.call(Engine.job_entity, client=client_of(request), iri=iri)
    if data is None:
        raise server.not_found(iri)
    idx = await server.index()
    labels = data.pop("labels")
    rest = iri[len(ns.ID):]
    alternates = [(f"/data/{rest}.{FORMAT_SUFFIX[f]}", bare(FORMATS[f].media_type)) for f in GRAPH_FORMATS]
    diagram = server.docs.diagram_url(iri) if server.docs.available else None
    return render(server, "entity.html", e=data, labels=labels, types=idx["types"].get(iri, []), rest=rest,
                  title=display_label(iri, labels), alternates=alternates, diagram=diagram)


async def _ontology_terms(server) -> dict:
    if server.ontology_cache is None:
        server.ontology_cache = await server.call(Engine.job_ontology)
    return server.ontology_cache


async def _ontology_counts(server) -> str:
    """The ontology's terms per kind in the words of the documentation's overview (one count everywhere)."""
    from kg.docs.model import term_counts, term_counts_text, term_kind

    if server.dataset.project is None:
        return ""
    types = (await _ontology_terms(server))["term_types"]
    return term_counts_text(term_counts(term_kind(t) for t in types.values()))


async def ontology(server, headers: dict):
    o = await _ontology_terms(server)
    groups: dict[str, list] = {}
    for term in o["terms"]:
        groups.setdefault(_term_group(o["term_types"].get(term["iri"], [])), []).append(term)
    head: dict = {}
    for p, v in o["head"]:
        head.setdefault(p, v["value"])
    return render(server, "ontology.html", headers=headers, groups=groups, head=head, labels=o["labels"],
                  order=TERM_GROUPS)


def graph(server, iri: str, name: str, count: int, headers: dict):
    q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT 200"
    return render(server, "graph.html", headers=headers, iri=iri, name=name, count=count,
                  query_link="/query?" + urllib.parse.urlencode({"query": q, "run": "1"}))


async def browse(server, request):
    kind = request.path_params["kind"]
    idx = await server.index()
    prefix = f"{ns.ID}{kind}/"
    iris = [i for i in idx["iris"] if i.startswith(prefix) and "/" not in i[len(prefix):]]
    if not iris:
        raise HttpError(404, f"no entities of kind {kind!r}")
    items = sorted(iris, key=lambda i: (idx["labels"].get(i) or i).lower())
    return render(server, "browse.html", kind=kind, items=items, title=f"{kind}: {len(items)} entities")


async def query_page(server, request):
    qp = request.query_params
    text, params, name, title, description = qp.get("query", ""), [], qp.get("name"), None, None
    cat = server.dataset.saved_queries()
    saved = []
    if cat is not None:
        saved = [(q.name, q.title) for q in cat.usable()]
        if name:
            q = cat.get(name)
            text, title, description = qp.get("query") or q.text, q.title, q.description
            ex = q.example_params()
            # one-click runs: required parameters get the header's example value, optional ones stay free
            params = [{"name": p.name, "type": p.type, "required": p.required, "description": p.description,
                       "value": qp.get("$" + p.name) or (ex.get(p.name, "") if p.required else "")}
                      for p in q.params]
    if not text:
        text = ("SELECT ?park ?label WHERE {\n  ?park a stc:ParkOrZone ; skos:prefLabel ?label .\n"
                "  FILTER(lang(?label) = \"en\")\n} ORDER BY ?label LIMIT 50\n") if cat is not None else \
            "SELECT * WHERE { ?s ?p ?o } LIMIT 20\n"
    config = {"endpoint": "/sparql", "prefixes": ns.PREFIXES, "local": {"id": ns.ID, "stc": ns.STC,
              "ontology": ns.ONTOLOGY_IRI, "graph": ns.GRAPH, "dataset": ns.DATASET_IRI},
              "autorun": qp.get("run") in ("1", "true", "yes"), "name": name if name and not qp.get("query") else None,
              "text": text}
    return render(server, "query.html", current="/query", text=text, params=params, name=name, saved=saved,
                  qtitle=title, description=description, config=script_json(config), title="Query")
