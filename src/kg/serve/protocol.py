"""Reading requests: the SPARQL 1.1 Protocol, content negotiation, and the query guard.

Owns everything that turns an HTTP request into a decision before any
engine is involved: which format an ``Accept`` header allows (over the
media types of :mod:`kg.formats`, the project's one table), what a
``/sparql`` request asks (query, parameters, graphs, format) or why it is
refused (403 update, 400 malformed, 413/414 too large, 415 content type),
the *guard* that refuses a pathologically nested or long query with 400
before a worker parses it, and the fingerprint under which admission
remembers a query.  Also the text-level parts of a query the worker needs
(``FROM`` clauses), which are parsed here with the same stripping.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from dataclasses import dataclass

from kg import namespaces as ns
from kg.errors import QueryError
from kg.formats import FORMATS, GRAPH_FORMATS, RESULTS_FORMATS
from kg.serve.limits import HttpError, Settings
from kg.sparql import blank_out

# ------------------------------------------------------ content negotiation


def bare(media_type: str) -> str:
    """A media type without its parameters (``text/csv; charset=utf-8`` -> ``text/csv``)."""
    return media_type.split(";")[0].strip()


def offers(*names: str) -> list[tuple[str, str]]:
    """[(media type, format name)] for ``names``: their own media types in that order, then their aliases."""
    own = [(bare(FORMATS[n].media_type), n) for n in names]
    return own + [(alias, n) for n in names for alias in FORMATS[n].aliases]


SELECT_OFFERS = offers(*RESULTS_FORMATS)
GRAPH_OFFERS = offers(*GRAPH_FORMATS)
HTML_OFFERS = offers("html")
RDF_OFFERS = GRAPH_OFFERS
LD_OFFERS = HTML_OFFERS + GRAPH_OFFERS  # what a linked-data address offers: a page first, then RDF
PLAIN = FORMATS["text"].media_type
# file suffix <-> format of the linked-data documents (the formats' own extensions)
SUFFIXES = {FORMATS[n].extension.lstrip("."): n for n in GRAPH_FORMATS}
FORMAT_SUFFIX = {v: k for k, v in SUFFIXES.items()}


def _format_param() -> dict[str, tuple[str | None, str | None]]:
    """The ``format`` request parameter (as in Fuseki and Virtuoso) -> (format for SELECT/ASK, for graphs):
    a format's name, a graph format's extension, and ``json`` / ``xml`` for the graph formats that take
    application/json and application/xml as aliases (JSON-LD, RDF/XML)."""
    table = {n: [n, None] for n in RESULTS_FORMATS}
    for n in GRAPH_FORMATS:
        for word in (n, FORMATS[n].extension.lstrip(".")):
            table.setdefault(word, [None, None])[1] = n
    for n in GRAPH_FORMATS:
        for alias in FORMATS[n].aliases:
            word = alias.split("/")[1]
            if word in table and table[word][1] is None:
                table[word][1] = n
    return {word: (pair[0], pair[1]) for word, pair in table.items()}


FORMAT_PARAM = _format_param()


def _parse_accept(header: str) -> list[tuple[str, str, float]]:
    ranges = []
    for part in header.split(","):
        items = [p.strip() for p in part.split(";")]
        media = items[0].lower()
        if media == "*":
            media = "*/*"
        if not media or "/" not in media:
            continue
        q = 1.0
        for p in items[1:]:
            k, _, v = p.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(v.strip())))
                except ValueError:
                    q = 0.0
        t, _, s = media.partition("/")
        ranges.append((t, s, q))
    return ranges


def negotiate(header: str | None, choices) -> list[str]:
    """The formats of ``choices`` ([(media type, format)]) the Accept header allows, best first.

    Quality values count; the most specific matching range sets an offer's
    quality (RFC 9110 §12.5.1); ties go to the server's order.  No header
    means anything goes, in the server's order."""
    seen: list[str] = []
    if not header or not header.strip():
        return list(dict.fromkeys(fmt for _, fmt in choices))
    ranges = _parse_accept(header)
    scored = []
    for i, (media, fmt) in enumerate(choices):
        t, _, s = media.partition("/")
        best = None
        for rt, rs, q in ranges:
            spec = 3 if (rt, rs) == (t, s) else 2 if (rt == t and rs == "*") else 1 if (rt, rs) == ("*", "*") else 0
            if spec and (best is None or spec > best[0]):
                best = (spec, q)
        if best is not None and best[1] > 0:
            scored.append((-best[1], i, fmt))
    for _, _, fmt in sorted(scored):
        if fmt not in seen:
            seen.append(fmt)
    return seen


def choose_format(request, choices, what: str) -> str:
    """The best of ``choices`` for the request's Accept; 406 listing the offered media types when none fits."""
    accept = request.headers.get("accept")
    fmts = negotiate(accept, choices)
    if not fmts:
        media = ", ".join(dict.fromkeys(m for m, _ in choices))
        raise HttpError(406, f"{what} is available as {media}; the request's Accept ({accept}) allows none of them",
                        {"Vary": "Accept"})
    return fmts[0]


# ------------------------------------------------------------- the guard

_OPEN, _CLOSE = "({[", ")}]"
# Operators that each add a level to the engine's expression or pattern tree (left-deep chains recurse too).
_OPERATORS = re.compile(r"&&|\|\||!=|<=|>=|[-+*/|^!=<>]|(?<![\w?$:])(?:UNION|MINUS|OPTIONAL)(?![\w:])", re.IGNORECASE)


def guard(text: str, settings: Settings) -> None:
    """Refuse, with 400, a query nested or chained deeper than the engine's parser can take.

    The engine parses and plans recursively: a query 5,000 braces deep (or
    a chain of thousands of operators) overflows its native stack and kills
    the process.  Counted on the text with strings, IRIs and comments blanked
    out, so nothing inside them counts."""
    stripped = blank_out(text)
    depth = deepest = 0
    for ch in stripped:
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE:
            depth -= 1
    if deepest > settings.max_depth:
        raise HttpError(400, f"the query nests {deepest} levels deep (brackets, braces and parentheses together); "
                             f"this endpoint takes at most {settings.max_depth} (--max-depth)")
    operators = sum(1 for _ in _OPERATORS.finditer(stripped))
    if operators > settings.max_operators:
        raise HttpError(400, f"the query has {operators} operators; this endpoint takes at most "
                             f"{settings.max_operators} (--max-operators): split it, or use VALUES for long lists")


def fingerprint(*parts) -> str:
    """A short stable digest of a query and its arguments: admission remembers queries under it."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


# --------------------------------------------- query text: updates and FROM

# (matched on kg.sparql.blank_out's text, where the names and IRIs of PREFIX / BASE may be blanked out)
_UPDATE_START = re.compile(
    r"^\s*(?:(?:BASE|PREFIX(?:\s*[^\s:<]*:)?)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:\-])",
    re.IGNORECASE,
)
_KEYWORD_FROM = re.compile(r"(?<![\w?$:\-.])FROM(?![\w:\-])", re.IGNORECASE)
_FROM_CLAUSE = re.compile(
    r"FROM(\s+NAMED)?\s+(?:<([^<>\"{}|^`\\\x00-\x20]*)>|([A-Za-z][\w.\-]*)?:((?:[\w\-:%.]|\\.)*[\w\-:%]|))",
    re.IGNORECASE,
)
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.\-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_BASE_DECL = re.compile(r"BASE\s*<([^>]*)>", re.IGNORECASE)


def update_keyword(text: str) -> str | None:
    """The SPARQL Update operation a request's text starts with, if any."""
    m = _UPDATE_START.match(blank_out(text))
    return m.group(1).upper() if m else None


def dataset_clauses(text: str) -> tuple[str, list[str], list[str]]:
    """(the text with its FROM / FROM NAMED clauses blanked out, FROM IRIs, FROM NAMED IRIs).

    Blanking keeps every other character where it was, so syntax errors
    still point at the right line and column.  Prefixed names are expanded
    with the query's PREFIX declarations and the project prefixes; relative
    IRIs against the query's BASE."""
    stripped = blank_out(text)
    prefixes = dict(ns.PREFIXES)
    base = None
    for m in re.finditer(r"(?<![\w?$:\-.])(PREFIX|BASE)(?![\w:\-])", stripped, re.IGNORECASE):
        if m.group(1).upper() == "PREFIX":
            d = _PREFIX_DECL.match(text, m.start())
            if d:
                prefixes[d.group(1) or ""] = d.group(2)
        else:
            d = _BASE_DECL.match(text, m.start())
            if d:
                base = d.group(1)
    chars = list(text)
    defaults: list[str] = []
    named: list[str] = []
    for m in _KEYWORD_FROM.finditer(stripped):
        c = _FROM_CLAUSE.match(text, m.start())
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        if not c:
            raise QueryError(f"query:{line}:{col}: FROM must be followed by an IRI (FROM <…> or FROM NAMED <…>)")
        if c.group(2) is not None:
            iri = c.group(2)
            if base and not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri):
                iri = urllib.parse.urljoin(base, iri)
        else:
            prefix = c.group(3) or ""
            if prefix not in prefixes:
                raise QueryError(f"query:{line}:{col}: unknown prefix {prefix!r} in the FROM clause")
            iri = prefixes[prefix] + re.sub(r"\\(.)", r"\1", c.group(4))
        (named if c.group(1) else defaults).append(iri)
        for i in range(c.start(), c.end()):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars), defaults, named


# ------------------------------------------------------- protocol requests


def client_of(request) -> str:
    """Who sent a request, for per-client admission: its address (or a trusted proxy's X-Forwarded-For)."""
    return request.client.host if request.client else "-"



@dataclass
class ProtocolRequest:
    query: str
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    params: dict[str, str]
    select_fmts: list[str]
    graph_fmts: list[str]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.query, sorted(self.params.items()), self.default_graphs, self.named_graphs)


def _iri_list(values: list[str], name: str) -> list[str]:
    import pyoxigraph as ox

    for v in values:
        try:
            ox.NamedNode(v)
        except ValueError as exc:
            raise HttpError(400, f"{name}={v!r} is not an absolute IRI ({exc})") from None
    return values


def _decode_params(raw: str, where: str) -> list[tuple[str, str]]:
    try:
        return urllib.parse.parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise HttpError(400, f"the {where} is not UTF-8 once percent-decoded") from None
    except ValueError as exc:
        raise HttpError(400, f"the {where} cannot be read: {exc}") from None


def _charset_ok(content_type: str) -> bool:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return False
    return True


QUERY_BODY, UPDATE_BODY, FORM_BODY = (bare(FORMATS[n].media_type) for n in ("sparql-query", "sparql-update", "form"))
_BODIES = f"{FORM_BODY} (query=…) or {QUERY_BODY} (the query as the body)"


async def read_body(request, limit: int) -> bytes:
    """The request body, refused with 413 beyond ``limit`` bytes (checked on Content-Length first)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise HttpError(413, f"the request body ({length} bytes) is larger than this endpoint's limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"the request body is larger than this endpoint's limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _post_params(request, limit: int) -> tuple[list[tuple[str, str]], str | None]:
    """The parameters of a POST's form body, or its application/sparql-query body as the query."""
    ctype = request.headers.get("content-type", "")
    mime = bare(ctype).lower()
    body = await read_body(request, limit)
    if mime == FORM_BODY:
        if not _charset_ok(ctype):
            raise HttpError(415, "form-encoded requests must be UTF-8")
        try:
            text = body.decode("ascii")
        except UnicodeDecodeError:
            raise HttpError(400, "a form-encoded body must be ASCII (percent-encode the rest)") from None
        return _decode_params(text, "form-encoded body"), None
    if mime in (QUERY_BODY, UPDATE_BODY):
        if not _charset_ok(ctype):
            raise HttpError(415, f"{mime} bodies must be UTF-8 (SPARQL 1.1 Protocol §2.1.3)")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, f"the {mime} body is not valid UTF-8") from None
        if mime == UPDATE_BODY:
            raise HttpError(403, f"this endpoint is read-only: SPARQL Update requests ({UPDATE_BODY}) are refused")
        return [], text
    if not mime:
        raise HttpError(415, f"a POST needs a Content-Type: {_BODIES}")
    raise HttpError(415, f"unsupported Content-Type {mime!r}: use {_BODIES}")


def _one_operation(params, direct_query: str | None, method: str) -> list[str]:
    """The query texts of a request after refusing updates and duplicates (at most one is left)."""
    queries = [v for k, v in params if k == "query"]
    updates = [v for k, v in params if k == "update"]
    if direct_query is not None:
        if queries:
            raise HttpError(400, f"a query given both as the body ({QUERY_BODY}) and as a query= parameter: "
                                 "send exactly one")
        queries = [direct_query]
    if queries and updates:
        raise HttpError(400, "a request carries both query= and update=: send exactly one operation")
    if len(queries) > 1:
        raise HttpError(400, f"{len(queries)} query= parameters: send exactly one query per request")
    if len(updates) > 1:
        raise HttpError(400, f"{len(updates)} update= parameters: send exactly one update per request "
                             "(and this endpoint is read-only)")
    if updates:
        how = " (and never by GET)" if method in ("GET", "HEAD") else ""
        raise HttpError(403, f"this endpoint is read-only: SPARQL Update requests are refused{how}")
    for k, _ in params:
        if k in ("using-graph-uri", "using-named-graph-uri"):
            raise HttpError(400, f"{k} is a parameter of SPARQL Update; this endpoint is read-only")
    return queries


def _formats(params, accept: str | None) -> tuple[list[str], list[str]]:
    """(SELECT/ASK formats, graph formats) the request allows, best first: ``format=`` overrides Accept."""
    select_fmts, graph_fmts = negotiate(accept, SELECT_OFFERS), negotiate(accept, GRAPH_OFFERS)
    fmt = [v for k, v in params if k in ("format", "output")]
    if fmt:
        choice = FORMAT_PARAM.get(fmt[-1].strip().lower())
        if choice is None:
            raise HttpError(400, f"format={fmt[-1][:100]!r} is unknown; use one of {', '.join(FORMAT_PARAM)}")
        select_fmts = [choice[0]] if choice[0] else []
        graph_fmts = [choice[1]] if choice[1] else []
    if not select_fmts and not graph_fmts:
        media = ", ".join(dict.fromkeys(m for m, _ in offers(*RESULTS_FORMATS, *GRAPH_FORMATS)))
        raise HttpError(406, f"no result format matches Accept: {accept}; this endpoint writes {media}")
    return select_fmts, graph_fmts


async def read_request(request, settings: Settings) -> ProtocolRequest | None:
    """Read a SPARQL 1.1 Protocol query request; None for a GET (or HEAD) without query (service description)."""
    raw_qs = request.scope.get("query_string", b"")
    if len(raw_qs) > settings.max_body:
        raise HttpError(414, f"the request URL's query string is longer than {settings.max_body} bytes; "
                             "send the query by POST")
    params = _decode_params(raw_qs.decode("latin-1"), "URL query string")
    direct_query = None
    if request.method == "POST":
        more, direct_query = await _post_params(request, settings.max_body)
        params += more
    queries = _one_operation(params, direct_query, request.method)
    if not queries:
        if request.method in ("GET", "HEAD"):
            return None
        raise HttpError(400, f"missing query: send query=… (form-encoded) or an {QUERY_BODY} body")
    text = queries[0]
    if not text.strip():
        raise HttpError(400, "the query is empty")
    if len(text.encode("utf-8")) > settings.max_body:
        raise HttpError(413, f"the query is longer than {settings.max_body} bytes")
    word = update_keyword(text)
    if word:
        raise HttpError(403, f"this endpoint is read-only: {word} is a SPARQL Update operation and is refused")
    guard(text, settings)
    defaults = [v for k, v in params if k == "default-graph-uri"]
    named = [v for k, v in params if k == "named-graph-uri"]
    bind: dict[str, str] = {}
    for k, v in params:
        if k.startswith("$") and len(k) > 1:
            if k[1:] in bind:
                raise HttpError(400, f"parameter {k} is given twice")
            bind[k[1:]] = v
    select_fmts, graph_fmts = _formats(params, request.headers.get("accept"))
    given = bool(defaults or named)
    return ProtocolRequest(text, _iri_list(defaults, "default-graph-uri") if given else None,
                           _iri_list(named, "named-graph-uri") if given else None, bind, select_fmts, graph_fmts)
