"""kg and a SPARQL store over HTTP: ``kg load`` and ``kg query --endpoint`` / ``kg validate
--endpoint`` against Oxigraph server on loopback reproduce kg's own answers; a second load changes
nothing; a bad endpoint, a refused login, a server error and a time-out are one line and exit 2,
and no password is ever printed.  Parameters reach the store as RDF terms, never as pasted text."""

from __future__ import annotations

import http.server
import re
import threading

import pyoxigraph as ox
import pytest

from helpers import stores as st
from helpers.cli import Cli
from helpers.knowledge import ROOT, built_real, example_params
from helpers.stores import answer
from helpers.paths import CHECK_CASES

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
INFERRED = "https://w3id.org/stcoop/graph/inferred"


@pytest.fixture(scope="module")
def real_cli():
    return Cli(built_real())


@pytest.fixture(scope="module")
def loaded(real_cli, tmp_path_factory):
    """Oxigraph server (union default graph) holding the real build, loaded by kg load."""
    st.need_store("oxigraph")
    server = st.start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    try:
        r = real_cli("load", "--endpoint", server.writer.url, "--graph-store", server.writer.graph_store_url)
        assert r.exit_code == 0, r.stderr
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def dumped(tmp_path_factory):
    """The build's N-Quads dump, by graph: what a load must put in the store (sizes follow the data)."""
    from kg.answering import serving_build
    from kg.export import export_built

    folder = tmp_path_factory.mktemp("dump")
    export_built(serving_build(built_real(), build_if_stale=False), folder, only=["nq"])
    return st.by_graph(ox.parse(path=str(folder / "kg.nq"), format=ox.RdfFormat.N_QUADS))


# ------------------------------------------------------------------ load
def test_load_reports_the_graphs_sent_and_the_check(real_cli, loaded, dumped):
    r = real_cli("load", "--endpoint", loaded.writer.url, "--graph-store", loaded.writer.graph_store_url)
    assert r.exit_code == 0, r.stderr
    total = sum(map(len, dumped.values()))
    assert re.fullmatch(rf"loaded {len(dumped)} graphs, {total} triples, into \S+/store "
                        r"\(checked: the store holds exactly these\)\n", r.stdout)
    n = len(dumped)
    assert re.fullmatch(rf"kg: sending graphs: {n} graphs, {total} triples \(\d+\.\d s\)\n"
                        rf"kg: checking what the store holds: {n} graphs, {total} triples \(\d+\.\d s\)\n", r.stderr)


def test_on_a_terminal_the_load_counts_graphs_and_triples_as_they_go(tmp_path):
    import io

    from kg.progress import Reporter
    from kg.remote import send_graphs

    st.need_store("oxigraph")
    server = st.start_oxigraph(tmp_path)
    try:
        stream = io.StringIO()
        graphs = [(f"urn:kg:test:{n}", f"<urn:kg:s> <urn:kg:p> <urn:kg:o{n}> .\n".encode()) for n in range(3)]
        loaded = send_graphs(graphs, server.writer, reporter=Reporter(stream, tty=True), connections=1)
        assert [(g.graph, g.triples) for g in loaded] == [(g, 1) for g, _ in graphs]
        drawn = stream.getvalue()
        # the first graph done is drawn (the next draws wait a tenth of a second), then the step's line
        assert re.search(r"\rkg: sending graphs 1 \d+ s 1 triples; urn:kg:test:0 ", drawn)
        assert re.search(r"\rkg: sending graphs: 3 graphs, 3 triples \(\d+\.\d s\)\n", drawn)
        with server.store() as store:
            assert store.graph_sizes([g for g, _ in graphs]) == {g: 1 for g, _ in graphs}
    finally:
        server.stop()


def test_load_help_gives_the_library_s_defaults(real_cli):
    from kg.remote import CONNECTIONS, PIECE

    r = real_cli("load", "--help")
    text = " ".join(r.stdout.split())
    assert r.exit_code == 0 and f"(default {CONNECTIONS};" in text and f"more than {PIECE // 2**20} MiB" in text


def test_no_request_in_flight_is_a_usage_error_before_any_request():
    from kg.errors import UsageError
    from kg.remote import Endpoint, send_graphs

    port = st.free_port()  # nothing listens there: a request would be a RemoteError
    for connections in (0, -1):
        with pytest.raises(UsageError, match=f"connections: {connections}: at least one"):
            send_graphs([("urn:kg:g", b"<urn:kg:s> <urn:kg:p> <urn:kg:o> .\n")],
                        Endpoint.of(f"http://127.0.0.1:{port}/store"), connections=connections)


def test_a_build_goes_in_pieces_graph_by_graph_in_load_order(dumped):
    """Each graph's pieces together are the graph, each triple once; no piece but a graph's last beyond the
    size; every triple with a blank node in the last (a label is one node only within one request)."""
    from kg.remote import graph_pieces

    from kg.answering import serving_build

    size = 4096
    pieces = list(graph_pieces(serving_build(built_real(), build_if_stale=False), piece=size))
    order = list(dict.fromkeys(p.graph for p in pieces))
    assert order[0] == "https://w3id.org/stcoop/ontology" and order[-1] == INFERRED
    assert order[1:-1] == sorted(order[1:-1]) and set(order) == set(dumped)
    by_graph: dict[str, list] = {}
    for n, piece in enumerate(pieces):
        ends_graph = n + 1 == len(pieces) or pieces[n + 1].graph != piece.graph
        starts_graph = n == 0 or pieces[n - 1].graph != piece.graph
        assert (piece.first, piece.last) == (starts_graph, ends_graph)
        lines = piece.data.splitlines()
        assert piece.triples == len(lines) and piece.data.endswith(b"\n")
        if not piece.last:
            assert len(piece.data) <= size and not any(b"_:" in line for line in lines)
        by_graph.setdefault(piece.graph, []).extend(ox.Triple(q.subject, q.predicate, q.object)
                                                    for q in ox.parse(piece.data, format=ox.RdfFormat.N_TRIPLES))
    assert any(not p.last for p in pieces if p.graph == "https://w3id.org/stcoop/ontology")
    assert any(isinstance(t.subject, ox.BlankNode) for t in by_graph["https://w3id.org/stcoop/ontology"])
    for graph, triples in by_graph.items():
        assert len(triples) == len(set(triples)) and set(triples) == set(dumped[graph]), graph


def test_a_temporary_folder_that_cannot_take_the_sort_is_named(tmp_path, monkeypatch):
    import tempfile

    from kg import linesort
    from kg.answering import serving_build
    from kg.errors import ResourceError
    from kg.remote import graph_pieces

    built = serving_build(built_real(), build_if_stale=False)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setattr(linesort, "BUDGET", 64 * 1024)  # runs spilled to the temporary folder
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(ResourceError, match=f"cannot sort the build by graph in {not_a_folder}: .*TMPDIR"):
        list(graph_pieces(built))


def test_a_build_sent_in_pieces_is_the_store_s_whole(tmp_path, dumped):
    from kg.answering import serving_build
    from kg.remote import graph_pieces, send_pieces

    st.need_store("oxigraph")
    built = serving_build(built_real(), build_if_stale=False)
    server = st.start_oxigraph(tmp_path)
    try:
        for connections in (1, 3):  # the second load replaces the first, graph by graph
            loaded = send_pieces(graph_pieces(built, piece=4096), server.writer, connections=connections)
            assert {g.graph: g.triples for g in loaded} == {g: len(t) for g, t in dumped.items()}
            assert st.same_dataset(st.held(server), dumped) == []
    finally:
        server.stop()


def test_the_store_holds_the_canonical_dataset_and_a_second_load_changes_nothing(real_cli, loaded, dumped):
    before = st.held(loaded)
    r = real_cli("load", "--endpoint", loaded.writer.url, "--graph-store", loaded.writer.graph_store_url, "-q")
    assert r.exit_code == 0 and r.stderr == ""
    after = st.held(loaded)
    assert st.same_dataset(before, after) == []
    assert st.same_dataset(after, dumped) == []  # exactly the dump, decimals in canonical form
    figure = ox.Literal("10980000000", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    assert any(t.object == figure for t in after["https://w3id.org/stcoop/id/source/002-china-singapore-cci-projects"])


def test_asserted_load_leaves_the_inferred_graph_out(real_cli, tmp_path, dumped):
    st.need_store("oxigraph")
    server = st.start_oxigraph(tmp_path)
    try:
        for args, inferred in (((), len(dumped[INFERRED])), (("--asserted",), 0)):
            r = real_cli("load", "--endpoint", server.writer.url, "--graph-store", server.writer.graph_store_url,
                         "-q", *args)
            assert r.exit_code == 0, r.stderr
            with server.store() as store:
                sizes = store.graph_sizes([INFERRED])
            assert sizes == {INFERRED: inferred}
    finally:
        server.stop()


# ------------------------------------------------------------------ queries
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_saved_query_answers_on_the_store_as_kg_query(real_cli, loaded, path):
    params = [a for k, v in example_params(path).items() for a in ("-p", f"{k}={v}")]
    local = real_cli("query", path.stem, *params, "-f", "tsv")
    remote = real_cli("query", path.stem, *params, "-f", "tsv", "--endpoint", loaded.endpoint.url)
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    text = path.read_text(encoding="utf-8")
    rows = [answer(ox.parse_query_results(r.stdout_bytes, ox.QueryResultsFormat.TSV), text) for r in (local, remote)]
    assert rows[0] == rows[1] and sum(rows[0].values()) > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_format_prints_as_locally(real_cli, loaded, fmt):
    args = ("query", "figures", "-p", "subject=park:liangjiang-new-area", "-f", fmt)
    local, remote = real_cli(*args), real_cli(*args, "--endpoint", loaded.endpoint.url)
    assert remote.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout


@pytest.mark.parametrize("fmt", ("turtle", "nt", "jsonld", "rdfxml"))
def test_construct_answers_print_as_locally(real_cli, loaded, fmt):
    args = ("query", "-e", "CONSTRUCT { ?p a stc:ParkOrZone ; skos:prefLabel ?l } WHERE { ?p a stc:ParkOrZone ; "
            "skos:prefLabel ?l }", "-f", fmt)
    local, remote = real_cli(*args), real_cli(*args, "--endpoint", loaded.endpoint.url)
    assert remote.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout and "sinoswiss-technopark" in remote.stdout


def test_ask_exit_codes_and_unknown_parameter_iris(real_cli, loaded):
    url = loaded.endpoint.url
    assert real_cli("query", "-e", "ASK { ?p a stc:ParkOrZone }", "--endpoint", url).stdout == "true\n"
    false = real_cli("query", "-e", "ASK { ?p a stc:Nothing }", "--endpoint", url)
    assert false.exit_code == 1 and false.stdout == "false\n"
    typo = real_cli("query", "figures", "-p", "subject=park:no-such-park", "--endpoint", url)
    assert typo.exit_code == 2 and "names no resource of the graph" in typo.stderr


def test_parameters_reach_the_store_as_rdf_terms(real_cli, loaded):
    """A literal full of SPARQL syntax is one term in the query sent, bound as kg binds it."""
    nasty = r'"x\" } } ; DROP ALL ; SELECT * { \"\n"@en'
    args = ("query", "-e", "SELECT ?value (STRLEN(?value) AS ?n) WHERE { }", "-p", f"value={nasty}", "-f", "tsv")
    local, remote = real_cli(*args), real_cli(*args, "--endpoint", loaded.endpoint.url)
    assert remote.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert '"x\\" } } ; DROP ALL ; SELECT * { \\"\\n"@en\t33' in remote.stdout
    with loaded.store() as store:
        assert store.graph_sizes(["https://w3id.org/stcoop/id/source/curation"])[
            "https://w3id.org/stcoop/id/source/curation"] > 0


def test_bind_in_text_binds_as_kg_binds_locally():
    from kg.errors import QueryError
    from kg.remote import bind_in_text
    from kg.sparql import bind

    park = ox.NamedNode("https://w3id.org/stcoop/id/park/a")
    q = "SELECT ?p (EXISTS { ?p ?x ?y } AS ?e) WHERE { { SELECT ?p WHERE { ?p ?q ?r } } }"
    value = "VALUES (?p) { (<https://w3id.org/stcoop/id/park/a>) }"
    assert bind_in_text(q, {"p": park}) == bind(q, {"p": park}) == (
        f"SELECT ?p (EXISTS {{ {value}  ?p ?x ?y }} AS ?e) WHERE {{ {value}  "
        f"{{ SELECT ?p WHERE {{ {value}  ?p ?q ?r }} }} }}")
    c = "CONSTRUCT { ?p a <urn:x:T> } WHERE { ?p ?q ?r }"
    assert bind_in_text(c, {"p": park}).startswith(f"CONSTRUCT {{ ?p a <urn:x:T> }} WHERE {{ {value}")
    assert bind_in_text("CONSTRUCT WHERE { ?p ?q ?r }", {"p": park}) == (
        f"CONSTRUCT {{ ?p ?q ?r }} WHERE {{ {value}  ?p ?q ?r }}")
    assert bind_in_text("# { not this one\nASK { ?p ?q '{' }", {"p": park}).startswith(
        f"# {{ not this one\nASK {{ {value}")
    with pytest.raises(QueryError, match="parameter p: .*only IRIs and literals"):
        bind_in_text("ASK { ?p ?q ?r }", {"p": ox.BlankNode("b")})


# ------------------------------------------------------------------ checks
def test_validate_on_the_store(real_cli, loaded, tmp_path):
    from kg.remote import send_graphs

    ok = real_cli("validate", "--endpoint", loaded.endpoint.url)
    assert ok.exit_code == 0 and ok.stdout.startswith("conforms"), ok.stderr
    case = CHECK_CASES / "no-untyped-entity.trig"
    broken = st.start_oxigraph(tmp_path)
    try:
        by_graph: dict[str, list] = {}
        for q in ox.parse(path=str(case), format=ox.RdfFormat.TRIG):
            by_graph.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
        send_graphs([(g, ox.serialize(t, format=ox.RdfFormat.N_TRIPLES)) for g, t in by_graph.items()],
                    broken.writer)
        bad = real_cli("validate", "--endpoint", broken.endpoint.url)
        assert bad.exit_code == 1 and "check:no-untyped-entity" in bad.stdout
    finally:
        broken.stop()


def test_a_store_without_the_union_default_graph_is_refused_for_checks(real_cli, tmp_path):
    st.need_store("oxigraph")
    plain = st.start_oxigraph(tmp_path, union=False)
    try:
        r = real_cli("load", "--endpoint", plain.writer.url, "--graph-store", plain.writer.graph_store_url, "-q")
        assert r.exit_code == 0, r.stderr
        r = real_cli("validate", "--endpoint", plain.endpoint.url)
        _one_line_exit_2(r, "the default graph of", "is empty while its named graphs hold triples")
        q = real_cli("query", "park-companies", "--endpoint", plain.endpoint.url, "-f", "csv")
        assert q.exit_code == 0 and q.stdout.count("\n") == 1 and "warning: the default graph" in q.stderr
        union = real_cli("query", "park-companies", "--endpoint", plain.endpoint.url + "?union-default-graph")
        assert union.exit_code == 0 and "(5 rows)" in union.stdout  # Oxigraph's per-request switch
    finally:
        plain.stop()


# ------------------------------------------------------------------ failures
class _Trouble(http.server.BaseHTTPRequestHandler):
    """/login refuses every login; /partial takes every graph but the inferred one; /middle every graph but
    one source's, counting those it takes; /put takes PUTs and refuses POSTs; /slow answers too late; the
    rest fails."""

    taken: list[str] = []

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/middle") and "001-beta" not in self.path:
            _Trouble.taken.append(self.path)
            self.send_response(204)
        elif self.path.startswith("/put") and self.command == "PUT":
            self.send_response(204)
        elif self.path.startswith("/login"):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg test"')
        elif self.path.startswith("/partial") and "inferred" not in self.path:
            self.send_response(204)  # every graph but the inferred one is taken
        elif self.path.startswith("/slow"):
            threading.Event().wait(3)
            self.send_response(200)
        else:
            self.send_response(500)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><h1>Internal Server Error</h1>\n<p>boom</p></body></html>")
            return
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def trouble():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trouble)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _one_line_exit_2(r, *words):
    assert r.exit_code == 2, r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("kg: error: ") and "Traceback" not in r.stderr
    for word in words:
        assert word in r.stderr, r.stderr


def test_unreachable_endpoint(real_cli):
    st_port = st.free_port()  # nothing listens there
    r = real_cli("query", "park-companies", "--endpoint", f"http://127.0.0.1:{st_port}/query")
    _one_line_exit_2(r, "cannot reach", f"127.0.0.1:{st_port}")
    r = real_cli("query", "park-companies", "--endpoint", "ftp://127.0.0.1/query")
    _one_line_exit_2(r, "is not an http:// or https:// URL")


def test_refused_login_never_prints_the_password(real_cli, trouble, monkeypatch):
    r = real_cli("load", "--endpoint", f"http://someone:s3cret-in-url@{trouble[7:]}/login", "-q")
    _one_line_exit_2(r, "refused the credentials of user 'someone' (HTTP 401)", "nothing was loaded")
    assert "s3cret" not in r.stderr + r.stdout
    monkeypatch.setenv("KG_ENDPOINT_USER", "reader")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-from-env")
    r = real_cli("query", "park-companies", "--endpoint", f"{trouble}/login")
    _one_line_exit_2(r, "refused the credentials of user 'reader'")
    assert "s3cret" not in r.stderr + r.stdout
    monkeypatch.delenv("KG_ENDPOINT_USER")
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD")
    r = real_cli("query", "park-companies", "--endpoint", f"{trouble}/login")
    _one_line_exit_2(r, "asks for credentials (HTTP 401)")


def test_server_error_names_the_graph(real_cli, trouble):
    r = real_cli("load", "--endpoint", f"{trouble}/sparql", "-q")
    _one_line_exit_2(r, "loading graph <https://w3id.org/stcoop/ontology>", "HTTP 500 Internal Server Error",
                     "boom", "nothing was loaded")
    r = real_cli("query", "park-companies", "--endpoint", f"{trouble}/sparql")
    _one_line_exit_2(r, "HTTP 500")


def test_a_load_that_fails_part_way_says_how_many_graphs_it_replaced(real_cli, trouble, dumped):
    r = real_cli("load", "--endpoint", f"{trouble}/partial", "-q")
    _one_line_exit_2(r, f"loading graph <{INFERRED}>", "HTTP 500",
                     f"the load is incomplete: {len(dumped) - 1} graphs were replaced (run kg load again)")


def test_a_load_failing_in_the_middle_counts_what_the_store_took_meanwhile(trouble, tmp_path):
    """Four connections: the graphs sent beside the failing one, taken after it failed, are counted too."""
    from kg.remote import Endpoint, RemoteError, send_graphs

    graphs = [(f"urn:kg:test:{name}", b"<urn:kg:s> <urn:kg:p> <urn:kg:o> .\n")
              for name in ("000-alpha", "001-beta", *(f"{n:03d}-more" for n in range(2, 40)))]
    _Trouble.taken.clear()
    with pytest.raises(RemoteError) as caught:
        send_graphs(graphs, Endpoint.of(f"{trouble}/middle"), connections=4)
    message = str(caught.value)
    assert "loading graph <urn:kg:test:001-beta>" in message and "HTTP 500" in message
    taken = len(_Trouble.taken)
    assert 1 <= taken < len(graphs) - 1  # what was queued beside it went on; nothing after
    assert message.endswith(f"the load is incomplete: {taken} graphs were replaced (run kg load again)")


def test_a_graph_the_store_took_only_in_part_is_named_and_the_sort_is_gone(trouble, tmp_path, monkeypatch):
    import tempfile

    from kg import linesort
    from kg.answering import serving_build
    from kg.remote import Endpoint, RemoteError, graph_pieces, send_pieces

    built = serving_build(built_real(), build_if_stale=False)
    monkeypatch.setattr(linesort, "BUDGET", 64 * 1024)  # runs spilled to the temporary folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(RemoteError) as caught:  # the ontology's first piece is taken, its second refused
        send_pieces(graph_pieces(built, piece=4096), Endpoint.of(f"{trouble}/put"), connections=1)
    assert str(caught.value).endswith(
        "the load is incomplete: 0 graphs were replaced, and 1 only in part (<https://w3id.org/stcoop/ontology>) "
        "(run kg load again)")
    assert list(tmp_path.iterdir()) == []  # removed as the load failed, not once the error is collected


def test_timeout(real_cli, trouble):
    r = real_cli("query", "-e", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", f"{trouble}/slow",
                 "--timeout", "0.5")
    _one_line_exit_2(r, "did not answer within 0.5 s")


def test_patch_refuses_load_and_bad_syntax(real_cli, trouble, tmp_path):
    (tmp_path / "load.ru").write_text("LOAD <http://example.org/data.ttl>", encoding="utf-8")
    r = real_cli("load", "--endpoint", f"{trouble}/sparql", "--patch", str(tmp_path / "load.ru"))
    _one_line_exit_2(r, "LOAD is refused")
    (tmp_path / "bad.ru").write_text("INSERT DATA { oops", encoding="utf-8")
    r = real_cli("load", "--endpoint", f"{trouble}/sparql", "--patch", str(tmp_path / "bad.ru"))
    _one_line_exit_2(r, "not a SPARQL Update")
