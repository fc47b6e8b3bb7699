"""Random ontologies and data in the subset kg.owlrl claims, and the comparison of kg's default
reasoning path with owlrl on them, shared by tests/engines/test_reason_fuzz.py (hypothesis) and
benchmarks/bench_reason.py (a seeded corpus).

A case draws a few axioms (subclass, subproperty, equivalence, domain, range, inverse, symmetric,
transitive, chains, disjointness with AllDisjointClasses/Properties, irreflexive, asymmetric,
owl:Thing/owl:Nothing, datatypes as classes), facts, vocabulary terms used as properties, anonymous
inverse properties, and literals in odd places (valid and ill-typed ones)."""

from __future__ import annotations

import pyoxigraph as ox

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "https://example.org/"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE = _n(RDF + "type")
CLASSES = [_n(f"{EX}C{i}") for i in range(5)]
TOP_BOTTOM = [_n(OWL + "Thing"), _n(OWL + "Nothing")]
DATATYPES = [_n(XSD + n) for n in ("integer", "decimal", "boolean", "string", "byte", "NMTOKEN", "Name")]
PROPERTIES = [_n(f"{EX}p{i}") for i in range(5)]
INDIVIDUALS = [_n(f"{EX}i{i}") for i in range(5)] + [ox.BlankNode("b0"), ox.BlankNode("b1")]
# vocabulary terms a user property may be a subproperty of (so that facts become axioms and types)
VOCAB_PROPERTIES = [_n(RDF + "type"), _n(RDFS + "subClassOf"), _n(RDFS + "subPropertyOf"), _n(RDFS + "domain"),
                    _n(RDFS + "range"), _n(OWL + "equivalentClass"), _n(OWL + "inverseOf"), _n(OWL + "disjointWith"),
                    _n(RDFS + "label"), _n(OWL + "propertyDisjointWith")]
VOCAB_CLASSES = [_n(OWL + "Class"), _n(OWL + "TransitiveProperty"), _n(OWL + "SymmetricProperty"),
                 _n(OWL + "ObjectProperty"), _n(OWL + "IrreflexiveProperty"), _n(OWL + "AsymmetricProperty")]


def _lit(value: str, datatype: str | None = None, language: str | None = None) -> ox.Literal:
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=_n(datatype)) if datatype else ox.Literal(value)


LITERALS = [
    _lit("1", XSD + "integer"), _lit("01", XSD + "integer"), _lit("1", XSD + "byte"), _lit("300", XSD + "byte"),
    _lit("-1", XSD + "nonNegativeInteger"), _lit("1.5", XSD + "decimal"), _lit("1e3", XSD + "decimal"),
    _lit("true", XSD + "boolean"), _lit("yes", XSD + "boolean"), _lit("abc"), _lit("abc", language="en"),
    _lit("0.0", XSD + "float"), _lit("-0.0", XSD + "float"), _lit("INF", XSD + "float"), _lit("0.0", XSD + "double"),
    _lit("NaN", XSD + "double"), _lit("x", XSD + "NMTOKEN"), _lit(".5", XSD + "NMTOKEN"), _lit("a b", XSD + "NMTOKEN"),
    _lit("2020-02-29", XSD + "date"), _lit("2021-02-29", XSD + "date"), _lit("2020-01-01T10:00:00Z", XSD + "dateTime"),
    _lit("", XSD + "hexBinary"), _lit("0A", XSD + "hexBinary"), _lit("x", EX + "custom"), _lit("x y", XSD + "token"),
    _lit("a@en", RDF + "PlainLiteral"), _lit("<a>b</a>", RDF + "XMLLiteral"),
]


class RandomDraw:
    """Draws from a random.Random (the benchmark's seeded corpus)."""

    def __init__(self, rng):
        self.rng = rng

    def choice(self, seq):
        return self.rng.choice(seq)

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


class HypothesisDraw:
    """Draws from hypothesis's ``data()`` (shrinkable)."""

    def __init__(self, data):
        self.data = data

    def choice(self, seq):
        from hypothesis import strategies as st

        return self.data.draw(st.sampled_from(seq))

    def integer(self, low: int, high: int) -> int:
        from hypothesis import strategies as st

        return self.data.draw(st.integers(low, high))


def case(draw) -> list[ox.Quad]:
    """One random input: axioms, then facts."""
    triples: list[tuple] = []
    lists = [0]

    def rdf_list(items) -> ox.BlankNode | ox.NamedNode:
        head = _n(RDF + "nil")
        for item in reversed(items):
            lists[0] += 1
            node = ox.BlankNode(f"l{lists[0]}")
            triples.append((node, _n(RDF + "first"), item))
            triples.append((node, _n(RDF + "rest"), head))
            head = node
        return head

    anonymous = []  # [ owl:inverseOf p ] property expressions

    def cls(datatypes: bool = True):
        """A class; a datatype only where owlrl takes one (a superclass, a range, one side of a
        disjointness): as a subject or a resource's type it is left to owlrl, which would make this a
        test of owlrl alone."""
        pool = draw.choice([CLASSES, CLASSES, CLASSES, TOP_BOTTOM] + ([DATATYPES] if datatypes else []))
        return draw.choice(pool)

    def prop():
        if anonymous and draw.integer(0, 5) == 0:
            return draw.choice(anonymous)
        return draw.choice(PROPERTIES)

    def node():
        return draw.choice(draw.choice([INDIVIDUALS, INDIVIDUALS, CLASSES, PROPERTIES, TOP_BOTTOM]))

    def value():
        return draw.choice(draw.choice([INDIVIDUALS, INDIVIDUALS, LITERALS, CLASSES]))

    for _ in range(draw.integer(1, 10)):
        kind = draw.integer(0, 21)
        if kind <= 2:
            triples.append((cls(False), _n(RDFS + "subClassOf"), cls()))
        elif kind == 3:
            triples.append((cls(False), _n(OWL + "equivalentClass"), cls(False)))
        elif kind == 4:
            triples.append((prop(), _n(RDFS + "subPropertyOf"), prop()))
        elif kind == 5:
            triples.append((prop(), _n(OWL + "equivalentProperty"), prop()))
        elif kind == 6:
            triples.append((prop(), _n(RDFS + "domain"), cls()))
        elif kind == 7:
            triples.append((prop(), _n(RDFS + "range"), draw.choice([cls(), draw.choice(DATATYPES)])))
        elif kind == 8:
            triples.append((prop(), _n(OWL + "inverseOf"), prop()))
        elif kind == 9:
            b = ox.BlankNode(f"inv{len(anonymous)}")
            triples.append((b, _n(OWL + "inverseOf"), draw.choice(PROPERTIES)))
            anonymous.append(b)
        elif kind == 10:
            characteristic = draw.choice(["TransitiveProperty", "SymmetricProperty", "AsymmetricProperty",
                                          "IrreflexiveProperty"])
            triples.append((prop(), TYPE, _n(OWL + characteristic)))
        elif kind == 11:
            chain = [prop() for _ in range(draw.integer(1, 3))]
            triples.append((draw.choice(PROPERTIES), _n(OWL + "propertyChainAxiom"), rdf_list(chain)))
        elif kind == 12:
            triples.append((cls(), _n(OWL + "disjointWith"), cls()))
        elif kind == 13:
            members = [cls() for _ in range(draw.integer(2, 4))]
            x = ox.BlankNode(f"adc{kind}{len(triples)}")
            triples += [(x, TYPE, _n(OWL + "AllDisjointClasses")), (x, _n(OWL + "members"), rdf_list(members))]
        elif kind == 14:
            triples.append((prop(), _n(OWL + "propertyDisjointWith"), prop()))
        elif kind == 15:
            members = [prop() for _ in range(draw.integer(2, 4))]
            x = ox.BlankNode(f"adp{len(triples)}")
            triples += [(x, TYPE, _n(OWL + "AllDisjointProperties")), (x, _n(OWL + "members"), rdf_list(members))]
        elif kind == 16:
            triples.append((draw.choice(CLASSES + TOP_BOTTOM), TYPE, _n(OWL + "Class")))
        elif kind == 17:
            triples.append((prop(), TYPE, _n(OWL + draw.choice(["ObjectProperty", "DatatypeProperty"]))))
        elif kind == 18:  # a vocabulary term as a superproperty: facts that are axioms
            triples.append((draw.choice(PROPERTIES), _n(RDFS + "subPropertyOf"), draw.choice(VOCAB_PROPERTIES)))
        elif kind == 19:  # a term of the schema vocabulary as an ordinary value
            triples.append((prop(), draw.choice([_n(RDFS + "range"), _n(RDFS + "domain")]),
                            draw.choice(VOCAB_CLASSES)))
        else:  # literals in odd places: as classes, properties, superclasses
            triples.append((draw.choice(CLASSES + PROPERTIES),
                            draw.choice([_n(RDFS + "subClassOf"), _n(RDFS + "subPropertyOf"), _n(RDFS + "domain"),
                                         _n(RDFS + "range"), _n(OWL + "inverseOf")]), draw.choice(LITERALS)))
    for _ in range(draw.integer(0, 12)):
        kind = draw.integer(0, 3)
        if kind == 0:
            triples.append((draw.choice(INDIVIDUALS), TYPE, cls(False)))
        else:
            triples.append((node(), draw.choice(PROPERTIES), value()))
    return [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples]


def as_turtle(quads) -> str:
    """A case as N-Triples, for a failure message or a file."""
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)


def compare(quads) -> dict:
    """kg's default path and the reference on ``quads``, through kg.reason's public functions; the
    differences found (empty lists: none) and the engine kg's default path used."""
    from kg import reason

    fast = reason.infer(quads, "kg", collect=True)
    ref = reason.infer(quads, "owlrl", collect=True)
    fast_set, ref_set = set(map(str, fast.inferred)), set(map(str, ref.inferred))
    out = {
        "engine": fast.engine,
        "kg_only": sorted(fast_set - ref_set),
        "owlrl_only": sorted(ref_set - fast_set),
        "inconsistencies": [] if fast.inconsistencies == ref.inconsistencies else [
            list(map(str, fast.inconsistencies)), list(map(str, ref.inconsistencies))],
        "index": [],
        "inconsistent": bool(ref.inconsistencies),
    }
    if fast.index is not None:  # the index the SHACL validator reads is the cleaned closure, exactly
        graph = fast.index
        indexed = {str(ox.Triple(graph.terms[s], graph.terms[p], graph.terms[o])) for s, p, o in graph.triples()}
        closure = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads} | fast_set
        out["index"] = sorted(indexed ^ closure)
    return out


def differs(result: dict) -> bool:
    return any(result[k] for k in ("kg_only", "owlrl_only", "inconsistencies", "index"))
