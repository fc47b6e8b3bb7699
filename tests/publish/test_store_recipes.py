"""docs/STORES.md works as written: every ```sh (or ```bash) block of the document's own text runs, in
order, in bash with ``set -e -o pipefail``, on loopback, against Oxigraph server, Virtuoso 7 and Jena TDB2,
in a copy of the working copy; a failing block fails the test with its text and its output.

The blocks run as they are.  The test only sets, before the first one, the variables the document's
settings block declares with a default (``${KG_STORES:-…}``: free ports, a temporary folder), puts the
tested ``kg`` first on PATH, and carries what a block exports to the next, as one shell would.  Two
things happen between blocks, where the document says so: a data file is changed before the
``kg diff`` block (the user's edit), and before the stores are stopped each is checked to hold exactly
the new build.  A block fenced ```text is not run; the paragraph before it must say why ("Not run: …").
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from helpers import stores as st
from helpers.knowledge import edited_copy
from helpers.paths import ROOT

DOC = ROOT / "docs" / "STORES.md"
RUN = ("sh", "bash")
NOT_RUN = ("text",)
BLOCK_TIMEOUT = 300  # seconds; a JVM compiling the TDB2 endpoint on two busy cores takes about 10
# What the test gives the settings block, by name: the block must declare each with a default.
SETTINGS = ("KG_STORES", "KG_BUILD_DIR", "OXIGRAPH_PORT", "VIRTUOSO_PORT", "VIRTUOSO_SQL_PORT", "JENA_PORT")
# The user's edit before the kg diff block: one statement more, in a file the build still accepts.
EDIT = ("000-sinoswiss-technopark-opening.trig",
        'place:france a stc:Country ; skos:prefLabel "France"@en .',
        'place:france a stc:Country ; skos:prefLabel "France"@en ; skos:altLabel "French Republic"@en .')
ADDED = ox.Triple(ox.NamedNode("https://w3id.org/stcoop/id/place/france"),
                  ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                  ox.Literal("French Republic", language="en"))


@dataclass
class Block:
    lang: str
    text: str
    line: int  # of the opening fence, 1-based
    before: str  # the paragraph before the fence

    def __str__(self) -> str:
        return f"docs/STORES.md:{self.line}"


def blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text, in order."""
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        m = re.match(r"```(\S*)", lines[i])
        if m:
            start, body = i, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            j = start - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            k = j
            while k >= 0 and lines[k].strip():
                k -= 1
            out.append(Block(m.group(1), "\n".join(body) + "\n", start + 1, " ".join(lines[k + 1:j + 1])))
        i += 1
    return out


DOC_BLOCKS = blocks(DOC.read_text(encoding="utf-8"))
SHELL_BLOCKS = [b for b in DOC_BLOCKS if b.lang in RUN]


# ------------------------------------------------------------------ the document's form (fast)
def test_every_block_is_run_or_says_why_not():
    assert len(SHELL_BLOCKS) >= 8, "the recipes' shell blocks are gone"
    for block in DOC_BLOCKS:
        assert block.lang in RUN + NOT_RUN, f"{block}: a ```{block.lang} block is neither run nor marked not run"
        if block.lang in NOT_RUN:
            assert "not run:" in block.before.lower(), f"{block}: a block that is not run must say why just before"


def test_the_settings_block_declares_what_the_test_sets_and_every_variable_is_set_before_use():
    settings = SHELL_BLOCKS[0].text
    for name in SETTINGS:
        assert re.search(rf"\b{name}=\$\{{{name}:-", settings), f"the settings block does not declare {name}"
    known = {"HOME", "PWD"}
    for block in SHELL_BLOCKS:
        used = set(re.findall(r"\$\{?([A-Za-z_]\w*)", block.text))
        assigned = set(re.findall(r"\b([A-Za-z_]\w*)=", block.text))
        assert used <= known | assigned, f"{block} uses {sorted(used - known - assigned)} before any block sets them"
        for line in re.findall(r"^\s*export\s+(.*)$", block.text, re.MULTILINE):  # what the next blocks see
            known |= set(re.findall(r"(?:^|\s)([A-Za-z_]\w*)(?==|\s|$)", line.split(" #")[0]))


# ------------------------------------------------------------------ running the blocks
def _group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of a process group, from /proc."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


class Shell:
    """The document's blocks, each run by a bash of its own (a session of its own, so that what it starts
    in the background can be stopped by its group id), with what the earlier blocks exported."""

    def __init__(self, cwd: Path, env: dict, folder: Path):
        self.cwd, self.env, self.folder = cwd, env, folder
        self.state = folder / "exported.sh"
        self.state.write_text("")
        self.groups: list[int] = []

    def run(self, block: Block) -> tuple[int | None, str]:
        log = self.folder / f"block-{block.line}.log"
        script = (f"set -e -o pipefail\n. {shlex.quote(str(self.state))}\n{block.text}"
                  f"export -p > {shlex.quote(str(self.state))}\n")
        with open(log, "wb") as out:
            proc = subprocess.Popen(["bash", "-c", script], cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.groups.append(proc.pid)
        try:
            code = proc.wait(timeout=BLOCK_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._stop_group(proc.pid)
            proc.wait()
            code = None
        return code, log.read_text(encoding="utf-8", errors="replace")

    def exported(self, name: str) -> str:
        m = re.search(rf'^declare -x {name}="([^"]*)"$', self.state.read_text(), re.MULTILINE)
        return m.group(1) if m else self.env[name]

    @staticmethod
    def _stop_group(pgid: int) -> None:
        for sig, patience in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
            members = _group_members(pgid)
            for pid in members:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + patience
            while members and time.monotonic() < deadline:
                time.sleep(0.2)
                members = _group_members(pgid)
            if not members:
                return

    def stop(self) -> None:
        for pgid in self.groups:
            self._stop_group(pgid)


def _failure(block: Block, code, output: str, stores: Path) -> str:
    logs = "".join(f"\n--- {log.name} (end) ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                   for log in sorted(stores.glob("*.log")))
    said = "did not end within %d s" % BLOCK_TIMEOUT if code is None else f"exited {code}"
    return (f"the block at {block} {said}:\n{block.text}--- its output (end) ---\n"
            + "\n".join(output.splitlines()[-40:]) + logs)


@pytest.fixture
def recipe_env(tmp_path):
    """(working copy, environment, stores folder): the copy's data may be edited; kg is the tested one."""
    for name in ("oxigraph", "virtuoso", "jena"):
        st.need_store(name)
    home = edited_copy(tmp_path, [])
    stores = tmp_path / "stores"
    tools = tmp_path / "bin"
    tools.mkdir()
    kg_src = Path(kg.__file__).resolve().parents[1]
    (tools / "kg").write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(kg_src))} exec {shlex.quote(sys.executable)} "
                              '-m kg "$@"\n')
    (tools / "kg").chmod(0o755)
    env = {k: v for k, v in os.environ.items()
           if k not in ("KG_HOME", "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "PYTHONPATH", *SETTINGS)}
    ports = [st.free_port() for _ in range(4)]
    env.update(KG_STORES=str(stores), KG_BUILD_DIR=str(home / "build"), OXIGRAPH_PORT=str(ports[0]),
               VIRTUOSO_PORT=str(ports[1]), VIRTUOSO_SQL_PORT=str(ports[2]), JENA_PORT=str(ports[3]),
               PATH=os.pathsep.join([str(tools), str(Path(st.oxigraph_binary()).parent), env.get("PATH", "")]))
    return home, env, stores


def _edit_the_data(home: Path) -> None:
    path = home / "data" / EDIT[0]
    text = path.read_text(encoding="utf-8")
    assert text.count(EDIT[1]) == 1, "the statement the test edits is no longer in the data: pick another"
    path.write_text(text.replace(EDIT[1], EDIT[2]), encoding="utf-8")


def _stores_hold_the_new_build(shell: Shell, stores: Path) -> None:
    """Oxigraph: the whole dataset is the new dump; Virtuoso: every graph has the new dump's size, and the
    edit is there."""
    import httpx

    from kg.remote import Endpoint, RemoteStore

    dump = st.by_graph(ox.parse(path=str(stores / "dist" / "kg.nq"), format=ox.RdfFormat.N_QUADS))
    assert ADDED in dump["https://w3id.org/stcoop/id/source/000-sinoswiss-technopark-opening"]
    oxigraph = shell.exported("OXIGRAPH")
    r = httpx.get(f"{oxigraph}/store", headers={"Accept": "application/n-quads"}, timeout=60)
    r.raise_for_status()
    assert st.same_dataset(st.by_graph(ox.parse(r.content, format=ox.RdfFormat.N_QUADS)), dump) == []
    with RemoteStore(Endpoint.of(f"{shell.exported('VIRTUOSO')}/sparql", environ={})) as store:
        assert store.graph_sizes(sorted(dump)) == {g: len(t) for g, t in dump.items()}
        assert store.query(f"ASK {{ {ADDED.subject} {ADDED.predicate} {ADDED.object} }}").boolean


@pytest.mark.slow  # starts Oxigraph server, Virtuoso and a JVM, as the document does
def test_every_shell_block_of_the_document_runs(recipe_env, tmp_path):
    home, env, stores = recipe_env
    shell = Shell(home, env, tmp_path)
    ran, hooks = 0, 0
    try:
        for block in SHELL_BLOCKS:
            if "kg diff" in block.text:
                _edit_the_data(home)
                hooks += 1
            if "kill $OXIGRAPH_PID" in block.text:
                _stores_hold_the_new_build(shell, stores)
                hooks += 1
            code, output = shell.run(block)
            assert code == 0, _failure(block, code, output, stores)
            assert "warning: the default graph" not in output, _failure(block, code, output, stores)
            ran += 1
    finally:
        shell.stop()
    assert ran == len(SHELL_BLOCKS) and hooks == 2, "the document no longer has its kg diff and stopping blocks"
