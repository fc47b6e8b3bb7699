"""Merge the inputs into one asserted dataset (docs/LAYOUT.md).

* the ontology files go to the named graph ``ONTOLOGY_GRAPH``;
* every named graph of a data file is a source graph, kept as it is;
* triples outside a named graph (a Turtle, N-Triples or RDF/XML file, or the
  default graph of a TriG file) go to the graph of the file's own source,
  ``source:{file name as a slug}``, which the data must describe like any
  source (the saved check ``no-undescribed-source-graph`` says so);
* entity-level provenance: every subject typed in a source graph G gets
  ``dct:source G`` inside G.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
    """The asserted dataset and where each graph came from."""

    ontology: list[ox.Quad] = field(default_factory=list)  # in ONTOLOGY_GRAPH
    data: list[ox.Quad] = field(default_factory=list)  # in source graphs, incl. derived dct:source
    graph_files: dict[str, list[str]] = field(default_factory=dict)  # source graph IRI -> data files
    # (file, list, start, end): the statements of each file, a slice of ``ontology`` or ``data``
    file_ranges: list[tuple[str, str, int, int]] = field(default_factory=list)
    _subject_files: dict[str, tuple[int, ...]] | None = None  # subject -> indexes into file_ranges

    @property
    def quads(self) -> list[ox.Quad]:
        return self.ontology + self.data

    def index_subjects(self) -> None:
        """Remember which files state something about each subject (compact: strings and small tuples),
        so that the statements themselves can be released once reasoned over."""
        index: dict[str, tuple[int, ...]] = {}
        for n, (_display, which, start, end) in enumerate(self.file_ranges):
            statements = self.ontology if which == "ontology" else self.data
            for q in statements[start:end]:
                key = q.subject.value
                files = index.get(key)
                if files is None:
                    index[key] = (n,)
                elif files[-1] != n:
                    index[key] = files + (n,)
        self._subject_files = index

    def release_statements(self) -> None:
        """Drop the data statements (the largest Python structure of a build) once nothing needs them."""
        if self._subject_files is None:
            self.index_subjects()
        self.data = []

    def files_stating(self, subjects: set) -> dict:
        """For each of ``subjects`` (pyoxigraph terms), the files where it is the subject of a statement."""
        if self._subject_files is None:
            self.index_subjects()
        names = [display for display, *_ in self.file_ranges]
        return {s: {names[n] for n in self._subject_files[s.value]} for s in subjects
                if s.value in self._subject_files}


def file_source(path: Path) -> ox.NamedNode:
    """The source a file's triples outside any named graph belong to: ``source:{slug of its name}``."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not slug:
        raise DataError(f"{path.name}: no source IRI can be made from this file name; rename it")
    return ox.NamedNode(ns.PREFIXES["source"] + slug)


def merge(project: Project, log=None) -> Merged:
    merged = Merged()
    for path in project.ontology_files():
        display = project.relpath(path)
        start = len(merged.ontology)
        merged.ontology.extend(ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH)
                               for q in parse_file(path, display))
        merged.file_ranges.append((display, "ontology", start, len(merged.ontology)))
    files = project.data_files()
    for n, path in enumerate(files, 1):
        display = project.relpath(path)
        start = len(merged.data)
        merged.data.extend(_data_quads(path, display, merged.graph_files))
        merged.file_ranges.append((display, "data", start, len(merged.data)))
        if log is not None:
            log(n, len(files), display)
    merged.data.extend(derived_sources(merged.data))
    return merged


def _data_quads(path: Path, display: str, graph_files: dict[str, list[str]]) -> list[ox.Quad]:
    quads = parse_file(path, display)
    own = None
    graphs = set()
    for i, q in enumerate(quads):
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph):
            own = own or file_source(path)
            quads[i] = ox.Quad(q.subject, q.predicate, q.object, own)
            g = own
        elif isinstance(g, ox.BlankNode):
            raise DataError(f"{display}: a source graph must be named by an IRI, not a blank node")
        graphs.add(g.value)
    for g in sorted(graphs):
        if g in RESERVED_GRAPHS:
            raise DataError(f"{display}: graph <{g}> is reserved for the build")
        files = graph_files.setdefault(g, [])
        if display not in files:
            files.append(display)
    return quads


def derived_sources(quads) -> list[ox.Quad]:
    """``(subject dct:source G)`` in G for every subject typed in source graph G, once each."""
    seen: set[tuple] = set()
    out = []
    for q in quads:
        if q.predicate == RDF_TYPE and not isinstance(q.graph_name, ox.DefaultGraph):
            key = (q.subject, q.graph_name)
            if key not in seen:
                seen.add(key)
                out.append(ox.Quad(q.subject, DCT_SOURCE, q.graph_name, q.graph_name))
    return out


def entity_source(quad: ox.Quad) -> ox.Quad | None:
    """For a typing quad in source graph G, the entity-level provenance
    ``(subject dct:source G)`` in G; None for any other quad."""
    if quad.predicate != RDF_TYPE or isinstance(quad.graph_name, ox.DefaultGraph):
        return None
    return ox.Quad(quad.subject, DCT_SOURCE, quad.graph_name, quad.graph_name)
