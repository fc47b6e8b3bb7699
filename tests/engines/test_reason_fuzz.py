"""Property-based: on random ontologies and data in the subset kg.owlrl claims (tests/helpers/owlrl_fuzz.py),
kg's default reasoning path gives owlrl's closure, inconsistencies and focus nodes, and its index is the
closure; nothing crashes.  Deterministic (derandomised) with a CI budget of KG_FUZZ_EXAMPLES cases
(default 500, about 25 s); ``KG_FUZZ_EXAMPLES=5000 python -m pytest tests/engines/test_reason_fuzz.py`` is the
long run (benchmarks/bench_reason.py runs a seeded corpus and times the engines)."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.owlrl_fuzz import HypothesisDraw, RandomDraw, as_turtle, case, compare, differs

pytestmark = pytest.mark.slow  # hundreds of random cases through owlrl, the reference

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "500"))


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None, print_blob=True,
          suppress_health_check=list(HealthCheck))
@given(st.data())
def test_kg_default_path_equals_owlrl(data):
    quads = case(HypothesisDraw(data))
    result = compare(quads)
    assert not differs(result), f"{as_turtle(quads)}\n{result}"


def test_the_corpus_exercises_kg_owlrl_not_only_the_fallback():
    """A comparison where kg hands everything to owlrl would prove nothing: most cases run natively, and
    a good share are inconsistent."""
    from kg.owlrl import Unsupported, closure

    native = inconsistent = 0
    for seed in range(300):
        try:
            result = closure(case(RandomDraw(random.Random(seed))))
        except Unsupported:
            continue
        native += 1
        inconsistent += bool(result.errors)
    assert native >= 280 and 60 <= inconsistent <= 240


@pytest.mark.parametrize("seed", [3, 228, 4242])
def test_kg_reason_prints_the_closure_the_library_gives(tmp_path, seed):
    """A few cases through the command line: the same triples, the same inconsistencies, exit 1 when
    there are some."""
    import pyoxigraph as ox
    from click.testing import CliRunner

    from kg import reason
    from kg.cli import main

    quads = case(RandomDraw(random.Random(seed)))
    path = tmp_path / "case.nt"
    path.write_text(as_turtle(quads), encoding="utf-8")
    expected = reason.reason_files([path])
    result = CliRunner().invoke(main, ["reason", "--format", "nt", str(path)])
    printed = set(map(str, ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_TRIPLES)))
    assert printed == set(map(str, expected.inference.inferred))
    lines = [line for line in result.stderr.splitlines() if line.startswith("kg: inconsistent:")]
    assert lines == [f"kg: inconsistent: {i}" for i in expected.inference.inconsistencies]
    assert result.exit_code == (1 if lines else 0)
