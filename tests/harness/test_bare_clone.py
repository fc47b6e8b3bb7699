"""The README's test command works in a bare clone: nothing beside the
repository, no source articles.  The tracked files (as they are in the
working tree) are copied into an empty folder and pytest runs there with
KG_SOURCES unset: collection succeeds, and the tests that compare the data
with the articles are skipped with the reason, not failed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT

pytestmark = pytest.mark.slow  # copies the repository and runs pytest in the copy, twice


def _tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no list of tracked files to copy")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode().split("\0") if name]


@pytest.fixture(scope="module")
def bare_clone(tmp_path_factory) -> Path:
    clone = tmp_path_factory.mktemp("bare") / "kg"
    for name in _tracked_files():
        src = ROOT / name
        if src.is_file():
            dest = clone / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    assert not (clone.parent / "shared").exists()
    return clone


def _pytest(clone: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_SOURCES", "KG_HOME", "KG_BUILD_DIR")}
    env["PYTHONPATH"] = str(clone / "src")  # the clone's own code, not this checkout's
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=900)


def test_every_test_is_collected_in_a_bare_clone(bare_clone):
    run = _pytest(bare_clone, "--collect-only")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " tests collected" in run.stdout or " collected" in run.stdout


def test_article_tests_skip_with_the_reason_in_a_bare_clone(bare_clone):
    run = _pytest(bare_clone, "-rs", "tests/data/test_data.py", "-k", "article or copied or number")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "skipped" in run.stdout and "set KG_SOURCES" in run.stdout, run.stdout[-3000:]
    assert " failed" not in run.stdout
