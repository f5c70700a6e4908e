"""The queries on the project's own reference data (ontology/reference/*.ttl) in
ref:graph/reference, with the sample's document graphs: checks that the library reads the
reference data in the shape the ontology helper wrote it (code subclasses, article parts,
principles linked to the articles that state them)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from repression_kg.query import LocalBackend, load_library, run
from repression_kg.resources import ontology_dir

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "kg-sample.trig"
REFERENCE_GRAPH = ox.NamedNode("https://w3id.org/repression-kg/ref/graph/reference")
LIBRARY = load_library()


@pytest.fixture(scope="module")
def backend() -> LocalBackend:
    files = sorted((ontology_dir() / "reference").glob("*.ttl"))
    if not files:
        pytest.skip("ontology/reference/*.ttl is not there yet")
    sample = ox.Store()
    sample.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    store = ox.Store()
    store.extend(q for q in sample if q.graph_name != REFERENCE_GRAPH)
    for path in files:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=REFERENCE_GRAPH)
    return LocalBackend(store)


def _title(backend: LocalBackend, iri: str) -> str:
    rows = backend.select(
        f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?t WHERE {{ GRAPH ?g {{ <{iri}> rdfs:label ?t "
        "FILTER(LANG(?t) = 'en') } }").bindings
    return rows[0]["t"].value


def test_shared_statute_titles_come_from_reference_data(backend: LocalBackend) -> None:
    rows = run(LIBRARY["shared-statute"], backend, {"person": "Boris Kagarlitsky", "by": "part"}).bindings
    assert [(r["other_name"].value, r["number"].value) for r in rows] == [("Azat Miftakhov", "205.2 part 2")]
    rows = run(LIBRARY["shared-statute"], backend, {"person": "Boris Kagarlitsky"}).bindings
    assert rows[0]["title"].value == _title(backend, "https://w3id.org/repression-kg/ref/law/ru-cc/205.2")


def test_statute_hierarchy_and_admin_pattern_on_reference_codes(backend: LocalBackend) -> None:
    rows = run(LIBRARY["statute-hierarchy"], backend, {"code": "ru-coap"}).bindings
    charged = {(r["number"].value, r.get("part_number") and r["part_number"].value): int(r["people"].value)
               for r in rows if int(r["people"].value)}
    assert charged == {("20.3.3", "1"): 1}
    rows = run(LIBRARY["admin-then-criminal"], backend).bindings
    assert [r["name"].value for r in rows] == ["Olga Smirnova"]


def test_principles_list_the_articles_that_state_them(backend: LocalBackend) -> None:
    rows = run(LIBRARY["principles-per-case"], backend, {"principle": "non_refoulement"}).bindings
    stated = rows[0]["stated_in"].value.split("; ")
    assert len(stated) == 2  # the Refugee Convention and the Convention against Torture
    rows = run(LIBRARY["statute-people"], backend, {"article": "322"}).bindings
    assert [(r["number"].value, int(r["median_months"].value)) for r in rows] == [("322", 78)]
