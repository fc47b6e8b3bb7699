"""`kg validate`: SHACL + saved checks, grouped by focus node, in three formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers.cli import Cli
from helpers.paths import BAD, CHECK_CASES, ROOT


@pytest.fixture
def bad_cli(mini):
    shutil.copy(BAD, mini.home / "data" / "gamma.trig")
    return Cli(mini)


def test_conforming_data(cli):
    r = cli("validate")
    assert r.exit_code == 0
    assert r.stdout == "conforms: 0 violation(s), 0 warning(s), 0 info(s) on 0 node(s)\n"


def test_text_report_grouped_by_focus_node(bad_cli):
    r = bad_cli("validate")
    assert r.exit_code == 1
    assert r.stdout == (
        'park:gamma "Gamma Park" (data/gamma.trig)\n'
        "  Violation  stc:established:  The value of stc:established (established) must be a literal of type "
        'xsd:gYear.  [value: "twenty-twelve"]  (shacl)\n'
        "  Violation  stc:established:  The year of establishment is one xsd:gYear  (shacl)\n"
        '  Violation  stc:established:  The year of establishment is one xsd:gYear  [value: "twenty-twelve"]  (shacl)\n'
        "  Violation  stc:locatedIn:  A park must be located in a place  (shacl)\n"
        "place:atlantis (data/gamma.trig)\n"
        "  Violation  place without a label  (check:no-unlabelled-place)\n"
        "does not conform: 5 violation(s), 0 warning(s), 0 info(s) on 2 node(s)\n")


def test_json_report(bad_cli):
    r = bad_cli("validate", "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert (doc["conforms"], doc["violations"]) == (False, 5)
    gamma, atlantis = doc["nodes"]
    assert gamma == {
        "focus": "https://w3id.org/stcoop/id/park/gamma", "curie": "park:gamma", "label": "Gamma Park",
        "files": ["data/gamma.trig"],
        "results": [
            {"severity": "Violation", "path": "<https://w3id.org/stcoop/ontology#established>",
             "message": "The value of stc:established (established) must be a literal of type xsd:gYear.",
             "value": '"twenty-twelve"', "origin": "shacl", "shape": "https://w3id.org/stcoop/shapes#profile-established-value"},
            {"severity": "Violation", "path": "<https://w3id.org/stcoop/ontology#established>",
             "message": "The year of establishment is one xsd:gYear", "value": None, "origin": "shacl", "shape": None},
            {"severity": "Violation", "path": "<https://w3id.org/stcoop/ontology#established>",
             "message": "The year of establishment is one xsd:gYear", "value": '"twenty-twelve"', "origin": "shacl",
             "shape": None},
            {"severity": "Violation", "path": "<https://w3id.org/stcoop/ontology#locatedIn>",
             "message": "A park must be located in a place", "value": None, "origin": "shacl", "shape": None},
        ]}
    assert atlantis["results"][0]["origin"] == "check:no-unlabelled-place"


def test_turtle_report_is_a_shacl_validation_report(bad_cli):
    r = bad_cli("validate", "-f", "turtle")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[7:10] == [
        "_:report a sh:ValidationReport ;",
        "\tsh:conforms false ;",
        "\tsh:result _:r0001 , _:r0002 , _:r0003 , _:r0004 , _:r0005 .",
    ]
    s = ox.Store()
    s.load(input=r.stdout.encode(), format=ox.RdfFormat.TURTLE)
    n = s.query("SELECT (COUNT(?r) AS ?n) WHERE { ?rep a <http://www.w3.org/ns/shacl#ValidationReport> ;"
                " <http://www.w3.org/ns/shacl#result> ?r }")
    assert next(iter(n))[0].value == "5"
    assert r.stdout == bad_cli("validate", "-f", "turtle").stdout  # deterministic


def test_ontology_shapes_run_on_the_ontology(mini):
    (mini.home / "ontology" / "extra.ttl").write_text(
        "<https://w3id.org/stcoop/ontology#Unlabelled> a <http://www.w3.org/2002/07/owl#Class> .\n")
    r = Cli(mini)("validate")
    assert r.exit_code == 1
    assert r.stdout.startswith("stc:Unlabelled (ontology/extra.ttl)\n"
                               "  Violation  rdfs:label:  A class needs a label  (shacl-ontology)\n")


def test_a_build_that_does_not_conform_fails_and_keeps_the_last_good_one(bad_cli):
    """Exit 1 with the report's summary; queries keep answering from the last conforming build
    (here there is none, so they refuse) until --allow-invalid publishes it."""
    r = bad_cli("build", "-q")
    assert r.exit_code == 1
    assert r.stdout.endswith("does not conform (5 violations; see kg validate); "
                             "queries answer from the last conforming build\n")
    r = bad_cli("query", "-e", "ASK { ?s ?p ?o }")
    assert r.exit_code == 2 and "no earlier conforming build" in r.stderr
    r = bad_cli("build", "-q", "--allow-invalid")
    assert r.exit_code == 1 and r.stdout.endswith("published anyway\n")
    r = bad_cli("query", "-e", "ASK { ?s ?p ?o }")
    assert r.exit_code == 0 and r.stdout == "true\n"
    assert "does not conform (published with --allow-invalid)" in r.stderr


def test_broken_shapes_are_one_clear_error(mini):
    (mini.home / "shapes" / "data" / "broken.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:minCount \"x\" ; sh:path <urn:x:p> .\n")
    r = Cli(mini)("validate")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1].startswith("kg: error: shapes/data/broken.ttl: SHACL shapes (shacl) cannot be used: ")
    assert "Traceback" not in r.stderr


def test_shapes_left_to_pyshacl_are_said(mini):
    """A custom constraint component is validated by pyshacl, the reference; the build says so."""
    (mini.home / "shapes" / "data" / "custom.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix ex: <http://example.org/ns#> .\n"
        "ex:NoSelfLink a sh:ConstraintComponent ; sh:parameter [ sh:path ex:linkedBy ] ;\n"
        "  sh:validator [ a sh:SPARQLAskValidator ; sh:message \"linked to itself\" ;\n"
        "    sh:ask \"ASK { FILTER NOT EXISTS { $this $linkedBy $this } }\" ] .\n"
        "ex:S a sh:NodeShape ; sh:targetNode ex:n ; ex:linkedBy ex:p .\n")
    r = Cli(mini)("build")
    assert r.exit_code == 0, r.stderr
    assert "kg.shacl; data shapes: validated with pyshacl, the reference: " in r.stderr


def _all_check_cases_store():
    from kg.store import OxigraphStore

    cases = sorted(CHECK_CASES.glob("*.trig"))
    return OxigraphStore.from_quads([q for p in cases for q in ox.parse(path=str(p), format=ox.RdfFormat.TRIG)])


def test_checks_in_threads_give_what_they_give_one_at_a_time():
    """The build runs the saved checks concurrently, dearest first: the issues must not depend on it."""
    from kg.catalogue import Catalogue
    from kg.project import locate
    from kg.validate import CheckRun, check_issues

    checks = Catalogue.of(locate(ROOT), checks_only=True).checks()
    store = _all_check_cases_store()
    one_at_a_time = check_issues(store, checks)
    assert len({i.origin for i in one_at_a_time}) == len(checks)  # every check flags its cases
    cost = {c.name: float(n) for n, c in enumerate(checks)}  # the last check is the dearest
    run = CheckRun(checks, workers=3, cost=cost)
    assert [checks[n].name for n in run.order][:2] == [checks[-1].name, checks[-2].name]
    run.start(store)
    seen = []
    assert run.result(progress=lambda done, total, name: seen.append(done)) == one_at_a_time
    assert sorted(seen) == list(range(1, len(checks) + 1))
    assert set(run.timings) == {c.name for c in checks}


def test_one_check_at_a_time_reports_each_once_it_is_done():
    """progress(done, total, name) follows each check's end, as with lanes: the name is a finished check's."""
    from kg.catalogue import Catalogue
    from kg.project import locate
    from kg.validate import CheckRun

    checks = Catalogue.of(locate(ROOT), checks_only=True).checks()[:3]
    run = CheckRun(checks, workers=1)
    run.start(_all_check_cases_store())
    seen = []
    run.result(progress=lambda done, total, name: seen.append((done, total, name, set(run.timings))))
    assert [(done, total, name) for done, total, name, _ in seen] == [(n, 3, c.name) for n, c in enumerate(checks, 1)]
    assert all(name in timed for _, _, name, timed in seen)


def test_a_check_that_is_not_a_select_is_an_error_in_threads_too():
    from kg.catalogue import SavedQuery
    from kg.errors import QueryError
    from kg.validate import CheckRun

    bad = SavedQuery(name="no-ask", path=Path("no-ask.rq"), text="ASK { ?s ?p ?o }", is_check=True)
    run = CheckRun([bad], workers=2)
    run.start(_all_check_cases_store())
    with pytest.raises(QueryError, match="no-ask must be a SELECT"):
        run.result()


class _RecordingStore:
    """A store whose every query is a SELECT with no rows, recording which check ran in which thread."""

    def __init__(self):
        self.ran: list[tuple[str, str]] = []

    def query(self, text):
        import threading

        from kg.store import Result

        self.ran.append((text, threading.get_ident()))
        return Result("select", variables=["focus"], rows=[])


def test_the_dear_lane_waits_for_release_and_takes_the_dearest_first():
    """The build holds one lane until SHACL is done: before ``release`` the other lane takes the cheapest
    first; released, or not held, every lane takes the dearest first (the two dearest run side by side)."""
    import time

    from kg.catalogue import SavedQuery
    from kg.validate import CheckRun

    checks = [SavedQuery(name=n, path=Path(f"{n}.rq"), text=n, is_check=True) for n in ("a", "b", "c")]
    cost = {"a": 3.0, "b": 2.0, "c": 1.0}
    held = CheckRun(checks, workers=2, cost=cost)
    store = _RecordingStore()
    held.start(store, hold_dear=True)
    deadline = time.monotonic() + 10
    while len(store.ran) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [text for text, _ in store.ran] == ["c", "b", "a"]  # one lane, cheapest first, nothing held back
    assert len({thread for _, thread in store.ran}) == 1
    assert held.result() == []

    checks.append(SavedQuery(name="d", path=Path("d.rq"), text="d", is_check=True))
    cost["d"] = 0.5
    released = CheckRun(checks, workers=2, cost=cost)
    store = _DearestTogetherStore()
    released.start(store)
    assert released.result() == [] and set(released.timings) == {"a", "b", "c", "d"}
    assert store.together and store.early == []  # a and b ran side by side, before anything cheaper
    assert len({thread for _, thread in store.ran}) == 2

    # released before it started (SHACL done before the store in memory was ready): nothing is held
    early_release = CheckRun(checks, workers=2, cost=cost)
    early_release.release()
    store = _DearestTogetherStore()
    early_release.start(store, hold_dear=True)
    assert early_release.result() == [] and store.together and store.early == []


class _DearestTogetherStore(_RecordingStore):
    """A recording store where the queries "a" and "b" each wait (up to 10 s) for the other to start,
    noting any other query that starts before they met."""

    def __init__(self):
        import threading

        super().__init__()
        self.meeting = threading.Barrier(2)
        self.together = False
        self.early: list[str] = []

    def query(self, text):
        import threading

        if text in ("a", "b"):
            try:
                self.meeting.wait(10)
                self.together = True
            except threading.BrokenBarrierError:
                pass
        elif not self.together:
            self.early.append(text)
        return super().query(text)


def test_dear_checks_run_alone_when_memory_is_short():
    """With ``dear_alone`` (a build that loads its store last to hold less memory), a lane takes the dearest
    first but never a second dear check (a tenth of the expected time or more) beside one running: the
    cheapest then, or it waits; held or not."""
    from kg.catalogue import SavedQuery
    from kg.validate import CheckRun

    checks = [SavedQuery(name=n, path=Path(f"{n}.rq"), text=n, is_check=True) for n in "abcde"]
    cost = {"a": 30.0, "b": 20.0, "c": 1.0, "d": 0.5, "e": 0.4}
    assert CheckRun(checks, workers=2, cost=cost).dear == set()  # side by side unless asked
    alone = CheckRun(checks, workers=2, cost=cost, dear_alone=True)
    assert {checks[n].name for n in alone.dear} == {"a", "b"}
    store = _OneDearAtATimeStore(dear={"a", "b"}, cheap={"c", "d", "e"})
    alone.start(store)
    assert alone.result() == [] and set(alone.timings) == set("abcde")
    # a first; beside it, the cheapest first, never b; b once a is done
    assert store.before_the_first_dear_ended == ["e", "d", "c"] and store.overlapping_dear == []
    ran = [text for text, _ in store.ran]
    assert [t for t in ran if t in "ab"] == ["a", "b"] and ran[-1] == "b"
    assert len({thread for _, thread in store.ran}) == 2

    # held until release, released before the store was ready: the same
    early_release = CheckRun(checks, workers=2, cost=cost, dear_alone=True)
    early_release.release()
    store = _OneDearAtATimeStore(dear={"a", "b"}, cheap={"c", "d", "e"})
    early_release.start(store, hold_dear=True)
    assert early_release.result() == []
    assert store.before_the_first_dear_ended == ["e", "d", "c"] and store.overlapping_dear == []

    # a check never timed is taken first but not held to the rule: unknown costs do not serialize a run
    untimed = CheckRun(checks[:3], workers=2, cost={"c": 1.0}, dear_alone=True)
    assert untimed.dear == {2} and untimed.order[-1] == 2


class _OneDearAtATimeStore(_RecordingStore):
    """A recording store where the first dear query waits (up to 10 s) for every cheap one to have run,
    noting the cheap ones begun before it ended and any dear query begun while another ran."""

    def __init__(self, dear: set, cheap: set):
        import threading

        super().__init__()
        self.dear, self.cheap = dear, cheap
        self.lock = threading.Lock()
        self.cheap_done = threading.Event()
        self.dear_now = 0
        self.dear_seen = self.first_dear_ended = False
        self.before_the_first_dear_ended: list[str] = []
        self.overlapping_dear: list[str] = []

    def query(self, text):
        with self.lock:
            first = text in self.dear and not self.dear_seen
            if text in self.dear:
                if self.dear_now:
                    self.overlapping_dear.append(text)
                self.dear_now += 1
                self.dear_seen = True
            elif not self.first_dear_ended:
                self.before_the_first_dear_ended.append(text)
        result = super().query(text)
        if first:
            self.cheap_done.wait(10)
        with self.lock:
            if text in self.dear:
                self.dear_now -= 1
                self.first_dear_ended |= first
            elif self.cheap <= {t for t, _ in self.ran}:
                self.cheap_done.set()
        return result


def test_a_first_build_orders_its_checks_by_the_shipped_costs():
    """kg/check_costs.json (a million-statement build's timings) orders the checks of a build with no
    previous one; it names only checks that exist, and a previous build's timings take precedence."""
    from kg.catalogue import Catalogue
    from kg.project import locate
    from kg.validate import CHECK_COSTS, check_costs

    names = {c.name for c in Catalogue.of(locate(ROOT), checks_only=True).checks()}
    shipped = json.loads(CHECK_COSTS.read_text(encoding="utf-8"))["seconds"]
    assert set(shipped) <= names and all(isinstance(s, (int, float)) and s >= 0 for s in shipped.values())
    dearest = max(shipped, key=shipped.get)
    assert check_costs() == shipped
    assert check_costs({dearest: 0.0})[dearest] == 0.0
