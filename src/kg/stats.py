"""Counts per class and per property, asserted and inferred.

Aggregated by the store (no Python pass over the graph): a class counts its
instances typed in a source or ontology graph (asserted) and those typed
only by inference (inferred); a property counts its distinct asserted
triples and its inferred triples.  "Triples" are distinct (subject,
predicate, object); the build also reports *statements*, the quads of the
named graphs, where a triple two sources state counts twice.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg import namespaces as ns

RDF_TYPE = ns.PREFIXES["rdf"] + "type"

_PER_CLASS = "SELECT ?k (COUNT(?s) AS ?n) WHERE { %s } GROUP BY ?k"
_ASSERTED_TYPES = "?s a ?k"
_INFERRED_TYPES = f"GRAPH <{ns.INFERRED_GRAPH}> {{ ?s a ?k }}"
_ASSERTED_PROPS = "?s ?k ?o"
_INFERRED_PROPS = f"GRAPH <{ns.INFERRED_GRAPH}> {{ ?s ?k ?o }}"


def stats(project, build: bool = True, reporter=None) -> dict:
    from kg.build import open_store
    from kg.progress import SILENT

    store = open_store(project, build=build, reporter=reporter or SILENT)

    def counts(pattern: str, asserted: bool) -> dict[str, int]:
        rows = store.query(_PER_CLASS % pattern, asserted_only=asserted).rows
        return {k.value: int(n.value) for k, n in rows if isinstance(k, ox.NamedNode)}

    cls_a, cls_i = counts(_ASSERTED_TYPES, True), counts(_INFERRED_TYPES, False)
    prop_a, prop_i = counts(_ASSERTED_PROPS, True), counts(_INFERRED_PROPS, False)
    classes = [{"class": c, "asserted": cls_a.get(c, 0), "inferred": cls_i.get(c, 0),
                "total": cls_a.get(c, 0) + cls_i.get(c, 0)} for c in sorted(set(cls_a) | set(cls_i))]
    properties = [{"property": p, "asserted": prop_a.get(p, 0), "inferred": prop_i.get(p, 0),
                   "total": prop_a.get(p, 0) + prop_i.get(p, 0)} for p in sorted(set(prop_a) | set(prop_i))]
    asserted, inferred = sum(prop_a.values()), sum(prop_i.values())
    return {
        "triples": {"asserted": asserted, "inferred": inferred, "total": asserted + inferred},
        "classes": classes,
        "properties": properties,
    }


def render(data: dict, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(data, indent=2) + "\n"
    from kg.results import render_markdown, render_table

    def lit(x):
        return ox.Literal(str(x))

    def rows(key, section):
        return [(ox.NamedNode(r[key]), lit(r["asserted"]), lit(r["inferred"]), lit(r["total"])) for r in data[section]]

    t = data["triples"]
    if fmt == "csv":
        out = ["kind,term,asserted,inferred,total"]
        out.append(f"triples,,{t['asserted']},{t['inferred']},{t['total']}")
        out += [f"class,{r['class']},{r['asserted']},{r['inferred']},{r['total']}" for r in data["classes"]]
        out += [f"property,{r['property']},{r['asserted']},{r['inferred']},{r['total']}" for r in data["properties"]]
        return "\r\n".join(out) + "\r\n"
    table = render_markdown if fmt == "md" else render_table
    head = f"distinct triples: {t['asserted']} asserted, {t['inferred']} inferred, {t['total']} in all\n\n"
    return (head + table(["class", "asserted", "inferred", "total"], rows("class", "classes")) + "\n"
            + table(["property", "asserted", "inferred", "total"], rows("property", "properties")))
