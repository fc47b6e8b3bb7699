"""Deterministic synthetic data for benchmarking and testing ``kg build`` and the queries.

``generate(out_dir, triples)`` writes TriG files that ``kg build`` reads as data files
(put them in a working copy's ``data/``, alone or next to the project's own files):

* ``{prefix}-vocabulary.trig``: the generated curation source ``source:{prefix}-curation``
  with its controlled vocabularies (a sector scheme with ``skos:broader``, measures,
  roles, services), and the project's ``source:curation`` declared with exactly the
  type and label the project gives it (see "Discrepancies" below);
* ``{prefix}-NNNN.trig``: chunks of at most ~50,000 triples, each a run of synthetic
  news articles.

Each article is a ``stc:NewsArticle`` with its own named graph holding what it states,
modelled the way ``data/*.trig`` models the real articles: its catalogue entry
(label, file name, date status, estimated date) in the curation graph; parks and
zones of several classes in ``stc:locatedIn`` chains (district, city, province or
municipality, country) or ``stc:spans`` districts; organisations with units and
sub-organisations; people with qualified posts (``stc:PostHolding``); cooperation
frameworks with their parties; events with sub-events and dates of mixed precision,
never after the article's (estimated) publication date; figures as
``stc:Observation`` nodes (an area in mu always has its m² twin through
``stc:sameQuantityAs``, a percentage names its whole). Shared things (places,
governments, ministries, publishers, the previous article's park) are restated in
every article that mentions them, so the same triple sits in several source graphs.

Figures never disagree silently: a (subject, measure, unit) gets a second, different
value only in a follow-up article, and then a ``stc:Discrepancy`` involving both
figures, with the value of each as reviewed (``stc:reviewedValue``), is written to
``source:curation`` (the shape ``stcsh:Discrepancy-curation`` requires that graph).
Misspelt names (``skos:hiddenLabel``) get one too.

Names of things (areas, rivers, companies, people) are elements of seeded permutations, the
kinds that share one (areas of the three levels; journalists and the articles' people) taking
disjoint ranges of it, so no two things share a label up to about 12 million triples (kg's
check no-second-iri-for-one-thing); governments, ports, new areas … named after an area are as
distinct as the areas. Articles are dated in order (none before the one it follows up), and a
life-cycle event (founding, construction start, opening) concerns only the park of its article
and a framework new in it, never one several articles name, so no check compares life-cycle
dates written by different articles.

Every generated IRI is ``https://w3id.org/stcoop/id/{kind}/{prefix}-…``, so the
output never collides with the project's data; the only other IRIs are ontology
terms, the reused vocabularies the data already uses (skos, dct, org, qudt units and
currencies, xsd) and ``source:curation``. There are no Wikidata links.

Why it is built this way: the output must conform (zero SHACL violations, zero check
rows) alone and together with the project's data, scale from 5k to 10M triples with
bounded memory and be byte-identical for the same arguments. So the text is written
directly, article by article; each article is a pure function of (seed, article
number, what the previous article left for a follow-up); shared entities are pure
functions of (seed, their index), so any article can restate them identically
without remembering them; and an article that would overshoot the requested size is
rebuilt smaller, which keeps the total within a few dozen triples of the target.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.namespaces import turtle_prologue

__all__ = ["GenerateSummary", "generate", "CHUNK_TRIPLES"]

CHUNK_TRIPLES = 50_000  # upper bound of triples per chunk file
ENTITY_KINDS = ("park", "place", "organisation", "person", "post", "role", "agreement", "event",
                "project", "sector", "measure", "observation", "source", "discrepancy", "service")
ID = "https://w3id.org/stcoop/id/"

# The project's own curation source: the shape stcsh:Discrepancy-curation wants every
# discrepancy in it, so the generated data declares it too, with the very type and
# label the project gives it (identical triples merge when both are built together).
CURATION_LABEL = "kg curation: background knowledge"

PREFIXES = {
    "stc": "https://w3id.org/stcoop/ontology#",
    **{kind: f"{ID}{kind}/" for kind in ENTITY_KINDS},
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "cur": "http://qudt.org/vocab/currency/",
    "quantitykind": "http://qudt.org/vocab/quantitykind/",
}
_HEADER = turtle_prologue(PREFIXES)

_AVG_ARTICLE = 187  # triples of an article, on average (sizes the geography and the time line)
_MIN_TRIPLES = 2_000
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# ---------------------------------------------------------------- vocabularies
# (slug, label, broader slugs)
SECTORS = (
    ("manufacturing", "manufacturing", ()),
    ("advanced-manufacturing", "advanced manufacturing", ("manufacturing",)),
    ("smart-manufacturing", "smart manufacturing", ("advanced-manufacturing",)),
    ("precision-machinery", "precision machinery", ("advanced-manufacturing",)),
    ("industrial-robotics", "industrial robotics", ("advanced-manufacturing",)),
    ("automotive", "automotive", ("manufacturing",)),
    ("new-energy-vehicles", "new energy vehicles", ("automotive",)),
    ("aerospace", "aerospace", ("manufacturing",)),
    ("materials", "materials", ()),
    ("advanced-materials", "advanced materials", ("materials",)),
    ("composite-materials", "composite materials", ("advanced-materials",)),
    ("nanomaterials", "nanomaterials", ("advanced-materials",)),
    ("fine-chemicals", "fine chemicals", ("materials",)),
    ("health", "health", ()),
    ("biomedicine", "biomedicine", ("health",)),
    ("medical-devices", "medical devices", ("health",)),
    ("healthcare-services", "healthcare services", ("health",)),
    ("information-technology", "information technology", ()),
    ("software", "software", ("information-technology",)),
    ("semiconductors", "semiconductors", ("information-technology",)),
    ("smart-sensors", "smart sensors", ("semiconductors",)),
    ("artificial-intelligence", "artificial intelligence", ("information-technology",)),
    ("cloud-computing", "cloud computing", ("information-technology",)),
    ("big-data", "big data", ("information-technology",)),
    ("energy-and-environment", "energy and environment", ()),
    ("new-energy", "new energy", ("energy-and-environment",)),
    ("solar-power", "solar power", ("new-energy",)),
    ("hydrogen-energy", "hydrogen energy", ("new-energy",)),
    ("energy-storage", "energy storage", ("energy-and-environment",)),
    ("environmental-protection", "environmental protection", ("energy-and-environment",)),
    ("transport-and-logistics", "transport and logistics", ()),
    ("rail-transit", "rail transit", ("transport-and-logistics",)),
    ("aviation", "aviation", ("transport-and-logistics",)),
    ("modern-logistics", "modern logistics", ("transport-and-logistics",)),
    ("port-services", "port services", ("transport-and-logistics",)),
    ("finance", "finance", ()),
    ("financial-services", "financial services", ("finance",)),
    ("financial-technology", "financial technology", ("finance",)),
    ("venture-capital", "venture capital", ("finance",)),
    ("research-and-innovation", "research and innovation", ()),
    ("research-and-development", "research and development", ("research-and-innovation",)),
    ("technology-transfer", "technology transfer", ("research-and-innovation",)),
    ("innovation-and-entrepreneurship", "innovation and entrepreneurship", ("research-and-innovation",)),
    ("trade", "trade", ()),
    ("cross-border-trade", "cross-border trade", ("trade",)),
    ("e-commerce", "e-commerce", ("trade",)),
    ("trade-and-logistics", "trade and logistics", ("trade", "transport-and-logistics")),
    ("agriculture", "agriculture", ()),
    ("smart-agriculture", "smart agriculture", ("agriculture",)),
    ("food-processing", "food processing", ("agriculture",)),
    ("human-resources", "human resources", ()),
    ("talent-services", "talent services", ("human-resources",)),
    ("vocational-training", "vocational training", ("human-resources",)),
)
_LEAF_SECTORS = tuple(s for s, _, _ in SECTORS if not any(s in b for _, _, b in SECTORS))
_SECTOR_LABEL = {s: label for s, label, _ in SECTORS}

MEASURES = (
    ("planned-area", "planned land area"),
    ("total-building-area", "total building area"),
    ("investment", "investment value"),
    ("contract-amount", "contract amount"),
    ("enterprise-count", "number of enterprises operating"),
    ("foreign-enterprise-count", "number of foreign enterprises operating"),
    ("cooperation-project-count", "number of cooperation projects"),
    ("cooperation-project-share", "share of a total number of cooperation projects"),
    ("construction-duration", "construction duration"),
    ("participant-count", "number of participating startups and companies"),
    ("signed-project-count", "number of projects signed"),
    ("employee-count", "number of employees"),
    ("researcher-count", "number of researchers"),
    ("patent-count", "number of patents granted"),
    ("district-count", "number of districts spanned"),
    ("rail-travel-time", "rail travel time to the city centre"),
)
_MEASURE_LABEL = dict(MEASURES)
# each measure's QUDT quantity kind, as the project's measures state theirs (the figures' units must fit)
_MEASURE_KIND = {m: "Area" if m.endswith("area") else "Currency" if m in ("investment", "contract-amount")
                 else "Time" if m in ("construction-duration", "rail-travel-time")
                 else "DimensionlessRatio" if m.endswith("share") else "Count" for m, _ in MEASURES}

ROLES = (
    ("director", "director"), ("deputy-director", "deputy director"), ("mayor", "mayor"),
    ("vice-mayor", "vice mayor"), ("secretary", "secretary"), ("deputy-secretary", "deputy secretary"),
    ("member", "member"), ("president", "president"), ("vice-president", "vice president"),
    ("consul-general", "consul general"), ("general-manager", "general manager"), ("author", "author"),
)
_ROLE_LABEL = dict(ROLES)
CITY_OFFICES = ("mayor", "vice-mayor")

SERVICES = (
    ("financing", "financing"), ("investment-promotion", "investment promotion"),
    ("market-matchmaking", "market matchmaking"), ("intellectual-property", "intellectual property"),
    ("incubation", "incubation"), ("legal-advice", "legal advice"), ("talent-recruitment", "talent recruitment"),
)

# qudt unit -> how a reading names it
_UNIT_WORDS = {"unit:M2": "square metres", "stc:Mu": "mu", "cur:CNY": "yuan", "cur:USD": "US dollars",
               "unit:NUM": "", "unit:PERCENT": "percent", "unit:YR": "years", "unit:MIN": "minutes"}
_COMPARATOR_WORDS = {"stc:Exactly": "", "stc:MoreThan": "more than ", "stc:Approximately": "about ",
                     "stc:Nearly": "nearly "}

# ---------------------------------------------------------------- names
_PRE = ("Ash", "Bel", "Cal", "Dun", "El", "Fen", "Gar", "Hal", "Ing", "Kel", "Lin", "Mar", "Nor", "Oak",
        "Pem", "Quen", "Ros", "Sel", "Tam", "Ul", "Val", "Wes", "Yar", "Zel", "Bram", "Cres", "Dal", "Eber",
        "Fair", "Glen", "Hart", "Kin", "Lyn", "Mil", "New", "Red", "Stan", "Thorn", "Wil", "Ald")
_MID = ("", "en", "er", "in", "a", "o")
# a first word some place names have: with it, 57,600 distinct names (_World.place_name)
_PLACE_WORD = ("", "Upper", "Lower", "Great", "Little", "Old", "East", "West", "North", "South", "High", "Fort")
_SUF = ("ford", "ton", "wick", "field", "mouth", "bury", "dale", "port", "stead", "ham", "ley", "more",
        "worth", "brook", "by", "gate", "haven", "mere", "ridge", "well")
_COUNTRY_SUF = ("land", "ia", "aria", "onia", "mark", "ovia", "ena", "ador")
_GIVEN = ("Alice", "Ben", "Clara", "Daniel", "Emma", "Felix", "Grace", "Henry", "Iris", "Jack", "Karen",
          "Leo", "Maya", "Noah", "Olivia", "Peter", "Quinn", "Rosa", "Sam", "Tara", "Omar", "Vera", "Will",
          "Zoe", "Adam", "Beth", "Carl", "Dora", "Evan", "Fiona", "George", "Hannah", "Ivan", "Julia", "Kevin",
          "Lena", "Martin", "Nina", "Oscar", "Paula", "Ralph", "Sara", "Tom", "Una", "Victor", "Wendy",
          "Yusuf", "Alan", "Bella", "Colin")
_FAMILY_SUF = ("er", "son", "ley", "ton", "well", "man", "ford", "wood", "by", "ett")
_BRAND_SUF = ("vex", "tron", "lia", "dyne", "gen", "tek", "ora", "mint", "cor", "lux")
_COMPANY_KIND = ("Technologies", "Precision", "Medical", "Robotics", "Materials", "Systems", "Logistics",
                 "Energy", "Instruments", "Software")
_COMPANY_FORM = ("", "Group", "Holdings", "International", "Industries", "Corporation", "Partners", "Works")
_MEDIA_KIND = ("Daily", "Times", "News", "Herald", "Post", "Observer", "Business Review")
_DIRECTIONS = ("Northern", "Southern", "Eastern", "Western", "Central")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# park classes: (class CURIEs, name word, slug word)
_PARK_KINDS = (
    (("stc:TechnologyPark",), "Technology Park", "technology-park"),
    (("stc:InnovationPark",), "Innovation Park", "innovation-park"),
    (("stc:IndustrialPark",), "Industrial Park", "industrial-park"),
    (("stc:HighTechZone",), "High-Tech Zone", "high-tech-zone"),
    (("stc:Incubator",), "Startup Hub", "startup-hub"),
    (("stc:ResearchInstitute", "stc:CooperationProject"), "Research Institute", "research-institute"),
    (("stc:LogisticsHub", "stc:CooperationProject"), "Logistics Centre", "logistics-centre"),
    (("stc:DataCentre", "stc:CooperationProject"), "Data Centre", "data-centre"),
    (("stc:ScienceCity",), "Science City", "science-city"),
    (("stc:DemonstrationZone",), "Innovation Demonstration Zone", "demonstration-zone"),
    (("stc:FreeTradeZone",), "Pilot Free Trade Zone", "free-trade-zone"),
    (("stc:BondedZone",), "Comprehensive Bonded Zone", "bonded-zone"),
)
_PARK_WEIGHTS = (14, 14, 10, 8, 6, 8, 6, 5, 4, 4, 3, 3)

# the kinds of framework each article makes its own (the others are shared: _Article._framework)
_OWN_FRAMEWORKS = ("programme", "statement", "plan")

_START = date(2012, 1, 1).toordinal()
_SPAN = date(2024, 12, 31).toordinal() - _START


# ---------------------------------------------------------------- small helpers
_MASK = (1 << 64) - 1


def _mix(*parts: int) -> int:
    """A 64-bit hash of integers (splitmix64 steps): stable across runs and
    platforms, unlike hash()."""
    z = 0x9E3779B97F4A7C15
    for p in parts:
        z = (z + (p & _MASK) + 0x9E3779B97F4A7C15) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        z ^= z >> 31
    return z


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def _str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dec(value: float) -> str:
    """An xsd:decimal in Turtle syntax (always with a point: 3.0, 24.5)."""
    text = f"{value:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _date(d: date) -> str:
    return f'"{d.isoformat()}"^^xsd:date'


def _gyear(y: int) -> str:
    return f'"{y:04d}"^^xsd:gYear'


def _gyearmonth(y: int, m: int) -> str:
    return f'"{y:04d}-{m:02d}"^^xsd:gYearMonth'


def _gmonthday(m: int, d: int) -> str:
    return f'"--{m:02d}-{d:02d}"^^xsd:gMonthDay'


def _human(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _number_words(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


# ---------------------------------------------------------------- output
class _Graph:
    """The statements of one named graph within one article, and its triple count."""

    __slots__ = ("name", "lines", "count", "declared")

    def __init__(self, name: str):
        self.name = name
        self.lines: list[str] = []
        self.count = 0
        self.declared: set[str] = set()

    def first(self, subject: str) -> bool:
        """True the first time a subject is declared in this graph (describe it then)."""
        if subject in self.declared:
            return False
        self.declared.add(subject)
        return True

    def add(self, subject: str, *pairs) -> None:
        """One subject with (predicate, object or list of objects) pairs; None and
        empty lists are skipped. Each object is one triple."""
        parts = []
        for p, o in pairs:
            if o is None or (isinstance(o, (list, tuple)) and not o):
                continue
            if isinstance(o, (list, tuple)):
                parts.append(f"{p} {' , '.join(o)}")
                self.count += len(o)
            else:
                parts.append(f"{p} {o}")
                self.count += 1
        if parts:
            self.lines.append(f"    {subject} " + " ;\n        ".join(parts) + " .\n")

    def text(self) -> str:
        return f"{self.name} {{\n\n" + "".join(self.lines) + "}\n\n" if self.lines else ""


@dataclass
class GenerateSummary:
    """What ``generate`` wrote."""

    out_dir: Path
    files: list[Path]
    triples: int  # triples written (quads of the TriG files, none repeated)
    articles: int  # news articles, one named graph each
    entities: dict[str, int] = field(default_factory=dict)  # distinct entity IRIs per kind
    seed: int = 0
    prefix: str = "gen"

    def __str__(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in self.entities.items())
        return (f"{self.triples} triples in {len(self.files)} files ({self.articles} articles) "
                f"in {self.out_dir}\nentities: {kinds}")


@dataclass
class _Previous:
    """What an article leaves for the next one to follow up on."""

    park: str
    park_label: str
    park_types: tuple[str, ...]
    park_location: tuple[str, tuple]  # (predicate, place keys)
    figures: list[tuple[str, str, str, float, str, str]]  # (measure, unit, obs IRI, value, comparator, asOf)
    source_label: str
    person: tuple[str, str, str, tuple] | None  # (IRI, label, role, organisation key)
    published: int = 0  # the article's publication date (ordinal): the next is not published before


# ---------------------------------------------------------------- the world
class _World:
    """The shared entities (places, governments, ministries, publishers…), each a
    pure function of the seed and its index, so that every article that mentions
    one restates it identically without the generator remembering it."""

    def __init__(self, seed: int, prefix: str, target: int):
        self.seed = seed
        self.p = prefix
        articles = max(4, target // _AVG_ARTICLE)
        # about one district per three parks: units (provinces and municipalities)
        # hold 4 second-level areas, provinces' cities hold 4 districts
        self.n_units = max(4, articles // 24)
        self.n_countries = max(4, min(60, 3 + self.n_units // 8, self.n_units))
        self.n_media = 4 + articles // 400
        self.articles_estimate = articles
        self._affine_cache: dict[tuple[int, int], tuple[int, int]] = {}

    # -- names --------------------------------------------------------------
    def _affine(self, salt: int, i: int, n: int) -> int:
        """The i-th element of a seeded permutation of range(n): distinct names
        for the first n indices of a kind."""
        ab = self._affine_cache.get((salt, n))
        if ab is None:
            a = _mix(self.seed, salt, 1) % n or 1
            while math.gcd(a, n) != 1:
                a = a % n + 1
            ab = self._affine_cache[(salt, n)] = (a, _mix(self.seed, salt, 2) % n)
        return (ab[0] * i + ab[1]) % n

    def place_name(self, salt: int, i: int) -> str:
        """The i-th name of the permutation salt: distinct for i below 57,600."""
        n = len(_PLACE_WORD) * len(_PRE) * len(_MID) * len(_SUF)
        j = self._affine(salt, i, n)
        word, rest = divmod(j, len(_PRE) * len(_MID) * len(_SUF))
        pre, rest = divmod(rest, len(_MID) * len(_SUF))
        mid, suf = divmod(rest, len(_SUF))
        name = _PRE[pre] + _MID[mid] + _SUF[suf]
        return f"{_PLACE_WORD[word]} {name}" if _PLACE_WORD[word] else name

    def area_name(self, key: tuple) -> str:
        """The name of a unit, second- or third-level area: one permutation for the three levels, which
        take disjoint ranges of it, so that no two areas share a name (a municipality and a city both
        labelled with the bare name, two districts, their governments…: kg's check
        no-second-iri-for-one-thing) while 21 areas per unit fit in it, up to about 12 million triples."""
        kind = key[0]
        offset = 0 if kind == "unit" else self.n_units if kind == "second" else 5 * self.n_units
        return self.place_name(21, offset + key[1])

    def country_name(self, n: int) -> str:
        j = self._affine(11, n, len(_PRE) * len(_COUNTRY_SUF))
        pre, suf = divmod(j, len(_COUNTRY_SUF))
        return _PRE[pre] + _COUNTRY_SUF[suf]

    def person_name(self, i: int) -> tuple[str, str]:
        """The i-th person's (given, family) names, with a middle initial: one permutation for everyone
        (journalists, photographers, the people of the articles take disjoint ranges of i), so that no two
        people share a name (kg's check no-second-iri-for-one-thing) up to three million of them."""
        families = len(_PRE) * len(_MID) * len(_FAMILY_SUF)
        j = self._affine(53, i, len(_GIVEN) * 26 * families)
        given, rest = divmod(j, 26 * families)
        initial, family = divmod(rest, families)
        pre, rest = divmod(family, len(_MID) * len(_FAMILY_SUF))
        mid, suf = divmod(rest, len(_FAMILY_SUF))
        return f"{_GIVEN[given]} {chr(65 + initial)}.", _PRE[pre] + _MID[mid] + _FAMILY_SUF[suf]

    def company_name(self, i: int) -> str:
        """The i-th company's name: distinct for i below 192,000 (three companies an article at most, so
        up to about 12 million triples), as companies of different articles are different companies."""
        forms = len(_COMPANY_FORM)
        j = self._affine(31, i, len(_PRE) * len(_MID) * len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        pre, rest = divmod(j, len(_MID) * len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        mid, rest = divmod(rest, len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        suf, rest = divmod(rest, len(_COMPANY_KIND) * forms)
        kind, form = divmod(rest, forms)
        name = f"{_PRE[pre]}{_MID[mid]}{_BRAND_SUF[suf]} {_COMPANY_KIND[kind]}"
        return f"{name} {_COMPANY_FORM[form]}" if _COMPANY_FORM[form] else name

    # -- geography: place keys are tuples ("country", n), ("unit", u), ("second", c),
    # ("third", d), ("region", n, r), ("port", area), ("airport", area), ("river", area),
    # ("corridor", n) ---------------------------------------------------------
    def is_municipality(self, u: int) -> bool:
        return _mix(self.seed, 101, u) % 5 == 0

    def country_of_unit(self, u: int) -> int:
        return u % self.n_countries

    def city_area(self, c: int) -> tuple:
        """The city-level area of second-level index c: the municipality itself, or the city."""
        u = c // 4
        return ("unit", u) if self.is_municipality(u) else ("second", c)

    def country_of(self, key: tuple) -> int:
        kind = key[0]
        if kind == "country":
            return key[1]
        if kind == "unit":
            return self.country_of_unit(key[1])
        if kind == "second":
            return self.country_of_unit(key[1] // 4)
        if kind == "third":
            return self.country_of_unit(key[1] // 16)
        if kind in ("region", "corridor"):
            return key[1]
        return self.country_of(key[1])  # port, airport, river: of their area

    def districts_of(self, area: tuple) -> list[tuple]:
        if area[0] == "unit":
            return [("second", area[1] * 4 + j) for j in range(4)]
        return [("third", area[1] * 4 + j) for j in range(4)]

    def area_in_country(self, n: int, r: random.Random) -> tuple:
        """A city-level area of country n (units are dealt to countries in turn)."""
        count = (self.n_units - 1 - n) // self.n_countries + 1
        u = n + self.n_countries * r.randrange(count)
        return ("unit", u) if self.is_municipality(u) else ("second", u * 4 + r.randrange(4))

    def place(self, key: tuple) -> tuple[str, str, str, tuple | None]:
        """(IRI, class, label, parent key) of a place."""
        p = self.p
        kind = key[0]
        if kind == "country":
            name = self.country_name(key[1])
            return f"place:{p}-{_slug(name)}", "stc:Country", name, None
        if kind == "unit":
            u = key[1]
            name = self.area_name(key)
            parent = ("country", self.country_of_unit(u))
            if self.is_municipality(u):
                return f"place:{p}-{_slug(name)}-municipality-{u}", "stc:Municipality", name, parent
            return f"place:{p}-{_slug(name)}-province-{u}", "stc:Province", f"{name} Province", parent
        if kind == "second":
            c = key[1]
            name = self.area_name(key)
            parent = ("unit", c // 4)
            if self.is_municipality(c // 4):
                return f"place:{p}-{_slug(name)}-district-m{c}", "stc:District", f"{name} District", parent
            return f"place:{p}-{_slug(name)}-city-{c}", "stc:City", name, parent
        if kind == "third":
            d = key[1]
            name = self.area_name(key)
            return f"place:{p}-{_slug(name)}-district-{d}", "stc:District", f"{name} District", ("second", d // 4)
        if kind == "region":
            n, r = key[1], key[2]
            direction = _DIRECTIONS[(_mix(self.seed, 41, n) + r) % len(_DIRECTIONS)]
            name = f"{direction} {self.country_name(n)}"
            return f"place:{p}-{_slug(name)}", "stc:Region", name, ("country", n)
        if kind == "corridor":
            name = f"{self.country_name(key[1])} Land-Sea Corridor"
            return f"place:{p}-{_slug(name)}", "stc:TransportLink", name, None
        area = key[1]
        area_iri, _, area_label, _ = self.place(area)
        local = area_iri.split(":", 1)[1][len(p) + 1:]
        if kind == "port":
            return f"place:{p}-{local}-port", "stc:Port", f"{area_label} Port", area
        if kind == "airport":
            return f"place:{p}-{local}-airport", "stc:Airport", f"{area_label} International Airport", area
        if kind == "river":
            # one river per city-level area (a unit or a second-level area), each of its own name
            name = self.place_name(24, area[1] if area[0] == "unit" else self.n_units + area[1])
            return f"place:{p}-{_slug(name)}-river-{local}", "stc:River", f"{name} River", None
        raise ValueError(key)

    def has_new_area(self, area: tuple) -> bool:
        return _mix(self.seed, 102, area[1], len(area[0])) % 3 == 0

    def area_label(self, area: tuple) -> str:
        label = self.place(area)[2]
        return label[: -len(" District")] if label.endswith(" District") else label

    # -- shared organisations: keys ("gov", area), ("fao", area), ("party", area),
    # ("standing", area), ("university", area), ("committee", area), ("mediacenter", area),
    # ("ministry", n, which), ("centre", n), ("chamber", partner, home),
    # ("chapter", partner, home, area), ("consulate", partner, area), ("media", m), ("intl", i)
    def org(self, key: tuple) -> tuple[str, tuple[str, ...], str, list, list[tuple]]:
        """(IRI, classes, label, extra pairs, keys it refers to) of a shared organisation."""
        p = self.p
        kind = key[0]
        if kind in ("gov", "fao", "party", "standing", "university", "committee", "mediacenter"):
            area = key[1]
            city = self.area_label(area)
            base = f"organisation:{p}-{_slug(city)}-{area[0][0]}{area[1]}"
            area_iri = self.place(area)[0]
            if kind == "gov":
                return (f"{base}-government", ("stc:GovernmentBody",), f"{city} Municipal Government",
                        [("stc:basedIn", area_iri)], [area])
            if kind == "fao":
                gov = self.org(("gov", area))
                return (f"{base}-foreign-affairs-office", ("stc:GovernmentBody", "org:OrganizationalUnit"),
                        f"Foreign Affairs Office of {gov[2]}", [("org:unitOf", gov[0])], [("gov", area)])
            if kind == "party":
                return (f"{base}-party-committee", ("stc:PartyCommittee",), f"{city} Municipal Party Committee",
                        [], [])
            if kind == "standing":
                party = self.org(("party", area))
                return (f"{base}-standing-committee", ("stc:PartyCommittee", "org:OrganizationalUnit"),
                        f"Standing Committee of the {party[2]}", [("org:unitOf", party[0])], [("party", area)])
            if kind == "university":
                return (f"{base}-university", ("stc:University",), f"{city} University",
                        [("stc:basedIn", area_iri)], [area])
            if kind == "committee":
                return (f"{base}-new-area-committee", ("stc:AdministrativeCommittee",),
                        f"{city} New Area Administrative Committee", [], [])
            return (f"{base}-media-center", ("stc:MediaOrganisation",), f"{city} Media Center", [], [])
        if kind == "ministry":
            n, which = key[1], key[2]
            country = self.country_name(n)
            field_ = {"science": "Science and Technology", "commerce": "Commerce"}[which]
            return (f"organisation:{p}-{_slug(country)}-ministry-of-{which}", ("stc:Ministry",),
                    f"Ministry of {field_} of {country}", [("stc:headquartersCountry", self.place(("country", n))[0])],
                    [("country", n)])
        if kind == "centre":
            n = key[1]
            country = self.country_name(n)
            ministry = self.org(("ministry", n, "science"))
            return (f"organisation:{p}-{_slug(country)}-technology-cooperation-centre", ("stc:MinistryCentre",),
                    f"{country} Centre for International Technology Cooperation",
                    [("org:subOrganizationOf", ministry[0])], [("ministry", n, "science")])
        if kind == "chamber":
            partner, home = key[1], key[2]
            pc, hc = self.country_name(partner), self.country_name(home)
            return (f"organisation:{p}-{_slug(pc)}-chamber-of-commerce-in-{_slug(hc)}", ("stc:ChamberOfCommerce",),
                    f"{pc} Chamber of Commerce in {hc}",
                    [("stc:headquartersCountry", self.place(("country", partner))[0])], [("country", partner)])
        if kind == "chapter":
            partner, home, area = key[1], key[2], key[3]
            chamber = self.org(("chamber", partner, home))
            city = self.area_label(area)
            return (f"{chamber[0]}-{_slug(city)}-{area[0][0]}{area[1]}", ("stc:ChamberOfCommerce", "org:OrganizationalUnit"),
                    f"{chamber[2]}, {city} Chapter", [("org:unitOf", chamber[0])], [("chamber", partner, home)])
        if kind == "consulate":
            partner, area = key[1], key[2]
            pc, city = self.country_name(partner), self.area_label(area)
            return (f"organisation:{p}-{_slug(pc)}-consulate-{_slug(city)}-{area[0][0]}{area[1]}", ("stc:Consulate",),
                    f"Consulate General of {pc} in {city}",
                    [("stc:basedIn", self.place(area)[0]),
                     ("stc:headquartersCountry", self.place(("country", partner))[0])],
                    [area, ("country", partner)])
        if kind == "media":
            m = key[1]
            name = f"{self.place_name(25, m)} {_MEDIA_KIND[m % len(_MEDIA_KIND)]}"
            return f"organisation:{p}-{_slug(name)}-{m}", ("stc:MediaOrganisation",), name, [], []
        if kind == "intl":
            name = f"{self.place_name(26, key[1])} Economic Cooperation Organisation"
            return f"organisation:{p}-{_slug(name)}", ("stc:InternationalOrganisation",), name, [], []
        raise ValueError(key)

    def new_area(self, area: tuple) -> tuple[str, str]:
        city = self.area_label(area)
        return f"park:{self.p}-{_slug(city)}-new-area-{area[0][0]}{area[1]}", f"{city} New Area"

    def new_area_planned_area(self, area: tuple) -> float:
        """The one planned area every article gives for a new area (so they never disagree)."""
        return float(100 + _mix(self.seed, 103, area[1], len(area[0])) % 1100) * 1_000_000

    def journalist(self, m: int, j: int) -> tuple[str, str]:
        first, last = self.person_name(m * 8 + j)
        return f"person:{self.p}-{_slug(first)}-{_slug(last)}-j{m}-{j}", f"{first} {last}"

    def photographer(self, m: int) -> tuple[str, str]:
        first, last = self.person_name(self.n_media * 8 + m)
        return f"person:{self.p}-{_slug(first)}-{_slug(last)}-f{m}", f"{first} {last}"


# ---------------------------------------------------------------- one article
class _Article:
    """One synthetic news article: its own graph, its catalogue entry in the
    generated curation graph and any discrepancy it causes in source:curation."""

    def __init__(self, gen: "_Generator", k: int, level: int, prev: _Previous | None):
        self.gen = gen
        self.w = w = gen.world
        self.k = k
        self.level = level  # 3 full, 2 without the extras, 1 the essentials only
        self.r = random.Random(_mix(gen.seed, 0xA27C1E, k))
        p = w.p
        self.tag = f"{p}-{k:06d}"
        self.source = f"source:{self.tag}"
        self.own = _Graph(self.source)
        self.catalogue = _Graph(f"source:{p}-curation")
        self.curation = _Graph("source:curation")
        self.pooled: set[str] = set()  # shared entity IRIs this article states
        self.new: dict[str, int] = {}  # entities first stated here, per kind
        self.next_prev: _Previous | None = None
        self.status: str | None = None  # the park's development status, once chosen
        self.story: str | None = None  # what the article reports: an opening, a founding …
        self._build(prev)

    @property
    def count(self) -> int:
        return self.own.count + self.catalogue.count + self.curation.count

    def text(self) -> str:
        return self.catalogue.text() + self.own.text() + self.curation.text()

    def _new(self, kind: str, n: int = 1) -> None:
        self.new[kind] = self.new.get(kind, 0) + n

    # -- stating shared entities (type and label, every time) --------------------
    def place(self, key: tuple) -> str:
        iri, cls, label, parent = self.w.place(key)
        if self.own.first(iri):
            self.pooled.add(iri)
            if parent is not None:
                self.own.add(iri, ("a", cls), ("skos:prefLabel", _lit(label)),
                             ("stc:locatedIn", self.place(parent)))
            else:
                self.own.add(iri, ("a", cls), ("skos:prefLabel", _lit(label)))
        return iri

    def org(self, key: tuple) -> str:
        iri, classes, label, extra, refs = self.w.org(key)
        if self.own.first(iri):
            self.pooled.add(iri)
            for ref in refs:  # what the extra pairs point to is stated in this graph too
                (self.place if ref[0] in ("country", "unit", "second", "third") else self.org)(ref)
            self.own.add(iri, ("a", list(classes)), ("skos:prefLabel", _lit(label)), *extra)
        return iri

    def org_label(self, key: tuple) -> str:
        return self.w.org(key)[2]

    def new_area(self, area: tuple) -> str:
        iri, label = self.w.new_area(area)
        if self.own.first(iri):
            self.pooled.add(iri)
            self.own.add(iri, ("a", "stc:StateLevelNewArea"), ("skos:prefLabel", _lit(label)),
                         ("stc:locatedIn", self.place(area)), ("stc:administrativeLevel", "stc:NationalLevel"))
        return iri

    def person(self, iri: str, label: str, pooled: bool) -> str:
        if self.own.first(iri):
            if pooled:
                self.pooled.add(iri)
            self.own.add(iri, ("a", "stc:Person"), ("skos:prefLabel", _lit(label)))
        return iri

    def sector(self, slug: str) -> str:
        iri = f"sector:{self.w.p}-{slug}"
        if self.own.first(iri):  # as the project's articles do: the sectors they name
            self.own.add(iri, ("a", "stc:Sector"), ("skos:prefLabel", _lit(_SECTOR_LABEL[slug])))
        return iri

    def post(self, person: str, person_label: str, role: str, where: str, where_label: str,
             as_of: str, basis: str, former: bool = False, jurisdiction: bool = False) -> None:
        local = person.split(":", 1)[1][len(self.w.p) + 1:]
        local = local.removeprefix(f"{self.k:06d}-")  # people new in this article carry its number already
        iri = f"post:{self.tag}-{local}-{role}"
        if not self.own.first(iri):
            return
        role_label = ("former " if former else "") + _ROLE_LABEL[role]
        self.own.add(iri, ("a", "stc:PostHolding"),
                     ("skos:prefLabel", _lit(f"{person_label}: {role_label}, {where_label}")),
                     ("org:member", person), ("org:role", f"role:{self.w.p}-{role}"),
                     ("stc:jurisdiction" if jurisdiction else "org:organization", where),
                     ("stc:asOf", as_of), ("stc:asOfBasis", basis),
                     ("stc:tenure", "stc:FormerPost" if former else "stc:CurrentPost"))
        self._new("post")

    def observation(self, name: str, label: str, subject: str, measure: str, value: float, unit: str,
                    comparator: str, as_of: str, basis: str, *extra) -> str:
        iri = f"observation:{self.tag}-{name}"
        self.own.add(iri, ("a", "stc:Observation"), ("skos:prefLabel", _lit(label)),
                     ("stc:observedEntity", subject), ("stc:measure", f"measure:{self.w.p}-{measure}"),
                     ("qudt:numericValue", _dec(value)), ("qudt:unit", unit), ("stc:comparator", comparator),
                     ("stc:asOf", as_of), ("stc:asOfBasis", basis), *extra)
        self._new("observation")
        return iri

    # -- the article ----------------------------------------------------------
    def _build(self, prev: _Previous | None) -> None:
        r, w, p = self.r, self.w, self.w.p
        k = self.k
        # when: articles spread over 2012-2024 in order, none before the previous one (a follow-up restates
        # the previous article's park and figures: not before that park was founded, kg's check
        # no-relation-before-its-party-existed); one in ten states no date
        offset = min((k * _SPAN) // w.articles_estimate, _SPAN - 15) + r.randrange(15)
        pub = date.fromordinal(max(_START + offset, prev.published if prev is not None else 0))
        self.year = year = pub.year
        dated = r.random() >= 0.1
        if dated:
            self.as_of, self.basis = _date(pub), "stc:PublicationDate"
            event_day = date.fromordinal(pub.toordinal() - r.randrange(4))
            self.event_date = _date(event_day)
        else:
            self.as_of, self.basis = _gyear(year), "stc:EstimatedPublicationDate"
            self.event_date = _gyear(year)

        # where: a district or city of some country; a foreign partner country
        c = r.randrange(w.n_units * 4)
        area = w.city_area(c)
        districts = w.districts_of(area)
        home = w.country_of(area)
        partner = (home + 1 + r.randrange(w.n_countries - 1)) % w.n_countries
        self.area, self.home, self.partner = area, home, partner
        city = w.area_label(area)
        home_name, partner_name = w.country_name(home), w.country_name(partner)

        # the park the article is about
        kind = r.choices(range(len(_PARK_KINDS)), weights=_PARK_WEIGHTS)[0]
        classes, word, slug_word = _PARK_KINDS[kind]
        science_city = classes[0] == "stc:ScienceCity"
        international = r.random() < 0.5
        if international:
            name = f"{home_name}-{partner_name} ({city}) {word}"
            classes = classes + ("stc:InternationalCooperationPark",)
        else:
            name = f"{w.place_name(27, k)} {word}"
        park = f"park:{p}-{_slug(name)}-{k}"
        park_label = f"{name} {k}"  # two articles may found parks of one name: the number tells them apart
        in_new_area = not science_city and w.has_new_area(area) and r.random() < 0.5
        if science_city:
            location = ("stc:spans", tuple(sorted(r.sample(districts, r.randint(2, 3)))))
        elif in_new_area:
            location = ("stc:locatedIn", (("newarea", area),))
        else:
            location = ("stc:locatedIn", (r.choice(districts) if r.random() < 0.6 else area,))
        self.park, self.park_label = park, park_label

        # the source: its catalogue entry and what it says about itself
        m = r.randrange(w.n_media)
        media = ("media", m)
        journalist, journalist_label = w.journalist(m, r.randrange(8))
        story = self.story = r.choice(("opening", "conference", "press", "expo", "competition", "construction",
                                       "founding"))
        title = {
            "opening": f"{park_label} opens in {city}",
            "conference": f"{home_name} and {partner_name} hold a cooperation conference in {city}",
            "press": f"Press conference presents the plans for {park_label}",
            "expo": f"Projects signed for {park_label} at the {year} {city} Technology Expo",
            "competition": f"{year} {home_name}-{partner_name} startup competition held at {park_label}",
            "construction": f"Construction starts on {park_label}",
            "founding": f"{park_label} founded in {city}",
        }[story]
        media_label = self.org_label(media)
        when = _human(pub) if dated else "undated"
        self.source_label = f"{media_label}, {when}: {title}"
        self.catalogue.add(self.source, ("a", "stc:NewsArticle"), ("skos:prefLabel", _lit(self.source_label)),
                           ("stc:fileName", _str(f"{self.tag}.txt")),
                           ("stc:dateStatus", "stc:DateStated" if dated else "stc:DateNotStated"),
                           ("stc:titleStatus", "stc:TitleStated"))
        if not dated:
            self.catalogue.add(self.source, ("stc:estimatedPublicationDate", _gyear(year)),
                               ("stc:dateEstimateReason", _lit(
                                   f"Earliest plausible year: the latest date the article mentions is in {year}.")))
        self._new("source")
        self.org(media)
        self.person(journalist, journalist_label, pooled=True)
        photo = None
        if r.random() < 0.3:
            photo = self.person(*w.photographer(m), pooled=True)
        provider = self.org(("mediacenter", area)) if not dated else None
        self.own.add(self.source, ("a", "stc:NewsArticle"), ("dct:title", _lit(title)),
                     ("dct:publisher", w.org(media)[0]), ("dct:creator", journalist),
                     ("stc:contentProvider", provider),
                     ("stc:publicationDate", _date(pub) if dated else None),
                     ("stc:dateline", self.place(area) if dated and r.random() < 0.5 else None),
                     ("stc:photoCredit", photo))
        self.post(journalist, journalist_label, "author", w.org(media)[0], media_label, self.as_of, self.basis)

        # the park: where it is, what it does, who backs it
        if location[1][0][0] == "newarea":
            where = [self.new_area(area)]
        else:
            where = [self.place(key) for key in location[1]]
        self.own.add(park, ("a", list(classes)), ("skos:prefLabel", _lit(park_label)), (location[0], where))
        self._new("park")
        self.next_prev = _Previous(park, park_label, classes, location, [], self.source_label, None,
                                   pub.toordinal())
        if self.level == 1:
            return

        acronym = "".join(word_[0] for word_ in re.findall(r"[A-Za-z]+", park_label) if word_[0].isupper())
        sectors = sorted(r.sample(_LEAF_SECTORS, r.randint(2, 4)))
        status = r.choice(("stc:Operating", "stc:Operating", "stc:UnderConstruction", "stc:Planned"))
        # the status holds at the article's date, after the events it reports (docs/CURATING.md)
        if story == "opening":
            status = "stc:Operating"
        elif story == "construction" and status == "stc:Planned":
            status = "stc:UnderConstruction"
        self.status = status
        backer_keys = [("gov", area)] + ([("committee", area)] if in_new_area else []) + \
            ([("centre", home)] if r.random() < 0.3 else [])
        backers = [self.org(key) for key in backer_keys]
        services = sorted(r.sample([s for s, _ in SERVICES], r.randint(0, 3)))
        self.own.add(park, ("skos:altLabel", _lit(acronym) if len(acronym) >= 3 and r.random() < 0.4 else None),
                     ("stc:partnerCountry", self.place(("country", partner)) if international else None),
                     ("stc:focusSector", [self.sector(s) for s in sectors]),
                     ("stc:offersService", [f"service:{p}-{s}" for s in services]),
                     ("stc:developmentStatus", status), ("stc:statusAsOf", self.as_of),
                     ("stc:statusAsOfBasis", self.basis),
                     (r.choice(("stc:supportedBy", "stc:guidedBy", "stc:sponsoredBy")), backers),
                     ("stc:plannedRole", _lit(r.choice((
                         f"platform for cooperation between {home_name} and {partner_name}",
                         f"business and research space for companies from {partner_name}",
                         f"centre for {_SECTOR_LABEL[sectors[0]]} in {city}",
                         f"one of the key international business parks of {city}",
                     )))))
        if science_city:
            self.own.add(park, ("stc:hosts", self.org(("university", area))),
                         ("stc:borderedBy", self.place(("river", area)) if r.random() < 0.5 else None))
        if classes[0] == "stc:LogisticsHub":
            self.own.add(park, ("stc:integrates", [self.place(("port", area)), self.place(("airport", area))]),
                         ("stc:connects", self.place(("region", home, 0))),
                         ("stc:plannedConnectionTo", self.place(("region", partner, 1))),
                         ("stc:via", self.place(("corridor", home))))
        if international and r.random() < 0.3:
            self.own.add(park, ("stc:foreignCompaniesFrom", self.place(("country", partner))))

        self._figures(park, park_label, science_city, in_new_area)
        companies = self._companies(park) if r.random() < 0.5 else []
        framework = self._framework(park, park_label, sectors) if r.random() < 0.5 else None
        people = self._people(companies, classes)
        self._events(story, park, park_label, people, framework)
        if self.level == 3:
            if prev is not None and r.random() < 0.6:
                self._follow_up(prev)
            if r.random() < 0.25 and not science_city:
                self._hub_in(park, park_label, sectors)
        if people:
            person, label, role, where_key = people[0]
            if where_key[0] in ("mayor", "gov", "committee", "fao", "party", "consulate", "university"):
                self.next_prev.person = (person, label, role, where_key)

    # -- figures ----------------------------------------------------------------
    def _figure_date(self) -> tuple[str, str]:
        """(asOf, basis) of a figure: mostly the (estimated) publication date."""
        x = self.r.random()
        if x < 0.6:
            return self.as_of, self.basis
        if (x < 0.8 or self.story == "founding") and self.basis == "stc:PublicationDate":
            return self.event_date, "stc:EventDate"
        if self.story == "founding":  # a park founded in this article has no figure from before
            return self.as_of, self.basis
        return _gyear(self.year - 1), "stc:StatedInSource"

    def _figures(self, park: str, park_label: str, science_city: bool, in_new_area: bool) -> None:
        r, figures = self.r, self.next_prev.figures

        def figure(name, measure, value, unit, comparator, *extra, about=park, about_label=park_label,
                   record=True, label=None):
            as_of, basis = self._figure_date()
            label = label or f"{about_label}: {_MEASURE_LABEL[measure]}"
            iri = self.observation(name, label, about, measure, value, unit, comparator, as_of, basis, *extra)
            if record:
                figures.append((measure, unit, iri, value, comparator, as_of))
            return iri

        if r.random() < 0.7:  # the planned area, in mu with its m2 twin, or in m2 only
            if r.random() < 0.4:
                mu = float(r.randrange(80, 3000))
                m2 = figure("planned-area-m2", "planned-area", round(mu * 2000 / 3, -2), "unit:M2", "stc:Exactly",
                            label=f"{park_label}: planned land area in square metres")
                figure("planned-area-mu", "planned-area", mu, "stc:Mu", "stc:Exactly",
                       ("stc:sameQuantityAs", m2), label=f"{park_label}: planned land area in mu")
            else:
                figure("planned-area-m2", "planned-area", float(r.randrange(50, 3000) * 1000), "unit:M2",
                       r.choice(("stc:Exactly", "stc:Approximately")))
        if r.random() < 0.4:
            figure("total-building-area", "total-building-area", float(r.randrange(20, 900) * 1000), "unit:M2",
                   "stc:Exactly")
        if r.random() < 0.6:
            millions = r.randrange(50, 20000)
            cny = figure("investment-cny", "investment", float(millions * 1_000_000), "cur:CNY", "stc:Exactly",
                         label=f"{park_label}: investment value in yuan")
            if r.random() < 0.3:
                figure("investment-usd", "investment", float(round(millions / 7.0, 1) * 1_000_000), "cur:USD",
                       "stc:Approximately", ("stc:sameQuantityAs", cny),
                       label=f"{park_label}: investment value in US dollars")
        if r.random() < 0.5:
            total = figure("enterprise-count", "enterprise-count", float(r.randrange(10, 400)), "unit:NUM",
                           r.choice(("stc:MoreThan", "stc:Exactly", "stc:Nearly")))
            if r.random() < 0.3:
                figure("foreign-enterprise-count", "foreign-enterprise-count", float(r.randrange(2, 10)), "unit:NUM",
                       "stc:Exactly", ("stc:partOfObservation", total),
                       ("stc:qualifier", _lit(f"enterprises from {self.w.country_name(self.partner)}")))
        if r.random() < 0.3:
            projects = r.randrange(5, 90)
            figure("cooperation-project-count", "cooperation-project-count", float(projects), "unit:NUM",
                   "stc:Exactly", ("stc:sinceDate", _gyear(self.year - (0 if self.story == "founding"
                                                                          else r.randrange(1, 6)))))
            area_iri = self.place(self.area)
            figure("cooperation-project-share", "cooperation-project-share", float(r.randrange(5, 95)) / 2,
                   "unit:PERCENT", "stc:Exactly", ("stc:shareOfEntity", area_iri),
                   ("stc:shareOfMeasure", f"measure:{self.w.p}-cooperation-project-count"),
                   label=f"{park_label}: share of the cooperation projects of {self.w.area_label(self.area)}")
        if r.random() < 0.25:
            measure = r.choice(("employee-count", "researcher-count", "patent-count"))
            figure(measure, measure, float(r.randrange(20, 5000)), "unit:NUM", r.choice(("stc:MoreThan", "stc:Exactly")))
        if science_city:
            figure("district-count", "district-count", float(len(self.next_prev.park_location[1])), "unit:NUM",
                   "stc:Exactly")
            figure("rail-travel-time", "rail-travel-time", float(r.randrange(15, 60)), "unit:MIN", "stc:Exactly")
        if in_new_area and r.random() < 0.3:
            # every article gives the same value for a new area: confirmed, not conflicting
            iri, label = self.w.new_area(self.area)
            figure("new-area-planned-area", "planned-area", self.w.new_area_planned_area(self.area), "unit:M2",
                   "stc:Approximately", about=iri, about_label=label, record=False)
        if r.random() < 0.3:  # the first construction phase, with its own figures
            phase = f"project:{self.tag}-phase-1"
            phase_label = f"{park_label}, first phase"
            self.own.add(phase, ("a", "stc:ConstructionPhase"), ("skos:prefLabel", _lit(phase_label)),
                         ("stc:phaseOf", park), ("stc:phaseNumber", "1"),
                         ("stc:developmentStatus", r.choice(("stc:Operating", "stc:UnderConstruction"))),
                         ("stc:statusAsOf", self.as_of), ("stc:statusAsOfBasis", self.basis))
            self._new("project")
            figure("phase-1-investment", "investment", float(r.randrange(50, 5000) * 1_000_000), "cur:CNY",
                   "stc:Exactly", about=phase, about_label=phase_label, record=False)
            figure("phase-1-construction-duration", "construction-duration", float(r.randint(1, 5)), "unit:YR",
                   "stc:Exactly", about=phase, about_label=phase_label, record=False)

    # -- companies, frameworks, people ----------------------------------------
    def _companies(self, park: str) -> list[tuple[str, str]]:
        out = []
        for i in range(self.r.randint(1, 3)):
            name = self.w.company_name(self.k * 3 + i)
            iri = f"organisation:{self.w.p}-{_slug(name)}-{self.k}-{i}"
            origin = self.partner if self.r.random() < 0.6 else self.home
            self.own.add(iri, ("a", "stc:Company"), ("skos:prefLabel", _lit(name)), ("stc:tenantOf", park),
                         ("stc:headquartersCountry", self.place(("country", origin))))
            self._new("organisation")
            out.append((iri, name))
        return out

    def _shared_framework(self, iri: str, *pairs) -> str:
        """A framework several articles may name: the same identity triples each time."""
        if self.own.first(iri):
            self.pooled.add(iri)
            self.own.add(iri, *pairs)
        return iri

    def _framework(self, park: str, park_label: str, sectors: list[str]) -> tuple[str, str]:
        """A cooperation framework the park belongs to: (IRI, kind). Relations between
        two countries or cities, funds and initiatives are shared (any article naming
        one restates it identically, with a start year before 2012, the earliest
        article); statements, programmes and plans are new in each article."""
        r, w, p = self.r, self.w, self.w.p
        home, partner, area = self.home, self.partner, self.area
        hn, pn = w.country_name(home), w.country_name(partner)
        city = w.area_label(area)
        home_iri, partner_iri = self.place(("country", home)), self.place(("country", partner))
        area_tag = f"{area[0][0]}{area[1]}"
        kind = r.choice(("programme", "statement", "partnership", "sister", "fund", "initiative", "plan"))
        link = "stc:partOfFramework"
        if kind == "programme":
            iri = f"agreement:{self.tag}-programme"
            # the status holds after the events the article reports: the opening ceremony concerns the
            # programme too, and a programme being promoted has not opened (stcp:eventsAfter)
            status = "stc:Launched" if self.story == "opening" else "stc:BeingPromoted"
            self.own.add(iri, ("a", "stc:CooperationProgramme"),
                         ("skos:prefLabel", _lit(f"{city} international cooperation programme with {pn} ({self.year}, no. {self.k})")),
                         ("stc:promotedBy", self.org(("gov", area))), ("stc:partnerCountry", partner_iri),
                         ("stc:cooperationArea", [self.sector(s) for s in sectors[:2]]),
                         ("stc:developmentStatus", status), ("stc:statusAsOf", self.as_of),
                         ("stc:statusAsOfBasis", self.basis))
            self._new("agreement")
        elif kind == "statement":
            start = self.year - r.randrange(0, 4)
            iri = f"agreement:{self.tag}-joint-statement"
            self.own.add(iri, ("a", "stc:JointStatement"),
                         ("skos:prefLabel", _lit(f"Joint Statement of {hn} and {pn} on Science and Innovation "
                                                 f"Cooperation ({start}, no. {self.k})")),
                         ("stc:signatory", [self.org(("ministry", home, "science")),
                                            self.org(("ministry", partner, "science"))]),
                         ("stc:party", [home_iri, partner_iri]), ("stc:partnerCountry", partner_iri),
                         ("stc:startDate", _gyear(start)))
            self._new("agreement")
        elif kind == "plan":
            link = "stc:outlinedIn"
            iri = f"agreement:{self.tag}-action-plan"
            self.own.add(iri, ("a", "stc:ActionPlan"),
                         ("skos:prefLabel", _lit(f"{city} development action plan {self.year}, no. {self.k}")),
                         ("stc:issuedBy", self.org(("ministry", home, "commerce"))), ("stc:party", home_iri))
            self._new("agreement")
        elif kind == "partnership":
            a, b = sorted((home, partner))
            an, bn = w.country_name(a), w.country_name(b)
            iri = self._shared_framework(
                f"agreement:{p}-{_slug(an)}-{_slug(bn)}-strategic-partnership", ("a", "stc:StrategicPartnership"),
                ("skos:prefLabel", _lit(f"{an}-{bn} strategic partnership on innovation")),
                ("stc:party", [self.place(("country", a)), self.place(("country", b))]))
            self.own.add(iri, ("stc:cooperationArea", self.sector(sectors[0])))
        elif kind == "sister":
            a, b = sorted((area, w.area_in_country(partner, r)))
            ia, ib = w.place(a)[0], w.place(b)[0]
            iri = self._shared_framework(
                f"agreement:{p}-{ia.split(':')[1][len(p) + 1:]}-{ib.split(':')[1][len(p) + 1:]}-sister-cities",
                ("a", "stc:SisterCityRelation"),
                ("skos:prefLabel", _lit(f"{w.area_label(a)}-{w.area_label(b)} sister-city relation")),
                ("stc:party", [self.place(a), self.place(b)]),
                ("stc:startDate", _gyear(2000 + _mix(self.gen.seed, 104, a[1], b[1]) % 12)))
        elif kind == "fund":
            iri = self._shared_framework(
                f"agreement:{p}-{_slug(hn)}-{_slug(pn)}-{_slug(city)}-{area_tag}-fund", ("a", "stc:Fund"),
                ("skos:prefLabel", _lit(f"{hn}-{pn} ({city}) Joint Innovation Fund")),
                ("stc:partnerCountry", partner_iri))
            self.own.add(iri, ("stc:supportsCompaniesOf", park))
        else:
            h = _mix(self.gen.seed, 105, home, partner, area[1])
            core = self.new_area(area) if w.has_new_area(area) else self.place(area)
            iri = self._shared_framework(
                f"agreement:{p}-{_slug(hn)}-{_slug(pn)}-{_slug(city)}-{area_tag}-initiative",
                ("a", "stc:IntergovernmentalDemonstrationInitiative"),
                ("skos:prefLabel", _lit(f"{hn}-{pn} ({city}) Demonstration Initiative on Connectivity")),
                ("stc:party", [home_iri, partner_iri]), ("stc:partnerCountry", partner_iri),
                ("stc:startDate", _gyear(2000 + h % 12)), ("stc:ordinal", str(1 + h % 4)), ("stc:coreArea", core),
                ("stc:connects", [self.place(("region", home, 0)), self.place(("region", partner, 1))]))
        self.own.add(park, (link, iri))
        return iri, kind

    def _people(self, companies, park_classes) -> list[tuple[str, str, str, tuple]]:
        """New people with one or two posts each; (IRI, label, role, organisation key)."""
        r, w = self.r, self.w
        area, home, partner = self.area, self.home, self.partner
        city = w.area_label(area)
        # offices by who holds them together: local officials, foreign representatives, institutions
        local = [("mayor", None), ("vice-mayor", None), ("director", ("fao", area)),
                 ("secretary", ("party", area)), ("member", ("standing", area)), ("deputy-secretary", ("party", area))]
        if w.has_new_area(area):
            local.append(("director", ("committee", area)))
        foreign = [("consul-general", ("consulate", partner, area)), ("president", ("chapter", partner, home, area))]
        institutions = [("president", ("university", area)), ("director", ("centre", home)),
                        ("vice-president", ("university", area)), ("deputy-director", ("centre", home))]
        groups = (local, local, foreign, institutions)
        out = []
        n = r.randint(1, 4) if self.level == 3 else 1
        for i in range(n):
            first, last = w.person_name(w.n_media * 9 + self.k * 4 + i)
            label = f"{first} {last}"
            iri = self.person(f"person:{self.tag}-{_slug(first)}-{_slug(last)}-{i}", label, pooled=False)
            self._new("person")
            group = r.choice(groups)
            posts = r.sample(group, 2 if r.random() < 0.3 and group is not foreign else 1)
            if len(posts) == 2 and posts[1][0] in ("mayor", "vice-mayor") and posts[0][0] in ("mayor", "vice-mayor"):
                posts = posts[:1]  # not both mayor and vice mayor
            if len(posts) == 2 and posts[1][0] == posts[0][0]:
                # one role twice (director of two offices): the post's IRI is the person's and the role's,
                # so the second would be dropped and its organisation left in the graph unused
                # (kg's check no-entity-introduced-but-unused)
                posts = posts[:1]
            if companies and r.random() < 0.3:
                posts = [("general-manager", companies[0])]
            if "stc:ResearchInstitute" in park_classes and i == 0:
                posts = [("director", (self.park, self.park_label))]
            for role, key in posts:
                as_of, basis = (self.event_date, "stc:EventDate") if r.random() < 0.6 else (self.as_of, self.basis)
                if key is None:  # a mayor: the office of a place, not of an organisation
                    self.post(iri, label, role, self.place(area), city, as_of, basis,
                              former=r.random() < 0.25, jurisdiction=True)
                elif isinstance(key[0], str) and key[0].startswith(("organisation:", "park:")):
                    self.post(iri, label, role, key[0], key[1], as_of, basis)
                else:
                    self.post(iri, label, role, self.org(key), self.org_label(key), as_of, basis)
            out.append((iri, label, posts[0][0], posts[0][1] if posts[0][1] is not None else ("mayor", area)))
        return out

    # -- events -----------------------------------------------------------------
    def _events(self, story, park, park_label, people, framework) -> None:
        r, w = self.r, self.w
        city = w.area_label(self.area)
        hn, pn = w.country_name(self.home), w.country_name(self.partner)
        year = self.year
        kinds = {
            "opening": ("stc:OpeningCeremony", f"Opening ceremony of {park_label}", "opening-ceremony"),
            "conference": ("stc:Conference", f"{hn}-{pn} Innovation Cooperation Conference {year}, no. {self.k}",
                           "conference"),
            "press": ("stc:PressConference", f"Press conference on {park_label}", "press-conference"),
            "expo": ("stc:Expo", f"{year} {city} Technology Expo, no. {self.k}", "expo"),
            "competition": ("stc:Competition", f"{year} {hn}-{pn} Startup Competition, no. {self.k}", "competition"),
            "construction": ("stc:ConstructionStart", f"Start of construction of {park_label}", "construction-start"),
            "founding": ("stc:Founding", f"Founding of {park_label}", "founding"),
        }
        cls, label, slug = kinds[story]
        event = f"event:{self.tag}-{slug}"
        # a founding, construction start or opening is a step in the life of the park, and of a framework
        # new in this article; a shared framework (older than any article) gets events from articles of
        # any year, whose life-cycle steps would come out of order (kg's check no-life-cycle-out-of-order)
        concerned = [park] + ([framework[0]] if framework and (
            story not in ("founding", "construction", "opening") or framework[1] in _OWN_FRAMEWORKS) else [])
        participants = [person for person, *_ in people]
        speakers = participants[:1] if participants and r.random() < 0.7 else []
        orgs = [self.org(("gov", self.area))] if r.random() < 0.5 else []
        note = None
        if self.basis == "stc:PublicationDate" and r.random() < 0.2:
            note = _lit("The article gives the day and month only; the year is that of the article.")
        self.own.add(event, ("a", cls), ("skos:prefLabel", _lit(label)), ("stc:date", self.event_date),
                     ("stc:dateNote", note),
                     ("stc:venue", park if story in ("opening", "competition", "construction", "press") else self.place(self.area)),
                     ("stc:concerns", concerned),
                     ("stc:participant", participants + orgs), ("stc:speaker", speakers),
                     ("stc:participantOrigin", sorted({self.place(("country", self.home)),
                                                       self.place(("country", self.partner))})),
                     ("stc:timeOfDay", _str(r.choice(("morning", "afternoon"))) if r.random() < 0.2 else None))
        self._new("event")
        if framework and framework[1] == "programme" and story == "conference":
            self.own.add(framework[0], ("stc:launchedAt", event))
        if story == "conference" and framework and framework[1] == "statement":
            self.own.add(event, ("stc:implements", framework[0]))

        if story in ("expo", "competition") or r.random() < 0.3:  # a sub-event within the main one
            if story == "competition":
                sub = (f"{event}-award-ceremony", "stc:AwardCeremony", f"{label} Award Ceremony")
            elif story == "expo":
                sub = (f"{event}-press-conference", "stc:PressConference", f"Press conference on {park_label} at the {label}")
            else:
                sub = (f"{event}-signing-ceremony", "stc:Ceremony", f"Signing ceremony at the {label}")
            self.own.add(sub[0], ("a", sub[1]), ("skos:prefLabel", _lit(sub[2])), ("stc:date", self.event_date),
                         ("stc:subEventOf", event), ("stc:concerns", park), ("stc:speaker", speakers))
            self._new("event")
            if story == "competition":
                self.observation("competition-participants", f"{sub[2]}: startups and companies taking part",
                                 sub[0], "participant-count", float(r.randrange(8, 120)), "unit:NUM", "stc:Exactly",
                                 self.event_date, "stc:EventDate" if self.basis == "stc:PublicationDate" else self.basis)
            if story == "expo":
                self.observation("expo-signed-projects", f"{park_label}: projects signed at the {label}", park,
                                 "signed-project-count", float(r.randrange(3, 60)), "unit:NUM", "stc:Exactly",
                                 self.as_of, self.basis, ("stc:duringEvent", event))
        if self.level == 3 and story not in ("construction", "founding") and r.random() < 0.5:
            # an earlier milestone, dated as precisely as such articles do (before any figure's since-date)
            y = self.year - r.randint(5, 8)
            if r.random() < 0.5 and self.status != "stc:Planned":  # a planned park has not started construction
                self.own.add(f"event:{self.tag}-construction-start", ("a", "stc:ConstructionStart"),
                             ("skos:prefLabel", _lit(f"Start of construction of {park_label}")),
                             ("stc:date", _gyearmonth(y, r.randint(1, 12))), ("stc:concerns", park))
            else:
                self.own.add(f"event:{self.tag}-founding", ("a", "stc:Founding"),
                             ("skos:prefLabel", _lit(f"Founding of {park_label}")),
                             ("stc:date", _gyear(y)), ("stc:concerns", park),
                             ("stc:dateNote", _lit("Year taken from the park's own description.")
                              if r.random() < 0.3 else None))
            self._new("event")
        if self.level == 3 and self.basis == "stc:EstimatedPublicationDate" and r.random() < 0.3:
            self.own.add(f"event:{self.tag}-partner-visit", ("a", "stc:Conference"),
                         ("skos:prefLabel", _lit(f"Visit of a {pn} delegation to {park_label}")),
                         ("stc:date", _gmonthday(r.randint(1, 12), r.randint(1, 28))),
                         ("stc:dateNote", _lit("The article gives the day and month only and is itself undated.")),
                         ("stc:concerns", park), ("stc:participantOrigin", self.place(("country", self.partner))))
            self._new("event")

    # -- a second zone inside the park ---------------------------------------------
    def _hub_in(self, park: str, park_label: str, sectors: list[str]) -> None:
        hub = f"park:{self.tag}-startup-hub"
        self.own.add(hub, ("a", "stc:Incubator"), ("skos:prefLabel", _lit(f"{park_label} Startup Hub")),
                     ("stc:locatedIn", park), ("stc:launchedBy", park),
                     ("stc:focusSector", self.sector(sectors[-1])), ("stc:offersService", f"service:{self.w.p}-incubation"))
        self._new("park")

    # -- following up the previous article ------------------------------------------
    def _follow_up(self, prev: _Previous) -> None:
        """Restate the previous article's park (the same triples in a second graph),
        maybe its first person with a later post, maybe one of its figures again: the
        same value, or a different one recorded as a discrepancy; rarely a misspelling."""
        r, w = self.r, self.w
        pred, keys = prev.park_location
        where = [self.new_area(key[1]) if key[0] == "newarea" else self.place(key) for key in keys]
        self.own.add(prev.park, ("a", list(prev.park_types)), ("skos:prefLabel", _lit(prev.park_label)),
                     (pred, where))
        self.own.add(self.park, ("stc:cooperatesWith", prev.park))
        if prev.person is not None and r.random() < 0.5:
            person, label, role, key = prev.person
            self.person(person, label, pooled=False)
            if key[0] == "mayor":
                self.post(person, label, role, self.place(key[1]), w.area_label(key[1]), self.as_of, self.basis,
                          former=r.random() < 0.5, jurisdiction=True)
            else:
                self.post(person, label, role, self.org(key), self.org_label(key), self.as_of, self.basis,
                          former=r.random() < 0.5)
        single = [f for f in prev.figures if f[1] in ("unit:NUM", "unit:M2") and f[0] in
                  ("enterprise-count", "total-building-area", "cooperation-project-count", "employee-count",
                   "researcher-count", "patent-count")]
        if single and r.random() < 0.7:
            measure, unit, old, value, comparator, old_as_of = r.choice(single)
            conflict = r.random() < 0.5
            new_value = value
            if conflict:
                new_value = float(round(value * r.choice((0.8, 1.25, 1.5, 2.0))))
                if new_value == value:
                    new_value = value + 1
            as_of, basis = self.as_of, self.basis
            label = f"{prev.park_label}: {_MEASURE_LABEL[measure]} (follow-up)"
            obs = self.observation(f"follow-up-{measure}", label, prev.park, measure, new_value, unit, comparator,
                                   as_of, basis)
            if conflict:
                def reading(v, at, source):
                    words = _UNIT_WORDS[unit]
                    return f"{_COMPARATOR_WORDS[comparator]}{_number_words(v)}{' ' + words if words else ''} as of {at} ({source})"
                # resolved only where the as-of dates differ: a later count may be larger
                resolved = as_of != old_as_of and r.random() < 0.5
                d = f"discrepancy:{self.tag}-{measure}"
                self.curation.add(
                    d, ("a", "stc:Discrepancy"),
                    ("skos:prefLabel", _lit(f"{prev.park_label}: {_MEASURE_LABEL[measure]} given as "
                                            f"{_number_words(value)} and {_number_words(new_value)}")),
                    ("stc:involves", [prev.park, old, obs]),
                    ("stc:discrepancyKind", "stc:ConflictingFigures"),
                    ("stc:variantReading", [_lit(reading(value, old_as_of.split('"')[1], prev.source_label)),
                                            _lit(reading(new_value, as_of.split('"')[1], self.source_label))]),
                    ("stc:resolutionStatus", "stc:Resolved" if resolved else "stc:Unresolved"),
                    ("stc:resolution", _lit(
                        "The figures hold at different dates; the later article reports the later state. Both are kept."
                        if resolved else
                        "The articles do not say whether they count the same thing at the same time; both figures are kept.")))
                # the values the discrepancy was recorded for (stcsh:reviewedValue-unchanged)
                self.curation.add(old, ("stc:reviewedValue", _dec(value)))
                self.curation.add(obs, ("stc:reviewedValue", _dec(new_value)))
                self._new("discrepancy")
        if r.random() < 0.05:  # a misspelt name, kept as a hidden label and explained
            words_ = prev.park_label.split(" ")
            i = max(range(len(words_)), key=lambda j: len(words_[j]))
            word_ = words_[i]
            j = r.randrange(1, len(word_) - 1) if len(word_) > 3 else 0
            typo = word_[:j] + word_[j + 1:] if len(word_) > 3 else word_ + word_[-1]
            misspelt = " ".join(words_[:i] + [typo] + words_[i + 1:])
            if misspelt != prev.park_label:
                self.own.add(prev.park, ("skos:hiddenLabel", _lit(misspelt)))
                self.curation.add(
                    f"discrepancy:{self.tag}-name", ("a", "stc:Discrepancy"),
                    ("skos:prefLabel", _lit(f"{prev.park_label} misspelt in {self.tag}")),
                    ("stc:involves", [prev.park, self.source]), ("stc:discrepancyKind", "stc:NameVariant"),
                    ("stc:variantReading", [_lit(misspelt), _lit(prev.park_label)]),
                    ("stc:preferredReading", _lit(prev.park_label)),
                    ("stc:resolutionStatus", "stc:Resolved"),
                    ("stc:resolution", _lit("One park: the article drops a letter of its name once. "
                                            "The misspelling is kept as a hidden label.")))
                self._new("discrepancy")


# ---------------------------------------------------------------- the generator
class _Generator:
    def __init__(self, out_dir: Path, target: int, seed: int, prefix: str):
        self.out_dir, self.target, self.seed, self.prefix = out_dir, target, seed, prefix
        self.world = _World(seed, prefix, target)
        self.files: list[Path] = []
        self.total = 0
        self.articles = 0
        self.seen: dict[str, set[str]] = {}
        self.counts: dict[str, int] = {kind: 0 for kind in ENTITY_KINDS}

    def vocabulary(self) -> str:
        """The generated curation source with its vocabularies, and source:curation."""
        p = self.prefix
        g = _Graph(f"source:{p}-curation")
        g.add(f"source:{p}-curation", ("a", "stc:CurationSource"),
              ("skos:prefLabel", _lit(f"Synthetic data ({p}): controlled vocabularies")),
              ("dct:description", _lit("Generated by kg.generate for benchmarks and tests: the sector and measure "
                                       "schemes, roles and services the synthetic articles use, and the "
                                       "synthetic articles' catalogue.")))
        tops = [f"sector:{p}-{s}" for s, _, broader in SECTORS if not broader]
        g.add(f"sector:{p}-scheme", ("a", "skos:ConceptScheme"),
              ("skos:prefLabel", _lit(f"Sectors and fields of cooperation ({p})")), ("skos:hasTopConcept", tops))
        for s, label, broader in SECTORS:
            g.add(f"sector:{p}-{s}", ("a", "stc:Sector"), ("skos:prefLabel", _lit(label)),
                  ("skos:broader", [f"sector:{p}-{b}" for b in broader]), ("skos:inScheme", f"sector:{p}-scheme"))
        g.add(f"measure:{p}-scheme", ("a", "skos:ConceptScheme"),
              ("skos:prefLabel", _lit(f"Measures reported in the synthetic articles ({p})")))
        for s, label in MEASURES:
            g.add(f"measure:{p}-{s}", ("a", "stc:Measure"), ("skos:prefLabel", _lit(label)),
                  ("skos:inScheme", f"measure:{p}-scheme"),
                  ("qudt:hasQuantityKind", f"quantitykind:{_MEASURE_KIND[s]}"))
        # roles and services in schemes of their own: a concept may share its label with one of another
        # scheme (the project's "mayor"), not with one of its own
        g.add(f"role:{p}-scheme", ("a", "skos:ConceptScheme"), ("skos:prefLabel", _lit(f"Roles ({p})")))
        for s, label in ROLES:
            # mayors and vice mayors hold the office of a city (stcsh:PostHolding-cityOffice)
            classes = ["org:Role", "stc:CityOffice"] if s in CITY_OFFICES else "org:Role"
            g.add(f"role:{p}-{s}", ("a", classes), ("skos:prefLabel", _lit(label)), ("skos:inScheme", f"role:{p}-scheme"))
        g.add(f"service:{p}-scheme", ("a", "skos:ConceptScheme"), ("skos:prefLabel", _lit(f"Services ({p})")))
        for s, label in SERVICES:
            g.add(f"service:{p}-{s}", ("a", "stc:Service"), ("skos:prefLabel", _lit(label)),
                  ("skos:inScheme", f"service:{p}-scheme"))
        curation = _Graph("source:curation")
        curation.add("source:curation", ("a", "stc:CurationSource"), ("skos:prefLabel", _lit(CURATION_LABEL)))
        self.counts["source"] += 2
        self.counts["sector"] += len(SECTORS) + 1
        self.counts["measure"] += len(MEASURES) + 1
        self.counts["role"] += len(ROLES) + 1
        self.counts["service"] += len(SERVICES) + 1
        self.total += g.count + curation.count
        return (f"# Synthetic vocabularies (kg.generate, seed {self.seed}, prefix {p}): the generated\n"
                f"# curation source, sectors, measures, roles and services; and source:curation,\n"
                f"# which holds the discrepancies between synthetic figures.\n\n"
                + _HEADER + "\n" + g.text() + curation.text())

    def run(self) -> GenerateSummary:
        vocab = self.out_dir / f"{self.prefix}-vocabulary.trig"
        vocab.write_text(self.vocabulary(), encoding="utf-8", newline="\n")
        self.files.append(vocab)
        prev: _Previous | None = None
        chunk, chunk_count, fh = -1, 0, None
        k = 0
        try:
            while True:
                # a full article when it fits, else a smaller one; stop when even the
                # smallest would overshoot the target
                remaining = self.target - self.total
                art = None
                for level in (3, 2, 1):
                    candidate = _Article(self, k, level, prev)
                    if candidate.count <= remaining:
                        art = candidate
                        break
                if art is None:
                    break
                if fh is None or chunk_count + art.count > CHUNK_TRIPLES:
                    if fh is not None:
                        fh.close()
                    chunk += 1
                    path = self.out_dir / f"{self.prefix}-{chunk:04d}.trig"
                    fh = open(path, "w", encoding="utf-8", newline="\n")
                    fh.write(f"# Synthetic news articles (kg.generate, seed {self.seed}, prefix {self.prefix}),"
                             f" chunk {chunk}.\n\n" + _HEADER + "\n")
                    self.files.append(path)
                    chunk_count = 0
                fh.write(art.text())
                chunk_count += art.count
                self.total += art.count
                self.articles += 1
                for kind, n in art.new.items():
                    self.counts[kind] += n
                for iri in art.pooled:
                    kind = iri.split(":", 1)[0]
                    self.seen.setdefault(kind, set()).add(iri)
                prev = art.next_prev
                k += 1
        finally:
            if fh is not None:
                fh.close()
        for kind, iris in self.seen.items():
            self.counts[kind] += len(iris)
        return GenerateSummary(self.out_dir, self.files, self.total, self.articles,
                               {kind: self.counts[kind] for kind in ENTITY_KINDS}, self.seed, self.prefix)


def generate(out_dir, triples: int, seed: int = 0, prefix: str = "gen") -> GenerateSummary:
    """Write about ``triples`` triples of synthetic data as TriG files into ``out_dir``.

    Same arguments, byte-identical files. Earlier output of the same prefix in
    ``out_dir`` (``{prefix}-NNNN.trig``, ``{prefix}-vocabulary.trig``) is removed
    first, so that no stale chunk is left behind. The count is within a few dozen
    triples below ``triples`` (at least 2,000)."""
    if not _SLUG.match(prefix):
        raise ValueError(f"prefix {prefix!r} must be lowercase ASCII words joined by hyphens")
    if int(triples) < _MIN_TRIPLES:
        raise ValueError(f"triples must be at least {_MIN_TRIPLES}, got {triples}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stale = re.compile(rf"^{re.escape(prefix)}-(\d{{4}}|vocabulary)\.trig$")
    for old in sorted(out.iterdir()):
        if stale.match(old.name):
            old.unlink()
    return _Generator(out, int(triples), int(seed), prefix).run()
