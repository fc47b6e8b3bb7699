"""`kg query`: exact output for one case per format, parameters, ASK exit
status, and the error messages."""

from __future__ import annotations

import json

import pytest

A = "https://w3id.org/stcoop/id/park/alpha"
B = "https://w3id.org/stcoop/id/park/beta"
CHINA = "https://w3id.org/stcoop/id/place/china"


def ok(r):
    """stdout, byte-exact (click's r.stdout turns \r\n into \n)."""
    assert r.exit_code == 0, r.stderr
    return r.stdout_bytes.decode("utf-8")


def test_table(cli):
    """Values alone, for people; --terms shows literals as terms."""
    assert ok(cli("query", "parks")) == (
        "park        label       country\n"
        "----------  ----------  -----------\n"
        "park:alpha  Alpha Park  place:china\n"
        "park:beta   Beta Park   place:china\n"
        "(2 rows)\n")
    assert ok(cli("query", "parks", "--terms")).splitlines()[2] == 'park:alpha  "Alpha Park"@en  place:china'


def test_a_table_fits_the_width_it_is_given():
    from kg.results import render_table

    long = "a long value " * 20
    table = render_table(["name", "text"], [("short", long.strip()), ("other", "brief")], width=60)
    lines = table.splitlines()
    assert all(len(line) <= 60 for line in lines) and lines[2].endswith("…")
    assert lines[3].split() == ["other", "brief"]
    assert render_table(["name", "text"], [("short", long.strip())]).splitlines()[2].endswith("a long value")


def test_csv_is_w3c(cli):
    assert ok(cli("query", "parks", "--format", "csv")) == (
        "park,label,country\r\n"
        f"{A},Alpha Park,{CHINA}\r\n"
        f"{B},Beta Park,{CHINA}\r\n")


def test_tsv_is_w3c(cli):
    assert ok(cli("query", "parks", "-f", "tsv")) == (
        "?park\t?label\t?country\n"
        f'<{A}>\t"Alpha Park"@en\t<{CHINA}>\n'
        f'<{B}>\t"Beta Park"@en\t<{CHINA}>\n')


def test_json_is_w3c(cli):
    out = ok(cli("query", "parks", "-f", "json"))
    assert out == (
        '{"head":{"vars":["park","label","country"]},"results":{"bindings":['
        f'{{"park":{{"type":"uri","value":"{A}"}},"label":{{"type":"literal","value":"Alpha Park","xml:lang":"en"}},'
        f'"country":{{"type":"uri","value":"{CHINA}"}}}},'
        f'{{"park":{{"type":"uri","value":"{B}"}},"label":{{"type":"literal","value":"Beta Park","xml:lang":"en"}},'
        f'"country":{{"type":"uri","value":"{CHINA}"}}}}]}}}}\n')
    json.loads(out)


def test_xml_is_w3c(cli):
    assert ok(cli("query", "park-places", "-p", "park=park:beta", "-f", "xml")) == (
        '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
        '<variable name="park"/><variable name="place"/><variable name="placeLabel"/></head><results>'
        f'<result><binding name="park"><uri>{B}</uri></binding><binding name="place"><uri>{CHINA}</uri></binding>'
        '<binding name="placeLabel"><literal xml:lang="en">China</literal></binding></result>'
        f'<result><binding name="park"><uri>{B}</uri></binding><binding name="place">'
        '<uri>https://w3id.org/stcoop/id/place/suzhou</uri></binding>'
        '<binding name="placeLabel"><literal xml:lang="en">Suzhou</literal></binding></result></results></sparql>\n')


def test_markdown_with_a_curie_parameter(cli):
    assert ok(cli("query", "park-places", "--param", "park=park:alpha", "--format", "md")) == (
        "| park | place | placeLabel |\n"
        "| --- | --- | --- |\n"
        "| park:alpha | place:china | China |\n"
        "| park:alpha | place:suzhou | Suzhou |\n")


def test_iri_parameter_in_angle_brackets(cli):
    assert ok(cli("query", "park-places", "-p", f"park=<{A}>", "-f", "csv")) == ok(
        cli("query", "park-places", "-p", "park=park:alpha", "-f", "csv"))


def test_typed_parameter(cli):
    expected = ("park,established,year\r\n"
                f"{A},2010,2000\r\n")
    assert ok(cli("query", "parks-since", "-p", "year=2000", "-f", "csv")) == expected
    assert ok(cli("query", "parks-since", "-p", 'year="2000"^^xsd:integer', "-f", "csv")) == expected
    assert ok(cli("query", "parks-since", "-p", "year=2011", "-f", "csv")) == "park,established,year\r\n"


def test_construct_turtle(cli):
    assert ok(cli("query", "park-card", "-p", "park=park:beta")) == (
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix source: <https://w3id.org/stcoop/id/source/> .\n"
        "@prefix place: <https://w3id.org/stcoop/id/place/> .\n"
        "@prefix stc: <https://w3id.org/stcoop/ontology#> .\n"
        "@prefix park: <https://w3id.org/stcoop/id/park/> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "park:beta dct:source source:001-beta ;\n"
        "\ta stc:Organisation , stc:Park ;\n"
        '\trdfs:label "Beta Park"@en ;\n'
        "\tstc:locatedIn place:china , place:suzhou ;\n"
        "\tstc:partnerOf park:alpha .\n")


def test_construct_ntriples(cli):
    out = ok(cli("query", "park-card", "-p", "park=park:beta", "-f", "nt"))
    assert out.splitlines()[:2] == [
        f"<{B}> <http://purl.org/dc/terms/source> <https://w3id.org/stcoop/id/source/001-beta> .",
        f"<{B}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/stcoop/ontology#Organisation> .",
    ]
    assert len(out.splitlines()) == 7


def test_construct_jsonld(cli):
    doc = json.loads(ok(cli("query", "park-card", "-p", "park=park:beta", "-f", "jsonld")))
    assert doc["@context"]["park"] == "https://w3id.org/stcoop/id/park/"
    [node] = doc["@graph"]
    assert node["@id"] == "park:beta"
    assert node["@type"] == ["stc:Organisation", "stc:Park"]
    assert node["stc:partnerOf"] == [{"@id": "park:alpha"}]


def test_ask_prints_and_sets_the_exit_status(cli):
    r = cli("query", "-e", "ASK { park:alpha a stc:Organisation }")
    assert (r.exit_code, r.stdout) == (0, "true\n")
    r = cli("query", "-e", "ASK { park:alpha a stc:Organisation }", "--asserted")
    assert (r.exit_code, r.stdout) == (1, "false\n")
    r = cli("query", "-e", "ASK { park:alpha a stc:Park }", "-f", "json")
    assert (r.exit_code, r.stdout) == (0, '{"head":{},"boolean":true}\n')


def test_asserted_leaves_the_inferences_out(cli):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert ok(cli("query", "-e", q, "-f", "csv")) == "n\r\n71\r\n"
    assert ok(cli("query", "-e", q, "-f", "csv", "--asserted")) == "n\r\n62\r\n"


def test_query_file(cli, tmp_path):
    f = tmp_path / "count.rq"
    f.write_text("# title: count parks\n# param: kind iri required  a class\nSELECT (COUNT(?x) AS ?n) ?kind WHERE { ?x a ?kind } GROUP BY ?kind\n")
    assert ok(cli("query", str(f), "-p", "kind=stc:Park", "-f", "csv")) == (
        "n,kind\r\n2,https://w3id.org/stcoop/ontology#Park\r\n")


# ---------------------------------------------------------------- errors
# what the user typed, and the one line kg query answers it with (exit 2, nothing on stdout)
ERRORS = {
    "unknown query name, close ones suggested": (
        ["prks"], "no saved query named 'prks'; did you mean parks or parks-since or park-places?"),
    "missing parameter named": (
        ["parks-since"], "missing required parameter 'year' (integer: The earliest year of establishment)"),
    "unknown parameter named": (["parks", "-p", "colour=red"], "unknown parameter 'colour' (this query takes: none)"),
    "inline parameter must be a variable": (
        ["-e", "SELECT ?s WHERE { ?s a stc:Park }", "-p", "x=1"],
        "unknown parameter 'x': the query has no variable ?x (variables: s)"),
    "bad integer parameter": (["parks-since", "-p", "year=20x0"], "parameter year: '20x0' is not a valid integer"),
    "bad IRI parameter": (
        ["park-places", "-p", "park=nope:alpha"],
        "parameter park: 'nope:alpha' is not an IRI or a CURIE with a project prefix (unknown prefix 'nope')"),
    "parameter naming no resource": (
        ["park-places", "-p", "park=park:gamma"], "parameter park: park:gamma names no resource of the graph"),
    "SPARQL syntax error shows where": (
        ["-e", "SELECT ?s WHERE {\n  ?s a stc:Park .\n  FILTER(?s = ) }"],
        "inline query:3:18: SPARQL syntax error: expected one of ABS, AVG, DAY, IRI, MAX, MD5, MIN, NOT, NOW, "
        "PREDICATE, STR, STRBEFORE, … — at: FILTER(?s = ) } «here»"),
    "SERVICE is refused": (
        ["-e", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
        "inline query:1:18: SERVICE is refused: queries never reach the network"),
    "FROM is refused": (
        ["-e", "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }"],
        "inline query:1:10: FROM / FROM NAMED are refused: queries run over the built graph (select a source "
        "graph with GRAPH <…> { … })"),
    "a name and an expression together": (
        ["parks", "-e", "ASK {}"], "give a saved query NAME, a .rq FILE, - (stdin), or -e SPARQL (exactly one)"),
}


@pytest.mark.parametrize("args,message", ERRORS.values(), ids=ERRORS)
def test_an_error_is_one_line_and_exit_2(cli, args, message):
    r = cli("query", *args)
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", f"kg: error: {message}\n")


def test_keywords_in_strings_iris_and_comments_are_not_refused(cli):
    q = ('# SERVICE FROM\nSELECT ?x WHERE { BIND("SERVICE from" AS ?x) '
         'FILTER(?x != <http://example.org/SERVICE>) }')
    assert ok(cli("query", "-e", q, "-f", "csv")) == "x\r\nSERVICE from\r\n"


def test_missing_build_is_built_on_first_use(mini_cli):
    assert not (mini_cli.project.build_dir / "current").exists()
    r = mini_cli("query", "parks", "-f", "csv")
    assert r.exit_code == 0
    assert ok(r).startswith("park,label,country\r\n")
    assert "kg: the build is missing or stale: building first\n" in r.stderr
    assert (mini_cli.project.build_dir / "current" / "manifest.json").is_file()


def test_stale_build_is_rebuilt_on_use(mini_cli):
    assert mini_cli("build", "-q").exit_code == 0
    p = mini_cli.project.home / "data" / "beta.trig"
    p.write_text(p.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))
    r = mini_cli("query", "parks", "-f", "csv")
    assert "Beta Science Park" in r.stdout


def test_cells_hold_one_line_and_terms_are_written_as_turtle():
    import pyoxigraph as ox

    from kg.results import cell, render_table

    assert render_table(["a"], [(ox.Literal("one\rtwo\tthree\x1b[31m"),)]).splitlines()[2] == "one two three [31m"
    assert cell(ox.Literal('say "hi"'), terms=True) == '"say \\"hi\\""'
    assert cell(ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), terms=True) == \
        '"5"^^xsd:integer'
