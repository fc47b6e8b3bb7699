"""The W3C OWL 2 test cases of the RL profile (tests/w3c/owl2/, vendored with the W3C licence) through
kg's default reasoning path (kg.owlrl, owlrl where it declines) and through the reference, by the
public entry points (kg.reason.reason_files; a few by ``kg reason``).

A case passes when each of its kinds does: consistency (no inconsistency), inconsistency (some),
positive entailment (every triple of the conclusion is in the closure, its blank nodes taken as
variables; the ontology header and declarations are not asked for, nor what kg's cleaning leaves out
because it always holds: x rdf:type owl:Thing, reflexive sameAs/subClassOf…), negative entailment (the
non-conclusion is not).  expected.json records every case's outcome for both engines, so a regression
fails; kg passes every case owlrl passes.  ``PYTHONPATH=tests python tests/engines/test_w3c_owl2.py --record`` rewrites it (helpers/w3c_owl2.py reads
and judges the cases)."""

from __future__ import annotations

import sys

import pyoxigraph as ox
import pytest

from helpers.w3c_owl2 import CASES, EXPECTED, MANIFEST, outcome, premises, record, runnable


@pytest.mark.parametrize("identifier", sorted(CASES))
def test_w3c_rl_case_kg_scores_as_recorded_and_never_below_owlrl(identifier):
    case = CASES[identifier]
    if not runnable(case):
        pytest.skip("given in functional syntax only, and not converted (tests/w3c/owl2/README.md)")
    expected = EXPECTED[identifier]
    got = outcome(case, "kg")
    assert got["pass"] == expected["kg"], got["why"]
    assert expected["kg"] or not expected["owlrl"], "kg passes every case owlrl passes"


@pytest.mark.slow
@pytest.mark.parametrize("identifier", sorted(CASES))
def test_w3c_rl_case_owlrl_scores_as_recorded(identifier):
    """The reference's score is measured, not only recorded: owlrl as shipped, and kg's reference engine
    (owlrl with kg's corrections), which scores as kg's default path."""
    case = CASES[identifier]
    if not runnable(case):
        pytest.skip("given in functional syntax only, and not converted")
    assert outcome(case, "owlrl-as-shipped")["pass"] == EXPECTED[identifier]["owlrl"]
    assert outcome(case, "owlrl")["pass"] == EXPECTED[identifier]["kg"]


def test_the_rl_cases_are_all_there():
    assert len(MANIFEST) == 92 and set(EXPECTED) == set(CASES)
    kinds = {k for case in MANIFEST for k in case["kinds"]}
    assert kinds == {"ConsistencyTest", "InconsistencyTest", "PositiveEntailmentTest", "NegativeEntailmentTest"}


@pytest.mark.parametrize("identifier", ["WebOnt-description-logic-101", "New-Feature-ObjectPropertyChain-001",
                                        "Plus and Minus Zero are Distinct"])
def test_a_few_cases_through_kg_reason(identifier):
    """The command line gives the library's answer: the closure on stdout, exit 1 and the inconsistencies
    on stderr when there are some."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.reason import reason_files

    case = CASES[identifier]
    paths = [str(p) for p in premises(case)]
    result = CliRunner().invoke(main, ["reason", "--all", "--format", "nt", *paths])
    reasoned = reason_files(paths)
    printed = set(map(str, ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_TRIPLES)))
    assert printed == set(map(str, reasoned.triples(everything=True)))
    assert result.exit_code == (1 if reasoned.inference.inconsistencies else 0)
    assert EXPECTED[identifier]["kg"] == outcome(case, "kg")["pass"]


if __name__ == "__main__" and "--record" in sys.argv:  # PYTHONPATH=tests python tests/engines/test_w3c_owl2.py --record
    record()
