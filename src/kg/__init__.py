"""kg: the knowledge graph of international science-and-technology cooperation parks.

The library is the product; ``kg.cli`` is a thin click layer over it.  The package in layers: a module
imports only from its own layer and the layers listed before it (tests/test_layers.py checks that, and
that every module is listed here once).  Why the layers are not folders: docs/LAYOUT.md, "The code".

foundation
    errors        one family of errors, each with its exit code
    namespaces    every namespace and prefix the project uses
    files         writing files and folders whole; the newline rule
    memory        handing freed memory back to the system; pausing the cyclic collector
    linesort      sorting N-Triples / N-Quads lines larger than memory
    progress      progress of long work on stderr
    project       the working copy and its build folder
    formats       every RDF and SPARQL-results format, in one table
    languages     language tags against the IANA registry
    qudt          QUDT's units, currencies and quantity kinds (vendored)
    sparql        query text: lexing, form, variables, refusals, binding values
engines
    owlrl         kg's OWL 2 RL engine (owlrl is its reference)
    shacl         kg's SHACL engine (pyshacl is its reference)
    store         the query-engine interface over pyoxigraph; query results
    load          parsing input files, with FILE:LINE:COL errors
    params        ``--param name=value`` to RDF terms
    results       query results for people and machines
    report        the validation report, grouped by focus node
    catalogue     saved queries and checks, with their headers
    units         the units the data uses, described from QUDT
    search        entities by any of their names or Wikidata QIDs
stages
    merge         the inputs as one asserted dataset, with derived provenance and date bounds
    profile       property constraint profiles and the shapes compiled from them
    reason        the OWL RL closure (kg.owlrl or owlrl), cleaned
    validate      SHACL, the saved checks and the build's own findings, as one report
    curate        the data file of a new source
    diff          what changed between two builds or dumps
builds
    builds        the builds on disk: find, publish, clean
    store_feed    a file the build wrote, loaded into a store as it is (a named pipe for the loader)
    store_writer  the build's stores, written in threads
    build         the build pipeline, one function per stage
    answering     the build queries answer from, built first when stale
services
    query         saved and ad-hoc queries; the catalogue listing
    describe      everything about one entity
    stats         counts per class and per property
    info          which working copy, which build, which engines
    readme        the generated parts of README.md
    export        deterministic dumps, VoID/DCAT, checksums
    release       versioned, reproducible releases with their changelog
    remote        a SPARQL 1.1 store over HTTP: queries, loads, patches
    stores        what other stores need: a virtuoso.ini, Jena's class path, a TDB2 endpoint
    generate      synthetic data for benchmarks
api
    api           the Python API: kg.open(), Graph, Rows (docs/PYTHON.md)
front ends
    docs          the static documentation site
    serve         the SPARQL endpoint and linked-data pages
    cli           the ``kg`` command
    __main__      ``python -m kg``

The Python API is here: ``kg.open()`` gives a ``kg.Graph`` (kg.api; docs/PYTHON.md).  Nothing heavy is
imported here, so that ``kg query`` starts fast: kg.api imports the engines only when a method runs.
"""

from __future__ import annotations

import os

__version__ = "0.1.0"
# The name kg is installed by (pyproject.toml): `kg` on PyPI is another project's.  The import package and
# the command are kg.
DISTRIBUTION = "stcoop-kg"

from kg.api import Graph, Rows, Triples  # noqa: E402  (after __version__, which kg's modules import)

__all__ = ["Graph", "Rows", "Triples", "__version__"]  # not open: `from kg import *` must not shadow the builtin


def open(home: str | os.PathLike | None = None, build_dir: str | os.PathLike | None = None, *,  # noqa: A001
         build_if_stale: bool = True) -> Graph:
    """The :class:`kg.Graph` of a working copy, found as the ``kg`` command finds it: ``home``, else
    KG_HOME, else the current folder or the nearest parent holding ontology/ and data/, else the copy
    bundled with kg; its builds in ``build_dir``, else KG_BUILD_DIR, else ``<home>/build``.  With
    ``build_if_stale`` (the default) a method builds first when the inputs changed; without, the existing
    build answers.  See kg.api.open_graph and docs/PYTHON.md."""
    from kg.api import open_graph

    return open_graph(home, build_dir, build_if_stale=build_if_stale)
