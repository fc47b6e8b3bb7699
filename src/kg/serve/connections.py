"""The HTTP connections: time limits on slow clients, a cap on open connections, and safe headers.

Owns what happens below the application, in uvicorn's HTTP/1.1 protocol
(h11), which on its own waits forever for a client that sends one byte
every few seconds: :class:`GuardedProtocol` holds ``--header-timeout``,
``--body-timeout``, ``--send-timeout``, ``--idle-timeout`` and
``--max-connections``, and reads and drops what follows an oversized
request head (414 or 431) before it closes (docs/SERVE.md, "Connections:
slow clients").  Also :class:`SafeHeaders` (``nosniff`` and a strict
Content-Security-Policy on every answer), :func:`uvicorn_config` and
:func:`listen` (the server binds its socket before anything starts).
"""

from __future__ import annotations

import socket

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.errors import KgError
from kg.formats import FORMATS
from kg.memory import trim_memory
from kg.serve.limits import ACCEPT_BATCH

LINGER = 2.0  # seconds a refused connection is still read (and dropped) before it closes
LARGE = 256 * 1024  # bytes read on one connection after which its close hands freed memory back to the system
TRIM_EVERY = 1.0  # seconds: freed memory is handed back at most this often
HEAD_ROOM = 16 * 1024  # bytes of request head (method, path, headers) allowed beyond --max-body
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"content-security-policy", CSP.encode()),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class StrictFraming(h11.Connection):
    """h11's server side, refusing the requests whose body has no single framing (RFC 9112 §6.1, §6.3).

    h11 reads a request with both ``Transfer-Encoding`` and ``Content-Length``
    as chunked and keeps the connection: a proxy in front that went by the
    length would see another request in the same bytes (request smuggling).
    Such a request, and ``Transfer-Encoding`` in an HTTP/1.0 request (whose
    framing is faulty by the RFC), are protocol errors here: the server
    answers 400 and closes.  Conflicting ``Content-Length`` values are h11's
    own error already; the same value repeated is one length (§6.3)."""

    refusal: str | None = None  # why the request was refused, for the 400's message

    def next_event(self):
        event = super().next_event()
        if isinstance(event, h11.Request):
            names = {name.lower() for name, _ in event.headers}
            if b"transfer-encoding" in names and (b"content-length" in names or event.http_version == b"1.0"):
                with_what = "Content-Length" if b"content-length" in names else "an HTTP/1.0 request"
                self.refusal = (f"Transfer-Encoding with {with_what} leaves the body's length ambiguous "
                                "(RFC 9112 §6.1); send one of them")
                raise h11.RemoteProtocolError(self.refusal)
        return event


class GuardedProtocol(H11Protocol):
    """uvicorn's h11 protocol with the time limits and the connection cap of the module docstring, and
    :class:`StrictFraming` under it."""

    settings = None  # set by guarded_protocol()
    _trim_pending = False  # one trim of the allocator is scheduled (for all connections of the process)

    def __init__(self, config, *args, **kwargs):
        super().__init__(config, *args, **kwargs)
        limit = config.h11_max_incomplete_event_size
        self.conn = StrictFraming(h11.SERVER, *([limit] if limit is not None else []))

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._received = 0
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # asyncio sets TCP_NODELAY only on sockets made with proto=IPPROTO_TCP; without it every answer
            # written in two parts (head, body) waits 40 ms for the client's delayed acknowledgement
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._head_timer = self._body_timer = self._send_timer = None
        self._waiting_since: float | None = None
        self._draining = False
        self._track()
        if len(self.connections) > self.settings.max_connections:
            self._make_room()

    def connection_lost(self, exc) -> None:
        for timer in (self._head_timer, self._body_timer, self._send_timer):
            if timer is not None:
                timer.cancel()
        super().connection_lost(exc)
        if self._received > LARGE and not GuardedProtocol._trim_pending:
            GuardedProtocol._trim_pending = True
            self.loop.call_later(TRIM_EVERY, _trim_later)

    def data_received(self, data: bytes) -> None:
        self._received += len(data)
        if self._draining:  # refused: read and drop until the client stops or LINGER passes
            return
        super().data_received(data)
        self._track()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._track()

    # -- the head and body deadlines
    def _track(self) -> None:
        """Arm or disarm the deadlines by h11's view of the client: waiting for a head, sending a body, done."""
        if self.transport.is_closing():
            return
        state = self.conn.their_state
        if state is h11.IDLE and (self.cycle is None or self.cycle.response_complete):
            if self._head_timer is None:
                self._waiting_since = self.loop.time()
                self._head_timer = self.loop.call_later(self.settings.header_timeout, self._head_expired)
            return
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = self._waiting_since = None
        if state is h11.SEND_BODY:
            if self._body_timer is None:
                self._body_timer = self.loop.call_later(self.settings.body_timeout, self._body_expired)
        elif self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None

    def _head_expired(self) -> None:
        self._head_timer = None
        partial = bool(self.conn.trailing_data[0])
        if partial:
            self._refuse(408, f"the request head did not arrive within {self.settings.header_timeout:g} s")
        else:  # an idle connection: closed silently (a 408 could race a request the client is sending)
            self.transport.close()

    def _body_expired(self) -> None:
        self._body_timer = None
        if self.cycle is not None and not self.cycle.response_started:
            self.cycle.disconnected = True  # the application stops waiting for the body; its answer is dropped
            self.cycle.message_event.set()
            self._refuse(408, f"the request body did not arrive within {self.settings.body_timeout:g} s")
        else:
            self.transport.close()

    # -- slow readers
    def pause_writing(self) -> None:
        super().pause_writing()
        if self._send_timer is None:
            self._send_timer = self.loop.call_later(self.settings.send_timeout, self.transport.abort)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._send_timer is not None:
            self._send_timer.cancel()
            self._send_timer = None

    # -- too many connections
    def _make_room(self) -> None:
        """Close the connection that has waited longest for a request head (this new one if none waits)."""
        waiting = [c for c in self.connections if isinstance(c, GuardedProtocol) and c is not self
                   and c._waiting_since is not None and not c.transport.is_closing()]
        victim = min(waiting, key=lambda c: c._waiting_since) if waiting else self
        victim.transport.abort()

    # -- refusals that the client can read
    def send_400_response(self, msg: str) -> None:
        """h11 could not read the request: 414 for a request line too long, 431 for a head too large, else 400."""
        data = self.conn.trailing_data[0]
        if len(data) > self.settings.max_body + HEAD_ROOM:  # h11's limit (uvicorn_config)
            if b"\n" not in data:
                self._refuse(414, "the request line is longer than this endpoint takes; send the query by POST")
            else:
                self._refuse(431, "the request's header fields are larger than this endpoint takes")
        else:
            self._refuse(400, f"invalid HTTP request: {self.conn.refusal or msg}")

    def _refuse(self, status: int, message: str) -> None:
        """Answer ``status`` with a one-line message, then drop what the client still sends until it stops."""
        import http

        body = (message + "\n").encode()
        head = [f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}",
                f"content-type: {FORMATS['text'].media_type}", f"content-length: {len(body)}", "connection: close",
                *(f"{k.decode()}: {v.decode()}" for k, v in SECURITY_HEADERS)]
        self.transport.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        self._draining = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER, self.transport.close)


# A request line or body of a megabyte goes through several buffers of its size (h11's, the decoded text,
# the blanked-out copies of the query): after a connection that read more than LARGE bytes closes, what
# they left in the middle of the heap is handed back (kg.memory; the server fixes glibc's thresholds too).
def _trim_later() -> None:
    GuardedProtocol._trim_pending = False
    trim_memory()


def guarded_protocol(settings) -> type:
    """The protocol class of one server, bound to its settings."""
    return type("KgServeProtocol", (GuardedProtocol,), {"settings": settings})


class SafeHeaders:
    """ASGI middleware: every answer says ``nosniff`` and carries a strict Content-Security-Policy.

    The pages load scripts, styles and images from this server only and
    embed no inline script (the query page's settings are a JSON data block),
    so the policy costs them nothing; an echoed value in a text/plain error
    can never be sniffed into HTML."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_safe(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in SECURITY_HEADERS if h[0] not in names)]}
            await send(message)

        return await self.app(scope, receive, send_safe)


def uvicorn_config(app, settings, log_level: str = "info", **extra):
    """The uvicorn configuration of a server: its protocol class, h11's head limit, keep-alive, proxies."""
    import uvicorn

    options = dict(http=guarded_protocol(settings), log_level=log_level, access_log=log_level == "debug",
                   h11_max_incomplete_event_size=settings.max_body + HEAD_ROOM,
                   timeout_keep_alive=int(max(1, settings.idle_timeout)), timeout_graceful_shutdown=5,
                   forwarded_allow_ips=settings.trusted_proxies, proxy_headers=True, backlog=ACCEPT_BATCH)
    return uvicorn.Config(app, **{**options, **extra})


def listen(host: str, port: int):
    """A listening socket on host:port, or a KgError that says why not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
