"""Property constraint profiles (ontology/profiles.ttl) and the SHACL shapes compiled from them.

Every property of the ontology has a profile: its subject and value types (by default its
rdfs:domain and rdfs:range), how many values, bounds, companions, cycles, date kind. `compile_shapes`
turns the parts SHACL Core can say into shapes, which the build runs with the hand-written ones in
shapes/data; the saved checks in queries/checks read the rest from the ontology graph. A property
without a profile is a DataError (`missing_profiles`). docs/CURATING.md explains the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError

STCP = ns.PREFIXES["stcp"]
SH = ns.PREFIXES["sh"]
RDF = ns.PREFIXES["rdf"]
RDFS = ns.PREFIXES["rdfs"]
OWL = ns.PREFIXES["owl"]
XSD = ns.PREFIXES["xsd"]
STC = ns.STC
STCSH = "https://w3id.org/stcoop/shapes#"
ID_PATTERN = "^https://w3id\\.org/stcoop/id/"
PROPERTY_CLASSES = (OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty")
DATE_TYPES = frozenset(XSD + t for t in ("date", "gYearMonth", "gYear", "gMonthDay"))
LANG_STRING = RDF + "langString"
FIRST_YEAR = "1900-01-01"
LAST_TARGET_DAY = "2100-12-31"


@dataclass
class Profile:
    """One property's profile, defaults from the ontology applied."""

    iri: str
    label: str
    subject_types: list[str] = field(default_factory=list)
    any_subject: str | None = None
    value_types: list[str] = field(default_factory=list)
    value_datatypes: list[str] = field(default_factory=list)
    any_value: str | None = None
    max_values: int | None = None
    single_value_per_source: bool = False
    agree_across_sources: bool = False
    distinct_values: bool = False
    bounds: dict[str, ox.Literal] = field(default_factory=dict)  # minInclusive, minExclusive, maxInclusive
    pattern: str | None = None
    pattern_meaning: str | None = None
    requires: list[str] = field(default_factory=list)
    acyclic: bool = False
    inverse: str | None = None
    contemporary: bool = False
    curators_only: bool = False
    date_kind: str | None = None
    not_after: list[str] = field(default_factory=list)
    not_greater_than: list[str] = field(default_factory=list)
    disjoint_with: list[str] = field(default_factory=list)
    basis: str | None = None
    levels_exclusive: bool = False
    exempted_by: str | None = None  # a boolean property that lifts the date bound (stc:isPlanned)
    super_properties: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    earliest: str | None = None  # the derived property holding a date's first possible day
    latest: str | None = None
    period_end: str | None = None  # for an earliest estimate: the derived last day of the period it names

    @property
    def curie(self) -> str:
        return ns.shorten(self.iri)

    @property
    def is_date(self) -> bool:
        return bool(DATE_TYPES & set(self.value_datatypes)) or self.date_kind is not None


class _Graph:
    """The ontology statements, indexed by subject and predicate."""

    def __init__(self, quads):
        self.by_sp: dict[tuple[str, str], list] = {}
        self.subjects_of: dict[tuple[str, str], list[str]] = {}
        for q in quads:
            if isinstance(q.subject, ox.NamedNode):
                self.by_sp.setdefault((q.subject.value, q.predicate.value), []).append(q.object)
                if isinstance(q.object, ox.NamedNode):
                    self.subjects_of.setdefault((q.predicate.value, q.object.value), []).append(q.subject.value)

    def objects(self, s: str, p: str) -> list:
        return self.by_sp.get((s, p), [])

    def iris(self, s: str, p: str) -> list[str]:
        return sorted(o.value for o in self.objects(s, p) if isinstance(o, ox.NamedNode))

    def literal(self, s: str, p: str):
        values = [o for o in self.objects(s, p) if isinstance(o, ox.Literal)]
        return values[0] if values else None

    def flag(self, s: str, p: str) -> bool:
        value = self.literal(s, p)
        return value is not None and value.value in ("true", "1")

    def label(self, s: str) -> str:
        for o in self.objects(s, RDFS + "label"):
            if isinstance(o, ox.Literal) and o.language in (None, "en"):
                return o.value
        return ns.shorten(s)

    def is_datatype(self, iri: str) -> bool:
        return iri.startswith(XSD) or iri == LANG_STRING or iri == RDFS + "Literal"


def properties(ontology_quads) -> dict[str, Profile]:
    """The profile of every property the ontology declares, by IRI."""
    g = _Graph(ontology_quads)
    # the profile vocabulary describes properties; it is not itself profiled
    declared = sorted({s for c in PROPERTY_CLASSES for s in g.subjects_of.get((RDF + "type", c), [])
                       if not s.startswith(STCP)})
    earliest = {g.iris(p, STC + "earliestDayOf")[0]: p for p in declared if g.iris(p, STC + "earliestDayOf")}
    latest = {g.iris(p, STC + "latestDayOf")[0]: p for p in declared if g.iris(p, STC + "latestDayOf")}
    period_end = {g.iris(p, STC + "periodEndDayOf")[0]: p for p in declared if g.iris(p, STC + "periodEndDayOf")}
    inverse = {}
    for p in declared:
        for q in g.iris(p, OWL + "inverseOf"):
            inverse.setdefault(p, q)
            inverse.setdefault(q, p)
    out = {}
    for p in declared:
        prof = Profile(p, g.label(p))
        prof.subject_types = g.iris(p, STCP + "subjectType") or g.iris(p, RDFS + "domain")
        prof.any_subject = _text(g.literal(p, STCP + "anySubject"))
        prof.value_types = g.iris(p, STCP + "valueType")
        prof.value_datatypes = g.iris(p, STCP + "valueDatatype")
        if not prof.value_types and not prof.value_datatypes:
            for r in g.iris(p, RDFS + "range"):
                (prof.value_datatypes if g.is_datatype(r) else prof.value_types).append(r)
        prof.any_value = _text(g.literal(p, STCP + "anyValue"))
        prof.max_values = _int(g.literal(p, STCP + "maxValues"), p, "stcp:maxValues")
        prof.single_value_per_source = g.flag(p, STCP + "singleValuePerSource")
        prof.agree_across_sources = g.flag(p, STCP + "agreeAcrossSources")
        prof.distinct_values = g.flag(p, STCP + "distinctValues")
        for bound in ("minInclusive", "minExclusive", "maxInclusive"):
            value = g.literal(p, STCP + bound)
            if value is not None:
                prof.bounds[bound] = value
        prof.pattern = _text(g.literal(p, STCP + "pattern"))
        prof.pattern_meaning = _text(g.literal(p, STCP + "patternMeaning"))
        prof.requires = g.iris(p, STCP + "requires")
        prof.acyclic = g.flag(p, STCP + "acyclic")
        prof.inverse = inverse.get(p)
        prof.contemporary = g.flag(p, STCP + "contemporary")
        prof.curators_only = g.flag(p, STCP + "curatorsOnly")
        kinds = g.iris(p, STCP + "dateKind")
        prof.date_kind = kinds[0] if kinds else None
        prof.not_after = g.iris(p, STCP + "notAfter")
        prof.not_greater_than = g.iris(p, STCP + "notGreaterThan")
        prof.disjoint_with = g.iris(p, STCP + "disjointWith")
        bases = g.iris(p, STCP + "basisProperty")
        prof.basis = bases[0] if bases else None
        prof.levels_exclusive = g.flag(p, STCP + "levelsExclusive")
        exempt = g.iris(p, STCP + "exemptedBy")
        prof.exempted_by = exempt[0] if exempt else None
        prof.super_properties = g.iris(p, RDFS + "subPropertyOf")
        prof.characteristics = [c for c in g.iris(p, RDF + "type") if c not in PROPERTY_CLASSES]
        prof.earliest, prof.latest, prof.period_end = earliest.get(p), latest.get(p), period_end.get(p)
        out[p] = prof
    return out


def _text(literal) -> str | None:
    return literal.value if literal is not None else None


def _int(literal, prop: str, what: str) -> int | None:
    if literal is None:
        return None
    try:
        return int(literal.value)
    except ValueError:
        raise DataError(f"the profile of {ns.shorten(prop)}: {what} must be an integer, not {literal.value!r}") from None


def _inherited(profiles: dict[str, Profile], p: str, has) -> bool:
    """Whether the property or one of its super-properties (whose statements reasoning gives it) has a part."""
    seen, todo = set(), [p]
    while todo:
        q = todo.pop()
        if q in seen or q not in profiles:
            continue
        seen.add(q)
        if has(profiles[q]):
            return True
        todo.extend(profiles[q].super_properties)
    return False


def missing_profiles(profiles: dict[str, Profile]) -> list[str]:
    """One line per property whose profile says nothing of its subjects or of its values."""
    lines = []
    for p, prof in sorted(profiles.items()):
        if not _inherited(profiles, p, lambda x: x.subject_types or x.any_subject):
            lines.append(f"{prof.curie} has no subject type: give it rdfs:domain, stcp:subjectType or stcp:anySubject "
                         f"(with the reason) in ontology/profiles.ttl")
        if not _inherited(profiles, p, lambda x: x.value_types or x.value_datatypes or x.any_value):
            lines.append(f"{prof.curie} has no value type: give it rdfs:range, stcp:valueType, stcp:valueDatatype "
                         f"or stcp:anyValue (with the reason) in ontology/profiles.ttl")
    return lines


# ---------------------------------------------------------------- compiling into SHACL
class _Writer:
    """Shapes as pyoxigraph quads in the default graph; blank nodes numbered for stable output."""

    def __init__(self):
        self.quads: list[ox.Quad] = []
        self._blank = 0

    def blank(self) -> ox.BlankNode:
        self._blank += 1
        return ox.BlankNode(f"profile{self._blank}")

    def add(self, s, p: str, o) -> None:
        self.quads.append(ox.Quad(s, ox.NamedNode(p), o, ox.DefaultGraph()))

    def list(self, items: list) -> ox.NamedNode | ox.BlankNode:
        if not items:
            return ox.NamedNode(RDF + "nil")
        head = node = self.blank()
        for n, item in enumerate(items):
            self.add(node, RDF + "first", item)
            rest = self.blank() if n + 1 < len(items) else ox.NamedNode(RDF + "nil")
            self.add(node, RDF + "rest", rest)
            node = rest
        return head

    def shape(self, name: str, kind: str, label: str, message: str) -> ox.NamedNode:
        node = ox.NamedNode(STCSH + name)
        self.add(node, RDF + "type", ox.NamedNode(SH + kind))
        self.add(node, RDFS + "label", ox.Literal(label, language="en"))
        self.add(node, SH + "message", ox.Literal(message, language="en"))
        self.add(node, SH + "severity", ox.NamedNode(SH + "Violation"))
        return node

    def node(self, constraints: list[tuple[str, object]]) -> ox.BlankNode:
        b = self.blank()
        for p, o in constraints:
            self.add(b, p, o)
        return b


def _iri(x: str) -> ox.NamedNode:
    return ox.NamedNode(x)


def _alternatives(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def _a(label: str) -> str:
    return ("an " if label[:1].lower() in "aeiou" else "a ") + label


def _called(prof: Profile) -> str:
    """The property as messages name it: its CURIE, with its label when that says more."""
    return prof.curie if prof.label in (prof.curie, "") else f"{prof.curie} ({prof.label})"


def _name(prof: Profile) -> str:
    """The shape-name stem of a property: its local name, with its prefix unless that is stc."""
    curie = prof.curie
    return curie[4:] if curie.startswith("stc:") else curie.replace(":", "-")


# How the build names the compiled shapes where it names a shapes file (in errors and reports).
PROFILE_SHAPES = "ontology/profiles.ttl (compiled shapes)"


def profile_shapes(ontology_quads) -> list[ox.Quad]:
    """The compiled shapes the build runs, after making sure every property has a profile."""
    missing = missing_profiles(properties(ontology_quads))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise DataError(f"the ontology: {missing[0]}{more}")
    return compile_shapes(ontology_quads)


def compile_shapes(ontology_quads, only: list[str] | None = None) -> list[ox.Quad]:
    """SHACL shapes (quads in the default graph) for every profile and class annotation of the ontology;
    with ``only`` (property IRIs), the shapes of those properties' profiles alone."""
    g = _Graph(ontology_quads)
    profiles = properties(ontology_quads)
    w = _Writer()
    for p in sorted(only if only is not None else profiles):
        _compile_property(w, g, profiles[p], profiles)
    if only is None:
        _compile_iri_kinds(w, g)
    return w.quads


def _compile_property(w: _Writer, g: _Graph, prof: Profile, profiles: dict[str, Profile]) -> None:
    """Every shape of one profile, part after part (the order of PROFILE_PARTS)."""
    for part in PROFILE_PARTS:
        part(w, g, prof, profiles)


def _property_shape(w: _Writer, prof: Profile, key: str, title: str, message: str, path, target=None):
    """A property shape ``profile-{name}-{key}`` on ``path`` (a callable makes it after the shape), whose
    focus nodes are the subjects of ``target`` (of the profile's property when None)."""
    shape = w.shape(f"profile-{_name(prof)}-{key}", "PropertyShape", f"{prof.curie}: {title}", message)
    w.add(shape, SH + "targetSubjectsOf", target if target is not None else _iri(prof.iri))
    w.add(shape, SH + "path", path() if callable(path) else path)
    return shape


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))


def _subject_types(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    if not prof.subject_types:
        return
    labels = [g.label(c) for c in prof.subject_types]
    shape = w.shape(f"profile-{_name(prof)}-subjectType", "NodeShape", f"{prof.curie}: subject type",
                    f"Only {_alternatives([_a(x) for x in labels])} can be the subject of {_called(prof)}: "
                    f"type the entity as one, or use another property (the link may point the wrong way).")
    w.add(shape, SH + "targetSubjectsOf", _iri(prof.iri))
    options = [w.node([(SH + "not", w.node([(SH + "pattern", ox.Literal(ID_PATTERN))]))])]
    options += [w.node([(SH + "class", _iri(c))]) for c in prof.subject_types]
    w.add(shape, SH + "or", w.list(options))


def _values(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    if prof.value_types or prof.value_datatypes or prof.any_value:
        _compile_values(w, g, prof, _name(prof), (SH + "targetSubjectsOf", _iri(prof.iri)))


def _max_values(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    if prof.max_values is None:
        return
    shape = _property_shape(
        w, prof, "maxValues", f"at most {prof.max_values}",
        f"{_called(prof)} has more than {prof.max_values} value{'s' if prof.max_values > 1 else ''}"
        f" on this subject: keep the right one (two sources that disagree are recorded in a "
        f"stc:Discrepancy, each value in its own source graph, on a property that allows it).", _iri(prof.iri))
    w.add(shape, SH + "maxCount", _integer(prof.max_values))


def _bounds(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    for bound, value in sorted(prof.bounds.items()):
        words = {"minInclusive": "at least", "minExclusive": "greater than", "maxInclusive": "at most"}[bound]
        shape = _property_shape(w, prof, bound, f"{words} {value.value}",
                                f"The value of {_called(prof)} must be {words} {value.value}.", _iri(prof.iri))
        w.add(shape, SH + bound, value)


def _pattern(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    if not prof.pattern:
        return
    shape = _property_shape(w, prof, "pattern", "form", f"The value of {_called(prof)} is not of the required form "
                            f"({prof.pattern_meaning or prof.pattern}).", _iri(prof.iri))
    w.add(shape, SH + "pattern", ox.Literal(prof.pattern))


def _requires(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    for q in prof.requires:
        other = profiles.get(q)
        q_curie = other.curie if other else ns.shorten(q)
        shape = _property_shape(
            w, prof, f"requires-{_name(other) if other else q_curie}", f"requires {q_curie}",
            f"A subject with {_called(prof)} must also have {_called(other) if other else q_curie}.", _iri(q))
        w.add(shape, SH + "minCount", _integer(1))


def _acyclic(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    if not prof.acyclic:
        return
    curie = prof.curie
    if prof.inverse is None:
        raise DataError(f"the profile of {curie} says stcp:acyclic, but the property has no owl:inverseOf "
                        f"to compare its chains with: declare one in the ontology")
    shape = _property_shape(
        w, prof, "acyclic", "no cycle",
        f"A chain of {_called(prof)} leads from this node back to itself (through the node "
        f"given as value): one of the links points the wrong way, or links a node to itself.",
        lambda: w.node([(SH + "oneOrMorePath", _iri(prof.iri))]))
    w.add(shape, SH + "disjoint", _iri(prof.inverse))
    w.add(shape, RDFS + "comment", ox.Literal(
        f"{ns.shorten(prof.inverse)} is the inverse of {curie}: a node reached by a chain of {curie} that also "
        f"reaches the node by {curie} lies on a cycle.", language="en"))


def _date_range(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    curie = prof.curie
    if prof.is_date and prof.earliest:
        shape = _property_shape(
            w, prof, "from1900", "not before 1900",
            f"The date ({curie}, {prof.label}) is before 1900: no fact of these sources is that old; "
            f"look for a mistyped year.", _iri(prof.earliest), target=_iri(prof.earliest))
        w.add(shape, SH + "minInclusive", ox.Literal(FIRST_YEAR, datatype=ox.NamedNode(XSD + "date")))
    if prof.date_kind == STCP + "TargetDate" and prof.latest:
        shape = _property_shape(
            w, prof, "until2100", "not after 2100",
            f"The planned date ({curie}, {prof.label}) is after 2100; look for a mistyped year.",
            _iri(prof.latest), target=_iri(prof.latest))
        w.add(shape, SH + "maxInclusive", ox.Literal(LAST_TARGET_DAY, datatype=ox.NamedNode(XSD + "date")))


def _value_pairs(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    """Values compared with another property's on the same subject: not greater, never the same."""
    pairs = [("notGreaterThan", "not greater than", "lessThanOrEquals", q,
              "The value of {this} is greater than {that} of the same subject.") for q in prof.not_greater_than]
    pairs += [("disjointWith", "disjoint with", "disjoint", q,
               "The same value is both {this} and {that} of this subject; it can be only one.")
              for q in prof.disjoint_with]
    for key, words, component, q, message in pairs:
        other = profiles.get(q)
        that = _called(other) if other else ns.shorten(q)
        shape = _property_shape(w, prof, f"{key}-{_name(other) if other else ns.shorten(q)}",
                                f"{words} {ns.shorten(q)}", message.format(this=_called(prof), that=that),
                                _iri(prof.iri))
        w.add(shape, SH + component, _iri(q))


def _not_after(w: _Writer, g: _Graph, prof: Profile, profiles) -> None:
    for q in prof.not_after:
        other = profiles.get(q)
        if not (prof.earliest and other and other.latest):
            raise DataError(f"the profile of {prof.curie}: stcp:notAfter {ns.shorten(q)} needs both to be date "
                            f"properties with derived first and last days (stc:earliestDayOf / stc:latestDayOf)")
        shape = _property_shape(w, prof, f"notAfter-{_name(other)}", f"not after {other.curie}",
                                f"The date of {_called(prof)} is later than {_called(other)} of the same "
                                f"subject, which it cannot be.", _iri(prof.earliest), target=_iri(prof.earliest))
        w.add(shape, SH + "lessThanOrEquals", _iri(other.latest))
        if other.period_end:  # an estimate of the earliest day: not after the period it names either
            shape = _property_shape(w, prof, f"notAfter-{_name(other)}-period", f"not after {other.curie}'s period",
                                    f"The date of {_called(prof)} is later than the period {_called(other)} of the "
                                    f"same subject estimates (its earliest), so the estimate is too early.",
                                    _iri(prof.earliest), target=_iri(prof.earliest))
            w.add(shape, SH + "lessThanOrEquals", _iri(other.period_end))


# The parts of a profile, in the order their shapes are written.
PROFILE_PARTS = (_subject_types, _values, _max_values, _bounds, _pattern, _requires, _acyclic, _date_range,
                 _value_pairs, _not_after)


def _compile_values(w: _Writer, g: _Graph, prof: Profile, name: str, target) -> None:
    curie, p = prof.curie, _iri(prof.iri)
    wanted = [_a(g.label(c)) for c in prof.value_types]
    wanted += ["a language-tagged text such as \"…\"@en" if d == LANG_STRING else f"a literal of type {ns.shorten(d)}"
               for d in prof.value_datatypes]
    if not wanted:
        wanted = ["a resource named by an IRI"]
    elif prof.value_types and not prof.value_datatypes:
        wanted[-1] += ", named by an IRI"
    shape = w.shape(f"profile-{name}-value", "PropertyShape", f"{curie}: values",
                    f"The value of {_called(prof)} must be {_alternatives(wanted)}.")
    w.add(shape, *target)
    w.add(shape, SH + "path", p)
    if prof.value_types and not prof.value_datatypes:
        w.add(shape, SH + "nodeKind", ox.NamedNode(SH + "IRI"))
    if not prof.value_types and not prof.value_datatypes:
        w.add(shape, SH + "nodeKind", ox.NamedNode(SH + "IRI"))
        return
    options = [(SH + "class", _iri(c)) for c in prof.value_types]
    options += [(SH + "datatype", _iri(d)) for d in prof.value_datatypes]
    if len(options) == 1:
        w.add(shape, *options[0])
    else:
        w.add(shape, SH + "or", w.list([w.node([o]) for o in options]))


def _compile_iri_kinds(w: _Writer, g: _Graph) -> None:
    """Each class with an IRI kind: its instances' IRIs use that kind, or the kind of another class of theirs."""
    kinds: dict[str, list[str]] = {}
    for (s, p), objects in g.by_sp.items():
        if p == STCP + "iriKind":
            kinds[s] = sorted(o.value for o in objects if isinstance(o, ox.Literal))
    superclasses = _superclasses(g)
    for c in sorted(kinds):
        others = [d for d in sorted(kinds) if d != c and d not in superclasses.get(c, set())]
        folders = " or ".join(f"https://w3id.org/stcoop/id/{k}/" for k in kinds[c])
        shape = w.shape(f"iriKind-{ns.shorten(c).replace(':', '-')}", "NodeShape", f"IRIs of {g.label(c)}",
                        f"{_a(g.label(c)).capitalize()} ({ns.shorten(c)}) must have an IRI under {folders}, unless it "
                        f"is also an instance of a class whose IRIs live elsewhere: the IRI's kind does not fit what "
                        f"the entity is.")
        w.add(shape, SH + "targetClass", _iri(c))
        pattern = "^https://w3id\\.org/stcoop/id/(" + "|".join(kinds[c]) + ")/"
        options = [w.node([(SH + "pattern", ox.Literal(pattern))]),
                   w.node([(SH + "not", w.node([(SH + "pattern", ox.Literal(ID_PATTERN))]))])]
        options += [w.node([(SH + "class", _iri(d))]) for d in others]
        w.add(shape, SH + "or", w.list(options))


def _superclasses(g: _Graph) -> dict[str, set[str]]:
    direct: dict[str, set[str]] = {}
    for (s, p), objects in g.by_sp.items():
        if p == RDFS + "subClassOf":
            direct.setdefault(s, set()).update(o.value for o in objects if isinstance(o, ox.NamedNode))
    closed: dict[str, set[str]] = {}
    for c in direct:
        seen, todo = set(), list(direct[c])
        while todo:
            d = todo.pop()
            if d not in seen:
                seen.add(d)
                todo.extend(direct.get(d, ()))
        closed[c] = seen
    return closed


def ontology_of(project) -> list[ox.Quad]:
    """The ontology statements of a working copy (kg.project.Project), as the build reads them."""
    from kg.load import parse_file

    return [q for path in project.ontology_files() for q in parse_file(path, project.relpath(path))]


def resolve(profiles: dict[str, Profile], name: str) -> str:
    """The IRI of a property named by CURIE or IRI; a UsageError naming the nearest ones otherwise."""
    import difflib

    from kg.errors import UsageError

    iri = name if "://" in name else ns.expand_curie(name)
    if iri in profiles:
        return iri
    near = difflib.get_close_matches(name, [p.curie for p in profiles.values()], n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UsageError(f"{name} is no property of the ontology{hint}")


def summary(prof: Profile, label=ns.shorten) -> list[tuple[str, str]]:
    """A property's profile as (part, what it says) rows, for `kg profile` and the ontology reference."""
    # One `if part: rows.append(...)` per part of a profile: alike in shape (duplicates lists them), each
    # worded for its own part; a table of format strings would be harder to read than the rows.
    rows = []

    def classes(iris):
        return " or ".join(label(c) for c in iris)

    rows.append(("subject", classes(prof.subject_types) if prof.subject_types else f"any ({prof.any_subject})"
                 if prof.any_subject else "as its super-properties say"))
    if prof.value_types or prof.value_datatypes:
        rows.append(("value", " or ".join([label(c) for c in prof.value_types]
                                          + [ns.shorten(d) for d in prof.value_datatypes])))
    else:
        rows.append(("value", f"any IRI ({prof.any_value})" if prof.any_value else "as its super-properties say"))
    if prof.max_values is not None:
        rows.append(("values", f"at most {prof.max_values} per subject"))
    if prof.single_value_per_source:
        rows.append(("values", "one per subject in each source"))
    if prof.agree_across_sources:
        rows.append(("sources", "must agree, unless a discrepancy involves the subject"))
    if prof.distinct_values:
        rows.append(("values", "distinct: no two subjects share one"))
    words = {"minInclusive": "at least", "minExclusive": "more than", "maxInclusive": "at most"}
    rows += [("bound", f"{words[b]} {v.value}") for b, v in sorted(prof.bounds.items())]
    if prof.pattern:
        rows.append(("form", prof.pattern + (f" ({prof.pattern_meaning})" if prof.pattern_meaning else "")))
    rows += [("requires", ns.shorten(q)) for q in prof.requires]
    if prof.acyclic:
        rows.append(("chains", f"no cycle (compared with {ns.shorten(prof.inverse or '?')})"))
    if prof.contemporary:
        rows.append(("time", "the value existed when the subject began"))
    if prof.curators_only:
        rows.append(("stated by", "curators only (the curation source), never an article's graph"))
    if prof.date_kind:
        unless = f" (unless {ns.shorten(prof.exempted_by)})" if prof.exempted_by else ""
        rows.append(("date", {"HappenedDate": f"not after its source{unless}, from 1900",
                              "SourceDate": "not after the curation record, from 1900",
                              "TargetDate": "from 1900 to 2100", "DerivedDate": "derived by the build"}.get(
                                  prof.date_kind.rsplit("#", 1)[-1], ns.shorten(prof.date_kind))))
    rows += [("not after", ns.shorten(q)) for q in prof.not_after]
    rows += [("not above", ns.shorten(q)) for q in prof.not_greater_than]
    rows += [("disjoint", f"no value also {ns.shorten(q)}") for q in prof.disjoint_with]
    if prof.basis:
        rows.append(("basis", f"{ns.shorten(prof.basis)} says how the date was obtained"))
    if prof.levels_exclusive:
        rows.append(("levels", "one value per administrative level"))
    rows += [("OWL", ns.shorten(c)) for c in prof.characteristics]
    return rows


def shapes_turtle(ontology_quads, only: list[str] | None = None) -> str:
    """The compiled shapes as Turtle, with the project's prefixes (what `kg profile --shapes` prints); with
    ``only`` (property IRIs), those properties' shapes."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in compile_shapes(ontology_quads, only)]
    prefixes = {**ns.PREFIXES, "stcsh": STCSH}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
