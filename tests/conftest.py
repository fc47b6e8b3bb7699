"""The fixtures every folder shares: the tiny working copy in tests/fixtures/mini (a private copy, or
one built once per session), the CLI runner bound to it, and the network guard.  The helpers behind
them, and the fixtures of kg serve, Chromium and the static site (plugins below), are in tests/helpers/;
pytest puts tests/ on the import path (pyproject.toml: ``pythonpath``)."""

from __future__ import annotations

import shutil
import socket

import pytest

from helpers.cli import Cli
from helpers.paths import MINI

# shared fixtures that live in helper modules: the kg serve server of the real graph (tests/serve/), one
# Chromium per module, and the static site of the real graph (tests/publish/)
pytest_plugins = ["helpers.serve_fixtures", "helpers.chromium", "helpers.docs_site"]


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
