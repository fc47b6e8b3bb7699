#!/usr/bin/env python3
"""What validation costs: the build's SHACL and saved-check steps, and the whole build, on the seed
graph and on about a million generated statements, for one version of kg or two side by side.

A version is a folder holding ``src/`` (kg's code), ``ontology/``, ``shapes/``, ``queries/`` and
``data/``: the checkout (the default), or an earlier commit unpacked with
``git archive COMMIT | tar -x -C DIR``.  For each version and size a working copy is made (its own
data, plus data from its own generator at the 1M size, so that each version validates data it
accepts), then ``kg build`` runs ``-n`` times in a fresh process into an empty build folder (no
store to reuse), and the medians are printed: the shacl and checks steps from the build's manifest,
``kg validate`` on the fresh build, and the whole process (wall, CPU, peak RSS).

Wall time is what a person waits on an idle machine; CPU time is the figure to compare when the
machine is shared (two cores here): other work lengthens wall time, not CPU time.

Usage: python benchmarks/bench_validation.py [--before DIR] [--sizes seed,1m] [-n 3]
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, kg_env, run  # noqa: E402

GENERATED = {"seed": 0, "1m": 830_000}  # generated triples: with the derived statements about a million


def env_for(version: Path) -> dict:
    env = kg_env()
    env["PYTHONPATH"] = str(version / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def working_copy(version: Path, base: Path, generated: int) -> Path:
    home = base / "home"
    home.mkdir(parents=True)
    for folder in ("ontology", "shapes", "queries"):
        os.symlink(version / folder, home / folder)
    (home / "data").mkdir()
    for f in sorted((version / "data").iterdir()):
        os.symlink(f, home / "data" / f.name)
    if generated:
        script = "import sys; from kg.generate import generate; generate(sys.argv[1], int(sys.argv[2]))"
        subprocess.run([sys.executable, "-c", script, str(home / "data" / "generated"), str(generated)],
                       env=env_for(version), check=True)
    return home


def steps(build_dir: Path) -> dict:
    manifest = json.loads((build_dir / "latest" / "manifest.json").read_text())
    return {"manifest": manifest, "wall": manifest["timings"], "cpu": manifest["cpu_seconds"]}


def bench(version: Path, label: str, generated: int, n: int, tmp: Path) -> dict:
    base = tmp / f"{version.name}-{label}"
    home = working_copy(version, base, generated)
    env = env_for(version)
    builds, validates, runs = [], [], []
    for i in range(n):
        build_dir = base / f"build-{i}"
        builds.append(run([sys.executable, "-m", "kg", "build", "-q", "--home", str(home), "--build-dir",
                           str(build_dir)], env=env))
        runs.append(steps(build_dir))
        validates.append(run([sys.executable, "-m", "kg", "validate", "-q", "--home", str(home), "--build-dir",
                              str(build_dir)], env=env))
        shutil.rmtree(build_dir)
    shutil.rmtree(base, ignore_errors=True)
    med = lambda xs: statistics.median(xs)  # noqa: E731
    counts = runs[0]["manifest"]["counts"]
    return {
        "statements": counts["asserted_statements"], "inferred": counts["inferred_triples"],
        "conforms": all(r["manifest"]["conforms"] for r in runs),
        "shacl": (med(r["wall"]["shacl"] for r in runs), med(r["cpu"]["shacl"] for r in runs)),
        "checks": (med(r["wall"]["checks"] for r in runs), med(r["cpu"]["checks"] for r in runs)),
        "validation": (med(r["wall"]["shacl"] + r["wall"]["checks"] for r in runs),
                       med(r["cpu"]["shacl"] + r["cpu"]["checks"] for r in runs)),
        "build": (med(s.wall for s in builds), med(s.cpu for s in builds), max(s.rss for s in builds)),
        "validate": (med(s.wall for s in validates), med(s.cpu for s in validates)),
    }


def fmt(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.1f}"


def table(label: str, results: dict[str, dict]) -> str:
    names = list(results)
    lines = [f"### {label}", "",
             "| | " + " | ".join(f"{name} wall s | {name} CPU s" for name in names) + " |",
             "|---|" + "---|---|" * len(names)]
    lines.append("| asserted statements (inferred) | " + " | ".join(
        f"{r['statements']:,} ({r['inferred']:,}) | {'conforms' if r['conforms'] else 'does not conform'}"
        for r in results.values()) + " |")
    for key, title in (("shacl", "build step: SHACL"), ("checks", "build step: saved checks"),
                       ("validation", "**SHACL + checks**"), ("build", "whole build (process)"),
                       ("validate", "kg validate (fresh build)")):
        lines.append(f"| {title} | " + " | ".join(f"{fmt(r[key][0])} | {fmt(r[key][1])}" for r in results.values())
                     + " |")
    lines.append("| peak RSS of the build, MiB | " + " | ".join(f"{r['build'][2]:.0f} | " for r in results.values())
                 + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", type=Path, help="a version to compare with (a folder: src/, ontology/, shapes/, "
                                                 "queries/, data/)")
    ap.add_argument("--sizes", default="seed,1m", help=f"comma-separated, of {', '.join(GENERATED)}")
    ap.add_argument("-n", type=int, default=3, help="builds per version and size (default 3); medians are shown")
    opts = ap.parse_args()
    versions = {"before": opts.before.resolve()} if opts.before else {}
    versions["after" if opts.before else "now"] = ROOT
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-validation-"))
    try:
        print(f"kg validation: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {opts.n} builds each\n")
        for size in [s.strip() for s in opts.sizes.split(",") if s.strip()]:
            results = {name: bench(path, size, GENERATED[size], opts.n, tmp) for name, path in versions.items()}
            print(table(f"{size}: " + ", ".join(f"{k} {v}" for k, v in versions.items()), results), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
