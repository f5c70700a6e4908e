"""The named queries of the query library (queries/*.rq), for the query page and for
``/queries/NAME`` (run one with its parameters bound as RDF terms).

Headers are read by :mod:`repression_kg.query.spec`, and parameters are bound by
:func:`repression_kg.query.run.prepare` (typed terms in a ``VALUES`` block, never pasted
text), so the endpoint and ``rkg query`` agree on every query. A file whose header cannot
be read is left out with a warning; the other queries stay available.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from repression_kg.query.inject import QueryTextError
from repression_kg.query.run import prepare
from repression_kg.query.spec import QuerySpec, QuerySpecError, load_file
from repression_kg.query.terms import ParamError
from repression_kg.resources import queries_dir


class BindError(ValueError):
    """Parameter values that do not fit the query (the message names query and parameter)."""


def load(directory: Path | None = None) -> dict[str, QuerySpec]:
    """Every readable ``.rq`` of the library by name."""
    folder = directory or queries_dir()
    found: dict[str, QuerySpec] = {}
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            found[path.stem] = load_file(path)
        except QuerySpecError as exc:
            print(f"rkg serve: skipped a named query: {exc}", file=sys.stderr)
    return found


def as_json(spec: QuerySpec) -> dict[str, object]:
    """What the query page needs to show a query and a form for its parameters."""
    return {
        "name": spec.name, "title": spec.title, "description": spec.description,
        "text": spec.text,
        "params": [{"name": p.name, "type": p.type, "default": p.default,
                    "required": p.required, "description": p.description,
                    "choices": list(p.choices)} for p in spec.params],
    }


def bound_text(spec: QuerySpec, values: Mapping[str, str]) -> str:
    """The query text with ``values`` bound; raise :class:`BindError` with the reason."""
    try:
        return prepare(spec, dict(values))
    except (ParamError, QueryTextError) as exc:
        raise BindError(str(exc)) from exc
