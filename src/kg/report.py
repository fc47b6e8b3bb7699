"""The validation report: issues grouped by focus node, and its renderings.

Both SHACL validators (kg.shacl and pyshacl through kg.validate) and the
saved checks produce ``Issue`` objects; the build stores the ``Report`` as
report.json and ``kg validate`` renders it as text, JSON or a SHACL
validation report in Turtle.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from kg import namespaces as ns
from kg.files import ends_with_newline

SH = ns.PREFIXES["sh"]
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass
class Issue:
    focus: str  # IRI (or _:label)
    message: str
    severity: str = "Violation"  # Violation | Warning | Info
    path: str | None = None  # IRI, or a SHACL path in SPARQL syntax
    value: str | None = None  # the offending value, N-Triples syntax
    origin: str = "shacl"  # shacl | shacl-ontology | check:NAME
    shape: str | None = None
    label: str | None = None
    files: list[str] = field(default_factory=list)


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(i.severity == "Violation" for i in self.issues)

    def counts(self) -> dict[str, int]:
        out = {"Violation": 0, "Warning": 0, "Info": 0}
        for i in self.issues:
            out[i.severity] = out.get(i.severity, 0) + 1
        return out

    def sorted_issues(self) -> list[Issue]:
        return sorted(
            self.issues,
            key=lambda i: (i.focus, SEVERITY_ORDER.get(i.severity, 9), i.path or "", i.message, i.value or "", i.origin),
        )

    def groups(self) -> list[tuple[str, str | None, list[str], list[Issue]]]:
        """(focus, label, files, issues) per focus node, in a stable order."""
        out: dict[str, tuple] = {}
        for i in self.sorted_issues():
            g = out.setdefault(i.focus, (i.focus, i.label, i.files, []))
            g[3].append(i)
        return list(out.values())

    # ---- storage ----
    def to_dict(self) -> dict:
        return {"conforms": self.conforms, "issues": [asdict(i) for i in self.sorted_issues()]}

    @classmethod
    def from_dict(cls, d: dict) -> "Report":
        return cls([Issue(**i) for i in d.get("issues", [])])

    # ---- renderings ----
    def render(self, fmt: str = "text") -> str:
        return {"text": render_text, "json": render_json, "turtle": render_turtle}[fmt](self)


def _short(text: str | None) -> str:
    if text is None:
        return ""
    if text.startswith("<") and text.endswith(">"):
        return ns.shorten(text[1:-1])
    return ns.shorten(text) if "://" in text and " " not in text else text


def render_text(report: Report) -> str:
    lines = []
    for focus, label, files, issues in report.groups():
        head = _short(focus)
        if label:
            head += f' "{label}"'
        if files:
            head += f" ({', '.join(files)})"
        lines.append(head)
        for i in issues:
            text = f"  {i.severity}"
            if i.path:
                text += f"  {_short(i.path)}:"
            text += f"  {i.message}"
            if i.value is not None:
                text += f"  [value: {_short(i.value)}]"
            text += f"  ({i.origin})"
            lines.append(text)
    c = report.counts()
    nodes = len(report.groups())
    summary = "conforms" if report.conforms else "does not conform"
    lines.append(
        f"{summary}: {c['Violation']} violation(s), {c['Warning']} warning(s), {c['Info']} info(s)"
        f" on {nodes} node(s)"
    )
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    groups = []
    for focus, label, files, issues in report.groups():
        groups.append(
            {
                "focus": focus,
                "curie": _short(focus),
                "label": label,
                "files": files,
                "results": [
                    {
                        "severity": i.severity,
                        "path": i.path,
                        "message": i.message,
                        "value": i.value,
                        "origin": i.origin,
                        "shape": i.shape,
                    }
                    for i in issues
                ],
            }
        )
    c = report.counts()
    doc = {"conforms": report.conforms, "violations": c["Violation"], "warnings": c["Warning"],
           "infos": c["Info"], "nodes": groups}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_turtle(report: Report) -> str:
    """A SHACL validation report (sh:ValidationReport), deterministic."""
    import pyoxigraph as ox

    def node(text: str):
        if text.startswith("_:"):
            return ox.BlankNode(text[2:])
        try:
            return ox.NamedNode(text)
        except ValueError:  # a check row without an IRI to blame: the report still needs a focus node
            return ox.BlankNode("nofocus")

    def term(text: str):
        # values are stored in N-Triples syntax; parse them back
        q = next(iter(ox.parse(input=f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES)))
        return q.object

    sh = lambda local: ox.NamedNode(SH + local)  # noqa: E731
    rdf_type = ox.NamedNode(ns.PREFIXES["rdf"] + "type")
    rep = ox.BlankNode("report")
    triples = [
        ox.Triple(rep, rdf_type, sh("ValidationReport")),
        ox.Triple(rep, sh("conforms"), ox.Literal("true" if report.conforms else "false",
                                                  datatype=ox.NamedNode(ns.PREFIXES["xsd"] + "boolean"))),
    ]
    results = []
    for n, i in enumerate(report.sorted_issues(), 1):
        r = ox.BlankNode(f"r{n:04d}")
        triples.append(ox.Triple(rep, sh("result"), r))
        results += [
            ox.Triple(r, rdf_type, sh("ValidationResult")),
            ox.Triple(r, sh("focusNode"), node(i.focus)),
            ox.Triple(r, sh("resultSeverity"), sh(i.severity)),
            ox.Triple(r, sh("resultMessage"), ox.Literal(i.message)),
        ]
        if i.path and i.path.startswith("<") and i.path.endswith(">"):
            results.append(ox.Triple(r, sh("resultPath"), ox.NamedNode(i.path[1:-1])))
        if i.value is not None:
            results.append(ox.Triple(r, sh("value"), term(i.value)))
        if i.shape and not i.shape.startswith("_:"):
            results.append(ox.Triple(r, sh("sourceShape"), ox.NamedNode(i.shape)))
        results.append(ox.Triple(r, ox.NamedNode(ns.PREFIXES["rdfs"] + "comment"), ox.Literal(i.origin)))
    from kg.formats import used_prefixes

    triples += results
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(triples)).decode()
    return ends_with_newline(data)
