"""Deterministic serialisation: the same quads always give the same bytes.

Quads are sorted (graph, subject, predicate, object by their N-Quads form) before they are
written, and files are written to a temporary name and moved into place, so an export
interrupted half-way never leaves half a file.

JSON-LD is compacted (by rdflib) with the project's context, ontology/context.jsonld: its
prefixes and term definitions (object properties as ``"@type": "@id"``, typed numbers and
booleans). The file is read locally, never fetched, and the output refers to it by its
published address :data:`CONTEXT_URL`; arrays are sorted (except ``@list``) and keys too,
so the same quads always give the same bytes. Read it back offline by putting the local
context in place of the address (:func:`jsonld_offline`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from repression_kg.files import atomic_path
from repression_kg.ids import ONTOLOGY, REF
from repression_kg.resources import ontology_dir

FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
           "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
QUAD_FORMATS = {"trig", "nquads", "jsonld"}


CONTEXT_URL = "https://w3id.org/repression-kg/context.jsonld"


def context() -> dict[str, object]:
    """The JSON-LD context, from ontology/context.jsonld (the body of ``@context``)."""
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    return data["@context"]


def prefixes() -> dict[str, str]:
    """The prefixes of the published JSON-LD context (also used for Turtle and TriG)."""
    return {k: v for k, v in context().items() if isinstance(v, str)}


def _sorted_json(value: object, *, in_list: bool = False) -> object:
    if isinstance(value, dict):
        return {k: _sorted_json(v, in_list=k == "@list") for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return items if in_list else sorted(
            items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld(quads: list[Quad]) -> bytes:
    """Compacted JSON-LD of sorted quads, referring to the context by :data:`CONTEXT_URL`."""
    from rdflib import Dataset

    dataset = Dataset()
    if quads:
        dataset.parse(data=canonical_nquads(quads).decode("utf-8"), format="nquads")
    compact = json.loads(dataset.serialize(format="json-ld", context=context()))
    if isinstance(compact, list):  # nothing to compact into one object
        compact = {"@graph": compact}
    compact["@context"] = CONTEXT_URL
    text = json.dumps(_sorted_json(compact), sort_keys=True, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def jsonld_offline(data: bytes | str) -> str:
    """JSON-LD from :func:`jsonld` with the local context in place of its address, for
    parsers that must not reach the network."""
    document = json.loads(data)
    if document.get("@context") == CONTEXT_URL:
        document["@context"] = context()
    return json.dumps(document, ensure_ascii=False)


def _key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    return sorted(set(quads), key=_key)


def canonical_nquads(quads: Iterable[Quad]) -> bytes:
    """Sorted N-Quads, one line per quad."""
    return pyoxigraph.serialize(sorted_quads(quads), format=RdfFormat.N_QUADS) or b""


def serialise(quads: Iterable[Quad], fmt: str) -> bytes:
    """``turtle``/``ntriples`` merge all graphs; ``trig``/``nquads``/``jsonld`` keep them."""
    ordered = sorted_quads(quads)
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonld":
        return jsonld(ordered)
    if fmt in QUAD_FORMATS:
        data: Iterable[object] = ordered
    else:
        data = sorted({pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in ordered},
                      key=str)
    kwargs = {} if fmt in ("nquads", "ntriples") else {"prefixes": prefixes()}
    return pyoxigraph.serialize(data, format=FORMATS[fmt], **kwargs) or b""


def write_rdf(quads: Iterable[Quad], out: Path, fmt: str) -> Path:
    """Write ``quads`` in ``fmt`` to ``out`` atomically (temporary file, then os.replace)."""
    payload = serialise(quads, fmt)
    with atomic_path(out) as tmp, open(tmp, "wb") as fh:
        fh.write(payload)
    return out


__all__ = ["CONTEXT_URL", "FORMATS", "ONTOLOGY", "REF", "canonical_nquads", "context",
           "jsonld", "jsonld_offline", "serialise", "sorted_quads", "write_rdf"]
