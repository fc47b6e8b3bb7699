"""`kg stats`, `kg describe`, `kg queries`, `python -m kg`, completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from helpers import paths

SRC = str(paths.SRC)  # for the subprocesses: the code under test


def test_stats_table(cli):
    r = cli("stats")
    assert r.exit_code == 0
    out = r.stdout.splitlines()
    assert out[0] == "distinct triples: 62 asserted, 9 inferred, 71 in all"
    assert "stc:Organisation        0         2         2" in out
    assert "stc:Park                2         0         2" in out
    assert "stc:locatedIn    3         2         5" in out


def test_stats_json_and_csv(cli):
    doc = json.loads(cli("stats", "-f", "json").stdout)
    assert doc["triples"] == {"asserted": 62, "inferred": 9, "total": 71}
    assert {"class": "https://w3id.org/stcoop/ontology#Place", "asserted": 0, "inferred": 2, "total": 2} in doc["classes"]
    csv = cli("stats", "-f", "csv").stdout_bytes.decode()
    assert csv.startswith("kind,term,asserted,inferred,total\r\ntriples,,62,9,71\r\n")


def test_describe_by_curie(cli):
    r = cli("describe", "park:beta")
    assert r.exit_code == 0
    assert r.stdout == (
        'park:beta "Beta Park"\n'
        "  <https://w3id.org/stcoop/id/park/beta>\n"
        "  dct:source     source:001-beta   [source:001-beta]\n"
        "  a              stc:Organisation  [inferred]\n"
        "  a              stc:Park          [source:001-beta]\n"
        '  rdfs:label     "Beta Park"@en    [source:001-beta]\n'
        "  stc:locatedIn  place:china       [inferred]\n"
        "  stc:locatedIn  place:suzhou      [source:001-beta]\n"
        "  stc:partnerOf  park:alpha        [source:001-beta]\n"
        "referenced by:\n"
        "  park:alpha stc:partnerOf  [inferred]\n"
        "sources:\n"
        "  source:001-beta  (data/beta.trig)\n")


def test_describe_by_label_and_iri(cli):
    by_label = cli("describe", "beta park").stdout
    assert by_label == cli("describe", "<https://w3id.org/stcoop/id/park/beta>").stdout
    assert by_label == cli("describe", "https://w3id.org/stcoop/id/park/beta").stdout


def test_describe_json(cli):
    doc = json.loads(cli("describe", "place:suzhou", "-f", "json").stdout)
    assert doc["label"] == "Suzhou"
    assert doc["sources"] == [{"source": "https://w3id.org/stcoop/id/source/000-alpha", "files": ["data/alpha.trig"]}]
    assert {"subject": "https://w3id.org/stcoop/id/park/beta", "predicate": "https://w3id.org/stcoop/ontology#locatedIn",
            "graphs": ["https://w3id.org/stcoop/id/source/001-beta"]} in doc["incoming"]


def test_describe_not_found(cli):
    r = cli("describe", "Alpha Prak")
    assert r.exit_code == 2
    assert r.stderr == ("kg: error: nothing in the graph has the IRI, CURIE, name or QID 'Alpha Prak'; "
                        "did you mean 'Alpha Park' or 'park'? (kg search finds entities by part of a name)\n")
    r = cli("describe", "place:mars")
    assert r.stderr == "kg: error: place:mars is not in the graph\n"


def test_queries_catalogue(cli):
    r = cli("queries")
    assert r.exit_code == 0
    assert r.stdout == (
        "name                 title                                         parameters    kind\n"
        "-------------------  --------------------------------------------  ------------  -----\n"
        "park-card            Everything asserted about a park, as a graph  park:iri      query\n"
        "park-places          Places that contain a park                    park:iri?     query\n"
        "parks                Parks and their country                                     query\n"
        "parks-since          Parks established in or after a year          year:integer  query\n"
        "no-unlabelled-place  Every place has a label                                     check\n"
        "(5 rows)\n")


def test_queries_one(cli):
    r = cli("queries", "park-places")
    assert r.stdout.startswith(
        "park-places: Places that contain a park\n"
        "Each park with every place that contains it, up to the country.\n"
        "file: queries/park-places.rq\n"
        "param park (iri, optional): Restrict to one park, e.g. park:alpha\n"
        "example: kg query park-places --param park=park:alpha\n"
        "\n"
        "# title: Places that contain a park\n")
    r = cli("queries", "park-place")
    assert r.exit_code == 2 and "did you mean park-places" in r.stderr


def test_queries_json(cli):
    doc = json.loads(cli("queries", "-f", "json").stdout)
    assert [d["name"] for d in doc] == ["park-card", "park-places", "parks", "parks-since", "no-unlabelled-place"]
    assert doc[1]["params"] == [{"name": "park", "type": "iri", "required": False,
                                 "description": "Restrict to one park, e.g. park:alpha"}]


def _env(built_mini):
    env = dict(os.environ, KG_HOME=str(built_mini.home), KG_BUILD_DIR=str(built_mini.build_dir))
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_python_dash_m(built_mini):
    p = subprocess.run([sys.executable, "-m", "kg", "query", "parks", "-f", "csv"], capture_output=True,
                       env=_env(built_mini), timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith(b"park,label,country\r\n")


def test_query_on_a_fresh_build_imports_nothing_heavy(built_mini):
    code = ("import sys; from kg.cli import main\n"
            "try:\n    main(['query', 'parks', '-f', 'csv'])\nexcept SystemExit as exc:\n    code = exc.code\n"
            "heavy = sorted(m for m in ('rdflib', 'owlrl', 'pyshacl') if m in sys.modules)\n"
            "print('HEAVY', heavy, 'EXIT', code, file=sys.stderr)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env(built_mini), timeout=60)
    assert b"HEAVY [] EXIT 0" in p.stderr, p.stderr
    assert p.stdout.startswith(b"park,label,country\r\n")


def test_shell_completion_of_query_names(built_mini):
    env = _env(built_mini)
    env.update(_KG_COMPLETE="bash_complete", COMP_WORDS="kg query park", COMP_CWORD="2")
    p = subprocess.run([sys.executable, "-c", "from kg.cli import main; main(prog_name='kg')"],
                       capture_output=True, env=env, timeout=60)
    assert p.stdout.decode().split() == ["plain,park-card", "plain,park-places", "plain,parks", "plain,parks-since"]


def test_internal_errors_are_one_line(cli, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr("kg.stats.stats", boom)
    r = cli("stats")
    assert r.exit_code == 3
    assert r.stderr == "kg: internal error: RuntimeError: something broke (set KG_DEBUG=1 for the traceback)\n"
