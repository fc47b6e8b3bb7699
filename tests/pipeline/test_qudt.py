"""kg.qudt: the vendored QUDT extract, its API, and its refresh from QUDT's Turtle files."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.qudt as q
from kg.qudt import refresh

UNIT, CUR, KIND = q.UNIT, q.CUR, q.KIND
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def test_extract_loads_with_its_source_named():
    units = q.units()
    assert len(units) > 3000
    assert sum(u.currency and u.iri.startswith(UNIT) for u in units) > 150
    assert sum(u.iri.startswith(CUR) for u in units) > 150
    assert [u.iri for u in units] == sorted(u.iri for u in units)
    assert "v3.5.0" in q.source() and "45195fa15d4a97c155397cd15fce9bc5439cf6aa" in q.source()
    # every kind a unit has is in the extract, with an English label
    for u in units:
        for k in u.quantity_kinds:
            assert q.quantity_kind(k) and q.quantity_kind(k).label, (u.iri, k)


def test_import_does_not_read_the_extract():
    # commands that never ask about units must not pay for the extract
    code = "import kg.qudt, sys; print(kg.qudt._vocabulary.cache_info().currsize, 'gzip' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


# What QUDT v3.5.0's source says (VOCAB_QUDT-UNITS-ALL.ttl): kind, multiplier, symbol, label.
KNOWN = [
    ("unit:M2", "Area", "1", "m²", "Square Metre"),
    ("unit:KiloM2", "Area", "1000000", "km²", "Square Kilometre"),
    ("unit:HA", "Area", "10000", "ha", "Hectare"),
    ("unit:KiloM", "Length", "1000", "km", "Kilometre"),
    ("unit:PERCENT", "DimensionlessRatio", "0.01", "%", "Percent"),
    ("unit:NUM", "Count", "1", "#", "Number"),
    ("unit:YR", "Time", "31557600", "a", "Year"),
    ("unit:MIN", "Time", "60", "min", "Minute"),
    ("unit:HR", "Time", "3600", "h", "Hour"),
    ("unit:DAY", "Time", "86400", "d", "Day"),
    ("unit:WK", "Time", "604800", "wk", "Week"),
    ("unit:MO", "Time", "2551442.976", "mo", "Month"),  # QUDT's plain month is the synodic one
    ("unit:MO_MeanJulian", "Time", "2629800", "mo{mean Julian}", "Mean Julian Month"),
]


@pytest.mark.parametrize("iri, kind, multiplier, symbol, label", KNOWN)
def test_known_units(iri, kind, multiplier, symbol, label):
    u = q.unit(iri)
    assert u is not None and u.iri == UNIT + iri.split(":")[1]
    assert KIND + kind in u.quantity_kinds
    assert u.multiplier == Decimal(multiplier) and u.offset is None
    assert (u.symbol, u.label, u.deprecated, u.currency, u.replaced_by) == (symbol, label, False, False, None)
    assert q.unit(u.iri) == u  # the full IRI too


def test_offsets_and_unknown_multipliers():
    celsius = q.unit("unit:DEG_C")
    assert (celsius.multiplier, celsius.offset) == (Decimal(1), Decimal("273.15"))
    # QUDT writes 0 for "no known multiplier": unit:UNKNOWN, decibels
    assert q.unit("unit:UNKNOWN").multiplier is None and q.unit("unit:DeciB").multiplier is None


def test_currencies():
    eur = q.unit("unit:CCY_EUR")
    assert (eur.label, eur.symbol, eur.quantity_kinds, eur.currency) == ("Euro", "€", (KIND + "Currency",), True)
    # QUDT gives every currency the multiplier 1, which is no exchange rate
    assert eur.multiplier is None and q.unit("unit:CCY_USD").multiplier is None
    # the old currency IRIs, deprecated since QUDT 3.1.0, point to their replacement
    cny = q.unit("cur:CNY")
    assert (cny.deprecated, cny.replaced_by, cny.quantity_kinds) == (True, UNIT + "CCY_CNY", (KIND + "Currency",))
    assert cny.symbol == "¥" and cny.label == "Yuan Renminbi"
    # the whole currency graph is deprecated, cur:MegaUSD too (QUDT's file lacks its flag)
    assert all(u.deprecated for u in q.units() if u.iri.startswith(CUR))
    for code in ("CNY", "USD", "EUR", "CHF", "SGD", "JPY"):
        assert q.unit("unit:CCY_" + code).currency and q.unit("cur:" + code).replaced_by == UNIT + "CCY_" + code


def test_unknown_iris():
    assert q.unit("unit:KiloM2x") is None and q.unit("unit:MO_Julian") is None and q.unit("stc:Mu") is None
    assert q.unit("http://example.org/M2") is None and q.quantity_kind("quantitykind:NoSuchKind") is None


def test_units_of_kind():
    area = {u.iri for u in q.units_of_kind("quantitykind:Area")}
    assert {UNIT + x for x in ("M2", "KiloM2", "HA", "AC")} <= area
    assert all(KIND + "Area" in q.unit(i).quantity_kinds and not q.unit(i).deprecated for i in area)
    currencies = q.units_of_kind(KIND + "Currency")
    assert UNIT + "CCY_CNY" in {u.iri for u in currencies} and not any(u.iri.startswith(CUR) for u in currencies)
    assert CUR + "CNY" in {u.iri for u in q.units_of_kind(KIND + "Currency", include_deprecated=True)}
    assert q.units_of_kind(KIND + "NoSuchKind") == ()


@pytest.mark.parametrize("wrong, first", [
    ("unit:KiloM2x", "KiloM2"), ("unit:kilom2", "KiloM2"), ("unit:m2", "M2"), ("unit:MO_Julian", "MO_MeanJulian"),
    ("unit:Hectare", "HA"), ("cur:EUR", "CCY_EUR"), ("unit:EUR", "CCY_EUR"), (UNIT + "PERCENTT", "PERCENT"),
])
def test_nearest(wrong, first):
    found = q.nearest(wrong)
    assert found[0] == UNIT + first and 1 <= len(found) <= 3
    assert all(q.unit(i) and not q.unit(i).deprecated for i in found)


def test_nearest_of_a_deprecated_unit_is_its_replacement():
    assert q.nearest("cur:CNY", n=1) == [UNIT + "CCY_CNY"]


def _nt(triples) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def test_describe():
    triples = q.describe(["unit:KiloM2", "cur:CNY", UNIT + "DEG_C", "unit:NoSuchUnit", "stc:Mu"])
    text = _nt(triples)
    # it parses back to the same statements, none twice
    assert [q.triple for q in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)] == triples
    assert len(set(triples)) == len(triples)
    assert f"<{UNIT}KiloM2> <http://qudt.org/schema/qudt/conversionMultiplier> \"1000000\"^^<{XSD_DECIMAL}>" in text
    assert f"<{UNIT}DEG_C> <http://qudt.org/schema/qudt/conversionOffset> \"273.15\"^^<{XSD_DECIMAL}>" in text
    assert f'<{UNIT}KiloM2> <http://www.w3.org/2000/01/rdf-schema#label> "Square Kilometre"@en' in text
    assert f'<{UNIT}KiloM2> <http://qudt.org/schema/qudt/symbol> "km²"' in text
    assert f'<{KIND}Area> <http://www.w3.org/2000/01/rdf-schema#label> "Area"@en' in text
    assert f"<{CUR}CNY> <http://qudt.org/schema/qudt/hasQuantityKind> <{KIND}Currency>" in text
    assert f"<{CUR}CNY> <http://qudt.org/schema/qudt/conversionMultiplier>" not in text  # no exchange rate
    assert "NoSuchUnit" not in text and "w3id.org" not in text
    subjects = {t.subject.value for t in triples}
    kinds = {t.object.value for t in triples if t.predicate.value.endswith("hasQuantityKind")}
    assert subjects == {UNIT + "KiloM2", CUR + "CNY", UNIT + "DEG_C"} | kinds
    # each kind typed and labelled once
    for k in kinds:
        about = [t for t in triples if t.subject.value == k]
        assert len(about) == 2 and about[0].object.value == "http://qudt.org/schema/qudt/QuantityKind"


def test_describe_is_deterministic():
    iris = ["unit:M2", "unit:HA", "cur:USD", "unit:PERCENT", "unit:HA"]
    once = q.describe(iris)
    assert q.describe(reversed(iris)) == once and q.describe([UNIT + "M2", UNIT + "HA", CUR + "USD", UNIT + "PERCENT"]) == once
    assert q.describe([ox.NamedNode(UNIT + "HA")]) == q.describe(["unit:HA"])
    assert q.describe([]) == [] and q.describe(["unit:Nope"]) == []


def test_licence_and_readme_ship_with_the_extract():
    folder = resources.files("kg.qudt")
    notice = folder.joinpath("LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice and "QUDT.org" in notice
    legal = folder.joinpath("CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in legal and "Section 3" in legal
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    assert "45195fa15d4a97c155397cd15fce9bc5439cf6aa" in readme and "python -m kg.qudt.refresh" in readme
    header = gzip.decompress(folder.joinpath("qudt.tsv.gz").read_bytes()).decode().splitlines()[:3]
    assert any("CC BY 4.0" in line for line in header)


# A small vocabulary in the shape of QUDT's source files, for the refresh's rules.
MINI_UNITS = b"""
@prefix qudt: <http://qudt.org/schema/qudt/> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix cur: <http://qudt.org/vocab/currency/> .
@prefix quantitykind: <http://qudt.org/vocab/quantitykind/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
unit:X a qudt:Unit ; rdfs:label "Ex"@de, "Ex unit"@en-us, "Ex\\n  unit"@en ; qudt:symbol "x\\\\y" ;
    qudt:unitForQuantityKind quantitykind:A ; qudt:categorizedByQuantityKind quantitykind:C ;
    qudt:conversionMultiplier 1.50 ; qudt:conversionOffset 0.0 .
unit:OLD a qudt:Unit ; rdfs:label "Old" ; qudt:unitForQuantityKind quantitykind:A ;
    qudt:conversionMultiplier 0.0 ; qudt:deprecated true ; dcterms:isReplacedBy unit:X .
unit:CCY_ABC a qudt:CurrencyUnit, qudt:Unit ; rdfs:label "Abc"@en ; qudt:unitForQuantityKind quantitykind:Currency ;
    qudt:conversionMultiplier 1.0 .
cur:ABC a qudt:CurrencyUnit ; rdfs:label "Abc"@en ; qudt:hasQuantityKind quantitykind:Currency ;
    qudt:deprecated true ; dcterms:isReplacedBy unit:CCY_ABC .
cur:MegaABC a qudt:CurrencyUnit ; rdfs:label "Mega Abc"@en ; qudt:hasQuantityKind quantitykind:Currency .
"""
MINI_KINDS = b"""
@prefix qudt: <http://qudt.org/schema/qudt/> .
@prefix quantitykind: <http://qudt.org/vocab/quantitykind/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
quantitykind:A a qudt:QuantityKind ; rdfs:label "A"@en ; qudt:exactMatch quantitykind:B .
quantitykind:B a qudt:QuantityKind ; rdfs:label "B"@en-us .
quantitykind:C a qudt:QuantityKind ; rdfs:label "C" .
quantitykind:Currency a qudt:QuantityKind ; rdfs:label "Currency"@en .
quantitykind:Unused a qudt:QuantityKind ; rdfs:label "Unused"@en .
"""


def test_refresh_rules():
    lines = refresh.extract([MINI_UNITS, MINI_KINDS], "a test").decode().splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert "# source: a test" in lines
    assert q._unescape("x\\\\y\\tz") == "x\\y\tz"
    assert rows == [
        ["U", "cur:ABC", "Abc", "", "Currency", "", "", "unit:CCY_ABC", "dc"],
        ["U", "cur:MegaABC", "Mega Abc", "", "Currency", "", "", "", "dc"],  # the currency graph is deprecated
        ["U", "unit:CCY_ABC", "Abc", "", "Currency", "1", "", "", "c"],
        # the deprecated unit's kind is not spread over exactMatch (as in QUDT's build)
        ["U", "unit:OLD", "Old", "", "A", "0", "", "unit:X", "d"],
        # @en label first, spaces collapsed; a backslash escaped; sub-properties of hasQuantityKind;
        # A's exactMatch B; canonical decimals
        ["U", "unit:X", "Ex unit", "x\\\\y", "A B C", "1.5", "0", "", ""],
        ["K", "A", "A", "", ""], ["K", "B", "B", "", ""], ["K", "C", "C", "", ""], ["K", "Currency", "Currency", "", ""],
    ]


def test_refresh_refuses_kinds_qudt_does_not_declare():
    with pytest.raises(ValueError, match="NoKind"):
        refresh.extract([MINI_UNITS.replace(b"quantitykind:C ;", b"quantitykind:NoKind ;"), MINI_KINDS], "x")


def test_refresh_output_is_reproducible(tmp_path):
    a, b = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    for path in (a, b):
        refresh.main(["--source", "a test", "-o", str(path), *_write(tmp_path)])
    assert a.read_bytes() == b.read_bytes()


def _write(folder: Path) -> list[str]:
    (folder / "u.ttl").write_bytes(MINI_UNITS)
    (folder / "k.ttl").write_bytes(MINI_KINDS)
    return [str(folder / "u.ttl"), str(folder / "k.ttl")]


def test_refresh_reproduces_the_committed_extract(tmp_path):
    # needs a clone of QUDT's repository (KG_QUDT_REPO); tests never fetch it
    repo = os.environ.get("KG_QUDT_REPO")
    if not repo or not Path(repo).is_dir():
        pytest.skip("KG_QUDT_REPO does not name a clone of qudt-public-repo")
    out = tmp_path / "qudt.tsv.gz"
    assert refresh.main(["--git", repo, "-o", str(out)]) == 0
    assert out.read_bytes() == refresh.OUTPUT.read_bytes()
