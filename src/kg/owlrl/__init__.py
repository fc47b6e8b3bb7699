"""kg's own OWL 2 RL engine: owlrl's rules, evaluated semi-naively over integer ids.

:func:`closure` (kg.reason's ``kg`` engine) gives owlrl's cleaned closure and inconsistencies, or
raises :class:`Unsupported` for an input that needs rules it leaves to owlrl (the PyPI package, which
``import owlrl`` still names).  One module per part: vocabulary (IRIs, owlrl's datatype tables),
literals (lexical spaces, typed literals), graph (:class:`IdGraph`, the index kg.shacl reads too),
declines, schema (scm-* rules, the compiled tables), evaluate (the agenda), inconsistencies, clean
(kg's cleaning, both engines'), sql (the instance rules as SQL, for DuckDB or Spark SQL on a cluster:
docs/SCALE.md).  The supported subset and the design: docs/ENGINES.md ("OWL RL").
"""

from __future__ import annotations

from kg.owlrl.clean import keep_terms
from kg.owlrl.declines import Unsupported
from kg.owlrl.evaluate import Closure, closure
from kg.owlrl.graph import IdGraph
from kg.owlrl.literals import LEXICAL_ERROR, well_typed
from kg.owlrl.vocabulary import (ANNOTATION_PROPERTIES, DATATYPE_DISJOINTNESS, DATATYPE_SUPERS, OWL_RL_DATATYPES, RDF,
                                 TYPED_LITERALS, XSD)

__all__ = ["ANNOTATION_PROPERTIES", "DATATYPE_DISJOINTNESS", "DATATYPE_SUPERS", "LEXICAL_ERROR", "OWL_RL_DATATYPES",
           "RDF", "TYPED_LITERALS", "XSD", "IdGraph", "Closure", "Unsupported", "closure", "keep_terms", "well_typed"]
