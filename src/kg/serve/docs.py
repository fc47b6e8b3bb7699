"""The documentation on the server: kg.docs's site at ``/docs/``, the ontology page, the entity diagrams.

Owns :class:`ServedDocs`: the pages of :mod:`kg.docs` rendered for the
server's addresses (terms link to ``/ontology#Term``, entities to their
pages, dumps to ``/dumps/``) from the served build, written into the
server's private snapshot on first use, as the dumps are (a request never
runs a build), by a child process, so that the server never holds the
site, the store or kg.docs's modules in its own memory; every file is then
served from disk.  Also the handlers of ``/docs`` and ``/docs/{path}``, and
:func:`site_file`, which turns any name into a file of the site or a 400/404.
``/ontology`` (:mod:`kg.serve.routes`) answers browsers with the reference
page of this site, so a term IRI (``kg.namespaces.STC`` + local name) lands on the
term's section.  A server of N-Quads files (no kg project) has no docs.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from kg.errors import KgError
from kg.serve.limits import HttpError

REFERENCE = "ontology.html"
WRITE_TIMEOUT = 600  # seconds the child writing the site may take (the real graph's: a few)


class ServedDocs:
    def __init__(self, dataset):
        self.dataset = dataset
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self.dataset.project is not None

    def folder(self) -> Path:
        """The site, written into the snapshot on first use from the served build and its dumps."""
        from kg.docs import MARKER

        if not self.available:
            raise HttpError(404, "this server serves no kg project, so it has no documentation")
        out = self.dataset.snapshot.path / "docs"
        dumps = self.dataset.dumps_dir()  # the dataset page lists the dumps of exactly this build
        with self._lock:
            if self.dataset.snapshot.removed:
                raise HttpError(503, "the server is shutting down", {"Retry-After": "1"})
            if not (out / MARKER).is_file():
                write_site(self.dataset.built, self.dataset.project, dumps, out)
        return out

    async def ready(self) -> Path:
        return await asyncio.get_running_loop().run_in_executor(None, self.folder)

    async def reference(self) -> Path:
        """The ontology reference page: every term IRI a browser follows lands here."""
        return await self.ready() / REFERENCE

    async def file(self, request):
        """``/docs/{path}``: a file of the site; ``/docs/`` is its index."""
        from starlette.responses import FileResponse

        folder = await self.ready()
        rel = request.path_params.get("path") or "index.html"
        return FileResponse(site_file(folder, rel))

    @staticmethod
    def diagram_url(iri: str) -> str | None:
        """Where an entity's neighbourhood diagram is served, if the entity has one."""
        from kg.docs.site import entity_diagram_path

        path = entity_diagram_path(iri)
        return "/docs/" + path if path else None


def site_file(folder: Path, rel: str) -> Path:
    """The file ``rel`` names inside ``folder``: 400 for a name no file can have (NUL, control characters),
    404 for one that names no file of the site (missing, a folder, hidden, outside it, too long to be a file
    name, a loop of links).  Whatever resolving the name raises (OSError, ValueError, pathlib's RuntimeError
    for a loop) is one of these, never a 500."""
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in rel):
        raise HttpError(400, "a documentation file name has no control characters")
    shown = rel if len(rel) <= 100 else rel[:100] + "…"
    try:
        path = (folder / rel).resolve()
        found = folder.resolve() in path.parents and path.is_file() and not path.name.startswith(".")
    except ValueError:  # e.g. a character the file system cannot take
        raise HttpError(400, f"{shown!r} cannot be a documentation file name") from None
    except (OSError, RuntimeError):  # ENAMETOOLONG, EACCES, a loop of links…: no file of the site is named so
        found = False
    if not found:
        raise HttpError(404, f"the documentation has no {shown}")
    return path


def write_site(built, project, dumps: Path, out: Path) -> None:
    """Write the served site into ``out`` in a child ``python``: the store it reads, kg.docs's modules and the
    pages (tens of MiB) stay in that process and go with it, instead of staying in the server's memory."""
    import pickle
    import subprocess
    import sys

    from kg.serve.worker import child_env

    code = "from kg.serve.docs import write_site_here; write_site_here()"
    try:
        done = subprocess.run([sys.executable, "-c", code], input=pickle.dumps((built, project, dumps, out)),
                              capture_output=True, env=child_env(), timeout=WRITE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise KgError(f"the documentation was not written within {WRITE_TIMEOUT} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {done.returncode}"]
        raise KgError(f"the documentation could not be written: {lines[-1]}")


def write_site_here() -> None:
    """In the child of :func:`write_site`: render the site and write it (atomically) into its folder."""
    import pickle
    import sys

    from kg.docs import MARKER, site_files
    from kg.files import replacing_folder, write_tree

    built, project, dumps, out = pickle.load(sys.stdin.buffer)
    files = site_files(built, project, dumps, served=True)
    with replacing_folder(out) as tmp:
        write_tree(tmp, {**files, MARKER: b""})
