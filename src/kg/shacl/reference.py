"""What kg.shacl leaves to pyshacl, the reference, and pyshacl itself as an engine.

kg.shacl implements SHACL Core, SPARQL-based constraints and SPARQL-based targets.  Shapes graphs that
use more -- custom constraint components (SPARQL- or JS-based), SHACL-AF rules, functions, custom target
types and node expressions, SHACL-JS -- are validated by pyshacl instead, and the answer says so in one
line (as kg.reason hands OWL to owlrl)."""

from __future__ import annotations

from kg.shacl.graph import ShapesGraph, name, sh

# sh: classes and properties only SHACL-AF and SHACL-JS define (and which kg.shacl does not implement)
ADVANCED_CLASSES = ("ConstraintComponent", "SPARQLFunction", "Function", "TargetType", "SPARQLTargetType",
                    "JSTarget", "JSTargetType", "JSConstraint", "JSFunction", "JSRule", "SPARQLRule",
                    "TripleRule", "SPARQLAskValidator", "SPARQLSelectValidator", "JSValidator")
ADVANCED_PREDICATES = ("rule", "parameter", "validator", "nodeValidator", "propertyValidator", "js",
                       "jsFunctionName", "jsLibrary", "expression", "values", "condition", "filterShape")


def needs_reference(sg: ShapesGraph) -> str | None:
    """Why the shapes graph needs pyshacl (a phrase naming the first feature found), or None."""
    for local in ADVANCED_CLASSES:
        for node in sg.instances_of(sh(local)):
            if local == "ConstraintComponent":
                return f"{name(node)} is a custom constraint component"
            return f"{name(node)} is a sh:{local} (SHACL-AF/SHACL-JS)"
    for local in ADVANCED_PREDICATES:
        subjects = sg.subjects(sh(local))
        if subjects:
            return f"{name(subjects[0])} uses sh:{local} (SHACL-AF/SHACL-JS)"
    for shape, target in sg.pos.get(sh("target"), ()):
        if not sg.objects(target, sh("select")):
            return f"{name(shape)} has a sh:target that is not a SPARQL-based target (a custom target type)"
    return None


def _graphs(data_triples, shapes_quads):
    from kg.load import rdflib_graph

    return rdflib_graph(list(data_triples)), rdflib_graph(list(shapes_quads))


def validate_graph(data_triples, shapes_quads, allow_warnings: bool = False):
    """pyshacl's report: (conforms, its results graph as rdflib.Graph).  A shapes graph pyshacl cannot use
    is a DataError."""
    from kg.validate import pyshacl_report

    data, shapes = _graphs(data_triples, shapes_quads)
    return pyshacl_report(data, shapes, "pyshacl", allow_warnings=allow_warnings)


def issues_with_components(data_triples, shapes_quads, origin: str) -> list[tuple]:
    """(kg.report.Issue, component IRI) pairs from pyshacl called as the build calls it
    (kg.validate.shacl_issues: allow_warnings), for shapes kg.shacl leaves to the reference."""
    from kg.validate import report_issues

    _conforms, report = validate_graph(data_triples, shapes_quads, allow_warnings=True)
    return report_issues(report, origin)
