"""The build: artifacts, cleaning of the closure, no rebuild when unchanged,
atomic publication, and the error messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import build as b
from kg import answering, builds
from kg.errors import BuildError, DataError, InputSyntaxError
from helpers.knowledge import build_copy, edited_copy
from helpers.paths import MINI, ROOT

STC = "https://w3id.org/stcoop/ontology#"
INFERRED = "<https://w3id.org/stcoop/graph/inferred>"


def read_artifacts(path: Path) -> dict[str, bytes]:
    return {name: (path / name).read_bytes() for name in builds.ARTIFACTS}


def test_build_writes_the_artifacts(mini):
    built = b.build(mini)
    assert built.rebuilt
    assert (mini.build_dir / "current").is_symlink()
    for name in builds.ARTIFACTS:
        assert (built.path / name).is_file(), name
    assert (built.path / builds.STORE).is_dir()
    m = built.manifest
    assert m["counts"] == {
        "ontology_statements": 36, "asserted_statements": 62, "asserted_triples": 62, "inferred_triples": 9,
        "closure_triples": 71, "source_graphs": 3,
    }
    assert m["engines"]["reasoner"] == "kg.owlrl"
    assert m["conforms"] is True
    assert m["graph_files"]["https://w3id.org/stcoop/id/source/curation"] == ["data/beta.trig"]


def test_asserted_and_inferred_stay_apart(mini):
    built = b.build(mini)
    asserted = (built.path / "asserted.nq").read_text().splitlines()
    inferred = (built.path / "inferred.nq").read_text().splitlines()
    assert all(line.endswith(f"{INFERRED} .") for line in inferred)
    assert not any(INFERRED in line for line in asserted)
    # transitivity, symmetry and subclass reasoning happened
    assert any("park/alpha> <https://w3id.org/stcoop/ontology#locatedIn> <https://w3id.org/stcoop/id/place/china>" in l
               for l in inferred)
    assert any("park/alpha> <https://w3id.org/stcoop/ontology#partnerOf> <https://w3id.org/stcoop/id/park/beta>" in l
               for l in inferred)
    # derived entity-level provenance is asserted, in the source graph
    src = "<https://w3id.org/stcoop/id/source/000-alpha>"
    assert f"<https://w3id.org/stcoop/id/park/alpha> <http://purl.org/dc/terms/source> {src} {src} ." in asserted
    # each statement once, in input order (the sorted dumps are kg export's)
    assert len(asserted) == len(set(asserted)) and len(inferred) == len(set(inferred))
    assert asserted[0].startswith("<https://w3id.org/stcoop/ontology")  # the ontology comes first


def test_closure_is_cleaned(mini):
    (mini.home / "data" / "same.trig").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/stcoop/id/source/002-same> {\n"
        "  <https://w3id.org/stcoop/id/park/alpha> owl:sameAs <https://w3id.org/stcoop/id/park/alpha2> .\n"
        "}\n")
    built = b.build(mini)
    text = (built.path / "inferred.nq").read_text()
    lines = text.splitlines()
    assert lines
    for line in lines:
        assert not line.startswith('"'), line  # no literal subjects
        assert not line.startswith(("<http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                                    "<http://www.w3.org/2000/01/rdf-schema#",
                                    "<http://www.w3.org/2002/07/owl#",
                                    "<http://www.w3.org/2001/XMLSchema#")), line
        assert "<http://www.w3.org/2002/07/owl#Thing>" not in line, line
        assert "<http://www.w3.org/2000/01/rdf-schema#Resource>" not in line, line
        s, p, o = line.split(" ")[:3]
        if p == "<http://www.w3.org/2002/07/owl#sameAs>":
            assert s != o, line
    # but the useful sameAs consequences are there
    assert ("<https://w3id.org/stcoop/id/park/alpha2> <http://www.w3.org/2002/07/owl#sameAs> "
            "<https://w3id.org/stcoop/id/park/alpha>") in text


def test_second_build_does_no_reasoning(mini, monkeypatch):
    first = b.build(mini)

    def boom(*a, **k):
        raise AssertionError("reasoned again")

    monkeypatch.setattr("kg.reason.infer", boom)
    monkeypatch.setattr("kg.merge.merge", boom)
    second = b.build(mini)
    assert not second.rebuilt
    assert second.path == first.path
    assert answering.ensure_built(mini).path == first.path


def test_a_changed_input_rebuilds(mini):
    first = b.build(mini)
    p = mini.home / "data" / "beta.trig"
    p.write_text(p.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))
    assert builds.fresh(mini) is None
    second = b.build(mini)
    assert second.rebuilt and second.path != first.path
    assert b"Beta Science Park" in (second.path / "asserted.nq").read_bytes()
    assert not first.path.exists()  # old generations are removed


def store_quads(path: Path) -> set[str]:
    import pyoxigraph as ox

    return {str(q) for q in ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, None)}


def test_an_edit_reuses_the_previous_store_and_gives_what_a_fresh_build_gives(mini, tmp_path):
    from kg.progress import Reporter
    import io

    (mini.home / "ontology" / "lists.ttl").write_text(  # blank nodes: the store keeps the files' labels
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <https://w3id.org/stcoop/ontology#> .\n"
        "[] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:C ) .\n", encoding="utf-8")
    b.build(mini)
    p = mini.home / "data" / "beta.trig"
    p.write_text(p.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))
    log = io.StringIO()
    edited = b.build(mini, reporter=Reporter(stream=log, tty=False))
    assert "reused the previous build's store: 2 statements removed, 2 added" in log.getvalue()
    from kg.project import locate

    scratch = b.build(locate(mini.home, tmp_path / "scratch"))
    assert store_quads(edited.store_path) == store_quads(scratch.store_path)
    for name in ("asserted.nq", "inferred.nq", "report.json"):
        assert (edited.path / name).read_bytes() == (scratch.path / name).read_bytes(), name


@pytest.mark.parametrize("available,reused", [(None, True), (10**12, True), (1000, False)])
def test_an_edit_loads_anew_when_the_difference_would_not_fit_in_memory(mini, monkeypatch, available, reused):
    """Computing the difference holds both builds' statements (at ten million, 13 GiB): beyond half the
    memory the system has, the store is loaded anew, to the same result; where that is unknown, reused."""
    import io

    from kg import memory
    from kg.progress import Reporter

    b.build(mini)
    p = mini.home / "data" / "beta.trig"
    p.write_text(p.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))
    monkeypatch.setattr(memory, "available_memory", lambda: available)
    log = io.StringIO()
    edited = b.build(mini, reporter=Reporter(stream=log, tty=False))
    assert ("reused the previous build's store" in log.getvalue()) == reused
    assert any("Beta Science Park" in q for q in store_quads(edited.store_path))


def _recording_dear_alone(monkeypatch) -> list:
    """The ``dear_alone`` each kg.validate.CheckRun the build makes is given, in order."""
    from kg import validate

    given = []

    class RecordingCheckRun(validate.CheckRun):
        def __init__(self, *args, **kwargs):
            given.append(kwargs.get("dear_alone", False))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(validate, "CheckRun", RecordingCheckRun)
    return given


@pytest.mark.parametrize("store_last,asserted_first", [(True, False), (True, True), (False, False)],
                         ids=["store last", "store last, asserted first", "store alongside"])
def test_a_store_loaded_after_validation_is_the_store_loaded_alongside(mini, tmp_path, monkeypatch, store_last,
                                                                       asserted_first):
    """kg build --store-last bulk-loads the new store once validation is done (less memory at the peak)
    and runs its dearest checks one at a time: the same store, files and report as one loaded alongside,
    and the step is shown. A large one (asserted_first) loads asserted.nq beside reasoning, before the
    store in memory takes it, and the rest once validation is done."""
    import io

    from kg import store_writer
    from kg.progress import Reporter
    from kg.project import locate

    monkeypatch.setattr(b, "asserted_first", lambda statements: asserted_first)
    given = []  # (store, task) in the order the build gives them
    load_file, after = store_writer.StoreWriter.load_file, store_writer.StoreWriter.after

    def which(writer):
        return "disk" if writer.path else "memory"

    def recording_load_file(writer, path, **kwargs):
        given.append((which(writer), path.name))
        return load_file(writer, path, **kwargs)

    def recording_after(writer, other):
        given.append((which(writer), "after " + which(other)))
        return after(writer, other)

    monkeypatch.setattr(store_writer.StoreWriter, "load_file", recording_load_file)
    monkeypatch.setattr(store_writer.StoreWriter, "after", recording_after)
    dear_alone = _recording_dear_alone(monkeypatch)

    (mini.home / "ontology" / "lists.ttl").write_text(  # blank nodes: loaded apart from the other lines
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <https://w3id.org/stcoop/ontology#> .\n"
        "[] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:C ) .\n", encoding="utf-8")
    log = io.StringIO()
    built = b.build(mini, reporter=Reporter(stream=log, tty=False), store_last=store_last)
    disk_first = [("disk", "asserted.nq"), ("memory", "after disk"), ("memory", "asserted.nq")]
    assert (given[:3] == disk_first) == asserted_first, given
    assert given.index(("disk", "inferred.nq")) > given.index(("memory", "closure.nt")) or not store_last
    other = b.build(locate(mini.home, tmp_path / "other"), store_last=not store_last)
    assert ("writing the store" in log.getvalue()) == store_last
    assert dear_alone == [store_last, not store_last]
    assert store_quads(built.store_path) == store_quads(other.store_path)
    for name in ("asserted.nq", "inferred.nq", "report.json"):
        assert (built.path / name).read_bytes() == (other.path / name).read_bytes(), name
    assert sorted(p.name for p in built.path.iterdir()) == sorted(builds.ARTIFACTS + (builds.STORE,))


@pytest.mark.parametrize("available,last", [(None, False), (10**12, False), (1000, True)])
def test_the_store_is_loaded_last_when_alongside_would_not_fit_in_memory(mini, monkeypatch, available, last):
    """By default the store is bulk-loaded alongside reasoning and validation unless what that takes
    exceeds half the memory available (at ten million statements, 15.5 GB by the measured rate)."""
    import io

    from kg import memory
    from kg.progress import Reporter

    monkeypatch.setattr(memory, "available_memory", lambda: available)
    assert b.store_fits(10_000_000) == (not last)
    log = io.StringIO()
    built = b.build(mini, reporter=Reporter(stream=log, tty=False))
    assert ("writing the store" in log.getvalue()) == last
    assert any("Alpha" in q for q in store_quads(built.store_path))


@pytest.mark.parametrize("available,store_last,alone", [(None, None, False), (1000, None, True),
                                                         (1000, False, True), (None, True, True)],
                         ids=["fits", "does not fit", "told alongside where it does not fit", "told last"])
def test_a_build_short_of_memory_runs_its_dearest_checks_one_at_a_time(mini, monkeypatch, available, store_last,
                                                                      alone):
    """The dearest saved checks run one at a time in a build that loads its store last, and in one told to
    load it alongside where that does not fit (at ten million statements two side by side took the build
    from 11.0 to 12.2 GiB); side by side otherwise."""
    from kg import memory

    monkeypatch.setattr(memory, "available_memory", lambda: available)
    dear_alone = _recording_dear_alone(monkeypatch)
    b.build(mini, store_last=store_last)
    assert dear_alone == [alone]


@pytest.mark.parametrize("cores", [2, 32])
def test_the_asserted_statements_go_first_to_the_disk_only_where_that_holds_less(monkeypatch, cores):
    """Loading asserted.nq beside reasoning puts the bulk loader's buffers (a load of LOAD_BYTES at a time,
    whatever the cores) where the store in memory's copy of the statements was: done where the copy is
    the larger (at ten million statements 10.63 GiB against 11.05), not where it would raise the peak."""
    from kg import memory

    monkeypatch.setattr(memory, "usable_cores", lambda: cores)
    first = {100_000: False, 1_000_000: False, 2_000_000: True, 10_000_000: True}
    assert {n: b.asserted_first(n) for n in first} == first


def test_the_parsed_statements_are_released_once_the_reasoner_holds_them(mini, monkeypatch):
    """kg.owlrl indexes the statements first; the build frees the parsed ones then, not after reasoning
    (at ten million statements they take 4 GiB), and still reasons over all of them."""
    from kg.owlrl import evaluate

    seen = {}
    saturate = evaluate._saturate

    def spy(graph, *args, **kwargs):
        merged = spy.merged
        seen["held while saturating"] = len(merged.data)
        return saturate(graph, *args, **kwargs)

    import kg.merge as kg_merge
    merge = kg_merge.merge

    def remember(*args, **kwargs):
        spy.merged = merge(*args, **kwargs)
        seen["parsed"] = len(spy.merged.data)
        return spy.merged

    monkeypatch.setattr(kg_merge, "merge", remember)
    monkeypatch.setattr(evaluate, "_saturate", spy)
    built = b.build(mini)
    assert seen["parsed"] > 0 and seen["held while saturating"] == 0
    assert built.manifest["counts"]["inferred_triples"] == 9
    assert built.manifest["engines"]["reasoner"] == "kg.owlrl"


def test_available_memory_is_a_positive_number_of_bytes_here():
    from kg.memory import available_memory

    found = available_memory()
    assert found is None or found > 0


@pytest.mark.parametrize("on_disk,block", [(True, None), (False, None), (False, 100)],
                         ids=["on disk", "in memory", "in memory, a transaction per 100 bytes"])
def test_a_blank_node_is_one_node_in_every_file_the_store_loads(tmp_path, monkeypatch, on_disk, block):
    """Oxigraph renames the blank nodes of each load; the build's own files keep theirs (the same node in
    a source graph, the inferred graph and the default graph), "_:" in a literal included; a store in
    memory loads a file a block of whole lines at a time, to the same store."""
    import pyoxigraph as ox

    from kg import store as kg_store
    from kg import store_feed

    if block is not None:
        monkeypatch.setattr(kg_store, "MEMORY_LOAD_BLOCK", block)

    asserted, closure = tmp_path / "asserted.nq", tmp_path / "closure.nt"
    asserted.write_bytes(b"".join(b'_:b%d <http://ex/p> "a _: in a literal" <http://ex/g> .\n'
                                  b"<http://ex/s> <http://ex/q> _:b%d <http://ex/g> .\n" % (n, n) for n in range(20)))
    closure.write_bytes(b"".join(b"_:b%d <http://ex/r> <http://ex/o> .\n" % n for n in range(20)))
    store = ox.Store(str(tmp_path / "store")) if on_disk else ox.Store()
    for path in (asserted, closure):
        store_feed.load(store, path, tmp_path if on_disk else None)
    assert len(store) == 60
    joined = "SELECT ?b WHERE { GRAPH <http://ex/g> { <http://ex/s> <http://ex/q> ?b . ?b <http://ex/p> ?l } ?b <http://ex/r> ?o }"
    assert sorted(str(row["b"]) for row in store.query(joined)) == sorted(f"_:b{n}" for n in range(20))


def test_the_built_store_joins_a_blank_node_of_a_source_graph_with_the_default_graph(mini):
    (mini.home / "ontology" / "lists.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <https://w3id.org/stcoop/ontology#> .\n"
        "[] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:C ) .\n", encoding="utf-8")
    built = b.build(mini)
    import pyoxigraph as ox

    query = ("SELECT ?m WHERE { GRAPH <https://w3id.org/stcoop/ontology> { ?x a <http://www.w3.org/2002/07/owl#AllDisjointClasses> }"
             " ?x <http://www.w3.org/2002/07/owl#members>/<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>*/<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?m }")
    members = {row["m"].value for row in ox.Store.read_only(str(built.store_path)).query(query)}
    assert members == {STC + "A", STC + "B", STC + "C"}
    assert sorted(p.name for p in built.path.iterdir()) == sorted(builds.ARTIFACTS + (builds.STORE,))


@pytest.mark.parametrize("data, blank", [
    (b"", b""),
    (b"<a> <b> <c> .\n", b""),
    (b"_:x <b> <c> .", b"_:x <b> <c> ."),  # no newline at the end
    (b"<a> <b> _:x .\n_:x <b> <c> .\n<a> <b> <c> .\n", b"<a> <b> _:x .\n_:x <b> <c> .\n"),
    (b'<a> <b> "_:" .\n<a> <b> <c> .\n<a> <b> "x_:y_:z" .\n', b'<a> <b> "_:" .\n<a> <b> "x_:y_:z" .\n'),
])
def test_blank_node_lines_splits_whole_lines_in_order(data, blank):
    from kg.store import blank_node_lines

    pieces, found = blank_node_lines(data)
    plain = b"".join(pieces)
    assert found == blank
    assert plain == b"".join(line for line in data.splitlines(True) if b"_:" not in line)


def test_force_rebuilds_byte_for_byte(mini):
    """Blank nodes too (OWL lists, anonymous axioms): the parser names them at
    random, the build renames them, so a rebuild of the same input is identical."""
    (mini.home / "ontology" / "lists.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <https://w3id.org/stcoop/ontology#> .\n"
        "[] a owl:AllDisjointClasses ; owl:members ( ex:A ex:B ex:C ) .\n", encoding="utf-8")
    first = read_artifacts(b.build(mini).path)
    second = b.build(mini, force=True)
    assert second.rebuilt
    assert b"_:" in first["asserted.nq"]
    again = read_artifacts(second.path)
    for name in ("asserted.nq", "inferred.nq", "report.json"):  # the manifest holds timings
        assert again[name] == first[name], name


def test_a_failed_build_leaves_the_previous_artifacts_intact(mini, monkeypatch):
    first = b.build(mini)
    before = read_artifacts(mini.build_dir / "current")
    p = mini.home / "data" / "beta.trig"
    p.write_text(p.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))

    def crash(*a, **k):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr("kg.formats.nquads_triples", crash)  # after asserted.nq / inferred.nq are written
    with pytest.raises(BuildError, match="simulated.*previous build is untouched"):
        b.build(mini)
    assert (mini.build_dir / "current").resolve() == first.path
    assert read_artifacts(mini.build_dir / "current") == before
    assert not list(mini.build_dir.glob(".tmp-*"))
    assert builds.fresh(mini) is None  # stale, so the next use rebuilds


def test_an_interrupted_build_leaves_the_previous_artifacts_intact(mini, monkeypatch):
    b.build(mini)
    before = read_artifacts(mini.build_dir / "current")
    (mini.home / "data" / "beta.trig").write_text((mini.home / "data" / "beta.trig").read_text() + "\n")

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(b, "publish", interrupt)
    with pytest.raises(KeyboardInterrupt):
        b.build(mini)
    assert read_artifacts(mini.build_dir / "current") == before


def test_turtle_syntax_error_names_file_line_and_column(mini):
    (mini.home / "ontology" / "bad.ttl").write_text(
        "@prefix stc: <https://w3id.org/stcoop/ontology#> .\n"
        "stc:A a stc:B .\n"
        "stc:C a stc:D ;\n"
        "   stc:e \"unterminated .\n")
    with pytest.raises(InputSyntaxError) as exc:
        b.build(mini)
    assert str(exc.value).startswith("ontology/bad.ttl:4:")
    assert exc.value.line == 4 and exc.value.column == 10


def test_trig_syntax_error_through_the_cli(mini_cli):
    home = mini_cli.project.home
    (home / "data" / "broken.trig").write_text(
        "@prefix park: <https://w3id.org/stcoop/id/park/> .\n"
        "<https://w3id.org/stcoop/id/source/009> {\n"
        "  park:x park:y park:z park:w .\n"
        "}\n")
    r = mini_cli("build", "-q")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith("kg: error: data/broken.trig:3:")
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name,text", [
    ("loose.trig", "<https://w3id.org/stcoop/id/park/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"),
    ("loose.ttl", "<https://w3id.org/stcoop/id/park/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"),
    ("loose.nt", "<https://w3id.org/stcoop/id/park/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"),
    ("loose.jsonld", '{"@id": "https://w3id.org/stcoop/id/park/x", '
                     '"http://www.w3.org/2000/01/rdf-schema#label": "x"}'),
    ("loose.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                  'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
                  '<rdf:Description rdf:about="https://w3id.org/stcoop/id/park/x"><rdfs:label>x</rdfs:label>'
                  '</rdf:Description></rdf:RDF>'),
])
def test_triples_outside_a_named_graph_go_to_the_files_own_source(mini, name, text):
    """Any RDF file in data/ is read; its triples outside a named graph are in the graph
    source:{file name}, which must be described like any source (a saved check)."""
    (mini.home / "data" / name).write_text(text)
    check = "no-undescribed-source-graph.rq"
    (mini.home / "queries" / "checks" / check).write_text(
        (ROOT / "queries" / "checks" / check).read_text())
    built = b.build(mini)
    assert "https://w3id.org/stcoop/id/source/loose" in built.manifest["graph_files"]
    assert not built.conforms
    assert any(i.origin == "check:no-undescribed-source-graph" and i.focus.endswith("/source/loose")
               for i in built.report().issues)


@pytest.mark.parametrize("name,text,error", [
    pytest.param("notes.txt", "to do\n", r"^data/notes.txt: not a file kg reads", id="unknown file"),
    pytest.param("dates.trig",
                 "<https://w3id.org/stcoop/id/source/009> {\n"
                 "  <https://w3id.org/stcoop/id/event/x> <https://w3id.org/stcoop/ontology#date>\n"
                 "    \"2018-02-30\"^^<http://www.w3.org/2001/XMLSchema#date> .\n}\n",
                 r"^data/dates.trig:3: impossible date", id="impossible date"),
    pytest.param("typed.trig",
                 "<https://w3id.org/stcoop/id/source/009> {\n"
                 "  <https://w3id.org/stcoop/id/park/x> <https://w3id.org/stcoop/ontology#area>"
                 " \"12 ha\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n}\n",
                 r"^data/typed.trig:2: ill-typed literal", id="ill-typed literal"),
])
def test_a_bad_data_file_is_an_error_that_names_it(mini, name, text, error):
    """A file in data/ kg cannot take stops the build with a DataError that names the file (and the line)."""
    (mini.home / "data" / name).write_text(text)
    with pytest.raises(DataError, match=error):
        b.build(mini)


def test_an_impossible_date_is_refused_at_load_with_file_and_line(tmp_path):
    """In the real data too: the file and the line, at load."""
    article = "000-sinoswiss-technopark-opening.trig"
    home = edited_copy(tmp_path, [(article, "stc:publicationDate \"2018-12-15\"^^xsd:date ;",
                                   "stc:publicationDate \"2018-02-30\"^^xsd:date ;")])
    with pytest.raises(DataError, match=rf"^data/{article}:\d+: impossible date \"2018-02-30\""):
        build_copy(home)


def test_inconsistency_is_a_violation_on_its_node(mini):
    """An OWL RL inconsistency does not stop the build: it is a Violation of the report, on the node it is
    about, and the build does not conform."""
    (mini.home / "ontology" / "disjoint.ttl").write_text(
        "@prefix stc: <https://w3id.org/stcoop/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "stc:Park owl:disjointWith stc:Place .\n")
    (mini.home / "data" / "both.trig").write_text(
        "<https://w3id.org/stcoop/id/source/009> {\n"
        "  <https://w3id.org/stcoop/id/park/x> a <https://w3id.org/stcoop/ontology#Park>,"
        " <https://w3id.org/stcoop/ontology#Place> .\n}\n")
    built = b.build(mini)
    assert not built.conforms
    hits = [i for i in built.report().issues if i.origin == "owl-rl:cax-dw"]
    assert [(i.focus, i.severity) for i in hits] == [("https://w3id.org/stcoop/id/park/x", "Violation")]
    assert "disjoint" in hits[0].message


def test_build_command_output(mini_cli):
    r = mini_cli("build", "-q")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ("built: 62 statements in 3 source graphs and the ontology (62 distinct triples), "
                        "9 triples inferred, 71 in the closure; conforms\n")
    r = mini_cli("build")
    assert r.stdout == ("up to date: 62 statements in 3 source graphs and the ontology (62 distinct triples), "
                        "9 triples inferred, 71 in the closure; conforms\n")
    manifest = json.loads((mini_cli.project.build_dir / "current" / "manifest.json").read_text())
    assert set(manifest["timings"]) == {"load", "reason", "write", "shacl", "store", "checks", "finish"}


def test_missing_home_is_one_clear_line(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    r = CliRunner().invoke(main, ["build", "--home", str(tmp_path / "nowhere")])
    assert r.exit_code == 2
    assert r.stderr == f"kg: error: working copy {tmp_path / 'nowhere'} does not exist\n"


def test_locate_precedence(tmp_path, monkeypatch):
    from kg.project import ENV_BUILD_DIR, ENV_HOME, locate

    monkeypatch.delenv(ENV_HOME, raising=False)
    monkeypatch.delenv(ENV_BUILD_DIR, raising=False)
    root = ROOT
    monkeypatch.chdir(root / "queries")  # inside the checkout: found from the current directory
    checkout = locate()
    assert (checkout.origin, checkout.home) == ("discovered", root)
    assert checkout.build_dir == checkout.home / "build"
    monkeypatch.chdir(tmp_path)  # outside any working copy: the bundled copy, or the editable install's checkout
    fallback = locate()
    assert fallback.origin in ("bundle", "checkout")
    monkeypatch.setenv(ENV_HOME, str(MINI))
    monkeypatch.setenv(ENV_BUILD_DIR, str(tmp_path / "b"))
    env = locate()
    assert (env.origin, env.home.name, env.build_dir) == ("env", "mini", tmp_path / "b")
    explicit = locate(checkout.home, tmp_path / "c")
    assert (explicit.origin, explicit.home, explicit.build_dir) == ("explicit", checkout.home, tmp_path / "c")
