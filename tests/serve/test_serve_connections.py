"""kg.serve.connections: slow and oversized clients at the HTTP level (loopback only, bounded in count and time).

Raw sockets play the clients that a polite HTTP library would never be:
connections that trickle one byte at a time, a body that never ends, an
answer nobody reads, a 2 MB request line.
"""

from __future__ import annotations

import select
import socket
import threading
import time
import urllib.parse

import httpx
import pytest
from helpers.serve_fixtures import JSON_RESULTS, spawned, serving

pytestmark = pytest.mark.slow  # waits out the server's send and read timeouts


def _port(url: str) -> int:
    return urllib.parse.urlsplit(url).port


def _read_all(sock: socket.socket, seconds: float) -> bytes:
    """What the server sends until it closes the connection (or ``seconds`` pass)."""
    sock.settimeout(seconds)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except TimeoutError:
        pass
    return data


def test_slow_connections_are_dropped_and_others_still_answered(w3c_data):
    """The attack: connections sending a byte every few seconds were never timed out, and as many of them as
    the open-file limit locked everyone out.  Here the server runs under an open-file limit of 256 with a
    1.5 s header timeout; 300 connections trickle a byte every 0.3 s; other clients are answered meanwhile,
    and every slow connection is closed by the server."""
    with spawned([w3c_data], nofile=256, header_timeout=1.5, workers=2) as (url, _):
        port = _port(url)
        slow = []
        for _ in range(300):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            s.setblocking(False)
            slow.append(s)
        opened = time.monotonic()
        closed: dict[socket.socket, float] = {}
        stop = threading.Event()

        def trickle():
            while not stop.is_set() and len(closed) < len(slow):
                readable, _, _ = select.select([s for s in slow if s not in closed], [], [], 0.3)
                for s in readable:  # a 408 or an end of file: the server is done with it
                    try:
                        s.recv(65536)
                    except OSError:
                        pass
                    closed[s] = time.monotonic()
                for s in slow:
                    if s not in closed:
                        try:
                            s.send(b"a")
                        except OSError:
                            closed[s] = time.monotonic()

        trickler = threading.Thread(target=trickle)
        trickler.start()
        try:
            seconds = []
            for _ in range(10):
                t0 = time.perf_counter()
                with httpx.Client(base_url=url, timeout=10) as c:  # a new connection each time
                    r = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": JSON_RESULTS})
                assert r.status_code == 200, r.text
                seconds.append(time.perf_counter() - t0)
            deadline = time.monotonic() + 6
            while len(closed) < len(slow) and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            stop.set()
            trickler.join()
            for s in slow:
                s.close()
        assert max(seconds) < 3.0, seconds
        assert len(closed) == len(slow), f"{len(slow) - len(closed)} slow connections were still open"
        assert max(closed.values()) - opened < 1.5 + 3.0


def test_a_very_long_query_string_gets_414_not_a_reset(served):
    """The attack: a 2 MB query string got a connection reset.  Now the client reads a 414 that says what to
    do, and the connection ends cleanly (the server reads the rest of the request and drops it)."""
    line = b"GET /sparql?query=" + b"a" * (2 << 20) + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with socket.create_connection(("127.0.0.1", _port(served.url)), timeout=10) as s:
        sender = threading.Thread(target=s.sendall, args=(line,))
        sender.start()
        answer = _read_all(s, 10)  # raises ConnectionResetError on a reset
        sender.join()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414 "), head
    assert b"x-content-type-options: nosniff" in head.lower()
    assert b"send the query by POST" in body


def test_a_body_that_never_ends_is_408(w3c_data):
    with serving(files=[w3c_data], workers=1, body_timeout=1.0) as s, \
            socket.create_connection(("127.0.0.1", _port(s.url)), timeout=10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK {")
        t0 = time.monotonic()
        answer = _read_all(sock, 5)
        assert answer.startswith(b"HTTP/1.1 408 "), answer
        assert b"did not arrive within 1 s" in answer and time.monotonic() - t0 < 3
        assert s.pool.stats["queries"] == 0


def test_a_head_that_stops_half_way_is_408_and_an_idle_connection_is_closed(w3c_data):
    with serving(files=[w3c_data], workers=1, header_timeout=1.0) as s:
        with socket.create_connection(("127.0.0.1", _port(s.url)), timeout=10) as half:
            half.sendall(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            assert _read_all(half, 5).startswith(b"HTTP/1.1 408 ")
        with socket.create_connection(("127.0.0.1", _port(s.url)), timeout=10) as idle:
            t0 = time.monotonic()
            assert _read_all(idle, 5) == b"" and time.monotonic() - t0 < 3  # closed, without an answer


def test_an_answer_nobody_reads_is_dropped_after_the_send_timeout(tmp_path):
    """A client that asks for a large answer and reads none of it is disconnected after --send-timeout."""
    data = tmp_path / "big.nq"
    data.write_text("".join(f'<urn:x:s{i}> <urn:x:p> "{"x" * 100_000}" <urn:x:g> .\n' for i in range(100)))
    with serving(files=[data], workers=1, send_timeout=1.0) as s:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # so the server's writes soon block
        sock.connect(("127.0.0.1", _port(s.url)))
        query = urllib.parse.quote("SELECT ?o WHERE { ?s ?p ?o }")
        sock.sendall(f"GET /sparql?query={query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        time.sleep(2.5)
        got = b""
        try:
            got = _read_all(sock, 5)
        except ConnectionResetError:
            pass
        finally:
            sock.close()
        head, _, body = got.partition(b"\r\n\r\n")
        length = int(next(h.split(b":")[1] for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")))
        assert length > 5_000_000 and len(body) < length, (length, len(body))


# ------------------------------------------------------- framing (RFC 9112 §6)

def _exchange(url: str, request: bytes, seconds: float = 6.0) -> tuple[bytes, bool]:
    """What the server sends back to ``request`` on a connection of its own, and whether it closed it."""
    with socket.create_connection(("127.0.0.1", _port(url)), timeout=10) as s:
        s.sendall(request)
        s.settimeout(seconds)
        data, closed = b"", False
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    closed = True
                    break
                data += chunk
        except TimeoutError:
            pass
    return data, closed


_BODY = b"query=ASK%7B%7D"
_CHUNKED = b"%x\r\n%s\r\n0\r\n\r\n" % (len(_BODY), _BODY)
_FORM_HEAD = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
_SMUGGLED = b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.mark.parametrize("request_bytes", [
    # the attack: read as chunked, the connection kept, and the bytes after the chunks a request of their own
    _FORM_HEAD + b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n" % len(_CHUNKED) + _CHUNKED + _SMUGGLED,
    _FORM_HEAD + b"Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n" + _CHUNKED + _SMUGGLED,
    _FORM_HEAD.replace(b"HTTP/1.1", b"HTTP/1.0") + b"Transfer-Encoding: chunked\r\n\r\n" + _CHUNKED,
    _FORM_HEAD + b"Content-Length: %d\r\nContent-Length: 3\r\n\r\n" % len(_BODY) + _BODY + _SMUGGLED,
    _FORM_HEAD + b"Content-Length: %d, 3\r\n\r\n" % len(_BODY) + _BODY + _SMUGGLED,
], ids=["CL+TE", "TE+CL", "TE in HTTP/1.0", "two Content-Lengths", "a list of two lengths"])
def test_a_body_with_two_framings_is_400_and_the_connection_closed(served, request_bytes):
    """RFC 9112 §6.1 and §6.3: a request whose body length is ambiguous gets 400, and the connection is closed
    (no second answer: what followed is never read as a request)."""
    data, closed = _exchange(served.url, request_bytes)
    assert data.startswith(b"HTTP/1.1 400 "), data[:200]
    assert closed and data.count(b"HTTP/1.1 ") == 1, data
    assert b"connection: close" in data.lower()


def test_one_content_length_said_twice_is_one_length(served):
    """The same value repeated is one Content-Length (RFC 9112 §6.3): answered, and the connection kept."""
    lengths = b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(_BODY), len(_BODY))
    request = _FORM_HEAD + b"Accept: application/sparql-results+json\r\n" + lengths + _BODY + _SMUGGLED
    data, closed = _exchange(served.url, request, seconds=2.0)
    assert data.startswith(b"HTTP/1.1 200 ") and data.count(b"HTTP/1.1 200 ") == 2, data[:300]


# ------------------------------------------------------------------- memory

def test_memory_freed_after_a_large_request_goes_back_to_the_system(served, monkeypatch):
    """The server kept ~20 MiB for good after a few long request lines: glibc's allocator keeps freed large
    buffers in its heap.  kg serve fixes the allocator's thresholds at start, and after a connection that read
    more than LARGE bytes closes it hands what is free back (malloc_trim) — at most once a second."""
    from kg.serve import connections

    trims = []
    monkeypatch.setattr(connections, "trim_memory", lambda: trims.append(time.monotonic()))
    small = b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _exchange(served.url, small, seconds=5)
    time.sleep(connections.TRIM_EVERY + 0.5)
    assert trims == []
    large = (b"GET /sparql?query=" + b"a" * (2 * connections.LARGE)
             + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    for _ in range(3):  # answered (a syntax error), not a server stuck on a long text
        assert _exchange(served.url, large, seconds=60)[0].startswith(b"HTTP/1.1 400 ")
    deadline = time.monotonic() + 10
    while not trims and time.monotonic() < deadline:
        time.sleep(0.1)
    assert trims and all(b - a >= connections.TRIM_EVERY * 0.9 for a, b in zip(trims, trims[1:])), trims
