#!/usr/bin/env python3
"""Write synthetic TriG data for benchmarks (a thin wrapper around kg.generate.generate).

Put the output in the data/ folder of a working copy (with the project's ontology/,
shapes/ and queries/), alone or next to the project's own data files, then run
``kg build``.

Usage: python benchmarks/generate.py --triples 100000 [--seed 0] [--prefix gen] -o OUT_DIR
"""

from __future__ import annotations

import argparse
import sys
import time

from kg.generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, required=True, help="about how many triples to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same arguments, same files)")
    parser.add_argument("--prefix", default="gen", help="slug prefix of every generated entity and file")
    parser.add_argument("-o", "--out", required=True, help="folder to write the TriG files into")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = generate(args.out, args.triples, seed=args.seed, prefix=args.prefix)
    except ValueError as exc:
        parser.error(str(exc))
    elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in summary.files)
    print(summary)
    print(f"{size / 1e6:.1f} MB written in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
