"""The command line behaves like the tools data engineers already use: it
finds its working copy as git does, says where its build is, keeps the last
good build when a new one fails, reads queries from stdin, refuses formats
that do not fit, and means one thing by each exit code.  Bad input of every
kind is one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_NEGATIVE
from helpers.knowledge import edited_copy
from helpers.paths import BAD, MINI, SRC


def invoke(*args, input=None, cwd=None, env=None):
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        return runner.invoke(main, list(args), input=input, catch_exceptions=False, env=env)
    finally:
        os.chdir(old)


def one_error_line(r, code=EXIT_INPUT):
    assert r.exit_code == code, (r.exit_code, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("kg: error: "), r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    return lines[-1]


@pytest.fixture
def copy(tmp_path):
    """A working copy of its own, used without --home (found from the current directory)."""
    home = tmp_path / "work"
    shutil.copytree(MINI, home)
    return home


# ---------------------------------------------------------------- discovery and info
def test_the_working_copy_is_found_from_the_current_directory_or_a_parent(copy, monkeypatch):
    monkeypatch.delenv("KG_HOME", raising=False)
    monkeypatch.delenv("KG_BUILD_DIR", raising=False)
    (copy / "data" / "sub").mkdir()
    r = invoke("info", "-f", "json", cwd=copy / "data" / "sub")
    assert r.exit_code == 0, r.stderr
    import json

    doc = json.loads(r.stdout)
    assert doc["working_copy"] == {"path": str(copy), "origin": "discovered",
                                   "how": "found from the current directory"}
    assert doc["build_dir"] == str(copy / "build") and doc["newest_build"] is None
    # an edit in the working copy is what the next query sees
    r = invoke("query", "parks", "-f", "csv", cwd=copy)
    assert r.exit_code == 0 and "building" in r.stderr and str(copy / "build") in r.stderr
    beta = copy / "data" / "beta.trig"
    beta.write_text(beta.read_text().replace('"Beta Park"@en', '"Beta Science Park"@en'))
    r = invoke("query", "-e", 'ASK { ?p rdfs:label "Beta Science Park"@en }', cwd=copy)
    assert r.exit_code == 0 and r.stdout == "true\n"
    assert "the build is missing or stale: building first" in r.stderr


def test_info_text_says_where_and_in_which_state(copy):
    r = invoke("build", "-q", "--home", str(copy))
    assert r.exit_code == 0
    r = invoke("info", "--home", str(copy))
    assert r.exit_code == 0
    assert f"working copy:  {copy}  (given with --home)" in r.stdout
    assert "fresh, conforms" in r.stdout and "reasoner: kg.owlrl" in r.stdout
    (copy / "data" / "beta.trig").write_text((copy / "data" / "beta.trig").read_text() + "\n")
    assert "stale: the inputs changed since" in invoke("info", "--home", str(copy)).stdout


# ---------------------------------------------------------------- a failed build keeps the good one
def test_a_broken_edit_fails_the_build_and_queries_answer_from_the_last_good_one(copy):
    home = ["--home", str(copy)]
    assert invoke("build", "-q", *home).exit_code == 0
    before = invoke("query", "parks", "-f", "csv", *home).stdout
    shutil.copy(BAD, copy / "data" / "gamma.trig")
    r = invoke("build", *home)
    assert r.exit_code == EXIT_NEGATIVE
    assert "does not conform" in r.stdout and "running the saved checks: " in r.stderr
    assert "; does not conform: 5 violations" in r.stderr
    r = invoke("query", "parks", "-f", "csv", *home)
    assert r.exit_code == 0 and r.stdout == before  # gamma is not there: the last good build answers
    assert "answering from the last conforming build" in r.stderr
    assert invoke("validate", *home).exit_code == EXIT_NEGATIVE  # the report is the newest build's
    info = invoke("info", *home).stdout
    assert "does not conform (5 violations)" in info and "queries use:   the last conforming build, of " in info


def test_no_build_answers_from_the_current_build_with_a_warning(copy):
    home = ["--home", str(copy)]
    assert invoke("build", "-q", *home).exit_code == 0
    (copy / "data" / "beta.trig").write_text((copy / "data" / "beta.trig").read_text() + "\n")
    r = invoke("query", "parks", "--no-build", *home)
    assert r.exit_code == 0
    assert "warning: the inputs changed since the build" in r.stderr and "building" not in r.stderr


def test_a_second_build_waiting_for_the_lock_says_so(copy):
    build_dir = copy / "build"
    build_dir.mkdir()
    with open(build_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        result = {}
        t = threading.Thread(target=lambda: result.setdefault("r", invoke("build", "--home", str(copy))))
        t.start()
        time.sleep(1.0)
        fcntl.flock(fh, fcntl.LOCK_UN)
        t.join(60)
    r = result["r"]
    assert r.exit_code == 0
    assert f"waiting for another kg build in {build_dir} to finish" in r.stderr


def test_progress_names_each_step_with_counts_and_time(copy):
    r = invoke("build", "--home", str(copy))
    steps = [line for line in r.stderr.splitlines() if line.startswith("kg: ")]
    assert [s.split(":")[1].strip() for s in steps[1:6]] == [
        "loading inputs", "reasoning (OWL RL)", "writing the dataset", "validating (SHACL)", "running the saved checks"]
    assert all(s.endswith(" s)") for s in steps[1:6])
    assert invoke("build", "-q", "--force", "--home", str(copy)).stderr == ""


# ---------------------------------------------------------------- queries from stdin, formats, exit codes
def test_a_query_from_stdin(copy):
    home = ["--home", str(copy)]
    r = invoke("query", "-", "-f", "csv", *home, input="SELECT ?p WHERE { ?p a stc:Park } ORDER BY ?p\n")
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == "p"
    r = invoke("query", "-e", "-", *home, input="ASK { park:alpha a stc:Park }")
    assert r.exit_code == 0 and r.stdout == "true\n"
    r = invoke("query", "-e", "-", *home, input="ASK { park:nowhere a stc:Park }")
    assert r.exit_code == EXIT_NEGATIVE and r.stdout == "false\n"


@pytest.mark.parametrize("query,fmt,fits", [
    ("CONSTRUCT WHERE { ?s a stc:Park }", "csv", "turtle, nt, jsonld, rdfxml"),
    ("CONSTRUCT WHERE { ?s a stc:Park }", "table", "turtle, nt, jsonld, rdfxml"),
    ("DESCRIBE park:alpha", "json", "turtle, nt, jsonld, rdfxml"),
    ("SELECT * WHERE { ?s a stc:Park }", "turtle", "table, csv, tsv, json, xml, md"),
    ("ASK { ?s a stc:Park }", "nt", "table, csv, tsv, json, xml, md"),
])
def test_a_format_that_does_not_fit_the_answer_is_a_usage_error_listing_those_that_do(copy, query, fmt, fits):
    line = one_error_line(invoke("query", "-e", query, "-f", fmt, "--home", str(copy)))
    assert line.endswith(f"use one of {fits}")


def test_construct_prints_turtle_by_default(copy):
    r = invoke("query", "-e", "CONSTRUCT WHERE { park:alpha a ?c }", "--home", str(copy))
    assert r.exit_code == 0 and "park:alpha a " in r.stdout


def test_help_lists_exit_codes_and_formats():
    r = invoke("--help")
    assert "Exit codes:" in r.stdout and "130  interrupted (Ctrl-C)" in r.stdout
    r = invoke("query", "--help")
    assert "CONSTRUCT and DESCRIBE: turtle (default), nt, jsonld, rdfxml" in " ".join(r.stdout.split())


def test_ctrl_c_exits_130(copy, monkeypatch):
    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.build", interrupt)
    r = invoke("build", "--home", str(copy))
    assert r.exit_code == EXIT_INTERRUPTED and r.stderr == "kg: interrupted\n"


def test_the_command_line_exits_1_and_names_the_node(tmp_path):
    """As a user sees an error in the real data (a mayor whose jurisdiction is a country): kg build exits 1,
    kg validate names the node and the rule."""
    home = edited_copy(tmp_path, [("000-sinoswiss-technopark-opening.trig", "stc:jurisdiction place:zurich ;",
                                   "stc:jurisdiction place:switzerland ;")])
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    cmd = [sys.executable, "-m", "kg"]
    common = ["--home", str(home), "--build-dir", str(tmp_path / "build")]
    built = subprocess.run(cmd + ["build", "-q", *common], env=env, capture_output=True, text=True)
    assert built.returncode == 1, built.stderr
    report = subprocess.run(cmd + ["validate", "-q", *common], env=env, capture_output=True, text=True)
    assert report.returncode == 1
    assert report.stdout.startswith("post:thomas-wagner-zurich-mayor"), report.stdout
    assert "city office" in report.stdout and "2 violation(s)" in report.stdout  # and the label names Zurich


def test_an_update_says_the_store_is_read_only(copy):
    line = one_error_line(invoke("query", "-e", "INSERT DATA { park:x a stc:Park }", "--home", str(copy)))
    assert "SPARQL Update, and the built store is read-only" in line


# ---------------------------------------------------------------- exports and clean
def test_export_only_into_an_old_export_leaves_exactly_its_dumps_readable_by_others(copy, tmp_path):
    home = ["--home", str(copy)]
    out = tmp_path / "dist"
    assert invoke("export", "-o", str(out), *home).exit_code == 0
    old_umask = os.umask(0o022)
    try:
        assert invoke("export", "-o", str(out), "--only", "ttl", *home).exit_code == 0
    finally:
        os.umask(old_umask)
    assert sorted(p.name for p in out.iterdir()) == ["SHA256SUMS", "kg.ttl", "void.ttl"]
    listed = sorted(line.split()[1] for line in (out / "SHA256SUMS").read_text().splitlines())
    assert listed == ["kg.ttl", "void.ttl"]
    for p in out.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p.name


def test_clean_removes_the_build_and_says_how_much(copy):
    assert invoke("build", "-q", "--home", str(copy)).exit_code == 0
    r = invoke("clean", "--home", str(copy))
    assert r.exit_code == 0
    assert r.stdout.startswith(f"removed {copy / 'build'} (") and "freed " in r.stdout
    assert not (copy / "build").exists()
    assert invoke("clean", "--home", str(copy)).stdout == "nothing to remove\n"


def test_build_and_stats_count_in_the_same_words(copy):
    home = ["--home", str(copy)]
    b = invoke("build", "-q", *home).stdout
    s = invoke("stats", *home).stdout
    # build: statements (quads, a triple two sources state counts twice) and distinct triples; stats: triples
    assert "(62 distinct triples), 9 triples inferred, 71 in the closure" in b
    assert s.startswith("distinct triples: 62 asserted, 9 inferred, 71 in all")


def test_serve_on_a_busy_port_is_one_error_line(copy):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    try:
        port = sock.getsockname()[1]
        line = one_error_line(invoke("serve", "--home", str(copy), "-P", str(port)))
        assert line == f"kg: error: cannot listen on 127.0.0.1:{port}: Address already in use"
    finally:
        sock.close()


# ---------------------------------------------------------------- a corpus of bad input
def _write(rel, text):
    def setup(home):
        path = home / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return setup


def _truncate(rel):
    def setup(home):
        (home / rel).write_text("")
    return setup


def _nothing(home):
    pass


BAD_INPUTS = {
    "turtle syntax": (_write("data/x.ttl", "<a> <b> ."), ["build"], "data/x.ttl:1:"),
    "trig syntax": (_write("data/x.trig", "<urn:g> { <urn:a> <urn:b> "), ["build"], "data/x.trig:"),
    "json-ld syntax": (_write("data/x.jsonld", "{ not json"), ["build"], "data/x.jsonld"),
    "rdf/xml syntax": (_write("data/x.rdf", "<rdf:RDF"), ["build"], "data/x.rdf"),
    "unknown file": (_write("data/notes.md", "# notes"), ["build"], "data/notes.md: not a file kg reads"),
    "impossible date": (_write("data/d.trig", '<https://w3id.org/stcoop/id/source/d> { '
                                              '<https://w3id.org/stcoop/id/event/e> <https://w3id.org/stcoop/ontology#date> '
                                              '"2018-02-30"^^<http://www.w3.org/2001/XMLSchema#date> }'),
                        ["build"], "data/d.trig:1: impossible date"),
    "ill-typed number": (_write("data/n.trig", '<https://w3id.org/stcoop/id/source/d> { '
                                               '<https://w3id.org/stcoop/id/park/p> <https://w3id.org/stcoop/ontology#area> '
                                               '"12 ha"^^<http://www.w3.org/2001/XMLSchema#decimal> }'),
                         ["build"], "data/n.trig:1: ill-typed literal"),
    "reserved graph": (_write("data/r.trig", "<https://w3id.org/stcoop/graph/inferred> { <urn:a> <urn:b> <urn:c> }"),
                       ["build"], "is reserved for the build"),
    "ontology syntax": (_write("ontology/bad.ttl", "@prefix x: <urn:x#> .\nx:a x:b"), ["build"], "ontology/bad.ttl:"),
    "shapes syntax": (_write("shapes/data/bad.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> . sh:"), ["build"],
                      "shapes/data/bad.ttl:"),
    "broken check": (_write("queries/checks/no-broken.rq", "SELECT ?x WHERE { ?x ?y }"), ["build"],
                     "queries/checks/no-broken.rq:1:"),
    "broken saved query": (_write("queries/broken.rq", "# title: broken\nSELECT * WHERE {"), ["queries", "--check"],
                           "queries/broken.rq:2:"),
    "bad param header": (_write("queries/bad-header.rq", "# param: x nonsense required y\nSELECT * {}"),
                         ["queries"], "queries/bad-header.rq:1: parameter x has unknown type"),
    "service in a saved query": (_write("queries/remote.rq", "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"),
                                 ["build"], "SERVICE is refused"),
    "unknown saved query": (_nothing, ["query", "no-such-query"], "no saved query named 'no-such-query'"),
    "missing query file": (_nothing, ["query", "missing.rq"], "no such query file: missing.rq"),
    "unknown parameter": (_nothing, ["query", "parks", "-p", "zzz=1"], "unknown parameter 'zzz'"),
    "missing parameter": (_nothing, ["query", "parks-since"], "missing required parameter 'year'"),
    "bad integer": (_nothing, ["query", "parks-since", "-p", "year=soon"], "parameter year: 'soon' is not a valid integer"),
    "bad iri parameter": (_nothing, ["query", "park-places", "-p", "park=park:x> } ; DROP ALL #"], "is not a valid IRI"),
    "unknown prefix": (_nothing, ["query", "park-places", "-p", "park=nope:x"], "unknown prefix 'nope'"),
    "malformed param": (_nothing, ["query", "parks", "-p", "novalue"], "is not of the form name=value"),
    "bad describe iri": (_nothing, ["describe", "park:x>y"], "is not a valid IRI"),
    "describe nothing": (_nothing, ["describe", "no such label anywhere"], "nothing in the graph has the IRI"),
    "sparql syntax": (_nothing, ["query", "-e", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
    "from a remote graph": (_nothing, ["query", "-e", "SELECT * FROM <http://x/> { ?s ?p ?o }"], "refused"),
    "two queries at once": (_nothing, ["query", "parks", "-e", "ASK {}"], "exactly one"),
    "empty stdin": (_nothing, ["query", "-"], "the query on standard input is empty"),
    "an emptied data file": (_truncate("data/alpha.trig"), ["query", "parks"], None),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2_or_1_never_a_traceback(copy, name):
    setup, args, expected = BAD_INPUTS[name]
    setup(copy)
    r = invoke(*args, "--home", str(copy), input="")
    if expected is None:  # not an input error: the data no longer conforms
        assert r.exit_code in (EXIT_NEGATIVE, EXIT_INPUT), r.stderr
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
        return
    line = one_error_line(r)
    assert expected in line, line


def test_an_emptied_data_file_keeps_the_last_good_build_answering(copy):
    home = ["--home", str(copy)]
    assert invoke("build", "-q", *home).exit_code == 0
    good = invoke("query", "parks", "-f", "csv", *home).stdout
    (copy / "data" / "alpha.trig").write_text("")
    r = invoke("build", "-q", *home)
    assert r.exit_code == EXIT_NEGATIVE
    r = invoke("query", "parks", "-f", "csv", *home)
    assert r.exit_code == 0 and r.stdout == good
