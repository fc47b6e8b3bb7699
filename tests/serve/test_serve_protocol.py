"""kg.serve.protocol: the SPARQL 1.1 Protocol (the W3C tests), content negotiation, refusals, the guard.

The W3C manifest (``tests/fixtures/w3c-sparql11-protocol/manifest.ttl``, 34
tests) is parsed with rdflib; every test's HTTP requests are replayed in
order, once through Starlette's TestClient and once over a real uvicorn
server on 127.0.0.1, and the answers are checked the way the manifest says
(status class, result format, boolean).  The endpoint serves the tests' own
data: data1.nt … data3.nt as the named graphs the manifest names.

Categories: query (13) must pass as written; bad-request (14) must be
answered 4xx; update (7): the endpoint is read-only, so the update request
must be answered 4xx with a message that says so (instead of the manifest's
2xx), and the follow-up ASK must show the dataset unchanged (false).  The
Service Description tests (three names, no requests in their manifest)
follow, then the protocol details on the real graph (the shared server).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from helpers.serve_fixtures import JSON_RESULTS, PARK, SD_NS, SKOS, W3C, rows, serving, sparql, w3c_manifest

TESTS = w3c_manifest()
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
             "application/rdf+xml": "xml"}


@pytest.fixture(scope="module")
def testclient(w3c_data):
    from starlette.testclient import TestClient

    from kg.serve import create_app

    app = create_app(files=[w3c_data], timeout=5, workers=2, title="W3C SPARQL 1.1 Protocol test data",
                     base_url="http://www.example")
    with TestClient(app, base_url="http://www.example") as client:
        yield client


@pytest.fixture(scope="module")
def live(w3c_data):
    """A second app over the same data, under a real uvicorn server."""
    import httpx

    with serving(files=[w3c_data], timeout=5, workers=2) as s, httpx.Client(base_url=s.url, timeout=30) as client:
        yield client


def _status_class(code: int) -> str:
    return f"{code // 100}xx"


def _check_format(resp, fmt: str | None, boolean: bool | None) -> None:
    ctype = resp.headers.get("content-type", "").split(";")[0].strip()
    if fmt == "boolean":
        assert ctype in ("application/sparql-results+json", "application/sparql-results+xml"), ctype
        if ctype.endswith("json"):
            value = json.loads(resp.content)["boolean"]
        else:
            el = ET.fromstring(resp.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
            value = el.text.strip() == "true"
        if boolean is not None:
            assert value is boolean
    elif fmt == "tabular":
        assert ctype in RESULT_TYPES, ctype
        if ctype.endswith("json"):
            assert "results" in json.loads(resp.content)
    elif fmt == "RDF":
        import rdflib

        assert ctype in RDF_TYPES, ctype
        rdflib.Graph().parse(data=resp.content, format=RDF_TYPES[ctype])


def replay(client, test) -> list[int]:
    """Run one manifest test; assert what the manifest (or, for updates, read-only) demands."""
    statuses = []
    for i, req in enumerate(test.requests):
        resp = client.request(req.method, req.path, headers=req.headers, content=req.body)
        statuses.append(resp.status_code)
        got = _status_class(resp.status_code)
        if test.category == "update" and i == 0:
            assert got == "4xx", f"{test.name}: an update must be refused, got {resp.status_code}"
            assert "read-only" in resp.text, resp.text
            continue
        assert got in req.expected_status, (
            f"{test.name} request {i + 1}: {resp.status_code} not in {sorted(req.expected_status)}: {resp.text[:300]}")
        if got == "4xx":
            assert resp.headers["content-type"].startswith("text/plain") and len(resp.text.strip()) > 10, \
                "a 4xx answer says what was wrong"
            continue
        # the follow-up query of an update test: answered, and the dataset is unchanged
        _check_format(resp, req.expected_format, False if test.category == "update" else req.expected_boolean)
    return statuses


def test_the_manifest_has_34_tests_in_three_categories():
    counts = Counter(t.category for t in TESTS)
    assert len(TESTS) == 34
    assert counts == {"query": 13, "bad-request": 14, "update": 7}


@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.name)
def test_w3c_protocol_testclient(testclient, test):
    replay(testclient, test)


@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.name)
def test_w3c_protocol_uvicorn(live, test):
    replay(live, test)


# ------------------------------------------------------ service description

def _service_description(client, accept="text/turtle"):
    import rdflib

    resp = client.get("/sparql", headers={"Accept": accept})
    assert resp.status_code == 200
    fmt = RDF_TYPES[resp.headers["content-type"].split(";")[0]]
    return resp, rdflib.Graph().parse(data=resp.content, format=fmt)


@pytest.mark.parametrize("accept", ["text/turtle", "application/rdf+xml", "application/ld+json",
                                    "application/n-triples", "*/*"])
def test_sd_returns_rdf(live, accept):
    resp, g = _service_description(live, accept)
    assert len(g) > 10
    assert resp.headers["vary"].startswith("Accept")


def test_sd_has_endpoint_triple(live):
    import rdflib

    _, g = _service_description(live)
    endpoint = rdflib.URIRef(str(live.base_url).rstrip("/") + "/sparql")
    assert (None, rdflib.URIRef(SD_NS + "endpoint"), endpoint) in g


def test_sd_conforms_to_schema(live):
    """The service description's terms are the ones the SD vocabulary defines, used as it says."""
    import rdflib

    _, g = _service_description(live)
    SD = rdflib.Namespace(SD_NS)
    service = g.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert service is not None
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    used = {p for p in g.predicates() if str(p).startswith(SD_NS)} | {
        o for o in g.objects(None, rdflib.RDF.type) if str(o).startswith(SD_NS)}
    known = {SD[t] for t in ("Service", "endpoint", "supportedLanguage", "resultFormat", "feature",
                             "defaultEntailmentRegime", "defaultDataset", "Dataset", "defaultGraph", "Graph",
                             "namedGraph", "NamedGraph", "name", "graph")}
    assert used <= known, used - known
    dataset = g.value(service, SD.defaultDataset)
    names = {str(g.value(ng, SD.name)) for ng in g.objects(dataset, SD.namedGraph)}
    assert names == {f"http://kasei.us/2009/09/sparql/data/data{i}.rdf" for i in (1, 2, 3)}
    formats = {str(f) for f in g.objects(service, SD.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats
    assert "http://www.w3.org/ns/formats/Turtle" in formats


def test_sd_for_a_browser_is_the_query_page(testclient):
    resp = testclient.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                          follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/query"


def test_manifest_is_vendored_in_the_repository():
    assert (W3C / "manifest.ttl").is_file() and (W3C / "data1.nt").is_file()


# ---------------------------------------------------- negotiation (real graph)

@pytest.mark.parametrize("accept,ctype", [
    (JSON_RESULTS, JSON_RESULTS), ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", JSON_RESULTS), ("*/*", JSON_RESULTS),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_select_results_in_every_w3c_format(web, accept, ctype):
    resp = sparql(web, f"SELECT ?label WHERE {{ <{PARK}> skos:prefLabel ?label }}", accept)
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].split(";")[0] == ctype
    assert "Accept" in resp.headers["vary"]
    assert "SinoSwiss Technopark" in resp.text
    if ctype.endswith("xml"):
        ET.fromstring(resp.content)


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                        ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_construct_and_describe_in_every_rdf_format(web, accept, fmt):
    import rdflib

    for q in (f"CONSTRUCT {{ <{PARK}> ?p ?o }} WHERE {{ <{PARK}> ?p ?o }}", f"DESCRIBE <{PARK}>"):
        resp = sparql(web, q, accept, method="POST")
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"].split(";")[0] == accept
        g = rdflib.Graph().parse(data=resp.content, format=fmt)
        assert (rdflib.URIRef(PARK), rdflib.URIRef(SKOS + "prefLabel"),
                rdflib.Literal("SinoSwiss Technopark", lang="en")) in g


def test_negotiation_honours_quality_and_specificity():
    from kg.serve.protocol import GRAPH_OFFERS, SELECT_OFFERS, negotiate

    assert negotiate("text/*;q=0.9, text/csv;q=0.1", SELECT_OFFERS)[0] == "tsv"  # the specific range wins for csv
    assert negotiate("application/json", GRAPH_OFFERS) == ["jsonld"]
    assert negotiate("text/plain", GRAPH_OFFERS) == ["nt"]
    assert negotiate(None, SELECT_OFFERS) == ["json", "xml", "csv", "tsv"]
    assert negotiate("image/png", SELECT_OFFERS) == []


def test_the_media_types_come_from_kg_formats():
    """The server's offers are kg.formats' table (media types and aliases), not a table of its own."""
    from kg.formats import FORMATS
    from kg.serve.protocol import GRAPH_OFFERS, LD_OFFERS, SELECT_OFFERS

    for media, name in SELECT_OFFERS + GRAPH_OFFERS + LD_OFFERS:
        f = FORMATS[name]
        assert media == f.media_type.split(";")[0] or media in f.aliases, (media, name)


def test_format_parameter_and_not_acceptable(web):
    resp = sparql(web, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", format="tsv")
    assert resp.headers["content-type"].startswith("text/tab-separated-values")
    resp = sparql(web, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", accept="text/html")
    assert resp.status_code == 406 and "text/csv" in resp.text
    resp = sparql(web, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", accept="text/csv")
    assert resp.status_code == 406 and "text/turtle" in resp.text
    resp = sparql(web, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", format="json")
    assert resp.headers["content-type"].startswith("application/ld+json")


def test_answers_equal_kg_query(web, real_project):
    from kg.query import resolve, run

    spec = resolve(real_project, "park-facts", None)
    expected = run(real_project, spec, {"park": "park:sinoswiss-technopark"}).serialize("json")
    resp = web.post("/sparql", data={"query": spec.text, "$park": "park:sinoswiss-technopark"},
                    headers={"Accept": JSON_RESULTS})
    assert resp.status_code == 200, resp.text
    assert json.loads(resp.content) == json.loads(expected)


def test_a_saved_querys_text_binds_its_parameters_as_kg_query_does(web, real_project):
    """The query page sends a saved query's text: its parameters then take their declared types, and an IRI
    parameter takes an entity's name, as `kg query NAME -p` (and not a string that matches nothing)."""
    from kg.query import resolve, run

    spec = resolve(real_project, "park-locations", None)
    expected = json.loads(run(real_project, spec, {"park": "park:sinoswiss-technopark"}).serialize("json"))
    for value in ("park:sinoswiss-technopark", "SinoSwiss Technopark", "SSTP"):
        resp = web.post("/sparql", data={"query": spec.text, "$park": value}, headers={"Accept": JSON_RESULTS})
        assert resp.status_code == 200 and json.loads(resp.content) == expected, (value, resp.text)
    unknown = web.post("/sparql", data={"query": spec.text, "$park": "Nowhere Park"}, headers={"Accept": JSON_RESULTS})
    assert unknown.status_code == 400 and "parameter park: nothing in the graph" in unknown.text


def test_parameters_are_bound_as_rdf_terms(web):
    q = "SELECT ?park ?label WHERE { ?park skos:prefLabel ?label }"
    assert rows(web.get("/sparql", params={"query": q, "$park": "park:sinoswiss-technopark"},
                        headers={"Accept": JSON_RESULTS})) == [{"park": PARK, "label": "SinoSwiss Technopark"}]
    bad = web.get("/sparql", params={"query": q, "$nope": "1"})
    assert bad.status_code == 400 and "no variable ?nope" in bad.text


@pytest.mark.parametrize("value", ["park:no-such-park", "<https://example.org/elsewhere>", "https://example.org/x"])
def test_a_parameter_iri_the_graph_lacks_gives_empty_results(web, value):
    """Machine clients get what the same IRI written into the query gives: no rows, not an error."""
    q = "SELECT ?park ?label WHERE { ?park skos:prefLabel ?label }"
    assert rows(web.get("/sparql", params={"query": q, "$park": value}, headers={"Accept": JSON_RESULTS})) == []


@pytest.mark.parametrize("value", ["<not an iri>", "<https://example.org/a b>"])
def test_a_malformed_parameter_value_is_400(web, value):
    q = "SELECT ?park WHERE { ?park skos:prefLabel ?label }"
    resp = web.get("/sparql", params={"query": q, "$park": value}, headers={"Accept": JSON_RESULTS})
    assert resp.status_code == 400 and "not a valid IRI" in resp.text, resp.text


# ------------------------------------------------------------ refusals

@pytest.mark.parametrize("how", ["form", "direct", "query-keyword", "get"])
def test_updates_are_refused_as_read_only(web, how):
    update = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"
    if how == "form":
        resp = web.post("/sparql", data={"update": update})
    elif how == "direct":
        resp = web.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    elif how == "query-keyword":
        resp = web.post("/sparql", data={"query": "PREFIX ex: <urn:x:>\n" + update})
    else:
        resp = web.get("/sparql", params={"update": update})
    assert resp.status_code == 403
    assert "read-only" in resp.text
    assert not json.loads(sparql(web, "ASK { <urn:x:s> ?p ?o }").content)["boolean"]


@pytest.mark.parametrize("query,status,words", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 400, "SERVICE is refused"),
    ("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", 400, "never loads graphs"),
    ("SELECT * WHERE { ?s ?p ", 400, "query:1:24: SPARQL syntax error"),
    ("", 400, "empty"),
])
def test_refused_and_malformed_queries_say_why(web, query, status, words):
    resp = sparql(web, query)
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("text/plain")
    assert words in resp.text, resp.text


@pytest.mark.parametrize("kwargs,status,words", [
    ({"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415, "unsupported Content-Type"),
    ({"content": b"query=ASK%20%7B%7D"}, 415, "needs a Content-Type"),
    ({"data": {"nothing": "x"}}, 400, "missing query"),
    ({"content": b"query=ASK%7B%7D&update=CLEAR%20ALL",
      "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "exactly one operation"),
    ({"content": b"query=%FF", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "UTF-8"),
    ({"content": "ASK {}".encode("utf-16"),
      "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415, "UTF-8"),
])
def test_malformed_requests_say_what_was_wrong(web, kwargs, status, words):
    resp = web.post("/sparql", **kwargs)
    assert resp.status_code == status, resp.text
    assert words in resp.text, resp.text


def test_from_a_graph_of_the_dataset_selects_it(web):
    src = "https://w3id.org/stcoop/id/source/000-sinoswiss-technopark-opening"
    with_from = rows(sparql(web, f"SELECT (COUNT(*) AS ?n) FROM <{src}> WHERE {{ ?s ?p ?o }}"))
    with_graph = rows(sparql(web, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{src}> {{ ?s ?p ?o }} }}"))
    assert with_from == with_graph and int(with_from[0]["n"]) > 50
    protocol = web.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                          "default-graph-uri": src}, headers={"Accept": JSON_RESULTS})
    assert rows(protocol) == with_graph


def test_request_size_is_capped(w3c_data):
    import httpx

    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
    with serving(files=[w3c_data], max_body=4096, workers=1) as s, httpx.Client(base_url=s.url, timeout=30) as c:
        resp = c.post("/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"})
        assert resp.status_code == 413 and "4096 bytes" in resp.text
        resp = c.get("/sparql", params={"query": big})
        assert resp.status_code == 414 and "POST" in resp.text


# ---------------------------------------------------------------- the guard

DEEP = {
    "braces": lambda n: "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n,
    "optional": lambda n: "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * n + "}" * n + " }",
    "filter": lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * n + "?o" + ")" * n + ") }",
    "subselect": lambda n: "SELECT * WHERE { " + "{ SELECT * WHERE " * n + "{ ?s ?p ?o }" + " }" * n + " }",
}


@pytest.mark.parametrize("shape", DEEP)
def test_a_deeply_nested_query_is_refused_before_any_worker_sees_it(web, served, shape):
    """The attack: a 10 KB query 5,000 levels deep overflowed the parser's native stack and killed its worker.
    Now it is a 400 that names the limit, and no worker ran anything."""
    query = DEEP[shape](5000)
    assert len(query) >= 10_000
    before, pids = served.pool.stats["queries"], served.pool.pids()
    resp = web.post("/sparql", data={"query": query})
    assert resp.status_code == 400, resp.text
    assert "levels deep" in resp.text and "at most 64 (--max-depth)" in resp.text
    assert served.pool.stats["queries"] == before and served.pool.pids() == pids


def test_a_long_operator_chain_is_refused_and_strings_do_not_count(web, served):
    chain = "ASK { FILTER(" + " || ".join(["true"] * 9000) + ") }"
    resp = web.post("/sparql", data={"query": chain})
    assert resp.status_code == 400 and "8999 operators" in resp.text and "--max-operators" in resp.text
    # brackets and operators inside strings, IRIs and comments are no nesting
    quoted = 'ASK { BIND("' + "{(" * 5000 + '" AS ?x) } # ' + "((((" * 100 + "\n"
    assert json.loads(sparql(web, quoted).content)["boolean"] is True


def test_the_guard_counts_on_the_query_text_only():
    from kg.serve.limits import HttpError, Settings
    from kg.serve.protocol import guard

    settings = Settings(max_depth=3, max_operators=2)
    guard("SELECT * WHERE { { ?s ?p ?o FILTER(?o) } }", settings)  # depth 3
    with pytest.raises(HttpError, match="nests 4 levels"):
        guard("SELECT * WHERE { { { ?s ?p ?o FILTER(?o) } } }", settings)
    guard("SELECT * WHERE { ?s <urn:a+b*c> '!!!&&' }", settings)  # inside an IRI or a string
    with pytest.raises(HttpError, match="3 operators"):
        guard("ASK { FILTER(1 + 2 * 3 = 7) }", Settings(max_operators=2))
