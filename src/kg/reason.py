"""OWL RL reasoning: the inferred triples of the asserted dataset, cleaned.

Two engines give the same answer (a test proves it on the seed graph and on
generated data):

* ``rules`` (the default): kg.rules, a semi-naive evaluation of owlrl's rules
  over integer ids; it keeps its index of the closure for the fast SHACL
  validator.  Inputs that need OWL RL rules it does not implement make it
  hand over to owlrl, and the build says so.
* ``owlrl``: the reference, owlrl's forward chaining on an rdflib graph.

The result is only the *inferred* triples (closure minus asserted), without:

* reflexive ``owl:sameAs`` (and the other trivially reflexive axioms:
  ``x rdfs:subClassOf x``, ``x owl:equivalentClass x``,
  ``p rdfs:subPropertyOf p``, ``p owl:equivalentProperty p``);
* triples whose subject is a literal;
* the axiomatic triples about the rdf/rdfs/owl/xsd vocabularies themselves
  (any triple whose subject is a term of those namespaces);
* ``rdf:type rdfs:Resource`` / ``rdf:type owl:Thing`` on everything, and
  the equally empty ``rdfs:subClassOf``, ``rdfs:domain``, ``rdfs:range``
  ``owl:Thing`` / ``rdfs:Resource``.

Inconsistencies (owlrl's error messages) become a ReasoningError.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import ReasoningError
from kg.rules import keep_terms

ENGINES = ("rules", "owlrl")
AGENT = ns.OWLRL_ERROR

@dataclass
class Inference:
    """What reasoning added, and how."""

    inferred: list[ox.Triple]  # cleaned, sorted
    engine: str  # the engine that produced it
    index: object | None = None  # kg.rules.IdGraph of the cleaned closure (rules engine only)
    note: str | None = None  # why the engine differs from the one asked for


def infer(quads, engine: str = "rules") -> Inference:
    """The cleaned OWL RL inferences of ``quads`` (graph names ignored)."""
    if engine not in ENGINES:
        raise ReasoningError(f"unknown reasoning engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "rules":
        from kg import rules

        try:
            result = rules.closure(quads)
        except rules.Unsupported as exc:
            inference = infer(quads, "owlrl")
            inference.note = f"reasoned with owlrl: {exc}, which the rules engine leaves to the reference"
            return inference
        _raise_on(result.errors)
        terms = result.graph.terms
        inferred = sorted((ox.Triple(terms[s], terms[p], terms[o]) for s, p, o in result.inferred), key=str)
        return Inference(inferred, "rules", index=result.graph)
    inferred, problems = owlrl_closure(quads)
    _raise_on(problems)
    return Inference(inferred, "owlrl")


def _raise_on(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReasoningError(f"the ontology and data are inconsistent under OWL RL: {problems[0]}{more}")


def owlrl_closure(quads) -> tuple[list[ox.Triple], list[str]]:
    """The reference: owlrl's cleaned inferences and its inconsistency messages."""
    from owlrl import DeductiveClosure, OWLRL_Semantics
    from rdflib import RDF as R
    from rdflib import Literal, URIRef, term

    from kg.load import from_rdflib, rdflib_graph

    graph = rdflib_graph(quads)
    asserted = set(graph)
    # owlrl installs its own lexical converters for xsd datatypes and leaves them
    # behind; its gMonthDay one rejects valid values such as "--06-17", so a
    # later SHACL run in the same process would report false violations.
    converters = dict(term._toPythonMapping)
    try:
        DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(converters)
    problems = sorted({" ".join(str(text).split())
                       for node in graph.subjects(R.type, URIRef(AGENT + "ErrorMessage"))
                       for text in graph.objects(node, URIRef(AGENT + "error"))})
    conv = functools.lru_cache(maxsize=None)(from_rdflib)  # terms repeat: convert each once
    out = []
    for s, p, o in graph:
        if (s, p, o) in asserted or isinstance(s, Literal):
            continue
        t = ox.Triple(conv(s), conv(p), conv(o))
        if keep_terms(t.subject, t.predicate, t.object):
            out.append(t)
    return sorted(out, key=str), problems
