"""The W3C SHACL test suite, core and SPARQL (tests/w3c/shacl, vendored as shipped with its licence):
every one of its 121 validate tests, file by file, through kg's public entry point
(kg.shacl.validate_files, which ``kg shacl`` calls; tests/cli/test_cli_shacl.py sends some through it).

kg.shacl passes them itself, but for the tests of custom constraint components, which it hands to
pyshacl, the reference, saying so (DELEGATED).  The reading of the suite and the comparison of reports
are in tests/helpers/w3c_shacl.py.
"""

from __future__ import annotations

import pytest

from kg import shacl
from helpers.w3c_shacl import DELEGATED, SUITE, cases, outcome

CASES = cases()
BY_NAME = {c.name: c for c in CASES}


def test_the_suite_is_all_there():
    assert len(CASES) == 121
    assert (SUITE / "LICENSE").read_text().count("W3C 3-clause BSD License") >= 1
    assert DELEGATED <= set(BY_NAME)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_w3c(name):
    engine, verdict = outcome(BY_NAME[name])
    assert verdict == "pass", verdict
    assert engine == ("pyshacl" if name in DELEGATED else "kg.shacl")


def test_any_rdf_syntax_and_each_file_its_own_base(tmp_path):
    """Data in N-Triples and RDF/XML, shapes in JSON-LD; relative IRIs are resolved against each file."""
    sh = "http://www.w3.org/ns/shacl#"
    (tmp_path / "a.nt").write_text('<http://example.org/x> <http://example.org/p> "1" .\n')
    (tmp_path / "b.rdf").write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/x"><ex:p>2</ex:p>'
        '</rdf:Description><rdf:Description rdf:about="y"><ex:p>3</ex:p><ex:p>4</ex:p></rdf:Description></rdf:RDF>')
    (tmp_path / "s.jsonld").write_text(
        f'{{"@id": "shape", "@type": "{sh}PropertyShape", "{sh}targetSubjectsOf": {{"@id": "http://example.org/p"}}, '
        f'"{sh}path": {{"@id": "http://example.org/p"}}, "{sh}maxCount": 1}}')
    report = shacl.validate_files([tmp_path / "a.nt", tmp_path / "b.rdf"], [tmp_path / "s.jsonld"])
    assert not report.conforms
    assert sorted(r["focusNode"] for r in report.results()) == [f"<{(tmp_path / 'y').as_uri()}>",
                                                                 "<http://example.org/x>"]
    assert {r["sourceShape"] for r in report.results()} == {f"<{(tmp_path / 'shape').as_uri()}>"}
