"""kg.serve.dataset: the private snapshot of the served build, dumps, saved queries, descriptions, base URL."""

from __future__ import annotations

import hashlib
import json
import os
import time

from helpers.serve_fixtures import CARTESIAN, JSON_RESULTS, SD_NS, rows, serving, sparql


def _mini_app(project, **kw):
    from kg.serve import create_app

    kw.setdefault("workers", 1)
    return create_app(project, **kw)


def test_a_rebuild_does_not_break_the_running_server(mini):
    """``kg build`` deletes the generation the server was started on; workers started afterwards (here
    after a timeout) still load, because the server serves its own private copy, removed at shutdown."""
    from starlette.testclient import TestClient

    import kg.build
    import kg.builds

    app = _mini_app(mini, timeout=1.0)
    server = app.state.server
    served = kg.builds.current(mini).path
    snapshot = server.dataset.snapshot.path
    assert not any(str(f).startswith(str(mini.build_dir)) for f in server.dataset.files)
    with TestClient(app) as c:
        pids = server.pool.pids()
        rebuilt = kg.build.build(mini, force=True)
        assert rebuilt.path != served and not served.exists()
        resp = c.post("/sparql", data={"query": CARTESIAN.replace("}", ". ?m ?n ?o }")})
        assert resp.status_code == 504, resp.text
        deadline = time.monotonic() + 30
        while (not server.pool.pids() or server.pool.pids() == pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.pool.pids() and server.pool.pids() != pids, "no replacement worker loaded"
        resp = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": JSON_RESULTS})
        assert resp.status_code == 200 and json.loads(resp.content)["boolean"] is True
        assert c.get("/page/park/alpha").status_code == 200
        assert c.get("/status").json()["stats"]["replaced"] == 1
    assert not snapshot.exists()


def test_dumps_are_the_served_build_and_no_request_builds(mini, monkeypatch):
    """Inputs changed after the start: the dumps still describe the build being served, and nothing is
    built inside a request (nor is the served generation deleted)."""
    from starlette.testclient import TestClient

    import kg.build
    import kg.builds

    app = _mini_app(mini)
    served = kg.builds.current(mini)
    with TestClient(app) as c:
        data = mini.home / "data" / "alpha.trig"
        data.write_text(data.read_text(encoding="utf-8") + "\n# changed after the server started\n",
                        encoding="utf-8")
        assert kg.builds.fresh(mini) is None

        def no_build(*a, **kw):
            raise AssertionError("a request started a build")

        monkeypatch.setattr(kg.build._Run, "execute", no_build)
        void = c.get("/dumps/void.ttl")
        assert void.status_code == 200
        assert served.manifest["hash"][:16] in void.text
        assert c.get("/", headers={"Accept": "text/html"}).status_code == 200
        sums = c.get("/dumps/SHA256SUMS").text
        for line in sums.splitlines():
            digest, name = line.split()
            assert hashlib.sha256(c.get(f"/dumps/{name}").content).hexdigest() == digest, name
    assert served.path.exists() and kg.builds.current(mini).path == served.path
    assert not (mini.build_dir / "dumps").exists()  # the dumps live in the server's private folder


def test_snapshot_copies_when_it_cannot_link(tmp_path, monkeypatch):
    from kg.serve.dataset import Snapshot

    src = tmp_path / "a.nq"
    src.write_text("<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> .\n", encoding="utf-8")

    def refuse(*a):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.link", refuse)
    snap = Snapshot({"a.nq": src})
    try:
        copy = snap.path / "a.nq"
        assert copy.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
        src.unlink()
        assert copy.is_file() and (snap.path / "spool").is_dir()
    finally:
        snap.remove()
    assert not snap.path.exists() and snap.removed


BAD_QUERY = "# title: Broken\n# param: park nonsense\nSELECT * WHERE { ?s ?p ?o }\n"


def test_one_bad_saved_query_spoils_only_itself(mini):
    from starlette.testclient import TestClient

    with TestClient(_mini_app(mini), raise_server_exceptions=False) as c:
        (mini.home / "queries" / "broken.rq").write_text(BAD_QUERY, encoding="utf-8")
        landing = c.get("/", headers={"Accept": "text/html"})
        assert landing.status_code == 200
        assert "broken" in landing.text and "bad param header" in landing.text
        assert 'href="/query?name=parks&amp;run=1"' in landing.text
        assert c.get("/query").status_code == 200
        assert c.get("/query?name=parks").status_code == 200
        assert c.get("/queries/parks.rq").text.startswith("# title:")
        for path in ("/queries/broken.rq", "/query?name=broken"):
            resp = c.get(path)
            assert resp.status_code == 500 and resp.headers["content-type"].startswith("text/plain")
            assert resp.text == ("the saved query 'broken' cannot be used: queries/broken.rq:2: bad param header "
                                 "'park nonsense'; expected 'NAME TYPE required|optional DESCRIPTION'\n")
            assert "Traceback" not in resp.text
        html = c.get("/query?name=broken", headers={"Accept": "text/html"})
        assert html.status_code == 500 and "bad param header" in html.text
        assert c.get("/query?name=no-such-query").status_code == 404


def test_saved_queries_are_parsed_once_per_change(mini, monkeypatch):
    import kg.catalogue
    from kg.serve.dataset import SavedQueries

    reads = []
    real = kg.catalogue.read_query
    monkeypatch.setattr(kg.catalogue, "read_query", lambda path, **kw: (reads.append(path.name), real(path, **kw))[1])
    saved = SavedQueries(mini)
    names = [n for n, _ in saved.entries()]
    assert names == sorted(p.stem for p in mini.query_files()) and len(reads) == len(names)
    saved.entries()
    saved.get("parks")
    assert len(reads) == len(names)  # nothing read again
    path = mini.home / "queries" / "parks.rq"
    path.write_text(path.read_text(encoding="utf-8").replace("Parks and their country", "Parks, countries"),
                    encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert saved.get("parks").title == "Parks, countries" and reads[len(names):] == ["parks.rq"]


def test_a_library_error_in_a_request_is_a_message_not_a_traceback(mini, monkeypatch):
    from starlette.testclient import TestClient

    import kg.export
    from kg.errors import ExportError

    def full(*a, **kw):
        raise ExportError("cannot write dumps/kg.ttl: No space left on device")

    monkeypatch.setattr(kg.export, "export_built", full)
    with TestClient(_mini_app(mini), raise_server_exceptions=False) as c:
        resp = c.get("/dumps/kg.ttl")
        assert resp.status_code == 500 and resp.headers["content-type"].startswith("text/plain")
        assert resp.text == "the server cannot answer: cannot write dumps/kg.ttl: No space left on device\n"


def test_dumps_are_downloadable_and_match_their_checksums(web, served):
    import rdflib

    sums = web.get("/dumps/SHA256SUMS").text
    for line in sums.splitlines():
        digest, name = line.split()
        resp = web.get(f"/dumps/{name}")
        assert resp.status_code == 200
        assert hashlib.sha256(resp.content).hexdigest() == digest, name
    void = rdflib.Graph().parse(data=web.get("/dumps/void.ttl").content, format="turtle",
                                publicID="http://127.0.0.1/dumps/void.ttl")
    assert (None, rdflib.URIRef("http://rdfs.org/ns/void#dataDump"),
            rdflib.URIRef("http://127.0.0.1/dumps/kg.ttl")) in void
    # the description names the endpoint that serves the dataset (its public address, --base-url)
    assert (rdflib.URIRef("https://w3id.org/stcoop/dataset"), rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint"),
            rdflib.URIRef(served.url + "/sparql")) in void
    assert web.get("/.well-known/void", follow_redirects=False).headers["location"] == "/dumps/void.ttl"
    assert web.get("/dumps/../pyproject.toml").status_code == 404


# --------------------------------------------------------------- base URL

def test_the_host_header_is_never_trusted(web, served):
    """The attack: ``Host: evil.com`` gave ``sd:endpoint <http://evil.com/sparql>`` and resolved relative IRIs
    against it.  The endpoint's address is the configured --base-url, whatever the request says."""
    import rdflib

    evil = {"Host": "evil.com", "X-Forwarded-Host": "evil.com", "Forwarded": "host=evil.com"}
    sd = web.get("/sparql", headers={**evil, "Accept": "text/turtle"})
    assert sd.status_code == 200 and "evil.com" not in sd.text
    g = rdflib.Graph().parse(data=sd.content, format="turtle")
    assert set(g.objects(None, rdflib.URIRef(SD_NS + "endpoint"))) == {rdflib.URIRef(served.url + "/sparql")}
    resolved = rows(web.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<relative> AS ?x) }"},
                            headers={**evil, "Accept": JSON_RESULTS}))
    assert resolved == [{"x": served.url + "/relative"}]
    for path in ("/", "/query", "/page/park/sinoswiss-technopark", "/id/park/sinoswiss-technopark"):
        resp = web.get(path, headers={**evil, "Accept": "text/html"}, follow_redirects=False)
        assert "evil.com" not in resp.text and "evil.com" not in resp.headers.get("location", ""), path


def test_the_base_url_is_configured_and_checked(w3c_data):
    import httpx
    import pytest

    from kg.errors import KgError
    from kg.serve.limits import Settings

    with serving(files=[w3c_data], workers=1, base_url="https://sparql.example.org/") as s, \
            httpx.Client(base_url=s.url, timeout=30) as c:
        sd = c.get("/sparql", headers={"Accept": "application/n-triples"}).text
        assert f"<{SD_NS}endpoint> <https://sparql.example.org/sparql> ." in sd
        resolved = rows(sparql(c, "SELECT ?x WHERE { BIND(<a/b> AS ?x) }"))
        assert resolved == [{"x": "https://sparql.example.org/a/b"}]
    for bad in ("sparql.example.org", "ftp://example.org", "https://example.org/kg/"):
        with pytest.raises(KgError, match="--base-url"):
            Settings(base_url=bad).resolved()
