"""Validation: SHACL, the saved checks and what the build finds on the way, as one report.

:func:`shacl` runs ``shapes/data`` on the closure and ``shapes/ontology`` on the ontology graph, with
one of two validators that give the same results: ``kg`` (kg.shacl, on the reasoner's index of the
closure, SPARQL parts on the store) or ``pyshacl``, the reference.  :class:`CheckRun` runs the saved
checks (``queries/checks/*.rq``: SELECT queries whose rows are errors); :func:`inconsistency_issues`,
:func:`unit_issues` and :func:`language_issues` report the OWL RL inconsistencies, units QUDT does not
know and language tags the IANA registry does not hold; :func:`annotate` adds labels and files.
``kg build`` computes the report, ``kg validate`` reads it back.

See docs/LAYOUT.md, section "The validation report" (the checks' variables, the report), and
docs/ENGINES.md, section "SHACL (kg.shacl)" (how the validators are proved equal).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from kg import namespaces as ns
from kg.errors import DataError
from kg.report import Issue

VALIDATORS = ("kg", "pyshacl")  # kg.shacl, or pyshacl, its reference


# ---------------------------------------------------------------- computing
def check_issues(store, checks, progress=None) -> list[Issue]:
    """Run the saved checks (SavedQuery objects) on a kg.store Store, one at a time;
    ``progress(done, total, name)``."""
    run = CheckRun(checks)
    run.start(store)
    return run.result(progress)


CHECK_COSTS = Path(__file__).with_name("check_costs.json")


def check_costs(previous: Mapping[str, float] | None = None) -> dict[str, float]:
    """The seconds each saved check is expected to take, to order them (:class:`CheckRun`): the previous
    build's timings, and for a check it did not time (a first build), its seconds in a million-statement
    build (``kg/check_costs.json``, written by ``benchmarks/bench_scale.py --save-check-costs``)."""
    import json

    return {**json.loads(CHECK_COSTS.read_text(encoding="utf-8"))["seconds"], **(previous or {})}


# A check expected to take at least this share of all the checks' time is dear (CheckRun): at one and at
# ten million statements, the two class checks and no-entity-introduced-but-unused
DEAR_SHARE = 0.10


class CheckRun:
    """The saved checks run on a store, ``workers`` at a time in threads, started when the store is ready
    (``start``) and collected later (``result``), so that they can run while other work goes on.

    Oxigraph releases the GIL while it evaluates a query, so on a store in memory the checks use every
    core, and the cores other work leaves idle. The checks are taken from a queue ordered by ``cost`` (the
    seconds each is expected to take: :func:`check_costs`; a check never timed is taken first), dearest
    first, so that a slow one does not start last and leave a core idle at the end. The dear checks are
    also the ones that build the largest intermediate results (at a million statements, up to 0.8 GiB;
    at ten million, about 2 GiB): with ``hold_dear`` one lane waits for ``release`` (the build releases
    it once SHACL is done), and until then the others take the cheapest first. With ``dear_alone`` (a
    build short of memory), a check expected to take at least DEAR_SHARE of all the checks' time runs
    while no other such check does: a lane that would start a second one takes the cheapest instead, or
    waits when only dear ones are left (at ten million statements two side by side took the checks stage
    to 12.5 GiB, one at a time to 11.05). ``timings`` holds each check's seconds once it ran. The issues
    come in the checks' order whatever order they finish in."""

    def __init__(self, checks, workers: int = 1, cost: Mapping[str, float] | None = None,
                 dear_alone: bool = False):
        import threading
        from collections import deque

        self.checks = list(checks)
        self.workers = workers
        cost = cost or {}
        expected = [cost.get(check.name, float("inf")) for check in self.checks]
        self.order = sorted(range(len(self.checks)), key=lambda n: -expected[n])
        # a check never timed is taken early but not held to the one-at-a-time rule: with nothing timed
        # (a project's own checks) every check would otherwise run alone
        total = sum(c for c in expected if c != float("inf"))
        self.dear = {n for n, c in enumerate(expected)
                     if dear_alone and c != float("inf") and total and c >= DEAR_SHARE * total}
        self._dear_running = 0
        self.timings: dict[str, float] = {}
        self._store = None
        self._queue = deque(self.order)
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._found: dict[int, list[Issue] | BaseException] = {}
        self._finished: list[int] = []  # in the order the checks ended
        self._cancelled = False
        self._lanes: list = []
        self._dear_held = self._released = False

    def start(self, store, hold_dear: bool = False) -> None:
        """Begin on ``store`` (a kg.store Store); with one worker, nothing runs before ``result``."""
        self._store = store
        if self.workers > 1:
            with self._lock:  # a release that came first (the build's SHACL done before the store) holds nothing
                self._dear_held = held = hold_dear and not self._released
            for _ in range(self.workers - 1 if held else self.workers):
                self._lane()

    def release(self) -> None:
        """Start the lane held by ``start(hold_dear=True)``; from then on every lane takes the dearest first."""
        with self._lock:
            self._released = True
            held, self._dear_held = self._dear_held, False
        if held:
            self._lane()

    def _lane(self) -> None:
        import threading

        lane = threading.Thread(target=self._work, name="kg-check", daemon=True)
        self._lanes.append(lane)
        lane.start()

    def _work(self) -> None:
        from kg.memory import trim_memory

        while True:
            with self._done:
                n = self._next()
                while n is None and not self._cancelled and self._queue:
                    self._done.wait()  # only dear checks are left, and one is running
                    n = self._next()
                if n is None:
                    return
                self._dear_running += n in self.dear
            try:
                found: list[Issue] | BaseException = self._run(self.checks[n])
            except BaseException as exc:  # re-raised by result(), as it would be one at a time
                found = exc
            trim_memory()  # the query's hash tables stay in this thread's arena otherwise
            with self._done:
                self._dear_running -= n in self.dear
                self._found[n] = found
                self._finished.append(n)
                self._done.notify_all()

    def _next(self) -> int | None:
        """The check a lane starts now (the lock held): the cheapest while the dear lane is held or a dear
        check runs, else the dearest; None when there is none to start."""
        queue = self._queue
        if self._cancelled or not queue:
            return None
        if self._dear_held or (self._dear_running and queue[0] in self.dear):
            return queue.pop() if queue[-1] not in self.dear or not self._dear_running else None
        return queue.popleft()

    def result(self, progress=None) -> list[Issue]:
        """The issues, once every check has run; ``progress(done, total, name)`` as each one is done."""
        if self._store is None:
            raise RuntimeError("CheckRun.result before start")
        total = len(self.checks)
        if self.workers <= 1:
            for n, check in enumerate(self.checks):
                self._found[n] = self._run(check)
                if progress is not None:
                    progress(n + 1, total, check.name)
            return [issue for n in sorted(self._found) for issue in self._found[n]]
        self.release()
        reported = 0
        try:
            while reported < total:
                with self._done:
                    while len(self._finished) == reported:
                        self._done.wait()
                    n = self._finished[reported]
                found = self._found[n]
                if isinstance(found, BaseException):
                    raise found
                reported += 1
                if progress is not None:
                    progress(reported, total, self.checks[n].name)
        finally:
            self.cancel()
            for lane in self._lanes:  # a check still running after an error: its store stays in use till then
                lane.join()
        return [issue for n in sorted(self._found) for issue in self._found[n]]

    def close(self) -> None:
        """Let go of the store once the results are read (the build frees it before loading another)."""
        self._store = None

    def cancel(self) -> None:
        """Start no more checks (one running ends on its own; its result is dropped)."""
        with self._done:
            self._cancelled = True
            self._dear_held = False
            self._done.notify_all()  # a lane waiting for a dear check to end

    def _run(self, check) -> list[Issue]:
        started = time.perf_counter()
        result = self._store.query(check.text)
        if result.kind != "select":
            from kg.errors import QueryError

            raise QueryError(f"check {check.name} must be a SELECT query")
        found = [_check_issue(check, dict(zip(result.variables, row)), row) for row in result.rows]
        self.timings[check.name] = round(time.perf_counter() - started, 3)
        return found


def _check_issue(check, binding: dict, row) -> Issue:
    import pyoxigraph as ox

    focus = binding.get("focus") or binding.get("node")
    if focus is None:
        focus = next((t for t in row if isinstance(t, (ox.NamedNode, ox.BlankNode))), None)
    message = binding.get("message")
    path = binding.get("path")
    value = binding.get("value")
    return Issue(
        focus=("_:" + focus.value if isinstance(focus, ox.BlankNode) else focus.value)
        if focus is not None else "(no focus)",
        message=message.value if isinstance(message, ox.Literal) else (check.title or check.name),
        path=str(path) if isinstance(path, ox.NamedNode) else None,
        value=str(value) if value is not None else None,
        origin=f"check:{check.name}",
    )


# What each OWL 2 RL inconsistency rule means for a curator (kg.reason.Inconsistency.rule).
_INCONSISTENCY_MEANING = {
    "cax-dw": "the entity is an instance of two classes the ontology declares disjoint: a wrong type, or two "
              "things merged into one IRI",
    "cax-adc": "the entity is an instance of two classes the ontology declares disjoint: a wrong type, or two "
               "things merged into one IRI",
    "cls-nothing2": "the entity is an instance of owl:Nothing: its types contradict each other",
    "prp-irp": "a property the ontology declares irreflexive links the entity to itself",
    "prp-asyp": "a property the ontology declares asymmetric links two entities both ways: one link points the "
                "wrong way",
    "prp-pdw": "two properties the ontology declares disjoint link the same two entities",
    "prp-adp": "two properties the ontology declares disjoint link the same two entities",
    "dt-not-type": "a literal is not a value of its datatype",
}


def inconsistency_issues(inference) -> list[Issue]:
    """A Violation for each OWL RL inconsistency of the closure (kg.reason collects them), on its node."""
    import pyoxigraph as ox

    out = []
    for inc in inference.inconsistencies:
        meaning = _INCONSISTENCY_MEANING.get(inc.rule, "the statements contradict the ontology's axioms")
        focus = inc.focus
        out.append(Issue(
            focus=("_:" + focus.value if isinstance(focus, ox.BlankNode) else focus.value) if focus is not None
            else "(no focus)",
            message=f"Inconsistent under OWL 2 RL ({inc.rule}): {meaning}. {' '.join(inc.message.split())}",
            origin=f"owl-rl:{inc.rule}"))
    return out


def unit_issues(merged) -> list[Issue]:
    """A Violation for each statement naming a unit that neither the ontology nor QUDT knows (kg.units)."""
    return [Issue(focus=u.subject, message=u.message, path=f"<{u.predicate}>", value=f"<{u.unit}>", origin="units")
            for u in merged.unknown_units]


def language_issues(merged) -> list[Issue]:
    """A Violation for each text whose language tag the IANA registry does not hold (kg.languages)."""
    return [Issue(focus=t.subject, message=t.message, path=f"<{t.predicate}>", value=f"@{t.tag}", origin="languages")
            for t in merged.invalid_tags]


def shacl(merged, inference, data_shapes: dict, onto_shapes: dict, validator: str = "kg", run_select=None,
          progress=None):
    """SHACL issues of the closure (data shapes) and of the ontology graph
    (ontology shapes), and the name of the validator that found them.

    The shapes come as {file: quads}; a shape that cannot be used is a
    DataError naming the file that defines it.  ``run_select`` is called
    (once, when a SPARQL-based target or constraint needs it) to get a
    function that runs SELECT queries over the closure.  ``progress`` (a kg.progress.Tally) counts the
    data shapes kg.shacl has validated."""
    try:
        return _shacl(merged, inference, data_shapes, onto_shapes, validator, run_select, progress)
    except DataError as exc:
        files = {**data_shapes, **onto_shapes}
        where = _defining_file(str(exc), files) or _failing_file(files, validator)
        if where is None:
            raise
        raise DataError(f"{where}: {exc}") from None


def _defining_file(message: str, shape_files: dict) -> str | None:
    """The shapes file that states something about a node the message names."""
    for display, quads in shape_files.items():
        for q in quads:
            if len(q.subject.value) > 3 and q.subject.value in message:
                return display
    return None


def _failing_file(shape_files: dict, validator: str) -> str | None:
    """The first shapes file that cannot be used even alone (on an empty graph): for messages that name no node."""
    from kg.merge import Merged
    from kg.owlrl import IdGraph
    from kg.reason import Inference

    empty = Merged()
    for display, quads in shape_files.items():
        try:
            _shacl(empty, Inference([], "kg.owlrl", index=IdGraph()), {display: quads}, {}, validator, None)
        except DataError:
            return display
    return None


def _shacl(merged, inference, data_shapes, onto_shapes, validator, run_select, progress=None):
    data_shapes = [q for quads in data_shapes.values() for q in quads]
    onto_shapes = [q for quads in onto_shapes.values() for q in quads]
    if validator == "pyshacl":
        from kg.load import rdflib_graph
        from kg.shacl.reference import shacl_issues

        closure = rdflib_graph(list(merged.quads) + list(inference.inferred))
        issues = shacl_issues(closure, rdflib_graph(data_shapes), "shacl")
        del closure
        issues += shacl_issues(rdflib_graph(merged.ontology), rdflib_graph(onto_shapes), "shacl-ontology")
        return issues, "pyshacl"
    import pyoxigraph as ox

    from kg import shacl as fast
    from kg.owlrl import IdGraph

    index = inference.index
    if index is None:  # the reference reasoner answered: index its closure
        index = IdGraph.from_triples(list(merged.quads) + list(inference.inferred)).compacted()
    data_issues = fast.validate(index, data_shapes, "shacl", _Lazy(run_select) if run_select else None, progress)
    onto_index = IdGraph.from_triples(merged.ontology)

    def onto_select():  # only when an ontology shape needs SPARQL
        onto_store = ox.Store()
        onto_store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in merged.ontology)
        return fast.select_runner(onto_store)

    onto_issues = fast.validate(onto_index, onto_shapes, "shacl-ontology", _Lazy(onto_select))
    # shapes kg.shacl leaves to pyshacl (SHACL-AF, custom components) are said, not hidden
    notes = [f"{what}: {part.note}" for what, part in (("data shapes", data_issues), ("ontology shapes", onto_issues))
             if part.note]
    return list(data_issues) + list(onto_issues), "; ".join(["kg.shacl", *notes])


class _Lazy:
    """A SELECT runner obtained on first use (the store may still be being written)."""

    def __init__(self, factory):
        self.factory, self.runner = factory, None

    def __call__(self, text: str, bindings: dict) -> list[dict]:
        if self.runner is None:
            self.runner = self.factory()
        return self.runner(text, bindings)


def annotate(issues: list[Issue], store, merged) -> None:
    """Each issue's focus node gets its label and the files where it is the subject of a statement
    (``store``: the build's pyoxigraph Store; ``merged``: kg.merge.Merged)."""
    import pyoxigraph as ox

    nodes = {i.focus: _node(i.focus) for i in issues}
    files = merged.files_stating({n for n in nodes.values() if n is not None})
    labels: dict[str, str | None] = {}
    label_predicates = [ox.NamedNode(p) for p in ns.LABEL_PREDICATES]
    for focus, node in nodes.items():
        candidates = []
        if node is not None:
            for p in label_predicates:
                for q in store.quads_for_pattern(node, p, None, ox.DefaultGraph()):
                    if isinstance(q.object, ox.Literal):
                        candidates.append((p.value, q.object.value, q.object.language))
        labels[focus] = ns.best_label(candidates)
    for i in issues:
        i.label = labels[i.focus]
        i.files = sorted(files.get(nodes[i.focus], ()))


def _node(text: str):
    import pyoxigraph as ox

    if text.startswith("_:"):
        return ox.BlankNode(text[2:])
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None
