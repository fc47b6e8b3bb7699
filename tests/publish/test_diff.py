"""kg diff: per-graph differences between builds and dumps, N-Quads patches, and a SPARQL Update
that turns a store holding build A into one holding exactly build B (checked on Oxigraph server)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import stores as st
from helpers.cli import Cli
from helpers.paths import MINI

SOURCE = "https://w3id.org/stcoop/id/source/"

# Build A: the mini copy with a blank node in Alpha's graph.
A_EXTRA = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix park: <https://w3id.org/stcoop/id/park/> .
@prefix source: <https://w3id.org/stcoop/id/source/> .
source:000-alpha { park:alpha rdfs:seeAlso [ rdfs:label "the desk"@en ] . }
"""
# Build B: Alpha's area written 13.50 (12.5 before), its year gone, its blank node relabelled;
# Beta's graph gone; a new graph for Gamma with a blank node of its own.
B_ALPHA = ("stc:established \"2010\"^^xsd:gYear ;\n        stc:area 12.5 .", "stc:area 13.50 .")
B_EXTRA = A_EXTRA.replace("the desk", "the front desk")
B_GAMMA = """\
@prefix stc: <https://w3id.org/stcoop/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix park: <https://w3id.org/stcoop/id/park/> .
@prefix place: <https://w3id.org/stcoop/id/place/> .
@prefix source: <https://w3id.org/stcoop/id/source/> .
source:002-gamma {
    park:gamma a stc:Park ; rdfs:label "Gamma Park"@en ; stc:locatedIn place:suzhou ;
        rdfs:seeAlso [ rdfs:label "Gamma's desk"@en ] .
}
"""


def _copy(base: Path, name: str) -> Path:
    home = base / name
    shutil.copytree(MINI, home, ignore=shutil.ignore_patterns("build"))
    (home / "data" / "extra.trig").write_text(A_EXTRA, encoding="utf-8")
    return home


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(project A, build A, project B, build B): the mini copy and an edited one, built."""
    from kg.build import build
    from kg.project import locate

    base = tmp_path_factory.mktemp("diff")
    a_home, b_home = _copy(base, "a"), _copy(base, "b")
    alpha = b_home / "data" / "alpha.trig"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace(*B_ALPHA), encoding="utf-8")
    beta = b_home / "data" / "beta.trig"
    beta.write_text(beta.read_text(encoding="utf-8").split("source:001-beta {")[0]
                    + "source:curation" + beta.read_text(encoding="utf-8").split("source:curation", 1)[1],
                    encoding="utf-8")
    (b_home / "data" / "extra.trig").write_text(B_EXTRA, encoding="utf-8")
    (b_home / "data" / "gamma.trig").write_text(B_GAMMA, encoding="utf-8")
    a, b = locate(a_home, base / "a-build"), locate(b_home, base / "b-build")
    built_a, built_b = build(a), build(b)
    assert built_a.conforms and built_b.conforms
    return a, built_a, b, built_b


def test_a_build_and_its_own_dumps_do_not_differ(builds, tmp_path):
    from kg.diff import diff
    from kg.export import export_built

    _a, built_a, _b, _built_b = builds
    export_built(built_a, tmp_path, only=["nq", "trig"])
    for dump in ("kg.nq", "kg.trig"):
        d = diff(built_a.path, tmp_path / dump)
        assert d.changes == [] and d.old.statements == d.new.statements > 60, dump
    # the data says 12.5 and the dump says 12.5; a non-canonical 12.50 would not count as a change either
    assert b'"12.5"^^<http://www.w3.org/2001/XMLSchema#decimal>' in (tmp_path / "kg.nq").read_bytes()


def test_diff_per_graph_and_per_class(builds):
    from kg.diff import diff, summary

    _a, built_a, _b, built_b = builds
    d = diff(built_a.path, built_b.path)
    changes = {c.graph: c for c in d.changes}
    alpha = changes[SOURCE + "000-alpha"]
    assert sorted(line.decode() for line in alpha.added if b"#area>" in line) == [
        '<https://w3id.org/stcoop/id/park/alpha> <https://w3id.org/stcoop/ontology#area> '
        '"13.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .']  # canonical: the data says 13.50
    assert any(b"established" in line for line in alpha.removed) and alpha.blank
    beta = changes[SOURCE + "001-beta"]
    assert beta.new == 0 and len(beta.removed) == beta.old > 0 and not beta.added
    gamma = changes[SOURCE + "002-gamma"]
    assert gamma.old == 0 and len(gamma.added) == gamma.new > 0
    assert "https://w3id.org/stcoop/graph/inferred" in changes  # Gamma is in China now, Beta no longer
    assert SOURCE + "curation" not in changes
    text = summary(d)
    assert "source:002-gamma" in text and "(new graph)" in text and "(graph removed)" in text
    per_class = {cls: (removed, added) for cls, removed, added in d.per_class()}
    assert per_class["stc:Park"][0] > 0 and per_class["stc:Park"][1] > 0


def test_patch_files(builds, tmp_path):
    from kg.diff import diff, write_patches

    _a, built_a, _b, built_b = builds
    d = diff(built_a.path, built_b.path)
    write_patches(d, tmp_path)
    removed = list(ox.parse(path=str(tmp_path / "removed.nq"), format=ox.RdfFormat.N_QUADS))
    added = list(ox.parse(path=str(tmp_path / "added.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(removed) == d.removed and len(added) == d.added
    assert {q.graph_name.value for q in removed} >= {SOURCE + "000-alpha", SOURCE + "001-beta"}
    update = (tmp_path / "patch.ru").read_text(encoding="utf-8")
    ox.Store().update(update)  # a valid SPARQL Update
    assert f"DROP SILENT GRAPH <{SOURCE}001-beta>" in update
    assert f"DROP SILENT GRAPH <{SOURCE}000-alpha>" in update  # a blank node changed: replaced whole
    assert "DELETE DATA {" in update and "INSERT DATA {" in update


def test_diff_command(builds, tmp_path):
    a, built_a, _b, built_b = builds
    cli = Cli(a)
    r = cli("diff", str(built_a.path), str(built_b.path), "--out", str(tmp_path / "patch"), home=False)
    assert r.exit_code == 1, r.stderr  # they differ, as diff(1) says
    assert re.fullmatch(r"\d+ statements removed and \d+ added in 4 of 6 graphs \(\d+ -> \d+\)",
                        r.stdout.splitlines()[0]), r.stdout
    assert (tmp_path / "patch" / "patch.ru").is_file()
    same = cli("diff", str(a.build_dir), str(built_a.path), "--format", "json", home=False)
    assert same.exit_code == 0 and '"removed": 0' in same.stdout
    bad = cli("diff", str(built_a.path), str(MINI / "ontology" / "mini.ttl"), home=False)
    assert bad.exit_code == 1  # a Turtle file is read as the default graph: everything differs
    missing = cli("diff", str(tmp_path), str(built_a.path), home=False)
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1 and "not a build" in missing.stderr


@pytest.fixture
def oxigraph(tmp_path):
    st.need_store("oxigraph")
    server = st.start_oxigraph(tmp_path)
    yield server
    server.stop()


def test_a_patch_turns_a_store_holding_a_into_one_holding_exactly_b(builds, oxigraph, tmp_path):
    from kg.diff import read

    a, built_a, b, built_b = builds
    cli = Cli(a)
    writer = oxigraph.writer
    r = cli("load", "--endpoint", writer.url, "--graph-store", writer.graph_store_url, "-q")
    assert r.exit_code == 0, r.stderr
    r = cli("diff", str(built_a.path), str(built_b.path), "--out", str(tmp_path), home=False)
    assert r.exit_code == 1
    r = cli("load", "--endpoint", writer.url, "--update", writer.update_url, "--patch", str(tmp_path / "patch.ru"))
    assert r.exit_code == 0, r.stderr
    expected = read(built_b.path)
    wanted = {g: list(ox.parse(b"\n".join(sorted(lines)) + b"\n", format=ox.RdfFormat.N_TRIPLES))
              for g, lines in expected.graphs.items()}
    held = st.held(oxigraph)
    assert set(held) == set(wanted)  # Beta's graph is gone, Gamma's is there, no default graph
    assert st.same_dataset(held, wanted) == []
    assert any(isinstance(t.object, ox.BlankNode) for t in held[SOURCE + "002-gamma"])


def test_entities_added_removed_and_changed(builds):
    """What the release changelog lists: entities (IRIs), in the dataset and per graph; blank nodes and the
    inferred graph count only in the statement totals."""
    from kg.diff import diff, entities, entities_per_graph, ignoring

    _a, built_a, _b, built_b = builds
    d = diff(built_a.path, built_b.path)
    found = {(e.entity.rsplit("/", 1)[1], e.change, tuple(e.classes), e.label) for e in entities(d)}
    assert found == {("alpha", "changed", ("stc:Park",), "Alpha Park"), ("beta", "removed", ("stc:Park",), "Beta Park"),
                     ("gamma", "added", ("stc:Park",), "Gamma Park")}
    [alpha] = [e for e in entities(d) if e.entity.endswith("/alpha")]
    assert {"stc:area", "stc:established"} <= set(alpha.properties)
    per_graph = {g.rsplit("/", 1)[1]: [(e.entity.rsplit("/", 1)[1], e.change) for e in es]
                 for g, es in entities_per_graph(d).items()}
    assert per_graph == {"000-alpha": [("alpha", "changed")], "001-beta": [("beta", "removed")],
                         "002-gamma": [("gamma", "added")]}
    # statements left out: Alpha's area and year alone would make it no change at all
    quiet = ignoring(d, lambda line: line.startswith(b"<https://w3id.org/stcoop/id/park/alpha> "))
    assert {e.entity.rsplit("/", 1)[1] for e in entities(quiet)} == {"beta", "gamma"}
    assert quiet.removed < d.removed and quiet.old is d.old
    left = {c.graph: c for c in quiet.changes}[SOURCE + "000-alpha"]  # the blank node's new label is still there
    assert left.removed and all(line.startswith(b"_:") for line in left.removed + left.added)
