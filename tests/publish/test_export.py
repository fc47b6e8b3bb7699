"""Dumps: deterministic, readable by real consumers, described by VoID/DCAT,
with checksums."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import thirdparty as tp
from kg.export import export

TRIPLES = ("kg.ttl", "kg.nt", "kg.jsonld", "kg.rdf")
QUADS = ("kg.trig", "kg.nq")
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
           ".rdf": ox.RdfFormat.RDF_XML, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


@pytest.fixture(scope="module")
def dist(built_mini, tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    export(built_mini, out)
    return out


def count(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data, path = gzip.decompress(data), path.with_suffix("")
    return sum(1 for _ in ox.parse(input=data, format=FORMATS[path.suffix], base_iri="https://example.org/dist/"))


def test_every_dump_parses_with_the_same_count(dist, built_mini):
    from kg.builds import current

    m = current(built_mini).manifest["counts"]
    for name in TRIPLES:
        assert count(dist / name) == m["closure_triples"] == 71, name
    for name in QUADS:
        assert count(dist / name) == m["asserted_statements"] + m["inferred_triples"] == 71, name
    assert count(dist / "void.ttl") > 50


def test_export_is_deterministic(built_mini, tmp_path):
    export(built_mini, tmp_path / "a")
    export(built_mini, tmp_path / "b", gzip=True)
    export(built_mini, tmp_path / "c", gzip=True)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted([*TRIPLES, *QUADS, "void.ttl", "SHA256SUMS"])
    for name in sorted(p.name for p in (tmp_path / "b").iterdir()):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes(), name
    for name in (*TRIPLES, *QUADS):
        raw = gzip.decompress((tmp_path / "b" / (name + ".gz")).read_bytes())
        assert raw == (tmp_path / "a" / name).read_bytes(), name
        assert count(tmp_path / "b" / (name + ".gz")) == 71
    # gzip without a file name or a time stamp
    head = (tmp_path / "b" / "kg.nt.gz").read_bytes()[:10]
    assert head[3] & 0x08 == 0 and head[4:8] == b"\0\0\0\0"


def test_sorted_line_dumps(dist):
    for name in ("kg.nt", "kg.nq"):
        lines = (dist / name).read_text(encoding="utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_checksums(dist):
    lines = (dist / "SHA256SUMS").read_text().splitlines()
    names = [line.split("  ")[1] for line in lines]
    assert names == sorted([*TRIPLES, *QUADS, "void.ttl"])
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_void_and_dcat_description(dist):
    s = ox.Store()
    s.load(path=str(dist / "void.ttl"), format=ox.RdfFormat.TURTLE, base_iri="https://example.org/dist/")
    prefixes = {"void": "http://rdfs.org/ns/void#", "dcat": "http://www.w3.org/ns/dcat#",
                "dct": "http://purl.org/dc/terms/", "spdx": "http://spdx.org/rdf/terms#",
                "stc": "https://w3id.org/stcoop/ontology#"}

    def q(text):
        r = s.query(text, prefixes=prefixes)
        return bool(r) if isinstance(r, ox.QueryBoolean) else [tuple(x) for x in r]

    [[triples]] = q("SELECT ?n WHERE { ?d a void:Dataset, dcat:Dataset ; void:triples ?n }")
    assert triples.value == "71"
    [[parks]] = q("SELECT ?n WHERE { ?d void:classPartition [ void:class stc:Park ; void:entities ?n ] }")
    assert parks.value == "2"
    [[lic]] = q("SELECT ?l WHERE { ?d a void:Dataset ; dct:license ?l }")
    assert lic.value == "https://creativecommons.org/licenses/by/4.0/"
    sources = {r[0].value for r in q("SELECT ?s WHERE { ?d a void:Dataset ; dct:source ?s }")}
    assert sources == {"https://w3id.org/stcoop/id/source/000-alpha", "https://w3id.org/stcoop/id/source/001-beta",
                       "https://w3id.org/stcoop/id/source/curation"}
    assert q("ASK { ?d void:exampleResource ?x ; void:propertyPartition [ void:property ?p ; void:triples ?t ] ; dcat:version ?v }")
    dists = q("SELECT ?url ?size ?sum WHERE { ?d dcat:distribution ?x . ?x dcat:downloadURL ?url ; dcat:byteSize ?size ;"
              " spdx:checksum [ spdx:checksumValue ?sum ] }")
    assert len(dists) == 6
    for url, size, digest in dists:
        name = url.value.rsplit("/", 1)[1]
        assert url.value == "https://example.org/dist/" + name  # relative to the description
        data = (dist / name).read_bytes()
        assert int(size.value) == len(data)
        assert digest.value == hashlib.sha256(data).hexdigest()


def test_export_command(built_mini, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["export", "-o", str(out), "--only", "nt", "--only", "ttl",
                                  "--home", str(built_mini.home), "--build-dir", str(built_mini.build_dir)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (f"      2540  {out}/kg.ttl\n"
                        f"      8907  {out}/kg.nt\n"
                        f"{(out / 'void.ttl').stat().st_size:>10}  {out}/void.ttl\n"
                        f"       220  {out}/SHA256SUMS\n")


def test_the_dumps_are_one_step_piped_and_counted_as_they_go_on_a_terminal(built_mini, tmp_path):
    """Piped: one line once the dumps are written. On a terminal the step is told the MiB read to sort
    (of the build's files), which dump is being made, and each streamed dump's lines as they are written."""
    import io
    import re

    from kg.answering import serving_build
    from kg.export import export_built
    from kg.progress import Reporter

    class Recording(Reporter):
        def advance(self, done, total=None, detail="", force=False):
            told.append((done, total, detail))
            super().advance(done, total, detail, force)

    built = serving_build(built_mini, build_if_stale=False)
    piped = io.StringIO()
    written = export_built(built, tmp_path / "piped", only=["nt", "ttl"], reporter=Reporter(piped, tty=False))
    size = sum(size for path, size in written if not path.endswith("SHA256SUMS"))
    assert re.fullmatch(rf"kg: writing the dumps: 3 files, {size} bytes \(\d+\.\d s\)\n", piped.getvalue())
    told: list = []
    terminal = io.StringIO()
    export_built(built, tmp_path / "terminal", only=["nt", "ttl"], reporter=Recording(terminal, tty=True))
    files = sum((built.path / name).stat().st_size for name in ("asserted.nq", "inferred.nq")) >> 20
    details = [detail for _, _, detail in told]
    assert details[0] == "making kg.ttl" and "making kg.nt" in details
    assert ("MiB of statements read and sorted" in details
            and all(total == files for _, total, detail in told if detail.startswith("MiB")))
    nt_lines = [done for done, _, detail in told if detail == "lines written to kg.nt"]
    assert nt_lines == sorted(nt_lines) and nt_lines[-1] == (tmp_path / "terminal" / "kg.nt").read_bytes().count(b"\n")
    assert "kg: writing the dumps" in terminal.getvalue()
    assert [f.read_bytes() for f in sorted((tmp_path / "piped").iterdir())] == \
        [f.read_bytes() for f in sorted((tmp_path / "terminal").iterdir())]


# ---------------------------------------------------------------- third-party consumers
@tp.requires_rapper
@pytest.mark.parametrize("name,syntax,expected", [("kg.ttl", "turtle", 71), ("kg.nt", "ntriples", 71),
                                                   ("void.ttl", "turtle", None)])
def test_rapper_reads_the_dumps(dist, name, syntax, expected):
    n = tp.rapper_count(dist / name, syntax)
    if expected is not None:
        assert n == expected


# Debian's Jena 4.5 cannot read any JSON-LD (no jakarta.json provider on the
# class path: LOADING_DOCUMENT_FAILED even for a one-triple document), so the
# JSON-LD dump is checked by pyoxigraph above, not by riot.
@pytest.mark.slow
@tp.requires_riot
@pytest.mark.parametrize("name", [n for n in (*TRIPLES, *QUADS) if n != "kg.jsonld"] + ["void.ttl"])
def test_riot_validates_the_dumps(dist, name):
    proc = tp.riot_validate(dist / name)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- where the dumps go
def test_the_default_folder_is_in_the_build_folder_whatever_the_current_folder(mini, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.delenv("KG_HOME", raising=False)
    monkeypatch.delenv("KG_BUILD_DIR", raising=False)
    monkeypatch.chdir(mini.home / "queries")
    r = CliRunner().invoke(main, ["export", "--only", "nt"])  # the working copy found from queries/
    assert r.exit_code == 0, r.stderr
    dist = mini.home / "build" / "dist"
    assert (dist / "kg.nt").is_file() and not (mini.home / "queries" / "dist").exists()
    assert r.stdout.splitlines()[0].endswith(f"  {dist}/kg.nt")


@pytest.mark.parametrize("target", ["/dev/null", "a-file"])
def test_an_out_that_is_not_a_folder_is_a_usage_error(cli, tmp_path, target):
    path = tmp_path / target if target == "a-file" else Path(target)
    if target == "a-file":
        path.write_text("not a folder\n")
    r = cli("export", "--out", str(path))
    assert r.exit_code == 2 and r.stderr == f"kg: error: {path}: exists and is not a folder\n"


def test_a_folder_that_cannot_be_written_is_a_usage_error(cli, tmp_path):
    import os

    if os.geteuid() == 0:  # root writes anywhere a mode allows nothing: /sys refuses even root
        folder, inside = Path("/sys/kernel"), Path("/sys/kernel/kg-dist")
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        inside = folder / "kg-dist"
    r = cli("export", "--out", str(folder), "--only", "nt")
    assert r.exit_code == 2 and r.stderr.startswith(f"kg: error: cannot write {folder}/kg.nt: "), r.stderr
    r = cli("export", "--out", str(inside), "--only", "nt")
    assert r.exit_code == 2 and r.stderr.startswith(f"kg: error: cannot create the output folder {inside}: "), r.stderr
    assert r.stderr.count("\n") == 1


def test_the_served_description_names_its_endpoint_and_media_types_by_iana_iri(built_mini, tmp_path):
    from kg.builds import current
    from kg.export import export_built

    export_built(current(built_mini), tmp_path, endpoint="https://example.org/sparql", only=["nt"], gzip=True)
    s = ox.Store()
    s.load(path=str(tmp_path / "void.ttl"), format=ox.RdfFormat.TURTLE, base_iri="https://example.org/dist/")
    rows = {tuple(t.value for t in row) for row in s.query(
        "SELECT ?e ?media ?gz WHERE { ?d <http://rdfs.org/ns/void#sparqlEndpoint> ?e ; "
        "<http://www.w3.org/ns/dcat#distribution> [ <http://www.w3.org/ns/dcat#mediaType> ?media ; "
        "<http://www.w3.org/ns/dcat#compressFormat> ?gz ] }")}
    iana = "https://www.iana.org/assignments/media-types/"
    assert rows == {("https://example.org/sparql", iana + "application/n-triples", iana + "application/gzip")}
