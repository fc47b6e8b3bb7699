"""Counts per class and per property, asserted and inferred.

Read straight from the build artifacts (no reasoning, no SPARQL):
a class counts its distinct instances typed in a source or ontology graph
(asserted) and those typed only by inference (inferred); a property counts
its distinct asserted triples and its inferred triples.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pyoxigraph as ox

from kg import namespaces as ns

RDF_TYPE = ns.PREFIXES["rdf"] + "type"


def stats(project) -> dict:
    from kg.build import ensure_built

    built = ensure_built(project)
    asserted = {(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(built.path / "asserted.nq"), format=ox.RdfFormat.N_QUADS)}
    inferred = {(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(built.path / "inferred.nq"), format=ox.RdfFormat.N_QUADS)}
    cls = defaultdict(lambda: [set(), set()])
    prop = defaultdict(lambda: [0, 0])
    for i, triples in enumerate((asserted, inferred)):
        for s, p, o in triples:
            prop[p.value][i] += 1
            if p.value == RDF_TYPE and isinstance(o, ox.NamedNode):
                cls[o.value][i].add(s)
    classes = []
    for c in sorted(cls):
        a, inf = cls[c]
        only_inferred = inf - a
        classes.append({"class": c, "asserted": len(a), "inferred": len(only_inferred), "total": len(a | inf)})
    properties = [{"property": p, "asserted": prop[p][0], "inferred": prop[p][1], "total": sum(prop[p])}
                  for p in sorted(prop)]
    return {
        "triples": {"asserted": len(asserted), "inferred": len(inferred), "total": len(asserted | inferred)},
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
    head = f"triples: {t['asserted']} asserted, {t['inferred']} inferred, {t['total']} in all\n\n"
    return (head + table(["class", "asserted", "inferred", "total"], rows("class", "classes")) + "\n"
            + table(["property", "asserted", "inferred", "total"], rows("property", "properties")))
