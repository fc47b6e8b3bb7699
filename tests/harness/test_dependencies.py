"""The dependencies: each has a lower bound that .ci/oldest.txt pins, so the fast tests can run on the oldest
releases kg allows (docs/LAYOUT.md, "The oldest dependencies"); and a deprecation met in kg's own code
fails the suite (pyproject.toml's filterwarnings) instead of waiting for the release that removes it."""

from __future__ import annotations

import re
import tomllib
import warnings

import pytest

from helpers.paths import ROOT, SRC

_REQUIREMENT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)")


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def requirements() -> dict[str, str]:
    """pyproject.toml's runtime dependencies: normalised name -> version specifiers."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_name(m.group(1)): m.group(2).replace(" ", "")
            for m in (_REQUIREMENT.fullmatch(r.strip()) for r in project["dependencies"])}


def oldest() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    return pins


def _release(version: str) -> tuple[int, ...]:
    """"7.5" and "7.5.0" are one version."""
    parts = tuple(int(p) for p in version.split("."))
    return parts + (0,) * (3 - len(parts))


def test_every_dependency_has_a_lower_bound_that_the_oldest_constraints_pin():
    reqs, pins = requirements(), oldest()
    assert set(pins) == set(reqs)
    for name, spec in reqs.items():
        lower = [s[2:] for s in spec.split(",") if s.startswith(">=")]
        assert lower, f"{name} has no lower bound: {spec!r}"
        assert _release(pins[name]) == _release(lower[0]), (name, pins[name], spec)


def test_click_is_held_to_the_major_version_kg_is_tested_on():
    assert requirements()["click"] == ">=8.2,<9"


def test_a_deprecation_in_kgs_own_code_fails_the_suite():
    code = compile("import warnings\nwarnings.warn('old', DeprecationWarning)\n", "<kg module>", "exec")
    with pytest.raises(DeprecationWarning):
        exec(code, {"__name__": "kg.cli.app"})
    with pytest.raises(DeprecationWarning):
        exec(code, {"__name__": "kg"})
    # raised inside a dependency (or a module merely named like kg), it stays a warning
    for module in ("click.utils", "kgx"):
        with warnings.catch_warnings(record=True) as caught:
            exec(code, {"__name__": module})
        assert [w.category for w in caught] == [DeprecationWarning]


def test_kg_calls_no_stream_getter_click_deprecates():
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(SRC.rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bget_(text|binary)_stream\b", line)]
    assert found == []


def test_ci_runs_the_fast_tests_on_the_oldest_dependencies():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    after = run.split('bash -c "$TEST_CMD"', 1)[1]  # after the whole suite, whose exit it keeps
    assert "pip\" install --constraint .ci/oldest.txt -e '.[test]'" in after
    assert '-m pytest -q -m "not slow"' in after and 'exit "$rc"' in after.split("oldest_rc=$?", 1)[1]
