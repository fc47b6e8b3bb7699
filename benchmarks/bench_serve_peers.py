#!/usr/bin/env python3
"""Throughput of ``kg serve`` beside other SPARQL servers on the same build (a script, not a test).

Every server answers the same requests over loopback: each saved query
(``queries/*.rq``) with its header's example parameters, bound into the text
as kg binds them for a remote store (``kg.remote``: a VALUES block, the
project prefixes declared), POSTed form-encoded to the server's endpoint
with ``Accept: application/sparql-results+json``.  The servers, each loaded
from the build kg serves (its ``kg.nq`` dump) with its own bulk loader, as
tests/helpers/stores.py starts them:

* ``kg serve`` (its defaults: one worker per CPU plus one, at least 3);
* Oxigraph server: ``oxigraph load`` then ``oxigraph serve-read-only --union-default-graph``;
* Virtuoso 7 (``virtuoso-t``, its bulk loader) and Jena TDB2 (``tdb2.tdbloader``, ARQ
  behind tests/helpers/servers/JenaTdbEndpoint.java), where installed.

N clients (8 by default) each keep one connection (``kg serve`` sees each from
its own loopback address, as separate users: its per-client limit is not what
is measured) and send requests as fast as answers come, round robin over the
queries from a different start each, for a warm-up and then the measured
seconds, one server at a time.  Prints per server: requests, req/s, p50 / p99
/ max latency, errors, and the CPU seconds of the server's processes beside
the wall seconds; and per query, its rows on each server (a server that
answered differently would not be doing the same work) and its median
latency under the load.

Usage: python benchmarks/bench_serve_peers.py [--clients 8] [--duration 20] [--servers kg,oxigraph,virtuoso,jena]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, kg_env  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
from helpers import stores as st  # noqa: E402  (how the tests start and load the other servers)

ACCEPT = "application/sparql-results+json"


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def workload(project) -> list[tuple[str, str]]:
    """(name, the text every server is sent) for each saved query with its example parameters."""
    from kg.answering import open_store
    from kg.catalogue import read_query
    from kg.params import bind_params
    from kg.remote import bind_in_text, with_prefixes

    store = open_store(project, build_if_stale=False)
    out = []
    for path in sorted((project.home / "queries").glob("*.rq")):
        q = read_query(path)
        bindings = bind_params(q.text, q.example_params(), declared=q.params, store=store)
        out.append((path.stem, with_prefixes(bind_in_text(q.text, bindings))))
    return out


def rows_of(body: bytes) -> int:
    doc = json.loads(body)
    return len(doc["results"]["bindings"]) if "results" in doc else int(bool(doc.get("boolean")))


def cpu_of(pids: list[int]) -> float:
    """CPU seconds of processes and their reaped children, and of their live children (kg serve's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    seen = set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
            total += sum(int(fields[i]) for i in (11, 12, 13, 14)) / tick
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return total


class Client(threading.Thread):
    def __init__(self, url: str, source: str | None, requests: list[tuple[str, bytes]], start_at: int,
                 stop: threading.Event):
        super().__init__(daemon=True)
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.source, self.requests, self.i, self.stop = source, requests, start_at, stop
        self.latencies: list[float] = []
        self.by_query: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=120,
                                          source_address=(self.source, 0) if self.source else None)

    def run(self):
        conn = self.connect()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
        while not self.stop.is_set():
            name, body = self.requests[self.i % len(self.requests)]
            self.i += 1
            t0 = time.perf_counter()
            try:
                conn.request("POST", self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{name}: {type(exc).__name__}: {exc}")
                conn.close()
                conn = self.connect()
                continue
            if resp.status != 200:
                self.errors.append(f"{name}: HTTP {resp.status}: {data[:120]!r}")
            else:
                self.latencies.append(time.perf_counter() - t0)
                self.by_query.setdefault(name, []).append(self.latencies[-1])
        conn.close()


def measure(url: str, pids: list[int], requests, clients: int, seconds: float, own_addresses: bool) -> dict:
    stop = threading.Event()
    threads = [Client(url, f"127.0.60.{n + 1}" if own_addresses else None, requests, n * 3, stop)
               for n in range(clients)]
    cpu0, t0 = cpu_of(pids), time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(180)
    wall, cpu = time.perf_counter() - t0, cpu_of(pids) - cpu0
    lat = [x for t in threads for x in t.latencies]
    by_query = {}
    for t in threads:
        for q, xs in t.by_query.items():
            by_query.setdefault(q, []).extend(xs)
    return {"by_query": {q: percentile(xs, 50) for q, xs in by_query.items()},"requests": len(lat), "wall": wall, "rps": len(lat) / wall, "p50": percentile(lat, 50),
            "p99": percentile(lat, 99), "max": max(lat, default=float("nan")),
            "errors": [e for t in threads for e in t.errors], "cpu": cpu}


def answers(url: str, workload_: list[tuple[str, str]]) -> dict[str, int]:
    import httpx

    out = {}
    for name, text in workload_:
        r = httpx.post(url, data={"query": text}, headers={"Accept": ACCEPT}, timeout=120)
        out[name] = rows_of(r.content) if r.status_code == 200 else -r.status_code
    return out


def start_kg(project, folder: Path):
    port = st.free_port()
    log = open(folder / "kg-serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--home", str(project.home), "--build-dir",
                             str(project.build_dir), "--host", "127.0.0.1", "--port", str(port)],
                            env=kg_env(), stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/sparql"
    server = st.Server("kg serve", proc, folder / "kg-serve.log", None)
    server.wait_up(url)
    return server, url


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", default=str(ROOT), help="working copy (default: this checkout)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    ap.add_argument("--duration", "-d", type=float, default=20.0, help="measured seconds per server (default 20)")
    ap.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds per server first (default 3)")
    ap.add_argument("--servers", type=lambda v: v.split(","), default=["kg", "oxigraph", "virtuoso", "jena"],
                    help="comma-separated, of kg,oxigraph,virtuoso,jena (default all that are installed)")
    args = ap.parse_args(argv)

    from kg.answering import serving_build
    from kg.export import export_built
    from kg.project import locate

    folder = Path(tempfile.mkdtemp(prefix="kg-bench-peers-"))
    project = locate(Path(args.home).resolve())
    built = serving_build(project)
    export_built(built, folder / "dumps", only=["nq"])
    nquads = folder / "dumps" / "kg.nq"
    work = workload(project)
    requests = [(name, urllib.parse.urlencode({"query": text}).encode()) for name, text in work]
    print(f"{len(work)} saved queries; {args.clients} clients; {args.warmup:g} s warm-up and {args.duration:g} s "
          f"measured per server; {os.cpu_count()} CPUs (clients and servers on the same ones, loopback)")

    try:
        results, rows = run_all(args, project, folder, nquads, work, requests)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # the stores' databases
    report(results, rows, work)
    return 0


def run_all(args, project, folder: Path, nquads: Path, work, requests) -> tuple[dict, dict]:
    results, rows = {}, {}
    for name in args.servers:
        if name != "kg" and st.missing(name):
            print(f"{name}: skipped ({st.missing(name)})")
            continue
        servers = []
        try:
            if name == "kg":
                server, url = start_kg(project, folder)
                servers = [server]
            elif name == "oxigraph":
                st.oxigraph_bulk_load(folder / "oxigraph", nquads)
                servers = [st.start_oxigraph(folder, location=folder / "oxigraph")]
                url = servers[0].endpoint.url
            elif name == "virtuoso":
                servers = [st.start_virtuoso(folder / "virtuoso")]
                st.virtuoso_bulk_load(servers[0], nquads)
                url = servers[0].endpoint.url
            elif name == "jena":
                st.tdb2_load(folder / "jena", nquads)
                servers = list(st.start_jena(folder, {"kg": folder / "jena"}).values())
                url = servers[0].endpoint.url
            else:
                raise SystemExit(f"unknown server {name!r}")
            pids = [s.process.pid for s in servers]
            rows[name] = answers(url, work)
            if args.warmup:
                measure(url, pids, requests, args.clients, args.warmup, name == "kg")
            results[name] = measure(url, pids, requests, args.clients, args.duration, name == "kg")
        finally:
            for server in servers:
                if name == "kg":  # as Ctrl-C: kg serve stops its workers and removes its snapshot
                    server.process.send_signal(signal.SIGINT)
                    server.process.wait(60)
                else:
                    server.stop()
    return results, rows


def report(results: dict, rows: dict, work) -> None:
    print()
    print("| server | requests | req/s | p50 | p99 | max | errors | server CPU / wall |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    labels = {"kg": "kg serve", "oxigraph": "Oxigraph server", "virtuoso": "Virtuoso 7", "jena": "Jena TDB2 (ARQ)"}
    for name, r in results.items():
        print(f"| {labels[name]} | {r['requests']} | {r['rps']:.0f} | {r['p50'] * 1000:.1f} ms | "
              f"{r['p99'] * 1000:.1f} ms | {r['max'] * 1000:.0f} ms | {len(r['errors'])} | "
              f"{r['cpu']:.1f} s / {r['wall']:.1f} s |")
    for name, r in results.items():
        for e in r["errors"][:3]:
            print(f"    {name} error: {e}")
    print()
    print("per query: rows, and median latency (ms) under the load above;", ", ".join(rows))
    for q, _ in work:
        print(f"  {q:<20} " + "  ".join(f"{rows[name][q]:>4} {results[name]['by_query'].get(q, float('nan')) * 1000:7.1f}"
                                       for name in rows if name in results))


if __name__ == "__main__":
    sys.exit(main())
