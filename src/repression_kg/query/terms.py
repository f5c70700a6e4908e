"""RDF terms on both sides of a query: parameter values in, result values out.

Parameter values become pyoxigraph term objects (:func:`bind_value`), which serialise
themselves in N-Triples syntax with every quote and backslash escaped; that serialisation is
the only way a value reaches query text. Results from the local store and from a remote
endpoint are both turned into :class:`Term`, so the two backends give identical rows.

>>> str(bind_value(Param("p", "string", None), 'x" } ; DROP ALL ; #'))
'"x\\\\" } ; DROP ALL ; #"'
>>> bind_value(Param("n", "integer", None), "3").value
'3'
>>> bind_value(Param("p", "iri", None), "ref:law/ru-cc/205.2").value
'https://w3id.org/repression-kg/ref/law/ru-cc/205.2'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from repression_kg.ids import DEFAULT_BASE, ONTOLOGY, REF
from repression_kg.query.spec import Param

XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"rkg": ONTOLOGY, "ref": REF, "id": DEFAULT_BASE}
_IRI_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
_INTEGER_TYPES = {f"{XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                        "positiveInteger", "unsignedInt", "unsignedLong")}


class ParamError(ValueError):
    """A parameter value that does not fit its declared type."""


@dataclass(frozen=True)
class Term:
    """One value of a result row: kind is ``uri``, ``literal`` or ``bnode`` (SPARQL JSON names)."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def python(self) -> Any:
        """The value as Python: int, float, bool or str (IRIs and dates as their text)."""
        if self.kind != "literal" or self.datatype is None:
            return self.value
        try:
            if self.datatype in _INTEGER_TYPES:
                return int(self.value)
            if self.datatype in (f"{XSD}decimal", f"{XSD}double", f"{XSD}float"):
                return float(self.value)
        except ValueError:
            return self.value
        if self.datatype == f"{XSD}boolean":
            return self.value in ("true", "1")
        return self.value

    def to_json(self) -> dict[str, str]:
        out = {"type": self.kind, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype and self.datatype != f"{XSD}string":
            out["datatype"] = self.datatype
        return out


def from_oxigraph(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:  # rdf:langString is implied by the tag, as in SPARQL JSON
            return Term("literal", term.value, None, term.language)
        return Term("literal", term.value, term.datatype.value)
    return Term("literal", str(term))


def from_json(binding: dict[str, str]) -> Term:
    kind = binding.get("type", "literal")
    if kind == "typed-literal":  # SPARQL JSON as written by some older endpoints
        kind = "literal"
    lang = binding.get("xml:lang")
    datatype = binding.get("datatype") or (None if lang else f"{XSD}string")
    return Term(kind, binding.get("value", ""), datatype if kind == "literal" else None, lang)


def expand_iri(value: str) -> str:
    """A full IRI, or ``rkg:``/``ref:``/``id:`` prefixed name, as a full IRI."""
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


def bind_value(param: Param, raw: str) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value given as text; :class:`ParamError` when it does not fit."""
    if param.choices and raw not in param.choices:
        raise ParamError(f"{param.name}: {raw!r} is not one of {', '.join(param.choices)}")
    kind = param.type
    if kind == "iri":
        iri = expand_iri(raw.strip())
        if not _IRI_OK.match(iri):
            raise ParamError(f"{param.name}: {raw!r} is not an absolute IRI")
        return ox.NamedNode(iri)
    if kind == "integer":
        try:
            return ox.Literal(str(int(raw.strip())), datatype=ox.NamedNode(f"{XSD}integer"))
        except ValueError as exc:
            raise ParamError(f"{param.name}: {raw!r} is not an integer") from exc
    if kind == "decimal":
        try:
            return ox.Literal(str(Decimal(raw.strip())), datatype=ox.NamedNode(f"{XSD}decimal"))
        except InvalidOperation as exc:
            raise ParamError(f"{param.name}: {raw!r} is not a decimal number") from exc
    if kind == "date":
        try:
            return ox.Literal(dt.date.fromisoformat(raw.strip()).isoformat(), datatype=ox.NamedNode(f"{XSD}date"))
        except ValueError as exc:
            raise ParamError(f"{param.name}: {raw!r} is not a date (YYYY-MM-DD)") from exc
    if kind == "boolean":
        low = raw.strip().lower()
        if low not in ("true", "false", "1", "0", "yes", "no"):
            raise ParamError(f"{param.name}: {raw!r} is not true or false")
        value = "true" if low in ("true", "1", "yes") else "false"
        return ox.Literal(value, datatype=ox.NamedNode(f"{XSD}boolean"))
    return ox.Literal(raw)
