#!/usr/bin/env python3
"""Hostile-load benchmark of ``kg serve`` on loopback (a script, not a test).

Starts ``kg serve`` as its own process on 127.0.0.1 (3 workers and a 10 s
timeout by default, as in the attack run of issue 11), then measures a mixed
workload of cheap requests in three phases, and the server's memory in a fourth:

1. baseline: 16 clients, each with one keep-alive connection and its own
   loopback address (127.0.10.N: a client of its own for per-client
   admission), send as fast as answers come, round robin from a different
   start each: every saved query with its example parameters (POST
   /sparql), pages (entity pages, the landing page, the query page, browse
   lists, the ontology), content negotiation (``/id/…`` with Accept: Turtle
   -> 303, ``/data/…`` with Accept: JSON-LD) and ASK queries (GET /sparql);
2. under attack: the same 16 clients while 20 runaway clients (127.0.20.N)
   loop queries that never finish within the timeout (cartesian products,
   a regex over one) and 200 slow connections (127.0.30.N) each send a
   request head one byte every 2 s, reopened as soon as the server drops
   them.  The attack starts 2 s before the measured window;
3. under a flood (issue 19): the same 16 clients while 20 client identities
   (127.0.40.N), each with 4 connections (the default --client-limit), send
   runaway queries whose text is new every time (the shapes of the attack,
   with new variable names and a new constant), so that no memory of a text
   and no penalty of one identity keeps them away from the workers;
4. memory (issue 19; run first, before anything asked for the
   documentation): the server's RSS, settled (no worker busy, past the
   allocator's trim), before and after the first /docs/ pages and the
   ontology reference, ten request lines of 2 MB (414) and ten of 1 MB
   (read whole, answered).

Prints, per phase: cheap requests, throughput, p50 / p99 / max of the cheap
requests, errors (anything but 2xx/3xx, and connection failures) and 5xx
among them, then what the attackers got, the CPU seconds of the server (its
process and its workers, those killed included) and of this script beside
the wall seconds, the worker restarts the phase caused and the slowest
request.  Goals: under attack, p99 within 3x the baseline p99; in every
phase, p99 under 1 s and no 5xx for cheap requests; the RSS back within 10%
of where it was (exit status 0 when all are met).

Usage: python benchmarks/bench_serve_hostile.py [--duration 30] [--workers 3] [--timeout 10] [--flood 20]
       [--flood-connections 4] [--phases baseline,attack,flood,memory]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import select
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, kg_env  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))

RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    'SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(CONCAT(STR(?c), STR(?f)), "(a|b)*c$")) }',
]


def fresh_runaway(n: int, rng: random.Random) -> str:
    """A runaway query never sent before: one of RUNAWAYS with new variable names and a constant of its own."""
    tag = f"{n}_{rng.randrange(1 << 30)}"
    text = re.sub(r"\?([a-z])\b", lambda m: f"?{m.group(1)}{tag}", RUNAWAYS[n % len(RUNAWAYS)])
    return text.replace("WHERE {", f'WHERE {{ FILTER(?a{tag} != "{tag}")', 1)


FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


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


def cheap_requests(home: Path, entities: list[str]) -> list[tuple[str, str, str, bytes | None, dict]]:
    """(kind, method, path, body, headers) of the cheap workload."""
    out = [("saved", "POST", "/sparql", body, FORM) for _, body in saved_requests(home)]
    for rest in entities:
        out += [("page", "GET", f"/page/{rest}", None, {"Accept": "text/html"}),
                ("conneg", "GET", f"/id/{rest}", None, {"Accept": "text/turtle"}),
                ("conneg", "GET", f"/data/{rest}", None, {"Accept": "application/ld+json"})]
    out += [("page", "GET", p, None, {"Accept": "text/html"})
            for p in ("/", "/query?name=park-facts", "/browse/park", "/ontology")]
    for rest in entities[:6]:
        q = urllib.parse.urlencode({"query": f"ASK {{ <https://w3id.org/stcoop/id/{rest}> ?p ?o }}"})
        out.append(("ask", "GET", f"/sparql?{q}", None, {"Accept": "application/sparql-results+json"}))
    return out


def connect(port: int, host: str, timeout: float = 60) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(host, 0))


class Cheap(threading.Thread):
    def __init__(self, port: int, host: str, requests: list, start_at: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.host, self.requests, self.i, self.stop = port, host, requests, start_at, stop
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.server_errors = 0
        self.slowest = (0.0, "")

    def run(self):
        conn = connect(self.port, self.host)
        while not self.stop.is_set():
            kind, method, path, body, headers = self.requests[self.i % len(self.requests)]
            self.i += 1
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{kind} {path[:60]}: {type(exc).__name__}: {exc}")
                conn.close()
                conn = connect(self.port, self.host)
                continue
            if resp.status >= 400:
                self.errors.append(f"{kind} {path[:60]}: HTTP {resp.status}: {data[:150]!r}")
                self.server_errors += resp.status >= 500
            else:
                self.latencies.append(time.perf_counter() - t0)
                self.slowest = max(self.slowest, (self.latencies[-1], f"{kind} {method} {path[:70]}"))
        conn.close()


class Runaway(threading.Thread):
    """One client that sends a runaway query over and over (the same text: the server learns it)."""

    def __init__(self, port: int, host: str, query: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.host, self.stop = port, host, stop
        self.query = query
        self.statuses: list[int] = []

    def next_body(self) -> bytes:
        return urllib.parse.urlencode({"query": self.query}).encode()

    def run(self):
        conn = connect(self.port, self.host, timeout=120)
        while not self.stop.is_set():
            try:
                conn.request("POST", "/sparql", body=self.next_body(), headers=FORM)
                resp = conn.getresponse()
                resp.read()
                self.statuses.append(resp.status)
            except (OSError, http.client.HTTPException):
                self.statuses.append(-1)
                conn.close()
                conn = connect(self.port, self.host, timeout=120)


class Flood(Runaway):
    """One client identity that sends a runaway query with a new text each time."""

    def __init__(self, port: int, host: str, seed: int, stop: threading.Event):
        super().__init__(port, host, "", stop)
        self.rng, self.n = random.Random(seed), seed

    def next_body(self) -> bytes:
        self.n += 1
        return urllib.parse.urlencode({"query": fresh_runaway(self.n, self.rng)}).encode()


class Slow(threading.Thread):
    """``count`` connections that send a request head one byte every ``every`` seconds, reopened when dropped."""

    def __init__(self, port: int, count: int, every: float, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.count, self.every, self.stop = port, count, every, stop
        self.dropped = 0
        self.opened = 0

    def _open(self, n: int) -> socket.socket | None:
        try:
            s = socket.create_connection(("127.0.0.1", self.port), timeout=5,
                                         source_address=(f"127.0.30.{1 + n % 250}", 0))
            s.sendall(b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            s.setblocking(False)
            self.opened += 1
            return s
        except OSError:
            return None

    def run(self):
        socks = [self._open(n) for n in range(self.count)]
        while not self.stop.is_set():
            live = [s for s in socks if s is not None]
            readable, _, _ = select.select(live, [], [], self.every)
            gone = set(readable)  # an answer (408) or an end of file: the server dropped it
            for s in live:
                if s in gone:
                    continue
                try:
                    s.send(b"X")
                except OSError:
                    gone.add(s)
            for n, s in enumerate(socks):
                if s is None or s in gone:
                    if s is not None:
                        self.dropped += 1
                        s.close()
                    socks[n] = self._open(n)
        for s in socks:
            if s is not None:
                s.close()


def server_cpu(pid: int) -> float:
    """CPU seconds of the server process, its reaped children (killed workers) and its live workers."""
    tick = os.sysconf("SC_CLK_TCK")

    def fields(p: int) -> list[str]:
        with open(f"/proc/{p}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()

    own = fields(pid)
    total = sum(int(own[i]) for i in (11, 12, 13, 14)) / tick  # utime stime cutime cstime
    # workers are children of the thread that spawned them: read every thread's children
    children = {c for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()}
    for child in children:
        try:
            total += sum(int(fields(int(child))[i]) for i in (11, 12)) / tick
        except OSError:
            pass
    return total


def own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def phase(port: int, pid: int, requests: list, clients: int, duration: float, attack: dict | None) -> dict:
    stop, astop = threading.Event(), threading.Event()
    attackers: list = []
    if attack and attack.get("flood"):
        attackers = [Flood(port, f"127.0.40.{n + 1}", 1000 * (n * attack["connections"] + c), astop)
                     for n in range(attack["flood"]) for c in range(attack["connections"])]
    elif attack:
        attackers = [Runaway(port, f"127.0.20.{n + 1}", RUNAWAYS[n % len(RUNAWAYS)], astop)
                     for n in range(attack["runaways"])]
        attackers.append(Slow(port, attack["slow"], attack["every"], astop))
    if attack:
        for t in attackers:
            t.start()
        time.sleep(attack["lead"])
    stats0 = server_stats(port)
    cpu0, own0, t0 = server_cpu(pid), own_cpu(), time.perf_counter()
    threads = [Cheap(port, f"127.0.10.{n + 1}", requests, n * 7, stop) for n in range(clients)]
    for t in threads:
        t.start()
    time.sleep(duration)
    stop.set()
    for t in threads:
        t.join(120)
    wall, cpu, own = time.perf_counter() - t0, server_cpu(pid) - cpu0, own_cpu() - own0
    stats = server_stats(port)
    astop.set()
    for t in attackers:
        t.join(120)
    lat = [x for t in threads for x in t.latencies]
    out = {"requests": len(lat) + sum(len(t.errors) for t in threads), "wall": wall, "throughput": len(lat) / wall,
           "p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": max(lat) if lat else float("nan"),
           "errors": [e for t in threads for e in t.errors], "5xx": sum(t.server_errors for t in threads),
           "server_cpu": cpu, "client_cpu": own, "restarts": stats["replaced"] - stats0["replaced"],
           "slowest": max((t.slowest for t in threads), default=(0.0, ""))[1]}
    if attack and attack.get("flood"):
        statuses = [s for t in attackers for s in t.statuses]
        out["attack"] = {"flood": {s: statuses.count(s) for s in sorted(set(statuses))}}
    elif attack:
        statuses = [s for t in attackers if isinstance(t, Runaway) for s in t.statuses]
        slow = attackers[-1]
        out["attack"] = {"runaway": {s: statuses.count(s) for s in sorted(set(statuses))},
                         "slow_dropped": slow.dropped, "slow_opened": slow.opened}
    return out


def server_stats(port: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/status")
        return json.loads(conn.getresponse().read())["stats"]
    finally:
        conn.close()


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settled_rss(port: int, pid: int) -> float:
    """The server's resident memory once no worker is busy and a second has passed."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/status")
        busy = json.loads(conn.getresponse().read())["busy"]
        conn.close()
        if not busy:
            break
        time.sleep(0.5)
    time.sleep(2.0)  # past the allocator's trim after a large request (kg.serve.connections.TRIM_EVERY)
    return rss_mib(pid)


def request_line(port: int, length: int) -> bytes:
    """Send a GET whose query string is ``length`` letters; the answer's status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        s.sendall(b"GET /sparql?query=" + b"a" * length + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except OSError:
            pass
    return data.split(b"\r\n", 1)[0]


def memory_phase(port: int, pid: int) -> list[tuple[str, float]]:
    """The server's RSS (MiB) settled after what made it grow for good (issue 19): the first /docs/ page and
    its reference, then ten request lines of 2 MB (refused, 414) and ten of 1 MB (read, answered 400).  Run
    first, after a few requests that warm the usual paths."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for path in ("/", "/browse/park", "/page/park/sinoswiss-technopark", "/sparql?query=ASK%7B%7D") * 3:
        conn.request("GET", path, headers={"Accept": "text/html" if "sparql" not in path else "*/*"})
        conn.getresponse().read()
    conn.close()
    out = [("before", settled_rss(port, pid))]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for path, accept in (("/docs/", "text/html"), ("/docs/dataset.html", "text/html"), ("/ontology", "text/html")):
        conn.request("GET", path, headers={"Accept": accept})
        conn.getresponse().read()
    conn.close()
    out.append(("after the first /docs/ pages", settled_rss(port, pid)))
    statuses = {request_line(port, 2_000_000) for _ in range(10)}
    out.append((f"after 10 request lines of 2 MB ({b', '.join(statuses).decode()})", settled_rss(port, pid)))
    statuses = {request_line(port, 1_000_000) for _ in range(10)}
    out.append((f"after 10 request lines of 1 MB ({b', '.join(statuses).decode()})", settled_rss(port, pid)))
    return out


def show(label: str, r: dict) -> None:
    print(f"{label:<13} {r['requests']:>6} req {r['throughput']:7.1f} req/s  p50 {r['p50'] * 1000:6.1f} ms  "
          f"p99 {r['p99'] * 1000:6.1f} ms  max {r['max'] * 1000:7.1f} ms  errors {len(r['errors'])} (5xx {r['5xx']})"
          f"  CPU: server {r['server_cpu']:.1f} s, clients {r['client_cpu']:.1f} s in {r['wall']:.1f} s wall"
          f"  worker restarts {r['restarts']}")
    print(f"    slowest: {r['slowest']}")
    for e in r["errors"][:5]:
        print(f"    error: {e}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", default=str(ROOT), help="working copy (default: this checkout)")
    ap.add_argument("--clients", type=int, default=16, help="cheap clients (default 16)")
    ap.add_argument("--runaways", type=int, default=20, help="runaway clients (default 20)")
    ap.add_argument("--slow", type=int, default=200, help="slow connections (default 200)")
    ap.add_argument("--flood", type=int, default=20, help="flood identities sending fresh runaway texts (default 20)")
    ap.add_argument("--flood-connections", type=int, default=4,
                    help="connections per flood identity, each sending (default 4: the server's --client-limit)")
    ap.add_argument("--phases", type=lambda v: v.split(","), default=["baseline", "attack", "flood", "memory"],
                    help="comma-separated phases to run, of baseline,attack,flood,memory (default all four)")
    ap.add_argument("--duration", "-d", type=float, default=30.0, help="measured seconds per phase (default 30)")
    ap.add_argument("--workers", type=int, default=3, help="server query workers (default 3)")
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's query timeout (default 10 s)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of unmeasured traffic first")
    args = ap.parse_args(argv)

    home = Path(args.home).resolve()
    port = free_port()
    cmd = [sys.executable, "-m", "kg", "serve", "--home", str(home), "--host", "127.0.0.1", "--port", str(port),
           "--timeout", str(args.timeout), "--workers", str(args.workers)]
    log = open(os.devnull, "wb")
    server = subprocess.Popen(cmd, env=kg_env(), stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/status")
                limits = json.loads(conn.getresponse().read())["limits"]
                conn.close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("kg serve did not start")
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        q = "SELECT DISTINCT ?x WHERE { ?x a ?t FILTER(STRSTARTS(STR(?x), 'https://w3id.org/stcoop/id/')) } LIMIT 40"
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": q}),
                     headers={"Accept": "application/sparql-results+json"})
        found = json.loads(conn.getresponse().read())["results"]["bindings"]
        conn.close()
        entities = sorted(b["x"]["value"][len("https://w3id.org/stcoop/id/"):] for b in found)
        requests = cheap_requests(home, entities)
        print(f"kg serve on 127.0.0.1:{port}: {limits['workers']} workers ({limits['long_workers']} for long queries), "
              f"timeout {limits['timeout']:g} s; {os.cpu_count()} CPUs; {args.clients} cheap clients over "
              f"{len(requests)} requests; attack: {args.runaways} runaway clients, {args.slow} slow connections "
              f"(header timeout {limits['header_timeout']:g} s); flood: {args.flood} identities sending fresh "
              f"runaway texts; {args.duration:g} s per phase")
        # first, while nothing has asked for the documentation yet (the cheap workload's /ontology would)
        memory = memory_phase(port, server.pid) if "memory" in args.phases else None
        if args.warmup:
            phase(port, server.pid, requests, args.clients, args.warmup, None)
        attacks = {"baseline": None,
                   "attack": {"runaways": args.runaways, "slow": args.slow, "every": 2.0, "lead": 2.0},
                   "flood": {"flood": args.flood, "connections": args.flood_connections, "lead": 2.0}}
        results = {name: phase(port, server.pid, requests, args.clients, args.duration, attacks[name])
                   for name in attacks if name in args.phases}
        print()
        for name, label in (("baseline", "baseline"), ("attack", "under attack"), ("flood", "under flood")):
            if name in results:
                show(label, results[name])
        ok = all(r["5xx"] == 0 and r["p99"] < 1.0 for r in results.values())
        base, hit, flood = results.get("baseline"), results.get("attack"), results.get("flood")
        if hit:
            a = hit["attack"]
            print(f"runaway clients got {a['runaway']}; slow connections: {a['slow_opened']} opened, "
                  f"{a['slow_dropped']} dropped by the server")
            ratio = hit["p99"] / base["p99"] if base else float("nan")
            ok = ok and (not base or ratio <= 3)
            print(f"p99 under attack / baseline = {ratio:.2f} (goal <= 3), p99 under attack {hit['p99'] * 1000:.0f} "
                  f"ms (goal < 1000), 5xx for cheap requests: {hit['5xx']} (goal 0)")
        if flood:
            print(f"flood clients got {flood['attack']['flood']}; p99 under flood {flood['p99'] * 1000:.0f} ms "
                  f"(goal < 1000), 5xx for cheap requests: {flood['5xx']} (goal 0), worker restarts "
                  f"{flood['restarts']}")
        if memory:
            base_rss = memory[0][1]
            for label, mib in memory:
                print(f"server RSS {label}: {mib:.1f} MiB ({(mib - base_rss) / base_rss * 100:+.1f}%)")
            grown = max(mib for _, mib in memory) - base_rss
            ok = ok and grown <= 0.1 * base_rss
            print(f"largest growth {grown:+.1f} MiB (goal: within 10% of {base_rss:.1f} MiB)")
        print("goals:", "MET" if ok else "MISSED")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/status")
        print("server counters:", json.dumps(json.loads(conn.getresponse().read())["stats"]))
        conn.close()
        return 0 if ok else 1
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: kg serve stops its workers and removes its snapshot
        try:
            server.wait(30)
        finally:
            log.close()


if __name__ == "__main__":
    sys.exit(main())
