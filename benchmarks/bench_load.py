#!/usr/bin/env python3
"""Benchmark ``kg load``: a build sent to a real store on loopback, by the number of connections.

For each run a fresh store is started (Oxigraph server in memory, or a private Virtuoso 7, as the
tests start them: tests/helpers/stores.py), and ``kg load --no-build --connections N`` sends the build
in a fresh process. The settings alternate run by run, so that the machine's load moves each alike.
Printed per setting: median wall time, the load's CPU and the store's CPU (both medians), and the peak
RSS of the load's process tree (its sorting workers included).

Usage: python benchmarks/bench_load.py --build-dir DIR [--home HOME] [--store oxigraph|virtuoso]
       [--connections 1,4] [-n 3]

The build must exist (``kg build --build-dir DIR``); benchmarks/generate.py makes larger homes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from measure import kg  # noqa: E402


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) ``pid`` has used so far."""
    import os

    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_load(store: str, args: list[str], connections: int):
    from helpers import stores as st

    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as folder:
        server = st.start_oxigraph(Path(folder)) if store == "oxigraph" else st.start_virtuoso(Path(folder))
        try:
            writer = server.writer
            options = ["--endpoint", writer.url, "--graph-store", writer.graph_store_url]
            if writer.user:
                options += ["--user", writer.user, "--password", writer.password, "--auth", writer.auth]
            before = process_cpu(server.process.pid)
            sample = kg(["load", "--no-build", "-q", "--connections", str(connections), *options, *args], ok=(0,))
            sample.store_cpu = process_cpu(server.process.pid) - before
            sample.summary = sample.stdout.decode().strip()
            return sample
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--home", default=None)
    parser.add_argument("--store", choices=("oxigraph", "virtuoso"), default="oxigraph")
    parser.add_argument("--connections", default="1,4", help="settings to compare, comma-separated")
    parser.add_argument("-n", type=int, default=3, help="runs per setting")
    opts = parser.parse_args()
    args = ["--build-dir", opts.build_dir] + (["--home", opts.home] if opts.home else [])
    settings = [int(c) for c in opts.connections.split(",")]
    samples: dict[int, list] = {c: [] for c in settings}
    for run in range(opts.n):
        for connections in settings:
            s = one_load(opts.store, args, connections)
            samples[connections].append(s)
            print(f"run {run + 1}, {connections} connections: {s.wall:.1f} s wall, {s.cpu:.1f} s CPU "
                  f"(+ {s.store_cpu:.1f} s in the store), {s.rss:.0f} MiB", file=sys.stderr, flush=True)
    print(samples[settings[0]][0].summary)
    print(f"| {opts.store} | connections | wall s (median, min-max) | CPU s, kg load | CPU s, the store "
          "| peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for connections, runs in samples.items():
        walls = [s.wall for s in runs]
        print(f"| | {connections} | {statistics.median(walls):.1f} ({min(walls):.1f}-{max(walls):.1f}) "
              f"| {statistics.median(s.cpu for s in runs):.1f} | {statistics.median(s.store_cpu for s in runs):.1f} "
              f"| {max(s.rss for s in runs):.0f} |")


if __name__ == "__main__":
    main()
