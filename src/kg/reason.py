"""OWL RL closure with owlrl, cleaned of what no consumer wants.

``infer(quads)`` returns only the *inferred* triples (closure minus asserted),
without:

* reflexive ``owl:sameAs`` (and the other trivially reflexive axioms:
  ``x rdfs:subClassOf x``, ``x owl:equivalentClass x``,
  ``p rdfs:subPropertyOf p``, ``p owl:equivalentProperty p``);
* triples whose subject is a literal;
* the axiomatic triples about the rdf/rdfs/owl/xsd vocabularies themselves
  (any triple whose subject is a term of those namespaces);
* ``rdf:type rdfs:Resource`` / ``rdf:type owl:Thing`` on everything, and
  the equally empty ``rdfs:subClassOf``, ``rdfs:domain``, ``rdfs:range``
  ``owl:Thing`` / ``rdfs:Resource``.

Inconsistencies that owlrl finds (nodes typed ``agent-ont#ErrorMessage``)
become a ReasoningError.
"""

from __future__ import annotations

import functools

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import ReasoningError
from kg.load import from_rdflib, rdflib_graph

AGENT = ns.OWLRL_ERROR
RDF = ns.PREFIXES["rdf"]
RDFS = ns.PREFIXES["rdfs"]
OWL = ns.PREFIXES["owl"]
XSD = ns.PREFIXES["xsd"]
VOCAB_NAMESPACES = (RDF, RDFS, OWL, XSD)

_REFLEXIVE = {
    OWL + "sameAs",
    RDFS + "subClassOf",
    OWL + "equivalentClass",
    RDFS + "subPropertyOf",
    OWL + "equivalentProperty",
}
_TOP = {RDFS + "Resource", OWL + "Thing"}
_TOP_PREDICATES = {RDF + "type", RDFS + "subClassOf", RDFS + "domain", RDFS + "range"}


def keep(s, p, o) -> bool:
    """Whether an inferred triple (rdflib terms) is worth keeping."""
    from rdflib import Literal, URIRef

    if isinstance(s, Literal):
        return False
    s_str = str(s)
    if isinstance(s, URIRef) and s_str.startswith(VOCAB_NAMESPACES):
        return False
    p_str = str(p)
    if p_str in _REFLEXIVE and s == o:
        return False
    o_str = str(o) if isinstance(o, URIRef) else None
    if o_str in _TOP and p_str in _TOP_PREDICATES:
        return False
    if s_str.startswith(AGENT) or (o_str or "").startswith(AGENT):
        return False
    return True


def _inconsistencies(graph) -> list[str]:
    from rdflib import RDF as R
    from rdflib import URIRef

    messages = []
    for node in graph.subjects(R.type, URIRef(AGENT + "ErrorMessage")):
        for text in graph.objects(node, URIRef(AGENT + "error")):
            messages.append(" ".join(str(text).split()))
    return sorted(set(messages))


class Closure:
    """The result of reasoning: ``inferred`` (pyoxigraph triples, cleaned) and
    ``graph`` (the rdflib graph of the whole cleaned closure, for SHACL)."""

    def __init__(self, inferred, graph):
        self.inferred = inferred
        self.graph = graph


def infer(quads) -> Closure:
    """The OWL RL closure of ``quads`` (graph names ignored), cleaned."""
    from owlrl import DeductiveClosure, OWLRL_Semantics
    from rdflib import term

    graph = rdflib_graph(quads)
    asserted = set(graph)
    # owlrl installs its own lexical converters for xsd datatypes and leaves them
    # behind; its gMonthDay one rejects valid values such as "--06-17", so a
    # second build in the same process would report false SHACL violations.
    converters = dict(term._toPythonMapping)
    try:
        DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(converters)
    problems = _inconsistencies(graph)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReasoningError(f"the ontology and data are inconsistent under OWL RL: {problems[0]}{more}")
    conv = functools.lru_cache(maxsize=None)(from_rdflib)  # terms repeat: convert each once

    out, dropped = [], []
    for s, p, o in graph:
        if (s, p, o) in asserted:
            continue
        if keep(s, p, o):
            out.append(ox.Triple(conv(s), conv(p), conv(o)))
        else:
            dropped.append((s, p, o))
    for t in dropped:
        graph.remove(t)
    return Closure(out, graph)
