"""kg and a SPARQL 1.1 store over HTTP: ``RemoteStore(endpoint)`` answers queries through the SPARQL 1.1
Protocol behind kg.store's interface (so ``kg query --endpoint`` and ``kg validate --endpoint`` run the
saved queries and checks unchanged); ``load(built, endpoint)`` sends a build through the Graph Store
Protocol (a PUT per named graph, a larger one in pieces: a PUT, then POSTs; several requests at once; the
build sorted by graph on disk, so that memory does not grow with it) and reads every graph's count back;
``apply_patch`` sends a SPARQL Update.  Parameters are bound in the text by kg.sparql.bind, as locally.
Only the URLs the user names are contacted; credentials never appear in a message; every failure is one
``RemoteError`` line naming the URL.  What each store needs: docs/STORES.md.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Mapping

import httpx
import pyoxigraph as ox

from kg import namespaces as ns
from kg.errors import KgError, QueryError, ResourceError, UsageError
from kg.formats import FORMATS, canonical_lexical, canonical_nquads
from kg.sparql import bind


USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
AUTH_SCHEMES = ("auto", "basic", "digest")
DEFAULT_TIMEOUT = 60.0

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
# Virtuoso 7 answers ASK with a table of this variable (a row of 1 for true, none for false), not a boolean.
_VIRTUOSO_ASK = "__ASK_RETVAL"


class RemoteError(KgError):
    """A store could not be reached, refused the credentials, or answered with an error."""


@dataclass(frozen=True)
class Endpoint:
    """Where a store answers: its SPARQL query service (``url``), its Graph Store Protocol service
    and its update service (both default to ``url``, as in Fuseki), how to log in, how long to wait."""

    url: str
    graph_store: str | None = None
    update: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str = "auto"
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def of(cls, url: str, graph_store: str | None = None, update: str | None = None, user: str | None = None,
           password: str | None = None, auth: str = "auto", timeout: float = DEFAULT_TIMEOUT,
           environ: Mapping[str, str] | None = None) -> "Endpoint":
        """An endpoint from command-line options: URLs checked, credentials from the options, else the
        URL's user part, else the environment."""
        environ = os.environ if environ is None else environ
        for what, value in (("--endpoint", url), ("--graph-store", graph_store), ("--update", update)):
            if value is not None:
                _check_url(what, value)
        if auth not in AUTH_SCHEMES:
            raise UsageError(f"--auth {auth}: use one of {', '.join(AUTH_SCHEMES)}")
        parts = urllib.parse.urlsplit(url)
        if user is None and parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            password = password if password is not None else urllib.parse.unquote(parts.password or "")
        user = user if user is not None else environ.get(USER_ENV) or None
        if password is None and user is not None:
            password = environ.get(PASSWORD_ENV)
        if password is not None and user is None:
            raise UsageError(f"a password without a user: give --user or {USER_ENV}")
        if user is not None and password is None:
            raise UsageError(f"no password for user {user!r}: give --password or {PASSWORD_ENV}")
        return cls(_without_userinfo(url), graph_store and _without_userinfo(graph_store),
                   update and _without_userinfo(update), user, password, auth, timeout)

    @property
    def graph_store_url(self) -> str:
        return self.graph_store or self.url

    @property
    def update_url(self) -> str:
        return self.update or self.url


def _check_url(what: str, url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{what} {_without_userinfo(url)!r} is not an http:// or https:// URL")


def _without_userinfo(url: str) -> str:
    """The URL as it may be shown: without user name and password."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


# ------------------------------------------------------------------ HTTP
def _auth(endpoint: Endpoint):
    if endpoint.user is None:
        return None
    scheme = {"basic": httpx.BasicAuth, "digest": httpx.DigestAuth, "auto": _ChallengeAuth}[endpoint.auth]
    return scheme(endpoint.user, endpoint.password or "")


class _ChallengeAuth(httpx.Auth):
    """Basic or digest, whichever the store's challenge asks for: the first request goes without
    credentials, so a password is never sent in clear to a store that asks for digest."""

    requires_request_body = True  # the request is sent again, with credentials

    def __init__(self, user: str, password: str):
        self._basic, self._digest = httpx.BasicAuth(user, password), httpx.DigestAuth(user, password)
        self._chosen = None

    def auth_flow(self, request):
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if response.status_code != 401 or scheme not in ("basic", "digest"):
            return
        self._chosen = self._digest if scheme == "digest" else self._basic
        yield from self._chosen.auth_flow(request)


class _Client:
    """One HTTP client for a command's requests, with its errors turned into RemoteError."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self._http = httpx.Client(auth=_auth(endpoint), timeout=endpoint.timeout, follow_redirects=True,
                                  trust_env=False, headers={"User-Agent": "kg (SPARQL client)"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def request(self, method: str, url: str, what: str, **kwargs):
        shown = _without_userinfo(url)
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise RemoteError(f"{what}: {shown} did not answer within {self.endpoint.timeout:g} s "
                              "(--timeout)") from None
        except httpx.ConnectError as exc:
            raise RemoteError(f"{what}: cannot reach {shown}: {_reason(exc)}") from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"{what}: {shown}: {type(exc).__name__}: {_reason(exc)}") from None
        if response.status_code in (401, 403):
            if self.endpoint.user is None:
                raise RemoteError(f"{what}: {shown} asks for credentials (HTTP {response.status_code}): give --user "
                                  f"and --password, or {USER_ENV} and {PASSWORD_ENV}")
            raise RemoteError(f"{what}: {shown} refused the credentials of user {self.endpoint.user!r} "
                              f"(HTTP {response.status_code})")
        if response.status_code >= 400:
            raise RemoteError(f"{what}: {shown} answered HTTP {response.status_code} {response.reason_phrase}"
                              + _excerpt(response))
        return response


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    m = re.search(r"\[Errno -?\d+\] (.*)", text)
    return (m.group(1) if m else text).strip()


def _excerpt(response) -> str:
    """The start of an error body, as one line without markup."""
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        return ""
    text = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    if not text:
        return ""
    return ": " + (text if len(text) <= 300 else text[:300] + "…")


def _media_type(response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


# ------------------------------------------------------------------ queries
def bind_in_text(text: str, bindings: Mapping[str, object] | None) -> str:
    """The query with ``bindings`` (parameter name -> pyoxigraph term) bound as kg's own store binds them
    (kg.sparql.bind), in what every SPARQL 1.1 store reads; QueryError when that is not possible."""
    if not bindings:
        return text
    bound = bind(text, bindings, portable=True)
    _parse(bound)
    return bound


def _parse(text: str) -> None:
    """Raise QueryError when the text is not SPARQL (checked here, with kg's message, before a store sees it)."""
    from kg.sparql import syntax_error

    try:
        ox.Store().query(text, prefixes=ns.PREFIXES)
    except SyntaxError as exc:
        raise syntax_error(exc, text) from None


def with_prefixes(text: str) -> str:
    """The query with PREFIX lines for the project prefixes it uses without declaring them (kg answers
    those locally; a store would not know them)."""
    try:
        ox.Store().query(text)
        return text
    except SyntaxError:
        pass
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w.-]*):", text, re.IGNORECASE)}
    missing = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in ns.PREFIXES.items() if p.lower() not in declared)
    return missing + text


class RemoteStore:
    """A SPARQL endpoint behind the ``kg.store.Store`` interface (see the module docstring)."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self._client: _Client | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def client(self) -> _Client:
        if self._client is None:
            self._client = _Client(self.endpoint)
        return self._client

    def query(self, text: str, bindings: Mapping[str, object] | None = None, asserted_only: bool = False,
              name: str = "query", default_graphs=None, named_graphs=None, base_iri=None):
        from kg.store import Result
        from kg.sparql import check_safe, query_form

        check_safe(text, name)
        if asserted_only:
            raise UsageError("--asserted cannot be asked of a store: load it with kg load --asserted instead")
        _parse(text)  # a syntax error is reported by kg, with its line and column, before anything is sent
        sent = with_prefixes(bind_in_text(text, bindings))
        if base_iri:
            sent = f"BASE <{base_iri}>\n{sent}"
        form = query_form(text)
        data: dict[str, object] = {"query": sent}
        if default_graphs:
            data["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            data["named-graph-uri"] = list(named_graphs)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        response = self.client.request(
            "POST", self.endpoint.url, name, data=data,
            headers={"Accept": _GRAPH_ACCEPT if graph else _RESULTS_ACCEPT})
        if graph:
            return Result("graph", triples=_triples(response, name), name=name)
        return _results(response, name, ask=form == "ASK")

    def has_resource(self, term) -> bool:
        t = str(term)
        pattern = f"{{ {t} ?p ?o }} UNION {{ ?s ?p {t} }}" + (f" UNION {{ ?s {t} ?o }}"
                                                               if isinstance(term, ox.NamedNode) else "")
        # In the default graph or in a named one: the answer must not depend on the store's union setting.
        result = self.query(f"ASK {{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}", name=f"checking the parameter {ns.shorten(term.value)}")
        return bool(result.boolean)

    def union_problem(self) -> str | None:
        """Why the store's default graph cannot be the union of its graphs, or None: it is empty while its
        named graphs hold triples (Jena TDB2 without tdb:unionDefaultGraph, Oxigraph server without
        --union-default-graph), so every saved query would answer nothing."""
        # Two plain SELECTs with LIMIT 1, not one ASK with FILTER NOT EXISTS: Virtuoso 7.2 answers
        # ASK { FILTER NOT EXISTS { ?s ?p ?o } } true on a store full of triples.
        if self.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", name="checking the default graph").rows:
            return None
        if not self.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", name="checking the named graphs").rows:
            return None  # an empty store: nothing to warn about
        return (f"the default graph of {self.endpoint.url} is empty while its named graphs hold triples: the store "
                "does not query the union of its graphs by default (see docs/STORES.md for its setting)")

    def graph_names(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", name="graph names").rows
        return sorted(g.value for (g,) in rows if isinstance(g, ox.NamedNode))

    def graph_sizes(self, graphs: list[str]) -> dict[str, int]:
        """The number of triples in each of ``graphs`` (IRIs) that the store holds, asked SIZES_AT_ONCE graphs
        at a time."""
        sizes = {g: 0 for g in graphs}
        for start in range(0, len(graphs), SIZES_AT_ONCE):
            values = " ".join(f"<{g}>" for g in graphs[start:start + SIZES_AT_ONCE])
            rows = self.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                              "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", name="graph sizes").rows
            sizes.update({g.value: int(n.value) for g, n in rows})
        return sizes


def _results(response, name: str, ask: bool):
    from kg.store import Result

    media = _media_type(response)
    fmt = {"application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "application/xml": ox.QueryResultsFormat.XML}.get(media)
    shown = _without_userinfo(str(response.url))
    if fmt is None:
        raise RemoteError(f"{name}: {shown} answered {media or 'without a Content-Type'}, not SPARQL results")
    body = response.content
    try:
        parsed = ox.parse_query_results(body, fmt)
        if isinstance(parsed, ox.QueryBoolean):
            return Result("ask", boolean=bool(parsed), name=name)
        variables = [v.value for v in parsed.variables]
        rows = [tuple(solution[v] for v in variables) for solution in parsed]
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{name}: {shown} answered malformed SPARQL results: {exc}") from None
    if ask:
        if variables == [_VIRTUOSO_ASK]:  # one row of 1 for true, no row for false
            return Result("ask", boolean=any(isinstance(t, ox.Literal) and t.value not in ("0", "false")
                                             for (t,) in rows), name=name)
        raise RemoteError(f"{name}: {shown} answered an ASK query with a table, not a boolean")
    # Literals in their canonical form, as kg's own store answers (Virtuoso writes a boolean true as "1").
    canonical = [tuple(_canonical(t) for t in row) for row in rows]
    if canonical != rows:  # written from the rows
        return Result("select", variables=variables, rows=canonical, name=name)
    # pyoxigraph writes the W3C formats from a parsed answer again (blank nodes included)
    return Result("select", variables=variables, rows=rows, name=name,
                  rerun=lambda: ox.parse_query_results(body, fmt))


def _canonical(term):
    if isinstance(term, ox.Literal) and not term.language:
        lexical = canonical_lexical(term.value, term.datatype.value)
        if lexical != term.value:
            return ox.Literal(lexical, datatype=term.datatype)
    return term


def _triples(response, name: str) -> list:
    media = _media_type(response)
    shown = _without_userinfo(str(response.url))
    fmt = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None or fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        raise RemoteError(f"{name}: {shown} answered {media or 'without a Content-Type'}, not RDF triples")
    try:
        return list(ox.parse(response.content, format=fmt, base_iri=str(response.url)))
    except SyntaxError as exc:
        raise RemoteError(f"{name}: {shown} answered malformed {FORMATS_BY_RDF.get(fmt, media)}: {exc}") from None


FORMATS_BY_RDF = {f.rdf: f.label for f in FORMATS.values() if f.rdf is not None}


# ------------------------------------------------------------------ loading
@dataclass
class GraphLoad:
    graph: str
    triples: int


PIECE = 8 * 1024 * 1024  # bytes of N-Triples one request carries at most: a larger graph is a PUT, then POSTs
CONNECTIONS = 4  # requests in flight at once (kg load --connections)
SIZES_AT_ONCE = 1000  # graphs whose sizes one query asks for (a query naming 40,000 graphs is megabytes)

_LOAD_RANK = {ns.ONTOLOGY_GRAPH.encode(): b"0", ns.INFERRED_GRAPH.encode(): b"2"}


def graph_first_lines(block: bytes) -> bytes:
    """N-Quads lines whose graph names are IRIs (bytes of whole lines) as ``R IRI <s> <p> o .`` lines, literals
    canonical, R the graph's place in the load order (0 the ontology, 1 a source, 2 the inferred graph):
    sorted bytewise they come graph by graph, in load order and by IRI (the space after the IRI sorts
    before any character an IRI may continue with). A module-level function: sorting processes run it."""
    out = []
    for line in canonical_nquads(block).splitlines():
        if line:
            head, graph, _dot = line.rsplit(b" ", 2)  # "<s> <p> o <g> .": an IRI holds no space
            iri = graph[1:-1]
            out.append(_LOAD_RANK.get(iri, b"1") + iri + b" " + head + b" .")
    return b"\n".join(out) + b"\n" if out else b""


@dataclass(frozen=True)
class GraphPiece:
    """Part of a named graph as N-Triples: the ``first`` replaces the graph (PUT), the others add to it
    (POST); every triple holding a blank node is in the ``last``, so that a label names one node."""

    graph: str
    data: bytes
    triples: int
    first: bool = True
    last: bool = True


def graph_pieces(built, asserted_only: bool = False, piece: int = PIECE, advance=None) -> Iterator[GraphPiece]:
    """The named graphs of a build, each triple once, in load order (the ontology, the sources by IRI, the
    inferred graph last unless ``asserted_only``), in pieces of at most ``piece`` bytes: the files are
    sorted by graph on disk (kg.linesort, in the system's temporary folder), so that memory holds a few
    pieces whatever the size of the build. The triples holding a blank node are the exception: a graph's
    are all held for its last piece (the build's data has none; the ontology's axioms some hundred lines).
    ``advance`` (a progress step's) is told the MiB read to sort."""
    from kg.linesort import files_blocks, sorted_unique_lines
    from kg.memory import usable_cores

    files = [built.path / "asserted.nq"] + ([] if asserted_only else [built.path / "inferred.nq"])
    blocks = files_blocks(files, advance, "MiB of statements read and sorted by graph")
    scratch = Path(tempfile.gettempdir())
    key = None
    graph, held, blank, size, first = "", [], [], 0, True
    for batch in _sorting_in(scratch, sorted_unique_lines(blocks, scratch, transform=graph_first_lines,
                                                          workers=usable_cores())):
        for line in batch:
            line_key, triple = line.split(b" ", 1)
            if line_key != key:
                if key is not None:
                    yield GraphPiece(graph, _lines(held + blank), len(held) + len(blank), first, True)
                key, graph = line_key, line_key[1:].decode("utf-8")
                held, blank, size, first = [], [], 0, True
            if b"_:" in triple:  # may hold a blank node (or a literal that looks like one: held all the same)
                blank.append(triple)
                continue
            if held and size + len(triple) >= piece:
                yield GraphPiece(graph, _lines(held), len(held), first, False)
                held, size, first = [], 0, False
            held.append(triple)
            size += len(triple) + 1
    if key is not None:
        yield GraphPiece(graph, _lines(held + blank), len(held) + len(blank), first, True)


def _sorting_in(scratch: Path, batches: Iterator[list[bytes]]) -> Iterator[list[bytes]]:
    """``batches`` as they come; a folder that cannot take the sort's runs (full, not writable) is a
    ResourceError naming it and TMPDIR."""
    try:
        yield from batches
    except OSError as exc:
        raise ResourceError(f"cannot sort the build by graph in {scratch}: {exc.strerror or exc} (TMPDIR names "
                            "another folder for it)") from None


def _lines(lines: list[bytes]) -> bytes:
    return b"\n".join(lines) + b"\n"


def load(built, endpoint: Endpoint, asserted_only: bool = False, reporter=None,
         connections: int | None = None) -> list[GraphLoad]:
    """Replace each named graph of ``built`` in the store, then check it holds exactly what was sent
    (see send_pieces). With ``asserted_only`` the inferred graph is not sent, and one an earlier load
    left in the store is deleted, so that the store answers as ``kg query --asserted`` does."""
    from kg.progress import SILENT

    reporter = reporter or SILENT
    return send_pieces(graph_pieces(built, asserted_only, advance=reporter.advance), endpoint, reporter=reporter,
                       delete=[ns.INFERRED_GRAPH] if asserted_only else [], connections=connections)


def send_graphs(graphs: Iterable[tuple[str, bytes]], endpoint: Endpoint, reporter=None, delete: list[str] = (),
                connections: int | None = None) -> list[GraphLoad]:
    """Replace each (graph IRI, N-Triples) in the store, one request each (see send_pieces)."""
    pieces = (GraphPiece(graph, data, data.count(b"\n")) for graph, data in graphs)
    return send_pieces(pieces, endpoint, reporter=reporter, delete=delete, connections=connections)


def send_pieces(pieces: Iterable[GraphPiece], endpoint: Endpoint, reporter=None, delete: list[str] = (),
                connections: int | None = None) -> list[GraphLoad]:
    """Send each piece through the Graph Store Protocol, ``connections`` requests at a time (a graph's
    pieces one after the other: its first PUT replaces it, the rest POST), DELETE the graphs in ``delete``
    (absent ones are no error), then read every graph's triple count back: a load that the store did not
    take whole is an error, never a success. ``connections`` defaults to CONNECTIONS."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    from kg.progress import SILENT

    reporter = reporter or SILENT
    connections = CONNECTIONS if connections is None else connections
    if connections < 1:
        raise UsageError(f"connections: {connections}: at least one request must be in flight")
    done: list[GraphLoad] = []
    begun: set[str] = set()  # the graphs whose first piece the store took (replaced, or partly)
    sent_triples = 0
    senders = _Senders(endpoint)
    # At most two requests queued per connection: the pieces in memory are bounded too. The threads start
    # with the first request, once the pieces' sort (which forks from a process running one thread) is done.
    in_flight: deque = deque()
    with reporter.step("sending graphs") as step, ThreadPoolExecutor(connections, "kg-load") as pool:
        def taken(piece: GraphPiece, loaded: GraphLoad | None) -> None:
            nonlocal sent_triples
            begun.add(piece.graph)
            if loaded is not None:
                done.append(loaded)
                sent_triples += loaded.triples
                step.advance(len(done), None, f"{sent_triples} triples; {ns.shorten(loaded.graph)}")

        def finish(oldest=True):
            future, piece, loaded = in_flight.popleft() if oldest else in_flight.pop()
            future.result()
            taken(piece, loaded)

        try:
            graph_triples = 0
            for piece in pieces:
                if not piece.first:  # the piece before it, of the same graph, is the last one queued
                    finish(oldest=False)
                graph_triples = piece.triples + (0 if piece.first else graph_triples)
                loaded = GraphLoad(piece.graph, graph_triples) if piece.last else None
                in_flight.append((pool.submit(senders.send, piece), piece, loaded))
                while len(in_flight) > 2 * connections:
                    finish()
            while in_flight:
                finish()
        except RemoteError as exc:
            for future, _piece, _loaded in in_flight:
                future.cancel()
            for future, piece, loaded in in_flight:  # requests already on their way: what the store took
                if not future.cancelled() and future.exception() is None:
                    taken(piece, loaded)
            raise RemoteError(f"{exc}; {_partial(done, begun)}") from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            senders.close()
            if hasattr(pieces, "close"):  # a generator's sort: its runs and workers go now, not when collected
                pieces.close()
        step.done(f"{len(done)} graphs, {sent_triples} triples")
    with RemoteStore(endpoint) as store:
        for graph in delete:
            _delete_graph(store.client, endpoint, graph)
        with reporter.step("checking what the store holds") as step:
            sizes = store.graph_sizes([g.graph for g in done])
            wrong = [g for g in done if sizes.get(g.graph) != g.triples]
            if wrong:
                g = wrong[0]
                raise RemoteError(f"after the load the store holds {sizes.get(g.graph)} triples in graph <{g.graph}>, "
                                  f"not the {g.triples} sent ({len(wrong)} of {len(done)} graphs differ)")
            step.done(f"{len(done)} graphs, {sent_triples} triples")
    return done


class _Senders:
    """An HTTP client per sending thread: each logs in on its own (a digest login counts its requests)."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self._local = threading.local()
        self._clients: list[_Client] = []
        self._lock = threading.Lock()

    def send(self, piece: GraphPiece) -> None:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = _Client(self.endpoint)
            with self._lock:
                self._clients.append(client)
        client.request("PUT" if piece.first else "POST", self.endpoint.graph_store_url,
                       f"loading graph <{piece.graph}>", params={"graph": piece.graph}, content=piece.data,
                       headers={"Content-Type": FORMATS["nt"].media_type})

    def close(self) -> None:
        for client in self._clients:
            client.close()


def validate_remote(project, endpoint: Endpoint):
    """The saved checks of ``project`` run on the store, as a kg.validate.Report (the SHACL shapes
    run at build time, on kg's own store, and are not part of it)."""
    from kg.catalogue import Catalogue
    from kg.report import Report
    from kg.validate import check_issues

    with RemoteStore(endpoint) as store:
        problem = store.union_problem()  # else every check would pass on a store that sees no data
        if problem:
            raise RemoteError(problem)
        return Report(check_issues(store, Catalogue.of(project, checks_only=True).checks()))


def _partial(done: list[GraphLoad], begun: set[str]) -> str:
    """What a failed load left: the graphs replaced whole, and those the store took only some pieces of."""
    partly = sorted(begun - {g.graph for g in done})
    if not done and not partly:
        return "nothing was loaded"
    text = f"the load is incomplete: {len(done)} graphs were replaced"
    if partly:
        text += f", and {len(partly)} only in part (<{partly[0]}>{' …' if len(partly) > 1 else ''})"
    return text + " (run kg load again)"


def _delete_graph(client: _Client, endpoint: Endpoint, graph: str) -> None:
    """DELETE a graph through the Graph Store Protocol; a graph the store does not have is no error."""
    try:
        client.request("DELETE", endpoint.graph_store_url, f"deleting graph <{graph}>", params={"graph": graph})
    except RemoteError as exc:
        if "HTTP 404" not in str(exc):
            raise


# ------------------------------------------------------------------ updates
_FORBIDDEN_IN_PATCH = re.compile(r"(?<![\w?$])(LOAD|SERVICE)(?!\w)", re.IGNORECASE)


def apply_patch(endpoint: Endpoint, text: str, name: str = "patch") -> None:
    """Send a SPARQL Update (such as the one kg diff writes) to the store's update service in one request.
    LOAD and SERVICE are refused: the store would fetch from elsewhere."""
    from kg.sparql import blank_out

    m = _FORBIDDEN_IN_PATCH.search(blank_out(text))
    if m:
        raise QueryError(f"{name}: {m.group(1).upper()} is refused in a patch: it would make the store reach "
                         "the network")
    try:
        ox.Store().update(text)  # syntax checked here, on an empty store, before the store sees it
    except SyntaxError as exc:
        raise QueryError(f"{name}: not a SPARQL Update: {' '.join(str(exc).split())}") from None
    with _Client(endpoint) as client:
        client.request("POST", endpoint.update_url, f"applying {name}", content=text.encode("utf-8"),
                       headers={"Content-Type": "application/sparql-update"})
