"""The allocator a large build runs with (kg.memory): ``kg build``, run as a program, starts itself again
with jemalloc preloaded where the system has it, and writes the same files as under the C library's
malloc; ``KG_ALLOCATOR=system`` keeps that one; freed memory goes back to the system under either.

The allocator is chosen as a process starts, so these tests start processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from helpers.paths import MINI
from helpers.thirdparty import need_tool

JEMALLOC = "libjemalloc.so.2"
RESTART = "import kg.memory as m; m.restart_with_faster_allocator(); "  # what kg build does first, as a program


def _env(**env: str) -> dict:
    """This environment without the variables the allocator depends on, then ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "KG_ALLOCATOR", "KG_PRELOADED")}
    return {**base, **env}


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_env(**env),
                          check=True)


@pytest.fixture
def jemalloc():
    need_tool("jemalloc")


def test_the_allocator_in_use_is_named(jemalloc):
    code = "from kg.memory import allocator; print(allocator())"
    assert _python(code, LD_PRELOAD=JEMALLOC).stdout.startswith("jemalloc 5.")
    assert _python(code).stdout.startswith("glibc 2.")


def test_trim_hands_jemallocs_free_pages_back(jemalloc):
    # blocks of 1 KiB come from malloc (Python's own allocator takes only those up to 512 bytes); jemalloc
    # hands freed pages back as they age, here never (MALLOC_CONF), so that only the purge can
    code = """
import os
from kg.memory import trim_memory
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
before = rss()
blocks = [bytes(1024) + bytes([i % 256]) for i in range(300_000)]
held = rss()
del blocks
freed = rss()
trim_memory()
print(before, held, freed, rss())
"""
    before, held, freed, trimmed = map(int, _python(code, LD_PRELOAD=JEMALLOC,
                                                   MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1").stdout.split())
    assert held - before > 250e6
    assert freed - before > 200e6, "jemalloc gave the pages back before it was asked: nothing is tested"
    assert trimmed - before < 50e6


def _starts(tmp_path, then: str) -> str:
    """Code that counts its starts in a file (a process started again starts the code again), then runs."""
    return f"open({str(tmp_path / 'starts')!r}, 'a').write('started\\n'); " + then


def test_the_restarted_process_runs_with_jemalloc_and_puts_ld_preload_back(jemalloc, tmp_path):
    code = _starts(tmp_path, RESTART + "import os; print(m.allocator().split()[0], os.environ.get('LD_PRELOAD'), "
                                       "'KG_PRELOADED' in os.environ)")
    assert _python(code).stdout.splitlines() == ["jemalloc None False"]  # printed by the second process only
    assert (tmp_path / "starts").read_text() == "started\n" * 2
    assert _python(code, LD_PRELOAD="libm.so.6").stdout.splitlines() == ["jemalloc libm.so.6 False"]
    assert _python(code, KG_ALLOCATOR="system").stdout.splitlines() == ["glibc None False"]
    assert (tmp_path / "starts").read_text() == "started\n" * 5


def test_a_preload_that_did_not_take_is_not_tried_again(jemalloc, tmp_path):
    # KG_PRELOADED says the process was already started again: without jemalloc loaded it goes on as it is
    code = _starts(tmp_path, RESTART + "print(m.allocator().split()[0])")
    assert _python(code, KG_PRELOADED="").stdout.splitlines() == ["glibc"]
    assert (tmp_path / "starts").read_text() == "started\n"


@pytest.mark.parametrize("preloaded, name", [("libjemalloc.so.2", "jemalloc"), ("libmimalloc.so.2", "mimalloc")])
def test_an_allocator_whoever_started_the_process_preloaded_is_kept(jemalloc, tmp_path, preloaded, name):
    need_tool(name)
    code = _starts(tmp_path, RESTART + "print(m.allocator().split()[0])")
    assert _python(code, LD_PRELOAD=preloaded).stdout.splitlines() == [name]
    assert (tmp_path / "starts").read_text() == "started\n"


def _build(tmp_path, name: str, **env: str) -> dict:
    home = tmp_path / name / "mini"
    shutil.copytree(MINI, home, ignore=shutil.ignore_patterns("build"))
    build_dir = tmp_path / name / "build"
    subprocess.run([sys.executable, "-m", "kg", "build", "-q", "--home", str(home), "--build-dir", str(build_dir)],
                   capture_output=True, text=True, timeout=300, env=_env(**env), check=True)
    return {"manifest": json.loads((build_dir / "current" / "manifest.json").read_text()),
            "files": {f: (build_dir / "current" / f).read_bytes() for f in ("asserted.nq", "inferred.nq")}}


def test_kg_build_starts_again_with_jemalloc_and_writes_the_same_files(jemalloc, tmp_path):
    fast, system = _build(tmp_path, "auto"), _build(tmp_path, "system", KG_ALLOCATOR="system")
    assert fast["manifest"]["engines"]["allocator"].startswith("jemalloc 5.")
    assert system["manifest"]["engines"]["allocator"].startswith("glibc 2.")
    assert fast["files"] == system["files"]
    assert fast["manifest"]["counts"] == system["manifest"]["counts"]


def test_a_build_run_by_a_caller_never_starts_its_process_again(mini_cli, monkeypatch):
    # CliRunner (as a notebook or a test calls kg.cli.main): starting "the command line" again would start
    # the caller's program
    started = []
    monkeypatch.setattr(os, "execve", lambda *args: started.append(args))
    monkeypatch.delenv("KG_ALLOCATOR", raising=False)
    assert mini_cli("build", "-q").exit_code == 0
    assert started == []


def test_a_bad_kg_allocator_is_one_error_line(mini_cli, monkeypatch):
    monkeypatch.setenv("KG_ALLOCATOR", "fastest")
    result = mini_cli("build", "-q")
    assert result.exit_code == 2
    assert result.stderr.strip() == "kg: error: KG_ALLOCATOR='fastest': expected one of auto, system"
