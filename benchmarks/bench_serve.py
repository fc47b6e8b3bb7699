#!/usr/bin/env python3
"""Load benchmark of ``kg serve`` on loopback (a script, not a test).

Starts ``kg serve`` as its own process on 127.0.0.1 (a free port), then:

1. baseline: N client threads, each with one keep-alive HTTP connection,
   send the saved queries (every queries/*.rq with its header's example
   parameters, round robin from a different start per client) as fast as
   answers come, for D seconds;
2. under attack: the same N clients for another D seconds while one more
   client sends a pathological query over and over (a four-way cartesian
   product of the whole graph, counted), each of which runs into the
   server's query timeout (``--timeout``, 2 s by default here) and is
   stopped (504).

Prints, per phase, requests, throughput, p50, p99, max and errors (anything
but 200 from the normal clients; zero expected), then the ratio of the
normal clients' p99 under attack to their baseline p99 (the target is at
most 2), and the server's own counters (/status: timeouts, replaced workers).

Usage: python benchmarks/bench_serve.py [--clients 8] [--duration 30] [--timeout 2] [--workers 0]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def saved_requests(home: Path) -> list[tuple[str, bytes]]:
    """(name, form-encoded body) for every saved query, with its header's example parameters."""
    from kg.catalogue import read_query

    out = []
    for path in sorted((home / "queries").glob("*.rq")):
        q = read_query(path)
        fields = [("query", q.text)]
        if q.examples:
            words = shlex.split(q.examples[0])
            fields += [("$" + w.split("=", 1)[0], w.split("=", 1)[1])
                       for i, w in enumerate(words) if i and words[i - 1] == "--param"]
        out.append((path.stem, urllib.parse.urlencode(fields).encode()))
    return out


def post(conn: http.client.HTTPConnection, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", "/sparql", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


class Client(threading.Thread):
    def __init__(self, port: int, requests: list, start_at: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.requests, self.i, self.stop = port, requests, start_at, stop
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while not self.stop.is_set():
            name, body = self.requests[self.i % len(self.requests)]
            self.i += 1
            t0 = time.perf_counter()
            try:
                status, data = post(conn, body)
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{name}: {type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            dt = time.perf_counter() - t0
            if status != 200:
                self.errors.append(f"{name}: HTTP {status}: {data[:200]!r}")
            else:
                self.latencies.append(dt)
        conn.close()


class Attacker(threading.Thread):
    def __init__(self, port: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.stop = port, stop
        self.statuses: list[int] = []
        self.seconds: list[float] = []

    def run(self):
        body = urllib.parse.urlencode({"query": CARTESIAN}).encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        while not self.stop.is_set():
            t0 = time.perf_counter()
            try:
                status, _ = post(conn, body)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                status = -1
            self.statuses.append(status)
            self.seconds.append(time.perf_counter() - t0)
        conn.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def phase(port: int, requests: list, clients: int, duration: float, attack: bool) -> dict:
    stop = threading.Event()
    threads = [Client(port, requests, i * 3, stop) for i in range(clients)]
    attacker = Attacker(port, stop) if attack else None
    if attacker:
        attacker.start()
        time.sleep(0.2)  # the pathological query is running before the measured traffic starts
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(duration)
    stop.set()
    for t in threads:
        t.join(120)
    elapsed = time.perf_counter() - t0
    if attacker:
        attacker.join(120)
    lat = [x for t in threads for x in t.latencies]
    errors = [e for t in threads for e in t.errors]
    out = {"requests": len(lat) + len(errors), "seconds": elapsed, "throughput": len(lat) / elapsed,
           "p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": max(lat) if lat else float("nan"),
           "mean": statistics.fmean(lat) if lat else float("nan"), "errors": errors}
    if attacker:
        out["attack"] = {"requests": len(attacker.statuses),
                         "statuses": {s: attacker.statuses.count(s) for s in sorted(set(attacker.statuses))},
                         "median_seconds": statistics.median(attacker.seconds) if attacker.seconds else None}
    return out


def show(label: str, r: dict) -> None:
    print(f"{label:<14} {r['requests']:>7} req  {r['throughput']:8.1f} req/s  p50 {r['p50'] * 1000:7.1f} ms  "
          f"p99 {r['p99'] * 1000:7.1f} ms  max {r['max'] * 1000:7.1f} ms  errors {len(r['errors'])}")
    for e in r["errors"][:5]:
        print(f"    error: {e}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", default=str(ROOT), help="working copy (default: this checkout)")
    ap.add_argument("--clients", "-n", type=int, default=8, help="concurrent normal clients (default 8)")
    ap.add_argument("--duration", "-d", type=float, default=30.0, help="seconds per phase (default 30)")
    ap.add_argument("--timeout", type=float, default=2.0, help="the server's query timeout for the run (default 2 s)")
    ap.add_argument("--workers", type=int, default=0, help="server query workers (default: kg serve's own)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of unmeasured traffic first")
    args = ap.parse_args(argv)

    home = Path(args.home).resolve()
    requests = saved_requests(home)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "kg", "serve", "--home", str(home), "--host", "127.0.0.1", "--port", str(port),
           "--timeout", str(args.timeout), "--workers", str(args.workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/status")
                status = json.loads(conn.getresponse().read())
                conn.close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(server.stderr.read(), file=sys.stderr)
                    raise SystemExit("kg serve did not start")
                time.sleep(0.2)
        lim = status["limits"]
        print(f"kg serve on 127.0.0.1:{port}: {lim['workers']} query workers, timeout {lim['timeout']:g} s; "
              f"{os.cpu_count()} CPUs; {args.clients} clients x {args.duration:g} s per phase; "
              f"{len(requests)} saved queries: {', '.join(n for n, _ in requests)}")
        # every query answers before anything is measured
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for name, body in requests:
            st, data = post(conn, body)
            if st != 200:
                raise SystemExit(f"saved query {name} failed: HTTP {st}: {data[:300]!r}")
        conn.close()
        if args.warmup:
            phase(port, requests, args.clients, args.warmup, attack=False)
        base = phase(port, requests, args.clients, args.duration, attack=False)
        hit = phase(port, requests, args.clients, args.duration, attack=True)
        print()
        show("baseline", base)
        show("under attack", hit)
        a = hit["attack"]
        print(f"pathological client: {a['requests']} cartesian-product queries, statuses {a['statuses']}, "
              f"median {a['median_seconds']:.2f} s each")
        ratio = hit["p99"] / base["p99"]
        print(f"p99 under attack / baseline p99 = {ratio:.2f} (target <= 2.00): {'OK' if ratio <= 2 else 'MISSED'}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/status")
        print("server counters:", json.dumps(json.loads(conn.getresponse().read())["stats"]))
        conn.close()
        ok = not base["errors"] and not hit["errors"] and ratio <= 2 and set(a["statuses"]) <= {504}
        return 0 if ok else 1
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
