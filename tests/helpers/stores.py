"""Real SPARQL stores on loopback, started by the tests themselves (a helper module, not a test file).

* Oxigraph server: the ``oxigraph`` binary of PyPI's ``oxigraph`` (a test dependency), in memory
  (loaded by ``kg load``) or on a folder bulk-loaded by ``oxigraph load``, always with
  ``--union-default-graph`` (the union is a bag: a triple in two graphs counts twice).
* Virtuoso 7 (Debian ``virtuoso-opensource-7-bin``): ``virtuoso-t`` with the ini kg writes
  (``kg stores virtuoso-ini``) in a temporary folder, on free ports, in the foreground, stopped with SIGTERM.  Writes go to the
  ``-auth`` services with digest login dba/dba (a fresh database's); its default graph is the
  union of all graphs (a bag), its own system graphs included.
* Jena TDB2 (Debian ``libapache-jena-java``; a JDK runs the endpoint from source): databases
  loaded by ``tdb2.tdbloader`` and answered by the endpoint kg ships, ``kg/stores/JenaTdbEndpoint.java``
  (ARQ over TDB2 with ``tdb:unionDefaultGraph=true``: the union is a set), Fuseki not being packaged.

Recipes and work-arounds are those of docs/STORES.md, through what kg ships for them (kg.stores: the
virtuoso.ini, the Jena class path and its xerces fix); tests/publish/test_store_recipes.py runs the
document's own shell blocks.  A missing store skips the test locally and fails it when CI=true
(``need_store``), as for the other third-party tools.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import thirdparty as tp

START_TIMEOUT = 120  # seconds; a JVM compiling the endpoint on two busy cores takes about 10
VIRTUOSO_LOGIN = ("dba", "dba")

_INSTALL = {
    "oxigraph": "pip install oxigraph (a test dependency: pip install -e '.[test]')",
    "virtuoso": "apt-get install virtuoso-opensource-7-bin (see .ci/apt-packages.txt)",
    "jena": "apt-get install libapache-jena-java default-jdk-headless (see .ci/apt-packages.txt)",
}


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command, also when the Python running the tests is a venv not on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def missing(name: str) -> str | None:
    """Why store NAME cannot run here, or None."""
    if name == "oxigraph":
        return None if oxigraph_binary() else "the oxigraph command is not installed"
    if name == "virtuoso":
        absent = [c for c in ("virtuoso-t", "isql-vt") if shutil.which(c) is None]
        return f"{', '.join(absent)} not on PATH" if absent else None
    if name == "jena":
        if not tp.tool_available("riot"):
            return "Jena's jars or java are missing"
        return None if shutil.which("javac") else "no JDK (javac) to run the endpoint from source"
    raise ValueError(name)


def need_store(name: str) -> None:
    """Skip the calling test when store NAME is missing; fail instead when CI=true."""
    why = missing(name)
    if why is None:
        return
    if tp.IN_CI:
        pytest.fail(f"CI=true and {name} is unavailable: {why}; install: {_INSTALL[name]}", pytrace=False)
    pytest.skip(f"{name} unavailable: {why}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A store process and how kg reaches it: ``endpoint`` (queries), ``writer`` (kg load, patches)."""

    def __init__(self, name: str, process: subprocess.Popen, log: Path, endpoint, writer=None):
        self.name, self.process, self.log = name, process, log
        self.endpoint, self.writer = endpoint, writer or endpoint

    def store(self):
        from kg.remote import RemoteStore

        return RemoteStore(self.endpoint)

    def wait_up(self, url: str) -> None:
        """Until ``url`` answers a query (the process dying or START_TIMEOUT passing is a failure)."""
        import httpx

        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: {self.tail()}")
            try:
                if httpx.post(url, data={"query": "ASK {}"}, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer at {url} within {START_TIMEOUT} s: {self.tail()}")

    def tail(self) -> str:
        try:
            return " | ".join(self.log.read_text(errors="replace").strip().splitlines()[-5:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _spawn(cmd: list[str], log: Path, cwd: Path | None = None) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd)


def _run(cmd: list[str], what: str) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=tp.TOOL_TIMEOUT)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")


# ------------------------------------------------------------------ Oxigraph server
def start_oxigraph(folder: Path, location: Path | None = None, union: bool = True) -> Server:
    """``oxigraph serve`` in memory, or ``serve-read-only`` on a loaded ``location``; the default graph
    is the union of the graphs unless ``union`` is False."""
    from kg.remote import Endpoint

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    mode = ["serve-read-only", "--location", str(location)] if location else ["serve"]
    proc = _spawn([oxigraph_binary(), *mode, "--bind", f"127.0.0.1:{port}"] + (["--union-default-graph"] if union else []),
                  folder / f"oxigraph-{port}.log")
    server = Server("oxigraph", proc, folder / f"oxigraph-{port}.log", Endpoint.of(f"{base}/query"),
                    Endpoint.of(f"{base}/query", graph_store=f"{base}/store", update=f"{base}/update"))
    server.wait_up(f"{base}/query")
    return server


def oxigraph_bulk_load(location: Path, nquads: Path) -> None:
    """Oxigraph's own loader: ``oxigraph load --location DIR --file data.nq`` (offline)."""
    _run([oxigraph_binary(), "load", "--location", str(location), "--file", str(nquads)], "oxigraph load")


# ------------------------------------------------------------------ Virtuoso
def start_virtuoso(folder: Path) -> Server:
    """A private Virtuoso 7 on free ports (SQL and HTTP) with its database in ``folder``."""
    from kg.remote import Endpoint

    from kg.stores import write_virtuoso_ini

    sql, http = free_port(), free_port()
    write_virtuoso_ini(folder, http_port=http, sql_port=sql)  # as kg stores virtuoso-ini writes it
    proc = _spawn(["virtuoso-t", "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
                  folder / "stdout.log", cwd=folder)
    base = f"http://127.0.0.1:{http}"
    user, password = VIRTUOSO_LOGIN
    server = Server("virtuoso", proc, folder / "stdout.log", Endpoint.of(f"{base}/sparql"),
                    Endpoint.of(f"{base}/sparql", graph_store=f"{base}/sparql-graph-crud-auth",
                                update=f"{base}/sparql-auth", user=user, password=password, auth="digest"))
    server.sql_port, server.folder = sql, folder
    server.wait_up(f"{base}/sparql")
    return server


def virtuoso_bulk_load(server: Server, nquads: Path) -> None:
    """Virtuoso's own bulk loader: ld_dir + rdf_loader_run over a file in a DirsAllowed folder
    (N-Quads keep their graphs; the graph given to ld_dir is only for triples without one)."""
    target = server.folder / nquads.name
    shutil.copyfile(nquads, target)
    user, password = VIRTUOSO_LOGIN
    _run(["isql-vt", f"127.0.0.1:{server.sql_port}", user, password,
          f"exec=ld_dir('{server.folder}', '{nquads.name}', 'urn:kg:unused'); rdf_loader_run(); checkpoint;"],
         "isql-vt (bulk load)")


# ------------------------------------------------------------------ Jena TDB2
def _java(main: str, *args: str) -> list[str]:
    return ["java", "-cp", tp.jena_classpath(), main, *args]


def tdb2_load(location: Path, nquads: Path) -> None:
    """Jena's own loader: ``tdb2.tdbloader --loc DIR data.nq``."""
    _run(_java("tdb2.tdbloader", "--loc", str(location), str(nquads)), "tdb2.tdbloader")


def tdb2_query(location: Path, query: Path, union: bool = True) -> subprocess.CompletedProcess:
    """The command-line recipe: ``tdb2.tdbquery --loc DIR [--set tdb:unionDefaultGraph=true] --query Q
    --results json``."""
    setting = ["--set", "tdb:unionDefaultGraph=true"] if union else []
    return subprocess.run(_java("tdb2.tdbquery", "--loc", str(location), *setting, "--query", str(query),
                                "--results", "json"),
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=tp.TOOL_TIMEOUT)


def start_jena(folder: Path, databases: dict[str, Path]) -> dict[str, Server]:
    """One JVM serving each TDB2 database at /NAME; returns a Server per name."""
    from kg.remote import Endpoint

    port = free_port()
    log = folder / f"jena-{port}.log"
    from kg.stores import JENA_ENDPOINT

    proc = _spawn(_java(str(JENA_ENDPOINT), str(port), *(f"{n}={d}" for n, d in databases.items())), log)
    servers = {n: Server("jena", proc, log, Endpoint.of(f"http://127.0.0.1:{port}/{n}")) for n in databases}
    for name, server in servers.items():
        server.wait_up(server.endpoint.url)
    return servers



# ------------------------------------------------------------------ comparing datasets
def held(server) -> dict[str, list]:
    """Every statement the store holds (Graph Store Protocol GET of the whole dataset), by graph IRI
    ("" for the default graph)."""
    import httpx

    r = httpx.get(server.writer.graph_store_url, headers={"Accept": "application/n-quads"}, timeout=60)
    r.raise_for_status()
    return by_graph(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))


def by_graph(quads) -> dict[str, list]:
    out: dict[str, list] = {}
    for q in quads:
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(key, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return out


def same_dataset(a: dict[str, list], b: dict[str, list]) -> list[str]:
    """The graphs that differ between two datasets; a store names blank nodes afresh at every load, so
    graphs are compared up to blank node names (isomorphism, by rdflib)."""
    import rdflib
    from rdflib.compare import isomorphic

    def graph(triples) -> rdflib.Graph:
        g = rdflib.Graph()
        g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        return g

    return [g for g in sorted(set(a) | set(b))
            if len(a.get(g, ())) != len(b.get(g, ())) or not isomorphic(graph(a.get(g, [])), graph(b.get(g, [])))]


# ------------------------------------------------------------------ comparing answers
_CONCAT = re.compile(r'GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?separator\s*=\s*"([^"]*)"\s*\)\s+AS\s+\?(\w+)',
                     re.IGNORECASE)


def answer(result, query_text: str) -> Counter:
    """The rows as a multiset of tuples of terms in N-Triples form, GROUP_CONCAT parts sorted."""
    separators = {var: sep for sep, var in _CONCAT.findall(query_text)}
    if isinstance(result, ox.QuerySolutions):  # parsed from a results document
        variables = [v.value for v in result.variables]
        solutions = [tuple(s[v] for v in variables) for s in result]
    else:
        variables, solutions = result.variables, result.rows
    rows = Counter()
    for row in solutions:
        cells = []
        for var, term in zip(variables, row):
            if var in separators and isinstance(term, ox.Literal):
                parts = sorted(term.value.split(separators[var]))
                cells.append(str(ox.Literal(separators[var].join(parts), datatype=term.datatype)
                                 if term.language is None else ox.Literal(separators[var].join(parts),
                                                                          language=term.language)))
            else:
                cells.append(None if term is None else str(term))
        rows[tuple(cells)] += 1
    return rows
