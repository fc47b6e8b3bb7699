#!/usr/bin/env python3
"""Benchmark the kg command line in fresh processes.

Runs, N times each, in a fresh process every time:

* ``kg build`` from scratch (a new, empty build folder each run);
* ``kg validate`` on a fresh build (reads the report the build computed);
* ``kg validate`` after a data change (rebuild included: the honest worst case);
* a saved query on the built graph (``kg query NAME --format csv``);
* ``kg docs -o DIR`` with no build yet (a fresh install: build included).

Prints median, min and max wall time, the median CPU time and the peak RSS of the child process
(``resource.getrusage``), and the targets: query <= 0.3 s median, build <= 10 s, validate <= 5 s,
docs <= 10 s.

Usage: python benchmarks/bench_cli.py [--home DIR] [-n 5] [--query NAME]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"build": 10.0, "validate": 5.0, "query": 0.3, "docs": 10.0}


def run(args: list[str], env: dict) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MiB, CPU seconds) of one fresh `python -m kg ARGS` process (its own
    children, such as Graphviz, counted in the CPU)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-c",
           "import resource, sys\n"
           "from kg.cli import main\n"
           "try:\n    main(sys.argv[1:], prog_name='kg')\n"
           "except SystemExit as e:\n    code = e.code\n"
           "else:\n    code = 0\n"
           "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
           "sys.exit(code)\n", *args]
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit(f"kg {' '.join(args)} failed ({p.returncode}):\n{p.stderr.decode()}")
    rss = 0.0
    for line in p.stderr.decode().splitlines():
        if line.startswith("MAXRSS "):
            rss = int(line.split()[1]) / 1024  # KiB on Linux
    return wall, rss, cpu


def summarise(name: str, samples: list[tuple[float, float]]) -> tuple[str, float]:
    walls = [s[0] for s in samples]
    med = statistics.median(walls)
    peak = max(s[1] for s in samples)
    target = TARGETS.get(name.split()[0])
    verdict = "" if target is None else ("  ok" if med <= target else f"  OVER target {target:g} s")
    cpu = statistics.median(s[2] for s in samples)
    line = (f"{name:<28} median {med:6.3f} s   min {min(walls):6.3f} s   max {max(walls):6.3f} s   "
            f"CPU {cpu:6.3f} s   peak RSS {peak:6.1f} MiB   (n={len(walls)}){verdict}")
    return line, med


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", default=str(ROOT), help="working copy (default: this checkout)")
    ap.add_argument("-n", type=int, default=5, help="runs per command (default 5)")
    ap.add_argument("--query", default=None, help="saved query to time (default: the first in the catalogue)")
    ap.add_argument("--param", action="append", default=[], help="NAME=VALUE for the query")
    opts = ap.parse_args()

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("KG_BUILD_DIR", None)
    home = Path(opts.home).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        # a private copy, so that the "after a change" case can touch a data file
        work = tmp / "home"
        shutil.copytree(home, work, ignore=shutil.ignore_patterns("build", ".git", "dist", "__pycache__", "src",
                                                                   "tests", "benchmarks", "docs"))
        bdir = tmp / "build"
        common = ["--home", str(work), "--build-dir", str(bdir)]
        query = opts.query
        if query is None:
            sys.path.insert(0, str(ROOT / "src"))
            from kg.catalogue import Catalogue
            from kg.project import locate

            cat = Catalogue.of(locate(work, bdir))
            cands = [q for q in cat.saved() if not any(p.required for p in q.params)]
            if not cands:
                sys.exit("no saved query without required parameters; pass --query")
            query = cands[0].name
        qargs = ["query", query, "--format", "csv", *[a for p in opts.param for a in ("--param", p)], *common]

        results = {}
        samples = []
        for i in range(opts.n):
            shutil.rmtree(bdir, ignore_errors=True)
            samples.append(run(["build", "-q", *common], env))
        results["build (from scratch)"] = samples
        results["validate (fresh build)"] = [run(["validate", *common], env) for _ in range(opts.n)]
        samples = []
        data_files = sorted((work / "data").glob("*.trig"))
        for i in range(opts.n):
            with open(data_files[0], "a") as fh:
                fh.write(f"\n# bench {i}\n")
            samples.append(run(["validate", *common], env))
        results["validate (after a change)"] = samples
        run(qargs, env)  # warm the OS file cache once
        results[f"query {query}"] = [run(qargs, env) for _ in range(opts.n)]
        samples = []
        for i in range(opts.n):
            shutil.rmtree(bdir, ignore_errors=True)
            samples.append(run(["docs", "-o", str(tmp / f"site-{i}"), "-q", *common], env))
        results["docs (no build yet)"] = samples

        print(f"kg benchmark: {work.name} copy of {home}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
        failed = False
        for name, s in results.items():
            line, med = summarise(name, s)
            print(line)
            key = name.split()[0]
            if key in TARGETS and med > TARGETS[key]:
                failed = True
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
