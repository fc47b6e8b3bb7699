"""OWL 2 RL reasoning: the inferred triples of a dataset, cleaned, and its inconsistencies.

Two engines give the same answer: ``kg`` (the default: kg.owlrl over integer ids, which keeps its
index for the fast SHACL validator and hands what it does not implement to owlrl, saying so in
``Inference.note``) and ``owlrl`` (the reference).  The result is the inferred triples only (closure
minus asserted) without what no consumer wants, and the inconsistencies as data
(``Inference.inconsistencies``); :func:`infer` raises ReasoningError on them unless asked to collect.
Both engines check literals against their datatypes as the specification says, not as owlrl does.
:func:`reason_files` reasons over RDF files (``kg reason``).  docs/ENGINES.md ("OWL RL") says what the
cleaning drops, where kg departs from owlrl, and how the engines are tested.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import DataError, ReasoningError
from kg.owlrl import LEXICAL_ERROR, TYPED_LITERALS, XSD, keep_terms, well_typed

ENGINES = ("kg", "owlrl")  # kg: kg.owlrl, owlrl where it declines; owlrl: the reference
AGENT = ns.OWLRL_ERROR


@dataclass(frozen=True)
class Inconsistency:
    """One inconsistency under OWL 2 RL."""

    rule: str  # the OWL 2 RL rule that found it: cax-dw, cax-adc, cls-nothing2, prp-irp, prp-asyp, prp-pdw,
    # prp-adp, dt-not-type (an ill-typed literal), or one only owlrl applies (eq-diff1, cls-com, …; "unknown")
    message: str  # owlrl's wording, terms written as owlrl writes them (IRIs bare, literals by lexical form)
    focus: ox.NamedNode | ox.BlankNode | None = None  # the node it is about (the common individual, the
    # subject of the offending triple; for dt-not-type the first subject stating the literal), if any

    def __str__(self) -> str:  # one line
        where = f" {self.focus}" if self.focus is not None else ""
        return f"[{self.rule}]{where}: {' '.join(self.message.split())}"


class Inference:
    """What reasoning added, and how: ``inferred`` (ox.Triple objects, cleaned, sorted), ``engine`` (the one
    that produced it), ``index`` (kg.owlrl.IdGraph of the cleaned closure; kg.owlrl only), ``note`` (why the
    engine differs from the one asked for), ``inconsistencies`` (sorted by message; empty: consistent).

    From kg.owlrl the triples are made only when asked for: the build writes them with :meth:`ntriples`,
    from the index's ids (at a million statements, half a million objects it never needs)."""

    def __init__(self, inferred: list[ox.Triple] | None, engine: str, index: object | None = None,
                 note: str | None = None, inconsistencies: list[Inconsistency] | None = None,
                 ids: list[tuple[int, int, int]] | None = None):
        self._inferred, self._ids = inferred, ids  # ids: the triples as ids into index.terms
        self.engine, self.index, self.note = engine, index, note
        self.inconsistencies = inconsistencies if inconsistencies is not None else []

    @property
    def inferred(self) -> list[ox.Triple]:
        if self._inferred is None:
            terms = self.index.terms
            self._inferred = sorted((ox.Triple(terms[s], terms[p], terms[o]) for s, p, o in self._ids), key=str)
        return self._inferred

    @inferred.setter
    def inferred(self, triples: list[ox.Triple]) -> None:
        self._inferred, self._ids = triples, None

    def __len__(self) -> int:
        return len(self._inferred) if self._inferred is not None else len(self._ids)

    def compact_index(self) -> None:
        """Hold the index read-only in about half its memory (kg.owlrl.IdGraph.compacted; the ids stay the
        same): at three million statements 1,065 MiB become 490. The build does so once the inferred
        triples are written, before SHACL reads the index."""
        from kg.memory import trim_memory

        if self.index is not None and not self.index.compact:
            self.index = self.index.compacted()  # the old index is freed here: nothing else holds it
            trim_memory()

    def ntriples(self) -> bytes:
        """The inferred triples as N-Triples, one line each, in the order of ``inferred``."""
        return b"".join(self.ntriples_pieces())

    def ntriples_pieces(self, lines: int = 200_000) -> Iterator[bytes]:
        """:meth:`ntriples` in pieces of whole lines (at most ``lines`` each), so that the whole of it is
        never held as one string (at ten million statements, 1 GB, and again as bytes)."""
        from kg.formats import unique_lines
        from kg.linesort import adjacent_unique

        if self._inferred is not None:
            yield unique_lines(ox.serialize(self._inferred, format=ox.RdfFormat.N_TRIPLES), ordered=False)
            return
        # A line is the terms' N-Triples forms joined as pyoxigraph's serializer joins them; sorting the
        # lines sorts as key=str sorts the triples (a term's form is never a prefix of another's followed
        # by a character below the space)
        terms, written = self.index.terms, {}

        def nt(i: int) -> str:
            form = written.get(i)
            if form is None:
                form = written[i] = str(terms[i])
            return form

        found = adjacent_unique(sorted(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in self._ids))
        written.clear()  # each term's form, no longer needed while the lines go out
        for start in range(0, len(found), lines):
            yield "".join(found[start:start + lines]).encode()


def infer(quads, engine: str = "kg", *, collect: bool = False, released=None, progress=None) -> Inference:
    """The cleaned OWL RL inferences of ``quads`` (graph names ignored).

    An inconsistent input raises ReasoningError naming the first inconsistency; with ``collect`` the
    closure is returned all the same, the inconsistencies in ``Inference.inconsistencies``.
    ``released()``, when given, is called if and when the engine no longer reads ``quads`` before it is
    done (kg.owlrl: once it holds them as ids), so that the caller can free them while it reasons.
    ``progress`` (a kg.progress.Tally) follows kg.owlrl's phases and counts (owlrl tells nothing)."""
    if engine not in ENGINES:
        raise ReasoningError(f"unknown reasoning engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "kg":
        # kg's engine, the package kg.owlrl; ``from owlrl import`` in _owlrl is the reference, PyPI's owlrl
        from kg import owlrl as kg_owlrl

        try:
            result = kg_owlrl.closure(quads, indexed=released, progress=progress)
        except kg_owlrl.Unsupported as exc:
            if progress is not None:  # kg.owlrl's count stops here; owlrl tells nothing
                progress.counted, progress.done, progress.detail = None, 0, "reasoning with owlrl, the reference"
            inference = infer(quads, "owlrl", collect=collect)
            inference.note = f"reasoned with owlrl: {exc}, which kg.owlrl leaves to the reference"
            return inference
        terms = result.graph.terms
        found = [Inconsistency(rule, message, terms[focus] if focus is not None else None)
                 for rule, focus, message in result.inconsistencies]
        if not collect:
            _raise_on(found)
        return Inference(None, "kg.owlrl", index=result.graph, inconsistencies=found, ids=result.inferred)
    inferred, found = _owlrl(quads)
    if not collect:
        _raise_on(found)
    return Inference(inferred, "owlrl", inconsistencies=found)


def _raise_on(problems: list[Inconsistency]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReasoningError(f"the ontology and data are inconsistent under OWL RL: {problems[0].message}{more}")


def owlrl_closure(quads) -> tuple[list[ox.Triple], list[str]]:
    """The reference: owlrl's cleaned inferences and its inconsistency messages (sorted)."""
    inferred, found = _owlrl(quads)
    return inferred, [i.message for i in found]


def _owlrl(quads) -> tuple[list[ox.Triple], list[Inconsistency]]:
    from owlrl import DeductiveClosure, OWLRL_Semantics, XsdDatatypes
    from rdflib import RDF as R
    from rdflib import XSD as X
    from rdflib import Literal, URIRef, term

    from kg.load import from_rdflib, quiet_rdflib, rdflib_graph

    quads = list(quads)
    with quiet_rdflib():
        try:
            graph = rdflib_graph(quads)
        except TypeError as exc:  # an RDF 1.2 triple term
            raise ReasoningError(f"OWL RL reasoning takes RDF 1.1 graphs: {exc}") from None
        asserted = set(graph)
        # owlrl installs its own lexical converters for xsd datatypes and leaves them
        # behind; its gMonthDay one rejects valid values such as "--06-17", so a
        # later SHACL run in the same process would report false violations.
        converters = dict(term._toPythonMapping)
        # owlrl makes xsd:NMTOKEN a subtype of xsd:Name; XML Schema derives it from xsd:token.
        subsumptions = XsdDatatypes.OWL_Datatype_Subsumptions
        nmtoken = subsumptions.get(X.NMTOKEN)
        subsumptions[X.NMTOKEN] = [X.token, X.normalizedString, X.string]
        try:
            DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
        except Exception as exc:  # e.g. an rdf:List with a cycle: owlrl gives up
            raise ReasoningError(f"owlrl cannot reason over this input: {type(exc).__name__}: {exc}") from None
        finally:
            term._toPythonMapping.clear()
            term._toPythonMapping.update(converters)
            subsumptions[X.NMTOKEN] = nmtoken
    error_nodes = set(graph.subjects(R.type, URIRef(AGENT + "ErrorMessage")))
    different = _different_values_made_same(graph)
    messages = {str(text) for node in error_nodes for text in graph.objects(node, URIRef(AGENT + "error"))}
    # owlrl's lexical checks are wrong both ways (docs/ENGINES.md): kg's replace them
    messages = {m for m in messages if not m.startswith(LEXICAL_ERROR.split("{")[0])}
    nodes = _nodes(quads) if messages else {}
    found = [_parse(m, graph, nodes) for m in sorted(messages)] + lexical_inconsistencies(quads) + different
    conv = functools.lru_cache(maxsize=None)(from_rdflib)  # terms repeat: convert each once
    out = []
    for s, p, o in graph:
        if (s, p, o) in asserted or isinstance(s, Literal) or s in error_nodes:
            continue
        t = ox.Triple(conv(s), conv(p), conv(o))
        if keep_terms(t.subject, t.predicate, t.object):
            out.append(t)
    return sorted(out, key=str), sorted(found, key=lambda i: i.message)


def _different_values_made_same(graph) -> list[Inconsistency]:
    """dt-diff with eq-diff1, which owlrl leaves out: owl:sameAs between two literals of different data
    values (two values of a functional data property, "+0.0" and "-0.0" as xsd:float) is inconsistent."""
    from rdflib import OWL as O
    from rdflib import Literal

    out, seen = [], set()
    for a, b in graph.subject_objects(O.sameAs):
        if isinstance(a, Literal) and isinstance(b, Literal) and a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            if _same_value(a, b) is False:
                first, second = sorted((a, b), key=lambda x: (str(x), str(x.datatype), str(x.language)))
                out.append(Inconsistency("dt-diff", f"Different data values {first} and {second} are made "
                                                    f"the same by owl:sameAs"))
    return out


_REAL = {XSD + n for n in ("decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "negativeInteger",
                           "positiveInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
                           "unsignedShort", "unsignedByte")}
_STRING = {XSD + n for n in ("string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN")}


def _value(lit) -> tuple | None:
    """A literal's data value, as far as the OWL 2 datatype map makes it plain (None: not worked out);
    values of different kinds are never equal."""
    import struct
    from decimal import Decimal

    text, datatype = str(lit), str(lit.datatype) if lit.datatype is not None else XSD + "string"
    if lit.language:
        return ("lang", text, lit.language.lower())
    if not well_typed(text, datatype):
        return None
    if datatype in _STRING:
        return ("string", text)
    if datatype in _REAL:
        return ("real", Decimal(text))
    if datatype in (XSD + "float", XSD + "double"):
        number = float(text.replace("INF", "inf"))
        if number != number:
            return (datatype, "NaN")  # OWL 2 takes NaN as identical to itself
        return (datatype, struct.pack(">f" if datatype.endswith("float") else ">d", number))  # -0 is not +0
    if datatype == XSD + "boolean":
        return ("boolean", text in ("true", "1"))
    return None


def _same_value(a, b) -> bool | None:
    va, vb = _value(a), _value(b)
    if va is None or vb is None:
        return True if (str(a), a.datatype, a.language) == (str(b), b.datatype, b.language) else None
    return va == vb


def lexical_inconsistencies(quads) -> list[Inconsistency]:
    """dt-not-type: every literal outside its datatype's lexical space, about the first subject (in
    N-Triples order) that states it; the literals owlrl checks, as the specification says."""
    subjects: dict[ox.Literal, list] = {}
    for q in quads:
        o = q.object
        if type(o) is ox.Literal and o.datatype.value in TYPED_LITERALS and not well_typed(o.value, o.datatype.value):
            subjects.setdefault(o, []).append(q.subject)
    return [Inconsistency("dt-not-type", LEXICAL_ERROR.format(lit.value, lit.datatype.value),
                          min(subs, key=str)) for lit, subs in subjects.items()]


# owlrl's messages: the rule, the pattern, and which group names the node the inconsistency is about
# (None: the first node the message names).
_MESSAGES = [(rule, re.compile(pattern, re.S), group) for rule, pattern, group in (
    ("cax-dw", r"Disjoint classes (\S+) and (\S+) have a common individual (.*)", 3),
    ("cls-nothing2", r"(.*) is defined of type 'Nothing'", 1),
    ("prp-irp", r"Irreflexive property used on (.*) with (\S+)", 1),
    ("prp-asyp", r"Erroneous usage of asymmetric property (\S+) on (.*) and (.*)", 2),
    ("prp-pdw", r"Erroneous usage of disjoint properties (\S+) and (\S+) on (.*) and (.*)", 3),
    ("prp-adp", r"Disjoint properties in an 'AllDisjointProperties' are not really disjoint: \((.*?), ", 1),
    ("eq-diff1", r"'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: \((.*?), ", 1),
    ("eq-diff2", r"'sameAs' and 'AllDifferent' cannot be used on the same subject-object pair: \((.*?), ", 1),
    ("cls-com", r"Violation of complementarity for classes (\S+) and (\S+) on element (.*)", None),
    ("cls-maxc1", r"Erroneous usage of maximum cardinality with ", None),
    ("cls-maxqc1", r"Erroneous usage of maximum qualified cardinality with ", None),
    ("prp-npa1", r"Negative \(object\) property assertion violated for: \((.*?), ", 1),
    ("prp-npa2", r"Negative \(datatype\) property assertion violated for: \((.*?), ", 1),
    ("unknown", r"", None),
)]


def _parse(message: str, graph, nodes: dict) -> Inconsistency:
    """An owlrl message as an Inconsistency: the rule from its wording, the focus from the node it names."""
    from rdflib import OWL as O
    from rdflib import RDF as R
    from rdflib import BNode, URIRef

    for rule, pattern, group in _MESSAGES:
        m = pattern.match(message)
        if m is None:
            continue
        if rule == "cax-dw":  # the same words for cax-adc: kg.owlrl names cax-dw when the pair is stated so
            if (URIRef(m.group(1)), O.disjointWith, URIRef(m.group(2))) not in graph:
                rule = "cax-adc"
        if rule == "cls-com":  # owlrl names the second class where it means the individual
            c1, c2 = (nodes.get(m.group(i)) for i in (1, 2))
            both = [x for x in graph.subjects(R.type, _rdflib(c1)) if (x, R.type, _rdflib(c2)) in graph] if (
                c1 is not None and c2 is not None) else []
            focus = min((nodes.get(str(x)) for x in both if isinstance(x, (URIRef, BNode))), key=str, default=None)
            return Inconsistency(rule, message, focus)
        if group is not None:
            return Inconsistency(rule, message, nodes.get(m.group(group)))
        named = (nodes.get(token.strip("(),")) for token in message.split())
        return Inconsistency(rule, message, next((n for n in named if n is not None), None))
    raise AssertionError("the last pattern matches every message")  # pragma: no cover


def _rdflib(term):
    from kg.load import to_rdflib

    return to_rdflib(term)


def _nodes(quads) -> dict[str, ox.NamedNode | ox.BlankNode]:
    """The IRIs and blank nodes of ``quads`` by the text owlrl writes for them."""
    out = {}
    for q in quads:
        for t in (q.subject, q.predicate, q.object):
            if isinstance(t, (ox.NamedNode, ox.BlankNode)):
                out.setdefault(t.value, t)
    return out


# ----------------------------------------------------------------------------------------- kg reason
@dataclass
class Reasoned:
    """The closure of some RDF files (``kg reason``)."""

    asserted: list[ox.Triple]  # the files' triples (graph names dropped), each once
    inference: Inference  # collected: the inconsistencies are in inference.inconsistencies

    def triples(self, everything: bool = False) -> list[ox.Triple]:
        """The inferred triples, or with ``everything`` the whole (cleaned) closure."""
        return list(self.inference.inferred) + (self.asserted if everything else [])


def read_rdf(paths) -> list[ox.Quad]:
    """Every quad of these RDF files (kg.load.read_rdf_file); DataError names a file with an RDF 1.2
    triple term, which OWL RL reasoning does not take."""
    from kg.load import read_rdf_file

    quads: list[ox.Quad] = []
    for name in paths:
        parsed = read_rdf_file(name)
        for q in parsed:
            if isinstance(q.subject, ox.Triple) or isinstance(q.object, ox.Triple):
                raise DataError(f"{name}: OWL RL reasoning takes RDF 1.1 graphs, not the triple term in {q}")
        quads += parsed
    return quads


def reason_files(paths, engine: str = "kg") -> Reasoned:
    """The OWL 2 RL closure of RDF files (kg's default path, or ``engine="owlrl"``), inconsistencies
    collected, never raised."""
    if not paths:
        raise DataError("no input file")
    quads = read_rdf(paths)
    asserted = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    return Reasoned(asserted, infer(quads, engine, collect=True))
