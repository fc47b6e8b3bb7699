"""kg.serve.pages: the HTML pages, their content, and their escaping (on the shared server of the real graph).

Headless Chromium renders them in test_serve_clients.py; here the HTML
itself is checked.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers.serve_fixtures import PARK


def test_entity_page_shows_label_facts_figures_and_sources(web):
    resp = web.get("/page/park/sinoswiss-technopark")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    assert '<h1 id="label">SinoSwiss Technopark</h1>' in html
    # related entities link to this server
    assert 'href="/page/place/switzerland"' in html
    assert 'href="/page/organisation/chongqing-municipal-government"' in html
    assert 'href="https://w3id.org/' not in html
    # figures: measure, value, unit, as-of date and source
    figures = html.split('<section id="figures">')[1].split("</section>")[0]
    assert "square metre" in figures and "2018" in figures
    assert 'href="/page/source/000-sinoswiss-technopark-opening"' in figures
    # sources: the article's title and file name
    sources = html.split('<section id="sources">')[1].split("</section>")[0]
    assert "SinoSwiss Technopark Opens" in sources and "000_" in sources
    assert '<link rel="alternate" type="text/turtle" href="/data/park/sinoswiss-technopark.ttl">' in html


def test_ontology_terms_resolve(web):
    import rdflib

    html = web.get("/ontology", headers={"Accept": "text/html"})
    assert html.status_code == 200 and 'id="InternationalCooperationPark"' in html.text
    ttl = web.get("/ontology", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-location"] == "/ontology.ttl"
    g = rdflib.Graph().parse(data=ttl.content, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/stcoop/ontology#InternationalCooperationPark"), None, None) in g
    assert web.get("/ontology.nt").headers["content-type"].startswith("application/n-triples")


def test_graphs_browse_and_dataset_iris_resolve(web):
    assert "triples" in web.get("/graph/inferred", headers={"Accept": "text/html"}).text
    nt = web.get("/graph/inferred.nt")
    assert nt.status_code == 200 and nt.text.count("\n") > 100
    assert web.get("/dataset", follow_redirects=False).headers["location"] == "/"
    assert web.get("/graph/nope").status_code == 404
    parks = web.get("/browse/park")
    assert parks.status_code == 200 and 'href="/page/park/sinoswiss-technopark"' in parks.text


def test_labels_follow_one_documented_order():
    """prefLabel@en, then rdfs:label@en, then any other prefLabel / label, then dct:title, then the CURIE."""
    from kg import namespaces as ns
    from kg.serve.pages import display_label

    pref, label, title = ns.PREFIXES["skos"] + "prefLabel", ns.PREFIXES["rdfs"] + "label", ns.PREFIXES["dct"] + "title"
    candidates = [(title, "en", "T"), (label, "zh", "L-zh"), (pref, "de", "P-de"), (label, "", "L"),
                  (pref, "", "P"), (label, "en", "L-en"), (pref, "en", "P-en")]
    order = [c[2] for c in sorted(candidates, key=lambda c: ns.label_rank(*c))]
    assert order == ["P-en", "L-en", "P", "P-de", "L", "L-zh", "T"]
    assert display_label(PARK, {PARK: "SinoSwiss"}) == "SinoSwiss"
    assert display_label(PARK, {}) == "park:sinoswiss-technopark"
    assert display_label("urn:x:y", {}) == "urn:x:y"


def test_pages_and_service_description_take_iris_from_namespaces(web):
    """No namespace IRI is spelled out in the server or its templates: kg.namespaces has them."""
    from pathlib import Path

    import kg.serve
    from kg.serve.pages import TEMPLATES

    for path in [*sorted(Path(kg.serve.__file__).parent.glob("*.py")), *sorted(TEMPLATES.glob("*.html"))]:
        assert "w3id.org" not in path.read_text(encoding="utf-8"), path.name
    ttl = web.get("/sparql", headers={"Accept": "text/turtle"}).text
    assert "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> ." in ttl
    assert "@prefix void: <http://rdfs.org/ns/void#> ." in ttl
    page = web.get("/page/park/sinoswiss-technopark").text
    assert '<a class="tag" href="/ontology"' in page or 'class="tag inferred"' in page


def test_landing_page_describes_the_dataset(web, real_project):
    from kg.catalogue import Catalogue

    resp = web.get("/", headers={"Accept": "text/html"})
    assert resp.status_code == 200
    html = resp.text
    assert "creativecommons.org/licenses/by/4.0" in html
    for dump in ("kg.ttl", "kg.nt", "kg.jsonld", "kg.rdf", "kg.trig", "kg.nq", "void.ttl", "SHA256SUMS"):
        assert f'href="/dumps/{dump}"' in html
    # VoID names media types by their IANA IRIs; people read the type
    assert "<td>text/turtle</td>" in html and "iana.org/assignments" not in html
    for q in Catalogue.of(real_project).saved():
        assert f'href="/query?name={q.name}&amp;run=1"' in html, q.name
    assert web.get("/", headers={"Accept": "text/turtle"}, follow_redirects=False).headers["location"] == \
        "/dumps/void.ttl"
    # the domain comes first: what the graph is about before its vocabularies and the technical tables
    browse = html.index('<section id="browse">')
    assert browse < html.index('<section id="about">') and browse < html.index('<section id="queries">')
    kinds = re.findall(r'<a href="/browse/([a-z-]+)">', html)
    assert kinds[:3] == ["park", "place", "organisation"] and kinds.index("source") < kinds.index("sector")


def test_query_page_prefills_a_saved_query(web, real_project):
    from kg.catalogue import Catalogue

    for q in Catalogue.of(real_project).saved():
        html = web.get(f"/query?name={q.name}&run=1").text
        assert q.title in html
        for p in q.params:
            if p.required:
                value = q.example_params()[p.name]
                assert f'<input name="{p.name}" value="{value}"' in html, q.name
    assert web.get("/queries/park-facts.rq").text.startswith("# title:")
    assert web.get("/query?name=no-such-query").status_code == 404


def test_assets_are_served_locally(web):
    for page in ("/", "/query", "/page/park/sinoswiss-technopark", "/ontology"):
        html = web.get(page, headers={"Accept": "text/html"}).text
        for ref in re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', html):
            assert ref.startswith("/"), f"{page} loads {ref} from elsewhere"
    for asset in ("/static/query.js", "/static/style.css", "/static/favicon.svg"):
        assert web.get(asset).status_code == 200


# ---------------------------------------------------------------- escaping

def _config(html: str) -> str:
    m = re.search(r'<script id="kg-config" type="application/json">(.*?)</script>', html, re.S)
    assert m, "no configuration block"
    return m.group(1)


@pytest.mark.parametrize("text", ["<!--<script>", "</script><script>alert(1)</script>", "a & b > c \u2028 d",
                                  "<!-- SELECT * WHERE { ?s ?p ?o } -->"])
def test_the_query_page_embeds_any_query_as_inert_json(web, text):
    """The attack: /query?query=%3C!--%3Cscript%3E put <!--<script> into the page's embedded JSON, where the
    HTML parser reads it as the start of a script-in-a-comment: the page's own script never ran.  Now the
    block holds no < > & (nor line separators) at all, and reads back as the same text."""
    resp = web.get("/query", params={"query": text})
    assert resp.status_code == 200
    block = _config(resp.text)
    assert not set("<>&\u2028\u2029") & set(block), block
    assert json.loads(block)["text"] == text
    assert resp.text.count("</script>") == 2  # the data block's own end and the script element's


def test_no_template_marks_anything_safe_but_the_escaped_json():
    """Everything else a page shows goes through Jinja's autoescaping."""
    from kg.serve.pages import TEMPLATES

    for path in sorted(TEMPLATES.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        uses = re.findall(r"\{\{[^}]*\|\s*safe[^}]*\}\}", text) + re.findall(r"\{%\s*autoescape\s+false", text)
        assert uses == (["{{ config|safe }}"] if path.name == "query.html" else []), (path.name, uses)


def test_pages_carry_a_strict_content_security_policy_and_nosniff(web):
    for path in ("/", "/query", "/page/park/sinoswiss-technopark", "/ontology", "/graph/inferred", "/browse/park"):
        resp = web.get(path, headers={"Accept": "text/html"})
        assert resp.status_code == 200, path
        csp = resp.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert resp.headers["x-content-type-options"] == "nosniff"
        # nothing on the page needs more than the policy allows: no inline script, style or handler
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))", resp.text), path
        assert not re.search(r"\son[a-z]+=|\sstyle=|<style", resp.text), path


def test_search_page_finds_entities_by_name_and_qid(web):
    """The header's search box on every page leads to /search, which lists kg search's hits with links."""
    landing = web.get("/", headers={"Accept": "text/html"}).text
    assert '<form class="search" action="/search" method="get" role="search">' in landing
    html = web.get("/search", params={"q": "SSTP"}).text
    hits = html.split('<table class="search-hits">')[1].split("</table>")[0]
    assert hits.index('href="/page/park/sinoswiss-technopark"') < hits.index('href="/page/service/sstp-app"')
    assert "(exact)" in hits
    assert 'href="/page/place/chongqing"' in web.get("/search", params={"q": "Q11725"}).text
    nothing = web.get("/search", params={"q": "<script>alert(1)</script>"})
    assert nothing.status_code == 200 and "No entity has a name holding" in nothing.text
    assert "<script>alert(1)</script>" not in nothing.text
    assert web.get("/search").status_code == 200
    assert web.get("/search", params={"q": "x" * 201}).status_code == 400


# ---------------------------------------------------------------- one header, one count

def _header(html: str) -> str:
    m = re.search(r'<header class="kg-top">.*?</header>', html, re.S)
    assert m, "no kg-top header"
    return re.sub(r' aria-current="page"', "", m.group(0))


def test_every_page_has_the_one_header_and_menu(web):
    """The served pages and the documentation under /docs/ had two headers and two menus: one header now,
    kg.docs.menu's, with every served address of its table, the current page marked, the search box."""
    from kg.docs.menu import MENU

    pages = ("/", "/query", "/search?q=chongqing", "/browse/park", "/page/park/sinoswiss-technopark",
             "/docs/", "/docs/dataset.html", "/docs/ontology.html", "/docs/queries.html", "/nope")
    headers = {page: web.get(page, headers={"Accept": "text/html"}).text for page in pages}
    assert len({_header(html) for html in headers.values()}) == 1, "pages with another header"
    header = _header(headers["/"])
    assert re.findall(r'<nav id="kg-nav"[^>]*>.*?</nav>', header, re.S)
    assert [(label, href) for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', header.split("<nav")[1])] \
        == [(label, address) for label, _, address in MENU if address is not None]
    assert 'action="/search"' in header
    assert '<a href="/query" aria-current="page">' in headers["/query"]
    assert '<a href="/docs/dataset.html" aria-current="page">' in headers["/docs/dataset.html"]
    assert web.get("/static/header.css").status_code == 200
    for html in headers.values():
        assert '<link rel="stylesheet" href="/static/header.css">' in html or 'href="/docs/static/header.css"' in html


def test_the_ontology_is_counted_alike_on_the_landing_page_and_in_the_documentation(web):
    """The class count read 109, 85 and 102 on three pages: the landing page and the documentation's
    overview now say the ontology's terms per kind in the same words, from one classification."""
    landing = re.search(r"<th>ontology</th><td><a [^>]*>([^<]+)</a>", web.get("/").text).group(1)
    overview = re.search(r"Ontology reference</a>: ([^<]+?), each with", web.get("/docs/").text).group(1)
    assert landing == overview and re.match(r"\d+ classes, \d+ object properties", landing)
    assert "classes" not in web.get("/").text.split("<th>triples</th>")[1].split("</tr>")[0]
