"""The facts model round-trips through JSON and matches the shared contract."""

from __future__ import annotations

import doctest
import json

from repression_kg import facts
from repression_kg.facts import Charge, Document, DocumentFacts, Person, Span


def test_doctests() -> None:
    assert doctest.testmod(facts).failed == 0


def test_round_trip_with_spans() -> None:
    text = "Ivan Petrov was charged under Article 207.3."
    doc = Document.from_text("d1", text, published="2023-04-30")
    out = DocumentFacts(document=doc.meta())
    out.persons.append(Person(id="p1", name="Ivan Petrov", mentions=[Span.of(text, 0, 11)]))
    out.charges.append(Charge(person="p1", code="RU-CC", article="207.3",
                              mentions=[Span.of(text, 30, 43)]))
    again = DocumentFacts.from_json(out.to_json())
    assert again == out
    assert again.charges[0].mentions[0].text == "Article 207.3"


def test_valid_against_shared_contract(facts_schema: dict) -> None:
    import jsonschema

    text = "Ivan Petrov was charged under Article 207.3."
    out = DocumentFacts(document=Document.from_text("d1", text).meta())
    out.persons.append(Person(id="p1", name="Ivan Petrov", mentions=[Span.of(text, 0, 11)]))
    jsonschema.validate(json.loads(out.to_json()), facts_schema)
