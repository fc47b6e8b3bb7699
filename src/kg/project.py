"""Locate the working copy (ontology, data, shapes, queries) and the build folder: :func:`locate`.

A folder is a working copy when it holds an ``ontology/`` and a ``data/`` folder.  The home is the
first found of ``--home`` / ``KG_HOME``, the current directory or its nearest parent that is one, and
the copy bundled in the wheel (``kg/bundle/``; in an editable install, the source checkout).  The build
folder is ``--build-dir`` / ``KG_BUILD_DIR``, else ``<home>/build`` when it can be written, else a
per-user cache folder (always for the bundled copy).  :class:`Project` lists each part's files.

See docs/LAYOUT.md, section "Which working copy, which build folder".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ProjectError

ENV_HOME = "KG_HOME"
ENV_BUILD_DIR = "KG_BUILD_DIR"

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLE_DIR = PACKAGE_DIR / "bundle"


MARKERS = ("ontology", "data")  # the folders that make a working copy


def _is_home(path: Path) -> bool:
    return all((path / m).is_dir() for m in MARKERS)


def discover(start: Path | None = None) -> Path | None:
    """The working copy at ``start`` (default: the current directory) or its nearest parent that is one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_home(folder):
            return folder
    return None


def _source_checkout() -> Path | None:
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "ontology").is_dir():
            return parent
        if parent.name == "site-packages":
            break
    return None


def writable(path: Path) -> bool:
    """Whether ``path`` can be made or written: it, or its nearest existing parent, is a writable folder."""
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)


def cache_root() -> Path:
    """Where kg keeps builds it cannot put beside a working copy."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


def _cache_dir(home: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(home).encode()).hexdigest()[:12]
    return cache_root() / f"build-{key}"


@dataclass(frozen=True)
class Project:
    """A working copy and the folder its build goes to."""

    home: Path
    build_dir: Path
    origin: str = field(default="explicit", compare=False)  # explicit|env|discovered|bundle|checkout

    # ---- the layout contract (docs/LAYOUT.md) ----
    def _glob(self, folder: str, pattern: str) -> list[Path]:
        base = self.home / folder
        return sorted(base.glob(pattern)) if base.is_dir() else []

    def ontology_files(self) -> list[Path]:
        return self._glob("ontology", "*.ttl")

    def data_files(self) -> list[Path]:
        """Every file under data/ but hidden ones (``.gitkeep``, editor swap files): an RDF file in any
        format kg reads, or an error that names it (kg.load)."""
        base = self.home / "data"
        if not base.is_dir():
            return []
        return sorted(p for p in base.rglob("*")
                      if p.is_file() and not any(part.startswith(".") for part in p.relative_to(base).parts))

    def data_shape_files(self) -> list[Path]:
        return self._glob("shapes/data", "*.ttl")

    def ontology_shape_files(self) -> list[Path]:
        return self._glob("shapes/ontology", "*.ttl")

    def query_files(self) -> list[Path]:
        return self._glob("queries", "*.rq")

    def check_files(self) -> list[Path]:
        return self._glob("queries/checks", "*.rq")

    def input_files(self) -> list[Path]:
        """Every file whose content determines the build (hashed); saved queries too, since the build parses them."""
        return (
            self.ontology_files()
            + self.data_files()
            + self.data_shape_files()
            + self.ontology_shape_files()
            + self.query_files()
            + self.check_files()
        )

    def relpath(self, path: Path | str) -> str:
        """A path as shown to people: relative to the home when inside it."""
        p = Path(path)
        if p.is_absolute() and p.is_relative_to(self.home):  # the working copy's own files: no resolving
            return p.relative_to(self.home).as_posix()
        try:
            return p.resolve().relative_to(self.home).as_posix()
        except ValueError:
            return str(p)


def locate(home: str | os.PathLike | None = None, build_dir: str | os.PathLike | None = None) -> Project:
    """The project to work on; raises ProjectError when none can be found."""
    origin = "explicit"
    if home is None and os.environ.get(ENV_HOME):
        home, origin = os.environ[ENV_HOME], "env"
    if home is not None:
        path = Path(home).expanduser().resolve()
        if not path.is_dir():
            raise ProjectError(f"working copy {path} does not exist")
        if not _is_home(path):
            raise ProjectError(f"{path} is not a kg working copy (it needs an ontology/ and a data/ folder)")
    else:
        path, origin = discover(), "discovered"
        if path is None:
            if BUNDLE_DIR.is_dir():
                path, origin = BUNDLE_DIR, "bundle"
            else:
                path, origin = _source_checkout(), "checkout"
        if path is None:
            raise ProjectError(f"no working copy here or in a parent folder (one holds ontology/ and data/), "
                               f"and no bundled copy in {BUNDLE_DIR}: use --home or set {ENV_HOME}")

    if build_dir is None and os.environ.get(ENV_BUILD_DIR):
        build_dir = os.environ[ENV_BUILD_DIR]
    if build_dir is not None:
        bdir = Path(build_dir).expanduser().resolve()
    elif origin == "bundle":  # never write into site-packages
        bdir = _cache_dir(path)
    else:
        bdir = path / "build"
        if not writable(bdir):
            bdir = _cache_dir(path)
    return Project(home=path, build_dir=bdir, origin=origin)


ORIGINS = {
    "explicit": "given with --home",
    "env": f"given by {ENV_HOME}",
    "discovered": "found from the current directory",
    "bundle": "the copy bundled with kg (no working copy here or in a parent folder)",
    "checkout": "the source checkout kg runs from (no working copy here or in a parent folder)",
}
