"""README.md: its generated parts (kg.readme: the counts and the sources, from the graph) are current.
That CI runs its test command is tests/harness/test_ci.py's."""

from __future__ import annotations

from helpers.knowledge import ROOT, real_store


def test_generated_parts_of_the_readme_are_current():
    from kg.readme import render

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- generated:counts -->" in text and "<!-- generated:sources -->" in text
    assert render(text, real_store()) == text, "README is stale: run python -m kg.readme"
