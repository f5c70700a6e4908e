"""The issue's checks on the seeds: one Zhilin across documents, his facts, and provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, Variable

from repression_kg.build import build
from repression_kg.rdf.serialise import canonical_nquads
from repression_kg.store import open_store

pytestmark = pytest.mark.seeds

P = """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
PREFIX ref: <https://w3id.org/repression-kg/ref/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def store(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    db = open_store(tmp_path_factory.mktemp("seeds") / "store")
    report = build([seeds_dir], db)
    assert not report.failed, report.failed
    return db


def person(store, name: str) -> list[str]:  # noqa: ANN001
    found = store.query(P + "SELECT DISTINCT ?p ?n ?name WHERE { ?p a rkg:Person ; rkg:name ?n . "
                        "FILTER(?n = ?name) }", use_default_graph_as_union=True,
                        substitutions={Variable("name"): Literal(name)})
    return sorted({r["p"].value for r in found})


def test_zhilin_is_one_person_across_documents(store) -> None:  # noqa: ANN001
    (zhilin,) = person(store, "Mikhail Zhilin")
    graphs = {q.graph_name.value.rsplit("/", 1)[-1] for q in store.quads_for_pattern(
        None, None, None) if q.subject.value == zhilin}
    assert {"000_cf656991ca73c798", "001_d5c495ff576e2abb"} <= graphs
    aliases = {r["a"].value for r in store.query(
        P + f"SELECT ?a WHERE {{ <{zhilin}> rkg:alias ?a }}", use_default_graph_as_union=True)}
    assert "Жилин Михаил Алексеевич" in aliases
    (wife,) = person(store, "Ekaterina Zhilina")
    assert wife != zhilin
    spouses = store.query(P + f"ASK {{ {{ <{wife}> rkg:spouseOf <{zhilin}> }} UNION "
                          f"{{ <{zhilin}> rkg:spouseOf <{wife}> }} }}",
                          use_default_graph_as_union=True)
    assert bool(spouses)


def test_zhilin_charges_sentence_and_deportation(store) -> None:  # noqa: ANN001
    (zhilin,) = person(store, "Mikhail Zhilin")
    cited = {r["c"].value for r in store.query(
        P + f"SELECT ?c WHERE {{ ?x rkg:accused <{zhilin}> ; rkg:cites ?c }}",
        use_default_graph_as_union=True)}
    base = "https://w3id.org/repression-kg/ref/law/ru-cc/"
    assert {base + "322/part-1", base + "338/part-3"} <= cited
    sentences = [(r["m"].value, r["d"].value, r["city"].value) for r in store.query(
        P + f"SELECT ?m ?d ?city WHERE {{ ?s rkg:sentenced <{zhilin}> ; rkg:durationMonths ?m ;"
        " rkg:date ?d ; rkg:court ?c . ?c rkg:seat ?city }", use_default_graph_as_union=True)]
    assert ("78", "2023-03-20", "https://w3id.org/repression-kg/ref/place/barnaul") in sentences
    moves = {(r["f"].value, r["t"].value, r["d"].value) for r in store.query(
        P + f"SELECT ?f ?t ?d WHERE {{ ?e a rkg:Deportation ; rkg:participant <{zhilin}> ; "
        "rkg:fromCountry ?f ; rkg:toCountry ?t ; rkg:date ?d }", use_default_graph_as_union=True)}
    place = "https://w3id.org/repression-kg/ref/place/"
    assert (place + "kazakhstan", place + "russia", "2022-12-29") in moves


def test_zimin_preparation_and_a_terrorist_designation(store) -> None:  # noqa: ANN001
    (zimin,) = person(store, "Dmitry Zimin")
    charges = {(r["c"].value.rsplit("ru-cc/", 1)[-1], r["m"].value) for r in store.query(
        P + f"SELECT ?c ?m WHERE {{ ?x rkg:accused <{zimin}> ; rkg:cites ?c ; rkg:modifier ?m }}",
        use_default_graph_as_union=True)}
    prep = "https://w3id.org/repression-kg/ontology#Preparation"
    assert charges == {("275", prep), ("205.5/part-2", prep)}
    designated = [r["l"].value for r in store.query(
        P + "SELECT ?l WHERE { ?d a rkg:Designation ; rkg:designated ?o ; "
        "rkg:designationType ref:designation\\/terrorist . ?o rdfs:label ?l }",
        use_default_graph_as_union=True)]
    assert any("Free Russia Legion" in label for label in designated)


def test_every_fact_quotes_its_words(store) -> None:  # noqa: ANN001
    missing = list(store.query(P + """SELECT ?f WHERE {
        { ?f a rkg:Charge } UNION { ?f a rkg:Sentence } UNION { ?f rkg:participant ?p }
        FILTER NOT EXISTS { ?f rkg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?q } }""",
                               use_default_graph_as_union=True))
    assert missing == []
    quotes = [r["q"].value for r in store.query(
        P + "SELECT ?q WHERE { ?f a rkg:Charge ; rkg:evidence/oa:hasTarget/oa:hasSelector/"
        "oa:exact ?q }", use_default_graph_as_union=True)]
    assert quotes and all(q.strip() for q in quotes)


def test_two_builds_give_identical_bytes(seeds_dir: Path, tmp_path: Path, store) -> None:  # noqa: ANN001
    again = open_store(tmp_path / "again")
    build([seeds_dir], again)
    def dump(db):  # noqa: ANN001, ANN202
        return canonical_nquads(q for q in db.quads_for_pattern(None, None, None, None))
    assert dump(again) == dump(store)
