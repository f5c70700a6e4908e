"""The HTTP server: SPARQL endpoint, dereferenceable IRIs, query page, static assets.

Standard library only (``ThreadingHTTPServer``); all store work happens in the killable
worker processes of :mod:`repression_kg.serve.pool`. Loopback by default, read-only by
default, no CORS header unless one origin is named, and security headers on every reply.
"""

from __future__ import annotations

import hmac
import json
import signal
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from repression_kg.serve import named, protocol, results
from repression_kg.serve.guard import Refusal
from repression_kg.serve.jobs import Reply, error
from repression_kg.serve.pages import DEREF_PREFIXES, PAGE_CSP, PageRoutes
from repression_kg.serve.pool import Busy, JobTimeout, WorkerPool
from repression_kg.serve.protocol import first_param, host_allowed
from repression_kg.site.render import asset

STATIC = {"site.css": "text/css", "query.js": "text/javascript", "query.css": "text/css"}


@dataclass
class ServerConfig:
    store: Path
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 30.0
    max_rows: int = 100_000
    max_concurrent: int = 4
    queue_wait: float = 2.0
    allow_update: bool = False
    token: str | None = None
    cors: str | None = None
    base: str = "https://w3id.org/repression-kg/"
    max_body: int = 1_000_000
    max_upload: int = 100_000_000
    quiet: bool = False
    queries_dir: Path | None = None
    site: Path | None = None


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: ServerConfig) -> None:
        if config.allow_update and not config.token:
            raise ValueError("--allow-update needs --token (clients send Authorization: Bearer)")
        self.config = config
        size = 1 if config.allow_update else config.max_concurrent
        self.pool = WorkerPool(config.store, size, writable=config.allow_update)
        try:
            super().__init__((config.host, config.port), Handler)
        except OSError:
            self.pool.close()
            raise
        self.queries = named.load(config.queries_dir)

    @property
    def url(self) -> str:
        return f"http://{self.config.host}:{self.server_address[1]}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(PageRoutes, BaseHTTPRequestHandler):
    server: Server
    server_version = "repression-kg"
    timeout = 60  # a client that stops sending cannot hold a thread forever

    # -- plumbing ----------------------------------------------------------------------------

    @property
    def config(self) -> ServerConfig:
        return self.server.config

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if not self.config.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        if reply.content_type.startswith("text/html"):
            if "Content-Security-Policy" not in reply.headers:
                self.send_header("Content-Security-Policy", PAGE_CSP)
            self.send_header("X-Frame-Options", "DENY")
        if self.config.cors:
            self.send_header("Access-Control-Allow-Origin", self.config.cors)
            self.send_header("Vary", "Origin")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def refuse(self, refusal: Refusal) -> None:
        reply = error(refusal.status, refusal.message, refusal.code)
        if refusal.status == 405:
            reply.headers["Allow"] = "GET, HEAD, POST, OPTIONS"
        self.send(reply)

    def body(self, limit: int) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            self.send(error(411, "send a Content-Length", "length-required"))
            return None
        if not length.isdigit() or int(length) > limit:
            self.send(error(413, f"the request body is larger than {limit:,} bytes", "too-large"))
            return None
        return self.rfile.read(int(length))

    def run_job(self, job: dict[str, Any]) -> None:
        try:
            reply = self.server.pool.run(job, timeout=self.config.timeout,
                                         wait=self.config.queue_wait)
        except Busy:
            reply = error(429, "too many concurrent requests; retry shortly", "busy")
            reply.headers["Retry-After"] = "1"
        except JobTimeout:
            reply = error(504, f"the query ran longer than the time limit of "
                               f"{self.config.timeout:g} s and was stopped", "timeout")
        self.send(reply)

    def parse_request(self) -> bool:
        """Also refuse a Host this server does not answer to: a loopback server must not be
        reachable through DNS rebinding from a web page the user happens to visit."""
        if not super().parse_request():
            return False
        if not host_allowed(self.headers.get("Host"), self.config.host):
            self.close_connection = True
            self.send(error(421, "this server only answers to its own host name (loopback)",
                            "host"))
            return False
        return True

    # -- methods ---------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        url = urlsplit(self.path)
        path = url.path
        if path in ("/sparql", "/store"):
            return self.sparql(_store_target(path, url.query), "", b"")
        if path.startswith(DEREF_PREFIXES):
            return self.dereference(path, url.query)
        if path in ("/", "/query"):
            return self.query_page()
        if path.startswith("/queries/"):
            return self.named_query(path[9:], parse_qs(url.query, keep_blank_values=True))
        if path == "/queries.json":
            data = [named.as_json(q) for q in self.server.queries.values()]
            return self.send(Reply(200, "application/json; charset=utf-8",
                                   json.dumps(data, ensure_ascii=False).encode("utf-8")))
        if path.startswith("/static/") and path[8:] in STATIC:
            name = path[8:]
            return self.send(Reply(200, STATIC[name] + "; charset=utf-8",
                                   asset(name).encode("utf-8")))
        if path == "/site" or path.startswith("/site/"):
            return self.site_file(unquote(path[6:]))
        if path == "/health":
            return self.send(Reply(200, "text/plain; charset=utf-8", b"ok\n"))
        self.send(error(404, f"no such resource: {path}", "not-found"))

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path.startswith("/queries/"):
            if media != protocol.FORM:
                return self.send(error(415, "a named query takes its parameters as "
                                            f"{protocol.FORM} (or in the URL with GET)",
                                       "media-type"))
            data = self.body(self.config.max_body)
            if data is None:
                return None
            try:
                params = parse_qs(data.decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError:
                return self.send(error(400, "the form is not UTF-8", "bad-request"))
            return self.named_query(url.path[9:], params)
        if url.path not in ("/sparql", "/store"):
            return self.refuse(Refusal("method", 405, f"POST is not accepted at {url.path}"))
        gsp = url.path == "/store" or media not in (protocol.FORM, protocol.QUERY_TYPE,
                                                     protocol.UPDATE_TYPE)
        if gsp and not self.config.allow_update:
            return self.refuse(Refusal("read-only", 403, "graph store POST refused: this "
                                                         "endpoint is read-only"))
        if gsp and not self.authorised():  # before reading a large upload
            return None
        limit = self.config.max_upload if gsp else self.config.max_body
        data = self.body(limit)
        if data is not None:
            self.sparql(_store_target(url.path, url.query), media, data, method="POST")

    def do_PUT(self) -> None:  # noqa: N802
        self.graph_store_write("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self.graph_store_write("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self.graph_store_write("PATCH")

    def do_OPTIONS(self) -> None:  # noqa: N802
        reply = Reply(204, "text/plain", b"", {"Allow": "GET, HEAD, POST, OPTIONS"})
        if self.config.cors:
            reply.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            reply.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, Authorization"
            reply.headers["Access-Control-Max-Age"] = "600"
        self.send(reply)

    def graph_store_write(self, method: str) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/store"):
            return self.refuse(Refusal("method", 405, f"{method} is not accepted at {url.path}"))
        if not self.config.allow_update:
            return self.refuse(Refusal("read-only", 403, f"graph store {method} refused: this "
                                                         "endpoint is read-only"))
        if not self.authorised():  # before reading a large upload
            return None
        data = self.body(self.config.max_upload) if method == "PUT" else b""
        if data is not None:
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            self.sparql(_store_target(url.path, url.query), media, data, method=method)

    # -- the endpoint ------------------------------------------------------------------------

    def authorised(self) -> bool:
        header = self.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        good = scheme.lower() == "bearer" and self.config.token is not None and \
            hmac.compare_digest(token.strip().encode(), self.config.token.encode())
        if not good:
            reply = error(401, "writing needs Authorization: Bearer <token>", "unauthorised")
            reply.headers["WWW-Authenticate"] = 'Bearer realm="rkg"'
            self.send(reply)
        return good

    def sparql(self, query_string: str, media: str, data: bytes, method: str = "GET") -> None:
        operation = protocol.classify(method, query_string, media, data,
                                      allow_update=self.config.allow_update)
        if isinstance(operation, Refusal):
            return self.refuse(operation)
        params = operation.params
        if operation.kind == "description":
            return self.describe_service(params)
        if operation.kind == "query":
            return self.run_job({
                "op": "query", "query": operation.text, "accept": self.headers.get("Accept"),
                "format": first_param(params, "format"),
                "default_graphs": params.get("default-graph-uri", []),
                "named_graphs": params.get("named-graph-uri", []),
                "max_rows": self.config.max_rows})
        if operation.kind == "graph-read":
            return self.run_job({"op": "graph-read", "graph": operation.graph,
                                 "accept": self.headers.get("Accept"),
                                 "format": first_param(params, "format"),
                                 "max_rows": self.config.max_rows})
        if not self.authorised():
            return None
        if operation.kind == "update":
            return self.run_job({"op": "update", "update": operation.text})
        return self.run_job({"op": "graph-store", "method": operation.method,
                             "graph": operation.graph, "data": data, "content_type": media})

    def describe_service(self, params: dict[str, list[str]]) -> None:
        if first_param(params, "format") is None and _prefers_html(self.headers.get("Accept")):
            # A person who opens /sparql in a browser wants the query page, as on other
            # endpoints; clients asking for RDF (or for anything, */*) get the description.
            return self.send(Reply(303, "text/plain; charset=utf-8", b"See the query page.\n",
                                   {"Location": "/", "Vary": "Accept"}))
        try:
            name = results.choose("graph", self.headers.get("Accept"),
                                  first_param(params, "format"))
        except results.NotAcceptable as exc:
            return self.send(error(406, str(exc), "not-acceptable"))
        endpoint = f"http://{self.config.host}:{self.server.server_address[1]}/sparql"
        body = protocol.service_description(endpoint, allow_update=self.config.allow_update,
                                            fmt=results.RDF_FORMATS[name])
        self.send(Reply(200, results.MEDIA[name], body, {"Vary": "Accept"}))


def _prefers_html(accept: str | None) -> bool:
    for media, _ in results.parse_accept(accept):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media in results.GRAPH_TYPES or media == "*/*":
            return False
    return False


def _store_target(path: str, query: str) -> str:
    """At /store, a request naming no graph addresses the default graph."""
    params = parse_qs(query, keep_blank_values=True)
    if path == "/store" and "graph" not in params and "default" not in params:
        return f"{query}&default" if query else "default"
    return query


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(config: ServerConfig) -> None:
    """Run until interrupted."""
    server = Server(config)
    signal.signal(signal.SIGTERM, _stop)
    print(f"rkg serve: {server.url}/ (SPARQL at {server.url}/sparql; "
          f"{'read-write' if config.allow_update else 'read-only'}; Ctrl-C stops)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
