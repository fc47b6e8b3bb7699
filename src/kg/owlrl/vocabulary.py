"""The terms the rules are made of: IRIs, what the engine compiles or declines, owlrl's datatype tables."""

from __future__ import annotations

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
# What this engine leaves to owlrl (kg.owlrl.declines, docs/ENGINES.md).
UNSUPPORTED_PREDICATES = {OWL + n for n in (
    "sameAs", "differentFrom", "distinctMembers", "hasKey", "onProperty", "onClass", "someValuesFrom",
    "allValuesFrom", "hasValue", "maxCardinality", "maxQualifiedCardinality", "intersectionOf", "unionOf",
    "complementOf", "oneOf", "sourceIndividual", "assertionProperty", "targetIndividual", "targetValue")}
UNSUPPORTED_CLASSES = {OWL + n for n in (
    "FunctionalProperty", "InverseFunctionalProperty", "AllDifferent", "NegativePropertyAssertion")}
# Property characteristics no term of the rdf/rdfs/owl/xsd vocabularies may have (kg.owlrl.declines).
CHARACTERISTICS = (TRANSITIVE, SYMMETRIC, ASYMMETRIC, IRREFLEXIVE)

# Reflexive triples of these are cleaned away, and inert (every guard in owlrl's rules skips them): never made.
REFLEXIVE = {OWL + "sameAs", SUBCLASS, EQ_CLASS, SUBPROPERTY, EQ_PROPERTY}
# Triples of these predicates to these objects are cleaned away.
TOP = {RDFS + "Resource", OWL + "Thing"}
TOP_PREDICATES = {RDF + "type", RDFS + "subClassOf", RDFS + "domain", RDFS + "range"}


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


def is_vocabulary(term) -> bool:
    """Whether ``term`` (pyoxigraph) is an IRI of the rdf, rdfs, owl or xsd vocabularies."""
    return isinstance(term, ox.NamedNode) and term.value.startswith(VOCAB_NAMESPACES)
