"""Every namespace and prefix the project uses, in one place.

Identifiers live under one w3id-style base (see README, "Namespace"):

* ``https://w3id.org/stcoop/ontology#``      the ontology's terms (prefix ``stc``)
* ``https://w3id.org/stcoop/id/{kind}/{slug}`` the entities (one prefix per kind)
* ``https://w3id.org/stcoop/graph/{name}``    the named graphs that are not sources

This module imports nothing heavy, so the command line can start fast; the
rdflib ``Namespace`` objects are built on first use.
"""

from __future__ import annotations

import functools

BASE = "https://w3id.org/stcoop/"
ONTOLOGY_IRI = BASE + "ontology"
STC = ONTOLOGY_IRI + "#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

# The licence of the data and the ontology.
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
# owlrl reports an inconsistency as a node typed ErrorMessage in this namespace.
OWLRL_ERROR = "http://www.daml.org/2002/03/agents/agent-ont#"

# Named graphs that are not article sources.
ONTOLOGY_GRAPH = ONTOLOGY_IRI
INFERRED_GRAPH = GRAPH + "inferred"
CURATION_SOURCE = ID + "source/curation"
# The dataset as a whole (VoID / DCAT description of the dumps).
DATASET_IRI = BASE + "dataset"

# Kinds of entity, each with its own readable prefix and IRI folder.
ENTITY_KINDS = (
    "park",
    "place",
    "organisation",
    "person",
    "post",
    "role",
    "agreement",
    "event",
    "project",
    "sector",
    "measure",
    "observation",
    "source",
    "discrepancy",
    "service",
)

PREFIXES: dict[str, str] = {
    "stc": STC,
    "stcp": BASE + "profile#",
    **{kind: f"{ID}{kind}/" for kind in ENTITY_KINDS},
    "kgg": GRAPH,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "cur": "http://qudt.org/vocab/currency/",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "vann": "http://purl.org/vocab/vann/",
    "wd": "http://www.wikidata.org/entity/",
    "spdx": "http://spdx.org/rdf/terms#",
}


# The properties that name a thing, best first. Every display of a label (the
# validation report, `kg describe`, the web pages) picks it with best_label.
# XSD's integer datatypes, by local name: xsd:integer and every type derived from it.
XSD_INTEGER_TYPES = ("integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
                     "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                     "unsignedByte")
LABEL_PREDICATES = (
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["rdfs"] + "label",
    PREFIXES["dct"] + "title",
    PREFIXES["foaf"] + "name",
)


def label_rank(predicate: str, lang: str | None, text: str) -> tuple:
    """Sort key of a candidate label, smaller is better: skos:prefLabel@en,
    rdfs:label@en, any other prefLabel, any other rdfs:label (untagged before
    other languages), then dct:title, then foaf:name; ties by text, so the
    choice is stable."""
    index = LABEL_PREDICATES.index(predicate)
    lang_rank = 0 if lang == "en" else 1 if not lang else 2
    if index < 2:
        return (0, index, 0, text) if lang == "en" else (1, index, lang_rank, text)
    return (2, index, lang_rank, text)


def best_label(candidates) -> str | None:
    """The label to show from (predicate IRI, text, language) candidates (see label_rank)."""
    ranked = sorted(label_rank(p, lang, text) for p, text, lang in candidates if p in LABEL_PREDICATES)
    return ranked[0][-1] if ranked else None


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, for inline queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# The prefixes a data file uses: the entity kinds, the ontology and the vocabularies it cites.
DATA_PREFIXES = (*ENTITY_KINDS, "stc", "rdf", "rdfs", "xsd", "skos", "dct", "org", "foaf", "qudt", "unit", "cur", "wd")


def turtle_prologue(prefixes: dict[str, str] | None = None, names=None) -> str:
    """@prefix lines, aligned, for Turtle and TriG written by kg: of ``prefixes`` (the project's by
    default), only ``names`` if given."""
    prefixes = PREFIXES if prefixes is None else prefixes
    return "".join(f"@prefix {p + ':':<14}<{iri}> .\n" for p, iri in prefixes.items()
                   if names is None or p in names)


def expand_curie(text: str) -> str | None:
    """The IRI a CURIE such as ``park:sinoswiss-technopark`` stands for, or None."""
    prefix, sep, local = text.partition(":")
    if not sep or prefix not in PREFIXES or local.startswith("//"):
        return None
    return PREFIXES[prefix] + local


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand IRIs are shortened for every message and shape
def shorten(iri: str) -> str:
    """The CURIE for an IRI when a project prefix covers it, else the IRI itself."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            local = iri[len(ns):]
            if local and "/" not in local and "#" not in local:
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri
