"""kg.serve.docs: the documentation site at ``/docs/`` — odd file names, and the site kept out of the server.

The attacks of issue 19: ``/docs/%00``, ``/docs/ontology.html%00.txt`` and a
5,000-character name answered 500 with a traceback.  Every name is sent as
the raw request line (an HTTP library would normalise some of them).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.parse

import pytest
from helpers.serve_fixtures import ROOT

OK = {200, 301, 302, 400, 404}


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    """(status, body) of ``GET target`` sent byte for byte on a connection of its own."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.mark.parametrize("target, status", [
    ("/docs/%00", 400),
    ("/docs/ontology.html%00.txt", 400),
    ("/docs/index.html%01", 400),
    ("/docs/" + "a" * 5000, 404),  # ENAMETOOLONG
    ("/docs/" + "a/" * 3000 + "b.html", 404),  # a path too long for the file system
    ("/docs/nope.html", 404),
], ids=lambda v: str(v)[:40])
def test_malformed_names_are_400_and_missing_ones_404(served, target, status):
    code, body = raw_get(served.url, target)
    assert code == status, body[:300]
    assert b"Traceback" not in body and b"Internal Server Error" not in body


ODD = ["%00", "%00.html", "a%00b", "%0a", "%0d%0a", "%1b[31m", "%7f", "..", "../..", "..%2f..%2fetc%2fpasswd",
       "%2e%2e/%2e%2e/etc/passwd", "diagrams/../../x", "a" * 255, "a" * 256, "a" * 4096, "x/" * 2000,
       "%5c", "..%5c..%5cx", "a%5cb.html", "%c3%a9t%c3%a9.html", "%e2%80%ae.html", "%ef%bf%bf", "%ff%fe",
       "%ed%a0%80", "%f0%9f%98%80", "%25", "%2500", ".kg-docs", ".%2e", "diagrams", "diagrams/", "//etc/passwd",
       "index.html/", "index.html/.", "index.html%3f", "%3f", "~root", "con", "aux.html", "%20", "*", "?x"]


@pytest.mark.parametrize("name", ODD, ids=lambda n: n[:40])
def test_no_file_name_gets_a_server_error(served, name):
    """Any name under /docs/ is a page, a redirect, a 400 or a 404: never a 500."""
    code, body = raw_get(served.url, "/docs/" + name)
    assert code in OK, (code, body[:300])


def test_site_file_turns_what_the_file_system_says_into_400_or_404(tmp_path):
    from kg.serve.docs import site_file
    from kg.serve.limits import HttpError

    (tmp_path / "page.html").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")  # ELOOP when resolved
    assert site_file(tmp_path, "page.html") == (tmp_path / "page.html").resolve()
    for rel, status in (("a\x00b", 400), ("\x1f", 400), ("a" * 5000, 404), ("loop", 404), ("../x", 404),
                        ("nope", 404), (".", 404)):
        with pytest.raises(HttpError) as err:
            site_file(tmp_path, rel)
        assert err.value.status == status, rel[:20]


def test_the_site_is_written_by_a_child_and_served_from_disk(real_project):
    """The first /docs/ request grew the server by tens of MiB for good: the site was rendered in its
    process (the store opened a second time, every page held at once) and the reference page kept in
    memory.  Now a child process writes the site (here the server's own kg.docs.site_files refuses to
    run) and every page, the reference included, is served from its file (an ETag says so)."""
    code = f"""
import kg.docs
from starlette.testclient import TestClient
from kg.project import locate
from kg.serve import create_app

def refuse(*args, **kwargs):
    raise AssertionError("the server process rendered the site")

kg.docs.site_files = refuse
app = create_app(locate({str(real_project.home)!r}, {str(real_project.build_dir)!r}), workers=1)
with TestClient(app) as c:
    page = c.get("/docs/")
    ref = c.get("/ontology", headers={{"Accept": "text/html"}})
print(page.status_code, ref.status_code, "etag" in ref.headers, "id=\\"ParkOrZone\\"" in ref.text)
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["200", "200", "True", "True"], out.stdout
