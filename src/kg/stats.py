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

_PER_KEY = "SELECT ?k (COUNT(*) AS ?n) WHERE { %s } GROUP BY ?k"
_TYPES = "?s a ?k"
_PROPERTIES = "?s ?k ?o"


def stats(project, build_if_stale: bool = True, reporter=None) -> dict:
    from kg.answering import open_store
    from kg.progress import SILENT

    store = open_store(project, build_if_stale=build_if_stale, reporter=reporter or SILENT)

    def counts(pattern: str, graph: str | None = None) -> dict[str, int]:
        where = f"GRAPH <{graph}> {{ {pattern} }}" if graph else pattern
        rows = store.query(_PER_KEY % where).rows
        return {k.value: int(n.value) for k, n in rows if isinstance(k, ox.NamedNode)}

    # The closure is the default graph and the inferred triples are never asserted ones:
    # asserted = closure - inferred, without a second store.
    cls_all, cls_i = counts(_TYPES), counts(_TYPES, ns.INFERRED_GRAPH)
    prop_all, prop_i = counts(_PROPERTIES), counts(_PROPERTIES, ns.INFERRED_GRAPH)
    classes = [{"class": c, "asserted": cls_all[c] - cls_i.get(c, 0), "inferred": cls_i.get(c, 0),
                "total": cls_all[c]} for c in sorted(cls_all)]
    properties = [{"property": p, "asserted": prop_all[p] - prop_i.get(p, 0), "inferred": prop_i.get(p, 0),
                   "total": prop_all[p]} for p in sorted(prop_all)]
    total, inferred = sum(prop_all.values()), sum(prop_i.values())
    return {
        "triples": {"asserted": total - inferred, "inferred": inferred, "total": total},
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
