"""Result tables as text: an aligned table for people, CSV/TSV for spreadsheets, SPARQL JSON.

CSV and TSV follow the SPARQL 1.1 results CSV/TSV notes: CSV gives plain values, TSV gives
RDF terms in Turtle-like syntax; both end lines with CRLF/LF as the notes do.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph as ox

from repression_kg.query.backends import Result
from repression_kg.query.terms import XSD, Term

FORMATS = ("table", "csv", "tsv", "json")
_PREFIXES = (("https://w3id.org/repression-kg/ontology#", "rkg:"),
             ("https://w3id.org/repression-kg/ref/", "ref:"),
             ("https://w3id.org/repression-kg/id/", "id:"))


def short(term: Term | None) -> str:
    """A readable cell: prefixed IRIs, literals without quotes."""
    if term is None:
        return ""
    if term.kind == "uri":
        for base, prefix in _PREFIXES:
            if term.value.startswith(base):
                return prefix + term.value[len(base):]
    return term.value


def select_columns(result: Result, columns: list[str]) -> Result:
    """The result with only ``columns``, in that order; ValueError names an unknown column."""
    unknown = [c for c in columns if c not in result.variables]
    if unknown:
        raise ValueError(f"no column {', '.join(map(repr, unknown))}; the columns are {', '.join(result.variables)}")
    rows = [{c: row[c] for c in columns if c in row} for row in result.bindings]
    return Result(list(columns), rows, result.boolean)


def rows_as_python(result: Result) -> list[dict[str, Any]]:
    return [{v: (row[v].python() if v in row else None) for v in result.variables} for row in result.bindings]


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.bindings:
        writer.writerow([row[v].value if v in row else "" for v in result.variables])
    return out.getvalue()


def _tsv_term(term: Term) -> str:
    if term.kind == "uri":
        return str(ox.NamedNode(term.value))
    if term.kind == "bnode":
        return f"_:{term.value}"
    if term.lang:
        return str(ox.Literal(term.value, language=term.lang))
    if term.datatype and term.datatype != f"{XSD}string":
        return str(ox.Literal(term.value, datatype=ox.NamedNode(term.datatype)))
    return str(ox.Literal(term.value))


def to_tsv(result: Result) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.bindings:
        lines.append("\t".join(_tsv_term(row[v]) if v in row else "" for v in result.variables))
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, ensure_ascii=False)
    data = {"head": {"vars": result.variables},
            "results": {"bindings": [{k: t.to_json() for k, t in row.items()} for row in result.bindings]}}
    return json.dumps(data, ensure_ascii=False, indent=1)


def to_table(result: Result, *, title: str | None = None) -> str:
    """A plain-text table (rich), wide cells wrapped; control characters cannot reach the terminal."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if result.boolean is not None:
        return "yes\n" if result.boolean else "no\n"
    table = Table(title=title, show_lines=False)
    for name in result.variables:
        table.add_column(name, overflow="fold")
    for row in result.bindings:
        table.add_row(*[Text(_printable(short(row.get(v)))) for v in result.variables])
    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, force_terminal=False).print(table)
    suffix = f"{len(result.bindings)} row{'s' if len(result.bindings) != 1 else ''}\n"
    return buffer.getvalue() + suffix


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() or ch == "\n" else "\ufffd" for ch in text)


def render(result: Result, fmt: str, *, title: str | None = None) -> str:
    if fmt == "csv":
        return to_csv(result)
    if fmt == "tsv":
        return to_tsv(result)
    if fmt == "json":
        return to_json(result) + "\n"
    return to_table(result, title=title)
