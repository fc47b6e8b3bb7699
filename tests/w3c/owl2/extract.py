"""Vendor the OWL 2 RL-profile test cases from the W3C test-case export (all.rdf): run once, by hand.

    python tests/w3c/owl2/extract.py ALL_RDF [FUNOWL_PYTHON]

Writes cases/<id>/{premise,conclusion,nonconclusion,imported-N}.{rdf,ttl} and manifest.json beside this
file.  Each case of the export whose test:profile is test:RL and that has a test type is kept, as the
export gives its ontologies (RDF/XML).  A case given in functional syntax only is converted to Turtle by
funowl, run by FUNOWL_PYTHON (a Python with funowl 0.2.3 installed; rdflib's literal normalisation off, so
lexical forms stay); without it those cases are written with their functional syntax only and the test
skips them.  Needs rdflib (a kg dependency)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import rdflib
from rdflib import RDF, Namespace

T = Namespace("http://www.w3.org/2007/OWL/testOntology#")
HERE = Path(__file__).resolve().parent
KINDS = ("ConsistencyTest", "InconsistencyTest", "PositiveEntailmentTest", "NegativeEntailmentTest")
CONVERT = """
import sys, rdflib
rdflib.NORMALIZE_LITERALS = False
from funowl.converters.functional_converter import to_python
g = rdflib.Graph()
to_python(sys.stdin.read()).to_rdf(g)
sys.stdout.write(g.serialize(format="turtle"))
"""


def slug(identifier: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", identifier)


def convert(functional: str, funowl_python: str | None) -> str | None:
    if not funowl_python:
        return None
    done = subprocess.run([funowl_python, "-c", CONVERT], input=functional, capture_output=True, text=True,
                          check=True)
    return done.stdout


def main(all_rdf: str, funowl_python: str | None = None) -> None:
    g = rdflib.Graph()
    g.parse(all_rdf, format="xml")
    manifest = []
    for case in sorted(g.subjects(RDF.type, T.TestCase), key=str):
        if (case, T.profile, T.RL) not in g:
            continue
        kinds = sorted(str(t).split("#")[1] for t in g.objects(case, RDF.type) if str(t).split("#")[1] in KINDS)
        if not kinds:
            continue  # a profile-identification case only
        identifier = str(g.value(case, T.identifier))
        folder = HERE / "cases" / slug(identifier)
        folder.mkdir(parents=True, exist_ok=True)
        entry = {"id": identifier, "folder": f"cases/{slug(identifier)}", "kinds": kinds,
                 "status": str(g.value(case, T.status) or "").split("#")[-1] or None,
                 "semantics": sorted(str(s).split("#")[1] for s in g.objects(case, T.semantics)),
                 "description": " ".join(str(g.value(case, T.description)).split()), "files": {}}
        for role in ("Premise", "Conclusion", "NonConclusion"):
            xml = g.value(case, T[f"rdfXml{role}Ontology"])
            functional = g.value(case, T[f"fs{role}Ontology"])
            name = role.lower()
            if xml is not None:
                (folder / f"{name}.rdf").write_text(str(xml), encoding="utf-8")
                entry["files"][name] = f"{name}.rdf"
            elif functional is not None:
                (folder / f"{name}.ofn").write_text(str(functional), encoding="utf-8")
                turtle = convert(str(functional), funowl_python)
                if turtle is not None:
                    (folder / f"{name}.ttl").write_text(turtle, encoding="utf-8")
                    entry["files"][name] = f"{name}.ttl"
                    entry["converted"] = "funowl 0.2.3"
                else:
                    entry["files"][name] = None
        for n, imported in enumerate(sorted(g.objects(case, T.importedOntology), key=str)):
            (folder / f"imported-{n}.rdf").write_text(str(g.value(imported, T.rdfXmlInputOntology)),
                                                      encoding="utf-8")
            entry["files"].setdefault("imported", []).append(f"imported-{n}.rdf")
        manifest.append(entry)
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    print(f"{len(manifest)} RL cases written to {HERE / 'cases'}")


if __name__ == "__main__":
    main(*sys.argv[1:])
