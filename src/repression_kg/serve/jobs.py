"""What a worker process does with one job: run a query, an update, a graph-store write,
or render an entity (HTML page or RDF description).

Every job returns a whole :class:`Reply` (status, media type, body): the HTTP side sends
it as it is, so a response is complete or an error, never truncated.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from repression_kg.serve import results
from repression_kg.site.load import document_text, load_neighbourhood
from repression_kg.site.model import Quote
from repression_kg.site.naming import kind_of
from repression_kg.site.pages import anchor, build_page
from repression_kg.site.render import render_entity
from repression_kg.site.sections import add_sections

PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            "form-action 'none'; connect-src 'none'")


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str, code: str = "error") -> Reply:
    body = json.dumps({"error": code, "message": message}, ensure_ascii=False).encode("utf-8")
    return Reply(status, "application/json; charset=utf-8", body)


def _graphs(names: list[str]) -> list[ox.NamedNode]:
    return [ox.NamedNode(n) for n in names]


def run_query(store: ox.Store, job: dict[str, Any]) -> Reply:
    """A SPARQL query; the result is collected whole, up to ``max_rows`` rows or triples."""
    options: dict[str, Any] = {}
    try:
        if job.get("default_graphs"):
            options["default_graph"] = _graphs(job["default_graphs"])
        else:
            options["use_default_graph_as_union"] = True
        if job.get("named_graphs"):
            options["named_graphs"] = _graphs(job["named_graphs"])
    except ValueError as exc:
        return error(400, f"bad graph IRI: {exc}", "bad-request")
    try:
        result = store.query(job["query"], **options)
    except SyntaxError as exc:
        return error(400, f"query does not parse: {exc}", "syntax")
    limit = int(job["max_rows"])
    kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
    try:
        fmt = results.choose(kind, job.get("accept"), job.get("format"))
    except results.NotAcceptable as exc:
        return error(406, str(exc), "not-acceptable")
    too_many = error(422, f"the result has more than {limit:,} rows, the limit of this server "
                          "(--max-rows); add LIMIT or narrow the query", "row-limit")
    if isinstance(result, ox.QueryBoolean):
        body = results.write_boolean(bool(result), fmt)
    elif isinstance(result, ox.QueryTriples):
        # A graph is a set: over the union of the document graphs the same triple comes
        # once per graph that states it (a person's type, say), and is sent once.
        triples: dict[ox.Triple, None] = {}
        for triple in result:
            triples.setdefault(triple)
            if len(triples) > limit:
                return too_many
        body = results.write_graph(list(triples), fmt)
    else:
        variables = [v.value for v in result.variables]
        rows: list[list[Any]] = []
        for solution in result:
            if len(rows) >= limit:
                return too_many
            rows.append([solution[v] for v in variables])
        body = results.write_solutions(variables, rows, fmt)
    media = results.MEDIA[fmt]
    charset = "" if fmt == "jsonld" else "; charset=utf-8"
    return Reply(200, media + charset, body, {"Vary": "Accept"})


def run_update(store: ox.Store, job: dict[str, Any]) -> Reply:
    try:
        store.update(job["update"])
    except SyntaxError as exc:
        return error(400, f"update does not parse: {exc}", "syntax")
    store.flush()
    return Reply(204, "text/plain", b"")


def run_graph_store(store: ox.Store, job: dict[str, Any]) -> Reply:
    """Graph Store Protocol writes: PUT replaces a graph, POST adds to it, DELETE drops it."""
    graph = ox.NamedNode(job["graph"]) if job.get("graph") else ox.DefaultGraph()
    method = job["method"]
    if method in ("PUT", "DELETE"):
        if isinstance(graph, ox.NamedNode) and method == "DELETE" and \
                not store.contains_named_graph(graph):
            return error(404, f"no graph {job['graph']}", "not-found")
        store.clear_graph(graph)
        if isinstance(graph, ox.NamedNode) and method == "DELETE":
            store.remove_graph(graph)
    if method in ("PUT", "POST"):
        media = (job.get("content_type") or "").split(";")[0].strip().lower()
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None or fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            return error(415, f"cannot load {media or 'an unlabelled body'} into a graph; send "
                              "text/turtle, application/n-triples or application/ld+json",
                         "media-type")
        try:
            store.load(job["data"], format=fmt, to_graph=graph)
        except SyntaxError as exc:
            return error(400, f"the body does not parse as {media}: {exc}", "syntax")
    store.flush()
    return Reply(204, "text/plain", b"")


class ServerLinks:
    """Links on pages served by the server: IRIs under the base become local paths."""

    def __init__(self, base: str) -> None:
        self.base = base

    def entity(self, iri: str) -> str | None:
        return "/" + iri[len(self.base):] if iri.startswith(self.base) else None

    def quote(self, quote: Quote) -> str | None:
        path = self.entity(quote.doc)
        return f"{path}#{anchor(quote.iri)}" if path else None

    def home(self) -> str:
        return "/"

    def asset(self, name: str) -> str:
        return f"/static/{name}"

    def kind_index(self, kind: str) -> str:
        return "/"


def run_page(store: ox.Store, job: dict[str, Any]) -> Reply:
    """An entity's HTML page, built from its neighbourhood in the store (or, with
    ``as_json``, the same page context as JSON, for other front ends)."""
    iri = job["iri"]
    index = load_neighbourhood(store, iri)
    if iri not in index.out and iri not in index.inc:
        return error(404, f"nothing is known about {iri}", "not-found")
    links = ServerLinks(job["base"])
    page = build_page(index, iri, links)
    text = document_text(store, iri) if kind_of(index, iri) == "document" else None
    add_sections(page, index, links, text)
    if job.get("as_json"):
        body = json.dumps(dataclasses.asdict(page), ensure_ascii=False, default=_plain)
        return Reply(200, "application/json; charset=utf-8", body.encode("utf-8"),
                     {"Vary": "Accept"})
    html = render_entity(page, links, csp=PAGE_CSP)
    return Reply(200, "text/html; charset=utf-8", html.encode("utf-8"), {"Vary": "Accept"})


def _plain(value: object) -> object:
    """Dataclasses nested in page sections (rows, segments) as dictionaries."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def run_describe(store: ox.Store, job: dict[str, Any]) -> Reply:
    """The entity's arcs, both directions, all graphs, as RDF."""
    node = ox.NamedNode(job["iri"])
    try:
        fmt = results.choose("graph", job.get("accept"), job.get("format"))
    except results.NotAcceptable as exc:
        return error(406, str(exc), "not-acceptable")
    seen: dict[ox.Triple, None] = {}
    for pattern in ((node, None, None), (None, None, node)):
        for quad in store.quads_for_pattern(*pattern):
            seen.setdefault(ox.Triple(quad.subject, quad.predicate, quad.object))
            if len(seen) > int(job["max_rows"]):
                return error(422, "the description is larger than the row limit; use "
                                  "/sparql with a narrower query", "row-limit")
    if not seen:
        return error(404, f"nothing is known about {job['iri']}", "not-found")
    body = results.write_graph(list(seen), fmt)
    return Reply(200, results.MEDIA[fmt], body, {"Vary": "Accept"})


def run_graph_read(store: ox.Store, job: dict[str, Any]) -> Reply:
    """Graph Store Protocol GET: one named graph (or the default graph) as RDF."""
    graph = ox.NamedNode(job["graph"]) if job.get("graph") else ox.DefaultGraph()
    try:
        fmt = results.choose("graph", job.get("accept"), job.get("format"))
    except results.NotAcceptable as exc:
        return error(406, str(exc), "not-acceptable")
    if isinstance(graph, ox.NamedNode) and not store.contains_named_graph(graph):
        return error(404, f"no graph {job['graph']}", "not-found")
    triples: list[ox.Triple] = []
    for quad in store.quads_for_pattern(None, None, None, graph):
        if len(triples) >= int(job["max_rows"]):
            return error(422, "the graph has more triples than the row limit", "row-limit")
        triples.append(quad.triple)
    return Reply(200, results.MEDIA[fmt], results.write_graph(triples, fmt), {"Vary": "Accept"})


HANDLERS = {"query": run_query, "update": run_update, "graph-store": run_graph_store,
            "page": run_page, "describe": run_describe, "graph-read": run_graph_read}


def run(store: ox.Store, job: dict[str, Any]) -> Reply:
    """Dispatch one job; an unexpected failure becomes a 500 with its message."""
    if job.get("op") == "ping":
        return Reply(200, "text/plain", b"pong")
    try:
        return HANDLERS[job["op"]](store, job)
    except OSError as exc:
        return error(500, f"store error: {exc}", "store")
    except Exception as exc:  # noqa: BLE001 - one bad job must not kill the worker
        return error(500, f"{type(exc).__name__}: {exc}", "internal")
