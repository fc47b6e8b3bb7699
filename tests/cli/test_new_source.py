"""kg new-source refuses what would not build or would write where it must not: each refusal is one
kg: error: line with exit 2, and nothing is written."""

from __future__ import annotations

import pytest

from helpers.cli import Cli
from kg.curate import NewSource, new_source
from kg.errors import ProjectError


def _args(*extra):
    return ("new-source", "005_x.txt", "--title", "A later report", "--publisher", "iChongqing",
            "--date", "2024-01-02", *extra)


@pytest.mark.parametrize("tag", ["en fr", "ge", "english", "x"])
def test_a_language_tag_that_is_not_valid_is_refused(mini, tag):
    before = sorted(p.name for p in (mini.home / "data").iterdir())
    r = Cli(mini)(*_args("--language", tag))
    assert r.exit_code == 2 and r.stderr.startswith("kg: error: --language") and len(r.stderr.splitlines()) == 1
    assert sorted(p.name for p in (mini.home / "data").iterdir()) == before


def test_a_valid_language_tag_is_written(mini):
    r = Cli(mini)(*_args("--language", "de", "--number", "5"))
    assert r.exit_code == 0, r.stderr
    assert '"A later report"@de' in (mini.home / "data" / "005-a-later-report.trig").read_text(encoding="utf-8")


def test_an_existing_number_is_refused(mini):
    assert Cli(mini)(*_args("--number", "5")).exit_code == 0
    r = Cli(mini)(*_args("--number", "5"))
    assert r.exit_code == 2 and "numbered 005" in r.stderr


def test_the_bundled_copy_is_not_written_into(mini):
    from dataclasses import replace

    with pytest.raises(ProjectError, match="not the copy bundled"):
        new_source(replace(mini, origin="bundle"), NewSource("005_x.txt", "T", "P", date="2024"))
    assert not list((mini.home / "data").glob("005-*"))
