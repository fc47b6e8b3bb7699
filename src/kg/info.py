"""What ``kg info`` tells: which working copy is used and why, where its build
is, the state of that build, and the engines and their versions.

Reading it builds nothing: the state is read from the build folder's
manifests and a hash of the inputs (cheap, see kg.builds.input_hash).
"""

from __future__ import annotations

import json
from importlib import metadata

from kg import __version__


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def info(project) -> dict:
    from kg.builds import current, input_hash, latest
    from kg.project import ORIGINS

    digest = input_hash(project)
    newest, good = latest(project), current(project)

    def state(built):
        if built is None:
            return None
        m = built.manifest
        return {"path": str(built.path), "built_at": m.get("built_at"), "fresh": m.get("hash") == digest,
                "conforms": m.get("conforms"), "issues": m.get("issues"), "counts": m.get("counts"),
                "engines": m.get("engines")}

    return {
        "kg": __version__,
        "working_copy": {"path": str(project.home), "origin": project.origin, "how": ORIGINS[project.origin]},
        "build_dir": str(project.build_dir),
        "inputs": len(project.input_files()),
        "newest_build": state(newest),
        "answering_build": state(good),  # the newest conforming build: what queries answer from
        "engines": {name: _version(name) for name in ("pyoxigraph", "rdflib", "owlrl", "pyshacl", "click")},
    }


def render(data: dict, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    wc = data["working_copy"]
    lines = [f"kg {data['kg']}",
             f"working copy:  {wc['path']}  ({wc['how']})",
             f"build folder:  {data['build_dir']}",
             f"inputs:        {data['inputs']} files"]
    newest = data["newest_build"]
    if newest is None:
        lines.append("build:         none yet (kg build, or any query, builds it)")
    else:
        freshness = "fresh" if newest["fresh"] else "stale: the inputs changed since (the next query rebuilds)"
        conform = "conforms" if newest["conforms"] else (
            f"does not conform ({newest['issues'].get('Violation', 0)} violations)")
        c = newest["counts"] or {}
        lines.append(f"build:         {newest['built_at']}, {freshness}, {conform}")
        lines.append(f"               {c.get('asserted_statements', '?')} statements, "
                     f"{c.get('inferred_triples', '?')} inferred triples, {c.get('source_graphs', '?')} source graphs")
        engines = newest.get("engines") or {}
        if engines:
            lines.append("               " + ", ".join(f"{k}: {v}" for k, v in engines.items()))
        lines.append(f"               {newest['path']}")
    answering = data["answering_build"]
    if answering is None and newest is not None:
        lines.append("queries use:   nothing: no build conforms yet (kg validate shows why)")
    elif answering is not None and answering["path"] != newest["path"]:
        lines.append(f"queries use:   the last conforming build, of {answering['built_at']} ({answering['path']})")
    lines.append("engines:       " + ", ".join(f"{k} {v or 'not installed'}" for k, v in data["engines"].items()))
    return "\n".join(lines) + "\n"
