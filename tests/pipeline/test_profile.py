"""The property profiles (ontology/profiles.ttl) and the shapes compiled from them.

Every property of the ontology has a profile, and every compiled constraint is exercised on the real
data: for each property and each part of its profile, a fresh entity breaks it (a subject of another
class, a value of another class or datatype, one value too many, a number out of bounds, a form the
pattern refuses, a missing companion, a cycle, a date before 1900 or in the wrong order), all of them
put into one copy of the data and built as ``kg build`` builds it; each must be a Violation on the
entity that breaks it. The mutations are derived from the profiles, so a new property is tested
without anyone writing its cases. The same graph gives the same results on kg.shacl and pyshacl.
"""

from __future__ import annotations

import functools
import itertools
import shutil
from dataclasses import dataclass

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg import profile as kp
from helpers.paths import ROOT

STC, XSD, RDF, SKOS, ID = ns.STC, ns.PREFIXES["xsd"], ns.PREFIXES["rdf"], ns.PREFIXES["skos"], ns.ID
CURATION = ox.NamedNode(ns.CURATION_SOURCE)
# Classes a mutant may be given: for a subject or value that must not fit, the first that fits none of
# the allowed classes; for one that must fit, a class that is (or is below) an allowed one.
POOL = [STC + c for c in ("Sector", "Measure", "Observation", "Person", "Country", "Expo", "Company", "River",
                         "TechnologyPark", "CooperationProject", "Fund", "NewsArticle", "Discrepancy", "PostHolding",
                         "Service", "City", "TransportLink", "Port", "Airport", "Region", "ConstructionPhase")]
DATE_TYPES = {XSD + t for t in ("date", "gYearMonth", "gYear", "gMonthDay")}


@functools.lru_cache(maxsize=None)
def ontology() -> list[ox.Quad]:
    return [q for path in sorted((ROOT / "ontology").glob("*.ttl"))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


@functools.lru_cache(maxsize=None)
def profiles() -> dict[str, kp.Profile]:
    return kp.properties(ontology())


@functools.lru_cache(maxsize=None)
def superclasses() -> dict[str, set[str]]:
    # Closed here again, not with kg.profile's own closure (duplicates pairs the two): the mutations
    # must not take what they test from the code under test.
    closed: dict[str, set[str]] = {}
    direct: dict[str, set[str]] = {}
    for q in ontology():
        if q.predicate.value == ns.PREFIXES["rdfs"] + "subClassOf" and isinstance(q.object, ox.NamedNode):
            direct.setdefault(q.subject.value, set()).add(q.object.value)
    for c in direct:
        seen, todo = set(), list(direct[c])
        while todo:
            d = todo.pop()
            if d not in seen:
                seen.add(d)
                todo.extend(direct.get(d, ()))
        closed[c] = seen
    return closed


def is_a(c: str, allowed: list[str]) -> bool:
    return c in allowed or bool(superclasses().get(c, set()) & set(allowed))


def fitting(allowed: list[str]) -> str:
    """A class whose instances fit ``allowed``: one of the pool below an allowed class, else the first allowed."""
    return next((c for c in POOL if is_a(c, allowed)), allowed[0])


def unfitting(allowed: list[str]) -> str | None:
    """A class of the pool none of whose instances fit ``allowed`` (and that no allowed class is below)."""
    return next((c for c in POOL if not is_a(c, allowed) and not any(c in superclasses().get(a, set())
                                                                      or c == a for a in allowed)), None)


# ---------------------------------------------------------------- the mutations
@dataclass
class Mutation:
    property: str
    part: str  # the part of the profile it breaks
    focus: str  # the entity that must be reported
    statements: list  # (subject, predicate, object) terms, in the curation graph
    shapes: tuple  # the compiled shapes that may report it (besides the checks named in ORIGINS)

    @property
    def id(self) -> str:
        return f"{ns.shorten(self.property)}:{self.part}"


_counter = itertools.count(1)


def mutant(cls: str) -> tuple[ox.NamedNode, list]:
    """A fresh entity of ``cls`` with its own label (no two mutants share a name)."""
    n = next(_counter)
    kind = "place" if is_a(cls, [STC + "Place"]) and not is_a(cls, [STC + "ParkOrZone"]) else "mutant"
    node = ox.NamedNode(f"{ID}{kind}/mutant-{n}")
    return node, [(node, ox.NamedNode(RDF + "type"), ox.NamedNode(cls)),
                  (node, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(f"mutant {n}", language="en"))]


def good_value(prof: kp.Profile, index: int = 0):
    """A value the profile allows, and the statements that make it one (distinct for each index)."""
    if prof.value_types:
        node, statements = mutant(fitting(prof.value_types))
        return node, statements
    types = prof.value_datatypes
    if RDF + "langString" in types:
        return ox.Literal(f"text {index}", language="en"), []
    if DATE_TYPES & set(types):
        return ox.Literal(str(2001 + index), datatype=ox.NamedNode(XSD + "gYear")) if XSD + "gYear" in types \
            else ox.Literal(f"2001-01-{index + 1:02d}", datatype=ox.NamedNode(XSD + "date")), []
    if XSD + "decimal" in types or XSD + "integer" in types:
        return ox.Literal(str(5 + index), datatype=ox.NamedNode(XSD + ("integer" if XSD + "integer" in types
                                                                         else "decimal"))), []
    if XSD + "boolean" in types:
        return ox.Literal(["true", "false"][index % 2], datatype=ox.NamedNode(XSD + "boolean")), []
    if XSD + "string" in types:
        return ox.Literal(f"value-{index}"), []
    if not types:  # any IRI
        return ox.NamedNode(f"http://example.org/value-{index}"), []
    return None, []


def bad_value(prof: kp.Profile):
    """A value the profile refuses (of another class, or another datatype), with its statements."""
    if prof.value_types:
        cls = unfitting(prof.value_types)
        return mutant(cls) if cls is not None else (None, [])
    if not prof.value_datatypes:  # any IRI: a literal is wrong
        return ox.Literal("not an IRI", language="en"), []
    if RDF + "langString" not in prof.value_datatypes:
        return ox.Literal("a text", language="en"), []
    return ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")), []


def subject_of(prof: kp.Profile):
    return mutant(fitting(prof.subject_types) if prof.subject_types else STC + "TechnologyPark")


@functools.lru_cache(maxsize=None)
def mutations() -> list[Mutation]:  # noqa: C901 (one block per part of a profile)
    out = []
    for iri, prof in sorted(profiles().items()):
        p = ox.NamedNode(iri)
        name = kp._name(prof)
        if prof.date_kind == kp.STCP + "DerivedDate" or iri.startswith(kp.STCP):
            continue
        if prof.subject_types and not prof.any_subject:
            cls = unfitting(prof.subject_types)
            value, extra = good_value(prof)
            if cls is not None and value is not None:
                node, statements = mutant(cls)
                out.append(Mutation(iri, "subjectType", node.value, statements + extra + [(node, p, value)],
                                    (f"profile-{name}-subjectType",)))
        if prof.value_types or prof.value_datatypes or prof.any_value:
            subject, statements = subject_of(prof)
            value, extra = bad_value(prof)
            if value is not None:
                out.append(Mutation(iri, "value", subject.value, statements + extra + [(subject, p, value)],
                                    (f"profile-{name}-value",)))
        if prof.max_values is not None:
            subject, statements = subject_of(prof)
            for i in range(prof.max_values + 1):
                value, extra = good_value(prof, i)
                statements += extra + [(subject, p, value)]
            out.append(Mutation(iri, "maxValues", subject.value, statements, (f"profile-{name}-maxValues",)))
        for bound, limit in prof.bounds.items():
            subject, statements = subject_of(prof)
            number = float(limit.value) - (0 if bound == "minExclusive" else 1) if bound.startswith("min") \
                else float(limit.value) + 1
            value = ox.Literal(repr(number), datatype=ox.NamedNode(XSD + "decimal"))
            out.append(Mutation(iri, bound, subject.value, statements + [(subject, p, value)],
                                (f"profile-{name}-{bound}",)))
        if prof.pattern:
            subject, statements = subject_of(prof)
            value = ox.NamedNode("urn:x-kg:no") if (prof.value_types or not prof.value_datatypes) \
                else ox.Literal(" ", language="en") if RDF + "langString" in prof.value_datatypes else ox.Literal(" ")
            out.append(Mutation(iri, "pattern", subject.value, statements + [(subject, p, value)],
                                (f"profile-{name}-pattern",)))
        for q in prof.requires:
            subject, statements = subject_of(prof)
            value, extra = good_value(prof)
            if value is not None:
                other = profiles()[q]
                out.append(Mutation(iri, f"requires-{kp._name(other)}", subject.value,
                                    statements + extra + [(subject, p, value)],
                                    (f"profile-{name}-requires-{kp._name(other)}",)))
        if prof.acyclic:
            a, statements = subject_of(prof)
            b, more = mutant(fitting(prof.value_types) if prof.value_types else fitting(prof.subject_types))
            out.append(Mutation(iri, "acyclic", a.value, statements + more + [(a, p, b), (b, p, a)],
                                (f"profile-{name}-acyclic",)))
        if prof.is_date and prof.earliest and prof.date_kind != kp.STCP + "DerivedDate":
            subject, statements = subject_of(prof)
            value = ox.Literal("1815", datatype=ox.NamedNode(XSD + "gYear")) if XSD + "gYear" in prof.value_datatypes \
                else ox.Literal("1815-06-18", datatype=ox.NamedNode(XSD + "date"))
            out.append(Mutation(iri, "from1900", subject.value, statements + [(subject, p, value)],
                                (f"profile-{name}-from1900",)))
        for q in prof.not_after:
            subject, statements = subject_of(prof)
            later = ox.Literal("2020", datatype=ox.NamedNode(XSD + "gYear"))
            earlier = ox.Literal("2019", datatype=ox.NamedNode(XSD + "gYear"))
            out.append(Mutation(iri, f"notAfter-{kp._name(profiles()[q])}", subject.value,
                                statements + [(subject, p, later), (subject, ox.NamedNode(q), earlier)],
                                (f"profile-{name}-notAfter-{kp._name(profiles()[q])}",)))
    return out


# ---------------------------------------------------------------- one build with every mutation
@pytest.fixture(scope="module")
def mutated_build(tmp_path_factory):
    from kg.build import build
    from kg.project import locate

    home = tmp_path_factory.mktemp("profile") / "home"
    home.mkdir()
    for folder in ("ontology", "shapes", "queries", "data"):
        shutil.copytree(ROOT / folder, home / folder)
    quads = [ox.Quad(s, p, o, CURATION) for m in mutations() for s, p, o in m.statements]
    (home / "data" / "mutants.nq").write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return build(locate(home, home.parent / "build"))


def test_every_property_has_a_profile():
    assert kp.missing_profiles(profiles()) == []


def test_a_property_without_a_profile_fails_the_build():
    from kg.errors import DataError

    extra = [ox.Quad(ox.NamedNode(STC + "newProperty"), ox.NamedNode(RDF + "type"),
                     ox.NamedNode(ns.PREFIXES["owl"] + "ObjectProperty"), ox.NamedNode(ns.ONTOLOGY_GRAPH))]
    with pytest.raises(DataError, match=r"stc:newProperty has no subject type"):
        kp.profile_shapes(ontology() + extra)


def test_every_part_of_every_profile_has_a_mutation():
    """The mutations cover the parts the compiler turns into shapes (a new part needs a new mutation)."""
    covered = {(m.property, m.part.split("-")[0]) for m in mutations()}
    for iri, prof in profiles().items():
        if prof.date_kind == kp.STCP + "DerivedDate":
            continue
        if prof.max_values is not None:
            assert (iri, "maxValues") in covered, iri
        for bound in prof.bounds:
            assert (iri, bound) in covered, iri
        if prof.acyclic:
            assert (iri, "acyclic") in covered, iri
        if prof.value_types or prof.value_datatypes or prof.any_value:
            assert (iri, "value") in covered, iri
    assert len(mutations()) > 200


@pytest.mark.parametrize("index", range(len(mutations())), ids=[m.id for m in mutations()])
def test_the_mutation_is_a_violation_on_its_entity(mutated_build, index):
    m = mutations()[index]
    issues = mutated_build.report().issues
    mine = [i for i in issues if i.focus == m.focus and i.severity == "Violation"]
    wanted = {kp.STCSH + s for s in m.shapes}
    hits = [i for i in mine if i.shape in wanted or i.origin.startswith("check:") or i.origin.startswith("owl-rl")]
    assert hits, (f"{m.id}: no Violation on {m.focus} from {sorted(m.shapes)} or a check; it has:\n"
                  + "\n".join(f"  {i.origin} {i.shape}: {i.message}" for i in mine))


@pytest.mark.slow
def test_compiled_shapes_give_the_same_results_on_kg_shacl_and_pyshacl(mutated_build):
    """pyshacl, the reference, on the mutated closure with the compiled shapes alone: the same results.
    (The real data, which breaks none of them, is the passing direction: tests/pipeline/test_errors_in_real_data.)"""
    from kg import shacl
    from kg.load import rdflib_graph
    from kg.owlrl import IdGraph
    from kg.shacl.reference import shacl_issues

    closure = [ox.Triple(q.subject, q.predicate, q.object) for name in ("asserted.nq", "inferred.nq")
               for q in ox.parse(path=str(mutated_build.path / name), format=ox.RdfFormat.N_QUADS)]
    shapes = kp.compile_shapes(ontology())
    mine = shacl.validate(IdGraph.from_triples(closure), shapes, "shacl")
    reference = shacl_issues(rdflib_graph(closure), rdflib_graph(shapes), "shacl")

    def key(issues):
        return sorted((i.focus, i.shape or "", i.path or "", i.value or "", i.severity) for i in issues)

    assert key(mine) == key(reference)
    assert len(mine) > 200


def test_the_shapes_of_one_property_are_its_own():
    """kg profile --shapes PROPERTY prints that property's compiled shapes only (all without PROPERTY)."""
    from click.testing import CliRunner

    from kg.cli import main

    one = CliRunner().invoke(main, ["profile", "--home", str(ROOT), "--shapes", "stc:tenure"])
    assert one.exit_code == 0, one.output
    assert "stcsh:profile-tenure-" in one.output and "profile-dct-contributor" not in one.output
    every = CliRunner().invoke(main, ["profile", "--home", str(ROOT), "--shapes"])
    assert "stcsh:profile-tenure-" in every.output and "profile-dct-contributor" in every.output
