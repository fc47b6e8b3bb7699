"""Real clients against ``kg serve`` running under uvicorn on 127.0.0.1:

* SPARQLWrapper (the Python client data engineers use) runs every saved
  query and gets the same rows as ``kg query`` (kg.query.run);
* headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; it
  never downloads a browser) loads the landing page, an entity page and the
  query page, runs a query, and the rendered DOM is checked.  Screenshots go
  to a temporary folder, or to docs/img/ (for the README and docs/SERVE.md)
  when KG_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from helpers.knowledge import ROOT, example_params

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def project(real_project):
    return real_project


@pytest.fixture(scope="module")
def live(served):
    """The shared server of the real graph (serve_fixtures)."""
    return served.url


_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?[?$]\w+\s*(?:;\s*separator\s*=\s*(\"|')(.*?)\1)?\s*\)\s*AS\s+[?$](\w+)",
    re.IGNORECASE)


def comparable(results: dict, query: str) -> list[dict]:
    """The bindings, with GROUP_CONCAT cells as sorted sets: SPARQL leaves their order open,
    and two stores (the server's worker, the test's own) may concatenate in different orders."""
    seps = {m.group(3): m.group(2) if m.group(1) else " " for m in _GROUP_CONCAT.finditer(query)}
    out = []
    for b in results["results"]["bindings"]:
        row = dict(b)
        for var, sep in seps.items():
            if var in row:
                row[var] = {**row[var], "value": sorted(row[var]["value"].split(sep))}
        out.append(row)
    return out


def body(path: Path) -> str:
    """The query without its catalogue header.  SPARQLWrapper 2.0.0 strips only every other comment
    line before guessing the query form, so a header line such as "Nothing is dropped" makes it send
    the query as an update (DROP); the header is catalogue metadata, not part of the query."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].lstrip().startswith("#"):
        lines.pop(0)
    return "".join(lines)


def kg_query_json(project, name: str, params: dict) -> dict:
    from kg.query import resolve, run

    return json.loads(run(project, resolve(project, name, None), params).serialize("json"))


# ------------------------------------------------------------- SPARQLWrapper

@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_sparqlwrapper_gets_the_rows_of_kg_query(live, project, path):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    params = example_params(path)
    expected = kg_query_json(project, path.stem, params)
    sw = SPARQLWrapper(f"{live}/sparql")
    sw.setQuery(body(path))
    assert sw.queryType in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
    sw.setMethod(POST)
    for name, value in params.items():
        sw.addParameter("$" + name, value)  # parameters bound as RDF terms (see docs/SERVE.md)
    sw.setReturnFormat(JSON)
    got = sw.queryAndConvert()
    assert got["head"]["vars"] == expected["head"]["vars"]
    query = path.read_text(encoding="utf-8")
    assert comparable(got, query) == comparable(expected, query)
    assert len(got["results"]["bindings"]) > 0


def test_sparqlwrapper_formats_and_get(live, project):
    import rdflib
    from SPARQLWrapper import CSV, GET, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(f"{live}/sparql")
    sw.setMethod(GET)
    sw.setQuery("SELECT ?park WHERE { ?park a stc:ParkOrZone } ORDER BY ?park")
    sw.setReturnFormat(CSV)
    csv_rows = sw.query().convert().decode().strip().splitlines()
    assert csv_rows[0] == "park" and len(csv_rows) > 5
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert len(doc.getElementsByTagName("result")) == len(csv_rows) - 1
    sw.setQuery("DESCRIBE park:sinoswiss-technopark")
    sw.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=sw.query().convert(), format="turtle")
    assert (rdflib.URIRef("https://w3id.org/stcoop/id/park/sinoswiss-technopark"), None, None) in g


def test_sparqlwrapper_sees_read_only_refusal(live):
    from urllib.error import HTTPError

    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    sw = SPARQLWrapper(f"{live}/sparql", updateEndpoint=f"{live}/sparql")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")
    with pytest.raises((HTTPError, SPARQLWrapperException)) as info:
        sw.query()
    assert "403" in str(info.value) or "read-only" in str(info.value)


# ------------------------------------------------------------------ Chromium

# ``browser``, one Chromium for the module, is helpers/chromium.py's

@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live)
    pg = context.new_page()
    outside, refused = [], []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live) else None)
    # what the content-security policy blocked, as Chromium reports it on the console
    pg.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
    assert not outside, f"the page reached outside the server: {outside}"
    assert not refused, f"the content-security policy blocked part of the page: {refused}"


@pytest.fixture
def shots(tmp_path):
    if os.environ.get("KG_UPDATE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "img"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path


@pytest.mark.slow
def test_chromium_landing_page(page, shots, project):
    from kg.catalogue import Catalogue

    page.goto("/")
    title = page.text_content("h1#title")
    assert title and "cooperation parks" in title
    links = page.eval_on_selector_all("#queries a.button", "els => els.map(e => e.getAttribute('href'))")
    assert len(links) == len(Catalogue.of(project).saved())
    assert all(h.startswith("/query?name=") and h.endswith("&run=1") for h in links)
    dumps = page.eval_on_selector_all("#dumps a", "els => els.map(e => e.getAttribute('href'))")
    assert "/dumps/kg.ttl" in dumps and "/dumps/void.ttl" in dumps
    page.screenshot(path=str(shots / "serve-landing.png"))


@pytest.mark.slow
def test_chromium_entity_page(page, shots):
    page.goto("/id/park/sinoswiss-technopark")  # 303 to the HTML page
    assert page.url.endswith("/page/park/sinoswiss-technopark")
    assert page.text_content("h1#label") == "SinoSwiss Technopark"
    figures = page.locator("#figures tbody tr")
    assert figures.count() >= 5
    units = page.eval_on_selector_all("#figures tbody tr td:nth-child(3)", "els => els.map(e => e.textContent)")
    assert "square metre" in " ".join(units)
    assert page.locator("#sources li").count() >= 2
    page.screenshot(path=str(shots / "serve-entity.png"))
    page.click("#facts a[href='/page/place/switzerland']")
    page.wait_for_url("**/page/place/switzerland")
    assert page.text_content("h1#label") == "Switzerland"


@pytest.mark.slow
def test_chromium_query_page_runs_queries(page, shots, project):
    expected = kg_query_json(project, "park-facts", {"park": "park:sinoswiss-technopark"})
    page.goto("/query?name=park-facts&run=1")  # the one-click run from the landing page
    page.wait_for_selector("#results-table tbody tr", timeout=15000)
    assert page.locator("#results-table tbody tr").count() == len(expected["results"]["bindings"])
    heads = page.eval_on_selector_all("#results-table th", "els => els.map(e => e.textContent)")
    assert heads == ["?" + v for v in expected["head"]["vars"]]
    first = page.get_attribute("#results-table tbody tr td a", "href")
    assert first.startswith("/page/")
    assert "rows in" in page.text_content("#status")
    page.screenshot(path=str(shots / "serve-query.png"))

    # a query typed by hand, run with the button
    page.goto("/query")
    page.fill("#query", "SELECT ?country (COUNT(?park) AS ?parks) WHERE { ?park stc:partnerCountry ?country } "
                        "GROUP BY ?country ORDER BY ?country")
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr", timeout=15000)
    cells = page.eval_on_selector_all("#results-table tbody tr td:first-child a",
                                      "els => els.map(e => e.getAttribute('href'))")
    assert "/page/place/switzerland" in cells and "/page/place/singapore" in cells

    # only web IRIs become links: a javascript: IRI in a result stays text
    page.fill("#query", 'SELECT ?x WHERE { BIND(IRI("javascript:alert(1)") AS ?x) }')
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr", timeout=15000)
    assert page.locator("#results-table tbody a").count() == 0
    assert page.text_content("#results-table tbody td") == "javascript:alert(1)"

    # an error is shown, not swallowed
    page.fill("#query", "SELECT * WHERE { ?s ?p ")
    page.click("#run")
    page.wait_for_selector("#error", timeout=15000)
    assert "SPARQL syntax error" in page.text_content("#error")


@pytest.mark.slow
def test_chromium_query_page_script_runs_whatever_the_query_holds(page):
    """The attack: /query?query=%3C!--%3Cscript%3E left the page's script dead (the HTML parser read the
    embedded JSON as the start of a script in a comment).  Now the script runs: the editor is highlighted,
    the text is the query as given, and a run shows the engine's answer."""
    page.goto("/query?query=%3C!--%3Cscript%3E&run=1")
    assert page.input_value("#query") == "<!--<script>"
    page.wait_for_selector("#highlight span", timeout=15000)  # the highlighter ran
    page.wait_for_selector("#error", timeout=15000)  # and so did the run: a syntax error, shown
    assert "SPARQL syntax error" in page.text_content("#error")
