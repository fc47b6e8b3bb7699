"""A fast OWL 2 RL engine: owlrl's rules, evaluated semi-naively over integer ids.

owlrl (the reference, kept as a dependency) applies every rule to every
triple of an rdflib graph, again and again, until a whole pass adds nothing:
at a million triples that takes over ten minutes.  This engine computes the
same closure in one pass over an agenda of new triples:

* the schema (class and property axioms) is closed first with owlrl's
  ``scm-*`` rules and compiled into lookup tables: the superclasses and
  superproperties of each term, domains, ranges, inverses, symmetric and
  transitive properties, property chains;
* every triple, asserted or inferred, is then taken from the agenda once and
  joined with the triples already known (``cax-sco``, ``cax-eqc``,
  ``prp-dom``, ``prp-rng``, ``prp-spo1``, ``prp-spo2``, ``prp-eqp``,
  ``prp-inv``, ``prp-symp``, ``prp-trp``);
* when inference adds a schema triple the schema is compiled again and every
  triple revisited, so the fixpoint is owlrl's;
* the inconsistency rules (``cax-dw``, ``cax-adc``, ``cls-nothing2``,
  ``prp-irp``, ``prp-asyp``, ``prp-pdw``, ``prp-adp``) run on the closure and
  give owlrl's messages.

What it leaves out, with the reason:

* triples that kg's cleaning drops anyway and that feed no other rule:
  reflexive ``sameAs`` / ``subClassOf`` / ``equivalentClass`` /
  ``subPropertyOf`` / ``equivalentProperty`` (every guard in owlrl's rules
  skips them), the typing of literals by their datatype and the axiomatic
  triples about the rdf, rdfs, owl and xsd vocabularies;
* the lexical check of literals: kg.load rejects ill-typed literals first.

Inputs that need the rest of OWL RL (equality: ``owl:sameAs``, functional
and inverse-functional properties, keys, cardinalities; class constructors:
restrictions, intersections, unions, complements, enumerations; negative
assertions; statements about the rdf/rdfs/owl/xsd vocabularies themselves)
raise :class:`Unsupported`, and kg.reason falls back to owlrl.  A test
proves this engine's closure and inconsistencies equal owlrl's on the seed
graph and on generated data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import namespaces as ns

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


# Reflexive triples of these are cleaned away, and inert (every guard in owlrl's rules skips them): never made.
_REFLEXIVE = {OWL + "sameAs", SUBCLASS, EQ_CLASS, SUBPROPERTY, EQ_PROPERTY}
_TOP = {RDFS + "Resource", OWL + "Thing"}
_TOP_PREDICATES = {RDF + "type", RDFS + "subClassOf", RDFS + "domain", RDFS + "range"}


def keep_terms(s, p, o) -> bool:
    """Whether an inferred triple (pyoxigraph terms) is worth keeping: kg's cleaning, the same for both
    engines (kg.reason's docstring lists what it drops)."""
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

    def list_items(self, head: int) -> list[int]:
        """The members of an rdf:List."""
        first, rest, nil = self.known(FIRST), self.known(REST), self.known(NIL)
        out, seen = [], set()
        while head != nil and head not in seen:
            seen.add(head)
            items = self.objects(head, first)
            if not items:
                break
            out.append(next(iter(items)))
            nxt = self.objects(head, rest)
            if not nxt:
                break
            head = next(iter(nxt))
        return out


@dataclass
class Result:
    graph: IdGraph  # the cleaned closure
    inferred: list[tuple[int, int, int]]  # cleaned, in the order found
    errors: list[str]
    rounds: int


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
    # Axioms about the vocabularies the rules themselves are made of.
    for iri in (SUBCLASS, SUBPROPERTY, DOMAIN, RANGE, EQ_CLASS, EQ_PROPERTY, INVERSE, CHAIN):
        p = graph.known(iri)
        for s in graph.fwd.get(p, {}) if p is not None else ():
            term = graph.terms[s]
            if isinstance(term, ox.NamedNode) and term.value.startswith(VOCAB_NAMESPACES) and term.value not in (
                    THING, NOTHING):
                raise Unsupported(f"the data states <{iri}> of <{term.value}>")


def _check_no_datatype_instances(graph: IdGraph, type_id: int) -> None:
    """owlrl's datatype rules add supertypes to a resource *asserted* to be of
    an XSD datatype (the other datatype triples have literal or xsd subjects
    and are cleaned away)."""
    for c, instances in graph.bwd.get(type_id, {}).items():
        term = graph.terms[c]
        if isinstance(term, ox.NamedNode) and term.value.startswith(XSD):
            if any(not isinstance(graph.terms[x], ox.Literal) for x in instances):
                raise Unsupported(f"the data types a resource as the datatype <{term.value}>")


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

    def table(pred_iri) -> dict[int, tuple[int, ...]]:
        p = k(pred_iri)
        if p is None:
            return {}
        return {s: tuple(sorted(o for o in objects if o != s)) for s, objects in graph.fwd.get(p, {}).items()}

    schema.superclasses = {c: sup for c, sup in table(SUBCLASS).items() if sup}
    schema.superproperties = {p: sup for p, sup in table(SUBPROPERTY).items() if sup}
    schema.domains = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(DOMAIN), {}).items()} if k(DOMAIN) else {}
    schema.ranges = {p: tuple(sorted(c)) for p, c in graph.fwd.get(k(RANGE), {}).items()} if k(RANGE) else {}
    inverses: dict[int, set[int]] = {}
    inv = k(INVERSE)
    if inv is not None:
        for p1, others in graph.fwd.get(inv, {}).items():
            for p2 in others:
                inverses.setdefault(p1, set()).add(p2)
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
                chain = tuple(graph.list_items(head))
                if chain:
                    schema.chains.append((p, chain))
    for n, (_p, chain) in enumerate(schema.chains):
        for pos, member in enumerate(chain):
            schema.chain_positions.setdefault(member, []).append((n, pos))
    return schema


def _is_schema_triple(graph: IdGraph, p: int, o: int, schema_preds: set[int], schema_classes: set[int],
                      type_id: int) -> bool:
    return p in schema_preds or (p == type_id and o in schema_classes)


def closure(triples) -> Result:
    """The OWL RL closure of ``triples`` (pyoxigraph triples or quads; graph names ignored), cleaned."""
    graph = IdGraph.from_triples(triples)
    gid, fwd = graph.id, graph.fwd
    _check_supported(graph)
    type_id = gid(ox.NamedNode(TYPE))
    graph.index_backward(type_id)
    _check_no_datatype_instances(graph, type_id)
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
    errors = _inconsistencies(graph, type_id)
    kept = _clean(graph, inferred)
    return Result(graph, kept, errors, rounds)


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


def _inconsistencies(graph: IdGraph, type_id: int) -> list[str]:
    """owlrl's messages for the inconsistency rules this engine covers."""
    k, term = graph.known, graph.terms
    name = lambda i: term[i].value  # noqa: E731  (owlrl formats rdflib terms with %s)
    instances = graph.bwd.get(type_id, {})
    errors: list[str] = []
    dw = k(DISJOINT)
    if dw is not None:
        for c1, others in graph.fwd.get(dw, {}).items():
            for c2 in others:
                for x in sorted(instances.get(c1, set()) & instances.get(c2, set())):
                    errors.append(f"Disjoint classes {name(c1)} and {name(c2)} have a common individual {name(x)}")
    adc, members = k(ALL_DISJOINT_CLASSES), k(MEMBERS)
    if adc is not None and members is not None:
        for x in instances.get(adc, ()):
            for head in graph.objects(x, members):
                classes = graph.list_items(head)
                for i in range(len(classes) - 1):
                    for z in instances.get(classes[i], ()):
                        for cl2 in classes[i + 1:]:
                            if z in instances.get(cl2, ()):
                                errors.append(f"Disjoint classes {name(classes[i])} and {name(cl2)} "
                                              f"have a common individual {name(z)}")
    nothing = k(NOTHING)
    if nothing is not None:
        for x in instances.get(nothing, ()):
            errors.append(f"{name(x)} is defined of type 'Nothing'")
    for p in instances.get(k(IRREFLEXIVE), ()) if k(IRREFLEXIVE) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            if x in objects:
                errors.append(f"Irreflexive property used on {name(x)} with {name(p)}")
    for p in instances.get(k(ASYMMETRIC), ()) if k(ASYMMETRIC) is not None else ():
        for x, objects in graph.fwd.get(p, {}).items():
            for y in objects:
                if graph.has(y, p, x):
                    errors.append(f"Erroneous usage of asymmetric property {name(p)} on {name(x)} and {name(y)}")
    pdw = k(PROPERTY_DISJOINT)
    if pdw is not None:
        for p1, others in graph.fwd.get(pdw, {}).items():
            for p2 in others:
                for x, objects in graph.fwd.get(p1, {}).items():
                    for y in objects:
                        if graph.has(x, p2, y):
                            errors.append(f"Erroneous usage of disjoint properties {name(p1)} and {name(p2)} "
                                          f"on {name(x)} and {name(y)}")
    adp = k(ALL_DISJOINT_PROPERTIES)
    if adp is not None and members is not None:
        for x in instances.get(adp, ()):
            for head in graph.objects(x, members):
                props = graph.list_items(head)
                # owlrl stops one short of the end of the list (range(0, len - 1) twice): kept for parity
                for i in range(len(props) - 1):
                    for j in range(i + 1, len(props) - 1):
                        for s, objects in graph.fwd.get(props[i], {}).items():
                            for o in objects:
                                if graph.has(s, props[j], o):
                                    errors.append(
                                        "Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
                                        f"({name(s)}, {name(props[i])},{name(o)}) and "
                                        f"({name(s)},{name(props[j])},{name(o)})")
    return sorted(set(errors))


def _clean(graph: IdGraph, inferred: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """kg's cleaning (keep_terms) on ids: drop what no consumer wants, from the list and the graph.

    The verdict depends on the terms alone, so it is computed once per term and
    predicate pair and the triples are then judged by set lookups."""
    terms = graph.terms
    bad_subjects, reflexive, top_objects, top_predicates = set(), set(), set(), set()
    for i, term in enumerate(terms):
        if isinstance(term, ox.Literal):
            bad_subjects.add(i)
            continue
        value = term.value
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
                or (o in top_objects and p in top_predicates)):
            dropped.append(triple)
        else:
            kept.append(triple)
    for s, p, o in dropped:
        graph.remove(s, p, o)
    return kept
