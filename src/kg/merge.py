"""Merge the inputs into one asserted dataset (docs/LAYOUT.md).

* the ontology files go to the named graph ``ONTOLOGY_GRAPH``;
* every named graph of a data file is a source graph, kept as it is;
* triples in the default graph of a data file are an error;
* entity-level provenance: every subject typed in a source graph G gets
  ``dct:source G`` inside G.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError
from kg.load import parse_file
from kg.project import Project

RDF_TYPE = ox.NamedNode(ns.PREFIXES["rdf"] + "type")
DCT_SOURCE = ox.NamedNode(ns.PREFIXES["dct"] + "source")
ONTOLOGY_GRAPH = ox.NamedNode(ns.ONTOLOGY_GRAPH)
INFERRED_GRAPH = ox.NamedNode(ns.INFERRED_GRAPH)
RESERVED_GRAPHS = {ns.ONTOLOGY_GRAPH, ns.INFERRED_GRAPH}


@dataclass
class Merged:
    """The asserted dataset and where each source graph came from."""

    ontology: list[ox.Quad] = field(default_factory=list)  # in ONTOLOGY_GRAPH
    data: list[ox.Quad] = field(default_factory=list)  # in source graphs, incl. derived dct:source
    graph_files: dict[str, list[str]] = field(default_factory=dict)  # source graph IRI -> data files
    subject_files: dict[str, set[str]] = field(default_factory=dict)  # subject -> files stating it

    @property
    def quads(self) -> list[ox.Quad]:
        return self.ontology + self.data


def merge(project: Project) -> Merged:
    merged = Merged()
    seen: set[ox.Quad] = set()
    for path in project.ontology_files():
        display = project.relpath(path)
        for q in parse_file(path, display):
            merged.subject_files.setdefault(q.subject.value, set()).add(display)
            quad = ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH)
            if quad not in seen:
                seen.add(quad)
                merged.ontology.append(quad)

    for path in project.data_files():
        display = project.relpath(path)
        quads = parse_file(path, display)
        default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
        if default:
            first = default[0]
            raise DataError(
                f"{display}: {len(default)} triple(s) outside any named graph, e.g. "
                f"<{first.subject.value}> <{first.predicate.value}> …; put every fact in its source graph"
            )
        for q in quads:
            g = q.graph_name
            if isinstance(g, ox.BlankNode):
                raise DataError(f"{display}: a source graph must be named by an IRI, not a blank node")
            if g.value in RESERVED_GRAPHS:
                raise DataError(f"{display}: graph <{g.value}> is reserved for the build")
            merged.subject_files.setdefault(q.subject.value, set()).add(display)
            files = merged.graph_files.setdefault(g.value, [])
            if display not in files:
                files.append(display)
            if q not in seen:
                seen.add(q)
                merged.data.append(q)
            derived = entity_source(q)
            if derived is not None and derived not in seen:
                seen.add(derived)
                merged.data.append(derived)
    return merged


def entity_source(quad: ox.Quad) -> ox.Quad | None:
    """For a typing quad in source graph G, the entity-level provenance
    ``(subject dct:source G)`` in G; None for any other quad."""
    if quad.predicate != RDF_TYPE or isinstance(quad.graph_name, ox.DefaultGraph):
        return None
    return ox.Quad(quad.subject, DCT_SOURCE, quad.graph_name, quad.graph_name)
