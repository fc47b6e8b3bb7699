"""README.md: its generated parts (kg.readme: the counts and the sources, from the graph; the install
commands, from the distribution's name) are current, and its tour runs.  That CI runs its test command is
tests/harness/test_ci.py's."""

from __future__ import annotations

from helpers.knowledge import ROOT, real_store


def test_generated_parts_of_the_readme_are_current():
    from kg.readme import render

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- generated:counts -->" in text and "<!-- generated:sources -->" in text
    assert render(text, real_store()) == text, "README is stale: run python -m kg.readme"


def _tour_commands() -> list[tuple[str | None, list[str]]]:
    """The kg commands of the README's tour (the sh block after 'which article says so'), as
    (stdin, arguments): `echo 'Q' | kg query -` gives Q on stdin."""
    import re
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"which article says so:\n\n```sh\n(.*?)```", text, re.S).group(1)
    commands = []
    for line in block.splitlines():
        stdin = None
        if "|" in line:
            left, line = (part.strip() for part in line.split("|", 1))
            stdin = shlex.split(left)[1] + "\n"
        words = shlex.split(line)
        assert words[0] == "kg", line
        commands.append((stdin, words[1:]))
    return commands


def test_the_readme_tour_runs_and_answers_its_question(real_project):
    """Each command of the tour exits 0; 'which parks in Chongqing cooperate with Switzerland' returned the
    Changzhou park and four agreements as well: its answer is what lies in Chongqing."""
    import csv
    import io

    from click.testing import CliRunner

    from kg.cli import main

    extra = ["--home", str(real_project.home), "--build-dir", str(real_project.build_dir)]
    answers = {}
    for stdin, args in _tour_commands():
        r = CliRunner().invoke(main, [*args, *extra], input=stdin, catch_exceptions=False)
        assert r.exit_code == 0, (args, r.output)
        answers[" ".join(args[:2])] = r.stdout
    rows = list(csv.DictReader(io.StringIO(answers["query partner-countries"])))
    located = {s.value for (s,) in real_store().query(
        "SELECT ?s WHERE { ?s <https://w3id.org/stcoop/ontology#locatedIn> "
        "<https://w3id.org/stcoop/id/place/chongqing> }").rows}
    assert rows and {row["subject"] for row in rows} <= located
    assert {row["countryLabel"] for row in rows} == {"Switzerland"}


def test_the_readme_installs_the_distribution_pyproject_builds():
    """`kg` on PyPI is another project's: kg is the distribution stcoop-kg, whose wheel the README installs."""
    import tomllib

    from kg import DISTRIBUTION, __version__

    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert name == DISTRIBUTION != "kg"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    install = text.split("<!-- generated:install -->", 1)[1].split("<!-- /generated:install -->", 1)[0]
    assert "pip wheel . --no-deps -w dist/\n" in install and "pip install .\n" in install
    assert f"pip install dist/{name.replace('-', '_')}-{__version__}-py3-none-any.whl\n" in install
    assert "'kg[" not in text  # the extras are the distribution's
