"""Validation measured on an outside corpus of realistic edits (tests/pipeline/edit_corpus.py), in both
directions: every legitimate edit builds clean, and every error is reported as a Violation on the
node it is about (or refused at load naming that node or the file and line).

Every tests/pipeline/edit_corpus*.py is run. The errors validation does not catch are listed in KNOWN_GAPS with
the reason; each is an expected failure that must keep failing (strict), so a change that catches one
says so and the list shrinks. The share caught on its node is held above a floor, so a change cannot
quietly lose several."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helpers.knowledge import build_copy, edited_copy

pytestmark = pytest.mark.slow  # every edit is a build of the real data (some 560 builds)


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Every corpus file is run: tests/pipeline/edit_corpus.py (written first, from the families of issue 16 and 15
# others) and tests/pipeline/edit_corpus_second.py (written later as a held-out set, in 69 families of its own,
# without reading the validation).
CORPORA = {path.stem: _load(path) for path in sorted(Path(__file__).parent.glob("edit_corpus*.py"))}

# corpus -> what the error is -> why validation cannot see it (nothing in the graph contradicts it)
KNOWN_GAPS = {
    "edit_corpus": {
        "RCEP start date moved to 2024, after the 2022 article that reports its implementation":
            "the article states that the agreement is in force only in its text; no statement of the graph "
            "ties its date to the article's",
        "Liangjiang's 44% share of the contract amount stated as a share of Liangjiang itself":
            "a share of an entity's own total is legitimate for a measure that counts a part; the graph does "
            "not say which measure a share measure is a share of",
        "Jiangjin District placed in Chengdu instead of Chongqing":
            "a district in a city is a valid hierarchy; which city is a fact of the world, not of the graph",
        "'about USD 14.9 billion' recorded as exact":
            "the comparator is a reading of the text; every comparator is valid for every figure",
        "Singapore given as the core area of the CCI instead of Liangjiang New Area":
            "a framework's core area may be any place; the graph holds no rule tying it to the parties' side",
        "The About section's RMB 2 billion (whole park) put on the first phase, which is worth RMB":
            "a phase worth as much as the whole park is not larger than it; the values alone do not contradict",
        "Beibei given 'Shapingba' as its alternative label (copy-paste from the next line)":
            "alternative labels may be shared (acronyms and short names repeat, as Wikidata's aliases do)",
        "Partner-SME count pasted from the enterprise count and left at 30 (the article says 200)":
            "a plausible count of the right measure and unit; only the article shows it is wrong",
    },
    "edit_corpus_second": {
        "a second post makes the committee's vice director also its director at the same date":
            "posts dated by year only are not compared: a promotion within the year is possible",
        "the science city said to be operating days after its construction started; no opening is r":
            "an article may report a park operating without reporting its opening; no date contradicts it",
        "one of two events held together dated a day earlier":
            "events held together are not linked by any property; their dates are independent in the graph",
        "a share of projects said to be a share of the contract amount":
            "the graph does not say which measure a share measure divides",
        "seven focus areas, while the same graph lists six focus sectors":
            "a count measure is not tied to the property whose values it counts",
        "four districts spanned, while the same graph lists five":
            "a count measure is not tied to the property whose values it counts",
        "provenance written by hand: the park cited to an article that never introduces it":
            "dct:source is derived by the build from the graphs; one written by hand is taken as stated",
        "the Smart China Expo introduced in the CCI article, which never mentions it":
            "typed and labelled with its date, it is used in that graph; only the article shows it is not there",
        "a district of Chongqing placed also in Chengdu, a city outside Chongqing":
            "two places of different levels may contain one district; the graph does not place Chengdu in a "
            "province that excludes Chongqing",
        "a second count of concluded projects as of 2023 with another value in the same article":
            "the other count of the same date counts from 2015 (a since-date), so the two count different things",
    },
}
# corpus -> what the error is -> the node it is reported on instead of the corpus's, and why that is right too
REPORTED_ELSEWHERE = {
    "edit_corpus": {
        "Chengdu's record gives the kind Municipality while Chengdu is a City":
            ("place:chengdu", "the check names the entity that carries the link and the record's QID: the QID "
                              "may be on the wrong entity as well as the record's kind wrong"),
    },
    "edit_corpus_second": {
        "a park's status written into the ontology's named graph":
            ("data/000-sinoswiss-technopark-opening.trig", "the load refuses the file, naming it: the graph "
                                                           "is reserved for the build"),
        "a duration measure given the quantity kind area, so its figure in years no longer fits":
            ("observation:sstp-construction-duration", "the figure whose unit no longer fits is named, with "
                                                       "the measure and its quantity kind"),
    },
}
FLOOR = 0.9  # share of each corpus's errors caught on their node


def _lookup(table: dict, what: str):
    return next((v for start, v in table.items() if what.startswith(start)), None)


def _node_iri(node: str) -> str:
    from kg.namespaces import expand_curie

    return node if "://" in node else (expand_curie(node) or node)


def caught_on_node(tmp: Path, corpus: str, entry: dict) -> tuple[bool, str]:
    """Whether the edited copy is refused or reported on the entry's node, and what was said."""
    from kg.errors import KgError

    home = edited_copy(tmp, entry["edits"])
    elsewhere = _lookup(REPORTED_ELSEWHERE[corpus], entry["what"])
    node = _node_iri(elsewhere[0] if elsewhere else entry["node"])
    try:
        built = build_copy(home)
    except KgError as error:
        message = str(error)
        files = {name for name, _, _ in entry["edits"]}
        names_line = any(f"{name}:" in message and message.split(f"{name}:", 1)[1][:1].isdigit()
                         for name in files)
        return node in message or names_line, f"refused: {message}"
    issues = built.report().issues
    said = "\n".join(f"  {i.severity} {i.origin} {i.focus} {i.value or ''}: {i.message}"
                     for i in issues) or "  (conforms)"
    # the node is named as the focus, or as the offending value of a statement about another node
    named = {node, f"<{node}>"}
    return any(i.severity == "Violation" and (i.focus in named or i.value in named) for i in issues), said


def _error_params():
    for name, module in CORPORA.items():
        for entry in module.ERRORS:
            why = _lookup(KNOWN_GAPS[name], entry["what"])
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            yield pytest.param(name, entry, id=f"{name}: {entry['family']}: {entry['what'][:80]}", marks=marks)


def _valid_params():
    for name, module in CORPORA.items():
        for entry in module.VALID:
            yield pytest.param(entry, id=f"{name}: {entry['what'][:90]}")


@pytest.mark.parametrize("corpus,entry", _error_params())
def test_error_is_reported_on_its_node(tmp_path, corpus, entry):
    caught, said = caught_on_node(tmp_path, corpus, entry)
    assert caught, f"{entry['what']}: nothing on {entry['node']}; the build said:\n{said}"


@pytest.mark.parametrize("entry", _valid_params())
def test_legitimate_edit_builds_clean(tmp_path, entry):
    built = build_copy(edited_copy(tmp_path, entry["edits"]))
    violations = [i for i in built.report().issues if i.severity == "Violation"]
    assert built.conforms and not violations, "\n".join(
        f"{i.origin} {i.focus}: {i.message}" for i in violations)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_known_gaps_are_corpus_errors_and_the_floor_holds(name):
    module = CORPORA[name]
    whats = [e["what"] for e in module.ERRORS]
    for start in [*KNOWN_GAPS[name], *REPORTED_ELSEWHERE[name]]:
        assert sum(w.startswith(start) for w in whats) == 1, f"no single corpus error is {start}"
    assert 1 - len(KNOWN_GAPS[name]) / len(whats) >= FLOOR
    assert len(module.VALID) >= 40 and len({e["family"] for e in module.ERRORS}) >= 25
