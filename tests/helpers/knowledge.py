"""Shared helpers for the tests of the knowledge (ontology, data, saved queries):
the real working copy, built once per test session into a temporary folder,
and the source articles."""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path

from helpers.paths import ROOT
# The verified Wikidata list travels with the repository (sources/README.md).
WIKIDATA_VERIFIED = ROOT / "sources" / "wikidata-verified.tsv"

# The five source articles are not part of the repository.  One setting finds
# them: KG_SOURCES, else ../shared/sources beside the clone when it exists.
# Without them the tests that compare the data with the articles are skipped;
# when KG_SOURCES is set (CI sets it) a missing or empty folder is a failure.
SOURCES_ENV = "KG_SOURCES"
SKIP_REASON = ("the source articles are not here: set KG_SOURCES to the folder of the five articles "
               "(default ../shared/sources beside the clone) to compare the data with them")


def real_copy_has_data() -> bool:
    return any((ROOT / "data").glob("*.trig"))


def sources_dir() -> Path | None:
    explicit = os.environ.get(SOURCES_ENV)
    if explicit:
        return Path(explicit)
    default = ROOT.parent / "shared" / "sources"
    return default if default.is_dir() else None


def require_articles() -> list[Path]:
    """The article files; skips the calling test when they are not configured,
    fails it when KG_SOURCES names a folder without them."""
    import pytest

    folder = sources_dir()
    if folder is None:
        pytest.skip(SKIP_REASON)
    files = sorted(folder.glob("[0-9][0-9][0-9]_*.txt"))
    if not files:
        pytest.fail(f"{SOURCES_ENV}={folder} holds no source articles (NNN_*.txt)")
    return files


def article_params():
    """pytest parameters, one per article; a single skipped (or failing) one without them."""
    import pytest

    folder = sources_dir()
    files = sorted(folder.glob("[0-9][0-9][0-9]_*.txt")) if folder is not None else []
    if files:
        return [pytest.param(f, id=f.name) for f in files]
    marks = [pytest.mark.skip(reason=SKIP_REASON)] if folder is None else []
    return [pytest.param(None, id="no-articles", marks=marks)]

# Where each article's evidence ends: what follows is the web page's boilerplate
# (links, hotline numbers, cookie banners), which is evidence of nothing.
BOILERPLATE_STARTS = ("Relevant links:", "MUST READ", "A Tour in Chongqing, A Gain in Vision", "Internet illegal")


@functools.cache
def built_real():
    """The real working copy, built (merge, reason, validate) into a temporary folder."""
    from kg.build import build
    from kg.project import locate

    project = locate(ROOT, Path(tempfile.mkdtemp(prefix="kg-real-build-")))
    build(project)
    return project


def edited_copy(tmp: Path, edits) -> Path:
    """A working copy under tmp: the project's ontology, shapes, queries and sources linked, its data
    copied with the edits applied in order. An edit is (file under data/, old text, new text); the old
    text must occur exactly once, and None creates the file."""
    import shutil

    home = tmp / "home"
    home.mkdir()
    for folder in ("ontology", "shapes", "queries", "sources"):
        os.symlink(ROOT / folder, home / folder)
    shutil.copytree(ROOT / "data", home / "data")
    for name, old, new in edits:
        path = home / "data" / name
        if old is None:
            assert not path.exists(), f"{name}: the file to create is there already"
            path.write_text(new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: the text to replace is not there exactly once: {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return home


def build_copy(home: Path):
    """Build a working copy as kg build does, into a folder beside it; returns the Built."""
    from kg.build import build
    from kg.project import locate

    return build(locate(home, home.parent / "build"))


@functools.cache
def real_store():
    from kg.answering import open_store

    return open_store(built_real())


def article_files() -> list[Path]:
    return require_articles()


def article_body(path: Path) -> str:
    """The article without the page boilerplate that follows it."""
    text = path.read_text(encoding="utf-8")
    cut = min((i for i in (text.find(m) for m in BOILERPLATE_STARTS) if i >= 0), default=len(text))
    return text[:cut]


@functools.cache
def source_graphs() -> dict[str, str]:
    """Source file name -> the IRI of its named graph, read from the data."""
    store = real_store()
    rows = store.query(
        "PREFIX stc: <https://w3id.org/stcoop/ontology#> "
        "SELECT ?s ?f WHERE { ?s a stc:NewsArticle ; stc:fileName ?f }"
    ).rows
    return {f.value: s.value for s, f in rows}


def example_params(path: Path) -> dict[str, str]:
    """The parameters of the saved query's header example (what a one-click run uses)."""
    from kg.catalogue import read_query

    q = read_query(path)
    assert q.examples, f"{path.name} has no example"
    return q.example_params()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())
