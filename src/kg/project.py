"""Locate the working copy (ontology, data, shapes, queries) and the build folder.

Order of precedence for the working copy ("home"):

1. an explicit path (the ``--home`` option), else the ``KG_HOME`` environment variable;
2. the source checkout this package is imported from (src layout: a parent
   folder holding both ``pyproject.toml`` and ``ontology/``);
3. the copy bundled inside the installed wheel, ``kg/bundle/``.

The build folder: ``--build-dir`` / ``KG_BUILD_DIR``; else ``<home>/build`` when
it can be written; else a per-user cache folder keyed by the home's path.
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


def _is_home(path: Path) -> bool:
    return (path / "ontology").is_dir() or (path / "data").is_dir()


def _source_checkout() -> Path | None:
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "ontology").is_dir():
            return parent
        if parent.name == "site-packages":
            break
    return None


def _writable(path: Path) -> bool:
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)


def _cache_dir(home: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    import hashlib

    key = hashlib.sha256(str(home).encode()).hexdigest()[:12]
    return base / "kg" / f"build-{key}"


@dataclass(frozen=True)
class Project:
    """A working copy and the folder its build goes to."""

    home: Path
    build_dir: Path
    origin: str = field(default="explicit", compare=False)  # explicit|env|checkout|bundle

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
            raise ProjectError(f"{path} is not a kg working copy (no ontology/ or data/ folder)")
    else:
        path = _source_checkout()
        origin = "checkout"
        if path is None:
            if not BUNDLE_DIR.is_dir():
                raise ProjectError(
                    f"no working copy found: set {ENV_HOME} or pass --home (no bundled copy in {BUNDLE_DIR})"
                )
            path, origin = BUNDLE_DIR, "bundle"

    if build_dir is None and os.environ.get(ENV_BUILD_DIR):
        build_dir = os.environ[ENV_BUILD_DIR]
    if build_dir is not None:
        bdir = Path(build_dir).expanduser().resolve()
    elif origin == "bundle":  # never write into site-packages
        bdir = _cache_dir(path)
    else:
        bdir = path / "build"
        if not _writable(bdir):
            bdir = _cache_dir(path)
    return Project(home=path, build_dir=bdir, origin=origin)
