"""The facts: every data file is well formed and sourced, and the graph holds
what the five articles say, checked entity by entity and figure by figure
against the article texts themselves."""

from __future__ import annotations

import csv
import re
import subprocess

import pyoxigraph as ox
import pytest

from helpers.knowledge import (ROOT, WIKIDATA_VERIFIED, article_body, article_files, article_params, real_store,
                       require_articles, source_graphs, words)

DATA_FILES = sorted((ROOT / "data").glob("*.trig"))
STC = "https://w3id.org/stcoop/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ID = "https://w3id.org/stcoop/id/"


def test_there_is_data_for_every_article():
    assert len(DATA_FILES) >= 5
    assert sorted(source_graphs()) == [f.name for f in article_files()]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_is_named_graphs_of_known_sources_without_blank_nodes(path):
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    assert quads, f"{path.name} is empty"
    store = real_store()
    for q in quads:
        assert not isinstance(q.graph_name, ox.DefaultGraph), f"{path.name}: triple outside a source graph: {q}"
        for term in (q.subject, q.object):
            assert not isinstance(term, ox.BlankNode), f"{path.name}: blank node in {q}"
    for graph in {q.graph_name for q in quads}:
        assert store.query(f"ASK {{ <{graph.value}> a <{STC}Source> }}").boolean, (
            f"{path.name}: graph {graph.value} is not a declared stc:Source")


def test_every_ontology_term_used_in_data_is_declared():
    declared = {q.subject.value for q in ox.parse(path=str(ROOT / "ontology" / "stcoop.ttl"), format=ox.RdfFormat.TURTLE)
                if isinstance(q.subject, ox.NamedNode)}
    used = set()
    for path in DATA_FILES:
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
            for term in (q.predicate, q.object):
                if isinstance(term, ox.NamedNode) and term.value.startswith(STC):
                    used.add(term.value)
    assert sorted(used - declared) == []


# ---------------------------------------------------------------- figures
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "third": 3}
SCALE = {"billion": 10**9, "million": 10**6}
# Numbers in the articles that are not figures about the subject matter.
NOT_FIGURES = {
    ("001_ceb984b574406793.txt", "two"): "'the two countries': no quantity",
    ("003_55746115177d4237.txt", "four"): "'four seasons friendly': an idiom",
}


def article_numbers(text: str):
    """(as written, value) for every number in the text, digits or words."""
    pattern = r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)(?:\s*(billion|million))?"
    for m in re.finditer(pattern, text):
        yield m.group(0), float(m.group(1).replace(",", "")) * SCALE.get(m.group(2) or "", 1)
    for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", text, re.I):
        yield m.group(0), float(NUMBER_WORDS[m.group(1).lower()])


@pytest.mark.parametrize("article", article_params())
def test_every_number_in_the_article_is_in_its_graph(article):
    """Each number of the article is a value, a date part or part of a name in
    the named graph of that article (or explicitly not a figure)."""
    require_articles()
    graph = source_graphs()[article.name]
    values, tokens = set(), set()
    for (o,) in real_store().query(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(isLiteral(?o)) }}").rows:
        try:
            values.add(float(o.value))
        except ValueError:
            pass
        tokens.update(float(t) for t in re.findall(r"\d+(?:\.\d+)?", o.value))
    missing = [raw for raw, v in article_numbers(article_body(article))
               if v not in values and v not in tokens and (article.name, raw.lower()) not in NOT_FIGURES]
    assert missing == []


FIGURES = [
    # (article, subject, measure, value, unit, comparator)
    ("000", "park/sinoswiss-technopark", "planned-area", 276, "ontology#Mu", "Exactly"),
    ("000", "park/sinoswiss-technopark", "planned-area", 184000, "unit/M2", "Exactly"),
    ("000", "park/sinoswiss-technopark", "total-building-area", 550000, "unit/M2", "Exactly"),
    ("000", "project/sstp-phase-1", "area", 190000, "unit/M2", "Approximately"),
    ("000", "park/sinoswiss-technopark", "area", 190000, "unit/M2", "Exactly"),
    ("000", "project/sstp-phase-1", "investment", 1e9, "currency/CNY", "Exactly"),
    ("000", "park/sinoswiss-technopark", "investment", 2e9, "currency/CNY", "Exactly"),
    ("000", "park/sinoswiss-technopark", "enterprise-count", 30, "unit/NUM", "MoreThan"),
    ("000", "park/sinoswiss-technopark", "partner-enterprise-count", 200, "unit/NUM", "MoreThan"),
    ("001", "park/sino-swiss-changzhou-innovation-park", "occupied-area", 270000, "unit/M2", "Approximately"),
    ("001", "park/sino-swiss-changzhou-innovation-park", "allocated-area", 670000, "unit/M2", "Approximately"),
    ("002", "park/liangjiang-new-area", "cooperation-project-count", 44, "unit/NUM", "Exactly"),
    ("002", "park/liangjiang-new-area", "cooperation-project-share", 24, "unit/PERCENT", "Exactly"),
    ("002", "park/liangjiang-new-area", "contract-amount", 10.98e9, "currency/USD", "Exactly"),
    ("002", "park/liangjiang-new-area", "contract-amount-share", 44, "unit/PERCENT", "Exactly"),
    ("002", "park/nus-chongqing-research-institute", "introduced-company-count", 8, "unit/NUM", "Exactly"),
    ("003", "park/western-chongqing-science-city", "signed-project-count", 43, "unit/NUM", "Exactly"),
    ("003", "park/western-chongqing-science-city", "investment", 101.24e9, "currency/CNY", "Exactly"),
    ("003", "park/western-chongqing-science-city", "investment", 14.9e9, "currency/USD", "Approximately"),
    ("003", "park/western-chongqing-science-city", "platform-count", 169, "unit/NUM", "Exactly"),
    ("004", "park/nus-chongqing-research-institute", "phd-student-count", 60, "unit/NUM", "MoreThan"),
    ("004", "park/block71-chongqing", "cultivated-company-count", 30, "unit/NUM", "Nearly"),
    ("004", "park/liangjiang-new-area", "cooperation-project-count", 61, "unit/NUM", "Exactly"),
    ("004", "park/liangjiang-new-area", "cooperation-project-share", 21, "unit/PERCENT", "Exactly"),
    ("004", "park/liangjiang-new-area", "contract-amount", 10.98e9, "currency/USD", "Exactly"),
    ("004", "park/liangjiang-new-area", "contract-amount-share", 43, "unit/PERCENT", "Exactly"),
]


@pytest.mark.parametrize("article,subject,measure,value,unit,comparator", FIGURES)
def test_figure_with_unit_comparator_and_source(article, subject, measure, value, unit, comparator):
    graph = next(g for f, g in source_graphs().items() if f.startswith(article))
    unit_iri = STC + "Mu" if unit.startswith("ontology#") else "http://qudt.org/vocab/" + unit
    rows = real_store().query(f"""
        PREFIX stc: <{STC}> PREFIX qudt: <http://qudt.org/schema/qudt/>
        SELECT ?o ?v WHERE {{ GRAPH <{graph}> {{
            ?o stc:observedEntity <{ID}{subject}> ; stc:measure <{ID}measure/{measure}> ;
               qudt:unit <{unit_iri}> ; stc:comparator stc:{comparator} ; qudt:numericValue ?v ; stc:asOf ?asOf . }} }}""").rows
    assert [float(v.value) for _, v in rows] == [value]


# ---------------------------------------------------------------- names
NAMES = {
    "000": ["SinoSwiss Technopark", "SSTP", "Chongqing Liangjiang New Area", "Duan Chenggang", "Tang Zongwei",
            "Thomas Wagner", "Frank Eggman", "Paul Sives", "Yuling Chen", "Li Qian", "Swiss-Chinese Association",
            "Chongqing Science and Technology Bureau", "Zurich", "Chengdu", "EUCCC Southwest Chapter",
            "Foreign Affairs Office of Chongqing Municipal People's Government",
            "Chongqing Municipal Economic & Information Commission",
            "Chongqing Municipal People's Government", "Liangjiang New Area Administrative Committee",
            "Liangjiang New Area Party Work Committee", "Chongqing CPC Municipal Committee", "Switzerland",
            "France", "Germany", "South Korea", "Japan", "2018 Sino-Swiss Business Incubation Competition",
            "2018 Sino-Swiss Business Incubation Competition Award Ceremony", "SSTP APP", "iChongqing"],
    "001": ["Sino-Swiss (Changzhou) Innovation Park", "Changzhou National Hi-Tech District", "An Lei", "Medela",
            "SID", "COTESA", "Lanz Manufaktur", "Leoni", "Changzhou", "Jiangsu", "PRNewswire",
            "Joint Statement on Strengthening Science and Innovation Cooperation",
            "Swiss Federal Department of Economic Affairs, Education and Research",
            "Torch High Technology Industry Development Center",
            "China-Switzerland Innovation and Entrepreneurship Cooperation Launch Conference"],
    "002": ["China-Singapore (Chongqing) Demonstration Project on Strategic Connectivity", "CCI", "CIC",
            "China-Singapore (Chongqing) Multimodal Distribution and Connectivity Center", "GDS Chongqing Data Center",
            "National University of Singapore (Chongqing) Research Institute",
            "Guoyuan Port", "China Railway Express", "Yangtze Golden Waterway", "Jiangbei International Airport",
            "National University of Singapore", "NUS", "BLOCK71", "Singapore-China (Chongqing) ICM Joint Innovation Development Fund",
            "JIDF", "Regional Comprehensive Economic Partnership", "RCEP", "Qin Shubin", "Liangjiang New Area Media Center",
            "ASEAN", "Southeast Asia"],
    "003": ["Western (Chongqing) Science City", "Tang Liangzhi", "Tang Liangzi", "Mikkel Larsen",
            "2020 Smart China Expo Online", "SCE OL", "Beibei District", "Shapingba District", "Bishan District",
            "Jiulongpo District", "Jiangjin District", "China (Chongqing) Pilot Free Trade Zone",
            "Xiyong Comprehensive Bonded Zone", "Chongqing University", "Xiyong Microelectronics Park",
            "Zhongliang Mountain", "Jinyun Mountain", "Yangtze River", "Jialing River",
            "Chengdu-Chongqing Economic Circle", "New International Land-Sea Trade Corridor", "ILSTC",
            "Communist Party of China Chongqing Municipal Committee", "Hong Kong", "Macao", "Guangdong",
            "Mongolia", "Russia"],
    "004": ["NUS (Chongqing) Research Institute", "Liangjiang Province", "Wang Jiakong", "BLOCK71 Chongqing",
            "Xin Yuewen", "Ryōe Science, Technology and Innovation Bureau", "Guo Shuyu",
            "China-Singapore (Chongqing) Demonstration Initiative on Strategic Connectivity",
            "National Development and Reform Commission"],
}


@pytest.mark.parametrize("article,name", [(a, n) for a, ns in NAMES.items() for n in ns])
def test_every_name_is_a_label_in_its_article_graph(article, name):
    graph = next(g for f, g in source_graphs().items() if f.startswith(article))
    literal = ox.Literal(name, language="en")
    rows = real_store().query(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        f"SELECT ?e ?name WHERE {{ GRAPH <{graph}> {{ ?e skos:prefLabel|skos:altLabel|skos:hiddenLabel ?name }} }}",
        {"name": literal}).rows
    assert rows, f"{name!r} is not a label in the graph of article {article}"


@pytest.mark.parametrize("article", article_params())
def test_every_entity_the_article_names_is_linked_from_its_graph(article):
    """An entity (not a vocabulary concept: a sector's name is also a common word) any of whose labels the
    article's text names, longest names first (China inside "Smart China Expo" is the expo), is linked
    from the article's graph: the object of one of its statements, or the subject of more than its
    type and labels. 003 named China's top 500 enterprises, and its graph did not link China."""
    require_articles()
    graph = source_graphs()[article.name]
    store = real_store()
    names: dict[str, set[str]] = {}
    for entity, label in store.query(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT DISTINCT ?e ?l WHERE { "
            "?e skos:prefLabel|skos:altLabel|skos:hiddenLabel ?l FILTER NOT EXISTS { ?e a skos:Concept } "
            "FILTER (STRSTARTS(STR(?e), 'https://w3id.org/stcoop/id/') "
            "&& !REGEX(STR(?e), '/id/(observation|post|discrepancy|source)/')) }").rows:
        names.setdefault(label.value, set()).add(entity.value)
    linked = {e.value for (e,) in store.query(f"""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?e WHERE {{ GRAPH <{graph}> {{
          {{ ?x ?p ?e }} UNION {{ ?e ?q ?o FILTER (?q NOT IN (<{RDF_TYPE}>, skos:prefLabel, skos:altLabel, skos:hiddenLabel)) }}
        }} }}""").rows}
    text, unlinked = article_body(article), set()
    for name in sorted(names, key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        if pattern.search(text):
            unlinked |= {(name, e) for e in names[name] - linked}
            text = pattern.sub(lambda m: "#" * len(m.group()), text)  # a longer name holds the shorter
    assert unlinked == set()


# ---------------------------------------------------------------- links and copying
def test_wikidata_links_are_exactly_the_verified_ones():
    with open(WIKIDATA_VERIFIED, encoding="utf-8") as f:
        verified = {r["wikidata"] for r in csv.DictReader(f, delimiter="\t")}
    rows = real_store().query(f"SELECT ?e ?q WHERE {{ ?e <{STC}wikidata> ?q }}").rows
    linked = [q.value.rsplit("/", 1)[1] for _, q in rows]
    assert len(linked) == len(set(linked)), "one Wikidata item linked twice"
    assert set(linked) == verified


def test_the_verified_list_travels_with_the_data_unchanged():
    """data/wikidata-verified.trig holds the verified list as records (each item with the name and note
    of the TSV, and foaf:focus to the entity it was verified for) that kg validate compares the links
    with (the check no-wikidata-link-outside-verified-list); here the records are held to the TSV
    itself, row for row."""
    with open(WIKIDATA_VERIFIED, encoding="utf-8") as f:
        rows = {(r["wikidata"], r["name"], r["note"]) for r in csv.DictReader(f, delimiter="\t")}
    records = real_store().query(f"""
        SELECT ?item ?name ?note (COUNT(DISTINCT ?entity) AS ?entities) WHERE {{
            GRAPH <{ID}source/wikidata-verified> {{
                ?item <http://www.w3.org/2004/02/skos/core#prefLabel> ?name ;
                      <http://www.w3.org/2004/02/skos/core#note> ?note ; <http://xmlns.com/foaf/0.1/focus> ?entity }} }}
        GROUP BY ?item ?name ?note""").rows
    assert {(item.value.rsplit("/", 1)[1], name.value, note.value) for item, name, note, _ in records} == rows
    assert all(int(n.value) == 1 for *_, n in records), "a record names one entity"


def test_no_sentence_is_copied_from_the_articles():
    """No run of 12 words of an article appears in a file of the project."""
    n = 12
    shingles = set()
    for article in article_files():
        w = words(article.read_text(encoding="utf-8"))
        shingles.update(" ".join(w[i:i + n]) for i in range(len(w) - n + 1))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    copied = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".ttl", ".trig", ".rq", ".md", ".py", ".html", ".json", ".txt"} or not path.is_file():
            continue
        w = words(path.read_text(encoding="utf-8", errors="ignore"))
        copied += [f"{name}: {' '.join(w[i:i + n])}" for i in range(len(w) - n + 1) if " ".join(w[i:i + n]) in shingles][:1]
    assert copied == []
