"""The documentation as a person sees it: headless Chromium (Debian's /usr/bin/chromium driven by Playwright)
opens the static site from the disk and the docs ``kg serve`` serves, follows every internal link, and
checks that every anchor exists, every image draws, every ontology term has its section, and the page
asks nothing of any other host.  Screenshots by docs/screenshots.py's :func:`take` go to a temporary
folder, or to docs/img/ with KG_UPDATE_SCREENSHOTS=1 (or run ``python docs/screenshots.py``).
"""

from __future__ import annotations

import importlib.util
import os
import urllib.parse
from pathlib import Path

import pytest
from helpers.docs_site import ontology_terms  # and the fixture site, the static site (once per module)
from helpers.knowledge import ROOT
from helpers.thirdparty import need_tool

pytestmark = pytest.mark.slow  # headless Chromium over every page of the site

# what a link's target must hold: pages, and the files they point at
LINKS_JS = """() => [...document.querySelectorAll('a[href], img[src], link[href]')]
  .map(e => e.href || e.src)"""
STATE_JS = """() => ({ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  broken: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)})"""


def crawl(page, start: str, inside, visit) -> dict:
    """Breadth first from ``start``: each URL for which ``visit(url)`` is true is opened in Chromium and its
    links followed; the others are checked with ``inside(url)`` (None: not ours, not followed; else a
    callable that says whether the target is there).  Fragments must name an element of their page."""
    queue, seen, pages, files, broken = [start], {start}, {}, set(), []
    fragments: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop(0)
        response = page.goto(url)
        if response is not None and response.status != 200:
            broken.append((url, response.status))
            continue
        state = page.evaluate(STATE_JS)
        pages[url] = set(state["ids"])
        broken += [(url, f"image did not draw: {src}") for src in state["broken"]]
        for link in page.evaluate(LINKS_JS):
            target, _, fragment = link.partition("#")
            if fragment:
                fragments.append((url, target, urllib.parse.unquote(fragment)))
            if target in seen or inside(target) is None:
                continue
            seen.add(target)
            if visit(target):
                queue.append(target)
            else:
                files.add(target)
    for target in sorted(files):
        if not inside(target)(target):
            broken.append((target, "missing"))
    for url, target, fragment in fragments:
        if target in pages and fragment not in pages[target]:
            broken.append((url, f"no #{fragment} in {target}"))
    return {"pages": pages, "files": files, "links": len(fragments) + len(seen), "broken": broken}


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside, refused = [], []
    pg.on("request", lambda r: outside.append(r.url)
          if not r.url.startswith(("file://", "http://127.0.0.1", "data:")) else None)
    pg.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
    assert not outside, f"the docs reached outside: {outside[:5]}"
    assert not refused, f"the content-security policy blocked part of the docs: {refused[:5]}"


def test_static_site_has_no_broken_link_and_a_section_per_term(page, site, real_project):  # noqa: F811
    need_tool("chromium")
    root = site.resolve().as_uri() + "/"

    def inside(url):
        if not url.startswith(root):
            return None
        return lambda u: Path(urllib.parse.unquote(u[len("file://"):])).is_file()

    result = crawl(page, root + "index.html", inside, lambda u: u.endswith(".html"))
    print(f"static site: {len(result['pages'])} pages opened, {result['links']} links followed, "
          f"{len(result['broken'])} broken")
    assert result["broken"] == []
    assert len(result["pages"]) > 300  # every entity page is reachable from the overview
    reference = result["pages"][root + "ontology.html"]
    terms = ontology_terms(real_project)
    assert len(terms) > 100 and sorted(set(terms) - reference) == []
    page.goto(root + "index.html")
    width = page.evaluate("() => document.getElementById('core-diagram').naturalWidth")
    assert width > 500, "the core diagram did not draw"


def test_served_docs_have_no_broken_link(page, served, real_project):
    """From the landing page's links: the docs (/docs/…, /ontology) are opened and followed; the entity
    pages, dumps and queries they link to must answer 200."""
    need_tool("chromium")
    need_tool("graphviz")
    base = served.url

    def inside(url):
        if not url.startswith(base + "/"):
            return None
        return lambda u: page.request.get(u).status == 200

    def visit(url):
        path = url[len(base):]
        return path.startswith("/docs/") and path.endswith(("/", ".html")) or path == "/ontology"

    page.goto(base + "/")
    starts = [h for h in page.evaluate(LINKS_JS) if h.startswith(base + "/docs/") or h == base + "/ontology"]
    assert base + "/ontology" in starts and base + "/docs/" in starts
    result = crawl(page, base + "/docs/", inside, visit)
    print(f"served docs: {len(result['pages'])} pages opened, {result['links']} links followed, "
          f"{len(result['files'])} other addresses checked, {len(result['broken'])} broken")
    assert result["broken"] == []
    assert base + "/ontology" in result["pages"] and len(result["files"]) > 100
    assert sorted(set(ontology_terms(real_project)) - result["pages"][base + "/ontology"]) == []


def test_a_term_iri_lands_on_its_section_and_entity_pages_draw_their_neighbourhood(page, served):
    need_tool("chromium")
    need_tool("graphviz")
    page.goto(served.url + "/ontology#InternationalCooperationPark")
    assert page.evaluate("() => location.hash") == "#InternationalCooperationPark"
    top = page.evaluate("() => document.getElementById('InternationalCooperationPark').getBoundingClientRect().top")
    assert 0 <= top < 200, "the browser did not scroll to the term's section"
    assert "international cooperation park" in page.text_content("#InternationalCooperationPark h3")
    page.goto(served.url + "/page/park/sinoswiss-technopark")
    page.wait_for_function("() => document.querySelector('img.neighbourhood').complete")
    assert page.evaluate("() => document.querySelector('img.neighbourhood').naturalWidth") > 200


def _screenshots():
    spec = importlib.util.spec_from_file_location("kg_docs_screenshots", ROOT / "docs" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_screenshots(page, served, tmp_path):
    need_tool("chromium")
    need_tool("graphviz")
    folder = ROOT / "docs" / "img" if os.environ.get("KG_UPDATE_SCREENSHOTS") == "1" else tmp_path
    written = _screenshots().take(page, served.url, folder)
    assert len(written) == 4 and all(p.stat().st_size > 10_000 for p in written)
