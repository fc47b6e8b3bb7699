"""The companies and people an article introduces: tenants of the park, and people with posts.

People are new in each article (their names from the world's one permutation of people, so no two
share one); each holds one or two posts (``stc:PostHolding``) in offices that go together: local
officials, foreign representatives or institutions, or a company's management."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.generate.text import lit, slugify
from kg.generate.vocabulary import CITY_OFFICES

if TYPE_CHECKING:
    from kg.generate.article import Article


def companies(article: Article) -> list[tuple[str, str]]:
    """One to three companies, tenants of the park: (IRI, name)."""
    rng, world = article.rng, article.world
    out = []
    for i in range(rng.randint(1, 3)):
        name = world.company_name(article.number * 3 + i)
        iri = f"organisation:{world.prefix}-{slugify(name)}-{article.number}-{i}"
        origin = article.partner if rng.random() < 0.6 else article.home
        article.own.add(iri, ("a", "stc:Company"), ("skos:prefLabel", lit(name)),
                        ("stc:tenantOf", article.park.iri),
                        ("stc:headquartersCountry", article.place(("country", origin))))
        article.tally("organisation")
        out.append((iri, name))
    return out


def people(article: Article, tenants: list[tuple[str, str]]) -> list[tuple[str, str, str, tuple]]:
    """New people with one or two posts each (one may manage the first of the tenant companies);
    (IRI, label, role, organisation key)."""
    rng, world = article.rng, article.world
    groups, foreign = _office_groups(article)
    out = []
    for i in range(rng.randint(1, 4) if article.level == 3 else 1):
        first, last = world.person_name(world.n_media * 9 + article.number * 4 + i)
        label = f"{first} {last}"
        iri = article.person(f"person:{article.tag}-{slugify(first)}-{slugify(last)}-{i}", label, pooled=False)
        article.tally("person")
        posts = _posts(article, groups, foreign, tenants, first_person=i == 0)
        for role, key in posts:
            _hold(article, iri, label, role, key)
        out.append((iri, label, posts[0][0], posts[0][1] if posts[0][1] is not None else ("mayor", article.area)))
    return out


def _office_groups(article: Article) -> tuple[tuple[list, ...], list]:
    """(role, organisation key) of the offices, by who holds them together: local officials (twice as
    likely), foreign representatives, institutions; and the foreign ones. A key None is a mayor's city."""
    area, home, partner = article.area, article.home, article.partner
    local = [("mayor", None), ("vice-mayor", None), ("director", ("fao", area)),
             ("secretary", ("party", area)), ("member", ("standing", area)), ("deputy-secretary", ("party", area))]
    if article.world.has_new_area(area):
        local.append(("director", ("committee", area)))
    foreign = [("consul-general", ("consulate", partner, area)), ("president", ("chapter", partner, home, area))]
    institutions = [("president", ("university", area)), ("director", ("centre", home)),
                    ("vice-president", ("university", area)), ("deputy-director", ("centre", home))]
    return (local, local, foreign, institutions), foreign


def _posts(article: Article, groups: tuple[list, ...], foreign: list, tenants: list[tuple[str, str]],
           first_person: bool) -> list[tuple]:
    """The posts of one person: one or two offices of a group, or a company's or the institute's head."""
    rng = article.rng
    group = rng.choice(groups)
    posts = rng.sample(group, 2 if rng.random() < 0.3 and group is not foreign else 1)
    if len(posts) == 2 and posts[1][0] in CITY_OFFICES and posts[0][0] in CITY_OFFICES:
        posts = posts[:1]  # not both mayor and vice mayor
    if len(posts) == 2 and posts[1][0] == posts[0][0]:
        # one role twice (director of two offices): the post's IRI is the person's and the role's,
        # so the second would be dropped and its organisation left in the graph unused
        # (kg's check no-entity-introduced-but-unused)
        posts = posts[:1]
    if tenants and rng.random() < 0.3:
        posts = [("general-manager", tenants[0])]
    if "stc:ResearchInstitute" in article.park.classes and first_person:
        posts = [("director", (article.park.iri, article.park.label))]
    return posts


def _hold(article: Article, person: str, label: str, role: str, key: tuple | None) -> None:
    """One post: of a city (a mayor's), of a company or the park (an IRI and label), or of a shared organisation."""
    rng = article.rng
    as_of, basis = (article.event_date, "stc:EventDate") if rng.random() < 0.6 else (article.as_of, article.basis)
    if key is None:  # a mayor: the office of a place, not of an organisation
        article.post(person, label, role, article.place(article.area), article.city, as_of, basis,
                     former=rng.random() < 0.25, jurisdiction=True)
    elif isinstance(key[0], str) and key[0].startswith(("organisation:", "park:")):
        article.post(person, label, role, key[0], key[1], as_of, basis)
    else:
        article.post(person, label, role, article.org(key), article.org_label(key), as_of, basis)
