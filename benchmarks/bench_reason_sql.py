#!/usr/bin/env python3
"""The reasoning's instance rules in three engines, from one run: kg.owlrl (Python, one process), the same
plan as SQL on DuckDB (in process) and on Spark SQL in local mode (a JVM with N cores; the engine that
runs the plan on a cluster). See docs/SCALE.md.

For each size, the project's data plus generated data (kg.generate, seed 3), then, each engine in a fresh
process: the closure of the merged statements (kg.owlrl.closure, or kg.owlrl.sql.closure), its wall and
CPU seconds and peak RSS (Spark's JVM beside the Python process: read from /proc before it stops), and whether the
closure equals kg.owlrl's (the count of inferred triples; the tests compare the triples themselves).

Usage: python benchmarks/bench_reason_sql.py [--sizes seed,100k,1m] [--engines kg,duckdb,spark] [--cores 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, kg_env, run  # noqa: E402

SIZES = {"seed": 0, "100k": 100_000, "1m": 1_000_000, "3m": 3_000_000}
CHILD = """
import os, sys, time
from pathlib import Path
import pyoxigraph as ox
from kg.merge import merge
from kg.project import locate
engine, root, generated, cores = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
quads = list(merge(locate(root)).quads)
for path in sorted(generated.glob("*.trig")):
    quads += ox.parse(path=str(path), format=ox.RdfFormat.TRIG)
t, c = time.perf_counter(), time.process_time()
if engine == "kg":
    from kg.owlrl import closure
    result = closure(quads)
else:
    from kg.owlrl import sql
    runner = sql.DuckDB() if engine == "duckdb" else sql.Spark(f"local[{cores}]")
    result = sql.closure(quads, runner)
wall, cpu = round(time.perf_counter() - t, 2), round(time.process_time() - c, 2)
jvm_cpu = jvm_rss = 0
if engine == "spark":  # the JVM is not waited for by this process: read its figures before it stops
    pid = runner.spark.sparkContext._gateway.proc.pid
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    jvm_cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    status = Path(f"/proc/{pid}/status").read_text()
    jvm_rss = int(status.split("VmHWM:")[1].split()[0]) / 1024
    runner.stop()
print(len(quads), len(result.inferred), result.rounds, wall, cpu, round(jvm_cpu, 1), round(jvm_rss))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="seed,100k,1m")
    ap.add_argument("--engines", default="kg,duckdb,spark")
    ap.add_argument("--cores", type=int, default=2, help="Spark's local[N] (default 2)")
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from kg.generate import generate

    print("| asserted statements | engine | closure wall s | closure CPU s (this process) | process wall s | "
          "process CPU s | peak RSS MiB | inferred | same as kg.owlrl |")
    print("|---|---|---|---|---|---|---|---|---|")
    tmp = Path(tempfile.mkdtemp(prefix="kg-reason-sql-"))
    try:
        for label in opts.sizes.split(","):
            folder = tmp / label
            folder.mkdir()
            if SIZES[label]:
                generate(folder, triples=SIZES[label], seed=3)
            reference = None
            for engine in opts.engines.split(","):
                s = run([sys.executable, "-c", CHILD, engine, str(ROOT), str(folder), str(opts.cores)], env=kg_env())
                statements, inferred, _rounds, wall, cpu, jvm_cpu, jvm_rss = s.stdout.decode().split()
                reference = reference or inferred
                jvm = f" + JVM {jvm_cpu}" if engine == "spark" else ""
                rss = f"{s.rss:.0f}" + (f" + JVM {jvm_rss}" if engine == "spark" else "")
                print(f"| {int(statements):,} | {engine} | {wall} | {cpu}{jvm} | {s.wall:.1f} | {s.cpu:.1f}{jvm} | "
                      f"{rss} | {int(inferred):,} | {'yes' if inferred == reference else 'NO'} |", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
