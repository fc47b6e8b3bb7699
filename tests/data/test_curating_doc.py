"""docs/CURATING.md is run, not read: its shell blocks marked ``<!-- run: exit N -->`` run in order,
in a copy of the working copy, with ``kg`` on the PATH, and each must exit as the page says and print
what its ``contains="…"`` markers name. So the path it describes (kg new-source, the facts, a refused
build and its report, a discrepancy, a profile) works as written."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys

import pytest

from helpers.knowledge import ROOT

DOC = ROOT / "docs" / "CURATING.md"
STEP = re.compile(r"<!-- run: exit (?P<exit>\d+)(?P<markers>[^>]*)-->\n```sh\n(?P<script>.*?)```", re.S)


def steps() -> list[tuple[int, list[str], str]]:
    found = [(int(m.group("exit")), re.findall(r'contains="([^"]*)"', m.group("markers")), m.group("script"))
             for m in STEP.finditer(DOC.read_text(encoding="utf-8"))]
    assert len(found) >= 8, "the page lost its runnable steps"
    return found


@pytest.mark.slow
def test_the_curating_guide_runs_as_written(tmp_path):
    home = tmp_path / "copy"
    for folder in ("ontology", "data", "shapes", "queries", "sources"):
        shutil.copytree(ROOT / folder, home / folder)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "kg"  # the kg of this checkout, whatever is installed
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "KG_HOME": str(home),
           "KG_BUILD_DIR": str(tmp_path / "build"), "PYTHONPATH": str(ROOT / "src")}
    env.pop("KG_SOURCES", None)
    for n, (code, markers, script) in enumerate(steps(), 1):
        run = subprocess.run(["bash", "-e", "-c", script], cwd=home, env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == code, (f"step {n} exited {run.returncode}, the page says {code}:\n{script}\n"
                                        f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}")
        for text in markers:
            assert text in run.stdout, f"step {n} does not print {text!r}:\n{run.stdout}"
