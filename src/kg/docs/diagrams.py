"""The pictures: the core model and each entity's neighbourhood, as Graphviz DOT, drawn as SVG by ``dot``.

Graphviz comes from the system (Debian's ``graphviz``; .ci/apt-packages.txt):
one ``dot`` process draws every graph of a site (hundreds of small graphs in
a fraction of a second, where a process per graph would take seconds).  The
DOT text is the diagram's source of truth: it is deterministic (sorted
nodes and edges, no coordinates), and each SVG carries the SHA-256 of the
DOT it was drawn from, so a committed SVG can be checked against the
ontology without depending on the Graphviz version that drew it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess

from kg import namespaces as ns
from kg.errors import KgError

FONT = "Helvetica"
OWN = {"fillcolor": "#e8f0fb", "color": "#2a5db0"}  # the ontology's own classes
REUSED = {"fillcolor": "#f4f4f4", "color": "#777777", "style": "filled,dashed"}  # classes of reused vocabularies
STAMP = re.compile(r"<!-- kg-docs dot-sha256: ([0-9a-f]{64}) -->")


class DiagramError(KgError):
    """Graphviz is missing or refused a graph."""


def _q(text: str) -> str:
    """A DOT string: quoted, backslashes and quotes escaped (a backslash in the data is no Graphviz escape),
    runs of white space made one space, each line break kept as DOT's ``\\n``."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return '"' + "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def _attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={_q(str(v))}" for k, v in sorted(attrs.items()))


def _name(iri: str, labels: dict[str, str]) -> str:
    curie = ns.shorten(iri)
    label = labels.get(iri)
    return f"{label}\n{curie}" if label else curie


def core_dot(edges: list[tuple[str, str, str]], supers: list[tuple[str, str]], labels: dict[str, str]) -> str:
    """The core model: classes as boxes (the reused vocabularies' dashed and grey, with their prefix), the
    object properties between them as labelled arrows, subclass links as hollow-headed arrows."""
    classes = sorted({c for d, _, r in edges for c in (d, r)} | {c for pair in supers for c in pair})
    lines = ["digraph core {",
             f"  graph [{_attrs({'rankdir': 'LR', 'fontname': FONT, 'nodesep': '0.25', 'ranksep': '0.6'})}];",
             f"  node [{_attrs({'shape': 'box', 'style': 'filled,rounded', 'fontname': FONT, 'fontsize': '11'})}];",
             f"  edge [{_attrs({'fontname': FONT, 'fontsize': '9', 'color': '#555555'})}];"]
    for c in classes:
        label = labels.get(c) or ns.shorten(c)
        text = label if c.startswith(ns.STC) else f"{label}\n{ns.shorten(c)}"
        lines.append(f"  {_q(c)} [{_attrs({'label': text, **(OWN if c.startswith(ns.STC) else REUSED)})}];")
    for d, p, r in edges:
        lines.append(f"  {_q(d)} -> {_q(r)} [{_attrs({'label': labels.get(p) or ns.shorten(p)})}];")
    for c, s in supers:
        lines.append(f"  {_q(c)} -> {_q(s)} [{_attrs({'arrowhead': 'empty', 'style': 'dashed', 'color': '#999999'})}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def entity_dot(entity, labels: dict[str, str], limit: int) -> str:
    """One entity and the entities its asserted statements link it to, both ways (at most ``limit`` each way;
    the rest are counted in a note).  rdf:type is left out: the page lists the types."""
    rdf_type = ns.PREFIXES["rdf"] + "type"
    out = sorted({(f.predicate, f.value) for f in entity.facts if f.is_iri and f.predicate != rdf_type})
    inc = sorted({(f.predicate, f.subject) for f in entity.incoming if f.subject != entity.iri})
    nodes = sorted({o for _, o in out[:limit]} | {s for _, s in inc[:limit]} - {entity.iri})
    lines = [f"digraph {_q(entity.iri)} {{",
             f"  graph [{_attrs({'rankdir': 'LR', 'fontname': FONT})}];",
             f"  node [{_attrs({'shape': 'box', 'style': 'filled,rounded', 'fontname': FONT, 'fontsize': '10'})}];",
             f"  edge [{_attrs({'fontname': FONT, 'fontsize': '8', 'color': '#555555'})}];",
             f"  {_q(entity.iri)} [{_attrs({'label': _name(entity.iri, labels), 'penwidth': '2', **OWN})}];"]
    for n in nodes:
        style = OWN if n.startswith(ns.ID) else REUSED
        lines.append(f"  {_q(n)} [{_attrs({'label': _name(n, labels), **style, 'fillcolor': '#ffffff'})}];")
    for p, o in out[:limit]:
        lines.append(f"  {_q(entity.iri)} -> {_q(o)} [{_attrs({'label': labels.get(p) or ns.shorten(p)})}];")
    for p, s in inc[:limit]:
        lines.append(f"  {_q(s)} -> {_q(entity.iri)} [{_attrs({'label': labels.get(p) or ns.shorten(p)})}];")
    more = max(0, len(out) - limit) + max(0, len(inc) - limit)
    if more:
        lines.append(f"  more [{_attrs({'label': f'… {more} more links: see the facts', 'shape': 'note'})}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_sha256(dot: str) -> str:
    return hashlib.sha256(dot.encode("utf-8")).hexdigest()


def render(dots: list[str]) -> list[bytes]:
    """Each DOT graph drawn as SVG by one ``dot`` process, stamped with the hash of its DOT text."""
    if not dots:
        return []
    exe = shutil.which("dot")
    if exe is None:
        raise DiagramError("the diagrams need Graphviz's dot, which is not installed (Debian: apt-get install "
                           "graphviz; see .ci/apt-packages.txt)")
    try:
        proc = subprocess.run([exe, "-Tsvg"], input="".join(dots).encode("utf-8"), capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiagramError(f"Graphviz's dot could not draw the diagrams: {exc}") from None
    if proc.returncode != 0:
        raise DiagramError(f"Graphviz's dot refused a diagram: {proc.stderr.decode(errors='replace').strip()}")
    parts = [b"<?xml" + p for p in proc.stdout.split(b"<?xml")[1:]]
    if len(parts) != len(dots):
        raise DiagramError(f"Graphviz's dot drew {len(parts)} diagrams of {len(dots)}")
    out = []
    for dot, svg in zip(dots, parts):
        head, _, rest = svg.partition(b"?>")
        out.append(head + b"?>\n<!-- kg-docs dot-sha256: " + dot_sha256(dot).encode() + b" -->" + rest)
    return out
