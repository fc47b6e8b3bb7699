"""How the suite runs: CI (.ci/run) runs the test command README.md gives, to the letter."""

from __future__ import annotations

import re

from helpers.paths import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "pip install . && kg query park-locations --format csv" in commands
    test_command = "pip install -e '.[test]' && python -m pytest -q"
    assert test_command in commands
    assert f'TEST_CMD="{test_command}"' in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
