"""The SPARQL 1.1 Protocol and Graph Store Protocol, as decisions over a parsed request.

:func:`classify` turns method, path parameters, media type and body into one
:class:`Operation` (query, update, graph-store write, service description) or a refusal,
without touching the store; :mod:`repression_kg.serve.app` then runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

import pyoxigraph as ox

from repression_kg.serve.guard import Refusal, check_query, check_update

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


@dataclass
class Operation:
    kind: str  # "query" | "update" | "graph-store" | "graph-read" | "description"
    text: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)
    graph: str | None = None
    method: str = ""


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ValueError(f"more than one '{name}' parameter")
    return values[0] if values else None


def _graph_target(params: dict[str, list[str]]) -> tuple[bool, str | None]:
    """(is a Graph Store Protocol request, graph IRI or None for the default graph)."""
    if "graph" in params:
        graph = _single(params, "graph")
        return True, graph
    return "default" in params, None


def classify(method: str, query_string: str, media: str, body: bytes,
             *, allow_update: bool) -> Operation | Refusal:
    """What a request to the endpoint asks for, or why it is refused."""
    try:
        params = parse_qs(query_string, keep_blank_values=True)
        is_gsp, graph = _graph_target(params)
        if method in ("PUT", "DELETE", "PATCH") or (method == "POST" and is_gsp):
            if not allow_update:
                return Refusal("read-only", 403, f"graph store {method} refused: this endpoint "
                                                 "is read-only")
            if method == "PATCH":
                return Refusal("method", 405, "PATCH is not part of the Graph Store Protocol")
            if not is_gsp:
                return Refusal("bad-request", 400, "name the graph: ?graph=IRI or ?default")
            return Operation("graph-store", params=params, graph=graph, method=method)
        if method == "POST" and media == FORM:
            form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
            for key, values in params.items():  # protocol options may sit in the URL too
                form.setdefault(key, values)
            params = form
        elif method == "POST" and media == QUERY_TYPE:
            params = dict(params, query=[body.decode("utf-8")])
        elif method == "POST" and media == UPDATE_TYPE:
            params = dict(params, update=[body.decode("utf-8")])
        elif method == "POST":
            return Refusal("media-type", 415, f"POST to /sparql needs {FORM}, {QUERY_TYPE} or "
                                              f"{UPDATE_TYPE}, not {media or 'no media type'}")
        update = _single(params, "update")
        query = _single(params, "query")
    except (ValueError, UnicodeDecodeError) as exc:
        return Refusal("bad-request", 400, f"bad request: {exc}")
    if update is not None:
        if query is not None:
            return Refusal("bad-request", 400, "send either 'query' or 'update', not both")
        if not allow_update:
            return Refusal("read-only", 403, "SPARQL Update refused: this endpoint is read-only")
        if method != "POST":
            return Refusal("method", 405, "updates must be sent with POST")
        return check_update(update) or Operation("update", update, params)
    if query is None:
        if method == "GET" and is_gsp:
            return Operation("graph-read", params=params, graph=graph, method=method)
        if method == "GET":
            return Operation("description", params=params)
        return Refusal("bad-request", 400, "no 'query' parameter")
    return check_query(query) or Operation("query", query, params)


def service_description(endpoint: str, *, allow_update: bool, fmt: ox.RdfFormat) -> bytes:
    """An sd:Service describing this endpoint."""
    service = ox.NamedNode(endpoint)
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [ox.Triple(service, a, ox.NamedNode(SD + "Service")),
               ox.Triple(service, ox.NamedNode(SD + "endpoint"), service),
               ox.Triple(service, ox.NamedNode(SD + "supportedLanguage"),
                         ox.NamedNode(SD + "SPARQL11Query")),
               ox.Triple(service, ox.NamedNode(SD + "feature"),
                         ox.NamedNode(SD + "UnionDefaultGraph"))]
    if allow_update:
        triples.append(ox.Triple(service, ox.NamedNode(SD + "supportedLanguage"),
                                 ox.NamedNode(SD + "SPARQL11Update")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                 "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML"):
        triples.append(ox.Triple(service, ox.NamedNode(SD + "resultFormat"),
                                 ox.NamedNode(FORMATS + name)))
    dataset = ox.NamedNode(endpoint + "#dataset")
    default = ox.NamedNode(endpoint + "#default-graph")
    triples += [ox.Triple(service, ox.NamedNode(SD + "defaultDataset"), dataset),
                ox.Triple(dataset, a, ox.NamedNode(SD + "Dataset")),
                ox.Triple(dataset, ox.NamedNode(SD + "defaultGraph"), default),
                ox.Triple(default, a, ox.NamedNode(SD + "Graph"))]
    return ox.serialize(triples, format=fmt, prefixes={"sd": SD} if fmt == ox.RdfFormat.TURTLE
                        else None) or b""


LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def host_allowed(header: str | None, bound: str) -> bool:
    """Whether a request's Host header names this server (always true off loopback)."""
    if bound not in LOOPBACK_NAMES and not bound.startswith("127."):
        return True
    if not header:
        return False
    name = header.strip().lower()
    name = name.rsplit(":", 1)[0] if not name.endswith("]") and name.count(":") == 1 else name
    if name.startswith("[") and "]:" in name:
        name = name.split("]:", 1)[0] + "]"
    return name in LOOPBACK_NAMES or name == bound or name.startswith("127.")


def first_param(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None
