"""Regenerate kg's QUDT extract (qudt.tsv.gz) from QUDT's own Turtle files.

    python -m kg.qudt.refresh --git QUDT_REPO            # the release tags named below
    python -m kg.qudt.refresh --source "QUDT x.y" A.ttl B.ttl ...

QUDT_REPO is a clone of QUDT's public repository (qudt-public-repo). Without --git, give the
unit and quantity-kind vocabularies (and optionally the old currency vocabulary) as files, and
--source to say where they came from. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.formats import canonical_lexical

# What the committed extract was made from: QUDT's release v3.5.0 for units and quantity kinds,
# and v3.3.0, the last release with the currency graph (http://qudt.org/vocab/currency/, deprecated
# since 3.1.0 for unit:CCY_*, its file deleted before 3.4.0), for the old cur: IRIs.
RELEASE = ("v3.5.0", "45195fa15d4a97c155397cd15fce9bc5439cf6aa")
CURRENCY_RELEASE = ("v3.3.0", "19ef29236698271b5cc0e86d3f3845d2b9280c04")
UNITS_FILE = "src/main/rdf/vocab/unit/VOCAB_QUDT-UNITS-ALL.ttl"
KINDS_FILE = "src/main/rdf/vocab/quantitykinds/VOCAB_QUDT-QUANTITY-KINDS-ALL.ttl"
CURRENCY_FILE = "src/main/rdf/vocab/currency/VOCAB_QUDT-UNITS-CURRENCY.ttl"
GIT_FILES = ((RELEASE, UNITS_FILE), (RELEASE, KINDS_FILE), (CURRENCY_RELEASE, CURRENCY_FILE))

OUTPUT = Path(__file__).with_name("qudt.tsv.gz")

QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"
CUR = "http://qudt.org/vocab/currency/"
KIND = "http://qudt.org/vocab/quantitykind/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
REPLACED_BY = "http://purl.org/dc/terms/isReplacedBy"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
UNIT_CLASSES = {QUDT + c for c in ("Unit", "CurrencyUnit", "DigitalCurrencyUnit")}
CURRENCY_CLASSES = {QUDT + "CurrencyUnit", QUDT + "DigitalCurrencyUnit"}
# qudt:unitForQuantityKind and qudt:categorizedByQuantityKind are sub-properties of
# qudt:hasQuantityKind; QUDT's release build materialises them, its source files do not.
KIND_PROPERTIES = (QUDT + "hasQuantityKind", QUDT + "unitForQuantityKind", QUDT + "categorizedByQuantityKind")
KEPT = {RDF_TYPE, RDFS_LABEL, REPLACED_BY, QUDT + "symbol", QUDT + "conversionMultiplier",
        QUDT + "conversionOffset", QUDT + "deprecated", QUDT + "exactMatch", *KIND_PROPERTIES}


def read_graph(sources: list[bytes]) -> dict[str, dict[str, list[ox.NamedNode | ox.Literal]]]:
    """subject IRI -> predicate IRI -> objects, for the predicates the extract needs."""
    graph: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for data in sources:
        for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
            if isinstance(t.subject, ox.NamedNode) and t.predicate.value in KEPT:
                graph[t.subject.value][t.predicate.value].append(t.object)
    return graph


def english(literals: list) -> str:
    """The English label: @en, else untagged, else any en-* (QUDT has a few @en-us only)."""
    def rank(lit: ox.Literal) -> tuple:
        lang = (lit.language or "").lower()
        return (0 if lang == "en" else 1 if not lang else 2 if lang.startswith("en-") else 3, lit.value)
    ranked = sorted((lit for lit in literals if isinstance(lit, ox.Literal)), key=rank)
    if not ranked or rank(ranked[0])[0] == 3:
        return ""
    return " ".join(ranked[0].value.split())


def decimal(literals: list) -> str:
    """One decimal value in canonical form ('' if none); QUDT gives at most one."""
    values = sorted({canonical_lexical(lit.value, XSD_DECIMAL) for lit in literals if isinstance(lit, ox.Literal)})
    if len(values) > 1:
        raise ValueError(f"several values {values}")
    return values[0] if values else ""


def curie(iri: str) -> str:
    """unit:X, cur:X or the local name of a quantity kind; the extract's compact IRIs."""
    for prefix, ns in (("unit:", UNIT), ("cur:", CUR), ("", KIND)):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    raise ValueError(f"not a QUDT unit, currency or quantity kind IRI: {iri}")


def field(text: str) -> str:
    # a TSV field: backslash, tab and line breaks escaped (none occur today, but labels are free text)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def extract(sources: list[bytes], source_note: str) -> bytes:
    """The extract's TSV text from the Turtle files' bytes (see README.md for its columns)."""
    graph = read_graph(sources)
    kinds = {s for s, p in graph.items()
             if s.startswith(KIND) and QUDT + "QuantityKind" in {o.value for o in p[RDF_TYPE]}}
    deprecated = {s for s, p in graph.items() if any(o.value == "true" for o in p[QUDT + "deprecated"])}

    def exact_matches(kind: str) -> set[str]:
        # the kinds linked to `kind` by qudt:exactMatch either way, transitively (QUDT's build
        # propagates qudt:unitForQuantityKind across them: propagateUnitForQuantityKindAcrossExactMatch)
        seen, todo = {kind}, [kind]
        while todo:
            k = todo.pop()
            for other in [o.value for o in graph[k][QUDT + "exactMatch"]] + linked_from.get(k, []):
                if other in kinds and other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen - {kind}

    linked_from: dict[str, list[str]] = defaultdict(list)
    for k in kinds:
        for o in graph[k][QUDT + "exactMatch"]:
            linked_from[o.value].append(k)

    units, used = [], set()
    for iri in sorted(s for s in graph if s.startswith((UNIT, CUR))):
        p = graph[iri]
        types = {o.value for o in p[RDF_TYPE]}
        if not types & UNIT_CLASSES:
            continue
        unit_kinds = {o.value for prop in KIND_PROPERTIES for o in p[prop]}
        if iri not in deprecated:
            for k in [o.value for o in p[QUDT + "unitForQuantityKind"]]:
                unit_kinds |= {m for m in exact_matches(k) if m not in deprecated}
        unknown = unit_kinds - kinds
        if unknown:
            raise ValueError(f"{iri}: quantity kinds QUDT does not declare: {sorted(unknown)}")
        used |= unit_kinds
        symbols = sorted({o.value for o in p[QUDT + "symbol"]})
        replaced = sorted(o.value for o in p[REPLACED_BY])
        # QUDT deprecated the whole currency graph in 3.1.0 (and dropped it in 3.4.0); cur:MegaUSD
        # alone lacks its qudt:deprecated
        currency = bool(types & CURRENCY_CLASSES) or KIND + "Currency" in unit_kinds
        flags = ("d" if iri in deprecated or iri.startswith(CUR) else "") + ("c" if currency else "")
        units.append("\t".join(field(x) for x in (
            curie(iri), english(p[RDFS_LABEL]), symbols[0] if symbols else "",
            " ".join(sorted(curie(k) for k in unit_kinds)),
            decimal(p[QUDT + "conversionMultiplier"]), decimal(p[QUDT + "conversionOffset"]),
            curie(replaced[0]) if replaced else "", flags)))
    rows = []
    for k in sorted(used):
        replaced = sorted(o.value for o in graph[k][REPLACED_BY])
        rows.append("\t".join(field(x) for x in (
            curie(k), english(graph[k][RDFS_LABEL]), curie(replaced[0]) if replaced and replaced[0] in kinds else "",
            "d" if k in deprecated else "")))
    header = [
        "# kg's extract of the QUDT unit, currency and quantity-kind vocabularies (kg.qudt; see README.md).",
        "# QUDT is licensed CC BY 4.0 (LICENSE.md, CC-BY-4.0.txt); attribution to QUDT.org. Made by kg.qudt.refresh from:",
        *(f"# source: {line}" for line in source_note.splitlines() if line.strip()),
        "# U\tIRI\tlabel@en\tsymbol\tquantity kinds\tconversionMultiplier\tconversionOffset\tisReplacedBy"
        "\tflags (d deprecated, c currency)",
        "# K\tquantity kind\tlabel@en\tisReplacedBy\tflags (d deprecated)",
    ]
    lines = header + ["U\t" + u for u in units] + ["K\t" + r for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write(text: bytes, path: Path) -> None:
    """gzip with no name or time in its header, so the same text gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as f:
        f.write(text)
    path.write_bytes(buffer.getvalue())


def from_git(repo: str) -> tuple[list[bytes], str]:
    """The source files at the release tags above, read from a clone of QUDT's repository."""
    sources, notes = [], []
    for (tag, commit), path in GIT_FILES:
        git = ["git", "--git-dir", repo] if Path(repo, "HEAD").is_file() else ["git", "-C", repo]  # bare or not
        data = subprocess.run([*git, "show", f"{commit}:{path}"], check=True, capture_output=True).stdout
        sources.append(data)
        notes.append(f"qudt/qudt-public-repo {tag} (commit {commit}) {path}")
    return sources, "\n".join(notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.qudt.refresh", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="QUDT Turtle files (units, quantity kinds, currencies)")
    parser.add_argument("--git", metavar="QUDT_REPO", help="read the files at the pinned releases from this clone")
    parser.add_argument("--source", help="where the files came from (written into the extract's header)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    if bool(args.git) == bool(args.files):
        parser.error("give either --git QUDT_REPO or the Turtle files")
    if args.git:
        sources, note = from_git(args.git)
    else:
        if not args.source:
            parser.error("say with --source which QUDT release the files are from")
        sources, note = [f.read_bytes() for f in args.files], args.source
    text = extract(sources, note)
    write(text, args.output)
    counts = defaultdict(int)
    for line in text.splitlines():
        counts[line[:1]] += 1
    print(f"{args.output}: {counts[b'U']} units, {counts[b'K']} quantity kinds, "
          f"{args.output.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
