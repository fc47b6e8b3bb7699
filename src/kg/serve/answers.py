"""Writing answers within the caps, and carrying them from a worker to the client.

Owns the serialisation of what the engine returns (W3C SPARQL results,
RDF documents) within the two caps on every answer, ``max_rows`` and
``max_bytes``: both cut at a row or triple boundary, so what is sent is
always a complete document, and the client learns of a cut from
``KG-Results-Truncated`` before the first byte.  Also the spool: a large
answer goes from the worker to a file of the server's snapshot
(:class:`Spool`) and is streamed from there (:func:`response`), so the
server process never holds it.  docs/SERVE.md, "Rows and bytes", says how.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

from kg import namespaces as ns
from kg.formats import serialize_triples
from kg.serve.limits import INLINE_BYTES

XSD_STRING = ns.PREFIXES["xsd"] + "string"
TRUNCATED = "KG-Results-Truncated"
CHUNK = 64 * 1024


def json_term(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(t.subject), "predicate": json_term(t.predicate),
                                            "object": json_term(t.object)}}
    raise TypeError(f"not an RDF term: {t!r}")


def term_dict(t) -> dict:
    """A pyoxigraph term as a small dict (the shape of SPARQL JSON results, with xsd:string spelled out)."""
    d = json_term(t)
    if d["type"] == "literal" and "datatype" not in d and "xml:lang" not in d:
        d["datatype"] = XSD_STRING
    return d


def select_results(variables: list[str], rows, fmt: str) -> bytes:
    """W3C SPARQL 1.1 results for already-read rows.

    JSON is written here; XML, CSV and TSV are pyoxigraph's own writers,
    fed by parsing that JSON back, so they are the same writers ``kg query``
    uses."""
    import pyoxigraph as ox

    from kg.formats import FORMATS

    doc = {"head": {"vars": variables}, "results": {"bindings": [
        {v: json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]}}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == "json":
        return data
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=FORMATS[fmt].results)


# ------------------------------------------------------------------- caps

def _value_bytes(term) -> int:
    """The UTF-8 size of a term's value: every results format writes at least that much for it."""
    return 0 if term is None else len(getattr(term, "value", "").encode("utf-8"))


def row_floor(row) -> int:
    return sum(_value_bytes(t) for t in row)


def triple_floor(t) -> int:
    # IRIs may shrink to prefixed names in Turtle; a literal's value is written whole in every RDF format
    import pyoxigraph as ox

    return _value_bytes(t.object) if isinstance(t.object, ox.Literal) else 0


def read_capped(items, max_rows: int, max_bytes: int, floor, distinct: bool = False) -> tuple[list, str | None]:
    """(at most ``max_rows`` items, the cap that cut them or None), reading no further than needed.

    Reading also stops once the items' ``floor`` (a lower bound of their
    written size) passes ``max_bytes``: nothing after that could be sent."""
    kept: dict | list = {} if distinct else []
    size = 0
    for item in items:
        if distinct and item in kept:
            continue
        if len(kept) == max_rows:
            return list(kept), f"max-rows={max_rows}"
        size += floor(item)
        if size > max_bytes:
            return list(kept), f"max-bytes={max_bytes}"
        if distinct:
            kept[item] = None
        else:
            kept.append(item)
    return list(kept), None


def fit(items: list, write, max_bytes: int) -> tuple[bytes, int]:
    """(``write`` of the longest prefix of ``items`` whose document is at most ``max_bytes``, its length).

    One write when everything fits (the usual case); otherwise a binary
    search over the prefix length, as the size of a document is not always
    the sum of its items' sizes (Turtle groups, JSON-LD nests)."""
    body = write(items)
    if len(body) <= max_bytes:
        return body, len(items)
    lo, hi = 0, len(items)  # write(items[:lo]) fits (an empty document always does), write(items[:hi]) does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if len(write(items[:mid])) <= max_bytes:
            lo = mid
        else:
            hi = mid
    return write(items[:lo]), lo


def capped_rows(variables: list[str], rows, fmt: str, max_rows: int, max_bytes: int) -> dict:
    """A SELECT answer within both caps: {"body", "count", "cut"}."""
    kept, cut = read_capped(rows, max_rows, max_bytes, row_floor)
    body, n = fit(kept, lambda rs: select_results(variables, rs, fmt), max_bytes)
    return {"body": body, "count": n, "cut": f"max-bytes={max_bytes}" if n < len(kept) else cut}


def capped_triples(triples, fmt: str, max_rows: int, max_bytes: int) -> dict:
    """An RDF document of distinct triples within both caps: {"body", "count", "cut"}."""
    kept, cut = read_capped(triples, max_rows, max_bytes, triple_floor, distinct=True)
    body, n = fit(kept, lambda ts: serialize_triples(ts, fmt), max_bytes)
    return {"body": body, "count": n, "cut": f"max-bytes={max_bytes}" if n < len(kept) else cut}


# -------------------------------------------------------- worker -> client

class Spool:
    """Where a worker puts answers too large to send inline: files in a folder of the server's snapshot."""

    def __init__(self, folder: str | None):
        self.folder = Path(folder) if folder else None
        self._names = itertools.count()

    def pack(self, answer: dict) -> dict:
        """``answer`` with its "body" moved to a spool file ("file", "size") when it is large."""
        body = answer.get("body")
        if self.folder is None or body is None or len(body) <= INLINE_BYTES:
            return answer
        path = self.folder / f"{os.getpid()}-{next(self._names)}.answer"
        with open(path, "wb") as f:
            f.write(body)
        return {**{k: v for k, v in answer.items() if k != "body"}, "file": str(path), "size": len(body)}


def unpack(answer: dict):
    """(the body's bytes or an open file, its size): a spool file is unlinked once open, so it never outlives
    its reader."""
    if "file" not in answer:
        return answer["body"], len(answer["body"])
    f = open(answer["file"], "rb")
    try:
        os.unlink(answer["file"])
    except OSError:
        pass
    return f, answer["size"]


def discard(answer: dict) -> None:
    """Remove the spool file of an answer that will not be sent."""
    if "file" in answer:
        try:
            os.unlink(answer["file"])
        except OSError:
            pass


async def stream(f):
    """The pieces of an open spool file, closed at the end (or when the client goes away)."""
    try:
        while True:
            piece = f.read(CHUNK)
            if not piece:
                return
            yield piece
    finally:
        f.close()


def response(request, out: dict, media: str, headers: dict):
    """A worker's document ({"body" or "file", "cut"}) as the response to ``request``: a spool file is
    streamed, never read whole; a cut answer says which cap cut it (KG-Results-Truncated: max-rows=N or
    max-bytes=N)."""
    from starlette.responses import Response, StreamingResponse

    headers = dict(headers)
    if out.get("cut"):
        headers[TRUNCATED] = out["cut"]
    body, size = unpack(out)
    if isinstance(body, bytes):
        return Response(body, media_type=media, headers=headers)
    if request.method == "HEAD":
        body.close()
        return Response(b"", media_type=media, headers={**headers, "Content-Length": str(size)})
    return StreamingResponse(stream(body), media_type=media, headers={**headers, "Content-Length": str(size)})
