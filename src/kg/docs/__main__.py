"""``python -m kg.docs``: rewrite the core-model diagram the README shows (docs/img/core-model.dot and .svg).

The DOT text is generated from the build's ontology as ``kg docs`` generates
it; the SVG carries the hash of the DOT it was drawn from.  A test fails
when either is stale (tests/publish/test_docs.py), so the picture in the README is
never older than the ontology.
"""

from __future__ import annotations

import sys
from pathlib import Path

README_DIAGRAM = Path("docs") / "img" / "core-model"


def core_diagram(project) -> tuple[str, bytes]:
    """(DOT text, SVG) of the core model of the build queries answer from (built first when stale)."""
    from kg.answering import serving_build
    from kg.docs import diagrams
    from kg.docs.model import core_model

    edges, supers, labels = core_model(serving_build(project))
    dot = diagrams.core_dot(edges, supers, labels)
    return dot, diagrams.render([dot])[0]


def main(argv: list[str] | None = None) -> int:
    from kg.errors import KgError
    from kg.project import locate

    try:
        project = locate()
        dot, svg = core_diagram(project)
        base = project.home / README_DIAGRAM
        base.parent.mkdir(parents=True, exist_ok=True)
        for path, data in ((base.with_suffix(".dot"), dot.encode()), (base.with_suffix(".svg"), svg)):
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
                print(f"updated {path}", file=sys.stderr)
    except KgError as exc:
        print(f"kg.docs: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
