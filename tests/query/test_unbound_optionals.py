"""Facts with a missing optional link (no destination country, no court, no recogniser).

A label lookup written as a top-level ``OPTIONAL { SELECT ?x ... GROUP BY ?x }`` joins with
every labelled node when ``?x`` is unbound: on the bundled corpus one deportation without a
destination turned the transfers query into 720,000 rows and gave sentences without a court
the name of an arbitrary court. The lookups must sit inside the OPTIONAL that binds ``?x``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.query import LocalBackend, load_library, run
from repression_kg.store import open_store

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "kg-sample.trig"
LIBRARY = load_library()

#: Pavel Lebedev (sample person) gets a deportation with no destination and no date, a
#: charge and a sentence with no court, and a recognition with no recognising organisation.
EXTRA = """
@prefix rkg: <https://w3id.org/repression-kg/ontology#> .
@prefix ref: <https://w3id.org/repression-kg/ref/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/repression-kg/id/doc/d9-partial> {
  <https://w3id.org/repression-kg/id/doc/d9-partial/event/1> a rkg:Deportation, rkg:Fact ;
      rkg:participant <https://w3id.org/repression-kg/id/person/pavel-lebedev-7b8c9d0e> ;
      rkg:fromCountry <https://w3id.org/repression-kg/ref/place/germany> .
  <https://w3id.org/repression-kg/id/doc/d9-partial/charge/1> a rkg:Charge, rkg:Fact ;
      rkg:accused <https://w3id.org/repression-kg/id/person/pavel-lebedev-7b8c9d0e> ;
      rkg:cites <https://w3id.org/repression-kg/ref/law/ru-cc/322/part-1> .
  <https://w3id.org/repression-kg/id/doc/d9-partial/sentence/1> a rkg:Sentence, rkg:Fact ;
      rkg:sentenced <https://w3id.org/repression-kg/id/person/pavel-lebedev-7b8c9d0e> ;
      rkg:sentenceKind <https://w3id.org/repression-kg/ref/sentence-kind/imprisonment> ; rkg:durationMonths 10 ;
      rkg:date "2024-05-01"^^xsd:date .
  <https://w3id.org/repression-kg/id/doc/d9-partial/recognition/1> a rkg:PoliticalPrisonerRecognition, rkg:Fact ;
      rkg:recognised <https://w3id.org/repression-kg/id/person/pavel-lebedev-7b8c9d0e> .
}
"""


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> LocalBackend:
    path = tmp_path_factory.mktemp("partial") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    store.load(EXTRA.encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return LocalBackend(path)


def _rows(backend: LocalBackend, name: str, **params: str) -> list[dict[str, object]]:
    result = run(LIBRARY[name], backend, params)
    return [{v: (row[v].python() if v in row else None) for v in result.variables} for row in result.bindings]


def test_transfer_without_destination_is_one_row(backend: LocalBackend) -> None:
    rows = _rows(backend, "transfers")
    assert len(rows) == 3
    partial = [r for r in rows if r["name"] == "Pavel Lebedev"]
    assert len(partial) == 1
    assert partial[0]["to"] is None and partial[0]["to_name"] is None
    assert partial[0]["from_name"] == "Germany" and partial[0]["months"] == 10
    assert partial[0]["court_name"] is None


def test_sentence_without_court_names_no_court(backend: LocalBackend) -> None:
    rows = _rows(backend, "people-charged-under", article="322")
    assert [(r["name"], r["max_months"], r["court"]) for r in rows] == [
        ("Mikhail Zhilin", 78, "Barnaul Garrison Military Court"), ("Pavel Lebedev", 10, None)]


def test_timeline_rows_are_not_multiplied(backend: LocalBackend) -> None:
    rows = _rows(backend, "person-timeline", person="Pavel Lebedev")
    whats = sorted(str(r["what"]) for r in rows)
    assert whats == ["AsylumGranted", "Deportation", "OpenLetter", "PoliticalPrisonerRecognition", "Sentence"]
    sentence = next(r for r in rows if r["what"] == "Sentence")
    assert sentence["detail"] == "imprisonment 10 months"
    recognition = next(r for r in rows if r["what"] == "PoliticalPrisonerRecognition")
    assert recognition["detail"] == ""
