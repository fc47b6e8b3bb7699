"""The static site of the real graph, generated once per test module (the ``site`` fixture, a pytest plugin
loaded by conftest.py), and the ontology's classes and properties read by rdflib (:func:`ontology_terms`):
what tests/publish/test_docs.py checks in the files and tests/publish/test_docs_chromium.py in Chromium."""

from __future__ import annotations

import pytest

from helpers.thirdparty import need_tool

STC = "https://w3id.org/stcoop/ontology#"
OWL = "http://www.w3.org/2002/07/owl#"


def ontology_terms(project) -> dict[str, set[str]]:
    """local name -> its OWL kinds, for every class and property of the ontology's namespace, read by rdflib."""
    import rdflib

    g = rdflib.Graph()
    for path in project.ontology_files():
        g.parse(path, format="turtle")
    kinds = {OWL + k for k in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty")}
    out: dict[str, set[str]] = {}
    for s, o in g.subject_objects(rdflib.RDF.type):
        if str(s).startswith(STC) and str(o) in kinds:
            out.setdefault(str(s)[len(STC):], set()).add(str(o)[len(OWL):])
    return out


@pytest.fixture(scope="module")
def site(real_project, tmp_path_factory):
    need_tool("graphviz")
    from kg.docs import generate

    out = tmp_path_factory.mktemp("docs") / "site"
    generate(real_project, out)
    return out
