"""What kg.shacl leaves to pyshacl, the reference, and pyshacl itself as an engine.

kg.shacl implements SHACL Core, SPARQL-based constraints and SPARQL-based targets.  Shapes graphs that
use more -- custom constraint components (SPARQL- or JS-based), SHACL-AF rules, functions, custom target
types and node expressions, SHACL-JS -- are validated by pyshacl instead, and the answer says so in one
line (as kg.reason hands OWL to owlrl).  pyshacl's own report is read into kg's issues here too
(``shacl_issues``), for ``kg build --reference`` and for the tests that compare the engines."""

from __future__ import annotations

from kg import namespaces as ns
from kg.errors import DataError
from kg.report import Issue
from kg.shacl.graph import ShapesGraph, name, sh

SH = ns.PREFIXES["sh"]

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
    data, shapes = _graphs(data_triples, shapes_quads)
    return pyshacl_report(data, shapes, "pyshacl", allow_warnings=allow_warnings)


def issues_with_components(data_triples, shapes_quads, origin: str) -> list[tuple]:
    """(kg.report.Issue, component IRI) pairs from pyshacl called as the build calls it
    (kg.shacl.reference.shacl_issues: allow_warnings), for shapes kg.shacl leaves to the reference."""
    _conforms, report = validate_graph(data_triples, shapes_quads, allow_warnings=True)
    return report_issues(report, origin)


# ---------------------------------------------------------------- pyshacl's report as kg's issues
def _nt(term) -> str:
    """An rdflib term in N-Triples syntax."""
    return term.n3()


def _path_text(graph, path) -> str:
    """pyshacl's sh:resultPath as kg.shacl's results show paths."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.shacl.paths import render

    return render(path, lambda node: str(node) if isinstance(node, URIRef) else None,
                  lambda node, local: graph.value(node, RDF.first if local is None else URIRef(SH + local)),
                  graph.items, str)


def _focus_text(term) -> str:
    from rdflib import BNode

    return f"_:{term}" if isinstance(term, BNode) else str(term)


def pyshacl_report(data_graph, shapes_graph, origin: str, allow_warnings: bool = True):
    """pyshacl, the reference, called once for kg (rdflib graphs in): (conforms, its results graph).
    Shapes it cannot use are one DataError naming ``origin``."""
    from pyshacl import errors as shacl_errors
    from pyshacl import validate as shacl_validate

    broken = tuple(getattr(shacl_errors, n) for n in ("ShapeLoadError", "ConstraintLoadError",
                                                       "ReportableRuntimeError", "ValidationFailure")
                   if hasattr(shacl_errors, n))
    try:
        conforms, results, _text = shacl_validate(
            data_graph, shacl_graph=shapes_graph, inference="none", advanced=True,
            allow_warnings=allow_warnings, allow_infos=allow_warnings, abort_on_first=False, meta_shacl=False,
            js=False)
    except broken as exc:
        detail = " ".join(str(getattr(exc, "message", exc)).split())
        raise DataError(f"SHACL shapes ({origin}) cannot be used: {detail}") from None
    except NotImplementedError as exc:
        raise DataError(f"SHACL shapes ({origin}) cannot be used (pyshacl does not implement it): {exc}") from None
    except Exception as exc:  # noqa: BLE001 (pyshacl and rdflib raise bare exceptions on some shapes graphs)
        raise DataError(f"SHACL shapes ({origin}) cannot be used (pyshacl failed: {type(exc).__name__}: "
                        f"{' '.join(str(exc).split())})") from None
    if not hasattr(results, "subjects"):  # pyshacl's ValidationFailure: the shapes are broken
        detail = " ".join(str(getattr(results, "message", results)).split())
        raise DataError(f"SHACL shapes ({origin}) cannot be used: {detail}")
    return bool(conforms), results


def report_issues(results, origin: str) -> list[tuple[Issue, str]]:
    """(Issue, constraint component IRI) per result of a SHACL results graph (rdflib)."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    S = lambda x: URIRef(SH + x)  # noqa: E731
    out = []
    for r in results.subjects(RDF.type, S("ValidationResult")):
        focus, path, value = (results.value(r, S(x)) for x in ("focusNode", "resultPath", "value"))
        sev, shape, comp = (results.value(r, S(x)) for x in ("resultSeverity", "sourceShape",
                                                            "sourceConstraintComponent"))
        msgs = sorted(str(m) for m in results.objects(r, S("resultMessage")))
        message = msgs[0] if msgs else (ns.shorten(str(comp)) if comp is not None else "constraint violated")
        out.append((Issue(
            focus=_focus_text(focus), message=" ".join(message.split()),
            severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
            path=_path_text(results, path) if path is not None else None,
            value=_nt(value) if value is not None else None, origin=origin,
            shape=str(shape) if isinstance(shape, URIRef) else None), str(comp)))
    return out


def shacl_issues(data_graph, shapes_graph, origin: str) -> list[Issue]:
    """Run pyshacl; one Issue per validation result."""
    if len(shapes_graph) == 0:
        return []
    _conforms, results = pyshacl_report(data_graph, shapes_graph, origin)
    return [issue for issue, _component in report_issues(results, origin)]
