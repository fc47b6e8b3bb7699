"""The jobs a query worker runs over its store.

Owns :class:`Engine`: the SPARQL protocol job (FROM / default-graph-uri,
parameters, the answer within ``max_rows`` and ``max_bytes``) and the jobs
behind the pages (the entity index and labels, an entity's facts, its RDF
description, a named graph, the ontology), and :data:`JOBS`, the table
from a job's name to its method.  An engine runs inside a worker process
(:mod:`kg.serve.worker`); everything it returns is plain data that pickles.
The label policy of the pages (kg.namespaces.label_rank) is applied here,
where the labels are read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg import namespaces as ns
from kg.errors import KgError, QueryError
from kg.formats import GRAPH_FORMATS, MEDIA_TYPES, RESULTS_FORMATS
from kg.serve.answers import capped_rows, capped_triples, term_dict
from kg.serve.protocol import bare, dataset_clauses

LABEL_PROPS = list(ns.LABEL_PREDICATES)
INCOMING_CAP = 500  # incoming links an entity page lists


class NotAcceptable(KgError):
    """The client accepts no format this answer can be written in."""


def _media(names) -> str:
    """The media types of ``names`` as a sentence's list ("a, b or c")."""
    media = [bare(MEDIA_TYPES[n]) for n in names]
    return ", ".join(media[:-1]) + " or " + media[-1]


def _v(term):
    return None if term is None else term.value


class Engine:
    """The jobs a worker process runs over its store (also usable in-process)."""

    def __init__(self, store, max_rows: int, max_bytes: int):
        self.store = store
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.graphs = set(store.graph_names())
        self._names = None  # kg.search.Index, made by the first search

    def run(self, job: tuple[str, dict]) -> Any:
        """Run a job message ``(name, kwargs)``: the method :data:`JOBS` names, over this engine's store."""
        name, kwargs = job
        return JOBS[name](self, **kwargs)

    # -- SPARQL protocol
    def job_sparql(self, text: str, params: dict, default_graphs, named_graphs, select_fmts, graph_fmts,
                   base_iri: str | None = None, declared: list | None = None) -> dict:
        from kg.params import bind_params

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
        # get empty results, as for the same IRI written into the query), so no store is passed here.  A saved
        # query's text (``declared``: its parameters) binds as ``kg query NAME`` does: by the declared types,
        # an entity's name for an IRI, and an IRI the graph does not hold is a 400.
        bindings = None
        if params:
            bindings = bind_params(text, params, declared=declared, store=self.store if declared else None)
        result = self.store.query(text, bindings, name="query", default_graphs=default_graphs,
                                  named_graphs=named_graphs, base_iri=base_iri)
        if result.kind == "graph":
            if not graph_fmts:
                raise NotAcceptable(f"this CONSTRUCT/DESCRIBE query gives RDF: accept {_media(GRAPH_FORMATS)}")
            fmt = graph_fmts[0]
            out = capped_triples(result.iter_triples(), fmt, self.max_rows, self.max_bytes)
        else:
            if not select_fmts:
                raise NotAcceptable(f"this query gives SPARQL results: accept {_media(RESULTS_FORMATS)}")
            fmt = select_fmts[0]
            if result.kind == "ask":
                out = {"body": result.serialize(fmt), "count": None, "cut": None}
            else:
                out = capped_rows(result.variables, result.iter_rows(), fmt, self.max_rows, self.max_bytes)
        return {**out, "media": MEDIA_TYPES[fmt], "kind": result.kind}

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
        types = self._select("SELECT ?x ?t WHERE { ?x a ?t "
                             f'FILTER(STRSTARTS(STR(?x), "{ns.ID}") && STRSTARTS(STR(?t), "{ns.STC}")) }}')
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
            rows = self._select(
                f"SELECT ?x ?p ?l WHERE {{ VALUES ?x {{ {values} }} VALUES ?p {{ {props} }} ?x ?p ?l }}")
            best: dict[str, tuple] = {}
            for x, p, lit in rows:
                rank = ns.label_rank(p.value, getattr(lit, "language", None) or "", lit.value)
                if x.value not in best or rank < best[x.value][0]:
                    best[x.value] = (rank, lit.value)
            out.update({k: v[1] for k, v in best.items()})
        return out

    def job_search(self, text: str, limit: int) -> list[dict]:
        """The entities one of whose names or Wikidata QIDs matches ``text`` (kg.search), best first."""
        from kg.search import Index

        if self._names is None:  # read once per worker: the store does not change under it
            self._names = Index(self.store)
        return [{"iri": h.iri, "label": h.label, "matched": h.matched, "how": h.how, "classes": list(h.classes),
                 "sources": list(h.sources)} for h in self._names.search(text, limit)]

    def job_entity(self, iri: str) -> dict | None:
        """Everything an entity page shows: facts, incoming links, figures, sources."""
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        if not self.store.has_resource(node):
            return None
        e = str(node)
        facts = self._select(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {e} ?p ?o }} }}")
        incoming = self._select(f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {e} FILTER(?p != <{ns.STC}observedEntity>) }} "
                                f"ORDER BY ?p ?s LIMIT {INCOMING_CAP}")
        fact_list = self._facts(facts)
        figs = self._figures(e)
        counts: dict[str, int] = {}  # sources: the graphs that hold the entity's own statements
        for _, _, g in facts:
            counts[g.value] = counts.get(g.value, 0) + 1
        src_rows = self._select(
            "SELECT ?g ?title ?file WHERE { VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in counts)
            + f" }} OPTIONAL {{ ?g <{ns.PREFIXES['dct']}title> ?title }} OPTIONAL {{ ?g <{ns.STC}fileName> ?file }} }}"
        ) if counts else []
        meta = {g.value: (_v(t), _v(f)) for g, t, f in src_rows}
        sources = [{"graph": g, "count": n, "title": meta.get(g, (None, None))[0], "file": meta.get(g, (None, None))[1]}
                   for g, n in sorted(counts.items(), key=lambda kv: (kv[0] == ns.INFERRED_GRAPH, kv[0]))]
        mentioned = {iri} | {f["property"] for f in fact_list} | set(counts)
        for f in fact_list:
            mentioned |= {v["term"]["value"] for v in f["values"] if v["term"]["type"] == "uri"}
        mentioned |= {s.value for s, _ in incoming if isinstance(s, ox.NamedNode)} | {p.value for _, p in incoming}
        for f in figs:
            mentioned |= {f["obs"], f["measure"], f["comparator"], f["unit"], f["basis"], *f["sources"]}
        return {
            "iri": iri,
            "facts": fact_list,
            "incoming": [{"subject": term_dict(s), "property": p.value} for s, p in incoming],
            "incoming_capped": len(incoming) >= INCOMING_CAP,
            "figures": figs,
            "sources": sources,
            "labels": self.labels(i for i in mentioned if i),
        }

    @staticmethod
    def _facts(facts) -> list[dict]:
        """The statements grouped by property, each value with the graphs that state it."""
        by_prop: dict[str, dict] = {}
        for p, o, g in facts:
            entry = by_prop.setdefault(p.value, {})
            val = entry.setdefault((type(o).__name__, str(o)), {"term": term_dict(o), "graphs": []})
            if g.value not in val["graphs"]:
                val["graphs"].append(g.value)
        order = {ns.PREFIXES["rdf"] + "type": 0, LABEL_PROPS[0]: 1, ns.PREFIXES["skos"] + "altLabel": 2,
                 LABEL_PROPS[1]: 3}
        fact_list = []
        for p in sorted(by_prop, key=lambda p: (order.get(p, 9), p)):
            values = sorted(by_prop[p].values(), key=lambda v: (v["term"]["type"], v["term"]["value"]))
            for v in values:
                v["graphs"].sort()
                v["inferred"] = v["graphs"] == [ns.INFERRED_GRAPH]
            fact_list.append({"property": p, "values": values})
        return fact_list

    def _figures(self, e: str) -> list[dict]:
        rows = self._select(f"""
            PREFIX stc: <{ns.STC}> PREFIX qudt: <{ns.PREFIXES['qudt']}> PREFIX dct: <{ns.PREFIXES['dct']}>
            SELECT ?obs ?measure ?comparator ?value ?unit ?asOf ?basis ?source ?qualifier ?since WHERE {{
              ?obs stc:observedEntity {e} .
              OPTIONAL {{ ?obs stc:measure ?measure }} OPTIONAL {{ ?obs stc:comparator ?comparator }}
              OPTIONAL {{ ?obs qudt:numericValue ?value }} OPTIONAL {{ ?obs qudt:unit ?unit }}
              OPTIONAL {{ ?obs stc:asOf ?asOf }} OPTIONAL {{ ?obs stc:asOfBasis ?basis }}
              OPTIONAL {{ ?obs dct:source ?source }} OPTIONAL {{ ?obs stc:qualifier ?qualifier }}
              OPTIONAL {{ ?obs stc:sinceDate ?since }}
            }} ORDER BY ?measure ?asOf ?obs""")
        figs: dict[str, dict] = {}
        for obs, measure, comparator, value, unit, as_of, basis, source, qualifier, since in rows:
            f = figs.setdefault(obs.value, {"obs": obs.value, "measure": _v(measure), "comparator": _v(comparator),
                                            "value": _v(value), "unit": _v(unit), "asOf": _v(as_of),
                                            "basis": _v(basis), "since": _v(since), "sources": [], "qualifiers": []})
            if source is not None and source.value not in f["sources"]:
                f["sources"].append(source.value)
            if qualifier is not None and qualifier.value not in f["qualifiers"]:
                f["qualifiers"].append(qualifier.value)
        return list(figs.values())

    def _document(self, where: str, fmt: str, name: str) -> dict:
        """The distinct (?s ?p ?o) solutions of ``where`` as an RDF document within the caps.

        A SELECT with LIMIT max_rows + 1, read row by row: the store never
        materialises more than the cap (a CONSTRUCT result would be read whole)."""
        import pyoxigraph as ox

        result = self.store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {where} }} LIMIT {self.max_rows + 1}", name=name)
        triples = (ox.Triple(s, p, o) for s, p, o in result.iter_rows())
        return capped_triples(triples, fmt, self.max_rows, self.max_bytes)

    def job_describe(self, iri: str, fmt: str) -> dict | None:
        """The entity's statements (both directions, asserted and inferred) as RDF, within the caps."""
        import pyoxigraph as ox

        node = ox.NamedNode(iri)
        if not self.store.has_resource(node):
            return None
        e = str(node)
        return self._document(f"{{ {e} ?p ?o BIND({e} AS ?s) }} UNION {{ ?s ?p {e} BIND({e} AS ?o) }}", fmt,
                              "describe")

    def job_graph(self, iri: str, fmt: str) -> dict | None:
        """The content of one named graph as RDF, within the caps."""
        import pyoxigraph as ox

        if iri not in self.graphs:
            return None
        return self._document(f"GRAPH {ox.NamedNode(iri)} {{ ?s ?p ?o }}", fmt, "graph")

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
        for t, _kind, comment, sup in rows:  # the kinds are term_types' below, as every page classifies them
            d = terms.setdefault(t.value, {"iri": t.value, "comment": None, "super": []})
            if comment is not None and not d["comment"]:
                d["comment"] = comment.value
            if sup is not None and sup.value not in d["super"]:
                d["super"].append(sup.value)
        head = self._select(f"SELECT ?p ?o WHERE {{ GRAPH <{ns.ONTOLOGY_GRAPH}> {{ <{ns.ONTOLOGY_IRI}> ?p ?o }} }}")
        mentioned = set(terms) | {s for d in terms.values() for s in d["super"]}
        # every subject of the ontology's namespace with its types, as the documentation counts terms
        term_types: dict[str, list[str]] = {}
        for t, kind in self._select(f"""
                SELECT ?t ?kind WHERE {{ GRAPH <{ns.ONTOLOGY_GRAPH}> {{
                  {{ SELECT DISTINCT ?t WHERE {{ ?t ?p ?o FILTER(STRSTARTS(STR(?t), "{ns.STC}")) }} }}
                  OPTIONAL {{ ?t a ?kind }} }} }}"""):
            term_types.setdefault(t.value, []).extend([kind.value] if kind is not None else [])
        return {"terms": list(terms.values()), "labels": self.labels(mentioned),
                "head": [(p.value, term_dict(o)) for p, o in head], "term_types": term_types}


# Every job a worker runs, by the name its message carries.  The server names a job by its method
# (kg.serve.app.KgServer.call(Engine.job_entity, …)) and sends (JOB_NAMES[method], kwargs) to a worker
# process, which runs JOBS[name] (Engine.run): the one place where a name becomes code.
JOBS: dict[str, Callable[..., Any]] = {
    "sparql": Engine.job_sparql,
    "index": Engine.job_index,
    "entity": Engine.job_entity,
    "search": Engine.job_search,
    "describe": Engine.job_describe,
    "graph": Engine.job_graph,
    "ontology": Engine.job_ontology,
}
JOB_NAMES: dict[Callable[..., Any], str] = {method: name for name, method in JOBS.items()}
