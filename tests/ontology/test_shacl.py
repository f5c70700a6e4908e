"""SHACL: the hand-made sample conforms; broken copies fail naming the node and constraint."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from repression_kg.cli import root
from repression_kg.ontology import load_reference
from repression_kg.ontology.shacl import validate

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
RKG = Namespace("https://w3id.org/repression-kg/ontology#")
D = Namespace("https://w3id.org/repression-kg/id/doc/sample/")
OA = Namespace("http://www.w3.org/ns/oa#")
POS = URIRef("https://w3id.org/repression-kg/id/doc/sample/quote/1#pos")


def sample_graph() -> Graph:
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def test_sample_conforms() -> None:
    report = validate(sample_graph())
    assert report.conforms, [v.line() for v in report.violations]
    assert report.violations == []


def test_reference_data_conforms() -> None:
    report = validate(load_reference())
    assert report.conforms, [v.line() for v in report.violations if v.severity == "Violation"][:5]


BREAKAGES = {
    "charge cites two provisions": (
        lambda g: g.add((D["charge/1"], RKG.cites, URIRef("https://w3id.org/repression-kg/ref/law/ru-cc/280.3"))),
        D["charge/1"], RKG.cites, "MaxCountConstraintComponent"),
    "charge without accused": (
        lambda g: g.remove((D["charge/5"], RKG.accused, None)),
        D["charge/5"], RKG.accused, "MinCountConstraintComponent"),
    "sentence without kind": (
        lambda g: g.remove((D["sentence/2"], RKG.sentenceKind, None)),
        D["sentence/2"], RKG.sentenceKind, "MinCountConstraintComponent"),
    "negative duration": (
        lambda g: g.set((D["sentence/2"], RKG.durationMonths, Literal(-3))),
        D["sentence/2"], RKG.durationMonths, "MinInclusiveConstraintComponent"),
    "duration as a string": (
        lambda g: g.set((D["sentence/2"], RKG.durationMonths, Literal("96", datatype=XSD.string))),
        D["sentence/2"], RKG.durationMonths, "DatatypeConstraintComponent"),
    "fact without evidence": (
        lambda g: g.remove((D["event/3"], RKG.evidence, None)),
        D["event/3"], RKG.evidence, "MinCountConstraintComponent"),
    "annotation start after end": (
        lambda g: g.set((POS, OA.start, Literal(50))),
        POS, OA.start, "LessThanOrEqualsConstraintComponent"),
    "unknown regime": (
        lambda g: g.set((D["sentence/2"], RKG.regime, URIRef("https://w3id.org/repression-kg/ref/regime/harsh"))),
        D["sentence/2"], RKG.regime, "InConstraintComponent"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_sample_names_node_and_constraint(name: str) -> None:
    breakage, node, path, constraint = BREAKAGES[name]
    graph = sample_graph()
    breakage(graph)
    report = validate(graph)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == str(node) and v.path == str(path)]
    assert constraint in [v.constraint for v in hits], [v.line() for v in report.violations]
    assert {v.focus for v in report.violations if v.severity == "Violation"} == {str(node)}
    line = next(v.line() for v in hits if v.constraint == constraint)
    assert str(node) in line and constraint in line


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(root, ["ontology", "validate", str(SAMPLE)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    graph = sample_graph()
    graph.remove((D["sentence/2"], RKG.sentenceKind, None))
    bad = tmp_path / "bad.ttl"
    graph.serialize(bad, format="turtle")
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix x: <http://x/> . x:a x:b", encoding="utf-8")
    result = runner.invoke(root, ["ontology", "validate", str(bad), str(broken), str(SAMPLE)])
    assert result.exit_code == 1
    assert f"{bad}: does NOT conform" in result.output
    assert "sentence/2" in result.output and "MinCountConstraintComponent" in result.output
    assert f"{broken}: cannot parse" in result.output
    assert f"{SAMPLE}: conforms" in result.output
