"""Where the tests get the SHACL shapes from (a helper module, not a test file).

One function per shapes graph, so that a change in what the shapes are (today the Turtle files of
shapes/data and shapes/ontology, and the shapes the build compiles from the ontology's property
profiles) is made in one place: :func:`data_shapes_graph` (run on the closure of ontology + data) and
:func:`ontology_shapes_graph` (run on the ontology graph). Both give the quads of the graph, in the
default graph, as kg.load parses them (blank nodes named stably by file); everything else derives
from them: :func:`shapes_graph` picks one by kind, :func:`shapes_rdflib` is the rdflib Graph pyshacl
takes, :func:`shapes_ntriples` the N-Triples text a tool that reads files (Jena) is given.

Used by tests/engines/test_shacl_engines.py.
"""

from __future__ import annotations

import functools

import pyoxigraph as ox

from helpers.paths import ROOT
KINDS = ("data", "ontology")


def _read_folder(folder: str) -> tuple:
    from kg.load import parse_file

    return tuple(ox.Quad(q.subject, q.predicate, q.object)
                 for path in sorted((ROOT / "shapes" / folder).glob("*.ttl"))
                 for q in parse_file(path, f"shapes/{folder}/{path.name}"))


@functools.lru_cache(maxsize=None)
def data_shapes_graph() -> tuple:
    """The data shapes: what the build runs on the closure, shapes/data/*.ttl and the shapes it compiles
    from the property profiles of the ontology (kg.profile)."""
    from kg.load import parse_file
    from kg.profile import profile_shapes

    ontology = [q for path in sorted((ROOT / "ontology").glob("*.ttl"))
                for q in parse_file(path, f"ontology/{path.name}")]
    compiled = tuple(ox.Quad(q.subject, q.predicate, q.object) for q in profile_shapes(ontology))
    return _read_folder("data") + compiled


@functools.lru_cache(maxsize=None)
def ontology_shapes_graph() -> tuple:
    """The ontology shapes: what the build runs on the ontology graph (today shapes/ontology/*.ttl)."""
    return _read_folder("ontology")


def shapes_graph(kind: str) -> tuple:
    """The quads of the ``"data"`` or the ``"ontology"`` shapes graph."""
    if kind == "data":
        return data_shapes_graph()
    if kind == "ontology":
        return ontology_shapes_graph()
    raise ValueError(f"no shapes of kind {kind!r}: one of {KINDS}")


@functools.lru_cache(maxsize=None)
def shapes_rdflib(kind: str):
    """The shapes graph as an rdflib Graph (for pyshacl)."""
    from kg.load import rdflib_graph

    return rdflib_graph(shapes_graph(kind))


@functools.lru_cache(maxsize=None)
def shapes_ntriples(kind: str) -> bytes:
    """The shapes graph in N-Triples (for tools that read a file)."""
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in shapes_graph(kind)],
                        format=ox.RdfFormat.N_TRIPLES)


@functools.lru_cache(maxsize=None)
def shape_names(kind: str) -> frozenset:
    """The IRIs of the shapes graph's subjects (the folder names of tests/shape_cases are local names of some)."""
    return frozenset(q.subject.value for q in shapes_graph(kind) if isinstance(q.subject, ox.NamedNode))
