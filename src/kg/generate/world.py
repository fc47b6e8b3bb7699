"""The shared world of the synthetic articles: places, governments, ministries, publishers, names.

Each shared thing is a pure function of the seed and its index (``World.place``, ``World.org``), so
any article restates it identically without the generator remembering it. Names are elements of
seeded permutations (``World._affine``), the kinds that share one taking disjoint ranges of it, so no
two things share a label up to about 12 million triples (kg's check no-second-iri-for-one-thing).
Place keys are tuples: ("country", n), ("unit", u), ("second", c), ("third", d), ("region", n, r),
("port", area), ("airport", area), ("river", area), ("corridor", n); organisation keys are listed
at ``World.org``."""

from __future__ import annotations

import math
import random

from kg.generate.text import slugify

AVG_ARTICLE = 187  # triples of an article, on average (sizes the geography and the time line)
_MASK = (1 << 64) - 1


def mix(*parts: int) -> int:
    """A 64-bit hash of integers (splitmix64 steps): stable across runs and
    platforms, unlike hash()."""
    state = 0x9E3779B97F4A7C15
    for part in parts:
        state = (state + (part & _MASK) + 0x9E3779B97F4A7C15) & _MASK
        state = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        state = ((state ^ (state >> 27)) * 0x94D049BB133111EB) & _MASK
        state ^= state >> 31
    return state


_PRE = ("Ash", "Bel", "Cal", "Dun", "El", "Fen", "Gar", "Hal", "Ing", "Kel", "Lin", "Mar", "Nor", "Oak",
        "Pem", "Quen", "Ros", "Sel", "Tam", "Ul", "Val", "Wes", "Yar", "Zel", "Bram", "Cres", "Dal", "Eber",
        "Fair", "Glen", "Hart", "Kin", "Lyn", "Mil", "New", "Red", "Stan", "Thorn", "Wil", "Ald")
_MID = ("", "en", "er", "in", "a", "o")
# a first word some place names have: with it, 57,600 distinct names (World.place_name)
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
_DIRECTIONS = ("Northern", "Southern", "Eastern", "Western", "Central")
_MEDIA_KIND = ("Daily", "Times", "News", "Herald", "Post", "Observer", "Business Review")
_AREA_KINDS = ("unit", "second", "third")  # a unit (province or municipality) holds 4 seconds, a city 4 thirds
# the organisations of a city-level area: (IRI suffix, class, label, based in the area)
_CITY_ORGS = {
    "gov": ("government", "stc:GovernmentBody", "{city} Municipal Government", True),
    "party": ("party-committee", "stc:PartyCommittee", "{city} Municipal Party Committee", False),
    "university": ("university", "stc:University", "{city} University", True),
    "committee": ("new-area-committee", "stc:AdministrativeCommittee", "{city} New Area Administrative Committee",
                  False),
    "mediacenter": ("media-center", "stc:MediaOrganisation", "{city} Media Center", False),
}
# and the units of those: (IRI suffix, the organisation's kind, class, label)
_CITY_UNITS = {
    "fao": ("foreign-affairs-office", "gov", "stc:GovernmentBody", "Foreign Affairs Office of {parent}"),
    "standing": ("standing-committee", "party", "stc:PartyCommittee", "Standing Committee of the {parent}"),
}


class World:
    """The shared entities (places, governments, ministries, publishers…), each a
    pure function of the seed and its index, so that every article that mentions
    one restates it identically without the generator remembering it."""

    def __init__(self, seed: int, prefix: str, target: int):
        self.seed = seed
        self.prefix = prefix
        articles = max(4, target // AVG_ARTICLE)
        # about one district per three parks: units (provinces and municipalities)
        # hold 4 second-level areas, provinces' cities hold 4 districts
        self.n_units = max(4, articles // 24)
        self.n_countries = max(4, min(60, 3 + self.n_units // 8, self.n_units))
        self.n_media = 4 + articles // 400
        self.articles_estimate = articles
        self._affine_cache: dict[tuple[int, int], tuple[int, int]] = {}

    # -- names --------------------------------------------------------------
    def _affine(self, salt: int, index: int, size: int) -> int:
        """The index-th element of a seeded permutation of range(size): distinct names
        for the first size indices of a kind."""
        factors = self._affine_cache.get((salt, size))
        if factors is None:
            factor = mix(self.seed, salt, 1) % size or 1
            while math.gcd(factor, size) != 1:
                factor = factor % size + 1
            factors = self._affine_cache[(salt, size)] = (factor, mix(self.seed, salt, 2) % size)
        return (factors[0] * index + factors[1]) % size

    def place_name(self, salt: int, index: int) -> str:
        """The index-th name of the permutation salt: distinct for index below 57,600."""
        size = len(_PLACE_WORD) * len(_PRE) * len(_MID) * len(_SUF)
        word, rest = divmod(self._affine(salt, index, size), len(_PRE) * len(_MID) * len(_SUF))
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

    def country_name(self, country: int) -> str:
        pre, suf = divmod(self._affine(11, country, len(_PRE) * len(_COUNTRY_SUF)), len(_COUNTRY_SUF))
        return _PRE[pre] + _COUNTRY_SUF[suf]

    def person_name(self, index: int) -> tuple[str, str]:
        """The index-th person's (given, family) names, with a middle initial: one permutation for everyone
        (journalists, photographers, the people of the articles take disjoint ranges of index), so that no
        two people share a name (kg's check no-second-iri-for-one-thing) up to three million of them."""
        families = len(_PRE) * len(_MID) * len(_FAMILY_SUF)
        given, rest = divmod(self._affine(53, index, len(_GIVEN) * 26 * families), 26 * families)
        initial, family = divmod(rest, families)
        pre, rest = divmod(family, len(_MID) * len(_FAMILY_SUF))
        mid, suf = divmod(rest, len(_FAMILY_SUF))
        return f"{_GIVEN[given]} {chr(65 + initial)}.", _PRE[pre] + _MID[mid] + _FAMILY_SUF[suf]

    def company_name(self, index: int) -> str:
        """The index-th company's name: distinct for index below 192,000 (three companies an article at
        most, so up to about 12 million triples), as companies of different articles are different."""
        forms = len(_COMPANY_FORM)
        choice = self._affine(31, index, len(_PRE) * len(_MID) * len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        pre, rest = divmod(choice, len(_MID) * len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        mid, rest = divmod(rest, len(_BRAND_SUF) * len(_COMPANY_KIND) * forms)
        suf, rest = divmod(rest, len(_COMPANY_KIND) * forms)
        kind, form = divmod(rest, forms)
        name = f"{_PRE[pre]}{_MID[mid]}{_BRAND_SUF[suf]} {_COMPANY_KIND[kind]}"
        return f"{name} {_COMPANY_FORM[form]}" if _COMPANY_FORM[form] else name

    def journalist(self, media: int, index: int) -> tuple[str, str]:
        first, last = self.person_name(media * 8 + index)
        return f"person:{self.prefix}-{slugify(first)}-{slugify(last)}-j{media}-{index}", f"{first} {last}"

    def photographer(self, media: int) -> tuple[str, str]:
        first, last = self.person_name(self.n_media * 8 + media)
        return f"person:{self.prefix}-{slugify(first)}-{slugify(last)}-f{media}", f"{first} {last}"

    # -- geography ----------------------------------------------------------
    def is_municipality(self, unit: int) -> bool:
        return mix(self.seed, 101, unit) % 5 == 0

    def country_of_unit(self, unit: int) -> int:
        return unit % self.n_countries

    def city_area(self, second: int) -> tuple:
        """The city-level area of second-level index ``second``: the municipality itself, or the city."""
        unit = second // 4
        return ("unit", unit) if self.is_municipality(unit) else ("second", second)

    def country_of(self, key: tuple) -> int:
        kind = key[0]
        if kind in ("country", "region", "corridor"):
            return key[1]
        if kind == "unit":
            return self.country_of_unit(key[1])
        if kind == "second":
            return self.country_of_unit(key[1] // 4)
        if kind == "third":
            return self.country_of_unit(key[1] // 16)
        return self.country_of(key[1])  # port, airport, river: of their area

    def districts_of(self, area: tuple) -> list[tuple]:
        below = "second" if area[0] == "unit" else "third"
        return [(below, area[1] * 4 + j) for j in range(4)]

    def area_in_country(self, country: int, rng: random.Random) -> tuple:
        """A city-level area of a country (units are dealt to countries in turn)."""
        count = (self.n_units - 1 - country) // self.n_countries + 1
        unit = country + self.n_countries * rng.randrange(count)
        return ("unit", unit) if self.is_municipality(unit) else ("second", unit * 4 + rng.randrange(4))

    def has_new_area(self, area: tuple) -> bool:
        return mix(self.seed, 102, area[1], len(area[0])) % 3 == 0

    def area_label(self, area: tuple) -> str:
        label = self.place(area)[2]
        return label.removesuffix(" District")

    def new_area(self, area: tuple) -> tuple[str, str]:
        city = self.area_label(area)
        return f"park:{self.prefix}-{slugify(city)}-new-area-{area[0][0]}{area[1]}", f"{city} New Area"

    def new_area_planned_area(self, area: tuple) -> float:
        """The one planned area every article gives for a new area (so they never disagree)."""
        return float(100 + mix(self.seed, 103, area[1], len(area[0])) % 1100) * 1_000_000

    # -- places ---------------------------------------------------------------
    def place(self, key: tuple) -> tuple[str, str, str, tuple | None]:
        """(IRI, class, label, parent key) of a place."""
        kind = key[0]
        if kind in _AREA_KINDS:
            return self._area(kind, key[1])
        if kind in ("port", "airport", "river"):
            return self._feature(kind, key[1])
        return self._national(key)

    def _national(self, key: tuple) -> tuple[str, str, str, tuple | None]:
        """A country, one of its regions, or its land-sea corridor."""
        prefix, kind = self.prefix, key[0]
        if kind == "country":
            name = self.country_name(key[1])
            return f"place:{prefix}-{slugify(name)}", "stc:Country", name, None
        if kind == "region":
            country, which = key[1], key[2]
            direction = _DIRECTIONS[(mix(self.seed, 41, country) + which) % len(_DIRECTIONS)]
            name = f"{direction} {self.country_name(country)}"
            return f"place:{prefix}-{slugify(name)}", "stc:Region", name, ("country", country)
        if kind == "corridor":
            name = f"{self.country_name(key[1])} Land-Sea Corridor"
            return f"place:{prefix}-{slugify(name)}", "stc:TransportLink", name, None
        raise ValueError(key)

    def _area(self, kind: str, index: int) -> tuple[str, str, str, tuple]:
        """A province or municipality (unit), a city or a municipality's district (second), a city's district."""
        prefix, name = self.prefix, self.area_name((kind, index))
        local = f"place:{prefix}-{slugify(name)}"
        if kind == "unit":
            parent = ("country", self.country_of_unit(index))
            if self.is_municipality(index):
                return f"{local}-municipality-{index}", "stc:Municipality", name, parent
            return f"{local}-province-{index}", "stc:Province", f"{name} Province", parent
        if kind == "second":
            parent = ("unit", index // 4)
            if self.is_municipality(index // 4):
                return f"{local}-district-m{index}", "stc:District", f"{name} District", parent
            return f"{local}-city-{index}", "stc:City", name, parent
        return f"{local}-district-{index}", "stc:District", f"{name} District", ("second", index // 4)

    def _feature(self, kind: str, area: tuple) -> tuple[str, str, str, tuple | None]:
        """The port, airport or river of a city-level area."""
        prefix = self.prefix
        area_iri, _, area_label, _ = self.place(area)
        local = area_iri.split(":", 1)[1][len(prefix) + 1:]
        if kind == "port":
            return f"place:{prefix}-{local}-port", "stc:Port", f"{area_label} Port", area
        if kind == "airport":
            return f"place:{prefix}-{local}-airport", "stc:Airport", f"{area_label} International Airport", area
        # one river per city-level area (a unit or a second-level area), each of its own name
        name = self.place_name(24, area[1] if area[0] == "unit" else self.n_units + area[1])
        return f"place:{prefix}-{slugify(name)}-river-{local}", "stc:River", f"{name} River", None

    # -- shared organisations ---------------------------------------------------
    def org(self, key: tuple) -> tuple[str, tuple[str, ...], str, list, list[tuple]]:
        """(IRI, classes, label, extra pairs, keys it refers to) of a shared organisation. Keys: ("gov",
        area), ("fao", area), ("party", area), ("standing", area), ("university", area), ("committee",
        area), ("mediacenter", area), ("ministry", n, which), ("centre", n), ("chamber", partner, home),
        ("chapter", partner, home, area), ("consulate", partner, area), ("media", m), ("intl", i)."""
        kind = key[0]
        if kind in _CITY_ORGS or kind in _CITY_UNITS:
            return self._city_org(kind, key[1])
        if kind in ("ministry", "centre"):
            return self._ministry(key)
        if kind in ("chamber", "chapter", "consulate"):
            return self._foreign_org(key)
        if kind == "media":
            media = key[1]
            name = f"{self.place_name(25, media)} {_MEDIA_KIND[media % len(_MEDIA_KIND)]}"
            return f"organisation:{self.prefix}-{slugify(name)}-{media}", ("stc:MediaOrganisation",), name, [], []
        if kind == "intl":
            name = f"{self.place_name(26, key[1])} Economic Cooperation Organisation"
            return f"organisation:{self.prefix}-{slugify(name)}", ("stc:InternationalOrganisation",), name, [], []
        raise ValueError(key)

    def _city_org(self, kind: str, area: tuple) -> tuple[str, tuple[str, ...], str, list, list[tuple]]:
        """An organisation of a city-level area: its government and party, university, media center…"""
        city = self.area_label(area)
        base = f"organisation:{self.prefix}-{slugify(city)}-{area[0][0]}{area[1]}"
        if kind in _CITY_UNITS:
            suffix, parent_kind, cls, label = _CITY_UNITS[kind]
            parent = self.org((parent_kind, area))
            return (f"{base}-{suffix}", (cls, "org:OrganizationalUnit"), label.format(parent=parent[2]),
                    [("org:unitOf", parent[0])], [(parent_kind, area)])
        suffix, cls, label, based_in_area = _CITY_ORGS[kind]
        if based_in_area:
            return (f"{base}-{suffix}", (cls,), label.format(city=city), [("stc:basedIn", self.place(area)[0])],
                    [area])
        return f"{base}-{suffix}", (cls,), label.format(city=city), [], []

    def _ministry(self, key: tuple) -> tuple[str, tuple[str, ...], str, list, list[tuple]]:
        """A country's ministry of science or of commerce, or the science ministry's cooperation centre."""
        country = key[1]
        name = self.country_name(country)
        if key[0] == "ministry":
            which = key[2]
            field = {"science": "Science and Technology", "commerce": "Commerce"}[which]
            return (f"organisation:{self.prefix}-{slugify(name)}-ministry-of-{which}", ("stc:Ministry",),
                    f"Ministry of {field} of {name}",
                    [("stc:headquartersCountry", self.place(("country", country))[0])], [("country", country)])
        ministry = self.org(("ministry", country, "science"))
        return (f"organisation:{self.prefix}-{slugify(name)}-technology-cooperation-centre", ("stc:MinistryCentre",),
                f"{name} Centre for International Technology Cooperation",
                [("org:subOrganizationOf", ministry[0])], [("ministry", country, "science")])

    def _foreign_org(self, key: tuple) -> tuple[str, tuple[str, ...], str, list, list[tuple]]:
        """A partner country's chamber of commerce in the home country, its chapter in a city, a consulate."""
        kind, partner = key[0], key[1]
        partner_name = self.country_name(partner)
        if kind == "chamber":
            home_name = self.country_name(key[2])
            return (f"organisation:{self.prefix}-{slugify(partner_name)}-chamber-of-commerce-in-{slugify(home_name)}",
                    ("stc:ChamberOfCommerce",), f"{partner_name} Chamber of Commerce in {home_name}",
                    [("stc:headquartersCountry", self.place(("country", partner))[0])], [("country", partner)])
        area = key[-1]
        city = self.area_label(area)
        if kind == "chapter":
            chamber = self.org(("chamber", partner, key[2]))
            return (f"{chamber[0]}-{slugify(city)}-{area[0][0]}{area[1]}",
                    ("stc:ChamberOfCommerce", "org:OrganizationalUnit"), f"{chamber[2]}, {city} Chapter",
                    [("org:unitOf", chamber[0])], [("chamber", partner, key[2])])
        return (f"organisation:{self.prefix}-{slugify(partner_name)}-consulate-{slugify(city)}-{area[0][0]}{area[1]}",
                ("stc:Consulate",), f"Consulate General of {partner_name} in {city}",
                [("stc:basedIn", self.place(area)[0]),
                 ("stc:headquartersCountry", self.place(("country", partner))[0])],
                [area, ("country", partner)])
