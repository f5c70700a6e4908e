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
from repression_kg.store import open_store

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

    def __init__(self, store: ox.Store | str | os.PathLike[str] | None = None) -> None:
        if isinstance(store, ox.Store):
            self.store, self.where = store, "in-process store"
        else:
            self.store = open_store(store, read_only=True)
            self.where = str(store) if store is not None else "default store"

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
        request = urllib.request.Request(
            self.url, data=text.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": "application/sparql-results+json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise QueryError(f"{self.url}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise QueryError(f"{self.url}: cannot reach the endpoint: {exc}") from exc
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


def open_backend(*, store: str | os.PathLike[str] | ox.Store | None = None,
                 endpoint: str | None = None) -> LocalBackend | RemoteBackend:
    """The remote endpoint when given, else the local store (default location from store.py)."""
    if endpoint:
        return RemoteBackend(endpoint)
    if store is not None and not isinstance(store, ox.Store):
        store = Path(store)
    return LocalBackend(store)
