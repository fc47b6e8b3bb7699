"""The fixtures and helpers every ``kg serve`` test shares (loaded by conftest.py; no tests here).

* ``served`` (session): **the** server of the real graph (``real_project``)
  — the app under uvicorn with kg's own connection layer, on a free port
  of 127.0.0.1 — and ``web``, an httpx client bound to it.  Tests that need other
  limits start their own with :func:`serving` (in this process) or
  :func:`spawned` (a separate ``kg serve`` process, for fd limits and
  memory measurements).
* the W3C SPARQL 1.1 Protocol test manifest (vendored in
  ``tests/fixtures/w3c-sparql11-protocol/``), parsed with rdflib into plain
  requests, and its data as one N-Quads file (:func:`w3c_dataset`).
* small helpers: :func:`sparql`, :func:`rows`, :func:`from_address`
  (a client with its own loopback address, i.e. another client for
  per-client admission), :func:`rss_mib`.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers.paths import FIXTURES, ROOT

W3C = FIXTURES / "w3c-sparql11-protocol"  # vendored, with its licence
SD_NS = "http://www.w3.org/ns/sparql-service-description#"
PARK = "https://w3id.org/stcoop/id/park/sinoswiss-technopark"
SKOS = "http://www.w3.org/2004/02/skos/core#"
JSON_RESULTS = "application/sparql-results+json"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@dataclass
class Served:
    url: str
    app: object

    @property
    def server(self):
        return self.app.state.server

    @property
    def pool(self):
        return self.app.state.server.pool


@contextlib.contextmanager
def serving(project=None, **options):
    """``create_app(project, **options)`` under uvicorn on 127.0.0.1, configured as ``kg serve`` configures it
    (kg.serve.connections), its base URL the address it listens on."""
    import uvicorn

    from kg.serve import create_app
    from kg.serve.connections import listen, uvicorn_config

    sock = listen("127.0.0.1", 0)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    options.setdefault("base_url", url)
    app = create_app(project, **options)
    config = uvicorn_config(app, app.state.server.settings, log_level="warning", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="kg-serve-test")
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield Served(url, app)
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


@pytest.fixture(scope="session")
def real_project():
    from helpers.knowledge import built_real

    return built_real()


@pytest.fixture(scope="session")
def served(real_project):
    """The one shared server of the real graph (3 workers, 10 s timeout, the default limits)."""
    with serving(real_project, timeout=10, workers=3) as s:
        yield s


@pytest.fixture(scope="session")
def web(served):
    """An httpx client of the shared server."""
    import httpx

    with httpx.Client(base_url=served.url, timeout=60) as c:
        yield c


def from_address(url: str, host: str, timeout: float = 60):
    """An httpx client that connects from ``host`` (any 127.x.y.z is loopback): another client to the server."""
    import httpx

    return httpx.Client(base_url=url, timeout=timeout, transport=httpx.HTTPTransport(local_address=host))


def sparql(client, query, accept=JSON_RESULTS, method="GET", **extra):
    if method == "GET":
        return client.get("/sparql", params={"query": query, **extra}, headers={"Accept": accept})
    return client.post("/sparql", data={"query": query, **extra}, headers={"Accept": accept})


def rows(resp) -> list[dict]:
    assert resp.status_code == 200, resp.text
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(resp.content)["results"]["bindings"]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int, field_name: str = "VmRSS") -> float:
    """A process's resident memory (VmRSS) or its peak (VmHWM), MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field_name} for {pid}")


@contextlib.contextmanager
def spawned(files, nofile: int | None = None, **limits):
    """``kg.serve.serve(files=…, **limits)`` as a separate process (optionally under an open-file limit of
    ``nofile``); yields (url, process).  Its own process: its memory and file descriptors are its own."""
    import httpx

    port = free_port()
    code = ("import json, sys; from kg.serve import serve; "
            "serve(None, '127.0.0.1', int(sys.argv[1]), files=json.loads(sys.argv[2]), log_level='warning', "
            "**json.loads(sys.argv[3]))")

    def lower_fd_limit():
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    # its log goes to a file: a pipe nobody reads would fill up and stop the server mid-test
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-c", code, str(port), json.dumps([str(f) for f in files]),
                             json.dumps(limits)], env=env, stdout=subprocess.DEVNULL, stderr=log,
                            preexec_fn=lower_fd_limit if nofile else None)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/status", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError(f"the server did not start: {log.read().decode()[-2000:]}") from None
                time.sleep(0.1)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# ------------------------------------------------------------------ W3C manifest


@dataclass
class W3CRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    expected_status: set[str]  # {"2xx", "3xx"} or {"4xx"}
    expected_format: str | None  # "boolean", "tabular", "RDF"
    expected_boolean: bool | None


@dataclass
class W3CTest:
    name: str  # the local name, e.g. query_post_form
    title: str
    requests: list[W3CRequest] = field(default_factory=list)

    @property
    def category(self) -> str:
        if self.name.startswith("bad_"):
            return "bad-request"
        if self.name.startswith("update_"):
            return "update"
        return "query"


def _graph():
    import rdflib

    g = rdflib.Graph()
    g.parse(W3C / "manifest.ttl", format="turtle", publicID=(W3C / "manifest.ttl").as_uri())
    return g


def w3c_manifest() -> list[W3CTest]:
    """The manifest's tests in their listed order, each with its HTTP requests."""
    import rdflib
    from rdflib.collection import Collection

    MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
    HT = rdflib.Namespace("http://www.w3.org/2011/http#")
    CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
    HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
    g = _graph()
    manifest = next(g.subjects(rdflib.RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        test = W3CTest(name=str(entry).rsplit("#", 1)[-1], title=str(g.value(entry, MF.name)))
        action = g.value(entry, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            hl = g.value(req, HT.headers)
            if hl is not None:
                for h in Collection(g, hl):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = None
            b = g.value(req, HT.body)
            if b is not None:
                encoding = str(g.value(b, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(b, CNT.chars)).encode(encoding.lower())
            resp = g.value(req, HT.resp)
            status = {str(s)[len(HTS):] for s in g.objects(resp, MF.expectedStatus)}
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            test.requests.append(W3CRequest(
                method=str(g.value(req, HT.methodName)), path=str(g.value(req, HT.absolutePath)),
                headers=headers, body=body, expected_status=status,
                expected_format=str(fmt) if fmt is not None else None,
                expected_boolean=boolean.toPython() if boolean is not None else None))
        tests.append(test)
    return tests


def w3c_dataset(folder: Path) -> Path:
    """data1.nt … as named graphs (named by the manifest's labels) in one N-Quads file."""
    import rdflib

    UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
    g = _graph()
    names = {}
    for gd in g.objects(None, UT.graphData):
        names[Path(str(g.value(gd, UT.graph)).rsplit("/", 1)[-1]).name] = str(g.value(gd, rdflib.RDFS.label))
    lines = []
    for file, graph in sorted(names.items()):
        for line in (W3C / file).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                assert line.endswith(" .")
                lines.append(f"{line[:-2]} <{graph}> .")
    out = folder / "w3c-protocol.nq"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def w3c_data(tmp_path_factory) -> Path:
    return w3c_dataset(tmp_path_factory.mktemp("w3c"))
