"""What kg.shacl leaves to pyshacl, the reference, and pyshacl itself as an engine.

kg.shacl implements SHACL Core, SPARQL-based constraints and SPARQL-based targets.  Shapes graphs that
use more -- custom constraint components (SPARQL- or JS-based), SHACL-AF rules, functions, custom target
types and node expressions, SHACL-JS -- are validated by pyshacl instead, and the answer says so in one
line (as kg.reason hands OWL to owlrl)."""

from __future__ import annotations

from kg.errors import DataError
from kg.shacl.graph import SH, ShapesGraph, name, sh

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
    from pyshacl import errors as shacl_errors
    from pyshacl import validate

    data, shapes = _graphs(data_triples, shapes_quads)
    broken = tuple(getattr(shacl_errors, n) for n in ("ShapeLoadError", "ConstraintLoadError",
                                                       "ReportableRuntimeError", "ValidationFailure")
                   if hasattr(shacl_errors, n))
    try:
        conforms, results, _text = validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                            allow_warnings=allow_warnings, allow_infos=allow_warnings,
                                            abort_on_first=False, meta_shacl=False, js=False)
    except broken as exc:
        raise DataError(f"SHACL shapes cannot be used (pyshacl): {' '.join(str(getattr(exc, 'message', exc)).split())}") \
            from None
    except NotImplementedError as exc:
        raise DataError(f"SHACL shapes cannot be used (pyshacl does not implement it): {exc}") from None
    except Exception as exc:  # noqa: BLE001 (pyshacl and rdflib raise bare exceptions on some shapes graphs)
        raise DataError(f"SHACL shapes cannot be used (pyshacl failed: {type(exc).__name__}: "
                        f"{' '.join(str(exc).split())})") from None
    if not hasattr(results, "subjects"):  # pyshacl's ValidationFailure
        raise DataError(f"SHACL shapes cannot be used (pyshacl): {' '.join(str(results).split())}")
    return bool(conforms), results


def issues_with_components(data_triples, shapes_quads, origin: str) -> list[tuple]:
    """(kg.report.Issue, component IRI) pairs from pyshacl called as the build calls it
    (kg.validate.shacl_issues: allow_warnings), for shapes kg.shacl leaves to the reference."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg import namespaces as ns
    from kg import validate as v
    from kg.report import Issue

    _conforms, report = validate_graph(data_triples, shapes_quads, allow_warnings=True)
    S = lambda x: URIRef(SH + x)  # noqa: E731
    out = []
    for r in report.subjects(RDF.type, S("ValidationResult")):
        focus, path, value = (report.value(r, S(x)) for x in ("focusNode", "resultPath", "value"))
        sev, shape, comp = (report.value(r, S(x)) for x in ("resultSeverity", "sourceShape",
                                                           "sourceConstraintComponent"))
        msgs = sorted(str(m) for m in report.objects(r, S("resultMessage")))
        message = msgs[0] if msgs else (ns.shorten(str(comp)) if comp is not None else "constraint violated")
        out.append((Issue(
            focus=v._focus_text(focus), message=" ".join(message.split()),
            severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
            path=v._path_text(report, path) if path is not None else None,
            value=v._nt(value) if value is not None else None, origin=origin,
            shape=str(shape) if isinstance(shape, URIRef) else None), str(comp)))
    return out
