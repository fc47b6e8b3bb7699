"""``kg shacl``: any RDF files against SHACL shapes, a standard sh:ValidationReport on stdout (Turtle,
JSON-LD or JSON), exit 0 when the data conforms, 1 when it does not, 2 for bad use or input (one
``kg: error:`` line); W3C test suite files (tests/w3c/shacl) as the examples."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import shacl
from kg.cli import main
from kg.errors import EXIT_INPUT, EXIT_NEGATIVE
from helpers.w3c_shacl import cases, same_report

BY_NAME = {c.name: c for c in cases()}


def kg_shacl(*args):
    return CliRunner().invoke(main, ["shacl", *args], catch_exceptions=False)


@pytest.mark.parametrize("name,fmt", [("core/node/class-001", "turtle"), ("core/path/path-sequence-001", "turtle"),
                                      ("core/misc/message-001", "jsonld"), ("sparql/pre-binding/pre-binding-003", "turtle"),
                                      ("core/property/uniqueLang-002", "turtle"), ("core/complex/personexample", "json")])
def test_through_the_command_line(name, fmt):
    case = BY_NAME[name]
    r = kg_shacl("--data", str(case.data), "--shapes", str(case.shapes), "--format", fmt)
    conforms = any(t.predicate.value.endswith("#conforms") and t.object.value == "true" for t in case.expected)
    assert r.exit_code == (0 if conforms else EXIT_NEGATIVE), r.stderr
    assert r.stderr == ""
    if fmt == "json":
        doc = json.loads(r.stdout)
        assert doc["conforms"] == conforms and doc["engine"] == "kg.shacl"
        assert len(doc["results"]) == sum(1 for t in case.expected if t.predicate.value.endswith("#result"))
        return
    rdf = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.JSON_LD
    assert same_report([ox.Triple(q.subject, q.predicate, q.object)
                        for q in ox.parse(r.stdout.encode(), format=rdf)], case.expected)


def test_a_delegated_test_says_so_on_stderr():
    case = BY_NAME["sparql/component/validator-001"]
    r = kg_shacl("--data", str(case.data), "--shapes", str(case.shapes))
    assert r.exit_code == EXIT_NEGATIVE
    assert r.stderr.startswith("kg: validated with pyshacl, the reference: ") and r.stderr.count("\n") == 1
    assert "custom constraint component" in r.stderr
    assert kg_shacl("-q", "--data", str(case.data), "--shapes", str(case.shapes)).stderr == ""


@pytest.mark.parametrize("name", ["sparql/pre-binding/unsupported-sparql-001", "sparql/pre-binding/pre-binding-006"])
def test_a_failure_is_one_error_line(name):
    case = BY_NAME[name]
    r = kg_shacl("--data", str(case.data), "--shapes", str(case.shapes))
    assert r.exit_code == EXIT_INPUT and r.stdout == ""
    assert r.stderr.startswith("kg: error: SHACL shapes (") and r.stderr.count("\n") == 1
    assert "TestShape" in r.stderr  # names the shape


def test_the_reference_engine():
    case = BY_NAME["core/property/datatype-001"]
    r = kg_shacl("--engine", "reference", "--data", str(case.data), "--shapes", str(case.shapes), "-f", "json")
    assert r.exit_code == EXIT_NEGATIVE and '"engine": "pyshacl"' in r.stdout
    report = shacl.validate_files([case.data], [case.shapes], engine="reference")
    assert same_report(report.triples, case.expected)


def test_usage_and_input_errors_are_one_line(tmp_path):
    case = BY_NAME["core/node/class-001"]
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "bad.ttl").write_text("<a> <b> .")
    for args, expected in (((), "needs --data FILE and --shapes FILE"),
                           (("--data", str(case.data)), "needs --data FILE and --shapes FILE"),
                           (("--data", str(tmp_path / "missing.ttl"), "--shapes", str(case.shapes)), "cannot read"),
                           (("--data", str(tmp_path / "notes.md"), "--shapes", str(case.shapes)), "not an RDF file"),
                           (("--data", str(tmp_path / "bad.ttl"), "--shapes", str(case.shapes)), "bad.ttl:1:")):
        r = kg_shacl(*args)
        assert r.exit_code == EXIT_INPUT, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("kg: error: ") and r.stderr.count("\n") == 1 and expected in r.stderr, r.stderr
