"""kg's SHACL validator: SHACL Core and SHACL-SPARQL, over the reasoner's integer-id index.

* :func:`validate` -- the build's: a kg.owlrl.IdGraph and the shapes' quads -> kg.report.Issue objects;
* :func:`validate_files` -- ``kg shacl``'s: RDF files -> a standard :class:`ValidationReport`.

Each shape is compiled once into checks over integer ids (one module per family of constraint
components, joined in kg.shacl.registry) and checks all its focus nodes in one pass; SPARQL goes to
``run_select`` (:func:`select_runner` over a store).  Results are the specification's; shapes graphs
that need more than SHACL Core and SPARQL-based constraints and targets go to pyshacl, and the answer
says so (``note``).  Design notes, pyshacl's departures and the W3C test suite: docs/ENGINES.md.
"""

from __future__ import annotations

from kg.errors import DataError, UsageError
from kg.shacl.report import FORMATS, ValidationReport
from kg.shacl.sparql import select_runner

ENGINES = ("kg", "reference")
__all__ = ["ENGINES", "FORMATS", "Issues", "ValidationReport", "select_runner", "validate", "validate_files",
           "validate_quads", "validate_with_components"]


class Issues(list):
    """kg.report.Issue objects, with the engine that found them and, when that is pyshacl, why (``note``)."""

    engine = "kg.shacl"
    note: str | None = None


def validate(data, shapes_quads, origin: str, run_select=None, progress=None) -> Issues:
    """Validate ``data`` (a kg.owlrl.IdGraph) against the shapes; one kg.report.Issue per result.
    ``run_select(text, bindings)`` answers the SPARQL parts (default: a store made from ``data``);
    ``progress`` (a kg.progress.Tally) counts the shapes validated."""
    pairs = validate_with_components(data, shapes_quads, origin, run_select, progress)
    out = Issues(issue for issue, _component in pairs)
    out.engine, out.note = pairs.engine, pairs.note
    return out


def validate_with_components(data, shapes_quads, origin: str, run_select=None, progress=None) -> Issues:
    """Like :func:`validate`, as (Issue, constraint component IRI) pairs."""
    from kg.shacl import reference
    from kg.shacl.graph import ShapesGraph
    from kg.shacl.report import issues

    shapes_quads = list(shapes_quads)
    sg = ShapesGraph(shapes_quads)
    reason = reference.needs_reference(sg)
    if reason is not None:
        out = Issues(reference.issues_with_components(_triples(data), shapes_quads, origin))
        out.engine, out.note = "pyshacl", _note(reason)
        return out
    raw, run = _validate(data, sg, origin, run_select, progress)
    return Issues(issues(run, raw, origin))


def validate_quads(data_quads, shapes_quads, engine: str = "kg", origin: str = "shacl") -> ValidationReport:
    """The validation report of a data graph (quads or triples, graph names ignored) against a shapes graph.
    ``engine``: "kg" (kg.shacl, or pyshacl where the shapes need it) or "reference" (pyshacl); ``origin``
    names the shapes in error messages."""
    from kg.owlrl import IdGraph
    from kg.shacl import reference, report
    from kg.shacl.graph import ShapesGraph

    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine {engine!r} (known: {', '.join(ENGINES)})")
    data_quads, shapes_quads = list(data_quads), list(shapes_quads)
    sg = ShapesGraph(shapes_quads)
    reason = reference.needs_reference(sg) if engine == "kg" else None
    if engine == "reference" or reason is not None:
        _conforms, graph = reference.validate_graph(data_quads, shapes_quads)
        return report.from_pyshacl(graph, _note(reason) if reason else None)
    raw, run = _validate(IdGraph.from_triples(data_quads).compacted(), sg, origin, None)
    return report.from_run(run, raw)


def validate_files(data, shapes, engine: str = "kg") -> ValidationReport:
    """``kg shacl``: validate the union of the ``data`` files against the union of the ``shapes`` files
    (paths; any RDF syntax pyoxigraph reads, by extension; each file's own URI is its base IRI)."""
    from kg.load import read_rdf_file

    if not data or not shapes:
        raise UsageError("kg shacl needs --data FILE and --shapes FILE (each may be given more than once)")
    cache: dict = {}
    data_quads = [q for f in data for q in read_rdf_file(f, cache)]
    shapes_quads = [q for f in shapes for q in read_rdf_file(f, cache)]
    return validate_quads(data_quads, shapes_quads, engine, ", ".join(str(f) for f in shapes))


def _note(reason: str) -> str:
    return f"validated with pyshacl, the reference: {reason}, which kg.shacl leaves to it"


def _triples(data) -> list:
    import pyoxigraph as ox

    t = data.terms
    return [ox.Triple(t[s], t[p], t[o]) for s, p, o in data.triples()]


def _queries_store(sg, shape) -> bool:
    """Whether the shape or one of its property shapes has a SPARQL target or constraint."""
    from kg.shacl.graph import sh

    return any(sg.objects(s.node, sh("target")) or sg.objects(s.node, sh("sparql")) for s in (shape, *shape.props))


def _validate(data, sg, origin: str, run_select=None, progress=None):
    """(results, run) of validating ``data`` (a kg.owlrl.IdGraph) against ``sg`` (kg.shacl.graph.ShapesGraph)."""
    from kg.memory import collection_paused
    from kg.shacl import registry, targets
    from kg.shacl.graph import name, sh
    from kg.shacl.run import Run
    from kg.shacl.shapes import compile_shapes, discover

    run = Run(data, sg, origin, run_select)
    if not sg.spo:
        return [], run
    # The run makes millions of short-lived containers; with a million-triple index alive, every
    # collection the allocations trigger walks it (a third of the time). The run makes no garbage
    # cycles worth collecting early.
    with collection_paused():
        try:
            for node, regime in sg.pos.get(sh("entailment"), ()):
                raise DataError(f"{name(node)} asks for sh:entailment {name(regime)}: kg's validator implements no "
                                "entailment regime, and SHACL (1.0, 6) has a validator fail then (validate the "
                                "reasoned closure instead)")
            shapes = compile_shapes(run, discover(sg, registry.PARAMETERS), registry.STEPS)
            for shape in shapes:
                shape.targets = targets.finder(run, shape)
            out: list = []
            # Shapes that query the store go last: in a build, the store may still be taking in the closure
            # while the other shapes need only the index (the order of results is the report's to make).
            active = [shape for shape in sorted(shapes, key=lambda s: _queries_store(sg, s))
                      if shape.targets is not None and not shape.deactivated]
            if progress is not None:
                progress.total, progress.detail = len(active), "shapes"
            for shape in active:
                run.results_of_all(shape, shape.targets(), out)
                if progress is not None:
                    progress.done += 1
        except DataError as exc:
            raise DataError(f"SHACL shapes ({origin}) cannot be used: {exc}") from None
    return out, run
