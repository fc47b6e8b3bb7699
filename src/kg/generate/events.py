"""The events an article reports: its story's event, maybe a sub-event, an earlier milestone, a visit.

Dates have mixed precision (date, year-month, year, month-day) and are never after the article's
(estimated) publication date. A life-cycle event (founding, construction start, opening) concerns only
the park of its article and a framework new in it, never one several articles name, so no check
compares life-cycle dates written by different articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.generate.frameworks import OWN_FRAMEWORKS
from kg.generate.text import gmonthday, gyear, gyearmonth, lit, plain

if TYPE_CHECKING:
    from kg.generate.article import Article

_LIFE_CYCLE = ("founding", "construction", "opening")  # stories whose event is a step in a park's life
_AT_THE_PARK = ("opening", "competition", "construction", "press")  # stories whose event takes place there


def state(article: Article, cast: list[tuple], framework: tuple[str, str] | None) -> None:
    """The events, each drawn for in turn, always in this order."""
    rng, story = article.rng, article.story
    event, label, speakers = _main_event(article, cast, framework)
    if story in ("expo", "competition") or rng.random() < 0.3:
        _sub_event(article, event, label, speakers)
    if article.level == 3 and story not in ("construction", "founding") and rng.random() < 0.5:
        _milestone(article)
    if article.level == 3 and article.basis == "stc:EstimatedPublicationDate" and rng.random() < 0.3:
        _partner_visit(article)


def _kind(article: Article) -> tuple[str, str, str]:
    """(class, label, IRI slug) of the event of the article's story."""
    park_label, city, year, number = article.park.label, article.city, article.year, article.number
    home, partner = article.home_name, article.partner_name
    return {
        "opening": ("stc:OpeningCeremony", f"Opening ceremony of {park_label}", "opening-ceremony"),
        "conference": ("stc:Conference", f"{home}-{partner} Innovation Cooperation Conference {year}, no. {number}",
                       "conference"),
        "press": ("stc:PressConference", f"Press conference on {park_label}", "press-conference"),
        "expo": ("stc:Expo", f"{year} {city} Technology Expo, no. {number}", "expo"),
        "competition": ("stc:Competition", f"{year} {home}-{partner} Startup Competition, no. {number}",
                        "competition"),
        "construction": ("stc:ConstructionStart", f"Start of construction of {park_label}", "construction-start"),
        "founding": ("stc:Founding", f"Founding of {park_label}", "founding"),
    }[article.story]


def _main_event(article: Article, cast: list[tuple],
                framework: tuple[str, str] | None) -> tuple[str, str, list[str]]:
    """The event of the story, with its participants: (IRI, label, speakers)."""
    rng, park, story = article.rng, article.park, article.story
    cls, label, event_slug = _kind(article)
    event = f"event:{article.tag}-{event_slug}"
    # a founding, construction start or opening is a step in the life of the park, and of a framework
    # new in this article; a shared framework (older than any article) gets events from articles of
    # any year, whose life-cycle steps would come out of order (kg's check no-life-cycle-out-of-order)
    concerned = [park.iri] + ([framework[0]] if framework and (
        story not in _LIFE_CYCLE or framework[1] in OWN_FRAMEWORKS) else [])
    participants = [person for person, *_ in cast]
    speakers = participants[:1] if participants and rng.random() < 0.7 else []
    orgs = [article.org(("gov", article.area))] if rng.random() < 0.5 else []
    note = None
    if article.basis == "stc:PublicationDate" and rng.random() < 0.2:
        note = lit("The article gives the day and month only; the year is that of the article.")
    article.own.add(event, ("a", cls), ("skos:prefLabel", lit(label)), ("stc:date", article.event_date),
                    ("stc:dateNote", note),
                    ("stc:venue", park.iri if story in _AT_THE_PARK else article.place(article.area)),
                    ("stc:concerns", concerned),
                    ("stc:participant", participants + orgs), ("stc:speaker", speakers),
                    ("stc:participantOrigin", sorted({article.place(("country", article.home)),
                                                      article.place(("country", article.partner))})),
                    ("stc:timeOfDay", plain(rng.choice(("morning", "afternoon"))) if rng.random() < 0.2 else None))
    article.tally("event")
    if framework and framework[1] == "programme" and story == "conference":
        article.own.add(framework[0], ("stc:launchedAt", event))
    if story == "conference" and framework and framework[1] == "statement":
        article.own.add(event, ("stc:implements", framework[0]))
    return event, label, speakers


def _sub_event(article: Article, event: str, label: str, speakers: list[str]) -> None:
    """A sub-event within the main one; at a competition or an expo, with a figure of its own."""
    rng, park, story = article.rng, article.park, article.story
    if story == "competition":
        sub, cls, sub_label = f"{event}-award-ceremony", "stc:AwardCeremony", f"{label} Award Ceremony"
    elif story == "expo":
        sub, cls = f"{event}-press-conference", "stc:PressConference"
        sub_label = f"Press conference on {park.label} at the {label}"
    else:
        sub, cls, sub_label = f"{event}-signing-ceremony", "stc:Ceremony", f"Signing ceremony at the {label}"
    article.own.add(sub, ("a", cls), ("skos:prefLabel", lit(sub_label)), ("stc:date", article.event_date),
                    ("stc:subEventOf", event), ("stc:concerns", park.iri), ("stc:speaker", speakers))
    article.tally("event")
    if story == "competition":
        article.observation("competition-participants", f"{sub_label}: startups and companies taking part",
                            sub, "participant-count", float(rng.randrange(8, 120)), "unit:NUM", "stc:Exactly",
                            article.event_date,
                            "stc:EventDate" if article.basis == "stc:PublicationDate" else article.basis)
    if story == "expo":
        article.observation("expo-signed-projects", f"{park.label}: projects signed at the {label}", park.iri,
                            "signed-project-count", float(rng.randrange(3, 60)), "unit:NUM", "stc:Exactly",
                            article.as_of, article.basis, ("stc:duringEvent", event))


def _milestone(article: Article) -> None:
    """An earlier milestone of the park, dated as precisely as such articles do (before any figure's
    since-date): the start of its construction, unless it is only planned, or its founding."""
    rng, park = article.rng, article.park
    year = article.year - rng.randint(5, 8)
    if rng.random() < 0.5 and article.status != "stc:Planned":
        article.own.add(f"event:{article.tag}-construction-start", ("a", "stc:ConstructionStart"),
                        ("skos:prefLabel", lit(f"Start of construction of {park.label}")),
                        ("stc:date", gyearmonth(year, rng.randint(1, 12))), ("stc:concerns", park.iri))
    else:
        article.own.add(f"event:{article.tag}-founding", ("a", "stc:Founding"),
                        ("skos:prefLabel", lit(f"Founding of {park.label}")),
                        ("stc:date", gyear(year)), ("stc:concerns", park.iri),
                        ("stc:dateNote", lit("Year taken from the park's own description.")
                         if rng.random() < 0.3 else None))
    article.tally("event")


def _partner_visit(article: Article) -> None:
    """An undated article's visit of a delegation from the partner country, dated by day and month only."""
    rng, park = article.rng, article.park
    article.own.add(f"event:{article.tag}-partner-visit", ("a", "stc:Conference"),
                    ("skos:prefLabel", lit(f"Visit of a {article.partner_name} delegation to {park.label}")),
                    ("stc:date", gmonthday(rng.randint(1, 12), rng.randint(1, 28))),
                    ("stc:dateNote", lit("The article gives the day and month only and is itself undated.")),
                    ("stc:concerns", park.iri), ("stc:participantOrigin", article.place(("country", article.partner))))
    article.tally("event")
