"""kg.docs: the static site of the real graph, checked against the ontology, the store and the catalogue.

Headless Chromium opens the site and follows its links in test_docs_chromium.py; here the files are
checked.  Every expectation is read from the inputs (rdflib over ontology/, SPARQL over the build),
never typed here, and every loop is checked to have run over something.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys

import pytest
from helpers.docs_site import ontology_terms
from helpers.knowledge import ROOT, real_store
from helpers.thirdparty import need_tool

STC = "https://w3id.org/stcoop/ontology#"

# ``site``, the static site of the real graph (generated once per module), is helpers/docs_site.py's


def section(html: str, anchor: str) -> str:
    """The HTML of the term section with this anchor (up to the next section)."""
    start = html.index(f'id="{anchor}"')
    end = html.find('<div class="property entity"', start + 1)
    return html[start:end if end > 0 else len(html)]


def test_every_class_and_property_has_its_section_with_usage(site, real_project):
    html = (site / "ontology.html").read_text(encoding="utf-8")
    terms = ontology_terms(real_project)
    assert sum("Class" in k for k in terms.values()) > 20 and sum("ObjectProperty" in k for k in terms.values()) > 20
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an anchor is used twice"
    store = real_store()
    for local, kinds in sorted(terms.items()):
        text = section(html, local)
        assert f"<code>{STC}{local}</code>" in text, local
        assert 'class="kg-shapes"' in text and 'class="kg-usage"' in text, local
        if "Property" in kinds:  # every property's constraint profile (kg.profile), subject and value first
            profile = text.split('class="kg-profile"')[1].split("</tr>")[0]
            assert "subject</span>" in profile and "value</span>" in profile, local
        count = int(re.search(r'<span class="kg-count">([\d,]+)</span>', text).group(1).replace(",", ""))
        if "Class" in kinds:
            q = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{STC}{local}> }}"
        else:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{STC}{local}> ?o }}"
        assert count == int(store.query(q).rows[0][0].value), local
        examples = re.findall(r'<tr class="kg-examples">(.*?)</tr>', text, re.S)[0]
        links = re.findall(r'<div><a href="(entities/[^"]+|ontology\.html#[^"]+)"', examples)
        inside = count if "Class" in kinds else int(store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{STC}{local}> ?o FILTER STRSTARTS(STR(?s), \"https://w3id.org/stcoop/\") }}"
        ).rows[0][0].value)  # subjects outside the graph's namespaces (Wikidata items) have no page
        assert len(links) == min(2, inside), local
        for link in links:
            assert link.startswith("ontology.html#") or (site / link).is_file(), (local, link)


def test_sections_say_what_pylode_does_not(site):
    """Characteristics, inverses, chains, disjointness, alignments and shapes, from the ontology and shapes."""
    import rdflib

    from kg.project import locate

    project = locate(ROOT)
    g = rdflib.Graph()
    for path in project.ontology_files():
        g.parse(path, format="turtle")
    html = (site / "ontology.html").read_text(encoding="utf-8")
    own = lambda iri: str(iri).startswith(STC)  # noqa: E731
    checked = 0
    for p in g.subjects(rdflib.RDF.type, rdflib.OWL.TransitiveProperty):
        if own(p):
            assert "Transitive" in section(html, str(p)[len(STC):]).split('class="kg-characteristics"')[1]
            checked += 1
    for p, q in g.subject_objects(rdflib.OWL.inverseOf):
        if own(p) and own(q):
            inverse = section(html, str(p)[len(STC):]).split('class="kg-inverse"')[1].split("</tr>")[0]
            assert f'#{str(q)[len(STC):]}"' in inverse
            checked += 1
    for c, sup in g.subject_objects(rdflib.RDFS.subClassOf):
        if own(c) and isinstance(sup, rdflib.URIRef) and not own(sup):
            assert str(sup) in section(html, str(c)[len(STC):]).split('class="kg-alignment"')[1].split("</tr>")[0]
            checked += 1
    for p in g.subjects(rdflib.OWL.propertyChainAxiom, None):
        assert 'class="kg-chain"' in section(html, str(p)[len(STC):])
        checked += 1
    assert checked > 10
    shapes = sum('class="kg-shapes"><th>Shapes</th><td><div>' in section(html, t) for t in ontology_terms(project))
    assert shapes > 10  # terms that shapes constrain name them


def test_dataset_page_lists_sources_counts_and_dumps_with_their_checksums(site, real_project):
    from kg.answering import serving_build

    html = (site / "dataset.html").read_text(encoding="utf-8")
    built = serving_build(real_project, build_if_stale=False)
    for graph in built.manifest["graph_files"]:
        assert f"<code>{graph.replace('https://w3id.org/stcoop/id/source/', 'source:')}</code>" in html, graph
    dumps = sorted(p for p in (site / "dumps").iterdir() if p.name != "SHA256SUMS")
    assert len(dumps) >= 7
    for dump in dumps:
        digest = hashlib.sha256(dump.read_bytes()).hexdigest()
        assert f'href="dumps/{dump.name}"' in html and digest in html, dump.name
    assert "creativecommons.org/licenses/by/4.0" in html
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=site / "dumps").returncode == 0


def test_queries_page_shows_every_saved_query_with_its_example_results(site, real_project):
    from kg.catalogue import Catalogue
    from kg.query import resolve, run

    html = (site / "queries.html").read_text(encoding="utf-8")
    saved = Catalogue.of(real_project).saved()
    assert saved
    for q in saved:
        part = html.split(f'<section class="kg-query" id="{q.name}">')[1].split("</section>")[0]
        assert q.title in part
        for p in q.params:
            assert f"<code>?{p.name}</code>" in part
        total = len(run(real_project, resolve(real_project, q.name, None), q.example_params()).rows)
        shown = part.split("<tbody>")[-1].count("<tr>")
        assert shown == min(total, 10) and f": {total:,} row" in part, q.name


def test_discrepancies_and_entities_have_pages(site):
    store = real_store()
    discrepancies = [r[0].value for r in store.query(
        "SELECT DISTINCT ?d WHERE { ?d ?p ?o FILTER(STRSTARTS(STR(?d), 'https://w3id.org/stcoop/id/discrepancy/')) }"
    ).rows]
    html = (site / "discrepancies.html").read_text(encoding="utf-8")
    assert discrepancies
    for d in discrepancies:
        assert f'id="{d.rsplit("/", 1)[1]}"' in html
        assert (site / "entities" / "discrepancy" / (d.rsplit("/", 1)[1] + ".html")).is_file()
    park = (site / "entities" / "park" / "sinoswiss-technopark.html").read_text(encoding="utf-8")
    assert '<h1 id="label">SinoSwiss Technopark</h1>' in park
    assert 'src="../../diagrams/entities/park/sinoswiss-technopark.svg"' in park
    svg = (site / "diagrams" / "entities" / "park" / "sinoswiss-technopark.svg").read_text(encoding="utf-8")
    assert "Switzerland" in svg and "<svg" in svg


@pytest.mark.slow
def test_the_same_inputs_give_the_same_bytes(site, real_project, tmp_path):
    """A second build of the same inputs, in a build folder of its own, gives the same site (the ontology's
    blank nodes were named anew by every build's store)."""
    from kg.docs import generate
    from kg.project import locate

    generate(locate(real_project.home, tmp_path / "build"), tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*")
              if p.is_file()}
    assert len(first) > 300 and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_readme_diagram_is_the_ontology_s(real_project):
    """docs/img/core-model.dot is what the ontology gives now, and the SVG was drawn from it; else
    `python -m kg.docs` rewrites both."""
    need_tool("graphviz")
    from kg.docs import diagrams
    from kg.docs.__main__ import README_DIAGRAM, core_diagram

    dot, _ = core_diagram(real_project)
    committed = ROOT / README_DIAGRAM
    assert committed.with_suffix(".dot").read_text(encoding="utf-8") == dot, \
        "docs/img/core-model.dot is stale: run python -m kg.docs"
    svg = committed.with_suffix(".svg").read_bytes()
    stamp = diagrams.STAMP.search(svg.decode("utf-8", errors="replace"))
    assert stamp and stamp.group(1) == diagrams.dot_sha256(dot), \
        "docs/img/core-model.svg was not drawn from core-model.dot: run python -m kg.docs"
    assert "](docs/img/core-model.svg)" in (ROOT / "README.md").read_text(encoding="utf-8")


HOSTILE = '''
stc:Hostile a owl:Class ; rdfs:label "hostile <b>label</b>"@en ;
    rdfs:comment "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> & more"@en .
'''


def test_pages_escape_what_the_ontology_says(mini, tmp_path):
    """A definition is shown as the text it is: pyLODE's Markdown would pass HTML and javascript: links."""
    need_tool("graphviz")
    from kg.docs import generate

    onto = mini.ontology_files()[0]
    onto.write_text(onto.read_text(encoding="utf-8") + HOSTILE, encoding="utf-8")
    generate(mini, tmp_path / "site")
    html = (tmp_path / "site" / "ontology.html").read_text(encoding="utf-8")
    part = section(html, "Hostile")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in part and "&lt;img src=x onerror=alert(3)&gt;" in part
    assert "hostile &lt;b&gt;label&lt;/b&gt;" in part
    assert "<script" not in html and "javascript:" not in re.sub(r">[^<]*<", "><", html)
    assert not re.search(r"<img[^>]*onerror", html)


def test_kg_docs_command(mini_cli, tmp_path):
    need_tool("graphviz")
    out = tmp_path / "site"
    r = mini_cli("docs", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("wrote ") and (out / "index.html").is_file()
    again = mini_cli("docs", "-o", str(out))  # a folder kg docs wrote is replaced whole
    assert again.exit_code == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    r = mini_cli("docs", "-o", str(tmp_path / "mine"))
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("kg: error: ")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


@pytest.mark.slow
def test_kg_docs_works_with_no_build_yet(tmp_path):
    """`kg docs -o site` with no build yet (a fresh install) on the seed graph builds first and writes the
    site; how long it takes is benchmarks/bench_cli.py's ("docs (no build yet)", target 10 s)."""
    need_tool("graphviz")
    r = subprocess.run([sys.executable, "-m", "kg", "docs", "-o", str(tmp_path / "site"), "-q", "--home", str(ROOT),
                        "--build-dir", str(tmp_path / "build")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "build" / "current").exists()


@pytest.mark.slow
def test_generating_fetches_nothing(real_project, tmp_path, no_network):
    need_tool("graphviz")
    from kg.docs import generate

    generate(real_project, tmp_path / "site")
    assert no_network == []
    assert shutil.which("dot")


def test_the_static_site_has_the_one_header_with_links_that_resolve(site):
    """The static copy shows the menu of kg.docs.menu without the addresses only a server has, each link
    a file of the site, from a page at any depth."""
    import re
    from kg.docs.menu import MENU

    expected = [label for label, page, _ in MENU if page is not None]
    for page in (site / "index.html", site / "entities" / "index.html",
                 next((site / "entities").glob("*/*.html"))):
        html = page.read_text(encoding="utf-8")
        header = re.search(r'<header class="kg-top">.*?</header>', html, re.S).group(0)
        links = re.findall(r'<a href="([^"]+)"(?: aria-current="page")?>([^<]+)</a>', header.split("<nav")[1])
        assert [label for _, label in links] == expected, page
        for href, _ in links:
            assert (page.parent / href).resolve().is_file(), (page, href)
        assert "kg-search" not in header  # no server to search
    assert (site / "static" / "header.css").is_file()
