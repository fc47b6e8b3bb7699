"""kg release: a copy of the working copy released as 1.0.0, changed (an entity added, one removed, a label
changed) and released as 1.1.0; the changelog names exactly those changes, the patch turns 1.0.0 into
1.1.0, and a release made again is the same to the byte."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers.cli import Cli
from helpers.paths import MINI, ROOT

# the edits between the two releases, in data/curation.trig: one sector removed, one added, one relabelled
REMOVED = ('    sector:green-energy a stc:Sector ; skos:prefLabel "green energy"@en ;\n'
           '        skos:broader sector:energy-conservation-environmental-protection-green-energy ; '
           'skos:inScheme sector:scheme .\n')
ADDED = ('    sector:blue-energy a stc:Sector ; skos:prefLabel "blue energy"@en ;\n'
         '        skos:broader sector:energy-and-environment ; skos:inScheme sector:scheme .\n')
RELABELLED = ('skos:prefLabel "energy conservation"@en', 'skos:prefLabel "energy saving"@en')
DUMP_KINDS = ("ttl", "nt", "jsonld", "rdf", "trig", "nq")
OWL = "http://www.w3.org/2002/07/owl#"
ONTOLOGY = "https://w3id.org/stcoop/ontology"


def copy_of_working_copy(base: Path) -> Path:
    home = base / "home"
    for folder in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / folder, home / folder)
    return home


def edit(home: Path) -> None:
    path = home / "data" / "curation.trig"
    text = path.read_text(encoding="utf-8")
    for old, new in ((REMOVED, ADDED), RELABELLED):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def release_cli(home: Path, build: Path, *args):
    from kg.project import locate

    return Cli(locate(home, build))("release", *args)


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The copy's releases folder (default: beside the working copy) after 1.0.0 and 1.1.0."""
    base = tmp_path_factory.mktemp("release")
    home = copy_of_working_copy(base)
    r = release_cli(home, base / "build", "1.0.0", "--date", "2026-12-01")
    assert r.exit_code == 0, r.stderr
    edit(home)
    r = release_cli(home, base / "build", "1.1.0", "--date", "2026-12-05", "--sparql-endpoint",
                    "https://example.org/sparql", "--publisher", "https://example.org/publisher")
    assert r.exit_code == 0, r.stderr
    assert "released 1.1.0 (2026-12-05; the changes since 1.0.0)" in r.stderr
    return home / "releases"


def entity_lines(markdown: str, section: str) -> list[str]:
    """The entity lines under one ### heading."""
    part = markdown.split(f"\n### {section}\n", 1)[1].split("\n#", 1)[0]
    return [line for line in part.splitlines() if line.startswith("* ")]


def test_the_changelog_names_exactly_what_changed(released):
    text = (released / "1.1.0" / "kg-1.1.0.changes.md").read_text(encoding="utf-8")
    expected = ["* added: `sector:blue-energy` blue energy",
                "* changed: `sector:energy-conservation` energy saving (skos:prefLabel)",
                "* removed: `sector:green-energy` green energy"]
    assert text.startswith("# Release 1.1.0\n\nIssued 2026-12-05. Changes since release 1.0.0;")
    assert "1 entity added, 1 removed, 1 changed;" in text
    # per class: every entity line of the file is one of the three, under the one class they have
    assert re.findall(r"^\| (stc:\S+) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M) == [("stc:Sector", "1", "1", "1")]
    assert entity_lines(text, "stc:Sector") == expected
    # per graph: the curation graph holds all three; the inferred graph changed too, counted only
    assert entity_lines(text, "source:curation") == expected
    assert sorted(set(re.findall(r"^\* .*$", text, re.M))) == expected
    graphs = re.findall(r"^\| (\S+) \| \d+ → \d+ \|", text, re.M)
    assert graphs == ["kgg:inferred", "source:curation"]  # not the ontology graph: its version is no change
    # six statements out (the sector's five and the dct:source the build adds), six in, as many as before
    [(old, new)] = re.findall(r"^\| source:curation \| (\d+) → (\d+) \| 6 \| 6 \| 1 \| 1 \| 1 \|$", text, re.M)
    assert old == new


def test_the_first_release_says_so(released):
    text = (released / "1.0.0" / "kg-1.0.0.changes.md").read_text(encoding="utf-8")
    assert text == "# Release 1.0.0\n\nIssued 2026-12-01. The first release: there is no earlier one to compare with.\n"
    assert not (released / "1.0.0" / "kg-1.0.0.patch.ru").exists()


def quads(path: Path) -> set:
    return set(ox.parse(gzip.decompress(path.read_bytes()), format=ox.RdfFormat.N_QUADS))


def test_the_patch_turns_the_previous_release_into_this_one(released):
    store = ox.Store()
    store.extend(quads(released / "1.0.0" / "kg-1.0.0.nq.gz"))
    store.update((released / "1.1.0" / "kg-1.1.0.patch.ru").read_text(encoding="utf-8"))
    assert set(store) == quads(released / "1.1.0" / "kg-1.1.0.nq.gz")


def test_the_release_folder(released):
    folder = released / "1.1.0"
    dumps = [f"kg-1.1.0.{kind}.gz" for kind in DUMP_KINDS]
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([*dumps, "kg-1.1.0.void.ttl", "kg-1.1.0.changes.md", "kg-1.1.0.patch.ru", "SHA256SUMS"])
    listed = [line.split("  ") for line in (folder / "SHA256SUMS").read_text().splitlines()]
    assert [name for _, name in listed] == sorted(n for n in names if n != "SHA256SUMS")
    for digest, name in listed:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    for name in dumps:  # gzip without a file name or a time stamp
        head = (folder / name).read_bytes()[:10]
        assert head[3] & 0x08 == 0 and head[4:8] == b"\0\0\0\0", name
    # the released ontology states its version and the one before
    versions = {(q.predicate.value, q.object.value) for q in quads(folder / "kg-1.1.0.nq.gz")
                if q.subject.value == ONTOLOGY and q.predicate.value.startswith(OWL) and "ersion" in q.predicate.value}
    assert versions == {(OWL + "versionIRI", ONTOLOGY + "/1.1.0"), (OWL + "versionInfo", "1.1.0"),
                        (OWL + "priorVersion", ONTOLOGY + "/1.0.0")}


def void_query(path: Path, text: str):
    s = ox.Store()
    s.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri="https://example.org/releases/1.1.0/")
    prefixes = {"void": "http://rdfs.org/ns/void#", "dcat": "http://www.w3.org/ns/dcat#",
                "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/"}
    return [tuple(t.value for t in row) for row in s.query(text, prefixes=prefixes)]


def test_the_release_description(released):
    void = released / "1.1.0" / "kg-1.1.0.void.ttl"
    [row] = void_query(void, "SELECT ?v ?issued ?modified ?endpoint ?publisher WHERE { ?d a void:Dataset ; "
                             "dcat:version ?v ; dct:issued ?issued ; dct:modified ?modified ; "
                             "void:sparqlEndpoint ?endpoint ; dct:publisher ?publisher }")
    # issued when first released, modified now
    assert row == ("1.1.0", "2026-12-01", "2026-12-05", "https://example.org/sparql", "https://example.org/publisher")
    dists = void_query(void, "SELECT ?url ?media ?gz ?issued WHERE { ?d dcat:distribution ?x . ?x dcat:downloadURL "
                             "?url ; dcat:mediaType ?media ; dcat:compressFormat ?gz ; dct:issued ?issued }")
    iana = "https://www.iana.org/assignments/media-types/"
    assert sorted(dists) == sorted(
        ("https://example.org/releases/1.1.0/" + f"kg-1.1.0.{kind}.gz", iana + media, iana + "application/gzip",
         "2026-12-05") for kind, media in (("ttl", "text/turtle"), ("nt", "application/n-triples"),
                                           ("jsonld", "application/ld+json"), ("rdf", "application/rdf+xml"),
                                           ("trig", "application/trig"), ("nq", "application/n-quads")))
    # without --publisher: the ontology's creator, by name; the counts are those of the released closure
    first = released / "1.0.0" / "kg-1.0.0.void.ttl"
    assert void_query(first, "SELECT ?name WHERE { ?d a void:Dataset ; dct:publisher [ a foaf:Agent ; foaf:name ?name ] }") \
        == [("kg project team",)]
    [(triples,)] = void_query(void, "SELECT ?n WHERE { ?d a void:Dataset ; void:triples ?n }")
    nt = gzip.decompress((released / "1.1.0" / "kg-1.1.0.nt.gz").read_bytes())
    assert int(triples) == len(nt.splitlines())


def test_a_release_made_again_is_the_same_to_the_byte(released, tmp_path):
    """1.1.0 again, into another folder, from another build folder, its previous release named: every file
    the same (1.0.0's data is gone from the copy: the mini copy's two runs below check a first release)."""
    r = release_cli(released.parent, tmp_path / "build", "1.1.0", "--out", str(tmp_path / "again"), "--date",
                    "2026-12-05", "--previous", str(released / "1.0.0"), "--sparql-endpoint",
                    "https://example.org/sparql", "--publisher", "https://example.org/publisher")
    assert r.exit_code == 0, r.stderr
    for path in sorted((released / "1.1.0").iterdir()):
        assert (tmp_path / "again" / "1.1.0" / path.name).read_bytes() == path.read_bytes(), path.name


def test_two_runs_give_the_same_bytes(tmp_path):
    home = tmp_path / "mini"
    shutil.copytree(MINI, home, ignore=shutil.ignore_patterns("build"))
    for run in ("a", "b"):
        r = release_cli(home, tmp_path / f"build-{run}", "0.2.0", "--out", str(tmp_path / run), "--date", "2026-01-31")
        assert r.exit_code == 0, r.stderr
    names = sorted(p.name for p in (tmp_path / "a" / "0.2.0").iterdir())
    assert len(names) == 9
    for name in names:
        assert (tmp_path / "a" / "0.2.0" / name).read_bytes() == (tmp_path / "b" / "0.2.0" / name).read_bytes(), name


# ---------------------------------------------------------------- versions, dates, refusals
def test_versions_are_ordered_as_semver_orders_them():
    from kg.release import version_key

    ordered = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
               "1.2.0", "1.10.0"]
    assert sorted(reversed(ordered), key=version_key) == ordered


def fake_release(root: Path, version: str, folder: str | None = None) -> None:
    """A release folder as find_previous sees it: its description's version and an N-Quads dump."""
    path = root / (folder or version)
    path.mkdir(parents=True)
    (path / f"kg-{version}.void.ttl").write_text(
        f'<https://w3id.org/stcoop/dataset> <http://www.w3.org/ns/dcat#version> "{version}" .\n', encoding="utf-8")
    (path / f"kg-{version}.nq.gz").write_bytes(gzip.compress(b""))


def test_the_previous_release_is_the_highest_version_below(tmp_path):
    from kg.errors import UsageError
    from kg.release import Previous, find_previous

    for version in ("0.9.0", "1.0.0", "1.1.0-rc.1", "1.1.0", "1.10.0"):
        fake_release(tmp_path, version)
    (tmp_path / "junk").mkdir()
    (tmp_path / "2.0.0").mkdir()  # not a release: no description
    assert find_previous(tmp_path, "1.2.0").version == "1.1.0"
    assert find_previous(tmp_path, "1.1.0").version == "1.1.0-rc.1"
    assert find_previous(tmp_path, "1.0.0").folder.name == "0.9.0"
    assert find_previous(tmp_path, "3.0.0").version == "1.10.0"
    assert find_previous(tmp_path, "0.9.0") is None
    assert find_previous(tmp_path / "none", "1.0.0") is None
    fake_release(tmp_path, "0.5.0", folder="named-by-hand")  # --previous: any folder; the version is the description's
    assert Previous.read(tmp_path / "named-by-hand").version == "0.5.0"
    with pytest.raises(UsageError, match="not a release folder"):
        Previous.read(tmp_path / "junk")


def test_releases_go_beside_the_working_copy_unless_it_is_the_bundled_one(mini):
    from dataclasses import replace

    from kg.release import default_root

    assert default_root(mini) == mini.home / "releases"
    assert default_root(replace(mini, origin="bundle")) == mini.build_dir / "releases"


def test_the_date_comes_from_the_data_never_the_clock(tmp_path, monkeypatch):
    from kg.errors import UsageError
    from kg.project import locate
    from kg.release import release_date

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outside = tmp_path / "copy"
    shutil.copytree(MINI, outside, ignore=shutil.ignore_patterns("build"))
    project = locate(outside, tmp_path / "build")
    with pytest.raises(UsageError, match="no release date: give --date"):
        release_date(project)
    assert release_date(project, "2026-02-03") == "2026-02-03"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225599")  # 2025-12-31T23:59:59Z
    assert release_date(project) == "2025-12-31"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True,
                            env={"TZ": "UTC", "PATH": "/usr/bin:/bin"})
    if commit.returncode != 0:
        pytest.skip("the working copy is not a git checkout")
    assert release_date(locate(ROOT, tmp_path / "build-real")) == commit.stdout.strip()


@pytest.mark.parametrize("args,message", [
    (["1.0"], "'1.0' is not a version"),
    (["1.0.0", "--date", "1 Dec 2026"], "--date '1 Dec 2026': not a date"),
    (["1.0.0", "--sparql-endpoint", "sparql"], "--sparql-endpoint 'sparql': not an absolute IRI"),
])
def test_usage_errors(mini, args, message):
    r = Cli(mini)("release", *args, "--out", str(mini.home.parent / "releases"))
    assert r.exit_code == 2 and r.stderr.startswith("kg: error: ") and message in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1


def test_a_release_is_not_written_twice_or_below_its_previous(mini):
    cli, out = Cli(mini), str(mini.home.parent / "releases")
    assert cli("release", "1.0.0", "--out", out, "--date", "2026-03-01").exit_code == 0
    r = cli("release", "1.0.0", "--out", out, "--date", "2026-03-01")
    assert r.exit_code == 2 and "release 1.0.0 exists (--replace writes it again)" in r.stderr
    assert cli("release", "1.0.0", "--out", out, "--date", "2026-03-01", "--replace").exit_code == 0
    r = cli("release", "0.9.0", "--out", out, "--date", "2026-03-01", "--previous", f"{out}/1.0.0")
    assert r.exit_code == 2 and "the previous release 1.0.0" in r.stderr and "is not below 0.9.0" in r.stderr
    r = cli("release", "1.0.1", "--out", out, "--date", "2026-02-01")
    assert r.exit_code == 2 and "the release date 2026-02-01 is before the previous release's (2026-03-01)" in r.stderr


def test_a_build_that_does_not_conform_is_not_released(mini):
    from helpers.paths import BAD

    shutil.copy(BAD, mini.home / "data" / BAD.name)
    r = Cli(mini)("release", "1.0.0", "--out", str(mini.home.parent / "releases"), "--date", "2026-03-01")
    assert r.exit_code == 2 and "a release is made only of a conforming build" in r.stderr
    assert not (mini.home.parent / "releases" / "1.0.0").exists()


def test_the_ontology_states_the_version_of_kg():
    """The working copy's ontology is kg's version: owl:versionIRI <…/ontology/VERSION> and owl:versionInfo."""
    from kg import __version__

    g = ox.Store()
    g.load(path=str(ROOT / "ontology" / "stcoop.ttl"), format=ox.RdfFormat.TURTLE)
    found = {(t.predicate.value, t.object.value) for t in g.quads_for_pattern(ox.NamedNode(ONTOLOGY), None, None)
             if "version" in t.predicate.value.lower()}
    assert (OWL + "versionIRI", f"{ONTOLOGY}/{__version__}") in found
    assert (OWL + "versionInfo", __version__) in found
