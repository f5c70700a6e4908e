"""The routes of the server that are about pages rather than the SPARQL protocol:
dereferenceable IRIs (HTML page, page JSON or RDF), the static site given with --site,
the query page and the named queries of the library.

A mixin of :class:`repression_kg.serve.app.Handler`; what it uses of the handler is
spelled out by the :class:`Handler` protocol below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, unquote

import pyoxigraph as ox

from repression_kg import __version__
from repression_kg.serve import named, results
from repression_kg.serve.guard import check_query
from repression_kg.serve.jobs import Reply, ServerLinks, error
from repression_kg.serve.protocol import first_param
from repression_kg.site.naming import KIND_TITLES, page_path
from repression_kg.site.render import environment, json_for_script

if TYPE_CHECKING:
    from email.message import Message

    from repression_kg.serve.app import Server, ServerConfig
    from repression_kg.serve.guard import Refusal


class Handler(Protocol):
    """What the routes use of the request handler they are mixed into."""

    headers: Message
    server: Server

    @property
    def config(self) -> ServerConfig: ...

    def send(self, reply: Reply) -> None: ...

    def run_job(self, job: dict[str, Any]) -> None: ...

    def refuse(self, refusal: Refusal) -> None: ...

    def site_page(self, iri: str) -> str | None: ...

    def site_file(self, relative: str) -> None: ...

    @staticmethod
    def wants_html(accept: str | None, fmt: str | None) -> bool: ...


DEREF_PREFIXES = ("/id/", "/ref/")
SITE_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class PageRoutes:
    def named_query(self: Handler, name: str, params: dict[str, list[str]]) -> None:
        """Run a query of the library with its parameters bound as typed RDF terms."""
        spec = self.server.queries.get(unquote(name))
        if spec is None:
            return self.send(error(404, f"no named query {name!r}; see /queries.json",
                                   "not-found"))
        fmt = first_param(params, "format")
        values = {k: v[-1] for k, v in params.items() if k != "format"}
        try:
            text = named.bound_text(spec, values)
        except named.BindError as exc:
            return self.send(error(400, str(exc), "parameter"))
        refusal = check_query(text)
        if refusal is not None:
            return self.refuse(refusal)
        self.run_job({"op": "query", "query": text, "accept": self.headers.get("Accept"),
                      "format": fmt, "default_graphs": [], "named_graphs": [],
                      "max_rows": self.config.max_rows})

    def dereference(self: Handler, path: str, query_string: str) -> None:
        iri = self.config.base + unquote(path[1:])
        try:
            ox.NamedNode(iri)
        except ValueError:
            return self.send(error(400, "not a valid IRI path", "bad-request"))
        fmt = first_param(parse_qs(query_string), "format")
        accept = self.headers.get("Accept")
        if fmt == "json":
            return self.run_job({"op": "page", "iri": iri, "base": self.config.base,
                                 "as_json": True})
        if fmt in ("html", None) and self.wants_html(accept, fmt):
            page = self.site_page(iri)
            if page is not None:
                reply = Reply(303, "text/plain; charset=utf-8", b"See the entity's page.\n",
                              {"Location": "/site/" + page, "Vary": "Accept"})
                return self.send(reply)
            return self.run_job({"op": "page", "iri": iri, "base": self.config.base})
        self.run_job({"op": "describe", "iri": iri, "accept": accept, "format": fmt,
                      "max_rows": self.config.max_rows})

    def site_page(self: Handler, iri: str) -> str | None:
        """The path of the entity's page in the static site given with --site, if any."""
        if self.config.site is None:
            return None
        for kind in KIND_TITLES:
            path = page_path(iri, kind)
            if (self.config.site / path).is_file():
                return path
        return None

    def site_file(self: Handler, relative: str) -> None:
        """A file of the static site (--site), never anything outside it."""
        root = self.config.site
        if root is None:
            return self.send(error(404, "no static site is served (start with --site DIR)",
                                   "not-found"))
        target = (root / (relative or "index.html")).resolve()
        if target.is_dir():
            target = target / "index.html"
        base = root.resolve()
        if base not in target.parents or not target.is_file() or \
                target.suffix not in SITE_TYPES or target.name.startswith("."):
            return self.send(error(404, f"no such page: /site/{relative}", "not-found"))
        csp = {"Content-Security-Policy": "frame-ancestors 'none'; base-uri 'none'"}
        self.send(Reply(200, SITE_TYPES[target.suffix], target.read_bytes(), csp))

    @staticmethod
    def wants_html(accept: str | None, fmt: str | None) -> bool:
        if fmt == "html":
            return True
        for media, _ in results.parse_accept(accept):
            if media in HTML_TYPES or media in ("*/*", "text/*"):
                return True
            if media in results.GRAPH_TYPES:
                return False
        return accept is None

    def query_page(self: Handler) -> None:
        queries = [named.as_json(q) for q in self.server.queries.values()]
        html = environment().get_template("query.html.j2").render(
            links=ServerLinks(self.config.base), csp=PAGE_CSP, title="SPARQL query",
            version=__version__, queries_json=json_for_script(queries), queries=queries,
            max_rows=self.config.max_rows, timeout=self.config.timeout)
        self.send(Reply(200, "text/html; charset=utf-8", html.encode("utf-8")))
