"""A fast OWL 2 RL engine: owlrl's rules, evaluated semi-naively over integer ids.

The schema is closed first (owlrl's ``scm-*`` rules) and compiled into lookup
tables; every triple is then taken from an agenda once and joined with what
is known (``cax-*``, ``prp-*``); a new schema triple recompiles and revisits.
The inconsistency rules run on the closure.  The closure and the
inconsistencies equal owlrl's on every input this engine accepts (a property
test and the W3C OWL 2 RL cases prove it); inputs that need rules it does not
implement raise :class:`Unsupported` and kg.reason hands them to owlrl.
docs/ENGINES.md ("OWL RL") lists the supported subset, what is left out and
why, and where kg follows the specification instead of owlrl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import ReasoningError

RDF = ns.PREFIXES["rdf"]
RDFS = ns.PREFIXES["rdfs"]
OWL = ns.PREFIXES["owl"]
XSD = ns.PREFIXES["xsd"]
VOCAB_NAMESPACES = (RDF, RDFS, OWL, XSD)

TYPE = RDF + "type"
SUBCLASS = RDFS + "subClassOf"
SUBPROPERTY = RDFS + "subPropertyOf"
DOMAIN = RDFS + "domain"
RANGE = RDFS + "range"
EQ_CLASS = OWL + "equivalentClass"
EQ_PROPERTY = OWL + "equivalentProperty"
INVERSE = OWL + "inverseOf"
CHAIN = OWL + "propertyChainAxiom"
DISJOINT = OWL + "disjointWith"
PROPERTY_DISJOINT = OWL + "propertyDisjointWith"
MEMBERS = OWL + "members"
FIRST = RDF + "first"
REST = RDF + "rest"
NIL = RDF + "nil"
THING = OWL + "Thing"
NOTHING = OWL + "Nothing"
OWL_CLASS = OWL + "Class"
PROPERTY_CLASSES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", RDF + "Property"}
TRANSITIVE = OWL + "TransitiveProperty"
SYMMETRIC = OWL + "SymmetricProperty"
ASYMMETRIC = OWL + "AsymmetricProperty"
IRREFLEXIVE = OWL + "IrreflexiveProperty"
ALL_DISJOINT_CLASSES = OWL + "AllDisjointClasses"
ALL_DISJOINT_PROPERTIES = OWL + "AllDisjointProperties"

# Predicates and classes whose triples shape the compiled rule tables.
SCHEMA_PREDICATES = {SUBCLASS, SUBPROPERTY, DOMAIN, RANGE, EQ_CLASS, EQ_PROPERTY, INVERSE, CHAIN, DISJOINT,
                     PROPERTY_DISJOINT, MEMBERS, FIRST, REST}
SCHEMA_CLASSES = {OWL_CLASS, TRANSITIVE, SYMMETRIC, ASYMMETRIC, IRREFLEXIVE, ALL_DISJOINT_CLASSES,
                  ALL_DISJOINT_PROPERTIES} | PROPERTY_CLASSES
# What this engine leaves to owlrl (see the module docstring).
UNSUPPORTED_PREDICATES = {OWL + n for n in (
    "sameAs", "differentFrom", "distinctMembers", "hasKey", "onProperty", "onClass", "someValuesFrom",
    "allValuesFrom", "hasValue", "maxCardinality", "maxQualifiedCardinality", "intersectionOf", "unionOf",
    "complementOf", "oneOf", "sourceIndividual", "assertionProperty", "targetIndividual", "targetValue")}
UNSUPPORTED_CLASSES = {OWL + n for n in (
    "FunctionalProperty", "InverseFunctionalProperty", "AllDifferent", "NegativePropertyAssertion")}


# owlrl's one-time rules (cls-thing, cls-nothing1, prp-ap, dt-type1/2): the datatypes it knows, their
# subsumptions, the disjointness it states between the ones in use, the annotation properties.  A test
# compares these tables with owlrl's.
RDF_DATATYPES = (RDFS + "Literal", RDF + "XMLLiteral", RDF + "HTML", RDF + "langString", RDF + "PlainLiteral")
OWL_RL_DATATYPES = tuple(XSD + n for n in (
    "integer decimal nonNegativeInteger nonPositiveInteger negativeInteger positiveInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte float double string normalizedString token language Name "
    "NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTimeStamp dateTime time date").split()) + RDF_DATATYPES
_SUPERS = {
    "dateTimeStamp": "dateTime", "integer": "decimal", "long": "integer decimal", "int": "long integer decimal",
    "short": "int long integer decimal", "byte": "short int long integer decimal",
    "nonNegativeInteger": "integer decimal", "positiveInteger": "nonNegativeInteger integer decimal",
    "unsignedLong": "nonNegativeInteger integer decimal",
    "unsignedInt": "unsignedLong nonNegativeInteger integer decimal",
    "unsignedShort": "unsignedInt unsignedLong nonNegativeInteger integer decimal",
    "unsignedByte": "unsignedShort unsignedInt unsignedLong nonNegativeInteger integer decimal",
    "nonPositiveInteger": "integer decimal", "negativeInteger": "nonPositiveInteger integer decimal",
    "normalizedString": "string", "token": "normalizedString string", "language": "token normalizedString string",
    "Name": "token normalizedString string", "NCName": "Name token normalizedString string",
    # owlrl says NMTOKEN is a Name; XML Schema derives it from token (".5" is an NMTOKEN, not a Name)
    "NMTOKEN": "token normalizedString string",
}
DATATYPE_SUPERS = {XSD + k: tuple(XSD + n for n in v.split()) for k, v in _SUPERS.items()}
_TOPS = {n: (XSD if n not in ("PlainLiteral", "XMLLiteral") else RDF) + n for n in (
    "anyURI base64Binary boolean dateTime decimal double float hexBinary string PlainLiteral XMLLiteral").split()}
DATATYPE_DISJOINTNESS = tuple(
    (_TOPS[a], _TOPS[b]) for i, a in enumerate(_TOPS) for b in list(_TOPS)[i + 1:]
    if {a, b} not in ({"string", "PlainLiteral"}, {"PlainLiteral", "XMLLiteral"}))
ANNOTATION_PROPERTIES = tuple(RDFS + n for n in ("label", "comment", "seeAlso", "isDefinedBy")) + tuple(
    OWL + n for n in ("deprecated", "versionInfo", "priorVersion", "backwardCompatibleWith", "incompatibleWith"))
ANNOTATION_PROPERTY = OWL + "AnnotationProperty"
DATATYPE = RDFS + "Datatype"
# What owlrl types by its datatype (dt-type2): typed literals of these (an xsd:string literal is a plain
# rdflib literal, without a datatype, and so is a language-tagged one).
TYPED_LITERALS = frozenset(OWL_RL_DATATYPES) - {XSD + "string", RDF + "langString"}
LEXICAL_ERROR = "Lexical value of the literal '{}' does not match its datatype ({})"


# Reflexive triples of these are cleaned away, and inert (every guard in owlrl's rules skips them): never made.
_REFLEXIVE = {OWL + "sameAs", SUBCLASS, EQ_CLASS, SUBPROPERTY, EQ_PROPERTY}
_TOP = {RDFS + "Resource", OWL + "Thing"}
_TOP_PREDICATES = {RDF + "type", RDFS + "subClassOf", RDFS + "domain", RDFS + "range"}


def keep_terms(s, p, o) -> bool:
    """Whether an inferred triple (pyoxigraph terms) is worth keeping: kg's cleaning, the same for both
    engines (docs/ENGINES.md lists what it drops)."""
    if isinstance(s, ox.Literal):
        return False
    s_str = s.value
    if isinstance(s, ox.NamedNode) and s_str.startswith(VOCAB_NAMESPACES):
        return False
    p_str = p.value
    if p_str in _REFLEXIVE and s == o:
        return False
    o_str = o.value if isinstance(o, ox.NamedNode) else None
    if o_str in _TOP and p_str in _TOP_PREDICATES:
        return False
    if s_str.startswith(ns.OWLRL_ERROR) or (o_str or "").startswith(ns.OWLRL_ERROR):
        return False
    return True


class Unsupported(Exception):
    """The input needs OWL RL rules this engine does not implement."""


@dataclass
class Schema:
    """The rule tables compiled from the closed schema (ids, not terms)."""

    superclasses: dict[int, tuple[int, ...]] = field(default_factory=dict)
    superproperties: dict[int, tuple[int, ...]] = field(default_factory=dict)
    domains: dict[int, tuple[int, ...]] = field(default_factory=dict)
    ranges: dict[int, tuple[int, ...]] = field(default_factory=dict)
    inverses: dict[int, tuple[int, ...]] = field(default_factory=dict)
    symmetric: frozenset = frozenset()
    transitive: frozenset = frozenset()
    chains: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # (property, chain)
    chain_positions: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # member -> [(chain no, pos)]

    def backward_predicates(self) -> set[int]:
        """Predicates whose object -> subjects index the rules read."""
        need = set(self.transitive)
        for _p, chain in self.chains:
            need.update(chain[:-1])
        return need


class IdGraph:
    """A set of triples over integer ids, indexed by predicate.

    ``fwd[p][s]`` is the set of objects, ``bwd[p][o]`` the set of subjects
    (kept only for the predicates that need it); ``terms[i]`` is the
    pyoxigraph term of id ``i``."""

    def __init__(self):
        self.terms: list = []
        self.ids: dict = {}
        self.fwd: dict[int, dict[int, set[int]]] = {}
        self.bwd: dict[int, dict[int, set[int]]] = {}
        self.size = 0

    @classmethod
    def from_triples(cls, triples) -> "IdGraph":
        """A graph of pyoxigraph triples or quads (graph names ignored)."""
        graph = cls()
        graph.add_all(triples)
        return graph

    def add_all(self, triples) -> None:
        ids, terms, fwd = self.ids, self.terms, self.fwd
        get = ids.get
        for t in triples:
            # self.id, inlined: this loop runs once per input statement
            s = get(t.subject)
            if s is None:
                s = ids[t.subject] = len(terms)
                terms.append(t.subject)
            p = get(t.predicate)
            if p is None:
                p = ids[t.predicate] = len(terms)
                terms.append(t.predicate)
            o = get(t.object)
            if o is None:
                o = ids[t.object] = len(terms)
                terms.append(t.object)
            by_subject = fwd.get(p)
            if by_subject is None:
                by_subject = fwd[p] = {}
            objects = by_subject.get(s)
            if objects is None:
                by_subject[s] = {o}
                self.size += 1
            elif o not in objects:
                objects.add(o)
                self.size += 1
        self.bwd.clear()  # rebuilt on demand

    def id(self, term) -> int:
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return i

    def known(self, iri: str) -> int | None:
        return self.ids.get(ox.NamedNode(iri))

    def has(self, s: int, p: int, o: int) -> bool:
        objects = self.fwd.get(p, {}).get(s)
        return objects is not None and o in objects

    def objects(self, s: int, p: int):
        return self.fwd.get(p, {}).get(s, ())

    def subjects(self, p: int, o: int):
        index = self.bwd.get(p)
        if index is None:
            index = self.index_backward(p)
        return index.get(o, ())

    def index_backward(self, p: int) -> dict[int, set[int]]:
        index: dict[int, set[int]] = {}
        for s, objects in self.fwd.get(p, {}).items():
            for o in objects:
                index.setdefault(o, set()).add(s)
        self.bwd[p] = index
        return index

    def triples(self):
        for p, by_subject in self.fwd.items():
            for s, objects in by_subject.items():
                for o in objects:
                    yield s, p, o

    def remove(self, s: int, p: int, o: int) -> None:
        objects = self.fwd[p][s]
        objects.discard(o)
        if not objects:
            del self.fwd[p][s]
        back = self.bwd.get(p)
        if back is not None:
            subjects = back.get(o)
            if subjects is not None:
                subjects.discard(s)
                if not subjects:
                    del back[o]
        self.size -= 1



@dataclass
class Result:
    graph: IdGraph  # the cleaned closure
    inferred: list[tuple[int, int, int]]  # cleaned, in the order found
    errors: list[str]  # owlrl's messages, sorted
    rounds: int
    # (rule, focus id or None, message), one per message, sorted by message; the focus is the individual
    # (IRI or blank node) the inconsistency is about
    inconsistencies: list[tuple[str, int | None, str]] = field(default_factory=list)


# Property axioms no term of the rdf/rdfs/owl/xsd vocabularies may take part in: they would apply the
# generic property rules to triples this engine never makes (the reflexive sameAs/subClassOf/… of every
# term, the datatype typing of literals).  A vocabulary term stays usable as a superproperty.
_CHARACTERISTICS = (TRANSITIVE, SYMMETRIC, ASYMMETRIC, IRREFLEXIVE)


def _is_vocabulary(term) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(VOCAB_NAMESPACES)


def _check_supported(graph: IdGraph) -> None:
    for iri in sorted(UNSUPPORTED_PREDICATES):
        p = graph.known(iri)
        if p is not None and graph.fwd.get(p):
            raise Unsupported(f"the data uses <{iri}>")
    t = graph.known(TYPE)
    for iri in sorted(UNSUPPORTED_CLASSES):
        c = graph.known(iri)
        if c is not None and t is not None and graph.subjects(t, c):
            raise Unsupported(f"the data uses <{iri}>")
    terms = graph.terms
    # Axioms about the vocabularies the rules themselves are made of.
    for iri in (SUBCLASS, SUBPROPERTY, DOMAIN, RANGE, EQ_CLASS, EQ_PROPERTY, INVERSE, CHAIN):
        p = graph.known(iri)
        for s in graph.fwd.get(p, {}) if p is not None else ():
            if _is_vocabulary(terms[s]) and terms[s].value not in (THING, NOTHING):
                raise Unsupported(f"the data states <{iri}> of <{terms[s].value}>")
    for iri in (INVERSE, EQ_PROPERTY, PROPERTY_DISJOINT):
        p = graph.known(iri)
        for s, objects in graph.fwd.get(p, {}).items() if p is not None else ():
            for x in (s, *objects):
                if _is_vocabulary(terms[x]):
                    raise Unsupported(f"the data states <{iri}> with <{terms[x].value}>")
    for iri in _CHARACTERISTICS:
        c = graph.known(iri)
        for x in graph.subjects(t, c) if c is not None and t is not None else ():
            if _is_vocabulary(terms[x]):
                raise Unsupported(f"the data states that <{terms[x].value}> is a <{iri}>")


def _members(graph: IdGraph, head: int, vocabulary_allowed: bool = True) -> list[int]:
    """The members of a well-formed rdf:List; Unsupported for any other (rdflib, hence owlrl, reads a
    branching or broken list its own way, and fails on a cycle)."""
    first, rest, nil = graph.known(FIRST), graph.known(REST), graph.known(NIL)
    out, seen = [], set()
    while head != nil:
        items = graph.objects(head, first) if first is not None else ()
        nxt = graph.objects(head, rest) if rest is not None else ()
        if head in seen or len(items) != 1 or len(nxt) != 1:
            raise Unsupported("the data holds an rdf:List that is not well formed (a member or a rest missing, "
                              "two of them, or a cycle)")
        seen.add(head)
        item = next(iter(items))
        if not vocabulary_allowed and _is_vocabulary(graph.terms[item]):
            raise Unsupported(f"the data lists <{graph.terms[item].value}> in a property axiom")
        out.append(item)
        head = next(iter(nxt))
    return out


def _check_no_datatype_instances(graph: IdGraph, type_id: int) -> None:
    """owlrl's datatype rules add supertypes to a resource *asserted* to be of a datatype (the other datatype
    triples have literal or vocabulary subjects and are cleaned away)."""
    datatypes = {graph.known(iri) for iri in OWL_RL_DATATYPES} - {None}
    for c, instances in graph.bwd.get(type_id, {}).items():
        if c in datatypes and any(not isinstance(graph.terms[x], ox.Literal) for x in instances):
            raise Unsupported(f"the data types a resource as the datatype <{graph.terms[c].value}>")


class _Literals:
    """The typed literals of the input, by datatype: owlrl types each by its datatype and that datatype's
    supertypes (dt-type2).  Those triples have literal subjects, which kg's cleaning drops, and in the
    supported subset they feed the disjointness rules alone: they are looked up there, never made."""

    def __init__(self, graph: IdGraph):
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


def _one_time_rules(graph: IdGraph, add, literals: _Literals) -> None:
    """owlrl's one-time rules: cls-thing, cls-nothing1, prp-ap, dt-type1 and the disjointness of the datatypes
    in use (all of them triples about the vocabularies, which the cleaning drops)."""
    g = graph.id
    typ, owl_class = g(ox.NamedNode(TYPE)), g(ox.NamedNode(OWL_CLASS))
    add(g(ox.NamedNode(THING)), typ, owl_class)
    add(g(ox.NamedNode(NOTHING)), typ, owl_class)
    annotation = g(ox.NamedNode(ANNOTATION_PROPERTY))
    for iri in ANNOTATION_PROPERTIES:
        add(g(ox.NamedNode(iri)), typ, annotation)
    datatype = g(ox.NamedNode(DATATYPE))
    for iri in OWL_RL_DATATYPES:
        add(g(ox.NamedNode(iri)), typ, datatype)
    disjoint = g(ox.NamedNode(DISJOINT))
    for a, b in DATATYPE_DISJOINTNESS:
        if a in literals.used and b in literals.used:
            add(g(ox.NamedNode(a)), disjoint, g(ox.NamedNode(b)))


def _close_schema(graph: IdGraph, add) -> None:
    """owlrl's scm-* rules to their fixpoint (the schema is small: plain loops)."""
    g = graph.id
    sco, eqc, spo, eqp = g(ox.NamedNode(SUBCLASS)), g(ox.NamedNode(EQ_CLASS)), g(ox.NamedNode(SUBPROPERTY)), \
        g(ox.NamedNode(EQ_PROPERTY))
    dom, rng, typ = g(ox.NamedNode(DOMAIN)), g(ox.NamedNode(RANGE)), g(ox.NamedNode(TYPE))
    thing, nothing, owl_class = g(ox.NamedNode(THING)), g(ox.NamedNode(NOTHING)), g(ox.NamedNode(OWL_CLASS))
    changed = True
    while changed:
        changed = False
        # scm-cls
        for c in list(graph.subjects(typ, owl_class)):
            changed |= add(c, sco, thing)
            changed |= add(nothing, sco, c)
        changed |= _close_hierarchy(graph, add, sco, eqc)  # scm-sco, scm-eqc1, scm-eqc2
        changed |= _close_hierarchy(graph, add, spo, eqp)  # scm-spo, scm-eqp1, scm-eqp2
        # scm-dom1/2 and scm-rng1/2
        for axiom in (dom, rng):
            for p, classes in list(graph.fwd.get(axiom, {}).items()):
                for c1 in list(classes):
                    for c2 in list(graph.objects(c1, sco)):
                        if c1 != c2:
                            changed |= add(p, axiom, c2)
                    for p1 in list(graph.subjects(spo, p)):
                        if p1 != p:
                            changed |= add(p1, axiom, c1)


def _close_hierarchy(graph: IdGraph, add, sub: int, eq: int) -> bool:
    """One pass of owlrl's rules for a hierarchy (``sub`` is rdfs:subClassOf or rdfs:subPropertyOf, ``eq``
    owl:equivalentClass or owl:equivalentProperty): transitivity, mutual subsumption is equivalence, and
    equivalence is subsumption both ways.  True when something was added."""
    changed = False
    for x1, supers in list(graph.fwd.get(sub, {}).items()):
        for x2 in list(supers):
            if x1 == x2:
                continue
            for x3 in list(graph.objects(x2, sub)):
                if x1 != x3:
                    changed |= add(x1, sub, x3)
            if graph.has(x2, sub, x1):
                changed |= add(x1, eq, x2)
    for x1, others in list(graph.fwd.get(eq, {}).items()):
        for x2 in list(others):
            if x1 != x2:
                changed |= add(x1, sub, x2)
                changed |= add(x2, sub, x1)
    return changed


def _compile(graph: IdGraph) -> Schema:
    k = graph.known
    schema = Schema()
    terms = graph.terms
    # owlrl never stores a triple whose predicate is a literal (a literal reaches a property's place
    # through ex:p rdfs:subPropertyOf rdfs:subPropertyOf . ex:x ex:p "1"): no rule targets one.
    literal = {i for table in (SUBPROPERTY, INVERSE) if k(table) is not None
               for s, objects in graph.fwd.get(k(table), {}).items() for i in (s, *objects)
               if type(terms[i]) is ox.Literal}

    def table(pred_iri) -> dict[int, tuple[int, ...]]:
        p = k(pred_iri)
        if p is None:
            return {}
        return {s: tuple(sorted(o for o in objects if o != s)) for s, objects in graph.fwd.get(p, {}).items()}

    schema.superclasses = {c: sup for c, sup in table(SUBCLASS).items() if sup}
    schema.superproperties = {p: sup for p, sup in (
        (p, tuple(q for q in sup if q not in literal)) for p, sup in table(SUBPROPERTY).items()) if sup}
    schema.domains = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(DOMAIN), {}).items()} if k(DOMAIN) else {}
    schema.ranges = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(RANGE), {}).items()} if k(RANGE) else {}
    inverses: dict[int, set[int]] = {}
    inv = k(INVERSE)
    if inv is not None:
        for p1, others in graph.fwd.get(inv, {}).items():
            for p2 in others:
                if p2 not in literal:
                    inverses.setdefault(p1, set()).add(p2)
                if p1 not in literal:
                    inverses.setdefault(p2, set()).add(p1)
    schema.inverses = {p: tuple(sorted(q)) for p, q in inverses.items()}
    t = k(TYPE)

    def instances(iri) -> frozenset:
        c = k(iri)
        return frozenset(graph.subjects(t, c)) if c is not None and t is not None else frozenset()

    schema.symmetric = instances(SYMMETRIC)
    schema.transitive = instances(TRANSITIVE)
    ch = k(CHAIN)
    if ch is not None:
        for p, heads in sorted(graph.fwd.get(ch, {}).items()):
            for head in sorted(heads):
                chain = tuple(_members(graph, head, vocabulary_allowed=False))
                if chain and type(terms[p]) is not ox.Literal:
                    schema.chains.append((p, chain))
    for n, (_p, chain) in enumerate(schema.chains):
        for pos, member in enumerate(chain):
            schema.chain_positions.setdefault(member, []).append((n, pos))
    return schema


def closure(triples) -> Result:
    """The OWL RL closure of ``triples`` (pyoxigraph triples or quads; graph names ignored), cleaned."""
    graph = IdGraph.from_triples(triples)
    gid, fwd = graph.id, graph.fwd
    _check_supported(graph)
    type_id = gid(ox.NamedNode(TYPE))
    graph.index_backward(type_id)
    _check_no_datatype_instances(graph, type_id)
    literals = _Literals(graph)
    lexical = _lexical_inconsistencies(graph, literals)
    inferred: list[tuple[int, int, int]] = []
    agenda: list[tuple[int, int, int]] = []
    schema_preds = {gid(ox.NamedNode(i)) for i in SCHEMA_PREDICATES}
    schema_classes = {gid(ox.NamedNode(i)) for i in SCHEMA_CLASSES}
    reflexive_skipped = {gid(ox.NamedNode(i)) for i in _REFLEXIVE}
    state = {"schema_dirty": False}
    bwd = graph.bwd

    def add(s: int, p: int, o: int) -> bool:
        if s == o and p in reflexive_skipped:
            return False
        by_subject = fwd.get(p)
        if by_subject is None:
            by_subject = fwd[p] = {}
        objects = by_subject.get(s)
        if objects is None:
            by_subject[s] = {o}
        elif o in objects:
            return False
        else:
            objects.add(o)
        back = bwd.get(p)
        if back is not None:
            subjects = back.get(o)
            if subjects is None:
                back[o] = {s}
            else:
                subjects.add(s)
        graph.size += 1
        inferred.append((s, p, o))
        agenda.append((s, p, o))
        if p in schema_preds or (p == type_id and o in schema_classes):
            state["schema_dirty"] = True
        return True

    _one_time_rules(graph, add, literals)
    agenda.clear()  # the whole graph is visited in the first round anyway
    rounds = 0
    while True:
        rounds += 1
        state["schema_dirty"] = False
        _close_schema(graph, add)
        _check_supported(graph)
        schema = _compile(graph)
        for p in schema.backward_predicates():
            if p not in bwd:
                graph.index_backward(p)
        # Every triple is (re)visited once per round; a round ends when the agenda is empty.
        agenda.extend(graph.triples())
        _run(graph, schema, agenda, add, type_id)
        if not state["schema_dirty"]:
            break
    found = _inconsistencies(graph, type_id, literals) + lexical
    by_message: dict[str, tuple[str, int | None, str]] = {}
    for rule, focus, message in found:  # one per message, as owlrl keeps them; cax-dw comes before cax-adc
        if message not in by_message:
            focus = None if focus is None or type(graph.terms[focus]) is ox.Literal else focus
            by_message[message] = (rule, focus, message)
    inconsistencies = [by_message[m] for m in sorted(by_message)]
    kept = _clean(graph, inferred)
    return Result(graph, kept, [m for _, _, m in inconsistencies], rounds, inconsistencies)


def _lexical_inconsistencies(graph: IdGraph, literals: _Literals) -> list[tuple[str, int | None, str]]:
    """dt-not-type: each ill-typed literal, about the first subject (in N-Triples order) that states it."""
    if not literals.ill_typed:
        return []
    wanted = set(literals.ill_typed)
    subjects: dict[int, list[int]] = {}
    for by_subject in graph.fwd.values():
        for s, objects in by_subject.items():
            for o in wanted.intersection(objects):
                subjects.setdefault(o, []).append(s)
    terms = graph.terms
    out = []
    for i in literals.ill_typed:
        focus = min(subjects.get(i, ()), key=lambda s: str(terms[s]), default=None)
        out.append(("dt-not-type", focus, LEXICAL_ERROR.format(terms[i].value, terms[i].datatype.value)))
    return out


def _run(graph: IdGraph, schema: Schema, agenda: list, add, type_id: int) -> None:
    fwd, bwd = graph.fwd, graph.bwd
    superclasses, superproperties = schema.superclasses, schema.superproperties
    domains, ranges, inverses = schema.domains, schema.ranges, schema.inverses
    symmetric, transitive = schema.symmetric, schema.transitive
    chains, chain_positions = schema.chains, schema.chain_positions
    # Most predicates take part in no rule: one set lookup skips them.
    active = (set(superproperties) | set(domains) | set(ranges) | set(inverses) | set(symmetric)
              | set(transitive) | set(chain_positions))
    pop = agenda.pop
    empty = ()
    while agenda:
        s, p, o = pop()
        if p == type_id:
            for d in superclasses.get(o, empty):
                add(s, type_id, d)
            if p not in active:
                continue
        elif p not in active:
            continue
        for q in superproperties.get(p, empty):
            add(s, q, o)
        for c in domains.get(p, empty):
            add(s, type_id, c)
        for c in ranges.get(p, empty):
            add(o, type_id, c)
        for q in inverses.get(p, empty):
            add(o, q, s)
        if p in symmetric:
            add(o, p, s)
        if p in transitive:
            for z in list(fwd[p].get(o, empty)):
                add(s, p, z)
            for w in list(bwd[p].get(s, empty)):
                add(w, p, o)
        positions = chain_positions.get(p)
        if positions:
            for n, pos in positions:
                target, chain = chains[n]
                starts = {s}
                for member in reversed(chain[:pos]):
                    back = bwd[member]
                    starts = {w for x in starts for w in back.get(x, empty)}
                    if not starts:
                        break
                if not starts:
                    continue
                ends = {o}
                for member in chain[pos + 1:]:
                    forward = fwd.get(member, {})
                    ends = {z for x in ends for z in forward.get(x, empty)}
                    if not ends:
                        break
                for a in sorted(starts):
                    for b in sorted(ends):
                        add(a, target, b)



def _inconsistencies(graph: IdGraph, type_id: int, literals: _Literals) -> list[tuple[str, int | None, str]]:
    """owlrl's messages for the inconsistency rules this engine covers, as (rule, focus id, message)."""
    k, term = graph.known, graph.terms
    name = lambda i: term[i].value  # noqa: E731  (owlrl formats rdflib terms with %s)
    instances = graph.bwd.get(type_id, {})
    datatypes = {k(iri): iri for iri in OWL_RL_DATATYPES if k(iri) is not None}
    cache: dict[int, set[int]] = {}

    def members(c: int) -> set[int]:
        """The instances of ``c`` in owlrl's closure: the typed ones, and the literals it types by datatype."""
        found = cache.get(c)
        if found is None:
            found = instances.get(c, set())
            if c in datatypes:
                found = found | literals.of(datatypes[c])
            cache[c] = found
        return found

    errors: list[tuple[str, int | None, str]] = []
    dw = k(DISJOINT)
    if dw is not None:
        for c1, others in graph.fwd.get(dw, {}).items():
            for c2 in others:
                for x in members(c1) & members(c2):
                    errors.append(("cax-dw", x,
                                   f"Disjoint classes {name(c1)} and {name(c2)} have a common individual {name(x)}"))
    adc, members_p = k(ALL_DISJOINT_CLASSES), k(MEMBERS)
    if adc is not None and members_p is not None:
        for x in instances.get(adc, ()):
            for head in graph.objects(x, members_p):
                classes = _members(graph, head)
                for i in range(len(classes) - 1):
                    for z in members(classes[i]):
                        for cl2 in classes[i + 1:]:
                            if z in members(cl2):
                                errors.append(("cax-adc", z, f"Disjoint classes {name(classes[i])} and {name(cl2)} "
                                                             f"have a common individual {name(z)}"))
    nothing = k(NOTHING)
    if nothing is not None:
        for x in members(nothing):
            errors.append(("cls-nothing2", x, f"{name(x)} is defined of type 'Nothing'"))
    for p in instances.get(k(IRREFLEXIVE), ()) if k(IRREFLEXIVE) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            if x in objects:
                errors.append(("prp-irp", x, f"Irreflexive property used on {name(x)} with {name(p)}"))
    for p in instances.get(k(ASYMMETRIC), ()) if k(ASYMMETRIC) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            for y in objects:
                if graph.has(y, p, x):
                    errors.append(("prp-asyp", x,
                                   f"Erroneous usage of asymmetric property {name(p)} on {name(x)} and {name(y)}"))
    pdw = k(PROPERTY_DISJOINT)
    if pdw is not None:
        for p1, others in graph.fwd.get(pdw, {}).items():
            for p2 in others:
                for x, objects in graph.fwd.get(p1, {}).items():
                    for y in objects:
                        if graph.has(x, p2, y):
                            errors.append(("prp-pdw", x, f"Erroneous usage of disjoint properties {name(p1)} and "
                                                         f"{name(p2)} on {name(x)} and {name(y)}"))
    adp = k(ALL_DISJOINT_PROPERTIES)
    if adp is not None and members_p is not None:
        for x in instances.get(adp, ()):
            for head in graph.objects(x, members_p):
                props = _members(graph, head, vocabulary_allowed=False)
                # owlrl stops one short of the end of the list (range(0, len - 1) twice): kept for parity
                for i in range(len(props) - 1):
                    for j in range(i + 1, len(props) - 1):
                        for s, objects in graph.fwd.get(props[i], {}).items():
                            for o in objects:
                                if graph.has(s, props[j], o):
                                    errors.append((
                                        "prp-adp", s,
                                        "Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
                                        f"({name(s)}, {name(props[i])},{name(o)}) and "
                                        f"({name(s)},{name(props[j])},{name(o)})"))
    return errors


def _clean(graph: IdGraph, inferred: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """kg's cleaning (keep_terms) on ids: drop what no consumer wants, from the list and the graph; and, as
    owlrl does last, the generalised triples whose predicate is a blank node (``[ owl:inverseOf ex:p ]``).

    The verdict depends on the terms alone, so it is computed once per term and
    predicate pair and the triples are then judged by set lookups."""
    terms = graph.terms
    bad_subjects, reflexive, top_objects, top_predicates, blank = set(), set(), set(), set(), set()
    for i, term in enumerate(terms):
        if isinstance(term, ox.Literal):
            bad_subjects.add(i)
            continue
        value = term.value
        if isinstance(term, ox.BlankNode):
            blank.add(i)
        if (isinstance(term, ox.NamedNode) and value.startswith(VOCAB_NAMESPACES)) or value.startswith(
                ns.OWLRL_ERROR):
            bad_subjects.add(i)
        if value in _REFLEXIVE:
            reflexive.add(i)
        if value in _TOP_PREDICATES:
            top_predicates.add(i)
        if isinstance(term, ox.NamedNode) and (value in _TOP or value.startswith(ns.OWLRL_ERROR)):
            top_objects.add(i)
    agent_objects = {i for i in top_objects if terms[i].value.startswith(ns.OWLRL_ERROR)}
    kept, dropped = [], []
    for triple in inferred:
        s, p, o = triple
        if (s in bad_subjects or (s == o and p in reflexive) or o in agent_objects
                or (o in top_objects and p in top_predicates) or p in blank):
            dropped.append(triple)
        else:
            kept.append(triple)
    for s, p, o in dropped:
        graph.remove(s, p, o)
    return kept


# ------------------------------------------------------------------ lexical spaces (dt-not-type)
# XML Schema 1.1 and RDF 1.1, for the datatypes owlrl checks.  owlrl's own checks reject valid forms
# ("0.0" and "INF" as xsd:float, "0.0" as xsd:double, "" as xsd:hexBinary) and accept invalid ones
# (Python's int() takes " 1" and "1_000"): kg.reason uses this one for both engines.
_D = r"[0-9]"
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
        text, at, lang = value.rpartition("@")
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
