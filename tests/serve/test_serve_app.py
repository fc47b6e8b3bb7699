"""kg.serve.app and kg.serve.routes: routes and wiring — linked-data resolution, HEAD on every route, headers
on every answer, errors, CORS, the command line, and the package's shape (small modules, one media-type table)."""

from __future__ import annotations

import ast
import os
import re

import pytest
from helpers.serve_fixtures import JSON_RESULTS, ROOT, free_port

# one example address per route of the application (a test below checks every route has one)
EXAMPLES = {
    "/": ["/"],
    "/sparql": ["/sparql", "/sparql?query=ASK%20%7B%7D"],
    "/sparql/": ["/sparql/"],
    "/query": ["/query", "/query?name=park-facts&run=1"],
    "/queries/{name}.rq": ["/queries/park-facts.rq"],
    "/id/{kind}/{slug}": ["/id/park/sinoswiss-technopark", "/id/park/no-such-park"],
    "/page/{kind}/{slug}": ["/page/park/sinoswiss-technopark"],
    "/data/{kind}/{slug}": ["/data/park/sinoswiss-technopark.ttl", "/data/park/sinoswiss-technopark"],
    "/browse/{kind}": ["/browse/park"],
    "/search": ["/search?q=SSTP"],
    "/ontology": ["/ontology"],
    "/ontology.{ext}": ["/ontology.nt"],
    "/graph/{name}": ["/graph/inferred", "/graph/inferred.nt"],
    "/docs": ["/docs"],
    "/docs/{path:path}": ["/docs/", "/docs/ontology.html", "/docs/diagrams/core.svg", "/docs/nope.html"],
    "/dataset": ["/dataset"],
    "/.well-known/void": ["/.well-known/void"],
    "/dumps/{name}": ["/dumps/kg.ttl", "/dumps/nope"],
    "/status": ["/status"],
    "/favicon.ico": ["/favicon.ico"],
    "/static": ["/static/style.css", "/static/query.js"],
}


def test_every_route_has_an_example(served):
    assert {r.path for r in served.app.routes} == set(EXAMPLES)


@pytest.mark.parametrize("path", [p for ps in EXAMPLES.values() for p in ps])
@pytest.mark.parametrize("accept", ["text/html", "*/*"])
def test_head_mirrors_get_on_every_route(web, path, accept):
    """The attack: HEAD /sparql without a query gave 400 where GET gave 200.  On every route HEAD now
    gives GET's status and headers (its length too), without a body."""
    get = web.get(path, headers={"Accept": accept}, follow_redirects=False)
    head = web.head(path, headers={"Accept": accept}, follow_redirects=False)
    assert head.status_code == get.status_code, (path, head.status_code, get.status_code, get.text[:200])
    assert head.content == b""
    for name in ("content-type", "location", "vary", "kg-results-truncated", "content-security-policy",
                 "x-content-type-options"):
        assert head.headers.get(name) == get.headers.get(name), (path, name)
    if path != "/status":  # its counters change between two requests
        assert head.headers.get("content-length") == get.headers.get("content-length"), path


@pytest.mark.parametrize("path,params", [("/sparql", {"format": "<script>alert(1)</script>"}),
                                         ("/sparql", {"query": "ASK {", "format": "json"}),
                                         ("/nothing/<script>", {}), ("/status", {})])
def test_every_answer_says_nosniff(web, path, params):
    """The attack: format=<script> was echoed in a text/plain error with no nosniff, which an old browser
    may render as HTML.  Every answer, errors first of all, carries nosniff and the strict policy."""
    resp = web.get(path, params={"query": "ASK {}", **params} if path == "/sparql" else params)
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in resp.headers["content-security-policy"]
    if resp.status_code >= 400:
        assert resp.headers["content-type"].startswith("text/plain")


# ------------------------------------------------------------- linked data

@pytest.mark.parametrize("accept,location", [
    ("text/html", "/page/park/sinoswiss-technopark"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/park/sinoswiss-technopark"),
    ("text/turtle", "/data/park/sinoswiss-technopark.ttl"),
    ("application/ld+json", "/data/park/sinoswiss-technopark.jsonld"),
    ("application/n-triples", "/data/park/sinoswiss-technopark.nt"),
    ("application/rdf+xml;q=0.5, text/turtle;q=0.9", "/data/park/sinoswiss-technopark.ttl"),
])
def test_entity_iri_303_by_accept(web, accept, location):
    resp = web.get("/id/park/sinoswiss-technopark", headers={"Accept": accept}, follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == location
    assert "Accept" in resp.headers["vary"]


@pytest.mark.parametrize("path,fmt", [("/id/park/sinoswiss-technopark.ttl", "turtle"),
                                      ("/data/park/sinoswiss-technopark.ttl", "turtle"),
                                      ("/data/park/sinoswiss-technopark.jsonld", "json-ld"),
                                      ("/data/park/sinoswiss-technopark.nt", "nt")])
def test_entity_data_by_suffix(web, path, fmt):
    import rdflib
    from helpers.serve_fixtures import PARK, SKOS

    resp = web.get(path)
    assert resp.status_code == 200
    g = rdflib.Graph().parse(data=resp.content, format=fmt)
    park = rdflib.URIRef(PARK)
    assert (park, rdflib.URIRef(SKOS + "prefLabel"), rdflib.Literal("SinoSwiss Technopark", lang="en")) in g
    assert (None, None, park) in g  # incoming links too


def test_entity_data_content_negotiated(web):
    resp = web.get("/data/park/sinoswiss-technopark", headers={"Accept": "application/ld+json"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/ld+json")
    assert resp.headers["content-location"] == "/data/park/sinoswiss-technopark.jsonld"
    assert "Accept" in resp.headers["vary"]


def test_every_entity_iri_resolves(web, real_project):
    from kg import namespaces as ns
    from kg.answering import open_store

    store = open_store(real_project)
    iris = sorted({t.value for row in store.query(
        f'SELECT DISTINCT ?x WHERE {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }} FILTER(STRSTARTS(STR(?x), "{ns.ID}")) }}'
    ).rows for t in row})
    assert len(iris) > 300
    for iri in iris:
        rest = iri[len(ns.ID):]
        html = web.get(f"/id/{rest}", headers={"Accept": "text/html"}, follow_redirects=False)
        assert html.status_code == 303 and html.headers["location"] == f"/page/{rest}", iri
        rdf = web.get(f"/id/{rest}", headers={"Accept": "text/turtle"}, follow_redirects=False)
        assert rdf.headers["location"] == f"/data/{rest}.ttl", iri
    for iri in iris[::10]:  # the documents themselves, for a sample of every tenth
        rest = iri[len(ns.ID):]
        assert web.get(f"/page/{rest}").status_code == 200, iri
        nt = web.get(f"/data/{rest}.nt")
        assert nt.status_code == 200 and f"<{iri}>" in nt.text, iri


@pytest.mark.parametrize("accept,ctype", [("text/html", "text/html"), ("text/turtle", "text/plain"),
                                          (None, "text/plain")])
def test_unknown_iri_is_404_with_a_message(web, accept, ctype):
    headers = {"Accept": accept} if accept else {}
    for path in ("/id/park/no-such-park", "/page/park/no-such-park", "/data/park/no-such-park.ttl"):
        resp = web.get(path, headers=headers)
        assert resp.status_code == 404
        assert resp.headers["content-type"].startswith(ctype)
        assert "https://w3id.org/stcoop/id/park/no-such-park is not an entity of this dataset" in resp.text


@pytest.mark.parametrize("path", ["/graph/inferred", "/ontology", "/id/park/sinoswiss-technopark",
                                  "/data/park/sinoswiss-technopark", "/", "/sparql"])
def test_an_unacceptable_accept_is_406_listing_the_offers(web, path):
    resp = web.get(path, headers={"Accept": "application/sparql-results+json"}, follow_redirects=False)
    assert resp.status_code == 406, (path, resp.status_code)
    assert resp.headers["content-type"].startswith("text/plain") and "Accept" in resp.headers["vary"]
    assert "text/turtle" in resp.text and "application/sparql-results+json) allows none" in resp.text
    if path != "/data/park/sinoswiss-technopark":
        assert "text/html" in resp.text


def test_cors_for_browser_tools(web):
    resp = web.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert resp.headers["access-control-allow-origin"] == "*"
    pre = web.options("/sparql", headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "GET",
                                          "Access-Control-Request-Headers": "accept"})
    assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]


def test_library_errors_become_http_errors():
    from kg.errors import DataError, ExportError, NotFoundError, ParamError, QueryError, UnknownQueryError
    from kg.serve.routes import http_error

    for exc, status in ((QueryError("q:1:1: bad"), 400), (ParamError("p"), 400), (UnknownQueryError("u"), 404),
                        (NotFoundError("n"), 404), (DataError("queries/x.rq:2: bad"), 500),
                        (ExportError("cannot write /x: No space left on device"), 500)):
        err = http_error(exc)
        assert err.status == status and str(exc) in err.message


# --------------------------------------------------------------------- CLI

def test_cli_serve_parses_options_and_calls_the_library(monkeypatch, real_project):
    from click.testing import CliRunner

    import kg.serve.app
    from kg.cli import main
    from kg.serve.limits import Settings

    calls = []
    monkeypatch.setattr(kg.serve.app, "serve", lambda *a, **kw: calls.append((a, kw)))
    result = CliRunner().invoke(main, ["serve", "--home", str(real_project.home), "--build-dir",
                                       str(real_project.build_dir), "--port", "8123", "--timeout", "2.5",
                                       "--max-rows", "50", "--workers", "2", "--base-url", "https://kg.example",
                                       "--max-bytes", "100000", "--header-timeout", "3", "--client-limit", "2"])
    assert result.exit_code == 0, result.output
    (args, kwargs), = calls
    assert args[0].home == real_project.home and args[1:] == ("127.0.0.1", 8123)
    assert {k: kwargs[k] for k in ("timeout", "max_rows", "workers", "base_url", "max_bytes", "header_timeout",
                                   "client_limit")} == {"timeout": 2.5, "max_rows": 50, "workers": 2,
                                                        "base_url": "https://kg.example", "max_bytes": 100000,
                                                        "header_timeout": 3.0, "client_limit": 2}
    # every limit is an option of kg serve, and every option a limit (with the same default)
    defaults = Settings()
    assert set(kwargs) == set(Settings.__dataclass_fields__)
    untouched = set(kwargs) - {"timeout", "max_rows", "workers", "base_url", "max_bytes", "header_timeout",
                               "client_limit"}
    assert {k: kwargs[k] for k in untouched} == {k: getattr(defaults, k) for k in untouched}


def test_kg_serve_command_end_to_end(real_project):
    """``python -m kg serve`` on a free loopback port answers, and its workers end with it."""
    import signal
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--home", str(real_project.home), "--build-dir",
                             str(real_project.build_dir), "--port", str(port), "--workers", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status = httpx.get(url + "/status", timeout=5).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.1)
        workers = status["workers"]
        assert len(workers) == 2 and status["limits"]["base_url"] == url
        r = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": JSON_RESULTS})
        assert r.json()["boolean"] is True
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert f"on http://127.0.0.1:{port}/ as {url} (SPARQL at /sparql" in proc.stderr.read()
    time.sleep(0.2)
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


# ----------------------------------------------------------------- shape

PACKAGE = ROOT / "src" / "kg" / "serve"
MEDIA_TYPE = re.compile(r"(?<![\w/])(?:application|text|image|audio|video|multipart)/[\w.+-]+")


def test_no_module_of_the_server_is_over_500_lines_and_each_says_what_it_owns():
    modules = sorted(PACKAGE.glob("*.py"))
    assert {m.stem for m in modules} >= {"protocol", "execution", "pages", "dataset", "app"}
    for m in modules:
        text = m.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 500, f"{m.name}: {len(text.splitlines())} lines"
        doc = ast.get_docstring(ast.parse(text))
        assert doc and len(doc) > 80, f"{m.name} has no opening docstring saying what it owns"


def test_the_server_has_no_media_type_table_of_its_own():
    """Every media type the server names comes from kg.formats: no string in kg/serve spells one out
    (docstrings aside)."""
    found = []
    for m in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(m.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found += [(m.name, hit) for hit in MEDIA_TYPE.findall(node.value)]
    assert not found, found
