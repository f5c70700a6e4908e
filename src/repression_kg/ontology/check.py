"""Checks an ontology engineer expects: every term labelled and defined, the model counted.

>>> from repression_kg.ontology import load_ontology
>>> term_problems(load_ontology())
[]
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from repression_kg.ids import ONTOLOGY, REF

TERM_TYPES = {
    "class": OWL.Class,
    "object property": OWL.ObjectProperty,
    "datatype property": OWL.DatatypeProperty,
    "annotation property": OWL.AnnotationProperty,
}


@dataclass(frozen=True)
class Counts:
    """How big the model is."""

    classes: int
    defined_classes: int
    object_properties: int
    datatype_properties: int
    annotation_properties: int
    individuals: int
    axioms: int

    def rows(self) -> list[tuple[str, int]]:
        return [
            ("classes", self.classes), ("of which defined", self.defined_classes),
            ("object properties", self.object_properties),
            ("datatype properties", self.datatype_properties),
            ("annotation properties", self.annotation_properties),
            ("individuals (ontology + reference)", self.individuals), ("triples", self.axioms),
        ]


def own_terms(graph: Graph, rdf_type: URIRef) -> list[URIRef]:
    """The terms of our namespace declared with ``rdf_type``, sorted."""
    return sorted(s for s in graph.subjects(RDF.type, rdf_type)
                  if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY))


def defined_classes(graph: Graph) -> list[URIRef]:
    """Our classes with an ``owl:equivalentClass`` axiom (their members can be inferred)."""
    return [c for c in own_terms(graph, OWL.Class) if (c, OWL.equivalentClass, None) in graph]


def term_problems(graph: Graph) -> list[str]:
    """One line per term of ours that lacks an English rdfs:label or a skos:definition."""
    problems = []
    for kind, rdf_type in TERM_TYPES.items():
        for term in own_terms(graph, rdf_type):
            labels = [o for o in graph.objects(term, RDFS.label) if getattr(o, "language", None) == "en"]
            if not labels:
                problems.append(f"{term}: {kind} without an English rdfs:label")
            if (term, SKOS.definition, None) not in graph:
                problems.append(f"{term}: {kind} without a skos:definition")
    return problems


def individuals(graph: Graph) -> set[URIRef]:
    """Named individuals of our namespaces: typed with one of our classes or a SKOS concept."""
    classes = set(own_terms(graph, OWL.Class)) | {SKOS.Concept, SKOS.ConceptScheme}
    return {s for s, o in graph.subject_objects(RDF.type)
            if o in classes and isinstance(s, URIRef) and str(s).startswith((ONTOLOGY, REF))}


def count(ontology: Graph, reference: Graph | None = None) -> Counts:
    """Counts of the ontology (and the individuals of the reference data, when given)."""
    combined = ontology + reference if reference is not None else ontology
    return Counts(
        classes=len(own_terms(ontology, OWL.Class)),
        defined_classes=len(defined_classes(ontology)),
        object_properties=len(own_terms(ontology, OWL.ObjectProperty)),
        datatype_properties=len(own_terms(ontology, OWL.DatatypeProperty)),
        annotation_properties=len(own_terms(ontology, OWL.AnnotationProperty)),
        individuals=len(individuals(combined)),
        axioms=len(ontology),
    )
