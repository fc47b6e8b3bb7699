"""``Cli``: click's CliRunner bound to one working copy, as the ``cli`` and ``mini_cli`` fixtures give it."""

from __future__ import annotations


class Cli:
    """click's CliRunner bound to one project; stdout and stderr apart."""

    def __init__(self, project):
        from click.testing import CliRunner

        self.project = project
        self.runner = CliRunner()

    def __call__(self, *args, home=True):
        from kg.cli import main

        extra = ["--home", str(self.project.home), "--build-dir", str(self.project.build_dir)] if home else []
        return self.runner.invoke(main, [*args, *extra], catch_exceptions=False)
