"""The W3C SPARQL 1.1 Protocol tests, replayed against ``kg serve``.

The manifest (``tests/fixtures/w3c-sparql11-protocol/manifest.ttl``, 34
tests) is parsed with rdflib; every test's HTTP requests are replayed in
order, once through Starlette's TestClient and once over a real uvicorn
server on 127.0.0.1, and the answers are checked the way the manifest says
(status class, result format, boolean).  The endpoint serves the tests' own
data: data1.nt … data3.nt as the named graphs the manifest names.

Categories (the closing note of the issue gives the counts):

* query (13): must pass as written;
* bad-request (14): must be answered 4xx;
* update (7): the endpoint is read-only, so the update request must be
  answered 4xx with a message that says so (instead of the manifest's 2xx),
  and the follow-up ASK must show the dataset unchanged (false).

The Service Description tests (three names, no requests in their manifest)
are at the end.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from test_serve_support import SD_NS, W3C, LiveServer, w3c_dataset, w3c_manifest

TESTS = w3c_manifest()
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
             "application/rdf+xml": "xml"}


@pytest.fixture(scope="module")
def w3c_app(tmp_path_factory):
    from kg.serve import create_app

    data = w3c_dataset(tmp_path_factory.mktemp("w3c"))
    return create_app(files=[data], timeout=5, workers=2, title="W3C SPARQL 1.1 Protocol test data")


@pytest.fixture(scope="module")
def testclient(w3c_app):
    from starlette.testclient import TestClient

    with TestClient(w3c_app, base_url="http://www.example") as client:
        yield client


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """A second app over the same data, under a real uvicorn server."""
    import httpx

    from kg.serve import create_app

    data = w3c_dataset(tmp_path_factory.mktemp("w3c-live"))
    with LiveServer(create_app(files=[data], timeout=5, workers=2)) as url:
        with httpx.Client(base_url=url, timeout=30) as client:
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
            import xml.etree.ElementTree as ET

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
        if test.category == "update":
            # the follow-up query of an update test: answered, and the dataset is unchanged
            _check_format(resp, req.expected_format, False)
        else:
            _check_format(resp, req.expected_format, req.expected_boolean)
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
