"""docs/QUERYING.md is run, not read: every example query in it runs on the built graph and gives the
answer the page says it gives, and its tables of measures, units and roles are the graph's own
(generated; a stale table fails).

Regenerate the tables after a reviewed data change with ``PYTHONPATH=tests python tests/data/test_querying_doc.py``."""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest

from helpers.knowledge import ROOT, real_store

DOC = ROOT / "docs" / "QUERYING.md"
EXAMPLE = re.compile(r"<!-- example: (?P<name>[a-z0-9-]+) -->\n```sparql\n(?P<query>.*?)```", re.S)
SECTION = re.compile(r"(<!-- generated:(?P<name>[a-z]+) -->\n)(?P<body>.*?)(<!-- /generated:(?P=name) -->)", re.S)
ID = "https://w3id.org/stcoop/id/"
STC = "https://w3id.org/stcoop/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def examples() -> dict[str, str]:
    return {m.group("name"): m.group("query") for m in EXAMPLE.finditer(DOC.read_text(encoding="utf-8"))}


def rows(query: str) -> list[dict]:
    result = real_store().query(query)
    return [{v: t for v, t in zip(result.variables, row) if t is not None} for row in result.rows]


def value(term) -> str:
    return term.value


# ---------------------------------------------------------------- what each example answers
def figure_by_measure_and_subject(answer):
    got = {(value(r["value"]).rstrip("0").rstrip("."), value(r["asOf"]), value(r["file"])) for r in answer}
    assert got == {("44", "2022", "002_c8818f74fe16362e.txt"), ("61", "2023", "004_3f952b82960186df.txt")}


def two_units_of_one_figure(answer):
    pairs = {(value(r["unitLabel"]), value(r["otherUnitLabel"])) for r in answer}
    assert pairs == {("square metre", "mu"), ("yuan renminbi", "US dollar")}


def post_at_a_date(answer):
    assert [(value(r["person"]), value(r["place"])) for r in answer] == [
        (ID + "person/tang-liangzhi", ID + "place/chongqing")]


def sources_of_an_entity(answer):
    sources = {value(r["source"]).rsplit("/", 1)[1] for r in answer}
    assert sources == {"002-china-singapore-cci-projects", "004-china-singapore-model-park", "curation"}
    assert {value(r["file"]) for r in answer if "file" in r} == {"002_c8818f74fe16362e.txt", "004_3f952b82960186df.txt"}


def statements_with_their_graph(answer):
    graphs = {value(r["graph"]).rsplit("/", 1)[1] for r in answer}
    assert {"003-western-science-city-press-conference", "inferred"} <= graphs
    assert any(value(r["property"]) == STC + "locatedIn" and value(r["value"]) == ID + "place/china"
               and value(r["graph"]).endswith("/inferred") for r in answer)


def discrepancies(answer):
    assert len(answer) == len({value(r["discrepancy"]) for r in answer}) >= 10
    assert any(value(r["discrepancy"]).endswith("/cci-projects-same-amount") and value(r["status"]) == STC + "Unresolved"
               for r in answer)


def disagreeing_figures(answer):
    pairs = {(value(r["a"]).rsplit("/", 1)[1], value(r["b"]).rsplit("/", 1)[1]) for r in answer}
    assert ("liangjiang-cci-projects-44", "liangjiang-cci-projects-61") in pairs
    assert {value(r["discrepancy"]).rsplit("/", 1)[1] for r in answer} == {"cci-projects-same-amount"}


YEAR_ONLY_SINCE_2018 = {"sino-swiss-business-incubation-competition-2018", "sino-swiss-changzhou-innovation-park-founding",
                        "nus-chongqing-research-institute-founding", "sino-swiss-changzhou-innovation-park-opening",
                        "smart-china-expo-2020-online", "block71-chongqing-launch"}


def the_date_trap(answer):
    """The naive filter keeps only full dates: no year-only event comes back."""
    assert answer and all(r["date"].datatype.value == XSD + "date" for r in answer)
    assert not YEAR_ONLY_SINCE_2018 & {value(r["event"]).rsplit("/", 1)[1] for r in answer}


def events_in_2018_or_later(answer):
    """The filter on the first day keeps the year-only events too, and nothing before 2018."""
    events = {value(r["event"]).rsplit("/", 1)[1] for r in answer}
    assert YEAR_ONLY_SINCE_2018 <= events
    assert {r["date"].datatype.value for r in answer} == {XSD + "date", XSD + "gYear"}
    assert not events & {"cci-launch", "sstp-construction-start"}
    trap = {value(r["event"]) for r in rows(examples()["the-date-trap"])}
    assert trap < {value(r["event"]) for r in answer}


def dates_without_a_year(answer):
    assert [(value(r["node"]).rsplit("/", 1)[1], value(r["property"]), value(r["date"])) for r in answer] == [
        ("cci-multimodal-connectivity-center-opening", STC + "date", "--06-17")]


def a_label_by_its_text(answer):
    assert [value(r["place"]) for r in answer] == [ID + "place/chongqing"]
    tagged_as_plain = rows('PREFIX skos: <http://www.w3.org/2004/02/skos/core#> '
                           'SELECT ?place WHERE { ?place skos:prefLabel ?label FILTER (?label = "Chongqing") }')
    assert tagged_as_plain == []  # the trap the example avoids


def one_row_per_park_with_its_sources(answer):
    parks = [value(r["park"]) for r in answer]
    assert len(parks) == len(set(parks)) >= 10
    assert any(len(value(r["sources"]).split()) > 1 for r in answer)  # a park two articles describe, once


EXPECTED = {name.replace("_", "-"): check for name, check in list(globals().items())
            if callable(check) and name in {
                "figure_by_measure_and_subject", "two_units_of_one_figure", "post_at_a_date", "sources_of_an_entity",
                "statements_with_their_graph", "discrepancies", "disagreeing_figures", "the_date_trap",
                "events_in_2018_or_later", "dates_without_a_year", "a_label_by_its_text",
                "one_row_per_park_with_its_sources"}}


def test_every_example_has_its_expected_answer_and_the_patterns_are_all_there():
    assert set(examples()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs_and_gives_its_answer(name):
    query = examples()[name]
    assert re.search(r"^PREFIX ", query, re.M) or "PREFIX" not in query
    answer = rows(query)
    assert answer, f"{name} answers nothing"
    EXPECTED[name](answer)


# ---------------------------------------------------------------- the generated tables
def curie(iri: str) -> str:
    from kg.namespaces import shorten

    return f"`{shorten(iri)}`"


def number(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def measures_table() -> str:
    units, figures, labels = defaultdict(set), defaultdict(set), {}
    for r in rows(f"""PREFIX stc: <{STC}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            SELECT ?m ?label ?figure ?unit WHERE {{
              ?m a stc:Measure ; skos:prefLabel ?label .
              OPTIONAL {{ ?figure stc:measure ?m ; qudt:unit ?unit }} }}"""):
        m = value(r["m"])
        labels[m] = value(r["label"])
        if "figure" in r:
            figures[m].add(value(r["figure"]))
            units[m].add(curie(value(r["unit"])))
    lines = ["| measure | label | units of its figures | figures |", "| --- | --- | --- | --- |"]
    for m in sorted(labels):
        lines.append(f"| {curie(m)} | {labels[m]} | {', '.join(sorted(units[m]))} | {len(figures[m])} |")
    return "\n".join(lines) + "\n"


def units_table() -> str:
    lines = ["| unit | label | quantity kind | conversion |", "| --- | --- | --- | --- |"]
    for r in sorted(rows(f"""PREFIX stc: <{STC}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            SELECT ?u ?label ?kind ?m ?low ?high WHERE {{
              ?u a qudt:Unit ; rdfs:label ?label ; qudt:hasQuantityKind ?kind .
              OPTIONAL {{ ?u qudt:conversionMultiplier ?m }}
              OPTIONAL {{ ?range stc:currency ?u ; stc:lowestUSDMultiplier ?low ; stc:highestUSDMultiplier ?high }} }}"""),
                    key=lambda r: (value(r["kind"]), value(r["u"]))):
        if "m" in r and value(r["kind"]).endswith("/Currency"):
            conversion = f"× {number(value(r['m']))} to US dollars (the base of money here)"
        elif "m" in r:
            conversion = f"× {number(value(r['m']))} to the SI base unit"
        else:
            conversion = f"{number(value(r['low']))} to {number(value(r['high']))} US dollars"
        kind = value(r["kind"]).rsplit("/", 1)[1]
        lines.append(f"| {curie(value(r['u']))} | {value(r['label'])} | `quantitykind:{kind}` | {conversion} |")
    return "\n".join(lines) + "\n"


def roles_table() -> str:
    posts, labels, offices = defaultdict(set), {}, set()
    for r in rows(f"""PREFIX stc: <{STC}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?role ?label ?office ?post WHERE {{
              ?role a org:Role ; skos:prefLabel ?label .
              OPTIONAL {{ ?role a stc:CityOffice BIND (true AS ?office) }}
              OPTIONAL {{ ?post org:role ?role }} }}"""):
        role = value(r["role"])
        labels[role] = value(r["label"])
        if "office" in r:
            offices.add(role)
        if "post" in r:
            posts[role].add(value(r["post"]))
    lines = ["| role | label | city office | posts |", "| --- | --- | --- | --- |"]
    for role in sorted(labels):
        lines.append(f"| {curie(role)} | {labels[role]} | {'yes' if role in offices else ''} | {len(posts[role])} |")
    return "\n".join(lines) + "\n"


# The main kinds a query starts from: (heading, class).
KINDS = (("Parks and zones", "stc:ParkOrZone"), ("Places", "stc:Place"), ("Organisations", "org:Organization"),
         ("People", "stc:Person"), ("Posts", "stc:PostHolding"), ("Agreements and frameworks", "stc:CooperationFramework"),
         ("Projects", "stc:Project"), ("Events", "stc:Event"), ("Figures", "stc:Observation"),
         ("Sources", "stc:Source"), ("Discrepancies", "stc:Discrepancy"))


def _example(term) -> str:
    from kg.namespaces import shorten

    text = shorten(term.value) if term.__class__.__name__ == "NamedNode" else term.value
    text = text if len(text) <= 40 else text[:39] + "…"
    return text.replace("|", "\\|")


def kinds_table() -> str:
    """Per main kind: every property its members have, how many have it, and one example."""
    from kg.namespaces import PREFIXES, shorten

    out = []
    for heading, kind in KINDS:
        prefix, local = kind.split(":")
        cls = PREFIXES[prefix] + local
        found = rows(f"""SELECT ?p (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(*) AS ?statements)
                (MIN(STR(?s)) AS ?first) WHERE {{ ?s a <{cls}> ; ?p ?o }} GROUP BY ?p""")
        members = rows(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}")[0]["n"].value
        out += [f"### {heading} (`{kind}`, {members})", "",
                "| property | subjects | statements | example |", "| --- | --- | --- | --- |"]
        for r in sorted(found, key=lambda r: (-int(r["subjects"].value), shorten(r["p"].value))):
            example = rows(f"SELECT ?o WHERE {{ <{r['first'].value}> <{r['p'].value}> ?o }} ORDER BY STR(?o) LIMIT 1")[0]["o"]
            out.append(f"| `{shorten(r['p'].value)}` | {r['subjects'].value} | {r['statements'].value} | "
                       f"`{shorten(r['first'].value)}` → {_example(example)} |")
        out.append("")
    return "\n".join(out)


TABLES = {"measures": measures_table, "units": units_table, "roles": roles_table, "kinds": kinds_table}


def regenerated(text: str) -> str:
    return SECTION.sub(lambda m: m.group(1) + TABLES[m.group("name")]() + m.group(4), text)


def test_the_tables_are_the_graphs():
    text = DOC.read_text(encoding="utf-8")
    assert {m.group("name") for m in SECTION.finditer(text)} == set(TABLES)
    assert text == regenerated(text), "docs/QUERYING.md is stale: run PYTHONPATH=tests python tests/data/test_querying_doc.py"


def test_every_measure_and_role_of_the_graph_is_listed_with_its_iri():
    text = DOC.read_text(encoding="utf-8")
    for m in rows("SELECT ?x WHERE { { ?x a <https://w3id.org/stcoop/ontology#Measure> } UNION "
                  "{ ?x a <http://www.w3.org/ns/org#Role> } }"):
        assert curie(value(m["x"])) in text


if __name__ == "__main__":  # regenerate the tables
    DOC.write_text(regenerated(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print("wrote", DOC, file=sys.stderr)
