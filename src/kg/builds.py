"""The builds on disk: find, open, publish and clean them (what every read-only command needs).

A build is a generation folder ``<build_dir>/gen-…`` (its artifacts are listed in docs/LAYOUT.md) named
by two links: ``latest``, the newest build of the inputs, conforming or not, and ``current``, the newest
*conforming* one, which queries answer from.  A build is fresh when its manifest's hash matches the
inputs (every input file and the kg version).  kg.build writes builds and kg.answering picks the one
queries answer from; this module imports nothing heavy, so that ``kg query`` starts fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg import __version__
from kg.files import write_whole
from kg.progress import SILENT, Reporter
from kg.project import Project

ARTIFACTS = ("asserted.nq", "inferred.nq", "report.json", "manifest.json")
STORE = "store"
# What the store holds where (docs/LAYOUT.md, "The build folder"); a store of another layout is never reused.
# /2: a blank node is one node in every graph (a /1 store held a copy of it per file loaded).
STORE_LAYOUT = "closure-default-graph/2"
CURRENT = "current"
LATEST = "latest"


@dataclass
class Built:
    """A published build: its folder and its manifest."""

    path: Path
    manifest: dict
    rebuilt: bool = False

    @property
    def conforms(self) -> bool:
        return bool(self.manifest.get("conforms", True))

    @property
    def store_path(self) -> Path:
        return self.path / STORE

    def report(self):
        from kg.report import Report

        return Report.from_dict(json.loads((self.path / "report.json").read_text(encoding="utf-8")))


def input_digests(project: Project) -> dict[str, str]:
    """The SHA-256 of every input file, by path relative to the working copy.

    A file's digest is remembered in the build folder with its size and
    modification time (as git's index does), so a fresh ``kg query`` reads
    no input file that has not changed."""
    cache_path = project.build_dir / ".input-hashes.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh_cache, digests = {}, {}
    for path in project.input_files():
        st = path.stat()
        key = str(path)
        stamp = [st.st_size, st.st_mtime_ns]
        entry = cache.get(key)
        if entry is not None and entry[:2] == stamp and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            digest = entry[2]
        else:  # new, changed, or modified so recently that a second change could keep its time stamp
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        fresh_cache[key] = stamp + [digest]
        digests[project.relpath(path)] = digest
    if fresh_cache != cache and project.build_dir.is_dir():
        try:
            write_whole(cache_path, json.dumps(fresh_cache).encode())
        except OSError:  # a read-only build folder: hash again next time
            pass
    return digests


def input_hash(project: Project, digests: dict[str, str] | None = None) -> str:
    """The hash of every input file's path and content, and of the kg version."""
    h = hashlib.sha256()
    h.update(f"kg {__version__}\n".encode())
    for relpath, digest in (digests or input_digests(project)).items():
        h.update(relpath.encode() + b"\0")
        h.update(bytes.fromhex(digest))
    return h.hexdigest()


def _read(project: Project, link: str) -> Built | None:
    try:
        path = (project.build_dir / link).resolve(strict=True)
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Built(path, manifest)


def current(project: Project) -> Built | None:
    """The build queries answer from (the newest conforming one), fresh or not."""
    return _read(project, CURRENT)


def latest(project: Project) -> Built | None:
    """The newest build, conforming or not."""
    return _read(project, LATEST) or current(project)


def fresh(project: Project) -> Built | None:
    """The newest build when it matches the inputs, else None (cheap)."""
    built = latest(project)
    if built is not None and built.manifest.get("hash") == input_hash(project):
        return built
    return None


@contextmanager
def lock(build_dir: Path, reporter: Reporter):
    """Hold the build folder's lock (one build at a time), saying so when another build holds it."""
    import fcntl

    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            reporter.note(f"waiting for another kg build in {build_dir} to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def clean(project: Project, everything: bool = False) -> list[tuple[Path, int]]:
    """Remove the project's build folder (and, with ``everything``, kg's whole user cache of builds);
    returns what was removed with its size in bytes.  Waits for a build in progress to finish."""
    import shutil

    from kg.project import cache_root

    targets = [project.build_dir]
    if everything:
        targets.append(cache_root())
    removed = []
    for target in targets:
        if not target.is_dir():
            continue
        size = sum(f.lstat().st_size for f in target.rglob("*") if f.is_file() or f.is_symlink())
        if target == project.build_dir:
            with lock(target, SILENT):
                shutil.rmtree(target)
        else:
            shutil.rmtree(target)
        removed.append((target, size))
    return removed


def publish(build_dir: Path, generation: Path, good: bool) -> None:
    """Point ``latest`` (and ``current`` when ``good``) at the generation atomically; remove generations
    neither link names."""
    import shutil
    import uuid

    links = [LATEST] + ([CURRENT] if good else [])
    for name in links:
        tmp_link = build_dir / f".{name}-{uuid.uuid4().hex}"
        os.symlink(generation.name, tmp_link)
        os.replace(tmp_link, build_dir / name)
    keep = set()
    for name in (CURRENT, LATEST):
        try:
            keep.add((build_dir / name).resolve(strict=True))
        except OSError:
            pass
    for old in build_dir.glob("gen-*"):
        if old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in build_dir.glob(".tmp-*"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass
