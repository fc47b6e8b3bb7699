"""Following up the previous article: what it leaves behind, and how the next one restates it.

A follow-up restates the previous article's park (the same triples in a second graph), maybe its first
person with a later post, maybe one of its figures again. Figures never disagree silently: a (subject,
measure, unit) gets a second, different value only here, and then a ``stc:Discrepancy`` involving both
figures, with the value of each as reviewed (``stc:reviewedValue``), goes to ``source:curation`` (the
shape stcsh:Discrepancy-curation requires that graph). A misspelt name (``skos:hiddenLabel``) gets one too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.generate.text import dec, lit, number_words
from kg.generate.vocabulary import MEASURE_LABEL

if TYPE_CHECKING:
    from kg.generate.article import Article, Park

# how a reading names a qudt unit and a comparator
_UNIT_WORDS = {"unit:M2": "square metres", "stc:Mu": "mu", "cur:CNY": "yuan", "cur:USD": "US dollars",
               "unit:NUM": "", "unit:PERCENT": "percent", "unit:YR": "years", "unit:MIN": "minutes"}
_COMPARATOR_WORDS = {"stc:Exactly": "", "stc:MoreThan": "more than ", "stc:Approximately": "about ",
                     "stc:Nearly": "nearly "}
# the measures of a single figure a follow-up may give again (no unit twin, no share)
_REPEATABLE = ("enterprise-count", "total-building-area", "cooperation-project-count", "employee-count",
               "researcher-count", "patent-count")


@dataclass
class PreviousArticle:
    """What an article leaves for the next one to follow up on."""

    park: Park
    figures: list[tuple[str, str, str, float, str, str]]  # (measure, unit, obs IRI, value, comparator, asOf)
    source_label: str
    person: tuple[str, str, str, tuple] | None  # (IRI, label, role, organisation key)
    published: int = 0  # the article's publication date (ordinal): the next is not published before


def follow_up(article: Article, prev: PreviousArticle) -> None:
    """Restate the previous article's park, maybe its person, maybe a figure; rarely misspell its name."""
    rng = article.rng
    predicate, keys = prev.park.location
    where = [article.new_area(key[1]) if key[0] == "newarea" else article.place(key) for key in keys]
    article.own.add(prev.park.iri, ("a", list(prev.park.classes)), ("skos:prefLabel", lit(prev.park.label)),
                    (predicate, where))
    article.own.add(article.park.iri, ("stc:cooperatesWith", prev.park.iri))
    if prev.person is not None and rng.random() < 0.5:
        _restate_person(article, prev.person)
    single = [figure for figure in prev.figures if figure[1] in ("unit:NUM", "unit:M2") and figure[0] in _REPEATABLE]
    if single and rng.random() < 0.7:
        _figure_again(article, prev, rng.choice(single))
    if rng.random() < 0.05:
        _misspelling(article, prev)


def _restate_person(article: Article, person: tuple[str, str, str, tuple]) -> None:
    """The previous article's first person, with the post as of this article (now maybe former)."""
    rng = article.rng
    iri, label, role, key = person
    article.person(iri, label, pooled=False)
    if key[0] == "mayor":
        article.post(iri, label, role, article.place(key[1]), article.world.area_label(key[1]), article.as_of,
                     article.basis, former=rng.random() < 0.5, jurisdiction=True)
    else:
        article.post(iri, label, role, article.org(key), article.org_label(key), article.as_of, article.basis,
                     former=rng.random() < 0.5)


def _figure_again(article: Article, prev: PreviousArticle, figure: tuple) -> None:
    """One of the previous article's figures again: the same value, or a different one and a discrepancy."""
    rng = article.rng
    measure, unit, _, value, comparator, _ = figure
    conflict = rng.random() < 0.5
    new_value = value
    if conflict:
        new_value = float(round(value * rng.choice((0.8, 1.25, 1.5, 2.0))))
        if new_value == value:
            new_value = value + 1
    label = f"{prev.park.label}: {MEASURE_LABEL[measure]} (follow-up)"
    obs = article.observation(f"follow-up-{measure}", label, prev.park.iri, measure, new_value, unit, comparator,
                              article.as_of, article.basis)
    if conflict:
        _conflict(article, prev, figure, obs, new_value)


def _reading(unit: str, comparator: str, value: float, at: str, source: str) -> str:
    """A figure as a discrepancy's variant reading gives it: more than 120 as of 2019 (its source)."""
    words = _UNIT_WORDS[unit]
    return f"{_COMPARATOR_WORDS[comparator]}{number_words(value)}{' ' + words if words else ''} as of {at} ({source})"


def _conflict(article: Article, prev: PreviousArticle, figure: tuple, obs: str, new_value: float) -> None:
    """The discrepancy between a figure and its different value in this article, in source:curation."""
    measure, unit, old, value, comparator, old_as_of = figure
    as_of = article.as_of
    # resolved only where the as-of dates differ: a later count may be larger
    resolved = as_of != old_as_of and article.rng.random() < 0.5
    article.curation.add(
        f"discrepancy:{article.tag}-{measure}", ("a", "stc:Discrepancy"),
        ("skos:prefLabel", lit(f"{prev.park.label}: {MEASURE_LABEL[measure]} given as "
                               f"{number_words(value)} and {number_words(new_value)}")),
        ("stc:involves", [prev.park.iri, old, obs]),
        ("stc:discrepancyKind", "stc:ConflictingFigures"),
        ("stc:variantReading", [lit(_reading(unit, comparator, value, old_as_of.split('"')[1], prev.source_label)),
                                lit(_reading(unit, comparator, new_value, as_of.split('"')[1],
                                             article.source_label))]),
        ("stc:resolutionStatus", "stc:Resolved" if resolved else "stc:Unresolved"),
        ("stc:resolution", lit(
            "The figures hold at different dates; the later article reports the later state. Both are kept."
            if resolved else
            "The articles do not say whether they count the same thing at the same time; both figures are kept.")))
    # the values the discrepancy was recorded for (stcsh:reviewedValue-unchanged)
    article.curation.add(old, ("stc:reviewedValue", dec(value)))
    article.curation.add(obs, ("stc:reviewedValue", dec(new_value)))
    article.tally("discrepancy")


def _misspelling(article: Article, prev: PreviousArticle) -> None:
    """The previous park's name with a letter of its longest word dropped (or doubled), kept as a hidden
    label and explained."""
    words = prev.park.label.split(" ")
    longest = max(range(len(words)), key=lambda position: len(words[position]))
    word = words[longest]
    cut = article.rng.randrange(1, len(word) - 1) if len(word) > 3 else 0
    typo = word[:cut] + word[cut + 1:] if len(word) > 3 else word + word[-1]
    misspelt = " ".join(words[:longest] + [typo] + words[longest + 1:])
    if misspelt == prev.park.label:
        return
    article.own.add(prev.park.iri, ("skos:hiddenLabel", lit(misspelt)))
    article.curation.add(
        f"discrepancy:{article.tag}-name", ("a", "stc:Discrepancy"),
        ("skos:prefLabel", lit(f"{prev.park.label} misspelt in {article.tag}")),
        ("stc:involves", [prev.park.iri, article.source]), ("stc:discrepancyKind", "stc:NameVariant"),
        ("stc:variantReading", [lit(misspelt), lit(prev.park.label)]),
        ("stc:preferredReading", lit(prev.park.label)),
        ("stc:resolutionStatus", "stc:Resolved"),
        ("stc:resolution", lit("One park: the article drops a letter of its name once. "
                               "The misspelling is kept as a hidden label.")))
    article.tally("discrepancy")
