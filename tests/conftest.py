"""Shared fixtures: the tiny working copy in tests/fixtures/mini, the CLI
runner, and the network guard."""

from __future__ import annotations

import shutil
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
# the kg serve tests' shared server and helpers (one server for all tests/test_serve_*.py)
pytest_plugins = ["serve_fixtures"]


def real_copy_has_data() -> bool:
    return any((ROOT / "data").glob("*.trig"))


@pytest.fixture
def mini(tmp_path):
    """A private copy of the mini working copy, with its own build folder."""
    from kg.project import locate

    home = tmp_path / "mini"
    shutil.copytree(MINI, home, ignore=shutil.ignore_patterns("build"))
    return locate(home, tmp_path / "build")


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory):
    """The mini working copy, built once for the session (read-only tests)."""
    from kg.build import build
    from kg.project import locate

    base = tmp_path_factory.mktemp("built-mini")
    home = base / "mini"
    shutil.copytree(MINI, home, ignore=shutil.ignore_patterns("build"))
    project = locate(home, base / "build")
    build(project)
    return project


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


@pytest.fixture
def cli(built_mini):
    return Cli(built_mini)


@pytest.fixture
def mini_cli(mini):
    return Cli(mini)


@pytest.fixture
def no_network(monkeypatch):
    """Fail on any attempt to open a network connection or resolve a name."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
