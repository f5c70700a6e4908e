"""The fast SHACL check gives pySHACL's results on valid and broken document graphs.

The build's gate trusts the fast check only to pass a conforming document; this test
holds it to more: on every sample it decides, its set of (focus, path, constraint,
severity) equals pySHACL's, so it can neither pass a broken document nor invent a fault.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from rdflib import Graph

from repression_kg.build import Report, map_documents, read_and_extract, validate_quads
from repression_kg.ontology.shacl import compiled_shapes, gate, quads_graph, shapes, validate
from repression_kg.ontology.shacl_fast import check, compile_shapes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RKG = "https://w3id.org/repression-kg/ontology#"


@pytest.fixture(scope="module")
def documents() -> dict[str, list[Quad]]:
    names = ["01_yashin-case-page.txt", "06_ponomarenko-ru.txt", "07_orlov-verdict.txt"]
    quads, _ = map_documents(read_and_extract([CORPUS / n for n in names], Report()))
    return quads


def pyshacl_keys(quads: list[Quad]) -> set[tuple[str, str, str, str]]:
    report = validate(quads_graph(quads))
    return {(v.focus, v.path, v.constraint, v.severity) for v in report.violations}


def mutations(quads: list[Quad]) -> dict[str, list[Quad]]:
    """Broken copies: each changes the first triple of every predicate (or drops all of
    them), so one copy breaks many constraints at once."""
    first: dict[str, int] = {}
    for i, q in enumerate(quads):
        first.setdefault(q.predicate.value, i)
    firsts = set(first.values())

    def replace(make) -> list[Quad]:  # noqa: ANN001
        out = []
        for i, q in enumerate(quads):
            if i in firsts and q.predicate != RDF_TYPE:
                out.append(Quad(q.subject, q.predicate, make(q), q.graph_name))
            else:
                out.append(q)
        return out

    other = NamedNode("https://example.org/not-a-ref")
    preds = sorted(first)
    return {
        "drop every other predicate": [q for q in quads if q.predicate.value not in preds[::2]],
        "drop the rest": [q for q in quads if q.predicate.value not in preds[1::2]],
        "drop types": [q for q in quads if q.predicate != RDF_TYPE],
        "second value": quads + [Quad(quads[i].subject, quads[i].predicate, other,
                                      quads[i].graph_name) for i in sorted(firsts)],
        "literal for IRI": replace(lambda q: Literal("x")),
        "foreign IRI": replace(lambda q: other),
        "negative integer": replace(lambda q: Literal("-5", datatype=NamedNode(XSD + "integer"))),
        "ill-typed": replace(lambda q: Literal("abc", datatype=NamedNode(XSD + "integer"))),
        "language string": replace(lambda q: Literal("x", language="en")),
        "decimal": replace(lambda q: Literal("1.5", datatype=NamedNode(XSD + "decimal"))),
        "date": replace(lambda q: Literal("2023-02-30", datatype=NamedNode(XSD + "date"))),
        "every class": quads + [Quad(quads[0].subject, RDF_TYPE, NamedNode(RKG + c),
                                     quads[0].graph_name)
                                for c in ("Charge", "Sentence", "Transfer", "Person",
                                          "Correction", "Document", "LegalPrinciple")],
    }


def test_shapes_compile() -> None:
    assert compiled_shapes() is not None


def test_valid_documents_agree(documents: dict[str, list[Quad]]) -> None:
    compiled = compiled_shapes()
    assert compiled is not None
    for doc_id, quads in documents.items():
        assert check(compiled, quads) == pyshacl_keys(quads), doc_id
        assert gate(quads) == []


def test_broken_documents_agree(documents: dict[str, list[Quad]]) -> None:
    compiled = compiled_shapes()
    assert compiled is not None
    broken = 0
    for doc_id, quads in list(documents.items())[:2]:
        for name, mutated in mutations(quads).items():
            want = pyshacl_keys(mutated)
            assert check(compiled, mutated) == want, f"{doc_id}: {name}"
            broken += any(k[3] == "Violation" for k in want)
            if name in ("literal for IRI", "drop types"):  # the gate still names the fault
                lines = validate_quads(doc_id, mutated)
                assert bool(lines) == any(k[3] == "Violation" for k in want)
    assert broken >= 15


def test_unsupported_shapes_fall_back_to_pyshacl() -> None:
    extra = Graph()
    extra.parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix rkg: <https://w3id.org/repression-kg/ontology#> .
        <urn:x:shape> a sh:NodeShape ; sh:targetClass rkg:Charge ;
            sh:property [ sh:path rkg:accused ; sh:class rkg:Person ] .""", format="turtle")
    assert compile_shapes(extra) is None
    assert compile_shapes(shapes() + extra) is None
