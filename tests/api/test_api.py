"""The Python API (kg.api; docs/PYTHON.md): kg.open finds the working copy as the command does, each Graph
method does what its command does, rows are dicts of Python values (one rule per datatype), tables come
from the optional extras, errors are KgErrors with the command's messages, and ``import kg`` stays cheap."""

from __future__ import annotations

import datetime
import json
import logging
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from helpers.paths import ROOT
from kg.api import Rows, Triples, python_value
from kg.errors import (
    BuildError,
    KgError,
    MissingExtraError,
    NotFoundError,
    ParamError,
    ProjectError,
    QueryError,
    UnknownQueryError,
)

SRC = ROOT / "src"
ID = "https://w3id.org/stcoop/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture
def graph(built_mini):
    return kg.open(built_mini.home, built_mini.build_dir)


# ------------------------------------------------------------------ opening
def test_import_kg_imports_nothing_heavy():
    code = "import kg, sys; print(sorted(m for m in ('pyoxigraph', 'rdflib', 'pyshacl', 'owlrl', 'click', 'pandas') " \
           "if m in sys.modules)); print(kg.open, kg.Graph, kg.Rows, kg.Triples)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(SRC)}).stdout.splitlines()
    assert out[0] == "[]"
    assert "kg.api.Graph" in out[1]


def test_open_finds_the_working_copy_as_the_command_does(built_mini, monkeypatch, tmp_path):
    from kg.project import locate

    monkeypatch.setenv("KG_HOME", str(built_mini.home))
    monkeypatch.setenv("KG_BUILD_DIR", str(built_mini.build_dir))
    graph = kg.open()
    assert isinstance(graph, kg.Graph)
    assert (graph.home, graph.build_dir) == (locate().home, locate().build_dir) == (built_mini.home,
                                                                                     built_mini.build_dir)
    assert kg.open(built_mini.home, tmp_path / "elsewhere").build_dir == tmp_path / "elsewhere"
    with pytest.raises(ProjectError, match="is not a kg working copy"):
        kg.open(tmp_path)


def test_without_build_if_stale_a_missing_build_is_an_error(mini):
    graph = kg.open(mini.home, mini.build_dir, build_if_stale=False)
    with pytest.raises(BuildError, match="there is no build"):
        graph.query("parks")


def test_a_stale_build_answers_with_a_warning_in_the_log(mini, caplog):
    kg.open(mini.home, mini.build_dir).build()
    data = mini.home / "data" / "beta.trig"
    data.write_text(data.read_text(encoding="utf-8").replace("Beta Park", "Beta Science Park"), encoding="utf-8")
    stale = kg.open(mini.home, mini.build_dir, build_if_stale=False)
    with caplog.at_level(logging.INFO, logger="kg"):
        labels = [row["label"] for row in stale.query("parks")]
    assert labels == ["Alpha Park", "Beta Park"]
    assert any(r.levelno == logging.WARNING and "the inputs changed since the build" in r.message
               for r in caplog.records)
    fresh = kg.open(mini.home, mini.build_dir)  # builds first, as kg query does
    assert [row["label"] for row in fresh.query("parks")] == ["Alpha Park", "Beta Science Park"]


# ------------------------------------------------------------------ queries
def test_a_saved_query_gives_rows_as_dicts(graph):
    rows = graph.query("parks")
    assert isinstance(rows, Rows) and len(rows) == 2 and rows
    assert rows.variables == ["park", "label", "country"]
    assert list(rows) == [
        {"park": ID + "park/alpha", "label": "Alpha Park", "country": ID + "place/china"},
        {"park": ID + "park/beta", "label": "Beta Park", "country": ID + "place/china"},
    ]
    assert rows[1]["label"] == "Beta Park" and rows[-1] == rows[1] and rows[:1] == [rows[0]]
    terms = rows.terms()
    assert terms[0]["park"] == ox.NamedNode(ID + "park/alpha")
    assert terms[0]["label"] == ox.Literal("Alpha Park", language="en")


def test_parameters_as_text_are_read_as_the_command_reads_them(graph):
    assert [r["place"] for r in graph.query("park-places", park="park:alpha")] == [ID + "place/china",
                                                                                   ID + "place/suzhou"]
    assert len(graph.query("park-places", park=f"<{ID}park/beta>")) == 2
    assert len(graph.query("park-places")) == 4  # an optional parameter left out


def test_parameters_as_python_values_and_terms(graph):
    by_text, by_int = graph.query("parks-since", year="2000"), graph.query("parks-since", year=2000)
    assert list(by_text) == list(by_int) == [{"park": ID + "park/alpha", "established": "2010", "year": 2000}]
    assert graph.query("parks-since", year=ox.Literal("2011", datatype=ox.NamedNode(XSD + "integer"))).variables
    assert len(graph.query("park-places", park=ox.NamedNode(ID + "park/alpha"))) == 2
    text = "SELECT ?v WHERE { BIND(?x AS ?v) }"
    assert graph.query(text, x=Decimal("2.50"))[0]["v"] == Decimal("2.5")
    assert graph.query(text, x=2.5)[0]["v"] == 2.5
    assert graph.query(text, x=True)[0]["v"] is True
    assert graph.query(text, x=datetime.date(2020, 2, 29))[0]["v"] == datetime.date(2020, 2, 29)
    moment = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert graph.query(text, x=moment)[0]["v"] == moment
    assert graph.query(text, x='"Zürich"@de').terms()[0]["v"] == ox.Literal("Zürich", language="de")


@pytest.mark.parametrize("value, message", [
    (2000.5, "is not a valid integer"),
    (True, "is not a valid integer"),
    ("MMX", "is not a valid integer"),
    (datetime.date(2000, 1, 1), "is not a valid integer"),
    ([2000], "a list is not a value a query takes"),
])
def test_a_parameter_of_the_wrong_type_is_a_param_error(graph, value, message):
    with pytest.raises(ParamError, match=message):
        graph.query("parks-since", year=value)


def test_parameter_errors_name_the_parameter(graph):
    with pytest.raises(ParamError, match="missing required parameter 'year'"):
        graph.query("parks-since")
    with pytest.raises(ParamError, match="unknown parameter 'since'.*takes: year"):
        graph.query("parks-since", since=2000)
    with pytest.raises(ParamError, match="unknown prefix 'nope'"):
        graph.query("park-places", park="nope:alpha")
    with pytest.raises(ParamError, match="names no resource of the graph"):
        graph.query("park-places", park="park:gamma")
    with pytest.raises(ParamError, match="the query has no variable \\?y"):
        graph.query("SELECT ?x WHERE { ?x ?p ?o }", y=1)
    with pytest.raises(ParamError, match="a BlankNode is not a value"):
        graph.query("SELECT ?x WHERE { ?x ?p ?o }", x=ox.BlankNode())


def test_query_errors_are_kg_errors_with_the_commands_messages(graph):
    with pytest.raises(UnknownQueryError, match="no saved query named 'park'; did you mean parks"):
        graph.query("park")
    with pytest.raises(QueryError, match="inline query:1:"):
        graph.query("SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(KgError, match="DELETE is SPARQL Update, and the built store is read-only"):
        graph.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(KgError, match="empty"):
        graph.query("  ")


def test_ask_gives_a_bool_and_construct_gives_triples(graph):
    assert graph.query("ASK { ?park a stc:Park }") is True
    assert graph.query("ASK { ?park stc:locatedIn ?place }", park="park:alpha", place="place:china") is True
    assert graph.query("ASK { ?park a stc:Country }", park="park:alpha") is False
    card = graph.query("park-card", park="park:alpha")
    assert isinstance(card, Triples) and len(card) >= 3
    assert all(t.subject == ox.NamedNode(ID + "park/alpha") for t in card)
    assert card[0] in list(card)
    parsed = ox.parse(card.serialize("turtle"), format=ox.RdfFormat.TURTLE)
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in parsed} == set(card)
    assert card.serialize("nt").count(b"\n") == len(card)


def test_a_path_runs_a_query_file(graph, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?park a stc:Park }\n", encoding="utf-8")
    assert graph.query(path)[0] == {"n": 2}


def test_rows_serialize_as_the_command_prints_them(graph, cli):
    out = cli("query", "parks-since", "--param", "year=2000", "--format", "json")
    assert out.exit_code == 0
    assert json.loads(graph.query("parks-since", year=2000).serialize("json")) == json.loads(out.stdout)


def test_the_command_and_the_api_bind_through_one_function(graph, cli, monkeypatch):
    """kg query and Graph.query both reach kg.params.bind_params through kg.query.run."""
    import kg.params

    seen = []
    real = kg.params.bind_params

    def spy(text, params, declared=None, store=None):
        seen.append(dict(params))
        return real(text, params, declared=declared, store=store)

    monkeypatch.setattr(kg.params, "bind_params", spy)
    graph.query("parks-since", year=2000)
    assert cli("query", "parks-since", "--param", "year=2000").exit_code == 0
    assert seen == [{"year": 2000}, {"year": "2000"}]


def test_the_graph_keeps_its_store_open_between_queries(graph):
    first = graph._answering()
    graph.query("parks")
    assert graph._answering() is first


# ------------------------------------------------------------------ values
def _lit(text, datatype=None, language=None):
    if language:
        return ox.Literal(text, language=language)
    return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype)) if datatype else ox.Literal(text)


@pytest.mark.parametrize("term, value", [
    (None, None),
    (ox.NamedNode(ID + "park/alpha"), ID + "park/alpha"),
    (ox.BlankNode("b0"), "_:b0"),
    (_lit("42", "integer"), 42),
    (_lit("-7", "int"), -7),
    (_lit("12345678901234567890", "long"), 12345678901234567890),
    (_lit("3", "nonNegativeInteger"), 3),
    (_lit("2.50", "decimal"), Decimal("2.50")),
    (_lit("1.5E3", "double"), 1500.0),
    (_lit("0.25", "float"), 0.25),
    (_lit("true", "boolean"), True),
    (_lit("0", "boolean"), False),
    (_lit("2018-12-15", "date"), datetime.date(2018, 12, 15)),
    (_lit("2018-12-15T10:30:00", "dateTime"), datetime.datetime(2018, 12, 15, 10, 30)),
    (_lit("10:30:00", "time"), datetime.time(10, 30)),
    (_lit("2018", "gYear"), "2018"),
    (_lit("2018-12", "gYearMonth"), "2018-12"),
    (_lit("P1Y", "duration"), "P1Y"),
    (_lit("plain"), "plain"),
    (_lit("Park", language="en"), "Park"),
    (_lit("2018-12-15Z", "date"), "2018-12-15Z"),  # datetime.date holds no time zone: the lexical form
    (_lit("many", "integer"), "many"),  # ill-formed: the lexical form
])
def test_each_datatype_has_its_python_value(term, value):
    got = python_value(term)
    assert got == value and type(got) is type(value)


def test_values_from_the_store_convert(graph):
    rows = graph.query('SELECT ?a ?b ?c ?d ?e ?f ?g WHERE { VALUES (?a ?b ?c ?d ?e ?f ?g) { (1 2.5 1e0 true '
                       '"2020-01-02"^^xsd:date "x"@en park:alpha) } OPTIONAL { ?nothing ?h ?i } }')
    assert rows[0] == {"a": 1, "b": Decimal("2.5"), "c": 1.0, "d": True, "e": datetime.date(2020, 1, 2), "f": "x",
                       "g": ID + "park/alpha"}
    unbound = graph.query("SELECT ?x ?y WHERE { BIND(1 AS ?x) OPTIONAL { ?y ?p ?o FILTER(false) } }")
    assert list(unbound) == [{"x": 1, "y": None}]


MIXED = ('SELECT ?n ?m ?k WHERE { VALUES (?n ?m ?k) { (1 1 1) (2.5 2.5e0 park:alpha) (UNDEF UNDEF "2020"^^xsd:gYear) '
         '(3 3 true) } }')


def test_a_column_holds_one_kind_of_value(graph):
    columns = graph.query(MIXED).columns()
    assert columns["n"] == [Decimal(1), Decimal("2.5"), None, Decimal(3)]  # integers and decimals: Decimal
    assert columns["m"] == [1.0, 2.5, None, 3.0] and type(columns["m"][0]) is float  # with a double: float
    assert columns["k"] == ["1", ID + "park/alpha", "2020", "true"]  # mixed kinds: text


# ------------------------------------------------------------------ tables
def test_to_pandas(graph):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install 'stcoop-kg[pandas]')")
    frame = graph.query("parks").to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["park", "label", "country"]
    assert frame["label"].tolist() == ["Alpha Park", "Beta Park"]
    numbers = graph.query("parks-since", year=2000).to_pandas()
    assert numbers["year"].tolist() == [2000] and str(numbers["year"].dtype) == "int64"
    empty = graph.query("SELECT ?x ?y WHERE { ?x ?y 1234567 }").to_pandas()
    assert list(empty.columns) == ["x", "y"] and len(empty) == 0
    assert graph.query(MIXED).to_pandas()["k"].tolist() == ["1", ID + "park/alpha", "2020", "true"]


def test_to_polars(graph):
    pl = pytest.importorskip("polars", reason="polars is not installed (pip install 'stcoop-kg[polars]')")
    frame = graph.query("parks-since", year=2000).to_polars()
    assert isinstance(frame, pl.DataFrame) and frame.columns == ["park", "established", "year"]
    assert frame["year"].to_list() == [2000] and frame["park"].to_list() == [ID + "park/alpha"]
    big = graph.query("SELECT ?n WHERE { VALUES ?n { 1 123456789012345678901234567890 } }").to_polars()
    assert big["n"].to_list() == ["1", "123456789012345678901234567890"]  # beyond 64 bits: text


def test_to_arrow(graph):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'stcoop-kg[arrow]')")
    table = graph.query("SELECT ?d ?n WHERE { VALUES (?d ?n) { (\"2020-01-02\"^^xsd:date 2.5) } }").to_arrow()
    assert isinstance(table, pa.Table) and table.column_names == ["d", "n"]
    assert table.to_pylist() == [{"d": datetime.date(2020, 1, 2), "n": Decimal("2.5")}]
    big = graph.query("SELECT ?n WHERE { VALUES ?n { 1 123456789012345678901234567890 } }").to_arrow()
    assert big.column("n").to_pylist() == ["1", "123456789012345678901234567890"]


@pytest.mark.parametrize("method, module, extra", [("to_pandas", "pandas", "pandas"), ("to_polars", "polars", "polars"),
                                                   ("to_arrow", "pyarrow", "arrow")])
def test_a_missing_extra_is_a_kg_error_naming_it(graph, monkeypatch, method, module, extra):
    monkeypatch.setitem(sys.modules, module, None)  # import fails as when it is not installed
    with pytest.raises(MissingExtraError, match=f"needs {module}, which is not installed: pip install 'stcoop-kg\\[{extra}\\]'"):
        getattr(graph.query("parks"), method)()


# ------------------------------------------------------------------ the other commands
def test_queries_is_the_catalogue(graph):
    listed = graph.queries()
    assert [q.name for q in listed] == ["park-card", "park-places", "parks", "parks-since", "no-unlabelled-place"]
    assert [q.is_check for q in listed] == [False] * 4 + [True]
    since = listed[3]
    assert since.title == "Parks established in or after a year"
    assert [(p.name, p.type, p.required) for p in since.params] == [("year", "integer", True)]


def test_describe(graph):
    alpha = graph.describe("park:alpha")
    assert alpha.iri == ID + "park/alpha" and alpha.label == "Alpha Park"
    assert graph.describe("Alpha Park").iri == alpha.iri
    assert any(p.value.endswith("locatedIn") for p, _o, _g in alpha.statements)
    with pytest.raises(NotFoundError):
        graph.describe("Gamma Park")


def test_stats(graph):
    from kg.stats import stats

    counts = graph.stats()
    assert counts == stats(graph.project)
    assert counts["triples"]["total"] == counts["triples"]["asserted"] + counts["triples"]["inferred"] > 0


def test_validate_build_and_export(mini, tmp_path):
    graph = kg.open(mini.home, mini.build_dir)
    built = graph.build()
    assert built.conforms and built.rebuilt
    assert graph.build().rebuilt is False
    assert graph.build(force=True).rebuilt is True
    report = graph.validate()
    assert report.conforms and report.counts()["Violation"] == 0
    written = graph.export(tmp_path / "dist", only=["nt"])
    assert [Path(p).name for p, _ in written] == ["kg.nt", "void.ttl", "SHA256SUMS"]
    assert all(size == Path(p).stat().st_size for p, size in written)


def test_load_sends_the_build_to_a_store_as_the_command_does(graph, cli, tmp_path):
    from helpers import stores as st

    st.need_store("oxigraph")
    server = st.start_oxigraph(tmp_path)
    try:
        loaded = graph.load(server.writer.url, graph_store=server.writer.graph_store_url, connections=2)
        again = cli("load", "--endpoint", server.writer.url, "--graph-store", server.writer.graph_store_url)
        assert again.exit_code == 0, again.stderr
        assert again.stdout.startswith(f"loaded {len(loaded)} graphs, {sum(g.triples for g in loaded)} triples")
        with server.store() as store:
            assert store.graph_sizes([g.graph for g in loaded]) == {g.graph: g.triples for g in loaded}
        rows = graph.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert rows[0]["n"] == sum(g.triples for g in loaded)
    finally:
        server.stop()


def test_a_build_that_does_not_conform_is_reported(mini):
    data = mini.home / "data" / "beta.trig"
    text = data.read_text(encoding="utf-8")
    assert text.count("stc:partnerOf park:alpha .") == 1
    data.write_text(text.replace("stc:partnerOf park:alpha .", "stc:partnerOf park:alpha ; stc:locatedIn place:nowhere ."),
                    encoding="utf-8")
    graph = kg.open(mini.home, mini.build_dir)
    assert graph.build().conforms is False
    report = graph.validate()
    assert not report.conforms and any(i.focus == ID + "place/nowhere" for i in report.issues)


def test_a_term_the_graph_never_uses_is_a_warning_in_the_log(graph, caplog):
    with caplog.at_level(logging.INFO, logger="kg"):
        rows = graph.query("SELECT ?s WHERE { ?s stc:nope ?o }")
    assert len(rows) == 0
    assert any(r.levelno == logging.WARNING and "stc:nope is used nowhere in the graph" in r.message
               for r in caplog.records)
