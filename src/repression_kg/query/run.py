"""Bind parameters into a query, run it on a backend, apply the header's post-processing.

>>> from repression_kg.query.spec import parse_spec
>>> spec = parse_spec("q", "# param: name | string | optional | a name\\nSELECT ?p WHERE { ?p ?q ?name }")
>>> print(prepare(spec, {"name": 'x" } ; DROP ALL ; #'}))
# param: name | string | optional | a name
SELECT ?p WHERE { VALUES (?name) { ("x\\" } ; DROP ALL ; #") }
 ?p ?q ?name }
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping

from repression_kg.query.backends import Backend, QueryError, Result
from repression_kg.query.inject import (
    QueryTextError,
    forbidden_keywords,
    inject_values,
    used_variables,
)
from repression_kg.query.spec import QuerySpec
from repression_kg.query.terms import XSD, ParamError, Term, bind_value


class UnknownParameterError(ParamError):
    """A parameter the query does not declare."""


def bind(spec: QuerySpec, values: Mapping[str, object]) -> dict[str, str]:
    """Parameter name → serialised RDF term, with defaults; errors name the query and its parameters."""
    unknown = sorted(set(values) - {p.name for p in spec.params})
    if unknown:
        raise UnknownParameterError(
            f"query {spec.name!r} has no parameter {', '.join(map(repr, unknown))}; "
            f"its parameters: {spec.signature()}")
    bound: dict[str, str] = {}
    for param in spec.params:
        raw = values.get(param.name)
        if raw is None or raw == "":
            raw = param.default
        if raw is None or raw == "":
            if param.required:
                raise ParamError(f"query {spec.name!r} needs parameter {param.describe()}")
            continue
        try:
            bound[param.name] = str(bind_value(param, str(raw)))
        except ParamError as exc:
            raise ParamError(f"query {spec.name!r}: {exc}") from exc
    return bound


def check_safe(text: str, *, allow_service: bool = False) -> None:
    """Refuse update operations always, and SERVICE unless explicitly allowed."""
    found = forbidden_keywords(text)
    if allow_service:
        found.discard("SERVICE")
    if found:
        raise QueryTextError(
            f"refused: the query uses {', '.join(sorted(found))} "
            "(updates are never run; SERVICE needs --allow-service)")


def prepare(spec: QuerySpec, values: Mapping[str, object] | None = None, *,
            allow_service: bool = False) -> str:
    """The query text with bound parameters in a VALUES block; checked for safety."""
    check_safe(spec.text, allow_service=allow_service)
    bound = bind(spec, values or {})
    if not bound:
        return spec.text
    unused = sorted(set(bound) - used_variables(spec.text))
    if unused:
        raise QueryTextError(f"query {spec.name!r} declares {', '.join(unused)} but never uses it")
    return inject_values(spec.text, bound)


def _median(term: Term | None) -> Term | None:
    if term is None or not term.value.strip():
        return None
    try:
        numbers = [float(v) for v in term.value.split()]
    except ValueError:
        return None
    middle = statistics.median(numbers)
    if float(middle).is_integer():
        return Term("literal", str(int(middle)), f"{XSD}integer")
    return Term("literal", repr(middle), f"{XSD}decimal")


def postprocess(spec: QuerySpec, result: Result) -> Result:
    """Compute the header's medians from their GROUP_CONCAT columns, which are then dropped."""
    if not spec.medians:
        return result
    variables = list(result.variables)
    for median in spec.medians:
        if median.source not in variables:
            continue
        variables[variables.index(median.source)] = median.target
    rows = []
    for row in result.bindings:
        out = dict(row)
        for median in spec.medians:
            value = _median(out.pop(median.source, None))
            if value is not None:
                out[median.target] = value
        rows.append(out)
    return Result(variables, rows, result.boolean)


def run(spec: QuerySpec, backend: Backend, values: Mapping[str, object] | None = None, *,
        allow_service: bool = False) -> Result:
    """Run one query of the library (or a file) with its parameters bound."""
    text = prepare(spec, values, allow_service=allow_service)
    try:
        result = backend.select(text)
    except QueryError as exc:
        raise QueryError(f"query {spec.name!r} on {backend.describe()}: {exc}") from exc
    return postprocess(spec, result)
