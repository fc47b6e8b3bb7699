"""RDF files for ``kg shacl``: any syntax pyoxigraph reads (by extension), each file's own URI as its
base IRI (as Jena and pyshacl take it), ill-typed literals kept (finding them is sh:datatype's job)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import DataError


def read(path, cache: dict | None = None) -> list[ox.Quad]:
    """The quads of one file (graph names kept; validation ignores them).  A file read twice through the
    same ``cache`` gives the same terms, blank nodes included (a W3C test's data and shapes are one file)."""
    from kg.formats import INPUT_EXTENSIONS
    from kg.load import stable_blank_nodes, syntax_error

    path = Path(path)
    absolute = path.resolve()
    if cache is not None and absolute in cache:
        return cache[absolute]
    fmt = INPUT_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise DataError(f"{path}: not an RDF file kg reads (RDF files end in {', '.join(sorted(INPUT_EXTENSIONS))})")
    try:
        quads = list(ox.parse(path=str(path), format=fmt, base_iri=absolute.as_uri()))
    except SyntaxError as exc:
        raise syntax_error(exc, str(path)) from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    quads = stable_blank_nodes(quads, str(path))
    if cache is not None:
        cache[absolute] = quads
    return quads
