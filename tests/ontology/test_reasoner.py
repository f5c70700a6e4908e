"""HermiT over the ontology: consistent with its reference data, and it notices contradictions."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, URIRef

from repression_kg.ontology import load_ontology
from repression_kg.ontology.hermit import reasoner_copy, run_hermit

RKG = "https://w3id.org/repression-kg/ontology#"


@pytest.mark.slow
def test_contradiction_is_reported_as_inconsistent() -> None:
    graph = load_ontology()
    place = URIRef("https://w3id.org/repression-kg/ref/place/nowhere")
    graph.add((place, RDF.type, URIRef(RKG + "Country")))
    graph.add((place, RDF.type, URIRef(RKG + "City")))  # Country and City are disjoint
    result = run_hermit(graph)
    assert not result.consistent


def test_reasoner_copy_drops_imports_and_unsupported_literals() -> None:
    graph = Graph().parse(data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://x/o> owl:imports <http://example.org/remote> .
        <http://x/a> <http://x/date> "2024-01-02"^^xsd:date ; <http://x/n> 3 ; <http://x/l> "t"@en .
    """, format="turtle")
    copy = reasoner_copy(graph)
    assert len(copy) == 2
    assert not list(copy.objects(None, URIRef("http://www.w3.org/2002/07/owl#imports")))
