"""kg.owlrl's instance rules as SQL (kg.owlrl.sql): DuckDB here and Spark SQL in local mode give the
closure, inconsistencies and rounds kg.owlrl gives, on random ontologies in the subset it claims
(chains, transitive, symmetric and inverse properties, hierarchies) and on 100k generated statements."""

from __future__ import annotations

import random

import pytest
from helpers.owlrl_fuzz import RandomDraw, as_turtle, case
from helpers.thirdparty import need_tool

from kg import owlrl
from kg.owlrl import sql


def _same(quads, engine) -> None:
    try:
        expected = owlrl.closure(quads)
    except owlrl.Unsupported:
        return
    got = sql.closure(quads, engine)
    terms = lambda result: {tuple(result.graph.terms[i] for i in t) for t in result.inferred}  # noqa: E731
    assert terms(got) == terms(expected), as_turtle(quads)
    assert got.inconsistencies == expected.inconsistencies and got.errors == expected.errors
    assert got.rounds == expected.rounds


def test_the_plan_names_every_rule_and_chain():
    from kg.owlrl.schema import Schema

    schema = Schema(chains=[(9, (1, 2, 3)), (8, (4, 5))])
    queries = sql.rule_queries(schema, type_id=7)
    assert len(queries) == 8 + 3 + 2  # the rules, then one query per chain position
    assert sum("FROM delta" in q for q in queries) == 8 + 1 + 1  # a chain's first position reads delta first
    assert all(q.count("delta") == 1 for q in queries)


def test_duckdb_gives_kg_owlrls_closure_on_random_ontologies():
    engine = sql.DuckDB()
    for seed in range(120):
        _same(case(RandomDraw(random.Random(seed))), engine)


def _generated(tmp_path, triples: int):
    from pathlib import Path

    import pyoxigraph as ox

    from kg.generate import generate
    from kg.project import locate
    from kg.merge import merge

    root = Path(__file__).resolve().parents[2]
    generate(tmp_path / "generated", triples=triples, seed=3)
    quads = list(merge(locate(root)).quads)
    for path in sorted((tmp_path / "generated").glob("*.trig")):
        quads += ox.parse(path=str(path), format=ox.RdfFormat.TRIG)
    return quads


@pytest.mark.slow
def test_duckdb_gives_the_builds_closure_on_100k_generated_statements(tmp_path):
    _same(_generated(tmp_path, 100_000), sql.DuckDB())


@pytest.mark.slow
def test_spark_sql_in_local_mode_gives_the_builds_closure_on_100k_generated_statements(tmp_path):
    need_tool("spark")
    engine = sql.Spark("local[2]")
    try:
        _same(_generated(tmp_path, 100_000), engine)
        for seed in (3, 228):  # chains and transitive properties too
            _same(case(RandomDraw(random.Random(seed))), engine)
    finally:
        engine.stop()
