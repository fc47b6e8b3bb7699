#!/usr/bin/env python3
"""What the W3C SHACL test suite costs (tests/w3c/shacl: 121 validate tests, core and SPARQL): kg.shacl
against pyshacl, for this checkout and an earlier version side by side, in one run.

Each engine runs the whole suite in a fresh process: one warm-up pass, then ``-n`` timed passes; the
median wall and CPU seconds of a pass are printed (CPU is the figure to compare on a shared machine),
with what the pass gave.  A pass reads every test's files from disk and validates them:

* **kg.shacl now**: ``kg.shacl.validate_files`` (what ``kg shacl`` calls), which hands the custom
  constraint components to pyshacl; once more without those five tests (kg.shacl's own cost);
* **pyshacl**: ``kg.shacl.validate_files(…, engine="reference")`` (``kg shacl --engine reference``): the
  same reading of the files, then pyshacl on rdflib graphs;

the tests passed are counted in the warm-up pass, as tests/engines/test_w3c_shacl.py counts them (the timed
passes only validate);
* **kg.shacl before** (``--before COMMIT``, default dae02ec, the last commit before kg.shacl became a
  package; unpacked with ``git archive``): its ``validate_with_components`` on pyoxigraph's parse of each
  file, once with the shapes graph as shipped (it refuses a shapes graph holding a report or a manifest)
  and once with the test's manifest and expected report cut out of it (as issue 17 measured it); it
  makes no report, so only the tests it ran and those it refused are counted.

Usage: python benchmarks/bench_shacl_w3c.py [--before COMMIT] [-n 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


# ---------------------------------------------------------------- one engine, in the child process
def _validate_now(cases, engine: str) -> None:
    from kg import shacl
    from kg.errors import KgError

    for c in cases:
        try:
            shacl.validate_files([c.data], [c.shapes], engine)
        except KgError:  # a failure is what some tests expect
            pass


def _counts_now(cases, engine: str) -> dict:
    """The tests passed, compared as tests/engines/test_w3c_shacl.py compares them (in the warm-up pass only)."""
    from helpers.w3c_shacl import outcome

    verdicts = [outcome(c, engine) for c in cases]
    counts = {"passed": sum(v == "pass" for _, v in verdicts)}
    if engine == "kg":
        counts["by pyshacl"] = sum(e == "pyshacl" and v == "pass" for e, v in verdicts)
    return counts


def _pass_kg_before(cases, cut: bool) -> dict:
    import pyoxigraph as ox

    from kg import shacl
    from kg.errors import KgError
    from kg.owlrl import IdGraph

    ran = refused = 0
    for c in cases:
        files = {}
        for path in {c.data, c.shapes}:
            files[path] = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()))
        shapes = files[c.shapes]
        if cut:  # the test's manifest and its expected report out of the shapes graph
            shapes = _cut(shapes)
        try:
            shacl.validate_with_components(IdGraph.from_triples(files[c.data]), shapes, "shacl")
            ran += 1
        except KgError:
            refused += 1
        except Exception:  # noqa: BLE001 (a crash counts as refused, as kg reports it)
            refused += 1
    return {"ran": ran, "refused": refused}


def _cut(quads) -> list:
    """The quads without the manifest (mf:, sht:) and without the expected report (its node, its results
    and the structures below them)."""
    import pyoxigraph as ox

    mf, sh, sht = ("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#", "http://www.w3.org/ns/shacl#",
                   "http://www.w3.org/ns/shacl-test#")
    by_s: dict = {}
    for q in quads:
        by_s.setdefault(q.subject, []).append(q)
    todo = [q.subject for q in quads if q.object == ox.NamedNode(sh + "ValidationReport")]
    gone = set()
    while todo:
        node = todo.pop()
        if node in gone:
            continue
        gone.add(node)
        todo += [q.object for q in by_s.get(node, ()) if isinstance(q.object, ox.BlankNode)
                 or q.predicate == ox.NamedNode(sh + "result")]
    return [q for q in quads if q.subject not in gone and not q.predicate.value.startswith((mf, sht))
            and not (isinstance(q.object, ox.NamedNode) and q.object.value.startswith((mf, sht)))]


def driver(engine: str, n: int) -> None:
    from helpers.w3c_shacl import cases

    suite = cases()
    if engine == "kg-own":  # without the tests kg.shacl hands to pyshacl
        from w3c_shacl import DELEGATED

        suite, engine = [c for c in suite if c.name not in DELEGATED], "kg"
    if engine in ("kg", "reference"):
        counts = _counts_now(suite, engine)  # and the warm-up: imports, rdflib's and pyoxigraph's first use
        one = lambda cs: _validate_now(cs, engine)  # noqa: E731
    else:
        one = lambda cs: _pass_kg_before(cs, engine == "kg-before-cut")  # noqa: E731
        counts = one(suite)
    walls, cpus = [], []
    for _ in range(n):
        w, c = time.perf_counter(), time.process_time()
        one(suite)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "counts": counts,
                      "tests": len(suite)}))


# ---------------------------------------------------------------- the run
def child(engine: str, src: Path, n: int) -> dict:
    from measure import kg_env

    env = kg_env()
    env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, __file__, "--driver", engine, "-n", str(n)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="dae02ec", help="the earlier version's commit (default dae02ec)")
    ap.add_argument("-n", type=int, default=5, help="timed passes per engine (default 5); medians are shown")
    ap.add_argument("--driver", help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.driver:
        driver(opts.driver, opts.n)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-shacl-"))
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", opts.before, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
        import pyshacl

        print(f"W3C SHACL test suite: {os.cpu_count()} cores, Python {sys.version.split()[0]}, pyshacl "
              f"{pyshacl.__version__}; {opts.n} timed passes each (after one warm-up), medians\n")
        print("| engine | wall s | CPU s | tests |")
        print("|---|---|---|---|")
        rows = (("kg.shacl, before (" + opts.before + "), shapes as shipped", "kg-before-shipped", tmp / "src"),
                ("kg.shacl, before (" + opts.before + "), manifest and report cut", "kg-before-cut", tmp / "src"),
                ("kg.shacl, now (kg shacl)", "kg", ROOT / "src"),
                ("kg.shacl, now, the tests it keeps", "kg-own", ROOT / "src"),
                ("pyshacl (kg shacl --engine reference)", "reference", ROOT / "src"))
        for label, engine, src in rows:
            r = child(engine, src, opts.n)
            counts = ", ".join(f"{v} {k}" for k, v in r["counts"].items())
            print(f"| {label} | {r['wall']:.3f} | {r['cpu']:.3f} | {counts} of {r['tests']} |", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
