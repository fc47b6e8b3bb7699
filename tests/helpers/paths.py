"""Where things are: the repository the tests run in, and the inputs tests of several folders share."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent  # the working copy: ontology/, data/, shapes/, queries/, src/
SRC = ROOT / "src"

FIXTURES = TESTS / "fixtures"
MINI = FIXTURES / "mini"  # a tiny working copy (three sources), built in a second
BAD = FIXTURES / "bad" / "gamma.trig"  # a data file that builds but does not conform
CHECK_CASES = TESTS / "check_cases"  # one small dataset per saved check, which the check must flag
SHAPE_CASES = TESTS / "shape_cases"  # passing and failing examples, one folder per shape
W3C = TESTS / "w3c"  # the W3C OWL 2 RL and SHACL test suites, vendored as shipped
