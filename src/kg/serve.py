"""``kg serve``: a read-only SPARQL 1.1 endpoint with linked-data pages.

Library first: :func:`create_app` returns a Starlette application (testable
with ``starlette.testclient.TestClient`` or httpx), :func:`serve` runs it under
uvicorn.  The command ``kg serve`` only parses options and calls ``serve``.
docs/SERVE.md documents the URLs, the formats and the limits.

Architecture
------------
The ASGI process never runs SPARQL itself.  Queries run in a small pool of
worker *processes*, each holding its own store (``kg.store.OxigraphStore``
loaded from the build's N-Quads; 0.05 s at this size).  pyoxigraph cannot
interrupt a running query from another thread, so a query that outlives the
timeout is stopped by killing its worker process; the request gets a 504 with
a message, a replacement worker is started, and the other workers keep
serving meanwhile.  A query that has run longer than ``demote_after`` seconds
has its worker reniced (nice 19) so that it cannot slow the short queries of
other clients down while it runs into its timeout.  Each worker also runs
under an address-space limit, so a query that would eat the machine's memory
only ends its own worker.

Everything data-dependent (SPARQL, entity pages, RDF descriptions, the
service description's graph list) is a *job* sent to a worker; the ASGI
process keeps only small caches (the entity index and labels).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import queue
import re
import signal
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg import __version__
from kg import namespaces as ns
from kg.errors import (
    KgError,
    NotFoundError,
    ParamError,
    QueryError,
    UnknownQueryError,
    UsageError,
)

log = logging.getLogger("kg.serve")

WEB_DIR = Path(__file__).resolve().parent / "web"

# W3C vocabularies of the service description (kg.namespaces holds the project's own)
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
ENTAILMENT = "http://www.w3.org/ns/entailment/"

# ---------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """The limits of one server.  Every one is an option of ``kg serve``."""

    timeout: float = 10.0  # seconds a query may run before its worker is killed (504)
    max_rows: int = 10_000  # SELECT rows / CONSTRUCT triples per answer; more are cut (header KG-Results-Truncated)
    max_body: int = 1_048_576  # bytes of a request body or URL query string (413 / 414 beyond)
    workers: int = 0  # query worker processes; 0: one per CPU plus one, at least 3
    memory_limit: int = 2048  # MiB of address space per worker (0: no limit)
    demote_after: float = 0.25  # seconds after which a running query yields the CPU to short ones

    def resolved(self) -> Settings:
        workers = self.workers or max(3, (os.cpu_count() or 2) + 1)
        return replace(self, workers=workers)


class HttpError(Exception):
    """An answer with a 4xx/5xx status and a message that says what was wrong."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


# ------------------------------------------------------ content negotiation

SELECT_OFFERS = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
GRAPH_OFFERS = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("application/x-turtle", "turtle"),
    ("application/turtle", "turtle"),
    ("application/json", "jsonld"),
    ("application/xml", "rdfxml"),
    ("text/plain", "nt"),
]
HTML_OFFERS = [("text/html", "html"), ("application/xhtml+xml", "html")]
# file suffix <-> format of the linked-data documents
SUFFIXES = {"ttl": "turtle", "jsonld": "jsonld", "nt": "nt", "rdf": "rdfxml"}
FORMAT_SUFFIX = {v: k for k, v in SUFFIXES.items()}
# the ``format`` request parameter (an extension, as in Fuseki and Virtuoso)
FORMAT_PARAM = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "nt": (None, "nt"), "ntriples": (None, "nt"),
    "jsonld": (None, "jsonld"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
}


def _parse_accept(header: str) -> list[tuple[str, str, float]]:
    ranges = []
    for part in header.split(","):
        items = [p.strip() for p in part.split(";")]
        media = items[0].lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        if "/" not in media:
            continue
        q = 1.0
        for p in items[1:]:
            k, _, v = p.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(v.strip())))
                except ValueError:
                    q = 0.0
        t, _, s = media.partition("/")
        ranges.append((t, s, q))
    return ranges


def negotiate(header: str | None, offers) -> list[str]:
    """The formats of ``offers`` ([(media type, format)]) the Accept header allows, best first.

    Quality values count; the most specific matching range sets an offer's
    quality (RFC 9110 §12.5.1); ties go to the server's order.  No header
    means anything goes, in the server's order."""
    seen: list[str] = []
    if not header or not header.strip():
        for _, fmt in offers:
            if fmt not in seen:
                seen.append(fmt)
        return seen
    ranges = _parse_accept(header)
    scored = []
    for i, (media, fmt) in enumerate(offers):
        t, _, s = media.partition("/")
        best = None
        for rt, rs, q in ranges:
            if (rt, rs) == (t, s):
                spec = 3
            elif rt == t and rs == "*":
                spec = 2
            elif (rt, rs) == ("*", "*"):
                spec = 1
            else:
                continue
            if best is None or spec > best[0]:
                best = (spec, q)
        if best is not None and best[1] > 0:
            scored.append((-best[1], i, fmt))
    for _, _, fmt in sorted(scored):
        if fmt not in seen:
            seen.append(fmt)
    return seen


# --------------------------------------------- query text: updates and FROM

# (matched on kg.store._strip's text, where the names and IRIs of PREFIX / BASE may be blanked out)
_UPDATE_START = re.compile(
    r"^\s*(?:(?:BASE|PREFIX(?:\s*[^\s:<]*:)?)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:\-])",
    re.IGNORECASE,
)
_KEYWORD_FROM = re.compile(r"(?<![\w?$:\-.])FROM(?![\w:\-])", re.IGNORECASE)
_FROM_CLAUSE = re.compile(
    r"FROM(\s+NAMED)?\s+(?:<([^<>\"{}|^`\\\x00-\x20]*)>|([A-Za-z][\w.\-]*)?:((?:[\w\-:%.]|\\.)*[\w\-:%]|))",
    re.IGNORECASE,
)
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.\-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_BASE_DECL = re.compile(r"BASE\s*<([^>]*)>", re.IGNORECASE)


def update_keyword(text: str) -> str | None:
    """The SPARQL Update operation a request's text starts with, if any."""
    from kg.store import _strip

    m = _UPDATE_START.match(_strip(text))
    return m.group(1).upper() if m else None


def dataset_clauses(text: str) -> tuple[str, list[str], list[str]]:
    """(the text with its FROM / FROM NAMED clauses blanked out, FROM IRIs, FROM NAMED IRIs).

    Blanking keeps every other character where it was, so syntax errors
    still point at the right line and column.  Prefixed names are expanded
    with the query's PREFIX declarations and the project prefixes; relative
    IRIs against the query's BASE."""
    from kg.store import _strip

    stripped = _strip(text)
    prefixes = dict(ns.PREFIXES)
    base = None
    for m in re.finditer(r"(?<![\w?$:\-.])(PREFIX|BASE)(?![\w:\-])", stripped, re.IGNORECASE):
        if m.group(1).upper() == "PREFIX":
            d = _PREFIX_DECL.match(text, m.start())
            if d:
                prefixes[d.group(1) or ""] = d.group(2)
        else:
            d = _BASE_DECL.match(text, m.start())
            if d:
                base = d.group(1)
    chars = list(text)
    defaults: list[str] = []
    named: list[str] = []
    for m in _KEYWORD_FROM.finditer(stripped):
        c = _FROM_CLAUSE.match(text, m.start())
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        if not c:
            raise QueryError(f"query:{line}:{col}: FROM must be followed by an IRI (FROM <…> or FROM NAMED <…>)")
        if c.group(2) is not None:
            iri = c.group(2)
            if base and not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri):
                iri = urllib.parse.urljoin(base, iri)
        else:
            prefix = c.group(3) or ""
            if prefix not in prefixes:
                raise QueryError(f"query:{line}:{col}: unknown prefix {prefix!r} in the FROM clause")
            iri = prefixes[prefix] + re.sub(r"\\(.)", r"\1", c.group(4))
        (named if c.group(1) else defaults).append(iri)
        for i in range(c.start(), c.end()):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars), defaults, named


# --------------------------------------------------------- SPARQL results

XSD_STRING = ns.PREFIXES["xsd"] + "string"


def _json_term(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    raise TypeError(f"not an RDF term: {t!r}")


def select_results(variables: list[str], rows, fmt: str) -> bytes:
    """W3C SPARQL 1.1 results for already-read rows.

    JSON is written here; XML, CSV and TSV are pyoxigraph's own writers,
    fed by parsing that JSON back, so they are the same writers ``kg query``
    uses."""
    import pyoxigraph as ox

    doc = {"head": {"vars": variables}, "results": {"bindings": [
        {v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]}}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == "json":
        return data
    fmts = {"xml": ox.QueryResultsFormat.XML, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=fmts[fmt])


# ------------------------------------------------------------------ labels
#
# The server's one label policy (entity index, pages, links, titles).  The
# label of an IRI is the first of:
#
#   1. its skos:prefLabel in English (@en)
#   2. its rdfs:label in English (@en)
#   3. any other skos:prefLabel, then any other rdfs:label (untagged before
#      other languages; ties by lexical form, so the choice is stable)
#   4. its dct:title, then foaf:name (articles, the ontology itself), same tie-breaks
#   5. its CURIE with a project prefix, else the IRI itself (display_label)
#
# The rule is kg.namespaces.label_rank, shared with the validation report and kg describe.
LABEL_PROPS = list(ns.LABEL_PREDICATES)


label_rank = ns.label_rank  # one policy for reports, kg describe and the pages


def display_label(iri: str, labels: dict[str, str]) -> str:
    """What a page shows for an IRI: its label (policy above), else its CURIE, else the IRI."""
    return labels.get(iri) or ns.shorten(iri)


# ------------------------------------------------------------ worker side


class NotAcceptable(KgError):
    """The client accepts no format this answer can be written in."""


class Engine:
    """The jobs a worker process runs over its store (also usable in-process)."""

    def __init__(self, store, max_rows: int):
        self.store = store
        self.max_rows = max_rows
        self.graphs = set(store.graph_names())

    def run(self, job: tuple) -> Any:
        name, kwargs = job
        return getattr(self, "job_" + name)(**kwargs)

    # -- SPARQL protocol
    def job_sparql(self, text: str, params: dict, default_graphs, named_graphs, select_fmts, graph_fmts,
                   base_iri: str | None = None) -> dict:
        from kg.params import bind_params
        from kg.formats import MEDIA_TYPES, serialize_triples

        text, from_default, from_named = dataset_clauses(text)
        if default_graphs is None and named_graphs is None:
            if from_default or from_named:
                remote = [g for g in from_default + from_named if g not in self.graphs]
                if remote:
                    raise QueryError(
                        f"FROM <{remote[0]}> is refused: it is not a graph of this dataset and the endpoint never "
                        "loads graphs from elsewhere (the graphs are listed in the service description: GET /sparql)")
                default_graphs, named_graphs = from_default, from_named
        # else: the protocol's default-graph-uri / named-graph-uri override FROM (SPARQL 1.1 Protocol §2.1.4)
        # A malformed value is a 400; an IRI the graph does not hold simply matches nothing (machine clients
        # get empty results, as for the same IRI written into the query), so no store is passed here.
        bindings = bind_params(text, params, declared=None) if params else None
        result = self.store.query(text, bindings, name="query", default_graphs=default_graphs,
                                  named_graphs=named_graphs, base_iri=base_iri)
        truncated, count = False, None
        if result.kind == "graph":
            if not graph_fmts:
                raise NotAcceptable("this CONSTRUCT/DESCRIBE query gives RDF: accept text/turtle, "
                                    "application/n-triples, application/ld+json or application/rdf+xml")
            fmt = graph_fmts[0]
            triples, truncated = cap_triples(_iter_triples(result), self.max_rows)
            count = len(triples)
            body = serialize_triples(triples, fmt)
        else:
            if not select_fmts:
                raise NotAcceptable("this query gives SPARQL results: accept application/sparql-results+json, "
                                    "application/sparql-results+xml, text/csv or text/tab-separated-values")
            fmt = select_fmts[0]
            if result.kind == "ask":
                body = result.serialize(fmt)
            else:
                rows = []
                for row in result.iter_rows():
                    if len(rows) == self.max_rows:
                        truncated = True
                        break
                    rows.append(row)
                count = len(rows)
                body = select_results(result.variables, rows, fmt)
        return {"body": body, "media": MEDIA_TYPES[fmt], "kind": result.kind, "truncated": truncated, "count": count}

    # -- what the web pages need
    def _select(self, text: str) -> list[tuple]:
        return self.store.query(text, name="page").rows

    def job_index(self) -> dict:
        """Every IRI of the entity and ontology namespaces, with its best label; the graphs with sizes."""
        rows = self._select(
            "SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?x ?o } UNION { ?s ?p ?x } "
            f'FILTER(isIRI(?x) && (STRSTARTS(STR(?x), "{ns.ID}") || STRSTARTS(STR(?x), "{ns.ONTOLOGY_IRI}"))) }}')
        iris = sorted(r[0].value for r in rows)
        graph_rows = self._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        graphs = {r[0].value: int(r[1].value) for r in graph_rows}
        total = self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        types = self._select(
            "SELECT ?x ?t WHERE { ?x a ?t " f'FILTER(STRSTARTS(STR(?x), "{ns.ID}") && STRSTARTS(STR(?t), "{ns.STC}")) }}')
        typemap: dict[str, list[str]] = {}
        for x, t in types:
            typemap.setdefault(x.value, []).append(t.value)
        return {"iris": iris, "labels": self.labels(iris), "graphs": graphs,
                "default_triples": int(total[0][0].value), "types": typemap}

    def labels(self, iris) -> dict[str, str]:
        import pyoxigraph as ox

        iris = sorted({i for i in iris if i})
        out: dict[str, str] = {}
        for start in range(0, len(iris), 400):
            chunk = iris[start:start + 400]
            values = " ".join(str(ox.NamedNode(i)) for i in chunk)
            props = " ".join(f"<{p}>" for p in LABEL_PROPS)
            rows = self._select(f"SELECT ?x ?p ?l WHERE {{ VALUES ?x {{ {values} }} VALUES ?p {{ {props} }} ?x ?p ?l }}")
            best: dict[str, tuple] = {}
            for x, p, lit in rows:
                rank = label_rank(p.value, getattr(lit, "language", None) or "", lit.value)
                if x.value not in best or rank < best[x.value][0]:
                    best[x.value] = (rank, lit.value)
            out.update({k: v[1] for k, v in best.items()})
        return out

    def job_exists(self, iri: str) -> bool:
        import pyoxigraph as ox

        return self.store.has_resource(ox.NamedNode(iri))

    def job_entity(self, iri: str) -> dict | None:
        """Everything an entity page shows: facts, incoming links, figures, sources."""
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        if not self.store.has_resource(node):
            return None
        e = str(node)
        stc, rdf = ns.STC, ns.PREFIXES["rdf"]
        facts = self._select(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {e} ?p ?o }} }}")
        incoming = self._select(
            f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {e} FILTER(?p != <{stc}observedEntity>) }} ORDER BY ?p ?s LIMIT 500")
        figures = self._select(f"""
            PREFIX stc: <{stc}> PREFIX qudt: <{ns.PREFIXES['qudt']}> PREFIX dct: <{ns.PREFIXES['dct']}>
            SELECT ?obs ?measure ?comparator ?value ?unit ?asOf ?basis ?source ?qualifier ?since WHERE {{
              ?obs stc:observedEntity {e} .
              OPTIONAL {{ ?obs stc:measure ?measure }} OPTIONAL {{ ?obs stc:comparator ?comparator }}
              OPTIONAL {{ ?obs qudt:numericValue ?value }} OPTIONAL {{ ?obs qudt:unit ?unit }}
              OPTIONAL {{ ?obs stc:asOf ?asOf }} OPTIONAL {{ ?obs stc:asOfBasis ?basis }}
              OPTIONAL {{ ?obs dct:source ?source }} OPTIONAL {{ ?obs stc:qualifier ?qualifier }}
              OPTIONAL {{ ?obs stc:sinceDate ?since }}
            }} ORDER BY ?measure ?asOf ?obs""")
        # group the statements by property, each value with the graphs that state it
        by_prop: dict[str, dict] = {}
        for p, o, g in facts:
            entry = by_prop.setdefault(p.value, {})
            key = (type(o).__name__, str(o))
            val = entry.setdefault(key, {"term": term_dict(o), "graphs": []})
            if g.value not in val["graphs"]:
                val["graphs"].append(g.value)
        type_iri = rdf + "type"
        order = {type_iri: 0, LABEL_PROPS[0]: 1, ns.PREFIXES["skos"] + "altLabel": 2, LABEL_PROPS[1]: 3}
        props = sorted(by_prop, key=lambda p: (order.get(p, 9), p))
        fact_list = []
        for p in props:
            values = sorted(by_prop[p].values(), key=lambda v: (v["term"]["type"], v["term"]["value"]))
            for v in values:
                v["graphs"].sort()
                v["inferred"] = v["graphs"] == [ns.INFERRED_GRAPH]
            fact_list.append({"property": p, "values": values})
        figs: dict[str, dict] = {}
        for obs, measure, comparator, value, unit, as_of, basis, source, qualifier, since in figures:
            f = figs.setdefault(obs.value, {"obs": obs.value, "measure": _v(measure), "comparator": _v(comparator),
                                            "value": _v(value), "unit": _v(unit), "asOf": _v(as_of),
                                            "basis": _v(basis), "since": _v(since), "sources": [], "qualifiers": []})
            if source is not None and source.value not in f["sources"]:
                f["sources"].append(source.value)
            if qualifier is not None and qualifier.value not in f["qualifiers"]:
                f["qualifiers"].append(qualifier.value)
        # sources: the graphs that hold the entity's own statements
        counts: dict[str, int] = {}
        for _, _, g in facts:
            counts[g.value] = counts.get(g.value, 0) + 1
        src_rows = self._select(
            "SELECT ?g ?title ?file WHERE { VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in counts)
            + f" }} OPTIONAL {{ ?g <{ns.PREFIXES['dct']}title> ?title }} OPTIONAL {{ ?g <{stc}fileName> ?file }} }}"
        ) if counts else []
        meta = {g.value: (_v(t), _v(f)) for g, t, f in src_rows}
        sources = [{"graph": g, "count": n, "title": meta.get(g, (None, None))[0], "file": meta.get(g, (None, None))[1]}
                   for g, n in sorted(counts.items(), key=lambda kv: (kv[0] == ns.INFERRED_GRAPH, kv[0]))]
        mentioned = {iri} | set(props)
        for f in fact_list:
            mentioned |= {v["term"]["value"] for v in f["values"] if v["term"]["type"] == "uri"}
        mentioned |= {s.value for s, _ in incoming if isinstance(s, ox.NamedNode)} | {p.value for _, p in incoming}
        for f in figs.values():
            mentioned |= {f["obs"], f["measure"], f["comparator"], f["unit"], f["basis"], *f["sources"]}
        mentioned |= set(counts)
        return {
            "iri": iri,
            "facts": fact_list,
            "incoming": [{"subject": term_dict(s), "property": p.value} for s, p in incoming],
            "incoming_capped": len(incoming) >= 500,
            "figures": list(figs.values()),
            "sources": sources,
            "labels": self.labels(i for i in mentioned if i),
        }

    def _capped_triples(self, where: str, name: str) -> tuple[list, bool]:
        """The distinct (?s ?p ?o) solutions of ``where`` as triples, at most max_rows of them.

        A SELECT with LIMIT max_rows + 1, read row by row: the store never
        materialises more than the cap (a CONSTRUCT result would be read whole)."""
        import pyoxigraph as ox

        result = self.store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {where} }} LIMIT {self.max_rows + 1}", name=name)
        triples = [ox.Triple(s, p, o) for s, p, o in result.iter_rows()]
        return triples[: self.max_rows], len(triples) > self.max_rows

    def job_describe(self, iri: str, fmt: str) -> dict | None:
        """The entity's statements (both directions, asserted and inferred) as RDF, capped at max_rows."""
        import pyoxigraph as ox

        from kg.formats import serialize_triples

        node = ox.NamedNode(iri)
        if not self.store.has_resource(node):
            return None
        e = str(node)
        triples, truncated = self._capped_triples(
            f"{{ {e} ?p ?o BIND({e} AS ?s) }} UNION {{ ?s ?p {e} BIND({e} AS ?o) }}", "describe")
        return {"body": serialize_triples(triples, fmt), "truncated": truncated}

    def job_graph(self, iri: str, fmt: str) -> dict | None:
        """The content of one named graph as RDF, capped at max_rows."""
        import pyoxigraph as ox

        from kg.formats import serialize_triples

        if iri not in self.graphs:
            return None
        triples, truncated = self._capped_triples(f"GRAPH {ox.NamedNode(iri)} {{ ?s ?p ?o }}", "graph")
        return {"body": serialize_triples(triples, fmt), "truncated": truncated}

    def job_ontology(self) -> dict:
        """The ontology's classes and properties with labels and comments."""
        rows = self._select(f"""
            PREFIX owl: <{ns.PREFIXES['owl']}> PREFIX rdfs: <{ns.PREFIXES['rdfs']}> PREFIX skos: <{ns.PREFIXES['skos']}>
            SELECT ?t ?kind ?comment ?super WHERE {{
              GRAPH <{ns.ONTOLOGY_GRAPH}> {{
                ?t a ?kind . FILTER(STRSTARTS(STR(?t), "{ns.STC}"))
                FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty,
                                 skos:Concept, owl:NamedIndividual))
                OPTIONAL {{ ?t rdfs:comment|skos:definition ?comment FILTER(lang(?comment) IN ("en", "")) }}
                OPTIONAL {{ ?t rdfs:subClassOf|rdfs:subPropertyOf ?super FILTER(isIRI(?super)) }}
              }}
            }} ORDER BY ?t""")
        terms: dict[str, dict] = {}
        for t, kind, comment, sup in rows:
            d = terms.setdefault(t.value, {"iri": t.value, "kinds": [], "comment": None, "super": []})
            k = kind.value.rsplit("#", 1)[-1]
            if k not in d["kinds"]:
                d["kinds"].append(k)
            if comment is not None and not d["comment"]:
                d["comment"] = comment.value
            if sup is not None and sup.value not in d["super"]:
                d["super"].append(sup.value)
        head = self._select(f"SELECT ?p ?o WHERE {{ GRAPH <{ns.ONTOLOGY_GRAPH}> {{ <{ns.ONTOLOGY_IRI}> ?p ?o }} }}")
        mentioned = set(terms) | {s for d in terms.values() for s in d["super"]}
        return {"terms": list(terms.values()), "labels": self.labels(mentioned),
                "head": [(p.value, term_dict(o)) for p, o in head]}


def _v(term):
    return None if term is None else term.value


def _iter_triples(result):
    """A graph result's triples one at a time when the store can stream them, else its list."""
    stream = getattr(result, "iter_triples", None)
    return stream() if callable(stream) else iter(result.triples)


def cap_triples(triples, max_rows: int) -> tuple[list, bool]:
    """(at most ``max_rows`` distinct triples, whether more were there), reading no further than needed."""
    seen: dict = {}
    for t in triples:
        if t in seen:
            continue
        if len(seen) == max_rows:
            return list(seen), True
        seen[t] = None
    return list(seen), False


def term_dict(t) -> dict:
    """A pyoxigraph term as a small dict (the shape of SPARQL JSON results)."""
    d = _json_term(t)
    if d["type"] == "literal" and "datatype" not in d and "xml:lang" not in d:
        d["datatype"] = XSD_STRING
    return d


def _limit_memory(mib: int) -> None:
    if mib and sys.platform.startswith("linux"):
        import resource

        limit = mib * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn, files: list[str], max_rows: int, memory_limit: int) -> None:
    """A worker process: load the store, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    try:
        from kg.store import OxigraphStore

        if len(files) == 1 and Path(files[0]).is_dir():  # a built store: opened read-only, nothing loaded
            store = OxigraphStore.open(Path(files[0]))
        else:
            store = OxigraphStore.from_files(*[Path(f) for f in files])
        engine = Engine(store, max_rows)
        _limit_memory(memory_limit)
        conn.send(("ready", os.getpid()))
    except BaseException as exc:  # noqa: BLE001 - report, then die
        try:
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        finally:
            return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            out = ("ok", engine.run(job))
        except NotAcceptable as exc:
            out = ("error", 406, str(exc))
        except (QueryError, ParamError) as exc:
            out = ("error", 400, str(exc))
        except NotFoundError as exc:
            out = ("error", 404, str(exc))
        except KgError as exc:  # the data or the build, not the request: the message says what
            out = ("error", 500, str(exc))
        except MemoryError:
            out = ("error", 503, "the query needed more memory than a worker may use "
                                 f"({memory_limit} MiB); add LIMIT or make it more selective")
        except Exception as exc:  # noqa: BLE001 - a bug or an engine error: one line to the client
            out = ("error", 500, f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}")
        try:
            conn.send(out)
        except (OSError, ValueError):
            return


# -------------------------------------------------------------- the pool


# Seconds a request may wait beyond ``--timeout`` in all (handing the job over, reading the answer).
GRACE = 0.5


class QueryTimeout(Exception):
    """The query did not answer within its run limit; ``waited``: seconds spent waiting for a worker first."""

    def __init__(self, limit: float = 0.0, waited: float = 0.0):
        super().__init__(f"no answer within {limit:g} s")
        self.limit, self.waited = limit, waited


class WorkerDied(Exception):
    pass


class Abandoned(Exception):
    """The request went away before a worker was free: its job is not run."""


def _worker_entry() -> None:
    """``python -c "from kg.serve import _worker_entry; _worker_entry()" FD CONFIG``: a worker process."""
    from multiprocessing.connection import Connection

    _die_with_parent()
    cfg = json.loads(sys.argv[2])
    _worker_main(Connection(int(sys.argv[1])), cfg["files"], cfg["max_rows"], cfg["memory_limit"])


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the server process dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(0)
    except (OSError, AttributeError):
        pass


class _Worker:
    """One worker: a fresh Python process (not a fork of the server) talking over a socket pair."""

    def __init__(self, files: list[str], settings: Settings):
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        self.settings = settings
        parent, child = socket.socketpair()
        cfg = json.dumps({"files": files, "max_rows": settings.max_rows, "memory_limit": settings.memory_limit})
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[1])  # so the child imports this very kg
        env["PYTHONPATH"] = package_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from kg.serve import _worker_entry; _worker_entry()", str(child.fileno()), cfg],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, env=env)
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.demoted = False
        self.jobs = 0

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError("a query worker did not start within %.0f s" % timeout)
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise RuntimeError("a query worker died while loading the store") from None
        if msg[0] != "ready":
            self.kill()
            raise RuntimeError(f"a query worker could not load the store: {msg[1]}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def call(self, job, timeout: float):
        """Send a job and wait for its answer; QueryTimeout / WorkerDied otherwise."""
        try:
            self.conn.send(job)
        except (OSError, ValueError):
            raise WorkerDied("the worker's pipe is closed") from None
        self.jobs += 1
        start = time.monotonic()
        first = min(timeout, self.settings.demote_after) if self.settings.demote_after > 0 else timeout
        ready = self.conn.poll(first)
        if not ready and first < timeout:
            self._demote()
            ready = self.conn.poll(max(0.0, timeout - (time.monotonic() - start)))
        if not ready:
            raise QueryTimeout()
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied("the worker ended while running the query") from None

    def _demote(self) -> None:
        """A long query yields the CPU to short ones: SCHED_IDLE (Linux), else nice 19.

        The query runs in the worker's main thread, whose thread id is the process id."""
        try:
            if hasattr(os, "SCHED_IDLE"):
                os.sched_setscheduler(self.proc.pid, os.SCHED_IDLE, os.sched_param(0))
            else:
                os.setpriority(os.PRIO_PROCESS, self.proc.pid, 19)
            self.demoted = True
        except (OSError, AttributeError):
            pass

    def restore(self) -> bool:
        """Undo a demotion; False when that is not allowed (the worker is then replaced)."""
        if not self.demoted:
            return True
        try:
            if hasattr(os, "SCHED_IDLE"):
                os.sched_setscheduler(self.proc.pid, os.SCHED_OTHER, os.sched_param(0))
            else:
                os.setpriority(os.PRIO_PROCESS, self.proc.pid, 0)
            self.demoted = False
            return True
        except (OSError, AttributeError):
            return False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(5)
        except (OSError, ValueError):
            pass
        except Exception:  # noqa: BLE001 - subprocess.TimeoutExpired: the kernel will reap it
            pass
        try:
            self.conn.close()
        except OSError:
            pass


class WorkerPool:
    """N worker processes over the same N-Quads files; a killed one is replaced.

    Limits: a request waits at most ``timeout`` (+ GRACE) in all, for a free
    worker and for its answer together; at most ``capacity`` requests are in
    the pool at once (running or waiting for a worker), beyond that a request
    is refused at once with 503 and Retry-After."""

    def __init__(self, files: list[str], settings: Settings):
        self.files = [str(f) for f in files]
        self.settings = settings
        self.capacity = settings.workers + 32  # one executor thread per admitted request: no hidden queue
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._executor = ThreadPoolExecutor(max_workers=self.capacity, thread_name_prefix="kg-serve")
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-serve-spawner")
        self._stats_lock = threading.Lock()  # the counters are updated from the request threads and the spawner
        self._stats = {"queries": 0, "timeouts": 0, "died": 0, "replaced": 0, "demoted": 0, "busy": 0,
                       "refused": 0}
        self._inflight = 0

    @property
    def stats(self) -> dict[str, int]:
        """A consistent copy of the counters."""
        with self._stats_lock:
            return dict(self._stats)

    def _count(self, key: str) -> None:
        with self._stats_lock:
            self._stats[key] += 1

    def start(self) -> None:
        with self._lock:
            if self._started or self._closed:
                return
            # every worker is created by the one long-lived spawner thread: PR_SET_PDEATHSIG follows the
            # creating *thread*, so a worker created by a short-lived thread would die with that thread
            workers = self._spawner.submit(
                lambda: [_Worker(self.files, self.settings) for _ in range(self.settings.workers)]).result()
            try:
                for w in workers:
                    w.wait_ready()
            except Exception:
                for w in workers:
                    w.kill()
                raise
            for w in workers:
                self._all.add(w)
                self._idle.put(w)
            self._started = True
            log.info("%d query workers ready (pids %s)", len(workers), ", ".join(str(w.pid) for w in workers))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._spawner.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        with self._lock:
            workers = list(self._all)
        return sorted(w.pid for w in workers if w.pid)

    def _replace(self, w: _Worker) -> None:
        """Kill a worker and start another (in the spawner thread; the caller does not wait)."""
        with self._lock:
            self._all.discard(w)
        w.kill()
        self._count("replaced")

        def spawn():
            delay = 0.5
            while not self._closed:
                try:
                    nw = _Worker(self.files, self.settings)
                    nw.wait_ready()
                except Exception as exc:  # noqa: BLE001
                    log.error("could not start a replacement worker: %s; retrying", exc)
                    time.sleep(delay)
                    delay = min(delay * 2, 10)
                    continue
                with self._lock:
                    if self._closed:
                        nw.kill()
                        return
                    self._all.add(nw)
                self._idle.put(nw)
                return

        try:
            self._spawner.submit(spawn)
        except RuntimeError:  # shut down
            pass

    def _busy(self, why: str) -> HttpError:
        return HttpError(503, f"the endpoint is busy: {why}; retry in a moment", {"Retry-After": "1"})

    def run_blocking(self, job, timeout: float | None = None, deadline: float | None = None,
                     cancelled: threading.Event | None = None):
        """Run one job on a free worker; the whole call ends by ``deadline`` (default: now + timeout + GRACE).

        A worker is awaited until ``deadline - GRACE``; the query then runs for
        at most ``timeout`` and never past the deadline."""
        timeout = self.settings.timeout if timeout is None else timeout
        arrived = time.monotonic()
        if deadline is None:
            deadline = arrived + timeout + GRACE
        else:
            arrived = deadline - timeout - GRACE
        if not self._started:  # no lifespan: the first request starts the workers, and gets its full time
            self.start()
            deadline = max(deadline, time.monotonic() + timeout + GRACE)
            arrived = deadline - timeout - GRACE
        while True:
            try:
                w = self._idle.get(timeout=max(0.0, deadline - GRACE - time.monotonic()))
            except queue.Empty:
                self._count("busy")
                raise self._busy(f"all {self.settings.workers} query workers stayed busy for {timeout:g} s") from None
            if cancelled is not None and cancelled.is_set():  # nobody waits for the answer any more
                self._idle.put(w)
                raise Abandoned()
            if w.alive():
                break
            self._replace(w)
        self._count("queries")
        started = time.monotonic()
        limit = max(0.0, min(timeout, deadline - started))
        try:
            answer = w.call(job, limit)
        except QueryTimeout:
            self._count("timeouts")
            self._replace(w)
            raise QueryTimeout(limit, started - arrived) from None
        except WorkerDied:
            self._count("died")
            self._replace(w)
            raise
        if w.demoted:
            self._count("demoted")
        if w.restore():
            self._idle.put(w)
        else:
            self._replace(w)
        return answer

    async def run(self, job, timeout: float | None = None):
        timeout = self.settings.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout + GRACE
        with self._stats_lock:
            admitted = self._inflight < self.capacity
            if admitted:
                self._inflight += 1
            else:
                self._stats["refused"] += 1
        if not admitted:
            raise self._busy(f"{self.capacity} requests are already running or waiting for a query worker")
        cancelled = threading.Event()

        def task():
            try:
                return self.run_blocking(job, timeout, deadline, cancelled)
            finally:
                with self._stats_lock:
                    self._inflight -= 1

        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, task)
        except RuntimeError:  # the executor is shut down: the server is stopping
            with self._stats_lock:
                self._inflight -= 1
            raise HttpError(503, "the endpoint is shutting down", {"Retry-After": "1"}) from None
        try:
            return await future
        except asyncio.CancelledError:
            cancelled.set()
            raise


# ------------------------------------------------------- linked-data paths

def local_path(iri: str) -> str | None:
    """Where an IRI of the dataset's namespaces is served (HTML page), or None."""
    if iri.startswith(ns.ID):
        return "/page/" + iri[len(ns.ID):]
    if iri.startswith(ns.STC):
        return "/ontology#" + iri[len(ns.STC):]
    if iri == ns.ONTOLOGY_IRI:
        return "/ontology"
    if iri.startswith(ns.GRAPH):
        return "/graph/" + iri[len(ns.GRAPH):]
    if iri == ns.DATASET_IRI:
        return "/"
    return None


# ------------------------------------------------------------- the dataset


class Snapshot:
    """The server's private copy of what it serves, in a temporary folder it owns.

    ``kg build`` deletes the generation folders it replaces, and a running
    server starts new workers (after a timeout) long after it started: so the
    workers never read the build folder.  At start the served files are
    hard-linked into the snapshot where the file system allows (``link``: the
    build writes new files and never changes old ones, so a link is as good
    as a copy), else copied.  The dumps of the served build are written here
    too.  :meth:`remove` deletes it (at shutdown; at interpreter exit at the
    latest)."""

    def __init__(self, files: dict[str, Path], link: bool = True):
        import tempfile
        import weakref

        self.path = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        self._finalizer = weakref.finalize(self, _remove_tree, self.path)
        try:
            for name, src in files.items():
                (self.path / name).parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(Path(src), self.path / name, link)
        except OSError as exc:
            self.remove()
            raise KgError(f"cannot copy {src} for the server: {exc.strerror or exc}") from None

    def remove(self) -> None:
        self._finalizer()

    @property
    def removed(self) -> bool:
        return not self._finalizer.alive


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _link_or_copy(src: Path, dst: Path, link: bool = True) -> None:
    import shutil

    if link:
        try:
            os.link(src, dst)
            return
        except OSError:  # another file system, or links not allowed: copy
            pass
    shutil.copy2(src, dst)


@dataclass
class Dataset:
    """What a server serves: N-Quads files and, for a kg project, its build, catalogue and dumps.

    ``files`` and ``built.path`` point into the server's :class:`Snapshot`,
    never into the project's build folder."""

    files: list[Path]
    project: Any = None
    built: Any = None
    title: str = "SPARQL endpoint"
    snapshot: Snapshot | None = None
    _dumps_lock: threading.Lock = field(default_factory=threading.Lock)
    _queries: SavedQueries | None = None

    @classmethod
    def of_project(cls, project) -> Dataset:
        """The project's build (built first when missing or stale: at start, never in a request), snapshotted."""
        from kg.build import ARTIFACTS, STORE, serving_build
        from kg.progress import Reporter

        built = serving_build(project, reporter=Reporter(quiet=False, tty=False))
        files = {name: built.path / name for name in ARTIFACTS if (built.path / name).is_file()}
        files.update({f"{STORE}/{f.name}": f for f in sorted(built.store_path.iterdir()) if f.is_file()})
        snap = Snapshot(files)
        built = replace(built, path=snap.path)
        return cls(files=[snap.path / STORE], project=project, built=built, snapshot=snap)

    @classmethod
    def of_files(cls, files, title: str) -> Dataset:
        """Any N-Quads files, copied (not linked: such files may be edited in place)."""
        paths = [Path(f) for f in files]
        for f in paths:
            if not f.is_file():
                raise KgError(f"no such N-Quads file: {f}")
        snap = Snapshot({f"{i:03d}-{f.name}": f for i, f in enumerate(paths)}, link=False)
        return cls(files=[snap.path / f"{i:03d}-{f.name}" for i, f in enumerate(paths)], title=title, snapshot=snap)

    def close(self) -> None:
        if self.snapshot is not None:
            self.snapshot.remove()

    def dumps_dir(self) -> Path | None:
        """The export of the served build (dumps, void.ttl, SHA256SUMS), written on first use into the snapshot.

        ``export_built`` writes exactly the build this server serves and never
        builds: a request never runs a build."""
        if self.project is None:
            return None
        out = self.snapshot.path / "dumps"
        with self._dumps_lock:
            if self.snapshot.removed:
                raise HttpError(503, "the server is shutting down", {"Retry-After": "1"})
            if not (out / "SHA256SUMS").is_file():
                from kg.export import export_built

                export_built(self.built, out)
        return out

    def saved_queries(self) -> SavedQueries | None:
        if self.project is None:
            return None
        if self._queries is None:
            self._queries = SavedQueries(self.project)
        return self._queries


class SavedQueries:
    """The project's saved queries (``queries/*.rq``), read from the working copy as they are now.

    Each file is parsed once per change (size and mtime); a file that does
    not parse is kept with its one-line error, so one bad query spoils only
    itself: the landing page lists it with the error, and using it answers
    500 with the message."""

    def __init__(self, project):
        self.project = project
        self._cache: dict[Path, tuple[tuple, Any]] = {}
        self._lock = threading.Lock()

    def _read(self, path: Path, is_check: bool):
        from kg.catalogue import read_query

        try:
            st = path.stat()
        except OSError:
            return None  # removed meanwhile
        key = (st.st_mtime_ns, st.st_size, is_check)
        hit = self._cache.get(path)
        if hit is None or hit[0] != key:
            display = self.project.relpath(path)
            try:
                value: Any = read_query(path, is_check=is_check, display=display)
            except KgError as exc:
                value = exc
            except (OSError, UnicodeDecodeError) as exc:
                value = KgError(f"{display}: cannot be read: {exc}")
            hit = (key, value)
            self._cache[path] = hit
        return hit[1]

    def entries(self, checks: bool = False) -> list[tuple[str, Any]]:
        """[(name, SavedQuery or the KgError reading it)] of ``queries/*.rq`` by name (``checks``: of the checks)."""
        with self._lock:
            paths = self.project.check_files() if checks else self.project.query_files()
            out = [(path.stem, q) for path in paths if (q := self._read(path, checks)) is not None]
            if not checks:  # forget the files that are gone
                keep = set(paths) | set(self.project.check_files())
                for gone in set(self._cache) - keep:
                    del self._cache[gone]
        return sorted(out, key=lambda e: e[0])

    def usable(self) -> list:
        return [q for _, q in self.entries() if not isinstance(q, Exception)]

    def get(self, name: str):
        """The saved query ``name``; 404 (with suggestions) when there is none, 500 when it does not parse."""
        from kg.catalogue import Catalogue

        entries = dict(self.entries())
        found = entries.get(name)
        if found is None:  # a check can be opened by name too, as ``kg query NAME`` does
            found = dict(self.entries(checks=True)).get(name)
        if isinstance(found, Exception):
            raise HttpError(500, f"the saved query {name!r} cannot be used: {found}")
        if found is not None:
            return found
        try:
            Catalogue([q for q in entries.values() if not isinstance(q, Exception)]).get(name)
        except KgError as exc:  # UnknownQueryError, with the close names
            raise HttpError(404, str(exc)) from None
        raise HttpError(404, f"no saved query named {name!r}")


# ------------------------------------------------------------------ the app

_PLAIN = "text/plain; charset=utf-8"
LD_OFFERS = HTML_OFFERS + [
    ("text/turtle", "turtle"), ("application/ld+json", "jsonld"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdfxml"), ("application/x-turtle", "turtle"), ("application/json", "jsonld"),
]
RDF_OFFERS = [o for o in LD_OFFERS if o[1] != "html"]
def _dump_media() -> dict[str, str]:
    """File name -> media type of what /dumps serves: kg.export's table, plus its two side files."""
    from kg.export import DUMP_MEDIA as dumps

    return dumps | {"void.ttl": "text/turtle", "SHA256SUMS": _PLAIN}


DUMP_MEDIA = _dump_media()


@dataclass
class ProtocolRequest:
    query: str
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    params: dict[str, str]
    select_fmts: list[str]
    graph_fmts: list[str]


def _iri_list(values: list[str], name: str) -> list[str]:
    import pyoxigraph as ox

    for v in values:
        try:
            ox.NamedNode(v)
        except ValueError as exc:
            raise HttpError(400, f"{name}={v!r} is not an absolute IRI ({exc})") from None
    return values


def _decode_params(raw: str, where: str) -> list[tuple[str, str]]:
    try:
        return urllib.parse.parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise HttpError(400, f"the {where} is not UTF-8 once percent-decoded") from None
    except ValueError as exc:
        raise HttpError(400, f"the {where} cannot be read: {exc}") from None


def _charset_ok(content_type: str) -> bool:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return False
    return True


def choose_format(request, offers, what: str) -> str:
    """The best of ``offers`` for the request's Accept; 406 listing the offered media types when none fits."""
    accept = request.headers.get("accept")
    fmts = negotiate(accept, offers)
    if not fmts:
        media = ", ".join(dict.fromkeys(m for m, _ in offers))
        raise HttpError(406, f"{what} is available as {media}; the request's Accept ({accept}) allows none of them",
                        {"Vary": "Accept"})
    return fmts[0]


# Library errors that the request caused; every other KgError is about the server's data or files.
CLIENT_ERRORS: tuple[tuple[type, int], ...] = (
    (NotAcceptable, 406), (QueryError, 400), (ParamError, 400), (UsageError, 400),
    (UnknownQueryError, 404), (NotFoundError, 404),
)


def http_error(exc: KgError) -> HttpError:
    """The HTTP answer to a library error: its one-line message, 4xx when the request caused it, else 500."""
    for cls, status in CLIENT_ERRORS:
        if isinstance(exc, cls):
            return HttpError(status, str(exc))
    return HttpError(500, f"the server cannot answer: {exc}")


class KgServer:
    """The state of one running endpoint: the dataset, the limits, the worker pool, small caches."""

    def __init__(self, dataset: Dataset, settings: Settings):
        import jinja2

        self.dataset = dataset
        self.settings = settings
        self.pool = WorkerPool([str(f) for f in dataset.files], settings)
        self._index: dict | None = None
        self._index_lock = asyncio.Lock()
        self._ontology: dict | None = None
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")),
                                      autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                                      lstrip_blocks=True)
        self.env.globals.update(version=__version__, local_path=local_path, shorten=ns.shorten,
                                display_label=display_label, ns=ns, settings=settings,
                                dataset_title=dataset.title)
        self.env.filters["num"] = _number

    # -- workers
    async def call(self, name: str, **kwargs):
        try:
            answer = await self.pool.run((name, kwargs))
        except QueryTimeout as exc:
            limit = self.settings.timeout
            if exc.limit >= limit:
                raise HttpError(504, f"the query ran longer than this endpoint's limit of {limit:g} s "
                                     "and was stopped; make it more selective or add LIMIT") from None
            raise HttpError(504, f"the query did not finish within this endpoint's limit of {limit:g} s: it waited "
                                 f"{exc.waited:.1f} s for a free query worker and was stopped after running "
                                 f"{exc.limit:.1f} s; retry in a moment, or make it more selective or add LIMIT",
                            {"Retry-After": "1"}) from None
        except WorkerDied:
            raise HttpError(503, "the query ended its worker process (most likely it needed more than the "
                                 f"{self.settings.memory_limit} MiB a worker may use) and was stopped; "
                                 "make it more selective or add LIMIT") from None
        if answer[0] == "ok":
            return answer[1]
        _, status, message = answer
        raise HttpError(status, message)

    async def index(self) -> dict:
        if self._index is None:
            async with self._index_lock:
                if self._index is None:
                    idx = await self.call("index")
                    idx["iri_set"] = set(idx["iris"])
                    self._index = idx
        return self._index

    # -- rendering
    def render(self, template: str, status: int = 200, headers: dict | None = None, **ctx):
        from starlette.responses import HTMLResponse

        labels = ctx.pop("labels", None) or {}
        if self._index is not None:
            labels = {**self._index["labels"], **labels}
        html = self.env.get_template(template).render(labels=labels, **ctx)
        return HTMLResponse(html, status_code=status, headers=headers)

    def error_response(self, request, exc: HttpError):
        from starlette.responses import Response

        accept = request.headers.get("accept") or ""
        # an HTML error page only for clients that name text/html (browsers); */* gets plain text
        wants_html = (not request.url.path.startswith("/sparql") and "html" in accept
                      and negotiate(accept, HTML_OFFERS + [("text/plain", "plain")])[:1] == ["html"])
        if wants_html:
            resp = self.render("error.html", status=exc.status, headers=exc.headers, status_code=exc.status,
                               message=exc.message, title=f"{exc.status} error")
        else:
            resp = Response(exc.message.rstrip("\n") + "\n", status_code=exc.status, media_type=_PLAIN,
                            headers=exc.headers)
        return resp

    # ------------------------------------------------------------- SPARQL
    async def protocol_request(self, request) -> ProtocolRequest | None:
        """Read a SPARQL 1.1 Protocol query request; None for a GET without query (service description)."""
        s = self.settings
        raw_qs = request.scope.get("query_string", b"")
        if len(raw_qs) > s.max_body:
            raise HttpError(414, f"the request URL's query string is longer than {s.max_body} bytes; "
                                 "send the query by POST")
        params = _decode_params(raw_qs.decode("latin-1"), "URL query string")
        direct_query = None
        if request.method == "POST":
            ctype = request.headers.get("content-type", "")
            mime = ctype.split(";")[0].strip().lower()
            body = await self.read_body(request)
            if mime == "application/x-www-form-urlencoded":
                if not _charset_ok(ctype):
                    raise HttpError(415, "form-encoded requests must be UTF-8")
                try:
                    text = body.decode("ascii")
                except UnicodeDecodeError:
                    raise HttpError(400, "a form-encoded body must be ASCII (percent-encode the rest)") from None
                params += _decode_params(text, "form-encoded body")
            elif mime in ("application/sparql-query", "application/sparql-update"):
                if not _charset_ok(ctype):
                    raise HttpError(415, f"{mime} bodies must be UTF-8 (SPARQL 1.1 Protocol §2.1.3)")
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise HttpError(400, f"the {mime} body is not valid UTF-8") from None
                if mime == "application/sparql-update":
                    raise HttpError(403, "this endpoint is read-only: SPARQL Update requests "
                                         "(application/sparql-update) are refused")
                direct_query = text
            elif not mime:
                raise HttpError(415, "a POST needs a Content-Type: application/x-www-form-urlencoded "
                                     "(query=…) or application/sparql-query (the query as the body)")
            else:
                raise HttpError(415, f"unsupported Content-Type {mime!r}: use application/x-www-form-urlencoded "
                                     "(query=…) or application/sparql-query (the query as the body)")
        queries = [v for k, v in params if k == "query"]
        updates = [v for k, v in params if k == "update"]
        if direct_query is not None:
            if queries:
                raise HttpError(400, "a query given both as the body (application/sparql-query) and as a "
                                     "query= parameter: send exactly one")
            queries = [direct_query]
        if queries and updates:
            raise HttpError(400, "a request carries both query= and update=: send exactly one operation")
        if len(queries) > 1:
            raise HttpError(400, f"{len(queries)} query= parameters: send exactly one query per request")
        if len(updates) > 1:
            raise HttpError(400, f"{len(updates)} update= parameters: send exactly one update per request "
                                 "(and this endpoint is read-only)")
        if updates:
            how = " (and never by GET)" if request.method == "GET" else ""
            raise HttpError(403, f"this endpoint is read-only: SPARQL Update requests are refused{how}")
        for k, _ in params:
            if k in ("using-graph-uri", "using-named-graph-uri"):
                raise HttpError(400, f"{k} is a parameter of SPARQL Update; this endpoint is read-only")
        if not queries:
            if request.method == "GET":
                return None
            raise HttpError(400, "missing query: send query=… (form-encoded) or an application/sparql-query body")
        text = queries[0]
        if not text.strip():
            raise HttpError(400, "the query is empty")
        if len(text.encode("utf-8")) > s.max_body:
            raise HttpError(413, f"the query is longer than {s.max_body} bytes")
        word = update_keyword(text)
        if word:
            raise HttpError(403, f"this endpoint is read-only: {word} is a SPARQL Update operation and is refused")
        defaults = [v for k, v in params if k == "default-graph-uri"]
        named = [v for k, v in params if k == "named-graph-uri"]
        bind = {}
        for k, v in params:
            if k.startswith("$") and len(k) > 1:
                if k[1:] in bind:
                    raise HttpError(400, f"parameter {k} is given twice")
                bind[k[1:]] = v
        accept = request.headers.get("accept")
        select_fmts = negotiate(accept, SELECT_OFFERS)
        graph_fmts = negotiate(accept, GRAPH_OFFERS)
        fmt = [v for k, v in params if k in ("format", "output")]
        if fmt:
            choice = FORMAT_PARAM.get(fmt[-1].strip().lower())
            if choice is None:
                raise HttpError(400, f"format={fmt[-1]!r} is unknown; use one of {', '.join(FORMAT_PARAM)}")
            select_fmts = [choice[0]] if choice[0] else []
            graph_fmts = [choice[1]] if choice[1] else []
        if not select_fmts and not graph_fmts:
            raise HttpError(406, f"no result format matches Accept: {accept}; this endpoint writes "
                                 "application/sparql-results+json, application/sparql-results+xml, text/csv, "
                                 "text/tab-separated-values, text/turtle, application/n-triples, "
                                 "application/ld+json and application/rdf+xml")
        return ProtocolRequest(text, _iri_list(defaults, "default-graph-uri") if (defaults or named) else None,
                               _iri_list(named, "named-graph-uri") if (defaults or named) else None, bind,
                               select_fmts, graph_fmts)

    async def read_body(self, request) -> bytes:
        limit = self.settings.max_body
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise HttpError(413, f"the request body ({length} bytes) is larger than this endpoint's limit of {limit} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HttpError(413, f"the request body is larger than this endpoint's limit of {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def sparql(self, request):
        from starlette.responses import RedirectResponse, Response

        if request.method not in ("GET", "HEAD", "POST"):
            raise HttpError(405, f"{request.method} is not a SPARQL 1.1 Protocol query method: use GET or POST",
                            {"Allow": "GET, HEAD, POST, OPTIONS"})
        preq = await self.protocol_request(request)
        if preq is None:
            fmt = choose_format(request, GRAPH_OFFERS[:4] + HTML_OFFERS, "the service description")
            if fmt == "html":
                return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
            from kg.formats import MEDIA_TYPES

            body = await self.service_description(request, fmt)
            return Response(body, media_type=MEDIA_TYPES[fmt], headers={"Vary": "Accept"})
        out = await self.call("sparql", text=preq.query, params=preq.params, default_graphs=preq.default_graphs,
                              named_graphs=preq.named_graphs, select_fmts=preq.select_fmts, graph_fmts=preq.graph_fmts,
                              base_iri=self.endpoint(request))
        headers = {"Vary": "Accept"}
        if out["truncated"]:
            headers["KG-Results-Truncated"] = f"max-rows={self.settings.max_rows}"
        return Response(out["body"], media_type=out["media"], headers=headers)

    @staticmethod
    def endpoint(request) -> str:
        """The endpoint's own address: the base IRI of queries and the service description's sd:endpoint."""
        return f"{request.url.scheme}://{request.url.netloc}{request.url.path}"

    async def service_description(self, request, fmt: str) -> bytes:
        import pyoxigraph as ox

        from kg.formats import serialize_triples

        idx = await self.index()
        N, L = ox.NamedNode, ox.Literal
        rdf, void, dct = ns.PREFIXES["rdf"], ns.PREFIXES["void"], ns.PREFIXES["dct"]
        xsd_int = N(ns.PREFIXES["xsd"] + "integer")
        endpoint = N(self.endpoint(request))
        svc = endpoint
        t = [ox.Triple(svc, N(rdf + "type"), N(SD + "Service")),
             ox.Triple(svc, N(SD + "endpoint"), endpoint),
             ox.Triple(svc, N(SD + "supportedLanguage"), N(SD + "SPARQL11Query")),
             ox.Triple(svc, N(SD + "feature"), N(SD + "UnionDefaultGraph")),
             ox.Triple(svc, N(SD + "defaultEntailmentRegime"), N(ENTAILMENT + "Simple")),
             ox.Triple(svc, N(dct + "title"), L(f"{self.dataset.title} (kg {__version__}, read-only)")),
             ox.Triple(svc, N(ns.PREFIXES["rdfs"] + "comment"), L(
                 f"Read-only. Queries stop after {self.settings.timeout:g} s; answers are cut at "
                 f"{self.settings.max_rows} rows; SERVICE and FROM of graphs outside the dataset are refused; "
                 "the default graph is the union of the named graphs (OWL RL inferences in "
                 f"<{ns.INFERRED_GRAPH}>)."))]
        for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
            t.append(ox.Triple(svc, N(SD + "resultFormat"), N(FORMATS + f)))
        ds = N(ns.DATASET_IRI) if self.dataset.project is not None else ox.BlankNode("dataset")
        dg = ox.BlankNode("defaultGraph")
        t += [ox.Triple(svc, N(SD + "defaultDataset"), ds),
              ox.Triple(ds, N(rdf + "type"), N(SD + "Dataset")),
              ox.Triple(ds, N(SD + "defaultGraph"), dg),
              ox.Triple(dg, N(rdf + "type"), N(SD + "Graph")),
              ox.Triple(dg, N(void + "triples"), L(str(idx["default_triples"]), datatype=xsd_int))]
        if self.dataset.project is not None:
            t.append(ox.Triple(ds, N(void + "sparqlEndpoint"), endpoint))
        for n, (g, count) in enumerate(sorted(idx["graphs"].items()), 1):
            ng, gr = ox.BlankNode(f"named{n:03d}"), ox.BlankNode(f"graph{n:03d}")
            t += [ox.Triple(ds, N(SD + "namedGraph"), ng),
                  ox.Triple(ng, N(rdf + "type"), N(SD + "NamedGraph")),
                  ox.Triple(ng, N(SD + "name"), N(g)),
                  ox.Triple(ng, N(SD + "graph"), gr),
                  ox.Triple(gr, N(rdf + "type"), N(SD + "Graph")),
                  ox.Triple(gr, N(void + "triples"), L(str(count), datatype=xsd_int))]
        if fmt in ("turtle", "rdfxml"):
            fmts = {"turtle": ox.RdfFormat.TURTLE, "rdfxml": ox.RdfFormat.RDF_XML}
            from kg.formats import used_prefixes

            prefixes = {"sd": SD, **used_prefixes(t)}  # the project prefixes (kg.namespaces) the triples use
            return ox.serialize(sorted(t, key=str), format=fmts[fmt], prefixes=prefixes) + b"\n"
        return serialize_triples(t, fmt)

    # ------------------------------------------------------- linked data
    def _entity_iri(self, request) -> tuple[str, str | None]:
        kind, slug = request.path_params["kind"], request.path_params["slug"]
        fmt = None
        stem, dot, ext = slug.rpartition(".")
        if dot and ext in SUFFIXES:
            slug, fmt = stem, SUFFIXES[ext]
        elif dot and ext == "html":
            slug, fmt = stem, "html"
        return f"{ns.ID}{kind}/{slug}", fmt

    async def _known(self, iri: str) -> bool:
        idx = await self.index()
        return iri in idx["iri_set"]

    def _not_found(self, iri: str) -> HttpError:
        return HttpError(404, f"{iri} is not an entity of this dataset")

    async def entity_id(self, request):
        """``/id/{kind}/{slug}``: 303 See Other to the page (HTML) or the data (RDF), by Accept."""
        from starlette.responses import Response

        iri, fmt = self._entity_iri(request)
        if not await self._known(iri):
            raise self._not_found(iri)
        rest = iri[len(ns.ID):]
        if fmt == "html":
            return await self.entity_page(request)
        if fmt is not None:
            return await self.entity_data(request)
        fmt = choose_format(request, LD_OFFERS, iri)
        target = f"/page/{rest}" if fmt == "html" else f"/data/{rest}.{FORMAT_SUFFIX[fmt]}"
        return Response(f"303 See Other: {target}\n", status_code=303, media_type=_PLAIN,
                        headers={"Location": target, "Vary": "Accept"})

    async def entity_page(self, request):
        iri, _ = self._entity_iri(request)
        if not await self._known(iri):
            raise self._not_found(iri)
        data = await self.call("entity", iri=iri)
        if data is None:
            raise self._not_found(iri)
        idx = await self.index()
        labels = data.pop("labels")
        rest = iri[len(ns.ID):]
        return self.render("entity.html", e=data, labels=labels, types=idx["types"].get(iri, []),
                           rest=rest, title=display_label(iri, labels),
                           alternates=[(f"/data/{rest}.{ext}", m) for ext, m in
                                       (("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
                                        ("nt", "application/n-triples"))])

    async def entity_data(self, request):
        """``/data/{kind}/{slug}.ttl|.jsonld|.nt|.rdf`` (or content-negotiated without suffix)."""

        iri, fmt = self._entity_iri(request)
        if fmt == "html":
            return await self.entity_page(request)
        headers = {}
        rest = iri[len(ns.ID):]
        if fmt is None:
            fmt = choose_format(request, RDF_OFFERS, f"the data about {iri}")
            headers = {"Vary": "Accept", "Content-Location": f"/data/{rest}.{FORMAT_SUFFIX[fmt]}"}
        if not await self._known(iri):
            raise self._not_found(iri)
        out = await self.call("describe", iri=iri, fmt=fmt)
        if out is None:
            raise self._not_found(iri)
        headers["Link"] = f'<{iri}>; rel="describes", </page/{rest}>; rel="alternate"; type="text/html"'
        return self._rdf_response(out, fmt, headers)

    def _rdf_response(self, out: dict, fmt: str, headers: dict):
        """An RDF document from a worker's {"body", "truncated"}, with KG-Results-Truncated when it was cut."""
        from starlette.responses import Response

        from kg.formats import MEDIA_TYPES

        if out["truncated"]:
            headers = {**headers, "KG-Results-Truncated": f"max-rows={self.settings.max_rows}"}
        return Response(out["body"], media_type=MEDIA_TYPES[fmt], headers=headers)

    async def ontology(self, request):
        """``/ontology``: the ontology (a hash namespace) as HTML or RDF, content-negotiated 200."""

        ext = request.path_params.get("ext")
        if ext is not None:
            if ext not in SUFFIXES:
                raise HttpError(404, f"no /ontology.{ext}: use .ttl, .jsonld, .nt or .rdf")
            fmt, headers = SUFFIXES[ext], {}
        else:
            fmt = choose_format(request, LD_OFFERS, "the ontology")
            headers = {"Vary": "Accept"}
            if fmt != "html":
                headers["Content-Location"] = f"/ontology.{FORMAT_SUFFIX[fmt]}"
        if ns.ONTOLOGY_GRAPH not in (await self.index())["graphs"]:
            raise HttpError(404, "this dataset has no ontology graph")
        if fmt == "html":
            if self._ontology is None:
                self._ontology = await self.call("ontology")
            o = self._ontology
            groups: dict[str, list] = {}
            for term in o["terms"]:
                groups.setdefault(_term_group(term["kinds"]), []).append(term)
            head = {}
            for p, v in o["head"]:
                head.setdefault(p, v["value"])
            return self.render("ontology.html", headers=headers, groups=groups, head=head, labels=o["labels"],
                               order=["Classes", "Object properties", "Datatype properties",
                                      "Annotation properties", "Concepts and individuals"])
        out = await self.call("graph", iri=ns.ONTOLOGY_GRAPH, fmt=fmt)
        return self._rdf_response(out, fmt, headers)

    async def graph(self, request):
        """``/graph/{name}``: a named graph that is not a source (e.g. the inferred graph)."""

        name = request.path_params["name"]
        fmt = None
        stem, dot, ext = name.rpartition(".")
        if dot and ext in SUFFIXES:
            name, fmt = stem, SUFFIXES[ext]
        iri = ns.GRAPH + name
        idx = await self.index()
        if iri not in idx["graphs"]:
            raise HttpError(404, f"{iri} is not a graph of this dataset")
        headers = {}
        if fmt is None:
            fmt = choose_format(request, LD_OFFERS, iri)
            headers = {"Vary": "Accept"}
        if fmt == "html":
            q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT 200"
            return self.render("graph.html", headers=headers, iri=iri, name=name, count=idx["graphs"][iri],
                               query_link="/query?" + urllib.parse.urlencode({"query": q, "run": "1"}))
        out = await self.call("graph", iri=iri, fmt=fmt)
        if out is None:
            raise HttpError(404, f"{iri} is not a graph of this dataset")
        return self._rdf_response(out, fmt, headers)

    async def browse(self, request):
        kind = request.path_params["kind"]
        idx = await self.index()
        prefix = f"{ns.ID}{kind}/"
        iris = [i for i in idx["iris"] if i.startswith(prefix) and "/" not in i[len(prefix):]]
        if not iris:
            raise HttpError(404, f"no entities of kind {kind!r}")
        items = sorted(iris, key=lambda i: (idx["labels"].get(i) or i).lower())
        return self.render("browse.html", kind=kind, items=items, title=f"{kind}: {len(items)} entities")

    # -------------------------------------------------------- landing page
    def void(self) -> dict:
        """The dataset description read from the export's void.ttl (title, licence, counts, dumps)."""
        import pyoxigraph as ox

        out = self.dataset.dumps_dir()
        if out is None:
            return {}
        triples = list(ox.parse(path=str(out / "void.ttl"), format=ox.RdfFormat.TURTLE,
                                base_iri=f"file://{out.as_posix()}/"))
        void, dct, dcat, spdx = (ns.PREFIXES[p] for p in ("void", "dct", "dcat", "spdx"))
        ds = ns.DATASET_IRI
        d: dict = {"classes": [], "dumps": [], "sources": [], "examples": []}
        by_subject: dict[str, dict[str, list]] = {}
        for t in triples:
            by_subject.setdefault(str(t.subject), {}).setdefault(t.predicate.value, []).append(t.object)
        top = by_subject.get(f"<{ds}>", {})

        def one(node: dict, p: str):
            v = node.get(p)
            return v[0].value if v else None

        for key, p in (("title", dct + "title"), ("description", dct + "description"), ("license", dct + "license"),
                       ("version", dcat + "version"), ("identifier", dct + "identifier"),
                       ("triples", void + "triples"), ("subjects", void + "distinctSubjects"),
                       ("properties", void + "properties"), ("nclasses", void + "classes")):
            d[key] = one(top, p)
        for part in top.get(void + "classPartition", []):
            node = by_subject.get(str(part), {})
            d["classes"].append((one(node, void + "class"), int(one(node, void + "entities") or 0)))
        d["classes"].sort(key=lambda c: -c[1])
        for dist in top.get(dcat + "distribution", []):
            node = by_subject.get(str(dist), {})
            ck = by_subject.get(str(node.get(spdx + "checksum", [None])[0]), {})
            name = one(node, dct + "title")
            d["dumps"].append({"name": name, "media": one(node, dcat + "mediaType"),
                               "size": int(one(node, dcat + "byteSize") or 0),
                               "sha256": one(ck, spdx + "checksumValue")})
        d["dumps"].sort(key=lambda x: x["name"])
        d["sources"] = sorted(v.value for v in top.get(dct + "source", []))
        d["examples"] = sorted(v.value for v in top.get(void + "exampleResource", []))
        return d

    async def landing(self, request):
        from starlette.responses import RedirectResponse

        offers = HTML_OFFERS + (RDF_OFFERS[:1] if self.dataset.project is not None else [])
        if choose_format(request, offers, "the landing page") == "turtle":
            return RedirectResponse("/dumps/void.ttl", status_code=303, headers={"Vary": "Accept"})
        idx = await self.index()
        loop = asyncio.get_running_loop()
        void = await loop.run_in_executor(None, self.void)
        queries = []
        saved = self.dataset.saved_queries()
        for name, q in saved.entries() if saved is not None else []:
            if isinstance(q, Exception):  # listed with its error; the other queries still work
                queries.append({"name": name, "title": name, "description": "", "params": [], "error": str(q)})
                continue
            queries.append({"name": q.name, "title": q.title, "description": q.description,
                            "params": q.params, "example": q.example_params(), "error": None,
                            "run": "/query?" + urllib.parse.urlencode({"name": q.name, "run": "1"})})
        kinds: dict[str, int] = {}
        for i in idx["iris"]:
            if i.startswith(ns.ID):
                k = i[len(ns.ID):].split("/", 1)[0]
                kinds[k] = kinds.get(k, 0) + 1
        return self.render("index.html", void=void, queries=queries, kinds=sorted(kinds.items()),
                           graphs=sorted(idx["graphs"].items()), default_triples=idx["default_triples"],
                           has_project=self.dataset.project is not None,
                           title=void.get("title") or self.dataset.title)

    async def dumps(self, request):
        from starlette.responses import FileResponse

        name = request.path_params["name"]
        if name not in DUMP_MEDIA:
            raise HttpError(404, f"no dump named {name!r}; the dumps are {', '.join(DUMP_MEDIA)}")
        loop = asyncio.get_running_loop()
        out = await loop.run_in_executor(None, self.dataset.dumps_dir)
        if out is None:
            raise HttpError(404, "this server serves no kg project, so it has no dumps")
        return FileResponse(out / name, media_type=DUMP_MEDIA[name],
                            headers={"Content-Disposition": f'inline; filename="{name}"'})

    # ------------------------------------------------------- query page
    async def query_page(self, request):
        qp = request.query_params
        text, params, name, title, description = qp.get("query", ""), [], qp.get("name"), None, None
        cat = self.dataset.saved_queries()
        saved = []
        if cat is not None:
            saved = [(q.name, q.title) for q in cat.usable()]
            if name:
                q = cat.get(name)
                text, title, description = qp.get("query") or q.text, q.title, q.description
                ex = q.example_params()
                # one-click runs: required parameters get the header's example value, optional ones stay free
                params = [{"name": p.name, "type": p.type, "required": p.required, "description": p.description,
                           "value": qp.get("$" + p.name) or (ex.get(p.name, "") if p.required else "")}
                          for p in q.params]
        if not text:
            text = ("SELECT ?park ?label WHERE {\n  ?park a stc:ParkOrZone ; skos:prefLabel ?label .\n"
                    "  FILTER(lang(?label) = \"en\")\n} ORDER BY ?label LIMIT 50\n") if cat is not None else \
                "SELECT * WHERE { ?s ?p ?o } LIMIT 20\n"
        config = {"endpoint": "/sparql", "prefixes": ns.PREFIXES, "local": {"id": ns.ID, "stc": ns.STC,
                  "ontology": ns.ONTOLOGY_IRI, "graph": ns.GRAPH, "dataset": ns.DATASET_IRI},
                  "autorun": qp.get("run") in ("1", "true", "yes"), "name": name if name and not qp.get("query") else None,
                  "text": text}
        return self.render("query.html", text=text, params=params, name=name, saved=saved, qtitle=title,
                           description=description, config=json.dumps(config).replace("</", "<\\/"),
                           title="Query")

    async def saved_query(self, request):
        from starlette.responses import Response

        cat = self.dataset.saved_queries()
        name = request.path_params["name"]
        if cat is None:
            raise HttpError(404, "this server has no saved queries")
        q = cat.get(name)
        return Response(q.text, media_type="application/sparql-query; charset=utf-8")

    async def status(self, request):
        from starlette.responses import JSONResponse

        s = self.settings
        return JSONResponse({"kg": __version__, "workers": self.pool.pids(), "stats": self.pool.stats,
                             "limits": {"timeout": s.timeout, "max_rows": s.max_rows, "max_body": s.max_body,
                                        "workers": s.workers, "memory_limit_mib": s.memory_limit}})


def _number(value) -> str:
    """A decimal lexical form with thousands separators (52000.50 -> 52,000.50)."""
    from decimal import Decimal, InvalidOperation

    if value is None:
        return ""
    try:
        return f"{Decimal(str(value)):,}"
    except (InvalidOperation, ValueError):
        return str(value)


def _term_group(kinds: list[str]) -> str:
    if "Class" in kinds:
        return "Classes"
    if "ObjectProperty" in kinds:
        return "Object properties"
    if "DatatypeProperty" in kinds:
        return "Datatype properties"
    if "AnnotationProperty" in kinds:
        return "Annotation properties"
    return "Concepts and individuals"


def create_app(project=None, *, files=None, timeout: float = 10.0, max_rows: int = 10_000,
               max_body: int = 1_048_576, workers: int = 0, memory_limit: int = 2048,
               demote_after: float = 0.25, title: str | None = None):
    """The Starlette application serving ``project``'s build, or the N-Quads ``files``.

    ``files`` serves an arbitrary dataset (the W3C protocol tests' data, for
    instance): its named graphs are the dataset's graphs and the default
    graph is their union.  The worker processes start with the application's
    lifespan (or on the first request)."""
    import contextlib

    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    settings = Settings(timeout=timeout, max_rows=max_rows, max_body=max_body, workers=workers,
                        memory_limit=memory_limit, demote_after=demote_after).resolved()
    if files is not None:
        dataset = Dataset.of_files(files, title=title or "SPARQL endpoint")
    else:
        from kg.project import locate

        dataset = Dataset.of_project(project or locate())
        dataset.title = title or "International science-and-technology cooperation parks"
    server = KgServer(dataset, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, server.pool.start)
        try:
            yield
        finally:
            server.pool.close()
            dataset.close()  # the private snapshot of the build

    def endpoint(method):
        async def handler(request):
            try:
                return await method(request)
            except HttpError as exc:
                return server.error_response(request, exc)
            except KgError as exc:  # a library error: its one-line message, never a traceback
                return server.error_response(request, http_error(exc))
        handler.__name__ = method.__name__
        return handler

    async def no_favicon(request):
        return Response(status_code=204)

    async def dataset_iri(request):
        return Response("303 See Other: /\n", status_code=303, media_type=_PLAIN, headers={"Location": "/"})

    async def well_known_void(request):
        return Response("303 See Other: /dumps/void.ttl\n", status_code=303, media_type=_PLAIN,
                        headers={"Location": "/dumps/void.ttl"})

    sparql_methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    routes = [
        Route("/", endpoint(server.landing)),
        Route("/sparql", endpoint(server.sparql), methods=sparql_methods),
        Route("/sparql/", endpoint(server.sparql), methods=sparql_methods),
        Route("/query", endpoint(server.query_page)),
        Route("/queries/{name}.rq", endpoint(server.saved_query)),
        Route("/id/{kind}/{slug}", endpoint(server.entity_id)),
        Route("/page/{kind}/{slug}", endpoint(server.entity_page)),
        Route("/data/{kind}/{slug}", endpoint(server.entity_data)),
        Route("/browse/{kind}", endpoint(server.browse)),
        Route("/ontology", endpoint(server.ontology)),
        Route("/ontology.{ext}", endpoint(server.ontology)),
        Route("/graph/{name}", endpoint(server.graph)),
        Route("/dataset", dataset_iri),
        Route("/.well-known/void", well_known_void),
        Route("/dumps/{name}", endpoint(server.dumps)),
        Route("/status", endpoint(server.status)),
        Route("/favicon.ico", no_favicon),
        Mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"], expose_headers=["KG-Results-Truncated"],
                             max_age=3600)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)

    async def not_found(request, exc):
        return server.error_response(request, HttpError(exc.status_code, (
            f"nothing here: {request.url.path}" if exc.status_code == 404 else str(exc.detail))))

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_found)
    app.state.server = server
    return app


def serve(project=None, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 10.0,
          max_rows: int = 10_000, max_body: int = 1_048_576, workers: int = 0, memory_limit: int = 2048,
          log_level: str = "info", files=None) -> None:
    """Run the endpoint under uvicorn until interrupted (Ctrl-C).

    The address is taken first, before the build is snapshotted and workers
    start: a busy port is one clear KgError, not a server that starts and dies."""
    import uvicorn

    sock = listen(host, port)
    try:
        logging.basicConfig(level=getattr(logging, log_level.upper(), logging.INFO),
                            format="kg serve: %(message)s")
        app = create_app(project, files=files, timeout=timeout, max_rows=max_rows, max_body=max_body,
                         workers=workers, memory_limit=memory_limit)
        s = app.state.server.settings
        bound_host, bound_port = sock.getsockname()[:2]
        log.info("serving %s on http://%s:%d/ (SPARQL at /sparql; %d workers, timeout %g s, max %d rows)",
                 app.state.server.dataset.title, bound_host, bound_port, s.workers, s.timeout, s.max_rows)
        config = uvicorn.Config(app, log_level=log_level, access_log=log_level == "debug",
                                h11_max_incomplete_event_size=max_body + 65536, timeout_graceful_shutdown=5)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def listen(host: str, port: int):
    """A listening socket on host:port, or a KgError that says why not."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
