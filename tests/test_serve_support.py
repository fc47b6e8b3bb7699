"""Helpers for the ``kg serve`` tests (this module holds no tests itself).

* :class:`LiveServer`: the app under a real uvicorn server on a free port
  of 127.0.0.1, in a background thread, stopped on exit;
* :func:`w3c_manifest` / :func:`w3c_dataset`: the W3C SPARQL 1.1 Protocol
  test manifest (vendored in ``tests/fixtures/w3c-sparql11-protocol/``), parsed
  with rdflib into plain requests, and its data as one N-Quads file whose
  graph names are the manifest's ``ut:graphData`` labels.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

W3C = ROOT / "tests" / "fixtures" / "w3c-sparql11-protocol"  # vendored, with its licence
SD_NS = "http://www.w3.org/ns/sparql-service-description#"


class LiveServer:
    """``with LiveServer(app) as url:`` runs ``app`` under uvicorn on 127.0.0.1 (loopback only)."""

    def __init__(self, app):
        self.app = app
        self.server = None
        self.thread = None
        self.url = None

    def __enter__(self) -> str:
        import uvicorn

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning", lifespan="on",
                                timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True,
                                       name="kg-serve-test")
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(15)


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
