"""The query library: named SPARQL queries with typed parameters, on a store or an endpoint.

* :mod:`.spec` reads ``queries/*.rq`` headers into :class:`QuerySpec`;
* :mod:`.terms` turns parameter values into RDF terms and results into :class:`Term`;
* :mod:`.inject` is the lexer that places bound values and refuses unsafe queries;
* :mod:`.backends` runs text on the local Oxigraph store or a remote SPARQL endpoint;
* :mod:`.run` binds, runs and post-processes; :mod:`.formats` writes tables.
"""

from __future__ import annotations

from repression_kg.query.backends import (
    LocalBackend,
    QueryError,
    RemoteBackend,
    Result,
    open_backend,
)
from repression_kg.query.inject import QueryTextError
from repression_kg.query.run import UnknownParameterError, prepare, run
from repression_kg.query.spec import (
    Param,
    QuerySpec,
    QuerySpecError,
    load_file,
    load_library,
    parse_spec,
)
from repression_kg.query.terms import ParamError, Term

__all__ = [
    "LocalBackend", "Param", "ParamError", "QueryError", "QuerySpec", "QuerySpecError",
    "QueryTextError", "RemoteBackend", "Result", "Term", "UnknownParameterError", "load_file",
    "load_library", "open_backend", "parse_spec", "prepare", "run",
]
