"""Validate RDF against ontology/shapes.ttl with pySHACL (core constraints, no inference).

:func:`gate` is the per-document gate of the build: a fast check in Python
(:mod:`repression_kg.ontology.shacl_fast`) passes a conforming document in milliseconds,
and pySHACL, with the shapes parsed once per process, writes the report of any other.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph
import pyshacl
from rdflib import Graph, Namespace

from repression_kg.ontology.files import load_graph, shapes_file
from repression_kg.ontology.shacl_fast import Shape, compile_shapes, conforms, to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One validation result: the node, the constraint it broke, and why."""

    focus: str
    path: str
    constraint: str
    shape: str
    message: str
    severity: str

    def line(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{path}: {self.message} [{self.constraint}]"


@dataclass
class ShaclReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


@cache
def shapes() -> Graph:
    """The shapes graph (parsed once per process)."""
    return load_graph([shapes_file()])


def _local(term: object) -> str:
    text = str(term) if term is not None else ""
    return text.rsplit("#", 1)[-1] if "#" in text else text


def validate(data: Graph, shapes_graph: Graph | None = None) -> ShaclReport:
    """Validate ``data``; only violations make it non-conforming (warnings are listed too)."""
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph or shapes(), inference="none",
                                     advanced=False, allow_warnings=True)
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        violations.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=str(results.value(result, SH.resultPath) or ""),
            constraint=_local(results.value(result, SH.sourceConstraintComponent)),
            shape=str(results.value(result, SH.sourceShape)),
            message=str(results.value(result, SH.resultMessage) or ""),
            severity=_local(results.value(result, SH.resultSeverity)),
        ))
    violations.sort(key=lambda v: (v.focus, v.path, v.constraint))
    return ShaclReport(not any(v.severity == "Violation" for v in violations), violations)


@cache
def compiled_shapes() -> list[Shape] | None:
    """The shapes for the fast check (None: they need pySHACL every time)."""
    return compile_shapes(shapes())


def quads_graph(quads: Iterable[pyoxigraph.Quad | pyoxigraph.Triple]) -> Graph:
    """The rdflib graph of ``quads`` with the graph names dropped (what the gate validates)."""
    graph = Graph()
    add = graph.add
    for q in quads:
        add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def gate(quads: Iterable[pyoxigraph.Quad | pyoxigraph.Triple]) -> list[Violation]:
    """The violations (severity Violation) of one document's quads: empty when it conforms.

    Warnings are not reported here; :func:`validate` lists them."""
    quads = list(quads)
    compiled = compiled_shapes()
    if compiled is not None and conforms(compiled, quads):
        return []
    return [v for v in validate(quads_graph(quads)).violations if v.severity == "Violation"]
