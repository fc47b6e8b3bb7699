"""One synthetic news article: its own graph, its catalogue entry, and the discrepancies it causes.

An article is a pure function of (seed, its number, what the previous article left for a follow-up):
it draws from an RNG of its own, seeded with both. Here it chooses its date, place, park and story and
states its source and park; then come the park's figures (figures.py), companies, framework and people
(people.py, frameworks.py), events (events.py) and maybe a follow-up of the previous article
(followups.py). Every part draws in the order ``Article._build`` calls it: reordering the calls, or the
draws within one, changes the output."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from kg.generate import events, figures, followups, frameworks, people
from kg.generate.followups import PreviousArticle
from kg.generate.text import (
    Graph,
    dec,
    gyear,
    human_date,
    lit,
    plain,
    slugify,
    xsd_date,
)
from kg.generate.vocabulary import (
    LEAF_SECTORS,
    PARK_KINDS,
    PARK_WEIGHTS,
    ROLE_LABEL,
    SECTOR_LABEL,
    SERVICES,
)
from kg.generate.world import World, mix

_START = date(2012, 1, 1).toordinal()
_SPAN = date(2024, 12, 31).toordinal() - _START
_STORIES = ("opening", "conference", "press", "expo", "competition", "construction", "founding")
# the organisations whose post holder the next article may mention again (followups.py)
_RESTATED_POSTS = ("mayor", "gov", "committee", "fao", "party", "consulate", "university")


@dataclass
class Park:
    """The park or zone an article is about."""

    iri: str
    label: str
    classes: tuple[str, ...]
    location: tuple[str, tuple]  # (predicate, place keys)
    science_city: bool
    international: bool
    in_new_area: bool


class Article:
    """One synthetic news article: its own graph, its catalogue entry in the
    generated curation graph and any discrepancy it causes in source:curation.

    What the parts read is set as it is chosen: ``published``, ``year``, ``dated``, ``as_of``, ``basis``,
    ``event_date`` (``_date``); ``area``, ``home``, ``partner`` and their names (``_place``); ``park``;
    ``story``, ``source_label`` (``_source``); ``status`` (``_describe_park``)."""

    def __init__(self, world: World, number: int, level: int, prev: PreviousArticle | None):
        self.world = world
        self.number = number
        self.level = level  # 3 full, 2 without the extras, 1 the essentials only
        self.rng = random.Random(mix(world.seed, 0xA27C1E, number))
        self.tag = f"{world.prefix}-{number:06d}"
        self.source = f"source:{self.tag}"
        self.own = Graph(self.source)
        self.catalogue = Graph(f"source:{world.prefix}-curation")
        self.curation = Graph("source:curation")
        self.pooled: set[str] = set()  # shared entity IRIs this article states
        self.new: dict[str, int] = {}  # entities first stated here, per kind
        self.next_prev: PreviousArticle | None = None
        self.status: str | None = None  # the park's development status, once chosen
        self.story: str | None = None  # what the article reports: an opening, a founding …
        self._build(prev)

    @property
    def count(self) -> int:
        return self.own.count + self.catalogue.count + self.curation.count

    def text(self) -> str:
        return self.catalogue.text() + self.own.text() + self.curation.text()

    def tally(self, kind: str, count: int = 1) -> None:
        """Count entities first stated in this article."""
        self.new[kind] = self.new.get(kind, 0) + count

    # -- stating shared entities (type and label, every time) --------------------
    def place(self, key: tuple) -> str:
        iri, cls, label, parent = self.world.place(key)
        if self.own.first(iri):
            self.pooled.add(iri)
            if parent is not None:
                self.own.add(iri, ("a", cls), ("skos:prefLabel", lit(label)),
                             ("stc:locatedIn", self.place(parent)))
            else:
                self.own.add(iri, ("a", cls), ("skos:prefLabel", lit(label)))
        return iri

    def org(self, key: tuple) -> str:
        iri, classes, label, extra, refs = self.world.org(key)
        if self.own.first(iri):
            self.pooled.add(iri)
            for ref in refs:  # what the extra pairs point to is stated in this graph too
                (self.place if ref[0] in ("country", "unit", "second", "third") else self.org)(ref)
            self.own.add(iri, ("a", list(classes)), ("skos:prefLabel", lit(label)), *extra)
        return iri

    def org_label(self, key: tuple) -> str:
        return self.world.org(key)[2]

    def new_area(self, area: tuple) -> str:
        iri, label = self.world.new_area(area)
        if self.own.first(iri):
            self.pooled.add(iri)
            self.own.add(iri, ("a", "stc:StateLevelNewArea"), ("skos:prefLabel", lit(label)),
                         ("stc:locatedIn", self.place(area)), ("stc:administrativeLevel", "stc:NationalLevel"))
        return iri

    def person(self, iri: str, label: str, pooled: bool) -> str:
        if self.own.first(iri):
            if pooled:
                self.pooled.add(iri)
            self.own.add(iri, ("a", "stc:Person"), ("skos:prefLabel", lit(label)))
        return iri

    def sector(self, slug: str) -> str:
        iri = f"sector:{self.world.prefix}-{slug}"
        if self.own.first(iri):  # as the project's articles do: the sectors they name
            self.own.add(iri, ("a", "stc:Sector"), ("skos:prefLabel", lit(SECTOR_LABEL[slug])))
        return iri

    def post(self, person: str, person_label: str, role: str, where: str, where_label: str,
             as_of: str, basis: str, former: bool = False, jurisdiction: bool = False) -> None:
        local = person.split(":", 1)[1][len(self.world.prefix) + 1:]
        local = local.removeprefix(f"{self.number:06d}-")  # people new in this article carry its number already
        iri = f"post:{self.tag}-{local}-{role}"
        if not self.own.first(iri):
            return
        role_label = ("former " if former else "") + ROLE_LABEL[role]
        self.own.add(iri, ("a", "stc:PostHolding"),
                     ("skos:prefLabel", lit(f"{person_label}: {role_label}, {where_label}")),
                     ("org:member", person), ("org:role", f"role:{self.world.prefix}-{role}"),
                     ("stc:jurisdiction" if jurisdiction else "org:organization", where),
                     ("stc:asOf", as_of), ("stc:asOfBasis", basis),
                     ("stc:tenure", "stc:FormerPost" if former else "stc:CurrentPost"))
        self.tally("post")

    def observation(self, name: str, label: str, subject: str, measure: str, value: float, unit: str,
                    comparator: str, as_of: str, basis: str, *extra) -> str:
        iri = f"observation:{self.tag}-{name}"
        self.own.add(iri, ("a", "stc:Observation"), ("skos:prefLabel", lit(label)),
                     ("stc:observedEntity", subject), ("stc:measure", f"measure:{self.world.prefix}-{measure}"),
                     ("qudt:numericValue", dec(value)), ("qudt:unit", unit), ("stc:comparator", comparator),
                     ("stc:asOf", as_of), ("stc:asOfBasis", basis), *extra)
        self.tally("observation")
        return iri

    # -- the article, part by part, in the order the parts draw ----------------------
    def _build(self, prev: PreviousArticle | None) -> None:
        rng = self.rng
        self._date(prev)
        districts = self._place()
        self.park = self._choose_park(districts)
        self._source()
        self._state_park()
        if self.level == 1:
            return
        sectors = self._describe_park()
        figures.state(self)
        companies = people.companies(self) if rng.random() < 0.5 else []
        framework = frameworks.state(self, sectors) if rng.random() < 0.5 else None
        cast = people.people(self, companies)
        events.state(self, cast, framework)
        if self.level == 3:
            if prev is not None and rng.random() < 0.6:
                followups.follow_up(self, prev)
            if rng.random() < 0.25 and not self.park.science_city:
                self._hub_in(sectors)
        if cast:
            person, label, role, where_key = cast[0]
            if where_key[0] in _RESTATED_POSTS:
                self.next_prev.person = (person, label, role, where_key)

    def _date(self, prev: PreviousArticle | None) -> None:
        """When: articles spread over 2012-2024 in order, none before the previous one (a follow-up restates
        the previous article's park and figures: not before that park was founded, kg's check
        no-relation-before-its-party-existed); one in ten states no date."""
        rng = self.rng
        offset = min((self.number * _SPAN) // self.world.articles_estimate, _SPAN - 15) + rng.randrange(15)
        self.published = date.fromordinal(max(_START + offset, prev.published if prev is not None else 0))
        self.year = self.published.year
        self.dated = rng.random() >= 0.1
        if self.dated:
            self.as_of, self.basis = xsd_date(self.published), "stc:PublicationDate"
            self.event_date = xsd_date(date.fromordinal(self.published.toordinal() - rng.randrange(4)))
        else:
            self.as_of, self.basis = gyear(self.year), "stc:EstimatedPublicationDate"
            self.event_date = gyear(self.year)

    def _place(self) -> list[tuple]:
        """Where: a district or city of some country, and a foreign partner country. Returns the districts."""
        rng, world = self.rng, self.world
        self.area = world.city_area(rng.randrange(world.n_units * 4))
        self.home = world.country_of(self.area)
        self.partner = (self.home + 1 + rng.randrange(world.n_countries - 1)) % world.n_countries
        self.city = world.area_label(self.area)
        self.home_name, self.partner_name = world.country_name(self.home), world.country_name(self.partner)
        return world.districts_of(self.area)

    def _choose_park(self, districts: list[tuple]) -> Park:
        """The park the article is about: its kind, name and location."""
        rng, world = self.rng, self.world
        classes, word = PARK_KINDS[rng.choices(range(len(PARK_KINDS)), weights=PARK_WEIGHTS)[0]]
        science_city = classes[0] == "stc:ScienceCity"
        international = rng.random() < 0.5
        if international:
            name = f"{self.home_name}-{self.partner_name} ({self.city}) {word}"
            classes = classes + ("stc:InternationalCooperationPark",)
        else:
            name = f"{world.place_name(27, self.number)} {word}"
        in_new_area = not science_city and world.has_new_area(self.area) and rng.random() < 0.5
        if science_city:
            location = ("stc:spans", tuple(sorted(rng.sample(districts, rng.randint(2, 3)))))
        elif in_new_area:
            location = ("stc:locatedIn", (("newarea", self.area),))
        else:
            location = ("stc:locatedIn", (rng.choice(districts) if rng.random() < 0.6 else self.area,))
        # two articles may found parks of one name: the number tells them apart
        return Park(f"park:{world.prefix}-{slugify(name)}-{self.number}", f"{name} {self.number}", classes,
                    location, science_city, international, in_new_area)

    def _title(self) -> str:
        park_label, city, year = self.park.label, self.city, self.year
        home, partner = self.home_name, self.partner_name
        return {
            "opening": f"{park_label} opens in {city}",
            "conference": f"{home} and {partner} hold a cooperation conference in {city}",
            "press": f"Press conference presents the plans for {park_label}",
            "expo": f"Projects signed for {park_label} at the {year} {city} Technology Expo",
            "competition": f"{year} {home}-{partner} startup competition held at {park_label}",
            "construction": f"Construction starts on {park_label}",
            "founding": f"{park_label} founded in {city}",
        }[self.story]

    def _source(self) -> None:
        """The source: its publisher, author and story, its catalogue entry and what it says about itself."""
        rng, world = self.rng, self.world
        media = ("media", rng.randrange(world.n_media))
        journalist, journalist_label = world.journalist(media[1], rng.randrange(8))
        self.story = rng.choice(_STORIES)
        title = self._title()
        media_label = self.org_label(media)
        self.source_label = f"{media_label}, {human_date(self.published) if self.dated else 'undated'}: {title}"
        self._catalogue_entry()
        self.org(media)
        self.person(journalist, journalist_label, pooled=True)
        photo = self.person(*world.photographer(media[1]), pooled=True) if rng.random() < 0.3 else None
        provider = self.org(("mediacenter", self.area)) if not self.dated else None
        self.own.add(self.source, ("a", "stc:NewsArticle"), ("dct:title", lit(title)),
                     ("dct:publisher", world.org(media)[0]), ("dct:creator", journalist),
                     ("stc:contentProvider", provider),
                     ("stc:publicationDate", xsd_date(self.published) if self.dated else None),
                     ("stc:dateline", self.place(self.area) if self.dated and rng.random() < 0.5 else None),
                     ("stc:photoCredit", photo))
        self.post(journalist, journalist_label, "author", world.org(media)[0], media_label, self.as_of, self.basis)

    def _catalogue_entry(self) -> None:
        self.catalogue.add(self.source, ("a", "stc:NewsArticle"), ("skos:prefLabel", lit(self.source_label)),
                           ("stc:fileName", plain(f"{self.tag}.txt")),
                           ("stc:dateStatus", "stc:DateStated" if self.dated else "stc:DateNotStated"),
                           ("stc:titleStatus", "stc:TitleStated"))
        if not self.dated:
            self.catalogue.add(self.source, ("stc:estimatedPublicationDate", gyear(self.year)),
                               ("stc:dateEstimateReason", lit(
                                   "Earliest plausible year: the latest date the article mentions is in "
                                   f"{self.year}.")))
        self.tally("source")

    def _state_park(self) -> None:
        """The park's type, label and location: all an article of level 1 says of it."""
        park = self.park
        predicate, keys = park.location
        if keys[0][0] == "newarea":
            where = [self.new_area(self.area)]
        else:
            where = [self.place(key) for key in keys]
        self.own.add(park.iri, ("a", list(park.classes)), ("skos:prefLabel", lit(park.label)), (predicate, where))
        self.tally("park")
        self.next_prev = PreviousArticle(park, [], self.source_label, None, self.published.toordinal())

    def _describe_park(self) -> list[str]:
        """What the park does and who backs it; returns its sectors."""
        rng, park, area = self.rng, self.park, self.area
        acronym = "".join(word[0] for word in re.findall(r"[A-Za-z]+", park.label) if word[0].isupper())
        sectors = sorted(rng.sample(LEAF_SECTORS, rng.randint(2, 4)))
        status = rng.choice(("stc:Operating", "stc:Operating", "stc:UnderConstruction", "stc:Planned"))
        # the status holds at the article's date, after the events it reports (docs/CURATING.md)
        if self.story == "opening":
            status = "stc:Operating"
        elif self.story == "construction" and status == "stc:Planned":
            status = "stc:UnderConstruction"
        self.status = status
        backer_keys = [("gov", area)] + ([("committee", area)] if park.in_new_area else []) + \
            ([("centre", self.home)] if rng.random() < 0.3 else [])
        backers = [self.org(key) for key in backer_keys]
        services = sorted(rng.sample([slug for slug, _ in SERVICES], rng.randint(0, 3)))
        self.own.add(park.iri, ("skos:altLabel", lit(acronym) if len(acronym) >= 3 and rng.random() < 0.4 else None),
                     ("stc:partnerCountry", self.place(("country", self.partner)) if park.international else None),
                     ("stc:focusSector", [self.sector(slug) for slug in sectors]),
                     ("stc:offersService", [f"service:{self.world.prefix}-{slug}" for slug in services]),
                     ("stc:developmentStatus", status), ("stc:statusAsOf", self.as_of),
                     ("stc:statusAsOfBasis", self.basis),
                     (rng.choice(("stc:supportedBy", "stc:guidedBy", "stc:sponsoredBy")), backers),
                     ("stc:plannedRole", lit(rng.choice((
                         f"platform for cooperation between {self.home_name} and {self.partner_name}",
                         f"business and research space for companies from {self.partner_name}",
                         f"centre for {SECTOR_LABEL[sectors[0]]} in {self.city}",
                         f"one of the key international business parks of {self.city}",
                     )))))
        self._park_features()
        return sectors

    def _park_features(self) -> None:
        """What parks of some kinds have: a science city's university and river, a logistics hub's links."""
        rng, park, area = self.rng, self.park, self.area
        if park.science_city:
            self.own.add(park.iri, ("stc:hosts", self.org(("university", area))),
                         ("stc:borderedBy", self.place(("river", area)) if rng.random() < 0.5 else None))
        if park.classes[0] == "stc:LogisticsHub":
            self.own.add(park.iri, ("stc:integrates", [self.place(("port", area)), self.place(("airport", area))]),
                         ("stc:connects", self.place(("region", self.home, 0))),
                         ("stc:plannedConnectionTo", self.place(("region", self.partner, 1))),
                         ("stc:via", self.place(("corridor", self.home))))
        if park.international and rng.random() < 0.3:
            self.own.add(park.iri, ("stc:foreignCompaniesFrom", self.place(("country", self.partner))))

    def _hub_in(self, sectors: list[str]) -> None:
        """A second zone inside the park."""
        park = self.park
        self.own.add(f"park:{self.tag}-startup-hub", ("a", "stc:Incubator"),
                     ("skos:prefLabel", lit(f"{park.label} Startup Hub")),
                     ("stc:locatedIn", park.iri), ("stc:launchedBy", park.iri),
                     ("stc:focusSector", self.sector(sectors[-1])),
                     ("stc:offersService", f"service:{self.world.prefix}-incubation"))
        self.tally("park")
