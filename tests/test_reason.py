"""`rkg reason`: the SPARQL rules infer exactly what HermiT infers, on a real store.

HermiT (through owlready2 and Java) classifies the ontology, the reference data and a
hand-made sample; the rules run over the same data in an on-disk Oxigraph store. For every
defined class both must find the same members.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from repression_kg.cli import root
from repression_kg.ontology import load_ontology, load_reference
from repression_kg.ontology.check import defined_classes
from repression_kg.ontology.hermit import run_hermit
from repression_kg.reason import INFERRED_GRAPH, RuleError, ensure_model, infer, load_rules
from repression_kg.store import open_store

SAMPLE = Path(__file__).parent / "ontology" / "data" / "sample.trig"
KG_SAMPLE = Path(__file__).parent / "fixtures" / "kg-sample.trig"
RKG = "https://w3id.org/repression-kg/ontology#"
ID = "https://w3id.org/repression-kg/id/"


def _sample_graph() -> Graph:
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def classes() -> list[str]:
    return sorted(str(c) for c in defined_classes(load_ontology()))


@pytest.fixture(scope="module")
def hermit(classes: list[str]):
    return run_hermit(load_ontology() + load_reference() + _sample_graph(), classes)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    path = tmp_path_factory.mktemp("reason") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    ensure_model(store)
    infer(store)
    return store


def _rule_members(store: ox.Store, cls: str) -> set[str]:
    return {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(cls), None)}


@pytest.mark.slow
def test_rules_and_hermit_agree_on_every_defined_class(hermit, store: ox.Store, classes: list[str]) -> None:
    assert hermit.consistent, hermit.message
    assert hermit.unsatisfiable == []
    assert len(classes) >= 10
    for cls in classes:
        assert _rule_members(store, cls) == hermit.memberships[cls], cls


EXPECTED = {
    "TransferredPerson": {"person/ivan-petrov-00000001", "person/oleg-kuznetsov-00000003"},
    "SpeechDefendant": {"person/ivan-petrov-00000001", "person/maria-sidorova-00000002"},
    "DoublyProsecutedPerson": {"person/maria-sidorova-00000002"},
    "SentencedPerson": {"person/maria-sidorova-00000002", "person/oleg-kuznetsov-00000003"},
    "RecognisedPoliticalPrisoner": {"person/maria-sidorova-00000002"},
    "DualProsecutionCase": {"case/sidorova"},
    "PreparationCharge": {"doc/sample/charge/1"},
    "AttemptCharge": {"doc/sample/charge/4"},
    "DesignatedTerroristOrganisation": {"org/north-brigade-00000006"},
    "DesignatedExtremistOrganisation": {"org/reading-club-00000007"},
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defined_class_gains_the_expected_members(hermit, name: str) -> None:
    members = {m[len(ID):] for m in hermit.memberships[RKG + name] if m.startswith(ID)}
    assert members == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rules_give_the_expected_members(store: ox.Store, name: str) -> None:
    members = {m[len(ID):] for m in _rule_members(store, RKG + name) if m.startswith(ID)}
    assert members == EXPECTED[name]


def test_inferred_graph_holds_only_new_triples_and_says_it_is_reasoned(store: ox.Store) -> None:
    graph = ox.NamedNode(INFERRED_GRAPH)
    inferred = list(store.quads_for_pattern(None, None, None, graph))
    assert len(inferred) > 100
    for quad in inferred[:500]:
        others = [q for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
                  if q.graph_name != graph]
        assert others == [], quad
    node = ox.NamedNode(INFERRED_GRAPH)
    method = list(store.quads_for_pattern(node, ox.NamedNode(RKG + "method"), None, graph))
    assert [q.object.value for q in method] == ["https://w3id.org/repression-kg/ref/method/reasoned"]
    spouse = ox.NamedNode(RKG + "spouseOf")
    oleg, nina = (ox.NamedNode(ID + "person/oleg-kuznetsov-00000003"),
                  ox.NamedNode(ID + "person/nina-kuznetsova-00000004"))
    assert list(store.quads_for_pattern(oleg, spouse, nina, graph))  # symmetric
    part = ox.NamedNode("https://w3id.org/repression-kg/ref/law/ru-cc/205.5/part-2")
    code = ox.NamedNode("https://w3id.org/repression-kg/ref/law/ru-cc")
    assert list(store.quads_for_pattern(part, ox.NamedNode(RKG + "partOf"), code, graph))  # transitive


def test_cli_reason_replaces_the_inferred_graph(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    graph = ox.NamedNode(INFERRED_GRAPH)
    stale = ox.Quad(ox.NamedNode(ID + "stale"), ox.NamedNode(RKG + "name"), ox.Literal("old"), graph)
    store.add(stale)
    del store
    runner = CliRunner()
    first = runner.invoke(root, ["reason", "--store", str(path)])
    assert first.exit_code == 0, first.output
    assert "loaded the model" in first.output and "triples inferred" in first.output
    second = runner.invoke(root, ["reason", "--store", str(path)])
    assert second.exit_code == 0 and "loaded the model" not in second.output
    total = [line for line in first.output.splitlines() if "triples inferred" in line][0].split()[0]
    assert total == [line for line in second.output.splitlines() if "triples inferred" in line][0].split()[0]
    store = open_store(path, read_only=True)
    assert not list(store.quads_for_pattern(ox.NamedNode(ID + "stale"), None, None, None))


def test_rule_files_are_construct_queries() -> None:
    rules = load_rules()
    assert [r.name for r in rules] == sorted(r.name for r in rules)
    assert all(r.iri.startswith("https://w3id.org/repression-kg/ref/rule/") for r in rules)


def _inferred(path: Path, *, compiled: bool) -> set[str]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    ensure_model(store)
    infer(store, compiled=compiled)
    return {str(ox.Triple(q.subject, q.predicate, q.object))
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}


@pytest.mark.parametrize("path", [SAMPLE, KG_SAMPLE], ids=["sample", "kg-sample"])
def test_compiled_schema_rule_infers_what_its_query_does(path: Path) -> None:
    """10-schema.rq is evaluated in Python (reason/schema.py); its query is the specification."""
    assert [r.name for r in load_rules() if r.evaluator] == ["10-schema"]
    compiled = _inferred(path, compiled=True)
    assert len(compiled) > 100
    assert compiled == _inferred(path, compiled=False)


def test_unknown_python_evaluator_is_a_rule_error(tmp_path: Path) -> None:
    rule = tmp_path / "10-x.rq"
    rule.write_text("#! linear python:nothing\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(RuleError, match="nothing"):
        infer(ox.Store(), load_rules([rule]))
