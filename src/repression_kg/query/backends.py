"""Where queries run: the local Oxigraph store, or any SPARQL 1.1 endpoint over HTTP.

Both return a :class:`Result` of :class:`~repression_kg.query.terms.Term` values, so the
rest of the library cannot tell them apart. The remote backend is plain ``urllib``: a POST
with ``application/sparql-query`` asking for SPARQL JSON results. An answer that is not
complete JSON (a server that timed out mid-stream) is an error, never a short table.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from repression_kg.query.terms import Term, from_json, from_oxigraph
from repression_kg.store import copy_into_memory, open_store

USER_AGENT = "repression-kg query client"


class QueryError(RuntimeError):
    """The engine refused or failed the query (syntax, timeout, unreachable endpoint)."""


@dataclass
class Result:
    """A SELECT result (``variables`` and ``bindings``) or an ASK answer (``boolean``)."""

    variables: list[str]
    bindings: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None


class Backend(Protocol):
    def select(self, text: str) -> Result: ...

    def describe(self) -> str: ...


class LocalBackend:
    """A persistent Oxigraph store opened read-only (or a given in-process store)."""

    def __init__(self, store: ox.Store | str | os.PathLike[str] | None = None, *,
                 in_memory: bool = False) -> None:
        if isinstance(store, ox.Store):
            self.store, self.where = store, "in-process store"
        else:
            self.store = open_store(store, read_only=True)
            self.where = str(store) if store is not None else "default store"
        if in_memory:
            self.store = copy_into_memory(self.store)
            self.where += " (copied into memory)"

    def describe(self) -> str:
        return self.where

    def select(self, text: str) -> Result:
        try:
            answer = self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"syntax error: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(str(exc)) from exc
        if isinstance(answer, ox.QueryBoolean):
            return Result([], [], bool(answer))
        if not isinstance(answer, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries give tables (this is CONSTRUCT/DESCRIBE)")
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = from_oxigraph(value)
            rows.append(row)
        return Result(names, rows)


class RemoteBackend:
    """Any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, Virtuoso, GraphDB, `rkg serve`)."""

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        scheme = urllib.parse.urlsplit(url).scheme
        if scheme not in ("http", "https"):
            raise QueryError(f"{url}: an endpoint must be an http(s) URL")
        self.url, self.timeout = url, timeout

    def describe(self) -> str:
        return self.url

    def select(self, text: str) -> Result:
        body = _post(self.url, text, "application/sparql-query", timeout=self.timeout)
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise QueryError(f"{self.url}: the answer is not complete SPARQL JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise QueryError(f"{self.url}: the answer is not SPARQL JSON results")
        if "boolean" in data:
            return Result([], [], bool(data["boolean"]))
        try:
            names = list(data["head"].get("vars", []))
            rows = [{k: from_json(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (KeyError, TypeError, AttributeError) as exc:
            raise QueryError(f"{self.url}: the answer is not SPARQL JSON results ({exc})") from exc
        return Result(names, rows)


def _post(url: str, text: str, media: str, *, timeout: float) -> bytes:
    """POST one SPARQL query or update; an HTTP error or an unreachable server is a QueryError."""
    request = urllib.request.Request(
        url, data=text.encode("utf-8"), method="POST",
        headers={"Content-Type": f"{media}; charset=utf-8",
                 "Accept": "application/sparql-results+json", "User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only)
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{url}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"{url}: cannot reach the endpoint: {exc}") from exc


def _ox_term(binding: dict[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind, value = binding.get("type"), binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    datatype = binding.get("datatype")
    return ox.Literal(value, datatype=ox.NamedNode(datatype) if datatype else None)


class RemoteStore:
    """A SPARQL 1.1 endpoint standing in for the embedded store when building (``rkg build
    --endpoint URL [--update-endpoint URL]``).

    It offers the few :class:`pyoxigraph.Store` methods the build runner uses, over the
    SPARQL 1.1 Protocol: reads are queries, writes are SPARQL Update, one request per named
    graph (so each document's replace is as atomic as the server makes one update). The
    update endpoint defaults to the query endpoint, as the Protocol allows; Oxigraph's
    server wants ``…/query`` and ``…/update``. Nothing is sent anywhere but these two URLs.
    """

    CHUNK = 20_000  # triples per INSERT DATA when loading reference data

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *,
                 timeout: float = 600.0) -> None:
        self.reader = RemoteBackend(endpoint, timeout=timeout)
        self.update_url = RemoteBackend(update_endpoint or endpoint).url
        self.timeout = timeout

    def __str__(self) -> str:
        return f"{self.reader.url} (updates: {self.update_url})"

    def query(self, text: str) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]] | bool:
        """SELECT rows as dictionaries of pyoxigraph terms (``row["n"].value``), or ASK's answer."""
        data = json.loads(_post(self.reader.url, text, "application/sparql-query",
                                timeout=self.timeout))
        if "boolean" in data:
            return bool(data["boolean"])
        return [{k: _ox_term(v) for k, v in b.items()} for b in data["results"]["bindings"]]

    def update(self, text: str) -> None:
        _post(self.update_url, text, "application/sparql-update", timeout=self.timeout)

    def quads_for_pattern(self, subject: ox.NamedNode | None, predicate: ox.NamedNode | None,
                          obj: object, graph: ox.NamedNode | None) -> list[ox.Quad]:
        """Quads in named graphs (the default graph of a remote endpoint is not ours)."""
        terms = [t if t is not None else ox.Variable(v)
                 for t, v in ((subject, "s"), (predicate, "p"), (obj, "o"), (graph, "g"))]
        rows = self.query(f"SELECT * WHERE {{ GRAPH {terms[3]} {{ {terms[0]} {terms[1]} {terms[2]} }} }}")
        assert isinstance(rows, list)
        return [ox.Quad(*(row[v] if isinstance(t, ox.Variable) else t  # type: ignore[arg-type]
                          for t, v in zip(terms, "spog", strict=True))) for row in rows]

    def contains_named_graph(self, graph: ox.NamedNode | str) -> bool:
        return self.query(f"ASK {{ GRAPH {_node(graph)} {{ ?s ?p ?o }} }}") is True

    def clear_graph(self, graph: ox.NamedNode | str) -> None:
        self.update(f"CLEAR SILENT GRAPH {_node(graph)}")

    def load(self, data: bytes, *, format: ox.RdfFormat, to_graph: ox.NamedNode | str) -> None:  # noqa: A002
        """Add a serialised graph to one named graph, as INSERT DATA in chunks."""
        triples = [f"{t.subject} {t.predicate} {t.object} ." for t in ox.parse(data, format=format)]
        for start in range(0, len(triples), self.CHUNK):
            body = "\n".join(triples[start:start + self.CHUNK])
            self.update(f"INSERT DATA {{ GRAPH {_node(to_graph)} {{\n{body}\n}} }}")

    def flush(self) -> None:
        """Nothing to do: every update is committed by the server when it answers."""


def _node(graph: ox.NamedNode | str) -> ox.NamedNode:
    return graph if isinstance(graph, ox.NamedNode) else ox.NamedNode(graph)


def open_backend(*, store: str | os.PathLike[str] | ox.Store | None = None,
                 endpoint: str | None = None, in_memory: bool = False,
                 ) -> LocalBackend | RemoteBackend:
    """The remote endpoint when given, else the local store (default location from store.py);
    ``in_memory`` copies the local store into memory first (faster queries)."""
    if endpoint:
        if in_memory:
            raise QueryError("in memory: only a local store can be copied into memory, "
                             "not an endpoint")
        return RemoteBackend(endpoint)
    if store is not None and not isinstance(store, ox.Store):
        store = Path(store)
    return LocalBackend(store, in_memory=in_memory)
