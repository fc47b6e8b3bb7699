"""README.md: its generated parts are current, and its two commands are the
ones CI runs."""

from __future__ import annotations

import re

from helpers.knowledge import ROOT, real_store


def test_generated_parts_of_the_readme_are_current():
    from kg.readme import render

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- generated:counts -->" in text and "<!-- generated:sources -->" in text
    assert render(text, real_store()) == text, "README is stale: run python -m kg.readme"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "pip install . && kg query park-locations --format csv" in commands
    test_command = "pip install -e '.[test]' && python -m pytest -q"
    assert test_command in commands
    assert f'TEST_CMD="{test_command}"' in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
