"""One way to bind variables in a query text (kg.sparql.bind, kg.sparql.Prebinding), for saved-query parameters and for
SHACL's pre-bound $this / $currentShape / $shapesGraph: a VALUES block opens the outer group and every
group that uses a bound variable, so the value is seen everywhere, as SHACL 1.0 (5.6, values insertion)
defines pre-binding; pyoxigraph's own ``substitutions=`` misses ``bound(?v)`` and ``BIND(?v AS …)``."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.store import OxigraphStore
from kg.sparql import Prebinding, QueryScan, bind

A, B = ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b")
P = ox.NamedNode("urn:x:p")
BLANK = ox.BlankNode("k1")


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.extend([ox.Quad(A, P, ox.Literal("Label")), ox.Quad(B, P, ox.Literal("Other")),
              ox.Quad(BLANK, P, ox.Literal("Blank"))])
    return s


# (query, rows for $this = A): every one of them needs the value inside a nested group or an expression
EVERYWHERE = {
    "inner groups": ("SELECT $this WHERE { { { FILTER ($this = <urn:x:a>) } FILTER bound($this) } FILTER (true) }",
                     [("<urn:x:a>",)]),
    "BIND": ("SELECT $this ?that WHERE { BIND ($this AS ?that) FILTER (?that = <urn:x:a>) }",
             [("<urn:x:a>", "<urn:x:a>")]),
    "bound": ('SELECT $this WHERE { { FILTER (bound($this)) } $this <urn:x:p> "Label" . FILTER (bound($this)) }',
              [("<urn:x:a>",)]),
    "not projected": ("SELECT ?v WHERE { $this <urn:x:p> ?v }", [('"Label"',)]),
    "EXISTS": ("SELECT ?v WHERE { ?x <urn:x:p> ?v FILTER EXISTS { $this <urn:x:p> ?v } }", [('"Label"',)]),
    "sub-select": ("SELECT $this ?v WHERE { { SELECT $this ?v WHERE { $this <urn:x:p> ?v } } }",
                   [("<urn:x:a>", '"Label"')]),
    "OPTIONAL": ("SELECT $this ?v WHERE { OPTIONAL { $this <urn:x:p> ?v } }", [("<urn:x:a>", '"Label"')]),
}


@pytest.mark.parametrize("name", EVERYWHERE)
def test_a_prebound_variable_is_seen_everywhere(store, name):
    text, rows = EVERYWHERE[name]
    got = store.query(Prebinding(text, ["this"]).bind({"this": A}))
    assert [tuple(map(str, r)) for r in got] == rows


def test_a_blank_node_is_prebound_too(store):
    """Query text cannot name a blank node of the data: BNODE of its id is that node in Oxigraph."""
    text = "SELECT ?v WHERE { { FILTER (isBlank($this)) } $this <urn:x:p> ?v }"
    assert [r[0].value for r in store.query(Prebinding(text, ["this"]).bind({"this": BLANK}))] == ["Blank"]
    # the engine behaviour it rests on (if a pyoxigraph release changes it, this says so first)
    assert [r[0] for r in store.query('SELECT ?s WHERE { ?s ?p ?o FILTER (?s = BNODE("k1")) }')] == [BLANK]


def test_outer_use_only_is_one_values_block_at_the_start_of_the_outer_group():
    text = "SELECT ?s ?o WHERE { ?s <urn:x:p> ?o OPTIONAL { ?o ?q ?r } } ORDER BY ?o"
    assert bind(text, {"s": A}) == ("SELECT ?s ?o WHERE { VALUES (?s) { (<urn:x:a>) }  ?s <urn:x:p> ?o "
                                    "OPTIONAL { ?o ?q ?r } } ORDER BY ?o")


@pytest.mark.parametrize("text", ["CONSTRUCT WHERE { ?s <urn:x:p> ?o }",
                                  "PREFIX x: <urn:x:> CONSTRUCT # { a comment\n WHERE { ?s x:p ?o . }"])
def test_construct_where_is_bound_as_the_query_it_abbreviates(store, text):
    """CONSTRUCT WHERE { P } has no group apart from its template: it is bound as CONSTRUCT { P } WHERE { P }
    (SPARQL 1.1, 16.2.4), which gives what substitution gives."""
    bound = bind(text, {"s": A})
    assert "} WHERE { VALUES (?s)" in bound
    expected = set(store.query(text, substitutions={ox.Variable("s"): A}))
    assert set(store.query(bound)) == expected and len(expected) == 1


@pytest.mark.parametrize("term, portable, message", [
    (BLANK, True, "parameter s: .*only IRIs and literals"),
    (ox.Triple(A, P, B), False, "parameter s: .*only IRIs, literals and blank nodes"),
])
def test_what_cannot_be_bound_is_named(term, portable, message):
    with pytest.raises(QueryError, match=message):
        bind("SELECT ?o WHERE { ?s <urn:x:p> ?o }", {"s": term}, portable=portable)


def test_a_saved_query_parameter_used_in_a_nested_expression_is_bound():
    """Before, a nested use fell back to pyoxigraph's substitution, which leaves bound(?s) false."""
    raw = ox.Store()
    raw.add(ox.Quad(A, P, ox.Literal("Label")))
    text = "SELECT ?s ?o WHERE { ?s <urn:x:p> ?o { FILTER (bound(?s)) } }"
    assert [tuple(map(str, r)) for r in OxigraphStore(raw).query(text, {"s": A}).rows] == [("<urn:x:a>", '"Label"')]
    assert list(raw.query(text, substitutions={ox.Variable("s"): A})) == []


def test_strings_iris_and_comments_are_not_read_as_groups():
    text = 'SELECT ?o WHERE { # { not a group\n ?s <urn:x:p#1> "{ ?this }" . ?s ?p ?o }'
    scan = QueryScan(text)
    assert len(scan.groups) == 1 and scan.groups[0].variables == {"s", "p", "o"}


def test_what_a_scan_sees():
    scan = QueryScan("PREFIX ex: <urn:ex:> SELECT $this (COUNT(*) AS ?n) WHERE { "
                     "{ SELECT * WHERE { FILTER ($this = ex:a) ?x ex:p ?y } } MINUS { ?x ex:q ?z } } GROUP BY $this")
    assert scan.as_variables == ["n"]
    assert {"MINUS", "SELECT", "WHERE"} <= set(scan.keywords)
    [sub] = scan.subselects
    assert sub.star and scan.in_scope(sub.where) == {"x", "y"}  # a FILTER does not make $this in-scope
    assert [g.kind for g in scan.groups] == ["group", "select", "group", "minus"]


def test_no_where_group_no_prebinding():
    with pytest.raises(QueryError, match="parameter s: .*WHERE group"):
        Prebinding("CONSTRUCT { ?s ?p ?o ", ["s"])
    with pytest.raises(QueryError, match="^q:1:22: SPARQL syntax error"):
        bind("CONSTRUCT { ?s ?p ?o ", {"s": A}, name="q")

    assert QueryScan("CONSTRUCT { ?s ?p ?o ").outer is None
    assert QueryScan("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").outer == 0


def test_describe_without_a_where_group_is_bound_in_one(store):
    bound = bind("DESCRIBE ?s LIMIT 5", {"s": A})
    assert bound.startswith("DESCRIBE ?s WHERE { VALUES (?s)") and bound.rstrip().endswith("LIMIT 5")
    assert {t.subject for t in store.query(bound)} == {A}


def test_a_variable_the_query_assigns_cannot_be_bound():
    with pytest.raises(QueryError, match=r"parameter x: the query gives \?x its value itself"):
        bind("SELECT ?x WHERE { BIND (<urn:x:a> AS ?x) }", {"x": A})
