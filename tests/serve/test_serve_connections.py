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
