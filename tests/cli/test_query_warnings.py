"""A term the graph never uses answers nothing and, before, said nothing: kg query warns on stderr with
the nearest terms the graph uses (kg.query.unknown_terms), and stays quiet for queries whose terms exist."""

from __future__ import annotations

import pytest

from helpers.cli import Cli
from helpers.knowledge import built_real


@pytest.fixture(scope="module")
def real_cli():
    return Cli(built_real())


def test_a_misspelt_property_is_named_with_the_nearest(real_cli):
    r = real_cli("query", "-e", "SELECT ?l WHERE { ?s skos:prefLable ?l }")
    assert r.exit_code == 0 and "(0 rows)" in r.stdout
    assert ("kg: warning: inline query: skos:prefLable is used nowhere in the graph; did you mean skos:prefLabel?"
            in r.stderr)


def test_a_misspelt_entity_is_named_with_entities_of_its_kind(real_cli):
    r = real_cli("query", "-e", "SELECT ?p WHERE { ?p stc:locatedIn place:chonqing }")
    assert "place:chonqing is used nowhere in the graph; did you mean place:chongqing" in r.stderr


def test_queries_whose_terms_exist_say_nothing(real_cli):
    from kg.catalogue import Catalogue
    from kg.query import unknown_terms
    from helpers.knowledge import real_store

    store = real_store()
    for query in Catalogue.of(built_real()).saved() + Catalogue.of(built_real()).checks():
        assert unknown_terms(store, query.text) == [], query.name
    r = real_cli("query", "-e", "SELECT ?g WHERE { GRAPH <https://w3id.org/stcoop/graph/inferred> { ?s a ?c } } LIMIT 1")
    assert "warning" not in r.stderr


@pytest.mark.parametrize("text, iris", [
    ("PREFIX ex: <urn:ex:> SELECT * WHERE { ?s ex:p <http://a.example/b> ; a stc:Park }",
     ["urn:ex:p", "http://a.example/b", "https://w3id.org/stcoop/ontology#Park"]),
    ('SELECT * WHERE { ?s ?p "stc:notATerm" } # stc:nor:this', []),
    ("BASE <http://base/> SELECT * WHERE { ?s <relative> ?o . ?s stc:x stc:y. }",
     ["https://w3id.org/stcoop/ontology#x", "https://w3id.org/stcoop/ontology#y"]),
    # a local name with escapes is the IRI without them; a relative namespace names nothing kg can check
    ("BASE <http://x/> PREFIX ex: <rel/> SELECT * { ?s ex:p ?o . ?s ?p park:a\\-b }",
     ["https://w3id.org/stcoop/id/park/a-b"]),
])
def test_the_terms_a_query_names(text, iris):
    from kg.sparql.text import mentioned_iris

    assert mentioned_iris(text) == iris


def test_a_query_with_escaped_names_still_answers(real_cli):
    r = real_cli("query", "-e", "SELECT * WHERE { ?s ?p park:a\\-b }", "--format", "csv")
    assert r.exit_code == 0 and "park:a-b is used nowhere in the graph" in r.stderr
