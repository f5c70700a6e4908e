"""Deterministic serialisation: the same quads always give the same bytes.

Quads are sorted (graph, subject, predicate, object by their N-Quads form) before they are
written, and files are written to a temporary name and moved into place, so an export
interrupted half-way never leaves half a file. JSON-LD uses the project's published
context (ontology/context.jsonld): the same prefixes, never fetched from the network.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from repression_kg.ids import ONTOLOGY, REF
from repression_kg.resources import ontology_dir

FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
           "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
QUAD_FORMATS = {"trig", "nquads", "jsonld"}


def prefixes() -> dict[str, str]:
    """The prefixes of the published JSON-LD context (also used for Turtle and TriG)."""
    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    return {k: v for k, v in context["@context"].items() if isinstance(v, str)}


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
    if fmt in QUAD_FORMATS:
        data: Iterable[object] = ordered
    else:
        data = sorted({pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in ordered},
                      key=str)
    kwargs = {} if fmt in ("nquads", "ntriples") else {"prefixes": prefixes()}
    return pyoxigraph.serialize(data, format=FORMATS[fmt], **kwargs) or b""


def write_rdf(quads: Iterable[Quad], out: Path, fmt: str) -> Path:
    payload = serialise(quads, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


__all__ = ["FORMATS", "ONTOLOGY", "REF", "canonical_nquads", "serialise", "sorted_quads",
           "write_rdf"]
