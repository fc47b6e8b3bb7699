"""Finding entities by what people call them (kg.search): every entity of the graph by each of its names
and its Wikidata QID, names as IRI parameters, and what is said when a name is ambiguous or unknown."""

from __future__ import annotations

import json

import pytest

from helpers.cli import Cli
from helpers.knowledge import built_real, real_store


@pytest.fixture(scope="module")
def real_cli():
    return Cli(built_real())


@pytest.fixture(scope="module")
def index():
    from kg.search import Index

    return Index(real_store())


def test_every_entity_is_found_by_each_of_its_names_and_its_qid(index):
    from kg.search import WIKIDATA

    missed = []
    pairs = {(name.iri, name.text) for name in index.names}
    assert len(pairs) > 300 and sum(1 for name in index.names if name.predicate == WIKIDATA) >= 10
    for iri, text in sorted(pairs):
        hits = [hit for hit in index.search(text, limit=None) if hit.how == "exact"]
        if iri not in {hit.iri for hit in hits}:
            missed.append(f"{iri}: {text!r}")
    assert missed == []


def test_a_unique_name_resolves_and_every_spelling_of_it_too(index):
    park = "https://w3id.org/stcoop/id/park/sinoswiss-technopark"
    for text in ("SinoSwiss Technopark", "sinoswiss technopark", "Sino-Swiss Technopark", "SSTP", "  SSTP "):
        assert index.resolve(text) == park, text
    assert index.resolve("Q11725") == "https://w3id.org/stcoop/id/place/chongqing"


def test_the_closest_name_comes_first(index):
    assert index.search("sino swiss")[0].iri.endswith("/park/sinoswiss-technopark")
    hits = index.search("chongqing", limit=3)
    assert hits[0].iri.endswith("/place/chongqing") and hits[0].how == "exact"
    assert all(hit.how != "exact" for hit in hits[1:])
    assert index.search("no such thing anywhere") == []


def test_an_unknown_name_is_an_error_that_offers_the_nearest(index):
    from kg.errors import NotFoundError

    with pytest.raises(NotFoundError, match=r"parameter park: nothing .* 'SinoSwiss Technopak'.*did you mean "
                                            r"'SinoSwiss Technopark'"):
        index.resolve("SinoSwiss Technopak", "parameter park")


def test_a_name_of_two_entities_lists_them(index):
    """A name two entities share (an observation label repeated for two dates, say) is refused with both."""
    from kg.errors import NotFoundError

    shared = {}
    for name, folded in zip(index.names, index.folded):
        shared.setdefault(folded, set()).add(name.iri)
    folded_name = next(f for f, iris in sorted(shared.items()) if len(iris) > 1)
    text = next(name.text for name, f in zip(index.names, index.folded) if f == folded_name)
    with pytest.raises(NotFoundError, match=rf"names {len(shared[folded_name])} entities: .*give the IRI or CURIE"):
        index.resolve(text)


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "tsv", "json"])
def test_kg_search_prints_every_format(real_cli, fmt):
    r = real_cli("search", "SSTP", "--format", fmt, "--limit", "3")
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        first = json.loads(r.stdout)[0]
        assert first["curie"] == "park:sinoswiss-technopark" and first["matched"] == "SSTP"
    else:
        assert "park:sinoswiss-technopark" in r.stdout


def test_a_name_is_a_parameter_value(real_cli):
    by_curie = real_cli("query", "park-locations", "--param", "park=park:sinoswiss-technopark", "--format", "csv")
    by_name = real_cli("query", "park-locations", "--param", "park=SinoSwiss Technopark", "--format", "csv")
    assert by_curie.exit_code == 0 and by_name.exit_code == 0, by_name.stderr
    assert by_name.stdout == by_curie.stdout and by_name.stdout.count("\n") > 1
    unknown = real_cli("query", "park-locations", "--param", "park=Nowhere Park")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("kg: error: parameter park: nothing")


def test_describe_finds_the_ontology_s_terms_by_label_too(real_cli):
    r = real_cli("describe", "data centre")
    assert r.exit_code == 0 and r.stdout.startswith('stc:DataCentre "data centre"')
