"""The date bounds the build derives (kg.merge): for every date of any precision, in the graph that
states it, the first and the last day it can mean as xsd:date values, so that one SPARQL filter
works on dates of mixed precision; a month and day without a year has none and says so."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.merge import NO_YEAR, Estimates, date_bound_properties, day_bounds, derived_date_bounds, estimates_of
from helpers.knowledge import ROOT, real_store

XSD = "http://www.w3.org/2001/XMLSchema#"
STC = "https://w3id.org/stcoop/ontology#"
DATE_PROPERTIES = ("date", "asOf", "sinceDate", "startDate", "statusAsOf", "publicationDate",
                   "estimatedPublicationDate")


def lit(text: str, dt: str) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode(XSD + dt))


@pytest.mark.parametrize("text,dt,bounds", [
    ("2018", "gYear", ("2018-01-01", "2018-12-31")),
    ("2015-12", "gYearMonth", ("2015-12-01", "2015-12-31")),
    ("2016-02", "gYearMonth", ("2016-02-01", "2016-02-29")),  # a leap year
    ("1900-02", "gYearMonth", ("1900-02-01", "1900-02-28")),  # a century that is not one
    ("2000-02", "gYearMonth", ("2000-02-01", "2000-02-29")),  # a century that is
    ("2020-04", "gYearMonth", ("2020-04-01", "2020-04-30")),
    ("2018-12-14", "date", ("2018-12-14", "2018-12-14")),
    ("2018-12-14+08:00", "date", ("2018-12-14", "2018-12-14")),  # a bound is a calendar day
    ("2018Z", "gYear", ("2018-01-01", "2018-12-31")),
    ("2018-12-14T09:30:00", "dateTime", ("2018-12-14", "2018-12-14")),
    ("12345", "gYear", ("12345-01-01", "12345-12-31")),  # beyond the datetime module, as XSD allows
    ("--06-17", "gMonthDay", NO_YEAR),
    ("morning", "string", None),
])
def test_the_days_a_date_can_mean(text, dt, bounds):
    assert day_bounds(lit(text, dt)) == bounds


def test_the_ontology_says_which_properties_get_bounds():
    ontology = list(ox.parse(path=str(ROOT / "ontology" / "stcoop.ttl"), format=ox.RdfFormat.TURTLE))
    pairs = date_bound_properties(ontology)
    issued = "http://purl.org/dc/terms/issued"
    assert {p.value for p in pairs} == {STC + p for p in DATE_PROPERTIES} | {issued}
    for p in DATE_PROPERTIES:
        assert pairs[ox.NamedNode(STC + p)] == (ox.NamedNode(STC + p + "Earliest"), ox.NamedNode(STC + p + "Latest"))
    assert pairs[ox.NamedNode(issued)] == (ox.NamedNode(STC + "issuedEarliest"), ox.NamedNode(STC + "issuedLatest"))


def test_bounds_go_to_the_graph_that_states_the_date_once_each():
    date, earliest, latest = (ox.NamedNode(STC + n) for n in ("date", "dateEarliest", "dateLatest"))
    event, g1, g2 = (ox.NamedNode(f"https://w3id.org/stcoop/id/{n}") for n in ("event/e", "source/a", "source/b"))
    quads = [ox.Quad(event, date, lit("2018", "gYear"), g1), ox.Quad(event, date, lit("2018", "gYear"), g1),
             ox.Quad(event, date, lit("--06-17", "gMonthDay"), g2)]
    got = derived_date_bounds(quads, {date: (earliest, latest)})
    assert got == [ox.Quad(event, earliest, lit("2018-01-01", "date"), g1),
                   ox.Quad(event, latest, lit("2018-12-31", "date"), g1),
                   ox.Quad(event, ox.NamedNode(STC + "yearNotStatedFor"), date, g2)]


def test_an_earliest_estimate_ends_at_the_curation_records_latest_revision():
    """An undated article's estimated year is the earliest it can be: that date, and a figure dated by it
    (its basis says so), can mean any day up to the curation record's latest revision; a figure of the
    same graph with another basis keeps its year's end. Without a curation date there is no last day."""
    n = lambda name: ox.NamedNode(STC + name)  # noqa: E731
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    article, curation, fig, other = (ox.NamedNode(f"https://w3id.org/stcoop/id/{x}") for x in
                                     ("source/a", "source/curation", "observation/f", "observation/g"))
    pairs = {n(p): (n(p + "Earliest"), n(p + "Latest")) for p in ("asOf", "estimatedPublicationDate", "publicationDate")}
    estimates = Estimates(frozenset({n("estimatedPublicationDate")}), frozenset({n("EstimatedPublicationDate")}),
                          {n("asOfBasis"): n("asOf")}, {n("asOf"): n("asOfPeriodEnd")})
    data = [ox.Quad(article, n("estimatedPublicationDate"), lit("2022", "gYear"), curation),
            ox.Quad(fig, n("asOf"), lit("2022", "gYear"), article),
            ox.Quad(fig, n("asOfBasis"), n("EstimatedPublicationDate"), article),
            ox.Quad(other, n("asOf"), lit("2022", "gYear"), article),
            ox.Quad(other, n("asOfBasis"), n("StatedInSource"), article)]
    dated = [ox.Quad(curation, rdf_type, n("CurationSource"), curation),
             ox.Quad(curation, n("publicationDate"), lit("2026-12-05", "date"), curation)]
    got = {(q.subject, q.predicate, q.object.value) for q in derived_date_bounds(data + dated, pairs, estimates)}
    assert (article, n("estimatedPublicationDateLatest"), "2026-12-05") in got
    assert (fig, n("asOfEarliest"), "2022-01-01") in got and (fig, n("asOfLatest"), "2026-12-05") in got
    assert (other, n("asOfLatest"), "2022-12-31") in got
    # the period the estimate names, for the checks that tell a series from a conflict
    assert (fig, n("asOfPeriodEnd"), "2022-12-31") in got and not any(t[:2] == (other, n("asOfPeriodEnd")) for t in got)
    undated = {(q.subject, q.predicate) for q in derived_date_bounds(data, pairs, estimates)}
    assert (fig, n("asOfEarliest")) in undated and (fig, n("asOfLatest")) not in undated


def test_the_ontology_says_which_dates_are_earliest_estimates():
    ontology = [q for name in ("stcoop.ttl", "profiles.ttl")
                for q in ox.parse(path=str(ROOT / "ontology" / name), format=ox.RdfFormat.TURTLE)]
    estimates = estimates_of(ontology)
    assert {p.value for p in estimates.properties} == {STC + "estimatedPublicationDate"}
    assert {b.value for b in estimates.bases} == {STC + "EstimatedPublicationDate"}
    assert estimates.basis_of[ox.NamedNode(STC + "asOfBasis")] == ox.NamedNode(STC + "asOf")
    assert estimates.period_end[ox.NamedNode(STC + "asOf")] == ox.NamedNode(STC + "asOfPeriodEnd")


def test_every_date_of_the_built_graph_has_its_bounds_or_says_it_has_no_year():
    store = real_store()
    for p in DATE_PROPERTIES:
        rows = store.query(f"""
            SELECT ?s ?d ?g WHERE {{
              GRAPH ?g {{ ?s <{STC}{p}> ?d }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?s <{STC}{p}Earliest> ?e ; <{STC}{p}Latest> ?l }} }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?s <{STC}yearNotStatedFor> <{STC}{p}> }} }}
            }}""").rows
        assert rows == [], p
    [(n,)] = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{STC}dateEarliest> ?e }}").rows
    [(m,)] = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{STC}date> ?d FILTER (DATATYPE(?d) != <{XSD}gMonthDay>) }}").rows
    assert int(n.value) == int(m.value) > 10  # every event with a year, and the test is not empty
