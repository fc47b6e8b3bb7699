"""Literals: their lexical spaces (dt-not-type, for both engines) and the input's typed literals (dt-type2).

The lexical spaces are XML Schema 1.1's and RDF 1.1's, for the datatypes owlrl checks.  owlrl's own
checks reject valid forms ("0.0" and "INF" as xsd:float, "0.0" as xsd:double, "" as xsd:hexBinary) and
accept invalid ones (Python's int() takes " 1" and "1_000"): kg.reason uses these for both engines.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import ReasoningError
from kg.owlrl.vocabulary import DATATYPE_SUPERS, RDF, TYPED_LITERALS, XSD

LEXICAL_ERROR = "Lexical value of the literal '{}' does not match its datatype ({})"

_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
_TIME = r"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"
_DATE = _YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_NAME_START = (":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
               "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f\u2040"
_B64 = r"[A-Za-z0-9+/]"
_LEXICAL_PATTERNS = {
    "decimal": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)",
    "float": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN",
    "boolean": r"true|false|1|0",
    "hexBinary": r"([0-9a-fA-F]{2})*",
    "base64Binary": rf"((({_B64} ?){{4}})*(({_B64} ?){{3}}{_B64}|({_B64} ?){{2}}[AEIMQUYcgkosw048] ?=|"
                    rf"{_B64} ?[AQgw] ?= ?=))?",
    "dateTime": _DATE + "T" + _TIME + _TZ + "?",
    "dateTimeStamp": _DATE + "T" + _TIME + _TZ,
    "date": _DATE + _TZ + "?",
    "time": _TIME + _TZ + "?",
    "normalizedString": r"[^\n\r\t]*",
    "token": r"([^\s]+( [^\s]+)*)?",
    "language": r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*",
    "NMTOKEN": f"[{_NAME_CHAR}]+",
    "Name": f"[{_NAME_START}][{_NAME_CHAR}]*",
    "NCName": f"[{_NAME_START.replace(':', '')}][{_NAME_CHAR.replace(':', '')}]*",
}


class _LexicalPatterns(dict):
    """datatype IRI -> compiled lexical pattern, compiled on first use (Name's Unicode classes alone take
    tens of milliseconds, which every build would pay at import)."""

    def __missing__(self, datatype: str):
        local = "float" if datatype == XSD + "double" else datatype[len(XSD):]
        if not datatype.startswith(XSD) or local not in _LEXICAL_PATTERNS:
            return None
        pattern = self[datatype] = re.compile(_LEXICAL_PATTERNS[local])
        return pattern

    def get(self, datatype, default=None):
        pattern = self[datatype]
        return default if pattern is None else pattern


_LEXICAL = _LexicalPatterns()
_INTEGER = re.compile(r"[+-]?[0-9]+")
_BOUNDS = {  # inclusive; None: unbounded
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2 ** 63, 2 ** 63 - 1), "int": (-2 ** 31, 2 ** 31 - 1), "short": (-2 ** 15, 2 ** 15 - 1),
    "byte": (-128, 127), "unsignedLong": (0, 2 ** 64 - 1), "unsignedInt": (0, 2 ** 32 - 1),
    "unsignedShort": (0, 65535), "unsignedByte": (0, 255)}
_INTEGER_BOUNDS = {XSD + k: v for k, v in _BOUNDS.items()}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def well_typed(value: str, datatype: str) -> bool:
    """Whether ``value`` is in the lexical space of ``datatype`` (an IRI); a datatype that owlrl does not
    check (outside OWL_RL_DATATYPES) is taken as well typed."""
    bounds = _INTEGER_BOUNDS.get(datatype)
    if bounds is not None:
        if not _INTEGER.fullmatch(value):
            return False
        low, high = bounds
        n = int(value)
        return (low is None or n >= low) and (high is None or n <= high)
    pattern = _LEXICAL.get(datatype)
    if pattern is not None:
        if not pattern.fullmatch(value):
            return False
        if datatype in (XSD + "date", XSD + "dateTime", XSD + "dateTimeStamp"):
            return _real_day(value)
        return True
    if datatype == RDF + "PlainLiteral":
        _, at, lang = value.rpartition("@")
        return bool(at) and (lang == "" or _LEXICAL[XSD + "language"].fullmatch(lang) is not None)
    if datatype == RDF + "XMLLiteral":
        return _balanced_xml(value)
    return True  # xsd:string, xsd:anyURI, rdfs:Literal, rdf:HTML: every string


def _real_day(value: str) -> bool:
    """The day exists in its month (the proleptic Gregorian calendar, with a year 0, as XML Schema 1.1)."""
    body = value[1:] if value.startswith("-") else value
    year_text, month, day = body.split("-")[:3]
    year, month, day = int(("-" if value.startswith("-") else "") + year_text), int(month), int(day[:2])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= (_DAYS[month - 1] if month != 2 or leap else 28)


def _balanced_xml(value: str) -> bool:
    """RDF 1.1: well-balanced, self-contained XML content."""
    from xml.dom import minidom
    from xml.parsers.expat import ExpatError

    try:
        minidom.parseString(f"<kg-wrapper>{value}</kg-wrapper>")
    except (ExpatError, ValueError):
        return False
    return True


class Literals:
    """The typed literals of the input, by datatype: owlrl types each by its datatype and that datatype's
    supertypes (dt-type2).  Those triples have literal subjects, which kg's cleaning drops, and in the
    supported subset they feed the disjointness rules alone: they are looked up there, never made."""

    def __init__(self, graph):
        """``graph``: a kg.owlrl.IdGraph."""
        self.by_datatype: dict[str, set[int]] = {}
        self.ill_typed: list[int] = []
        typed = TYPED_LITERALS
        by_datatype = self.by_datatype
        for i, term in enumerate(graph.terms):
            if type(term) is not ox.Literal:
                if type(term) is ox.Triple:
                    raise ReasoningError(f"OWL RL reasoning takes RDF 1.1 graphs, not the triple term {term}")
                continue
            dt = term.datatype.value
            if dt not in typed:
                continue
            members = by_datatype.get(dt)
            if members is None:
                members = by_datatype[dt] = set()
            members.add(i)
            if not well_typed(term.value, dt):
                self.ill_typed.append(i)
        # each datatype in use and its supertypes (owlrl's used_datatypes)
        self.used = set(by_datatype)
        for dt in by_datatype:
            self.used.update(DATATYPE_SUPERS.get(dt, ()))

    def of(self, datatype: str) -> set[int]:
        """The literals owlrl types as ``datatype`` (an IRI)."""
        out: set[int] = set()
        for dt, members in self.by_datatype.items():
            if dt == datatype or datatype in DATATYPE_SUPERS.get(dt, ()):
                out |= members
        return out
