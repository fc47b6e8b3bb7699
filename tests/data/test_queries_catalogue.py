"""The saved queries of the real working copy: headers parse, parameters can
be bound, and every query runs on the real build (its examples too)."""

from __future__ import annotations

import shlex

import pytest

from helpers.knowledge import ROOT, real_copy_has_data
from kg.catalogue import Catalogue, parse_header
from kg.project import locate
from kg.sparql import query_form

pytestmark = pytest.mark.skipif(not real_copy_has_data(), reason="the real working copy has no data yet")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    from kg.build import build

    project = locate(ROOT, tmp_path_factory.mktemp("real-build"))
    build(project)
    return project


def catalogue():
    return Catalogue.of(locate(ROOT, ROOT / "build"))


def test_every_saved_query_has_a_title():
    cat = catalogue()
    assert cat.names()
    for q in cat.saved() + cat.checks():
        assert q.title, f"{q.name} has no '# title:' header"


def test_checks_are_named_no_and_select():
    for q in catalogue().checks():
        assert q.name.startswith("no-"), q.name
        assert query_form(q.text) == "SELECT", q.name


def test_every_saved_query_runs_on_the_real_build(real):
    from kg.query import QuerySpec, run

    cat = Catalogue.of(real)
    for q in cat.saved():
        for example in q.examples or [f"kg query {q.name}"]:
            args = shlex.split(example)
            params = {}
            for i, a in enumerate(args):
                if a in ("--param", "-p"):
                    k, _, v = args[i + 1].partition("=")
                    params[k] = v
            if any(p.required and p.name not in params for p in q.params):
                continue
            result = run(real, QuerySpec(q.name, q.text, q.params), params)
            assert result.kind in ("select", "ask", "graph")
            if result.kind == "select":
                assert result.rows is not None


def test_header_parser():
    h = parse_header("# title: T\n# description: D\n# param: park iri optional  Restrict, e.g. park:x\n"
                     "# example: kg query t\nSELECT * WHERE {}\n# title: not a header\n")
    assert h["title"] == "T" and h["description"] == "D"
    assert [(p.name, p.type, p.required, p.description) for p in h["params"]] == [
        ("park", "iri", False, "Restrict, e.g. park:x")]
    assert h["examples"] == ["kg query t"]


def test_a_query_by_name_reads_its_file_and_a_name_taken_twice_is_an_error(mini):
    """kg query NAME reads that one file (Catalogue.lookup); a name that a query and a check share, or an
    unknown one, gets the whole catalogue's error."""
    from kg.errors import DataError, UnknownQueryError

    project = mini
    assert Catalogue.lookup(project, "park-card").text == (mini.home / "queries" / "park-card.rq").read_text()
    assert Catalogue.lookup(project, "park-card").display == "queries/park-card.rq"
    with pytest.raises(UnknownQueryError, match="did you mean park-card"):
        Catalogue.lookup(project, "park-cards")
    (mini.home / "queries" / "checks" / "park-card.rq").write_text(
        "# title: twin\nSELECT ?focus ?value ?message WHERE { FILTER(false) }\n")
    with pytest.raises(DataError, match="the name 'park-card' is taken by"):
        Catalogue.lookup(project, "park-card")
