"""The documentation on the server: kg.docs's site at ``/docs/``, the ontology page, the entity diagrams.

Owns :class:`ServedDocs`: the pages of :mod:`kg.docs` rendered for the
server's addresses (terms link to ``/ontology#Term``, entities to their
pages, dumps to ``/dumps/``) from the served build, written into the
server's private snapshot on first use, as the dumps are (a request never
runs a build); and the handlers of ``/docs`` and ``/docs/{path}``.
``/ontology`` (:mod:`kg.serve.routes`) answers browsers with the reference
page of this site, so a term IRI (``kg.namespaces.STC`` + local name) lands on the
term's section.  A server of N-Quads files (no kg project) has no docs.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from kg.files import replacing_folder, write_tree
from kg.serve.limits import HttpError

REFERENCE = "ontology.html"


class ServedDocs:
    def __init__(self, dataset):
        self.dataset = dataset
        self._lock = threading.Lock()
        self._reference: bytes | None = None

    @property
    def available(self) -> bool:
        return self.dataset.project is not None

    def folder(self) -> Path:
        """The site, written into the snapshot on first use from the served build and its dumps."""
        from kg.docs import MARKER, site_files

        if not self.available:
            raise HttpError(404, "this server serves no kg project, so it has no documentation")
        out = self.dataset.snapshot.path / "docs"
        dumps = self.dataset.dumps_dir()  # the dataset page lists the dumps of exactly this build
        with self._lock:
            if self.dataset.snapshot.removed:
                raise HttpError(503, "the server is shutting down", {"Retry-After": "1"})
            if not (out / MARKER).is_file():
                files = site_files(self.dataset.built, self.dataset.project, dumps, served=True)
                with replacing_folder(out) as tmp:
                    write_tree(tmp, {**files, MARKER: b""})
        return out

    async def ready(self) -> Path:
        return await asyncio.get_running_loop().run_in_executor(None, self.folder)

    async def reference(self) -> bytes:
        """The ontology reference page (kept in memory: every term IRI a browser follows lands here)."""
        if self._reference is None:
            self._reference = (await self.ready() / REFERENCE).read_bytes()
        return self._reference

    async def file(self, request):
        """``/docs/{path}``: a file of the site; ``/docs/`` is its index."""
        from starlette.responses import FileResponse

        folder = await self.ready()
        rel = request.path_params.get("path") or "index.html"
        path = (folder / rel).resolve()
        if folder.resolve() not in path.parents or not path.is_file() or path.name.startswith("."):
            raise HttpError(404, f"the documentation has no {rel}")
        return FileResponse(path)

    @staticmethod
    def diagram_url(iri: str) -> str | None:
        """Where an entity's neighbourhood diagram is served, if the entity has one."""
        from kg.docs.site import entity_diagram_path

        path = entity_diagram_path(iri)
        return "/docs/" + path if path else None
