"""``kg docs``: the documentation people look at, generated from one build.

:func:`generate` writes a static, offline site into a folder (the ontology reference, the diagrams, a
page per entity, the dataset page, the saved queries, the discrepancies); :func:`site_files` with
``served=True`` renders the same pages for ``kg serve`` (``/docs/``, :mod:`kg.serve.docs`).
``python -m kg.docs`` rewrites the committed core diagram the README shows (``docs/img/core-model.*``).

Modules: :mod:`~kg.docs.model` (what the pages show, read from the build), :mod:`~kg.docs.reference`
(pyLODE's reference, extended), :mod:`~kg.docs.diagrams` (Graphviz), :mod:`~kg.docs.site` (the pages;
templates and stylesheet beside it, shipped in the wheel), :mod:`~kg.docs.menu` (the one header of the
site's and the server's pages).  The same build gives byte-identical files.

See docs/LAYOUT.md, section "The documentation site (kg docs)".
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.files import replacing_folder, write_tree

MARKER = ".kg-docs"  # in a folder kg docs wrote: the only kind of non-empty folder it replaces


class DocsError(KgError):
    """The documentation could not be written."""


def site_files(built, project, dumps_dir: Path, served: bool) -> dict[str, bytes]:
    """Every file of the site (path in the folder -> bytes) for ``built``, whose dumps are in ``dumps_dir``."""
    from kg.docs.model import collect
    from kg.docs.site import render_site
    from kg.formats import serialize_triples

    docs = collect(built, project, dumps_dir)
    files = render_site(docs, served=served)
    if not served:  # the server answers /ontology.ttl itself
        files["ontology.ttl"] = serialize_triples(docs.ontology_triples, "turtle")
    return files


def generate(project, out_dir, build_if_stale: bool = True, reporter=None) -> list[tuple[str, int]]:
    """Write the static site of the build queries answer from (built first when the inputs changed, unless
    ``build_if_stale`` is False) into ``out_dir``; returns [(path, size)] of the pages and diagrams (the dumps in
    ``dumps/`` are written by kg.export).  ``out_dir`` must be missing, empty, or a folder kg docs wrote,
    which is replaced whole (a file the new site does not have does not linger)."""
    from kg.answering import serving_build
    from kg.export import export_built
    from kg.progress import SILENT

    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise DocsError(f"{out} exists and is not a folder kg docs wrote (no {MARKER} in it): "
                        "give a new or empty folder")
    built = serving_build(project, build_if_stale=build_if_stale, reporter=reporter or SILENT)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with replacing_folder(out) as tmp:
            export_built(built, tmp / "dumps")
            files = site_files(built, project, tmp / "dumps", served=False)
            files[MARKER] = b"kg docs wrote this folder; kg docs -o replaces it whole\n"
            write_tree(tmp, files)
    except OSError as exc:
        raise DocsError(f"cannot write the site into {out}: {exc.strerror or exc}") from None
    return [(str(out / name), len(data)) for name, data in sorted(files.items()) if name != MARKER]

