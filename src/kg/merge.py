"""Merge the inputs into one asserted dataset: :func:`merge` gives a :class:`Merged`.

The ontology files go to ``ONTOLOGY_GRAPH``; every named graph of a data file is a source graph, kept
as it is; triples outside a named graph go to the graph of the file's own source (:func:`file_source`,
``source:{file name as a slug}``).  Added on the way: ``dct:source G`` in G for every subject typed in
G (:func:`derived_sources`); QUDT's description of the units the data uses and the ontology does not
declare (kg.units); the first and last day of every date (:func:`derived_date_bounds`).  Units nobody
knows and language tags that name no language (kg.languages) are kept for the report.

See docs/LAYOUT.md, sections "Working-copy layout" and "What the build adds to the data".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError
from kg.languages import invalid_tags
from kg.load import parse_file
from kg.project import Project
from kg.units import describe_used_units

RDF_TYPE = ox.NamedNode(ns.PREFIXES["rdf"] + "type")
DCT_SOURCE = ox.NamedNode(ns.PREFIXES["dct"] + "source")
ONTOLOGY_GRAPH = ox.NamedNode(ns.ONTOLOGY_GRAPH)
INFERRED_GRAPH = ox.NamedNode(ns.INFERRED_GRAPH)
RESERVED_GRAPHS = {ns.ONTOLOGY_GRAPH, ns.INFERRED_GRAPH}
QUDT_UNITS = "QUDT (the units the data uses, kg.qudt)"


@dataclass
class Merged:
    """The asserted dataset and where each graph came from."""

    ontology: list[ox.Quad] = field(default_factory=list)  # in ONTOLOGY_GRAPH
    data: list[ox.Quad] = field(default_factory=list)  # in source graphs, incl. derived dct:source
    graph_files: dict[str, list[str]] = field(default_factory=dict)  # source graph IRI -> data files
    # (file, list, start, end): the statements of each file, a slice of ``ontology`` or ``data``
    file_ranges: list[tuple[str, str, int, int]] = field(default_factory=list)
    _subject_files: dict[str, tuple[int, ...]] | None = None  # subject -> indexes into file_ranges
    unknown_units: list = field(default_factory=list)  # kg.units.UnknownUnit: units nobody knows
    invalid_tags: list = field(default_factory=list)  # kg.languages.InvalidTag: tags naming no language

    @property
    def quads(self) -> list[ox.Quad]:
        return self.ontology + self.data

    def index_subjects(self) -> None:
        """Remember which files state something about each subject (compact: strings and small tuples),
        so that the statements themselves can be released once reasoned over."""
        index: dict[str, tuple[int, ...]] = {}
        for n, (_display, which, start, end) in enumerate(self.file_ranges):
            statements = self.ontology if which == "ontology" else self.data
            for q in statements[start:end]:
                key = q.subject.value
                files = index.get(key)
                if files is None:
                    index[key] = (n,)
                elif files[-1] != n:
                    index[key] = files + (n,)
        self._subject_files = index

    def release_statements(self) -> None:
        """Drop the data statements (the largest Python structure of a build) once nothing needs them."""
        if self._subject_files is None:
            self.index_subjects()
        self.data = []

    def files_stating(self, subjects: set) -> dict:
        """For each of ``subjects`` (pyoxigraph terms), the files where it is the subject of a statement."""
        if self._subject_files is None:
            self.index_subjects()
        names = [display for display, *_ in self.file_ranges]
        return {s: {names[n] for n in self._subject_files[s.value]} for s in subjects
                if s.value in self._subject_files}


def file_source(path: Path) -> ox.NamedNode:
    """The source a file's triples outside any named graph belong to: ``source:{slug of its name}``."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not slug:
        raise DataError(f"{path.name}: no source IRI can be made from this file name; rename it")
    return ox.NamedNode(ns.PREFIXES["source"] + slug)


def merge(project: Project, log=None) -> Merged:
    from kg.memory import collection_paused

    # the statements and their terms are kept, and make no reference cycles: collections would walk them
    # for nothing (a sixth of the merge at ten million statements, a quarter at one)
    with collection_paused():
        return _merge(project, log)


def _merge(project: Project, log=None) -> Merged:
    merged = Merged()
    for path in project.ontology_files():
        display = project.relpath(path)
        start = len(merged.ontology)
        merged.ontology.extend(ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH)
                               for q in parse_file(path, display))
        merged.file_ranges.append((display, "ontology", start, len(merged.ontology)))
    files = project.data_files()
    for n, path in enumerate(files, 1):
        display = project.relpath(path)
        start = len(merged.data)
        merged.data.extend(_data_quads(path, display, merged.graph_files))
        merged.file_ranges.append((display, "data", start, len(merged.data)))
        if log is not None:
            log(n, len(files), display)
    merged.data.extend(derived_sources(merged.data))
    merged.invalid_tags = invalid_tags(merged.data)
    # the QUDT descriptions of the units the data uses and the ontology does not declare
    start = len(merged.ontology)
    described, merged.unknown_units = describe_used_units(merged.ontology, merged.data, ONTOLOGY_GRAPH)
    if described:
        merged.ontology.extend(described)
        merged.file_ranges.append((QUDT_UNITS, "ontology", start, len(merged.ontology)))
    merged.data.extend(derived_date_bounds(merged.data, date_bound_properties(merged.ontology),
                                            estimates_of(merged.ontology)))
    return merged


def _data_quads(path: Path, display: str, graph_files: dict[str, list[str]]) -> list[ox.Quad]:
    quads = parse_file(path, display)
    own = None
    graphs = set()
    for i, q in enumerate(quads):
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph):
            own = own or file_source(path)
            quads[i] = ox.Quad(q.subject, q.predicate, q.object, own)
            g = own
        elif isinstance(g, ox.BlankNode):
            raise DataError(f"{display}: a source graph must be named by an IRI, not a blank node")
        graphs.add(g.value)
    for g in sorted(graphs):
        if g in RESERVED_GRAPHS:
            raise DataError(f"{display}: graph <{g}> is reserved for the build")
        files = graph_files.setdefault(g, [])
        if display not in files:
            files.append(display)
    return quads


def derived_sources(quads) -> list[ox.Quad]:
    """``(subject dct:source G)`` in G for every subject typed in source graph G, once each."""
    seen: set[tuple] = set()
    out = []
    for q in quads:
        if q.predicate == RDF_TYPE and not isinstance(q.graph_name, ox.DefaultGraph):
            key = (q.subject, q.graph_name)
            if key not in seen:
                seen.add(key)
                out.append(ox.Quad(q.subject, DCT_SOURCE, q.graph_name, q.graph_name))
    return out


# ---------------------------------------------------------------- date bounds
STC = ns.PREFIXES["stc"]
XSD = ns.PREFIXES["xsd"]
EARLIEST_DAY_OF = ox.NamedNode(STC + "earliestDayOf")
LATEST_DAY_OF = ox.NamedNode(STC + "latestDayOf")
YEAR_NOT_STATED_FOR = ox.NamedNode(STC + "yearNotStatedFor")
EARLIEST_ESTIMATE = ox.NamedNode(STC + "earliestEstimate")
PERIOD_END_DAY_OF = ox.NamedNode(STC + "periodEndDayOf")
BASIS_PROPERTY = ox.NamedNode(ns.PREFIXES["stcp"] + "basisProperty")
PUBLICATION_DATE = ox.NamedNode(STC + "publicationDate")
CURATION_SOURCE = ox.NamedNode(STC + "CurationSource")
XSD_DATE = ox.NamedNode(XSD + "date")
_TIMEZONE = re.compile(r"(Z|[+-]\d\d:\d\d)$")
NO_YEAR: tuple = ()  # the bounds of a month and day without a year: there are none


def date_bound_properties(ontology) -> dict[ox.NamedNode, tuple[ox.NamedNode, ox.NamedNode]]:
    """date property -> (its earliest-day property, its latest-day property), as the ontology's
    ``stc:earliestDayOf`` / ``stc:latestDayOf`` annotations declare them (a property with only one
    of the two gets no bounds: half a range would mislead a filter)."""
    earliest, latest = {}, {}
    for q in ontology:
        if q.predicate == EARLIEST_DAY_OF and isinstance(q.object, ox.NamedNode):
            earliest[q.object] = q.subject
        elif q.predicate == LATEST_DAY_OF and isinstance(q.object, ox.NamedNode):
            latest[q.object] = q.subject
    return {p: (earliest[p], latest[p]) for p in earliest.keys() & latest.keys()}


@dataclass(frozen=True)
class Estimates:
    """Which dates are estimates of the earliest day (the ontology's ``stc:earliestEstimate true``): the
    values of ``properties``, and the dates whose basis property (``basis_of``: basis property -> date
    property, the profiles' stcp:basisProperty) has one of ``bases`` as its value."""
    properties: frozenset = frozenset()
    bases: frozenset = frozenset()
    basis_of: dict = field(default_factory=dict)
    period_end: dict = field(default_factory=dict)  # date property -> the derived end of its estimated period


def estimates_of(ontology) -> Estimates:
    """The :class:`Estimates` the ontology declares: a flagged term typed as a property is a date
    property, any other (an individual such as stc:EstimatedPublicationDate) an as-of basis."""
    flagged, properties, basis_of, period_end = set(), set(), {}, {}
    for q in ontology:
        if q.predicate == EARLIEST_ESTIMATE and isinstance(q.object, ox.Literal) and q.object.value in ("true", "1"):
            flagged.add(q.subject)
        elif q.predicate == BASIS_PROPERTY and isinstance(q.object, ox.NamedNode):
            basis_of[q.object] = q.subject
        elif q.predicate == RDF_TYPE and q.object.value.endswith("Property"):
            properties.add(q.subject)
        elif q.predicate == PERIOD_END_DAY_OF and isinstance(q.object, ox.NamedNode):
            period_end[q.object] = q.subject
    return Estimates(frozenset(flagged & properties), frozenset(flagged - properties), basis_of, period_end)


def day_bounds(literal: ox.Literal) -> tuple | None:
    """The first and last day a date literal can mean, as xsd:date lexical forms (time zone dropped:
    a bound is a calendar day); NO_YEAR for a month and day without a year; None for a literal that
    is no date (the shapes report its datatype)."""
    dt = literal.datatype.value[len(XSD):] if literal.datatype.value.startswith(XSD) else None
    text = _TIMEZONE.sub("", literal.value)
    if dt in ("date", "dateTime"):
        day = text[:text.index("T")] if "T" in text else text
        return day, day
    if dt == "gYearMonth":
        year, month = text.rsplit("-", 1)
        return f"{year}-{month}-01", f"{year}-{month}-{_days_in_month(int(year), int(month)):02d}"
    if dt == "gYear":
        return f"{text}-01-01", f"{text}-12-31"
    if dt == "gMonthDay":
        return NO_YEAR
    return None


def _days_in_month(year: int, month: int) -> int:
    """Days of the month in the proleptic Gregorian calendar of XSD 1.1 (year 0 is a leap year);
    the years kg.load accepts go beyond what the datetime module handles."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def derived_date_bounds(quads, properties: dict, estimates: Estimates = Estimates()) -> list[ox.Quad]:
    """For every date of a date property in ``properties`` (see date_bound_properties), in the graph
    that states it: ``(s earliest-day-property first-day)`` and ``(s latest-day-property last-day)``, or
    ``(s stc:yearNotStatedFor property)`` for a month and day without a year; once per date statement.
    A date that is an estimate of the earliest day (``estimates``: an undated article's estimated
    publication date, a figure dated by it) can mean any later day up to the latest revision of the
    curation record (the stc:publicationDate of a stc:CurationSource), which is its last day; with no
    such record, or one older than the estimate, it has a first day only. Its period's last day (31 December
    of an estimated year) goes under the property the ontology marks with ``stc:periodEndDayOf``, for the
    checks that read the estimate as the period it names."""
    if not properties:
        return []
    quads = quads if isinstance(quads, list) else list(quads)
    estimated, revised = _estimated_dates(quads, estimates)
    # Dates repeat (every figure of an article has its as-of date): each value's bounds are made once,
    # as literals ready to use; a statement given twice is derived from once.
    bounds_of: dict = {}
    seen: set[ox.Quad] = set()
    out = []
    for q in quads:
        pair = properties.get(q.predicate)
        if pair is None:
            continue
        o = q.object
        try:
            bounds = bounds_of[o]
        except KeyError:
            days = day_bounds(o) if isinstance(o, ox.Literal) else None
            bounds = bounds_of[o] = None if days is None else tuple(ox.Literal(d, datatype=XSD_DATE) for d in days)
        if bounds is None or isinstance(q.graph_name, ox.DefaultGraph) or q in seen:
            continue
        seen.add(q)
        s, g = q.subject, q.graph_name
        if not bounds:
            out.append(ox.Quad(s, YEAR_NOT_STATED_FOR, q.predicate, g))
            continue
        out.append(ox.Quad(s, pair[0], bounds[0], g))
        if q.predicate in estimates.properties or (s, q.predicate, g) in estimated:
            if revised is not None and _day_key(revised.value) >= _day_key(bounds[0].value):
                out.append(ox.Quad(s, pair[1], revised, g))
            end = estimates.period_end.get(q.predicate)
            if end is not None:
                out.append(ox.Quad(s, end, bounds[1], g))
        else:
            out.append(ox.Quad(s, pair[1], bounds[1], g))
    return out


def _day_key(day: str) -> tuple:
    """A bound's lexical form in calendar order (years past 9999 have more digits)."""
    return len(day), day


def _estimated_dates(quads: list, estimates: Estimates) -> tuple[set, ox.Literal | None]:
    """The (subject, date property, graph) of the dates an estimate basis qualifies, and the last day
    of the latest revision of the curation record (None without one)."""
    if not (estimates.properties or estimates.bases):
        return set(), None
    basis_to_date = estimates.basis_of
    estimated, curation, revisions = set(), set(), []
    for q in quads:
        if q.predicate in basis_to_date and q.object in estimates.bases:
            estimated.add((q.subject, basis_to_date[q.predicate], q.graph_name))
        elif q.predicate == RDF_TYPE and q.object == CURATION_SOURCE:
            curation.add(q.subject)
        elif q.predicate == PUBLICATION_DATE and isinstance(q.object, ox.Literal):
            revisions.append((q.subject, q.object))
    days = [b[1] for s, o in revisions if s in curation and (b := day_bounds(o))]
    latest = max(days, key=_day_key, default=None)
    return estimated, None if latest is None else ox.Literal(latest, datatype=XSD_DATE)
