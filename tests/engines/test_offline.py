"""Offline for real: pyoxigraph's HTTP client is Rust, so a Python socket
guard cannot see it. A listener on loopback stands in for the network and
must receive no connection while kg runs queries that try to reach it."""

from __future__ import annotations

import socket
import threading

import pytest

from helpers.knowledge import built_real


@pytest.fixture
def listener():
    """A TCP server on 127.0.0.1 that records every connection it accepts."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    hits: list = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", hits
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o .SERVICE <{url}> {{ ?a ?b ?c }} }}",
    "SELECT * WHERE {{ {{ ?s ?p ?o }}SERVICE SILENT <{url}> {{ ?a ?b ?c }} }}",
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
])
def test_no_query_reaches_the_network(listener, template):
    from kg.errors import QueryError
    from kg.answering import open_store

    url, hits = listener
    with pytest.raises(QueryError, match="refused"):
        result = open_store(built_real()).query(template.format(url=url))
        _ = result.rows
    assert hits == []
