"""QUDT's units, currencies and quantity kinds, from the extract vendored beside this file.

The extract (qudt.tsv.gz; source, licence and refresh in README.md) is read on the first call
that needs it, never at import, so commands that do not ask about units do not pay for it.
IRIs may be given in full or as unit:, cur: and quantitykind: CURIEs; answers give full IRIs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pyoxigraph as ox

UNIT = "http://qudt.org/vocab/unit/"
CUR = "http://qudt.org/vocab/currency/"
KIND = "http://qudt.org/vocab/quantitykind/"
QUDT = "http://qudt.org/schema/qudt/"
_CURIES = {"unit": UNIT, "cur": CUR, "quantitykind": KIND}

__all__ = ["Unit", "QuantityKind", "unit", "units", "quantity_kind", "units_of_kind", "nearest", "describe",
           "source"]


@dataclass(frozen=True, slots=True)
class QuantityKind:
    """A QUDT quantity kind (http://qudt.org/vocab/quantitykind/…)."""

    iri: str
    label: str  # English
    replaced_by: str | None = None  # dcterms:isReplacedBy, for a deprecated kind
    deprecated: bool = False  # qudt:deprecated true


@dataclass(frozen=True, slots=True)
class Unit:
    """A QUDT unit (http://qudt.org/vocab/unit/…) or currency (…/vocab/currency/…, deprecated by QUDT
    for unit:CCY_…).

    ``multiplier`` is QUDT's qudt:conversionMultiplier to the base unit of the unit's kinds (so that
    value × multiplier + offset is in the base unit), or None where it does not convert: QUDT writes
    0 for "no known multiplier", and gives every currency 1 (unit:CCY_CNY like unit:CCY_USD), which
    is no exchange rate; the extract keeps QUDT's numbers as given.
    """

    iri: str
    label: str  # English
    symbol: str | None
    quantity_kinds: tuple[str, ...]  # IRIs, sorted: qudt:hasQuantityKind and its sub-properties
    multiplier: Decimal | None
    offset: Decimal | None = None  # qudt:conversionOffset (degrees Celsius, Fahrenheit)
    replaced_by: str | None = None  # dcterms:isReplacedBy, for a deprecated unit
    deprecated: bool = False  # qudt:deprecated true
    currency: bool = False  # a qudt:CurrencyUnit or of quantitykind:Currency


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    # the extract's rows by full IRI; Unit and QuantityKind objects are made when asked for, which
    # keeps the first call at a few milliseconds (making all 3,000 costs about 25 ms)
    units: dict[str, list[str]]  # label, symbol, kinds, multiplier, offset, replaced by, flags
    kinds: dict[str, list[str]]  # label, replaced by, flags
    source: str


def _iri(compact: str) -> str:
    prefix, sep, local = compact.partition(":")
    return _CURIES[prefix] + local if sep else KIND + compact


def _unescape(field: str) -> str:
    if "\\" not in field:
        return field
    return field.replace("\\\\", "\0").replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")


@functools.cache
def _vocabulary() -> _Vocabulary:
    import gzip

    data = gzip.decompress(resources.files(__name__).joinpath("qudt.tsv.gz").read_bytes()).decode("utf-8")
    units: dict[str, list[str]] = {}
    kinds: dict[str, list[str]] = {}
    notes = []
    for line in data.splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "U":
            iri, *fields = rest.split("\t")
            units[_iri(iri)] = fields
        elif kind == "K":
            iri, *fields = rest.split("\t")
            kinds[KIND + iri] = fields
        elif line.startswith("# source: "):
            notes.append(line[len("# source: "):])
    return _Vocabulary(units, kinds, "\n".join(notes))


@functools.cache
def _unit(iri: str) -> Unit | None:
    row = _vocabulary().units.get(iri)
    if row is None:
        return None
    label, symbol, kinds, multiplier, offset, replaced, flags = map(_unescape, row)
    currency = "c" in flags
    m = Decimal(multiplier) if multiplier and not currency else None
    return Unit(iri, label, symbol or None, tuple(KIND + k for k in kinds.split()), m if m else None,
                Decimal(offset) if offset else None, _iri(replaced) if replaced else None, "d" in flags, currency)


@functools.cache
def _by_kind() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for iri, row in _vocabulary().units.items():
        for k in row[2].split():
            found.setdefault(KIND + k, []).append(iri)
    return {k: tuple(v) for k, v in found.items()}


def _expand(iri: str) -> str:
    iri = getattr(iri, "value", iri)  # a pyoxigraph NamedNode too
    prefix, sep, local = iri.partition(":")
    return _CURIES[prefix] + local if sep and prefix in _CURIES and not local.startswith("//") else iri


def unit(iri: str) -> Unit | None:
    """The QUDT unit or currency with this IRI (or unit:/cur: CURIE), or None if QUDT has none."""
    return _unit(_expand(iri))


def units() -> tuple[Unit, ...]:
    """Every unit and currency of the extract, deprecated ones included, sorted by IRI."""
    return tuple(_unit(iri) for iri in _vocabulary().units)


def quantity_kind(iri: str) -> QuantityKind | None:
    """The quantity kind with this IRI (or quantitykind: CURIE), if some unit of the extract has it."""
    iri = _expand(iri)
    row = _vocabulary().kinds.get(iri)
    if row is None:
        return None
    label, replaced, flags = map(_unescape, row)
    return QuantityKind(iri, label, KIND + replaced if replaced else None, "d" in flags)


def units_of_kind(kind_iri: str, *, include_deprecated: bool = False) -> tuple[Unit, ...]:
    """The units that QUDT gives this quantity kind, sorted by IRI (units of narrower kinds are not
    included: QUDT gives unit:KiloM2 quantitykind:Area itself)."""
    found = (_unit(iri) for iri in _by_kind().get(_expand(kind_iri), ()))
    return tuple(u for u in found if include_deprecated or not u.deprecated)


@functools.cache
def _names() -> dict[str, list[str]]:
    # lower-cased local name and label (spaces dropped) -> IRIs of the units not deprecated
    names: dict[str, list[str]] = {}
    for iri, row in _vocabulary().units.items():
        if "d" not in row[6]:
            for key in {iri.rsplit("/", 1)[-1].lower(), "".join(_unescape(row[0]).lower().split())}:
                names.setdefault(key, []).append(iri)
    return names


def nearest(iri: str, n: int = 3) -> list[str]:
    """Up to n IRIs of current QUDT units closest to an unknown or deprecated one, best first, for
    an error message: a deprecated unit's replacement, unit:CCY_XXX for a currency code XXX, then
    units whose name or English label is spelt most alike."""
    import difflib

    target = _expand(iri)
    local = target.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    vocabulary, names = _vocabulary(), _names()
    found: list[str] = []
    known = _unit(target)
    if known and known.replaced_by:
        found.append(known.replaced_by)
    if len(local) == 3 and local.isalpha() and UNIT + "CCY_" + local.upper() in vocabulary.units:
        found.append(UNIT + "CCY_" + local.upper())
    for key in [local.lower()] + difflib.get_close_matches(local.lower(), names, n=2 * n + 2, cutoff=0.6):
        found.extend(sorted(names.get(key, ())))
    unique = [x for x in dict.fromkeys(found) if x != target]
    return unique[:n]


def describe(iris: Iterable[str]) -> list[ox.Triple]:
    """RDF statements describing the given units in the terms of kg's ontology, in a fixed order:
    per unit (by IRI) ``a qudt:Unit ; rdfs:label "…"@en ; qudt:symbol ; qudt:hasQuantityKind ;
    qudt:conversionMultiplier`` (and ``qudt:conversionOffset``) as canonical xsd:decimal where the
    unit converts (see Unit), then each of their quantity kinds ``a qudt:QuantityKind ; rdfs:label
    "…"@en``. IRIs QUDT does not have are skipped: the caller reports them."""
    import pyoxigraph as ox

    from kg.formats import canonical_lexical

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    decimal = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")

    def number(value: Decimal) -> ox.Literal:
        return ox.Literal(canonical_lexical(format(value, "f"), decimal.value), datatype=decimal)

    found = sorted({u.iri: u for u in (_unit(_expand(i)) for i in iris) if u}.values(), key=lambda u: u.iri)
    triples, kinds = [], set()
    for u in found:
        s = ox.NamedNode(u.iri)
        triples.append(ox.Triple(s, rdf_type, ox.NamedNode(QUDT + "Unit")))
        if u.label:
            triples.append(ox.Triple(s, label, ox.Literal(u.label, language="en")))
        if u.symbol:
            triples.append(ox.Triple(s, ox.NamedNode(QUDT + "symbol"), ox.Literal(u.symbol)))
        triples += [ox.Triple(s, ox.NamedNode(QUDT + "hasQuantityKind"), ox.NamedNode(k)) for k in u.quantity_kinds]
        if u.multiplier is not None:
            triples.append(ox.Triple(s, ox.NamedNode(QUDT + "conversionMultiplier"), number(u.multiplier)))
            if u.offset is not None:
                triples.append(ox.Triple(s, ox.NamedNode(QUDT + "conversionOffset"), number(u.offset)))
        kinds.update(u.quantity_kinds)
    for k in sorted(kinds):
        triples.append(ox.Triple(ox.NamedNode(k), rdf_type, ox.NamedNode(QUDT + "QuantityKind")))
        if kind_label := quantity_kind(k).label:
            triples.append(ox.Triple(ox.NamedNode(k), label, ox.Literal(kind_label, language="en")))
    return triples


def source() -> str:
    """Which QUDT release and files the extract was made from, one per line."""
    return _vocabulary().source
