"""Run the HermiT OWL 2 reasoner over a graph through owlready2 (needs Java on PATH).

HermiT, not Pellet: Pellet through owlready2 0.50+ fails on Java 17. The graph is written
to a temporary N-Triples file and loaded from there, so owlready2 never follows
``owl:imports`` or reaches the network. Literals of datatypes outside the OWL 2 datatype
map (``xsd:date``, ``xsd:gYear`` …) are left out of the reasoner's copy: HermiT rejects
them, and no axiom of the ontology depends on them.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import owlready2
from rdflib import OWL, XSD, Graph, Literal, URIRef

# The OWL 2 datatype map that HermiT accepts (plus rdf:PlainLiteral / langString).
OWL2_DATATYPES = {
    XSD[name] for name in (
        "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN",
        "boolean", "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger",
        "positiveInteger", "negativeInteger", "long", "int", "short", "byte",
        "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "double", "float",
        "dateTime", "dateTimeStamp", "hexBinary", "base64Binary", "anyURI",
    )
} | {URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral"),
      URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"),
      URIRef("http://www.w3.org/2000/01/rdf-schema#Literal")}


class ReasonerError(Exception):
    """HermiT could not run (no Java, a crash, unparsable input)."""


@dataclass
class HermitResult:
    """What HermiT concluded about a graph."""

    consistent: bool
    seconds: float
    unsatisfiable: list[str] = field(default_factory=list)
    memberships: dict[str, set[str]] = field(default_factory=dict)  # class IRI -> members
    inferred_subsumptions: int = 0   # named class ⊑ named class pairs not asserted
    inferred_types: int = 0          # individual ∈ named class pairs not asserted
    message: str = ""


def reasoner_copy(graph: Graph) -> Graph:
    """The graph without owl:imports and without literals HermiT cannot handle."""
    out = Graph()
    for s, p, o in graph:
        if p == OWL.imports:
            continue
        if isinstance(o, Literal) and o.datatype is not None and o.datatype not in OWL2_DATATYPES:
            continue
        out.add((s, p, o))
    return out


def _class_pairs(world: owlready2.World) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    subsumptions = {(c.iri, s.iri) for c in world.classes() for s in c.is_a
                    if isinstance(s, owlready2.ThingClass)}
    types = {(i.iri, c.iri) for i in world.search(iri="*") if isinstance(i, owlready2.Thing) for c in i.is_a
             if isinstance(c, owlready2.ThingClass)}
    return subsumptions, types


def run_hermit(graph: Graph, classes: Iterable[str] = ()) -> HermitResult:
    """Check consistency, classify, realise; report the members of ``classes`` (IRIs)."""
    handle, path = tempfile.mkstemp(suffix=".nt", prefix="rkg-hermit-")
    os.close(handle)
    try:
        reasoner_copy(graph).serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        world.get_ontology(f"file://{path}").load()
        before = _class_pairs(world)
        started = time.perf_counter()
        try:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            return HermitResult(False, time.perf_counter() - started, message=str(exc).strip()[:500])
        except (owlready2.OwlReadyJavaError, OSError) as exc:
            raise ReasonerError(f"HermiT failed: {str(exc).strip()[:500]}") from exc
        seconds = time.perf_counter() - started
        after = _class_pairs(world)
        nothing = owlready2.Nothing
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not nothing)
        memberships = {}
        for iri in classes:
            cls = world[iri]
            memberships[iri] = {i.iri for i in cls.instances(world=world)} if cls is not None else set()
        return HermitResult(
            consistent=True, seconds=seconds, unsatisfiable=unsatisfiable,
            memberships=memberships,
            inferred_subsumptions=len(after[0] - before[0]),
            inferred_types=len(after[1] - before[1]),
        )
    finally:
        os.unlink(path)
