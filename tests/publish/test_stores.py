"""Parity on real triple stores: every saved query (with its example parameters and, where none is
required, without) and every saved check gives kg's rows on Oxigraph server, Virtuoso 7 and Jena
TDB2, started here on loopback (tests/helpers/stores.py).

Rows are compared as multisets of RDF terms, language tags and datatypes included; the only thing
normalised is what the SPARQL results formats leave free: the order of the parts of a GROUP_CONCAT.
The checks return no rows on the real data, so they are also run on the union of their failing
examples (tests/check_cases/), loaded by each store's own bulk loader, where every check must flag
the same rows on every store as in kg.

The real data goes in by ``kg load`` (Oxigraph server, Virtuoso) and by ``tdb2.tdbloader`` from the
``kg.nq`` dump (Jena).  At the end the parity table (engine: runs, rows compared, differing rows)
and the module's wall and CPU time (tests and servers) are printed.
"""

from __future__ import annotations

import resource
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import stores as st
from helpers.stores import answer
from helpers.knowledge import ROOT, built_real
from helpers.paths import CHECK_CASES

pytestmark = pytest.mark.slow  # starts Oxigraph server, Virtuoso and Jena TDB2 and runs every query on each

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
CHECKS = sorted((ROOT / "queries" / "checks").glob("*.rq"))
CASES = sorted(CHECK_CASES.glob("*.trig"))
ENGINES = ("oxigraph", "virtuoso", "jena")
# engine -> [runs, rows compared, rows differing]
TABLE: dict[str, list[int]] = {}


def runs():
    from kg.catalogue import read_query

    out = []
    for path in QUERIES:
        q = read_query(path)
        example = q.example_params()
        shown = ",".join(f"{k}={v}" for k, v in example.items())
        out.append(pytest.param(path, example, id=f"{path.stem}[{shown}]"))
        if example and not any(p.required for p in q.params):
            out.append(pytest.param(path, {}, id=f"{path.stem}[]"))
    out += [pytest.param(path, {}, id=f"check:{path.stem}") for path in CHECKS]
    return out


# ------------------------------------------------------------------ comparing rows
def compare(engine: str, expected: Counter, got: Counter) -> None:
    missing, extra = expected - got, got - expected
    stats = TABLE.setdefault(engine, [0, 0, 0])
    stats[0] += 1
    stats[1] += sum(expected.values())
    stats[2] += sum(missing.values()) + sum(extra.values())
    assert not missing and not extra, (
        f"{engine}: {sum(missing.values())} of kg's rows missing, {sum(extra.values())} rows kg does not give; "
        f"missing {list(missing.items())[:3]}; extra {list(extra.items())[:3]}")


# ------------------------------------------------------------------ the data and the stores
@pytest.fixture(scope="module", autouse=True)
def parity_table(request):
    """Prints the parity table and the module's wall and CPU time (this process and the stores)."""
    wall, cpu = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    yield
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not TABLE:
        return
    lines = ["", "store parity (saved queries and checks against kg):"]
    for engine in ENGINES:
        if engine in TABLE:
            n, rows, differing = TABLE[engine]
            lines.append(f"  {engine:<9} {n:>3} runs, {rows:>4} rows compared, {differing} differing")
    lines.append(f"  wall {time.perf_counter() - wall:.1f} s, CPU {time.process_time() - cpu:.1f} s in the tests "
                 f"+ {child_cpu:.1f} s in the stores and their loaders")
    with capture.global_and_fixture_disabled():
        for line in lines:
            reporter.write_line(line)


@pytest.fixture(scope="module")
def real():
    """The real working copy's build and its kg.nq dump."""
    from kg.answering import serving_build
    from kg.export import export_built

    project = built_real()
    built = serving_build(project, build_if_stale=False)
    out = Path(built.path.parent / "parity-dist")
    export_built(built, out, only=["nq"])
    return project, built, out / "kg.nq"


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    """The failing examples of every check as one dataset: the N-Quads file and kg's store of it."""
    from kg.store import OxigraphStore

    from kg.formats import canonical_nquads

    quads = [q for path in CASES for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)]
    path = tmp_path_factory.mktemp("cases") / "cases.nq"
    # numbers in their canonical forms, as kg's dumps write them (and as Oxigraph answers them): a store
    # that keeps a lexical form (Jena keeps 184.0) then answers what kg does
    path.write_bytes(canonical_nquads(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)))
    return path, OxigraphStore.from_quads(quads)


def _stopping(servers):
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def oxigraph_stores(real, cases, tmp_path_factory):
    """(real data loaded by kg load, check cases loaded by oxigraph load)."""
    from kg.remote import load

    st.need_store("oxigraph")
    folder = tmp_path_factory.mktemp("oxigraph")
    main = st.start_oxigraph(folder)
    servers = [main]
    try:
        load(real[1], main.writer)
        st.oxigraph_bulk_load(folder / "cases", cases[0])
        servers.append(st.start_oxigraph(folder, location=folder / "cases"))
        yield servers
    finally:
        _stopping(servers)


@pytest.fixture(scope="module")
def virtuoso_stores(real, cases, tmp_path_factory):
    """(real data loaded by kg load, check cases loaded by Virtuoso's bulk loader): two databases,
    since the check cases reuse graph names of the real data."""
    from kg.remote import load

    st.need_store("virtuoso")
    folder = tmp_path_factory.mktemp("virtuoso")
    servers = []
    try:
        servers.append(st.start_virtuoso(folder / "main"))
        servers.append(st.start_virtuoso(folder / "cases"))
        load(real[1], servers[0].writer)
        st.virtuoso_bulk_load(servers[1], cases[0])
        yield servers
    finally:
        _stopping(servers)


@pytest.fixture(scope="module")
def jena_stores(real, cases, tmp_path_factory):
    """(kg.nq and the check cases, each loaded by tdb2.tdbloader), served by one JVM."""
    st.need_store("jena")
    folder = tmp_path_factory.mktemp("jena")
    st.tdb2_load(folder / "main", real[2])
    st.tdb2_load(folder / "cases", cases[0])
    servers = st.start_jena(folder, {"main": folder / "main", "cases": folder / "cases"})
    try:
        yield [servers["main"], servers["cases"]]
    finally:
        _stopping(servers.values())


def stores_of(request, engine: str):
    return request.getfixturevalue(f"{engine}_stores")


# ------------------------------------------------------------------ parity
@pytest.mark.parametrize("path,params", runs())
@pytest.mark.parametrize("engine", ENGINES)
def test_saved_query_gives_kgs_rows(request, real, engine, path, params):
    from kg.query import resolve, run

    project = real[0]
    main = stores_of(request, engine)[0]
    spec = resolve(project, str(path), None)
    expected = answer(run(project, spec, params), spec.text)
    if not path.parent.name == "checks":
        assert expected, f"{path.stem} answers nothing on kg: the comparison would prove nothing"
    with main.store() as store:
        got = answer(run(project, spec, params, store=store), spec.text)
    compare(engine, expected, got)


@pytest.mark.parametrize("path", CHECKS, ids=lambda p: p.stem)
@pytest.mark.parametrize("engine", ENGINES)
def test_check_flags_its_failing_examples_as_kg_does(request, cases, engine, path):
    text = path.read_text(encoding="utf-8")
    expected = answer(cases[1].query(text), text)
    assert expected, f"{path.stem} flags nothing in the check cases on kg"
    with stores_of(request, engine)[1].store() as store:
        compare(engine, expected, answer(store.query(text, name=path.stem), text))


# ------------------------------------------------------------------ what the stores need
def test_virtuoso_duplicates_a_triple_per_graph_and_the_saved_queries_do_not(request, real):
    """The reason for the rules of docs/LAYOUT.md: Virtuoso's merged default graph is a bag."""
    main = stores_of(request, "virtuoso")[0]
    text = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l WHERE { <%s> skos:prefLabel ?l }"
    with main.store() as store:
        rows = store.query(text % "https://w3id.org/stcoop/id/place/china").rows
    assert len(rows) > len(set(rows)) == 1


def test_virtuoso_refuses_a_wrong_password_in_one_line(request, real):
    from dataclasses import replace

    from kg.remote import RemoteError, load

    writer = stores_of(request, "virtuoso")[0].writer
    with pytest.raises(RemoteError) as err:
        load(real[1], replace(writer, password="not-the-password"))
    message = str(err.value)
    assert "refused the credentials of user 'dba' (HTTP 401)" in message and "nothing was loaded" in message
    assert "not-the-password" not in message and "\n" not in message


def test_jena_tdb2_command_line_needs_the_union_default_graph(real, tmp_path):
    """The recipe of docs/STORES.md: tdb2.tdbloader, then tdb2.tdbquery with tdb:unionDefaultGraph=true
    (without it a query sees only the empty default graph of an N-Quads load)."""
    from kg.query import resolve, run
    from kg.remote import bind_in_text, with_prefixes

    st.need_store("jena")
    project, _built, nquads = real
    st.tdb2_load(tmp_path / "tdb", nquads)
    spec = resolve(project, "park-locations", None)
    park = ox.NamedNode("https://w3id.org/stcoop/id/park/sinoswiss-technopark")
    (tmp_path / "q.rq").write_text(with_prefixes(bind_in_text(spec.text, {"park": park})), encoding="utf-8")
    expected = answer(run(project, spec, {"park": "park:sinoswiss-technopark"}), spec.text)
    assert len(expected) == 4
    for union, rows in ((True, expected), (False, Counter())):
        proc = st.tdb2_query(tmp_path / "tdb", tmp_path / "q.rq", union=union)
        assert proc.returncode == 0, proc.stderr.decode()
        parsed = ox.parse_query_results(proc.stdout, ox.QueryResultsFormat.JSON)
        names = [v.value for v in parsed.variables]
        got = Counter(tuple(None if s[v] is None else str(s[v]) for v in names) for s in parsed)
        assert got == rows, f"unionDefaultGraph={union}"


# ------------------------------------------------------------------ the commands on each store
@pytest.mark.parametrize("engine", ENGINES)
def test_kg_validate_endpoint_conforms_on_the_store(request, real, engine):
    """The union check asks what every store answers right (Virtuoso 7.2 answered its first form,
    ASK { FILTER NOT EXISTS { ?s ?p ?o } }, true on a full store, and kg refused it)."""
    from helpers.cli import Cli

    r = Cli(real[0])("validate", "--endpoint", stores_of(request, engine)[0].endpoint.url)
    assert r.exit_code == 0 and r.stdout.startswith("conforms"), r.stdout + r.stderr
    assert "warning" not in r.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_kg_validate_endpoint_flags_the_failing_examples(request, real, engine):
    from helpers.cli import Cli

    r = Cli(real[0])("validate", "--endpoint", stores_of(request, engine)[1].endpoint.url)
    assert r.exit_code == 1 and "check:no-untyped-entity" in r.stdout, r.stdout + r.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_kg_query_endpoint_prints_kgs_answer_and_no_false_warning(request, real, engine):
    from helpers.cli import Cli

    cli, url = Cli(real[0]), stores_of(request, engine)[0].endpoint.url
    args = ("query", "figures", "-p", "subject=park:liangjiang-new-area", "-f", "csv")
    local, remote = cli(*args), cli(*args, "--endpoint", url)
    assert remote.exit_code == 0 and remote.stdout == local.stdout and remote.stdout.count("\n") > 1, remote.stderr
    empty = cli("query", "-e", "SELECT ?x WHERE { ?x a stc:NoSuchClass }", "--endpoint", url, "-f", "csv")
    assert empty.exit_code == 0 and empty.stdout == "x\n", empty.stderr
    assert "warning" not in empty.stderr, empty.stderr  # Virtuoso had every empty answer warn of the union
