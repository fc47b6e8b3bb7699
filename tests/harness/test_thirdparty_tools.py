"""Tests of the third-party tool harness (tests/helpers/thirdparty.py) on tiny files.

These check that riot, rapper and HermiT really accept good input and really
reject bad input, so later tests that use them as independent consumers of
the project's files can be trusted.  They do not import the kg package.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import thirdparty as tp
from helpers.thirdparty import (
    ToolError,
    hermit_check,
    rapper_count,
    requires_hermit,
    requires_rapper,
    requires_riot,
    riot_count,
    riot_validate,
)

PREFIXES = """\
@prefix ex:   <http://example.org/kg-test#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
"""

VALID_TTL = PREFIXES + """
ex:alice ex:name "Alice" ;
         ex:age "42"^^xsd:integer ;
         ex:knows ex:bob .
"""

ILL_TYPED_TTL = PREFIXES + """
ex:alice ex:age "abc"^^xsd:integer .
"""

SYNTAX_ERROR_TTL = PREFIXES + """
ex:alice ex:knows  .
"""

VALID_NT = """\
<http://example.org/kg-test#alice> <http://example.org/kg-test#name> "Alice" .
<http://example.org/kg-test#alice> <http://example.org/kg-test#age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/kg-test#alice> <http://example.org/kg-test#knows> <http://example.org/kg-test#bob> .
"""

BAD_NT = """\
<http://example.org/kg-test#alice> <http://example.org/kg-test#name> "Alice
"""

ONTO_HEADER = PREFIXES + """
<http://example.org/kg-test> a owl:Ontology .
ex:Person a owl:Class .
ex:Organisation a owl:Class .
ex:Person owl:disjointWith ex:Organisation .
ex:Employee a owl:Class ; rdfs:subClassOf ex:Person .
ex:worksFor a owl:ObjectProperty ;
    rdfs:domain ex:Person ; rdfs:range ex:Organisation .
"""

CONSISTENT_ONTO = ONTO_HEADER + """
ex:alice a owl:NamedIndividual , ex:Employee .
ex:acme a owl:NamedIndividual , ex:Organisation .
ex:alice ex:worksFor ex:acme .
"""

INCONSISTENT_ONTO = ONTO_HEADER + """
ex:chimera a owl:NamedIndividual , ex:Person , ex:Organisation .
"""

UNSAT_CLASS_ONTO = ONTO_HEADER + """
ex:PersonOrg a owl:Class ; rdfs:subClassOf ex:Person , ex:Organisation .
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------- riot

@pytest.mark.slow
@requires_riot
@pytest.mark.parametrize("text,code,says", [
    pytest.param(VALID_TTL, 0, "", id="accepts valid turtle"),
    pytest.param(ILL_TYPED_TTL, 1, "not valid for datatype", id="rejects an ill-typed literal"),
    pytest.param(SYNTAX_ERROR_TTL, 1, "ERROR", id="rejects a syntax error"),
])
def test_riot_validate(tmp_path, text, code, says):
    proc = riot_validate(write(tmp_path, "in.ttl", text))
    assert proc.returncode == code, proc.stderr
    assert says in proc.stderr
    assert "ExceptionInInitializerError" not in proc.stderr  # the xerces work-around holds


@pytest.mark.slow
@requires_riot
def test_riot_count(tmp_path):
    assert riot_count(write(tmp_path, "ok.ttl", VALID_TTL)) == 3
    assert riot_count(write(tmp_path, "ok.nt", VALID_NT)) == 3


@requires_riot
def test_the_helpers_run_jena_with_the_class_path_kg_ships():
    from kg.stores import jena_classpath

    assert tp.jena_classpath() == jena_classpath()  # one mechanism: tests/publish/test_store_setup.py tests it


# ---------------------------------------------------------------- rapper

@requires_rapper
@pytest.mark.parametrize("name,text,syntax,count", [
    pytest.param("ok.ttl", VALID_TTL, "turtle", 3, id="turtle"),
    pytest.param("ok.nt", VALID_NT, "ntriples", 3, id="ntriples"),
    # Documented difference from riot: rapper accepts ill-typed literals.
    pytest.param("ill.ttl", ILL_TYPED_TTL, "turtle", 1, id="does not check lexical forms"),
])
def test_rapper_counts(tmp_path, name, text, syntax, count):
    assert rapper_count(write(tmp_path, name, text), syntax) == count


@requires_rapper
@pytest.mark.parametrize("name,text,syntax,says", [
    pytest.param("bad.ttl", SYNTAX_ERROR_TTL, "turtle", "syntax error", id="turtle"),
    pytest.param("bad.nt", BAD_NT, "ntriples", None, id="ntriples"),
])
def test_rapper_fails_on_bad_input(tmp_path, name, text, syntax, says):
    with pytest.raises(ToolError, match=says):
        rapper_count(write(tmp_path, name, text), syntax)


@requires_rapper
def test_rapper_missing_file_is_not_taken_for_a_url(tmp_path):
    with pytest.raises(FileNotFoundError):
        rapper_count(tmp_path / "does-not-exist.ttl", "turtle")


# ---------------------------------------------------------------- HermiT

@requires_hermit
@pytest.mark.parametrize("text,consistent,unsatisfiable", [
    pytest.param(CONSISTENT_ONTO, True, [], id="consistent"),
    pytest.param(INCONSISTENT_ONTO, False, None, id="an individual in disjoint classes"),
    pytest.param(UNSAT_CLASS_ONTO, True, ["http://example.org/kg-test#PersonOrg"], id="an unsatisfiable class"),
])
def test_hermit_check(tmp_path, text, consistent, unsatisfiable):
    got, unsat = hermit_check(write(tmp_path, "onto.ttl", text))
    assert got is consistent
    assert unsatisfiable is None or unsat == unsatisfiable  # not asked of an inconsistent one


@requires_hermit
def test_hermit_consistent_ntriples(tmp_path):
    import rdflib

    g = rdflib.Graph().parse(data=CONSISTENT_ONTO, format="turtle")
    nt = tmp_path / "onto.nt"
    g.serialize(destination=nt, format="nt", encoding="utf-8")
    assert hermit_check(nt) == (True, [])


@requires_hermit
def test_hermit_refuses_owl_imports(tmp_path):
    onto = CONSISTENT_ONTO + "\n<http://example.org/kg-test> owl:imports <http://example.invalid/other> .\n"
    path = write(tmp_path, "onto.ttl", onto)
    with pytest.raises(ValueError, match="owl:imports"):
        hermit_check(path)
    # Dropped on request; nothing is fetched.
    assert hermit_check(path, ignore_imports=True) == (True, [])


# ---------------------------------------------------------------- skip-or-fail rule

def test_need_tool_skips_locally_and_fails_in_ci(monkeypatch):
    monkeypatch.setattr(tp, "_missing_cached", lambda name: "pretend it is missing")
    monkeypatch.setattr(tp, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        tp.need_tool("riot")
    monkeypatch.setattr(tp, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception):
        tp.need_tool("riot")


def test_markers_never_skip_in_ci(monkeypatch):
    monkeypatch.setattr(tp, "_missing_cached", lambda name: "pretend it is missing")
    monkeypatch.setattr(tp, "IN_CI", False)
    assert tp._requires("rapper").args[0] is True
    monkeypatch.setattr(tp, "IN_CI", True)
    assert tp._requires("rapper").args[0] is False
    # ... and then the helper itself fails loudly instead of skipping.
    with pytest.raises(tp.ToolMissing, match="raptor2-utils"):
        tp.rapper_count(__file__, "turtle")


def test_markers_match_ci_env():
    assert tp.IN_CI == (os.environ.get("CI") == "true")
