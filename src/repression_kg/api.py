"""A small API for notebooks: open the graph, run a named query, get rows or a DataFrame.

>>> from repression_kg import api                                        # doctest: +SKIP
>>> kg = api.open(store=".rkg/demo-store")                               # doctest: +SKIP
>>> kg.query("shared-statute", person="Boris Kagarlitsky").df()          # doctest: +SKIP
"""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from repression_kg.query import QuerySpec, load_file, load_library, open_backend, run
from repression_kg.query.backends import Result
from repression_kg.query.formats import render, rows_as_python


class Rows(builtins.list):  # type: ignore[type-arg]
    """Rows as dicts of Python values, keeping the typed result for formats and DataFrames."""

    def __init__(self, result: Result) -> None:
        super().__init__(rows_as_python(result))
        self.result = result
        self.columns = list(result.variables)

    def df(self) -> Any:
        """A pandas DataFrame (needs pandas: ``pip install 'repression-kg[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError("DataFrames need pandas: pip install pandas") from exc
        return pd.DataFrame(builtins.list(self), columns=self.columns)

    def to(self, fmt: str) -> str:
        """The rows as ``table``, ``csv``, ``tsv`` or ``json`` text."""
        return render(self.result, fmt)


class KnowledgeGraph:
    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.library: dict[str, QuerySpec] = load_library()

    def queries(self) -> dict[str, str]:
        """Query name → title."""
        return {name: spec.title for name, spec in self.library.items()}

    def query(self, name: str | os.PathLike[str], **params: object) -> Rows:
        """Run a named query (or a .rq file path) with its parameters bound."""
        if isinstance(name, os.PathLike) or str(name).endswith(".rq"):
            spec = load_file(Path(name))
        elif name in self.library:
            spec = self.library[str(name)]
        else:
            raise KeyError(f"unknown query {name!r}; known: {', '.join(self.library)}")
        return Rows(run(spec, self.backend, params))

    def sparql(self, text: str) -> Rows:
        """Run SPARQL text as it is (no parameters; updates and SERVICE refused)."""
        from repression_kg.query.spec import parse_spec

        return Rows(run(parse_spec("adhoc", text), self.backend, {}))


def open(store: str | os.PathLike[str] | ox.Store | None = None, *, endpoint: str | None = None,  # noqa: A001
         in_memory: bool = False) -> KnowledgeGraph:
    """The graph in a store directory (read-only), an in-process store, or at a SPARQL endpoint.

    ``in_memory=True`` copies the store into memory first: queries then run up to 3
    times faster, which pays when a notebook runs many of them."""
    return KnowledgeGraph(open_backend(store=store, endpoint=endpoint, in_memory=in_memory))
