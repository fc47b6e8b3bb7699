"""The Jena SHACL helpers of tests/helpers/thirdparty.py on tiny files.

``jena_shacl_validate`` (the ``shacl validate`` command) and ``jena_shacl_batch``
(tests/helpers/jena/ShaclBatch.java, many validations in one JVM) must report what Jena
finds, conforming or not, keep blank node labels (the batch), and fail loudly on
input they cannot use, so that tests/engines/test_shacl_engines.py can trust them. Like
tests/harness/test_thirdparty_tools.py, this does not import the kg package.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.thirdparty import (
    ToolError,
    jena_shacl_batch,
    jena_shacl_validate,
    requires_jena_shacl,
    requires_jena_shacl_batch,
)

pytestmark = pytest.mark.slow  # a JVM per call of Jena's shacl

SH = "http://www.w3.org/ns/shacl#"
EX = "http://example.org/kg-test#"

SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/kg-test#> .

ex:PersonShape a sh:NodeShape ;
    sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A person needs a name."@en ] .
"""

DATA = """\
@prefix ex: <http://example.org/kg-test#> .

ex:alice a ex:Person .
ex:bob a ex:Person ; ex:name "Bob" .
"""

CONFORMING = """\
@prefix ex: <http://example.org/kg-test#> .

ex:bob a ex:Person ; ex:name "Bob" .
"""

BLANK = """\
_:k1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/kg-test#Person> .
"""

BROKEN_SHAPES = SHAPES + "ex:oops ex:oops .\nex:also sh:path [ \n"  # a Turtle syntax error


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def results(report) -> list[tuple]:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    S = lambda x: URIRef(SH + x)  # noqa: E731
    return sorted((report.value(r, S("focusNode")), report.value(r, S("resultPath")),
                   report.value(r, S("resultMessage"))) for r in report.subjects(RDF.type, S("ValidationResult")))


def conforms(report) -> bool:
    from rdflib import URIRef

    values = list(report.objects(None, URIRef(SH + "conforms")))
    assert len(values) == 1, values
    return values[0].toPython()


@requires_jena_shacl
def test_command_reports_the_violation(tmp_path):
    from rdflib import Literal, URIRef

    report = jena_shacl_validate(write(tmp_path, "data.ttl", DATA), write(tmp_path, "shapes.ttl", SHAPES))
    assert not conforms(report)
    assert results(report) == [(URIRef(EX + "alice"), URIRef(EX + "name"), Literal("A person needs a name.", lang="en"))]


@requires_jena_shacl
def test_command_on_conforming_data(tmp_path):
    report = jena_shacl_validate(write(tmp_path, "data.ttl", CONFORMING), write(tmp_path, "shapes.ttl", SHAPES))
    assert conforms(report) and results(report) == []


@requires_jena_shacl
def test_command_refuses_broken_shapes_and_missing_files(tmp_path):
    data = write(tmp_path, "data.ttl", DATA)
    with pytest.raises(ToolError):
        jena_shacl_validate(data, write(tmp_path, "shapes.ttl", BROKEN_SHAPES))
    with pytest.raises(FileNotFoundError):  # never handed to Jena, which would take it for a URL
        jena_shacl_validate(tmp_path / "absent.ttl", write(tmp_path, "shapes2.ttl", SHAPES))


@requires_jena_shacl_batch
def test_batch_reports_each_pair_and_keeps_blank_node_labels(tmp_path):
    from rdflib import BNode, URIRef

    shapes, broken = write(tmp_path, "shapes.ttl", SHAPES), write(tmp_path, "broken.ttl", BROKEN_SHAPES)
    pairs = [(shapes, write(tmp_path, "data.ttl", DATA)), (broken, write(tmp_path, "d2.ttl", DATA)),
             (shapes, write(tmp_path, "blank.nt", BLANK)), (shapes, write(tmp_path, "ok.ttl", CONFORMING))]
    work = tmp_path / "batch"
    work.mkdir()
    reports = jena_shacl_batch(pairs, work).reports()
    assert len(reports) == 4
    assert [r[0] for r in results(reports[0])] == [URIRef(EX + "alice")]
    assert results(reports[0]) == results(jena_shacl_validate(pairs[0][1], shapes))  # what the command says
    assert isinstance(reports[1], ToolError)  # the pair Jena cannot use, and the batch goes on
    assert [r[0] for r in results(reports[2])] == [BNode("k1")]  # the data's label, not a new one
    assert conforms(reports[3]) and results(reports[3]) == []
