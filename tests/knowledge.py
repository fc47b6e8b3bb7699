"""Shared helpers for the tests of the knowledge (ontology, data, saved queries):
the real working copy, built once per test session into a temporary folder,
and the source articles."""

from __future__ import annotations

import functools
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "sources"

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


@functools.cache
def real_store():
    from kg.store import open_store

    return open_store(built_real())


def article_files() -> list[Path]:
    return sorted(SOURCES.glob("[0-9][0-9][0-9]_*.txt"))


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
