"""The parts of README.md that describe the graph, generated from the graph, and its install commands.

README.md keeps each generated part between ``<!-- generated:NAME -->`` and
``<!-- /generated:NAME -->``; ``python -m kg.readme`` rewrites them and a test
fails when they are stale, so no count in the README is typed by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kg import namespaces as ns

_BLOCK = re.compile(r"(<!-- generated:(?P<name>[\w-]+) -->\n).*?(<!-- /generated:(?P=name) -->)", re.S)


def _rows(store, text: str) -> list[list[str]]:
    return [[t.value if t is not None else "" for t in row] for row in store.query(text).rows]


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def entity_counts(store) -> str:
    """Entities of the dataset per ontology class: typed directly, and in all
    (with the instances of subclasses, after reasoning)."""
    rows = _rows(store, f"""
        PREFIX rdfs: <{ns.PREFIXES['rdfs']}>
        SELECT ?label (COUNT(DISTINCT ?direct) AS ?asserted) (COUNT(DISTINCT ?e) AS ?all)
        WHERE {{
          ?e a ?class .
          FILTER(STRSTARTS(STR(?e), "{ns.ID}") && STRSTARTS(STR(?class), "{ns.STC}"))
          ?class rdfs:label ?label .
          OPTIONAL {{ GRAPH ?g {{ ?direct a ?class }} FILTER(?direct = ?e && ?g != <{ns.INFERRED_GRAPH}>) }}
        }}
        GROUP BY ?label ORDER BY DESC(?all) ?label""")
    return _table(["class", "typed directly", "with subclasses"], rows)


def source_summary(store) -> str:
    """Where each source's facts live: its named graph, data file and size."""
    rows = _rows(store, f"""
        PREFIX stc: <{ns.STC}> PREFIX skos: <{ns.PREFIXES['skos']}>
        SELECT ?file ?label ?graph (COUNT(*) AS ?triples)
        WHERE {{
          ?graph a stc:Source ; skos:prefLabel ?label .
          OPTIONAL {{ ?graph stc:fileName ?f }}
          BIND(COALESCE(?f, "") AS ?file)
          GRAPH ?graph {{ ?s ?p ?o }}
        }}
        GROUP BY ?file ?label ?graph ORDER BY ?graph""")
    return _table(["source file", "source", "named graph", "triples"],
                  [[f"`{f}`" if f else "", label, f"`{ns.shorten(g)}`", n] for f, label, g, n in rows])


def triple_counts(store) -> str:
    (asserted, inferred), = _rows(store, f"""
        SELECT (COUNT(*) AS ?a) (SUM(?inf) AS ?i) WHERE {{
          {{ SELECT DISTINCT ?s ?p ?o ?inf WHERE {{
              GRAPH ?g {{ ?s ?p ?o }} BIND(IF(?g = <{ns.INFERRED_GRAPH}>, 1, 0) AS ?inf) }} }} }}""")
    return (f"{int(asserted) - int(inferred)} asserted triples (ontology included) and "
            f"{inferred} more inferred by OWL RL reasoning.\n")


def install_commands(store=None) -> str:
    """Installing from the source checkout and from a wheel, with the wheel's file name: the distribution's
    name and version are kg's (kg.DISTRIBUTION, kg.__version__; pyproject.toml builds them)."""
    from kg import DISTRIBUTION, __version__

    wheel = f"dist/{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"
    return ("From the source checkout (`-e` to work on kg):\n\n"
            "```sh\npip install .\n```\n\n"
            "From a wheel, built once and installed anywhere (`python -m build`, from the `build` package, "
            "writes the\nsame wheel and an sdist):\n\n"
            f"```sh\npip wheel . --no-deps -w dist/\npip install {wheel}\n```\n")


GENERATORS = {"counts": entity_counts, "sources": source_summary, "triples": triple_counts,
              "install": install_commands}


def render(text: str, store) -> str:
    """README text with every generated block brought up to date."""
    def fill(m):
        return m.group(1) + GENERATORS[m.group("name")](store) + m.group(3)
    return _BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    from kg.errors import KgError

    try:
        return _update(argv)
    except KgError as exc:
        print(f"kg.readme: error: {exc}", file=sys.stderr)
        return 1


def _update(argv: list[str] | None) -> int:
    from kg.project import locate
    from kg.answering import open_store

    project = locate()
    path = Path(argv[0]) if argv else project.home / "README.md"
    text = path.read_text(encoding="utf-8")
    new = render(text, open_store(project))
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"updated {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
