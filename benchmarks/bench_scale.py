#!/usr/bin/env python3
"""kg at scale: build, validate, query and export from the seed graph to a million triples.

For each size, a working copy is made of the project's ontology, shapes and
saved queries, with the project's data plus generated data (kg.generate) up
to that many asserted triples; then, each in a fresh process:

* ``kg build`` with the default engines (kg.owlrl, kg.shacl, the on-disk
  store bulk-loaded alongside), its wall and CPU time per step (from the
  build's manifest) and its peak RSS, beside ``kg build --reference`` (owlrl +
  pyshacl) when that finishes within ``--reference-timeout`` seconds, as a
  ratio from the same run;
* ``kg build --store-last`` (the store loaded once validation is done: less
  memory at the peak, more time);
* ``kg build`` under the C library's malloc (``KG_ALLOCATOR=system``), beside
  the allocator the build chose (jemalloc, where the system has it);
* ``kg validate`` on the fresh build;
* two saved queries (median of ``-n`` runs), beside pyoxigraph alone on the
  same build: loading the build's N-Quads into memory and running the same
  query text (what a fresh process paid before the on-disk store), and
  opening the same on-disk store read-only (the floor: Python and pyoxigraph
  start-up);
* ``kg export --only nt``.

Prints one Markdown table per size.  Wall time is what a person waits on an
idle machine; CPU time is the figure to compare when the machine is shared.

Usage: python benchmarks/bench_scale.py [--sizes seed,10k,100k,1m] [-n 5] [--reference-timeout 600]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, kg, median, run  # noqa: E402

QUERIES = [("park-locations", []), ("figures", ["--param", "subject=park:sinoswiss-technopark"])]
SIZES = {"seed": 0, "10k": 10_000, "100k": 100_000, "1m": 1_000_000, "3m": 3_000_000, "10m": 10_000_000}
PYOXIGRAPH_ALONE = """
import sys, pyoxigraph as ox
from pathlib import Path
mode, build, query = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]).read_text()
prefixes = {PREFIXES}
if mode == "memory":
    s = ox.Store()
    for f in ("asserted.nq", "inferred.nq"):
        s.bulk_load(path=str(build / f), format=ox.RdfFormat.N_QUADS)
    rows = s.query(query, use_default_graph_as_union=True, prefixes=prefixes)
else:  # the build's store: its default graph is the closure (kg.store)
    s = ox.Store.read_only(str(build / "store"))
    rows = s.query(query, prefixes=prefixes)
sys.stdout.buffer.write(rows.serialize(format=ox.QueryResultsFormat.CSV))
"""


# The build adds one dct:source statement per typed entity and source graph, and the first and last day
# of every date: about 0.343 statements per generated triple (measured: 831,756 generated triples build
# as 1,117,295 statements).  Sizes are counted as the build counts them, in asserted statements.
DERIVED_PER_TRIPLE = 0.343
SEED_STATEMENTS = 4_024


def working_copy(base: Path, size: int) -> tuple[Path, int]:
    """A working copy with the project's data and generated data: about ``size`` asserted statements."""
    sys.path.insert(0, str(ROOT / "src"))
    from kg.generate import generate

    home = base / "home"
    home.mkdir(parents=True)
    for folder in ("ontology", "shapes", "queries"):
        os.symlink(ROOT / folder, home / folder)
    data = home / "data"
    data.mkdir()
    for f in sorted((ROOT / "data").iterdir()):
        os.symlink(f, data / f.name)
    generated = 0
    if size > 5_000:
        wanted = round((size - SEED_STATEMENTS) / (1 + DERIVED_PER_TRIPLE))
        generated = generate(data / "generated", triples=wanted, seed=1).triples
    return home, generated


def step_rows(manifest: dict) -> list[tuple[str, float, float]]:
    return [(name, manifest["timings"][name], manifest.get("cpu_seconds", {}).get(name, 0.0))
            for name in manifest["timings"]]


def fmt_s(x: float | None) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 1 else f"{x:.1f}")


def save_check_costs(label: str, manifest: dict) -> None:
    """The build's check timings as kg's prior (kg.validate.check_costs): how a first build orders its checks."""
    out = ROOT / "src" / "kg" / "check_costs.json"
    prior = {"measured": f"benchmarks/bench_scale.py, {label}: {manifest['counts']['asserted_statements']:,} "
                         f"asserted statements, {os.cpu_count()} cores, {manifest['built_at'][:10]}",
             "seconds": manifest["check_seconds"]}
    out.write_text(json.dumps(prior, indent=1) + "\n", encoding="utf-8")
    print(f"[{label}] check timings written to {out}", file=sys.stderr, flush=True)


def bench_size(label: str, size: int, n: int, ref_timeout: float, tmp: Path, reference: bool = True,
               save_costs: bool = False) -> str:
    base = tmp / label
    home, generated = working_copy(base, size)
    fast_dir, ref_dir = base / "build", base / "build-reference"
    common = ["--home", str(home), "--build-dir", str(fast_dir)]
    print(f"[{label}] building ({generated} generated triples) …", file=sys.stderr, flush=True)
    # --allow-invalid: generated data that does not conform is measured all the same (and said so below)
    build = kg(["build", "-q", "--allow-invalid", "--store-alongside", *common])
    manifest = json.loads((fast_dir / "current" / "manifest.json").read_text())
    counts = manifest["counts"]
    if save_costs:
        save_check_costs(label, manifest)
    ref = None
    if reference:
        print(f"[{label}] reference build (owlrl + pyshacl, at most {ref_timeout:.0f} s) …", file=sys.stderr,
              flush=True)
        ref = kg(["build", "-q", "--reference", "--home", str(home), "--build-dir", str(ref_dir)],
                 timeout=ref_timeout)
    ref_manifest = json.loads((ref_dir / "current" / "manifest.json").read_text()) if ref else None

    lines = [f"### {label}: {counts['asserted_statements']:,} asserted statements "
             f"({counts['asserted_triples']:,} distinct triples), {counts['inferred_triples']:,} inferred"
             + ("" if manifest["conforms"] else f"; does not conform: {manifest['issues']}")
             + f"; kg build ran with {manifest['engines'].get('allocator', 'the system allocator')}", "",
             "| step | wall s | CPU s | peak RSS MiB | reference wall s | reference CPU s | reference / kg (CPU) |",
             "|---|---|---|---|---|---|---|"]
    ref_steps = {name: (w, c) for name, w, c in step_rows(ref_manifest)} if ref_manifest else {}
    for name, wall, cpu in step_rows(manifest):
        rw, rc = ref_steps.get(name, (None, None))
        ratio = f"{rc / cpu:.1f}x" if rc and cpu else "—"
        lines.append(f"| build: {name} | {fmt_s(wall)} | {fmt_s(cpu)} |  | {fmt_s(rw)} | {fmt_s(rc)} | {ratio} |")
    ref_cell = (f"{fmt_s(ref.wall)} | {fmt_s(ref.cpu)} | {ref.cpu / build.cpu:.1f}x" if ref
                else (f"over {ref_timeout:.0f} s | — | —" if reference else "not run | — | —"))
    lines.append(f"| **build, whole process** (wrote {build.written / 1e6:,.0f} MB) | **{fmt_s(build.wall)}** | "
                 f"**{fmt_s(build.cpu)}** | "
                 f"{build.rss:.0f} | {ref_cell} |")

    # the other order of the build: the on-disk store bulk-loaded once validation is done (what a build
    # does by default when memory is short), into a folder of its own
    print(f"[{label}] building with the store loaded last …", file=sys.stderr, flush=True)
    last = kg(["build", "-q", "--allow-invalid", "--store-last", "--home", str(home),
               "--build-dir", str(base / "build-store-last")])
    lines.append(f"| build --store-last, whole process (wrote {last.written / 1e6:,.0f} MB) | {fmt_s(last.wall)} | "
                 f"{fmt_s(last.cpu)} | {last.rss:.0f} "
                 "|  |  |  |")
    shutil.rmtree(base / "build-store-last", ignore_errors=True)

    # the same build under the C library's malloc, beside the allocator kg build chose (kg.memory)
    print(f"[{label}] building with the C library's malloc …", file=sys.stderr, flush=True)
    system = kg(["build", "-q", "--allow-invalid", "--store-alongside", "--home", str(home),
                 "--build-dir", str(base / "build-system-malloc")], env={"KG_ALLOCATOR": "system"})
    lines.append(f"| build with `KG_ALLOCATOR=system`, whole process | {fmt_s(system.wall)} | {fmt_s(system.cpu)} | "
                 f"{system.rss:.0f} |  |  |  |")
    shutil.rmtree(base / "build-system-malloc", ignore_errors=True)

    validate = [kg(["validate", *common]) for _ in range(n)]
    lines.append(f"| validate (fresh build), median | {fmt_s(median(validate))} | {fmt_s(median(validate, 'cpu'))} | "
                 f"{max(s.rss for s in validate):.0f} |  |  |  |")

    sys.path.insert(0, str(ROOT / "src"))
    from kg import namespaces as ns
    from kg.catalogue import Catalogue
    from kg.project import locate

    script = PYOXIGRAPH_ALONE.replace("{PREFIXES}", repr(ns.PREFIXES))
    catalogue = Catalogue.of(locate(home, fast_dir))
    built_path = (fast_dir / "current").resolve()
    for name, params in QUERIES:
        kg(["query", name, "-f", "csv", *params, *common])  # warm the file cache once
        samples = [kg(["query", name, "-f", "csv", *params, *common]) for _ in range(n)]
        text = catalogue.get(name).text
        if params:  # pyoxigraph alone gets the parameter written into the query text
            value = ns.expand_curie(params[1].split("=", 1)[1])
            text = text.replace("WHERE {", f"WHERE {{ VALUES ?{params[1].split('=')[0]} {{ <{value}> }}", 1)
        qfile = base / f"{name}.rq"
        qfile.write_text(text)
        memory = [run([sys.executable, "-c", script, "memory", str(built_path), str(qfile)]) for _ in range(n)]
        floor = [run([sys.executable, "-c", script, "store", str(built_path), str(qfile)]) for _ in range(n)]
        ratio = median(samples) / median(memory)
        lines.append(f"| query {name}, median | {fmt_s(median(samples))} | {fmt_s(median(samples, 'cpu'))} | "
                     f"{max(s.rss for s in samples):.0f} | pyoxigraph loading the N-Quads: "
                     f"{fmt_s(median(memory))} | {fmt_s(median(memory, 'cpu'))} | kg / that: {ratio:.2f}x |")
        lines.append(f"| (floor: pyoxigraph opening the same store) | {fmt_s(median(floor))} | "
                     f"{fmt_s(median(floor, 'cpu'))} | {max(s.rss for s in floor):.0f} |  |  |  |")

    export = kg(["export", "--only", "nt", "-o", str(base / "dist"), *common])
    lines.append(f"| export --only nt | {fmt_s(export.wall)} | {fmt_s(export.cpu)} | {export.rss:.0f} |  |  |  |")
    shutil.rmtree(base, ignore_errors=True)
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="seed,10k,100k,1m", help=f"comma-separated, of {', '.join(SIZES)}")
    ap.add_argument("-n", type=int, default=5, help="runs per query (default 5)")
    ap.add_argument("--reference-timeout", type=float, default=600.0,
                    help="seconds the reference build (owlrl + pyshacl) may take (default 600)")
    ap.add_argument("--reference-up-to", default="100k",
                    help="largest size to run the reference build at (default 100k: owlrl alone took 678 s at 1M)")
    ap.add_argument("--save-check-costs", action="store_true",
                    help="write the largest size's check timings to src/kg/check_costs.json (the order a "
                         "first build runs its checks in)")
    opts = ap.parse_args()
    sizes = [s.strip().lower() for s in opts.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        ap.error(f"unknown size(s) {', '.join(unknown)}; known: {', '.join(SIZES)}")
    tmp = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        print(f"kg at scale: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
        limit = SIZES.get(opts.reference_up_to.lower(), 0)
        for label in sizes:
            print(bench_size(label, SIZES[label], opts.n, opts.reference_timeout, tmp,
                             reference=SIZES[label] <= limit,
                             save_costs=opts.save_check_costs and label == max(sizes, key=SIZES.get)), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
