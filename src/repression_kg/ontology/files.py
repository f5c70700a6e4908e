"""Where the model files live under ontology/ and how they are parsed.

Parsing never follows ``owl:imports`` and never reads a URL: every path is a local file,
and a syntax error is reported as one line naming the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from repression_kg.resources import ontology_dir

ONTOLOGY_IRI = "https://w3id.org/repression-kg/ontology"
REFERENCE_GRAPH = "https://w3id.org/repression-kg/ref/graph/reference"
ONTOLOGY_GRAPH = "https://w3id.org/repression-kg/ref/graph/ontology"


class OntologyError(Exception):
    """A model file is missing or cannot be parsed (the message names the file)."""


def ontology_file() -> Path:
    """ontology/repression.ttl: the OWL 2 ontology."""
    return ontology_dir() / "repression.ttl"


def shapes_file() -> Path:
    """ontology/shapes.ttl: the SHACL shapes that gate what enters the store."""
    return ontology_dir() / "shapes.ttl"


def reference_files() -> list[Path]:
    """ontology/reference/*.ttl, sorted (statutes, principles, vocabularies, places …)."""
    return sorted((ontology_dir() / "reference").glob("*.ttl"))


def rule_files() -> list[Path]:
    """ontology/rules/*.rq, in file-name order (the order `rkg reason` applies them)."""
    return sorted((ontology_dir() / "rules").glob("*.rq"))


def all_turtle_files() -> list[Path]:
    """Every Turtle file under ontology/."""
    return sorted(ontology_dir().rglob("*.ttl"))


def load_graph(paths: Iterable[Path], graph: Graph | None = None) -> Graph:
    """Parse Turtle files into one rdflib graph; :class:`OntologyError` names a bad file."""
    graph = graph if graph is not None else Graph()
    for path in paths:
        if not path.is_file():
            raise OntologyError(f"{path}: no such file")
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many types for bad syntax
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise OntologyError(f"{path}: cannot parse Turtle: {message}") from exc
    return graph


def load_ontology() -> Graph:
    """The ontology alone (classes, properties, axioms)."""
    return load_graph([ontology_file()])


def load_reference() -> Graph:
    """The reference data alone (statutes, principles, vocabularies and others' places etc.)."""
    return load_graph(reference_files())
