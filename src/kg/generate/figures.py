"""The figures an article gives of its park, as ``stc:Observation`` nodes.

An area in mu always has its m² twin (``stc:sameQuantityAs``), a percentage names its whole, a new
area's planned area is the same in every article. Each figure is dated as of the article, its event
or the year before (never before a park the article founds). The park's own figures are recorded in
the article's ``PreviousArticle``, so that the next article may give one again (followups.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.generate.text import gyear, lit
from kg.generate.vocabulary import MEASURE_LABEL

if TYPE_CHECKING:
    from kg.generate.article import Article


def state(article: Article) -> None:
    """The park's figures: each group drawn for in turn, always in this order."""
    rng, park = article.rng, article.park
    figures = _Figures(article)
    if rng.random() < 0.7:
        figures.planned_area()
    if rng.random() < 0.4:
        figures.add("total-building-area", "total-building-area", float(rng.randrange(20, 900) * 1000), "unit:M2",
                    "stc:Exactly")
    if rng.random() < 0.6:
        figures.investment()
    if rng.random() < 0.5:
        figures.enterprises()
    if rng.random() < 0.3:
        figures.cooperation_projects()
    if rng.random() < 0.25:
        measure = rng.choice(("employee-count", "researcher-count", "patent-count"))
        figures.add(measure, measure, float(rng.randrange(20, 5000)), "unit:NUM",
                    rng.choice(("stc:MoreThan", "stc:Exactly")))
    if park.science_city:
        figures.add("district-count", "district-count", float(len(park.location[1])), "unit:NUM", "stc:Exactly")
        figures.add("rail-travel-time", "rail-travel-time", float(rng.randrange(15, 60)), "unit:MIN", "stc:Exactly")
    if park.in_new_area and rng.random() < 0.3:
        figures.new_area()
    if rng.random() < 0.3:
        figures.first_phase()


class _Figures:
    """The figures of one article: of its park unless said otherwise."""

    def __init__(self, article: Article):
        self.article = article
        self.rng = article.rng
        self.recorded = article.next_prev.figures

    def _date(self) -> tuple[str, str]:
        """(asOf, basis) of a figure: mostly the (estimated) publication date."""
        article = self.article
        draw = self.rng.random()
        if draw < 0.6:
            return article.as_of, article.basis
        if (draw < 0.8 or article.story == "founding") and article.basis == "stc:PublicationDate":
            return article.event_date, "stc:EventDate"
        if article.story == "founding":  # a park founded in this article has no figure from before
            return article.as_of, article.basis
        return gyear(article.year - 1), "stc:StatedInSource"

    def add(self, name: str, measure: str, value: float, unit: str, comparator: str, *extra,
            about: str | None = None, about_label: str | None = None, record: bool = True,
            label: str | None = None) -> str:
        """One figure, dated; recorded for a follow-up unless ``record`` is false."""
        as_of, basis = self._date()
        park = self.article.park
        about = park.iri if about is None else about
        about_label = park.label if about_label is None else about_label
        label = label or f"{about_label}: {MEASURE_LABEL[measure]}"
        iri = self.article.observation(name, label, about, measure, value, unit, comparator, as_of, basis, *extra)
        if record:
            self.recorded.append((measure, unit, iri, value, comparator, as_of))
        return iri

    def planned_area(self) -> None:
        """In mu with its m² twin, or in m² only."""
        rng, park_label = self.rng, self.article.park.label
        if rng.random() < 0.4:
            mu = float(rng.randrange(80, 3000))
            m2 = self.add("planned-area-m2", "planned-area", round(mu * 2000 / 3, -2), "unit:M2", "stc:Exactly",
                          label=f"{park_label}: planned land area in square metres")
            self.add("planned-area-mu", "planned-area", mu, "stc:Mu", "stc:Exactly",
                     ("stc:sameQuantityAs", m2), label=f"{park_label}: planned land area in mu")
        else:
            self.add("planned-area-m2", "planned-area", float(rng.randrange(50, 3000) * 1000), "unit:M2",
                     rng.choice(("stc:Exactly", "stc:Approximately")))

    def investment(self) -> None:
        """In yuan, maybe with its twin in US dollars."""
        rng, park_label = self.rng, self.article.park.label
        millions = rng.randrange(50, 20000)
        cny = self.add("investment-cny", "investment", float(millions * 1_000_000), "cur:CNY", "stc:Exactly",
                       label=f"{park_label}: investment value in yuan")
        if rng.random() < 0.3:
            self.add("investment-usd", "investment", float(round(millions / 7.0, 1) * 1_000_000), "cur:USD",
                     "stc:Approximately", ("stc:sameQuantityAs", cny),
                     label=f"{park_label}: investment value in US dollars")

    def enterprises(self) -> None:
        """The enterprises operating, maybe with the foreign ones among them."""
        rng = self.rng
        total = self.add("enterprise-count", "enterprise-count", float(rng.randrange(10, 400)), "unit:NUM",
                         rng.choice(("stc:MoreThan", "stc:Exactly", "stc:Nearly")))
        if rng.random() < 0.3:
            self.add("foreign-enterprise-count", "foreign-enterprise-count", float(rng.randrange(2, 10)), "unit:NUM",
                     "stc:Exactly", ("stc:partOfObservation", total),
                     ("stc:qualifier", lit(f"enterprises from {self.article.partner_name}")))

    def cooperation_projects(self) -> None:
        """The park's cooperation projects, and their share of the area's (a percentage naming its whole)."""
        rng, article = self.rng, self.article
        projects = rng.randrange(5, 90)
        # counted since the founding (the event's year: an event days before a 2 January article is in the
        # year before), else since some years before the article
        since = int(article.event_date[1:5]) if article.story == "founding" else article.year - rng.randrange(1, 6)
        self.add("cooperation-project-count", "cooperation-project-count", float(projects), "unit:NUM",
                 "stc:Exactly", ("stc:sinceDate", gyear(since)))
        area_iri = article.place(article.area)
        self.add("cooperation-project-share", "cooperation-project-share", float(rng.randrange(5, 95)) / 2,
                 "unit:PERCENT", "stc:Exactly", ("stc:shareOfEntity", area_iri),
                 ("stc:shareOfMeasure", f"measure:{article.world.prefix}-cooperation-project-count"),
                 label=f"{article.park.label}: share of the cooperation projects of {article.city}")

    def new_area(self) -> None:
        """Every article gives the same value for a new area: confirmed, not conflicting."""
        world, area = self.article.world, self.article.area
        iri, label = world.new_area(area)
        self.add("new-area-planned-area", "planned-area", world.new_area_planned_area(area), "unit:M2",
                 "stc:Approximately", about=iri, about_label=label, record=False)

    def first_phase(self) -> None:
        """The first construction phase, with its own figures."""
        rng, article = self.rng, self.article
        phase = f"project:{article.tag}-phase-1"
        phase_label = f"{article.park.label}, first phase"
        article.own.add(phase, ("a", "stc:ConstructionPhase"), ("skos:prefLabel", lit(phase_label)),
                        ("stc:phaseOf", article.park.iri), ("stc:phaseNumber", "1"),
                        ("stc:developmentStatus", rng.choice(("stc:Operating", "stc:UnderConstruction"))),
                        ("stc:statusAsOf", article.as_of), ("stc:statusAsOfBasis", article.basis))
        article.tally("project")
        self.add("phase-1-investment", "investment", float(rng.randrange(50, 5000) * 1_000_000), "cur:CNY",
                 "stc:Exactly", about=phase, about_label=phase_label, record=False)
        self.add("phase-1-construction-duration", "construction-duration", float(rng.randint(1, 5)), "unit:YR",
                 "stc:Exactly", about=phase, about_label=phase_label, record=False)
