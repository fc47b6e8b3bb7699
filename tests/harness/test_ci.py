"""How the suite runs and keeps its shape: CI (.ci/run) runs the test command README.md gives, to the
letter, and says how long it took; the fast part has one command, documented; every test module is in
the folder of the part of kg it tests (docs/LAYOUT.md, "Tests"), and no test edits the import path
(pytest's ``pythonpath`` finds tests/helpers)."""

from __future__ import annotations

import re
import tomllib

from helpers.paths import ROOT, TESTS

TEST_COMMAND = "pip install -e '.[test]' && python -m pytest -q"
FAST_COMMAND = 'python -m pytest -q -m "not slow"'
FOLDERS = {"engines", "pipeline", "cli", "serve", "publish", "api", "generate", "data", "harness"}


def shell_blocks(path) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", path.read_text(encoding="utf-8"), re.S)


def test_ci_runs_the_readme_test_command():
    commands = shell_blocks(ROOT / "README.md")
    assert "pip install . && kg query park-locations --format csv" in commands
    assert TEST_COMMAND in commands
    assert f'TEST_CMD="{TEST_COMMAND}"' in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_says_how_long_the_tests_took():
    after = (ROOT / ".ci" / "run").read_text(encoding="utf-8").split('bash -c "$TEST_CMD"', 1)[1]
    assert 'echo ".ci/run: tests took $((SECONDS - start)) s' in after


def test_the_fast_part_has_one_documented_command():
    assert FAST_COMMAND in shell_blocks(ROOT / "README.md")
    assert FAST_COMMAND in shell_blocks(ROOT / "docs" / "LAYOUT.md")
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow:") for marker in options["markers"])
    assert options["pythonpath"] == ["tests"]


def test_every_test_module_is_in_the_folder_of_its_part():
    modules = sorted(TESTS.rglob("test_*.py"))
    assert {p.relative_to(TESTS).parts[0] for p in modules} == FOLDERS
    assert all(len(p.relative_to(TESTS).parts) == 2 for p in modules)
    # test folders are not packages, so pytest imports each module by its file name: one module a name
    names = [p.name for p in modules]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert sorted(p.name for p in TESTS.glob("*.py")) == ["conftest.py"]


def test_no_test_edits_the_import_path():
    edit = re.compile(r"\bsys\.path\s*(\.\w+\(|\[|\+?=)")  # insert(, append(, [:0] =, +=
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(TESTS.rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if edit.search(line)]
    assert found == []
