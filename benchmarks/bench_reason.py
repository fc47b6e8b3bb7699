"""kg.owlrl against owlrl: the W3C OWL 2 RL test cases and a seeded corpus of the property test's cases.

    python benchmarks/bench_reason.py [--cases N] [--repeats R] [--compare] [--scale TRIPLES --before REV]

Each engine reasons over every input through kg.reason (``kg``: kg's default path, owlrl where it
declines; ``owlrl``: the reference), in this process, R times; the figures are the medians of the
totals, wall and CPU seconds (the machine is shared: CPU is the steadier one).  With ``--compare`` the
corpus is also checked case by case (the long run of tests/engines/test_reason_fuzz.py by seeds instead of
hypothesis): differences and crashes are counted and the first few printed.  With ``--scale`` and
``--before``, kg's engine as of git revision REV (kg.owlrl, or kg.rules before it became a package) and
as checked out reason over the ontology and that many generated triples (kg.generate, seed 7),
alternately, R times each: the cost of a change to the engine.
"""

from __future__ import annotations

import argparse
import importlib
import io
import random
import subprocess
import tarfile
import tempfile
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from helpers.owlrl_fuzz import RandomDraw, as_turtle, case, compare, differs  # noqa: E402
from helpers.w3c_owl2 import CASES, premises, runnable  # noqa: E402

from kg import reason  # noqa: E402


def timed(inputs, engine: str) -> tuple[float, float, int]:
    """Total wall and CPU seconds over ``inputs`` and how many kg.owlrl reasoned over itself."""
    native = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for quads in inputs:
        native += reason.infer(quads, engine, collect=True).engine == "kg.owlrl"
    return time.perf_counter() - wall, time.process_time() - cpu, native


def bench(name: str, inputs: list, repeats: int) -> None:
    for engine in reason.ENGINES:
        runs = [timed(inputs, engine) for _ in range(repeats)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{name:<22} {engine:<6} {len(inputs):>6} inputs  wall {wall:8.3f} s  cpu {cpu:8.3f} s  "
              f"per input {1000 * cpu / len(inputs):7.2f} ms cpu  (kg.owlrl reasoned {runs[0][2]})")


def engine_at(revision: str, folder: Path):
    """kg's OWL RL engine as of git ``revision``: kg.owlrl, or the module kg.rules before it, imported from
    that revision's src/kg (extracted into ``folder``) with the kg it imports, beside the checkout's kg."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src/kg"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    name = "kg.owlrl" if (folder / "src" / "kg" / "owlrl" / "__init__.py").exists() else "kg.rules"
    ours = {k: v for k, v in sys.modules.items() if k == "kg" or k.startswith("kg.")}
    for k in ours:
        del sys.modules[k]
    sys.path.insert(0, str(folder / "src"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder / "src"))
        for k in [k for k in sys.modules if k == "kg" or k.startswith("kg.")]:
            del sys.modules[k]
        sys.modules.update(ours)


def scale(triples: int, before: str, repeats: int) -> None:
    """kg's engine at ``before`` against the checkout, on the ontology and ``triples`` generated triples."""
    import pyoxigraph as ox

    from kg import namespaces as ns
    from kg import owlrl as kg_owlrl
    from kg.generate import generate
    from kg.load import parse_file

    with tempfile.TemporaryDirectory() as tmp:
        old = engine_at(before, Path(tmp) / "before")
        generate(Path(tmp) / "data", triples=triples, seed=7)
        quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(ns.ONTOLOGY_GRAPH))
                 for path in sorted((ROOT / "ontology").glob("*.ttl")) for q in parse_file(path)]
        for path in sorted((Path(tmp) / "data").glob("*.trig")):
            quads += parse_file(path)
    runs: dict[str, list[tuple[float, float]]] = {before: [], "checkout": []}
    sizes = {}
    for _ in range(repeats):
        for name, module in ((before, old), ("checkout", kg_owlrl)):
            wall, cpu = time.perf_counter(), time.process_time()
            result = module.closure(quads)
            runs[name].append((time.perf_counter() - wall, time.process_time() - cpu))
            sizes[name] = (len(result.inferred), len(result.errors))
            del result
    for name, samples in runs.items():
        print(f"{old.__name__ if name == before else kg_owlrl.__name__} {name:<10} {len(quads)} statements: "
              f"{sizes[name][0]} inferred, {sizes[name][1]} inconsistencies; wall "
              f"{statistics.median(s[0] for s in samples):.2f} s, cpu {statistics.median(s[1] for s in samples):.2f} s "
              f"(median of {repeats})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="seeded corpus size (default 1000)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per engine (default 5)")
    parser.add_argument("--compare", action="store_true", help="also compare the engines case by case")
    parser.add_argument("--scale", type=int, help="generated triples for the before/after comparison")
    parser.add_argument("--before", default="HEAD", help="the revision to compare the checkout with")
    args = parser.parse_args()
    if args.scale:
        scale(args.scale, args.before, args.repeats)
        return

    w3c = [reason.read_rdf(premises(c)) for c in CASES.values() if runnable(c)]
    corpus = [case(RandomDraw(random.Random(seed))) for seed in range(args.cases)]
    print(f"python {sys.version.split()[0]}; medians of {args.repeats} runs")
    bench("W3C OWL 2 RL cases", w3c, args.repeats)
    accepted = [quads for quads in w3c if reason.infer(quads, collect=True).engine == "kg.owlrl"]
    bench("W3C, kg.owlrl accepts", accepted, args.repeats)
    bench("fuzz corpus (seeded)", corpus, args.repeats)
    if args.compare:
        differences = crashes = native = inconsistent = 0
        start = time.perf_counter()
        for seed, quads in enumerate(corpus):
            try:
                result = compare(quads)
            except Exception as exc:  # a crash: counted, and the case shown
                crashes += 1
                if crashes <= 3:
                    print(f"crash on seed {seed}: {type(exc).__name__}: {exc}\n{as_turtle(quads)}")
                continue
            native += result["engine"] == "kg.owlrl"
            inconsistent += result["inconsistent"]
            if differs(result):
                differences += 1
                if differences <= 3:
                    print(f"difference on seed {seed}: {result}\n{as_turtle(quads)}")
        print(f"compared {len(corpus)} cases ({native} reasoned by kg.owlrl, {inconsistent} inconsistent): "
              f"{differences} differences, {crashes} crashes, {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
