"""The cooperation framework an article's park belongs to.

Relations between two countries or cities, funds and initiatives are shared: any article naming one
restates it identically, with a start year before 2012, the earliest article. Statements, programmes
and plans (``OWN_FRAMEWORKS``) are new in each article, and only those take part in the life-cycle
events of their article (events.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.generate.text import gyear, lit, slugify
from kg.generate.world import mix

if TYPE_CHECKING:
    from kg.generate.article import Article

OWN_FRAMEWORKS = ("programme", "statement", "plan")
_KINDS = ("programme", "statement", "partnership", "sister", "fund", "initiative", "plan")


def state(article: Article, sectors: list[str]) -> tuple[str, str]:
    """A framework the park belongs to, linked from it: (IRI, kind)."""
    return _Framework(article, sectors).state()


class _Framework:
    """One article's framework: a method per kind, each returning (IRI, the park's link to it)."""

    def __init__(self, article: Article, sectors: list[str]):
        self.article = article
        self.sectors = sectors
        self.prefix = article.world.prefix
        # the two countries are stated whatever the kind
        self.home_iri = article.place(("country", article.home))
        self.partner_iri = article.place(("country", article.partner))
        self.area_tag = f"{article.area[0][0]}{article.area[1]}"

    def state(self) -> tuple[str, str]:
        kind = self.article.rng.choice(_KINDS)
        iri, link = {"programme": self._programme, "statement": self._statement, "partnership": self._partnership,
                     "sister": self._sister, "fund": self._fund, "initiative": self._initiative,
                     "plan": self._plan}[kind]()
        self.article.own.add(self.article.park.iri, (link, iri))
        return iri, kind

    def _shared(self, iri: str, *pairs) -> str:
        """A framework several articles may name: the same identity triples each time."""
        article = self.article
        if article.own.first(iri):
            article.pooled.add(iri)
            article.own.add(iri, *pairs)
        return iri

    def _programme(self) -> tuple[str, str]:
        article = self.article
        iri = f"agreement:{article.tag}-programme"
        # the status holds after the events the article reports: the opening ceremony concerns the
        # programme too, and a programme being promoted has not opened (stcp:eventsAfter)
        status = "stc:Launched" if article.story == "opening" else "stc:BeingPromoted"
        article.own.add(iri, ("a", "stc:CooperationProgramme"),
                        ("skos:prefLabel", lit(f"{article.city} international cooperation programme with "
                                               f"{article.partner_name} ({article.year}, no. {article.number})")),
                        ("stc:promotedBy", article.org(("gov", article.area))),
                        ("stc:partnerCountry", self.partner_iri),
                        ("stc:cooperationArea", [article.sector(slug) for slug in self.sectors[:2]]),
                        ("stc:developmentStatus", status), ("stc:statusAsOf", article.as_of),
                        ("stc:statusAsOfBasis", article.basis))
        article.tally("agreement")
        return iri, "stc:partOfFramework"

    def _statement(self) -> tuple[str, str]:
        article = self.article
        start = article.year - article.rng.randrange(0, 4)
        iri = f"agreement:{article.tag}-joint-statement"
        article.own.add(iri, ("a", "stc:JointStatement"),
                        ("skos:prefLabel", lit(f"Joint Statement of {article.home_name} and {article.partner_name} on "
                                               f"Science and Innovation Cooperation ({start}, no. {article.number})")),
                        ("stc:signatory", [article.org(("ministry", article.home, "science")),
                                           article.org(("ministry", article.partner, "science"))]),
                        ("stc:party", [self.home_iri, self.partner_iri]), ("stc:partnerCountry", self.partner_iri),
                        ("stc:startDate", gyear(start)))
        article.tally("agreement")
        return iri, "stc:partOfFramework"

    def _plan(self) -> tuple[str, str]:
        article = self.article
        iri = f"agreement:{article.tag}-action-plan"
        article.own.add(iri, ("a", "stc:ActionPlan"),
                        ("skos:prefLabel", lit(f"{article.city} development action plan {article.year}, "
                                               f"no. {article.number}")),
                        ("stc:issuedBy", article.org(("ministry", article.home, "commerce"))),
                        ("stc:party", self.home_iri))
        article.tally("agreement")
        return iri, "stc:outlinedIn"

    def _partnership(self) -> tuple[str, str]:
        article, world = self.article, self.article.world
        first, second = sorted((article.home, article.partner))
        first_name, second_name = world.country_name(first), world.country_name(second)
        iri = self._shared(
            f"agreement:{self.prefix}-{slugify(first_name)}-{slugify(second_name)}-strategic-partnership",
            ("a", "stc:StrategicPartnership"),
            ("skos:prefLabel", lit(f"{first_name}-{second_name} strategic partnership on innovation")),
            ("stc:party", [article.place(("country", first)), article.place(("country", second))]))
        article.own.add(iri, ("stc:cooperationArea", article.sector(self.sectors[0])))
        return iri, "stc:partOfFramework"

    def _sister(self) -> tuple[str, str]:
        article, world, prefix = self.article, self.article.world, self.prefix
        first, second = sorted((article.area, world.area_in_country(article.partner, article.rng)))
        first_local = world.place(first)[0].split(":")[1][len(prefix) + 1:]
        second_local = world.place(second)[0].split(":")[1][len(prefix) + 1:]
        iri = self._shared(
            f"agreement:{prefix}-{first_local}-{second_local}-sister-cities", ("a", "stc:SisterCityRelation"),
            ("skos:prefLabel", lit(f"{world.area_label(first)}-{world.area_label(second)} sister-city relation")),
            ("stc:party", [article.place(first), article.place(second)]),
            ("stc:startDate", gyear(2000 + mix(world.seed, 104, first[1], second[1]) % 12)))
        return iri, "stc:partOfFramework"

    def _fund(self) -> tuple[str, str]:
        article = self.article
        home, partner, city = article.home_name, article.partner_name, article.city
        iri = self._shared(
            f"agreement:{self.prefix}-{slugify(home)}-{slugify(partner)}-{slugify(city)}-{self.area_tag}-fund",
            ("a", "stc:Fund"), ("skos:prefLabel", lit(f"{home}-{partner} ({city}) Joint Innovation Fund")),
            ("stc:partnerCountry", self.partner_iri))
        article.own.add(iri, ("stc:supportsCompaniesOf", article.park.iri))
        return iri, "stc:partOfFramework"

    def _initiative(self) -> tuple[str, str]:
        article, world, area = self.article, self.article.world, self.article.area
        home, partner, city = article.home_name, article.partner_name, article.city
        hashed = mix(world.seed, 105, article.home, article.partner, area[1])
        core = article.new_area(area) if world.has_new_area(area) else article.place(area)
        iri = self._shared(
            f"agreement:{self.prefix}-{slugify(home)}-{slugify(partner)}-{slugify(city)}-{self.area_tag}-initiative",
            ("a", "stc:IntergovernmentalDemonstrationInitiative"),
            ("skos:prefLabel", lit(f"{home}-{partner} ({city}) Demonstration Initiative on Connectivity")),
            ("stc:party", [self.home_iri, self.partner_iri]), ("stc:partnerCountry", self.partner_iri),
            ("stc:startDate", gyear(2000 + hashed % 12)), ("stc:ordinal", str(1 + hashed % 4)),
            ("stc:coreArea", core),
            ("stc:connects", [article.place(("region", article.home, 0)),
                              article.place(("region", article.partner, 1))]))
        return iri, "stc:partOfFramework"
