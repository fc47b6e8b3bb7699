"""Offline and safe: building, validating, querying and exporting never touch
the network.  A guard fails on any socket connection or name lookup."""

from __future__ import annotations

import socket

import pytest

from helpers.knowledge import real_copy_has_data


def test_the_guard_works(no_network):
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(AssertionError):
        socket.socket().connect(("127.0.0.1", 9))


def test_everything_runs_offline(mini_cli, no_network, tmp_path):
    home = mini_cli.project.home
    # an owl:imports that must not be fetched
    (home / "ontology" / "imports.ttl").write_text(
        "<https://w3id.org/stcoop/ontology> <http://www.w3.org/2002/07/owl#imports> <http://example.org/other.ttl> .\n")
    r = mini_cli("build", "-q")
    assert r.exit_code == 0, r.stderr
    assert mini_cli("validate").exit_code == 0
    for args in (["parks"], ["park-places", "-p", "park=park:alpha", "-f", "json"], ["park-card", "-p", "park=park:beta"]):
        r = mini_cli("query", *args)
        assert r.exit_code == 0, r.stderr
    r = mini_cli("query", "-e", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert r.exit_code == 2 and "SERVICE is refused" in r.stderr
    r = mini_cli("query", "-e", "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }")
    assert r.exit_code == 2 and "FROM / FROM NAMED are refused" in r.stderr
    assert mini_cli("export", "-o", str(tmp_path / "dist")).exit_code == 0
    assert mini_cli("stats").exit_code == 0
    assert mini_cli("describe", "park:alpha").exit_code == 0
    assert no_network == []


def test_service_is_refused_before_any_connection(built_mini, no_network):
    from kg.errors import QueryError
    from kg.answering import open_store

    s = open_store(built_mini)
    with pytest.raises(QueryError, match="SERVICE"):
        s.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert no_network == []


@pytest.mark.skipif(not real_copy_has_data(), reason="the real working copy has no data yet")
def test_the_real_copy_builds_offline(no_network, tmp_path):
    from kg.build import build
    from kg.project import locate

    project = locate(None, tmp_path / "build")
    built = build(project)
    assert built.manifest["counts"]["asserted_statements"] > 0
    assert no_network == []
