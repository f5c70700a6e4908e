"""The extraction pipeline is a plain ordered list whose needs are always met."""

from __future__ import annotations

from repression_kg.extract import EXTRACTORS, extract_document
from repression_kg.facts import FACT_LISTS, Document


def test_every_need_is_given_earlier() -> None:
    given: set[str] = set()
    for step in EXTRACTORS:
        missing = set(step.needs) - given
        assert not missing, f"{step.name} needs {sorted(missing)} before it runs"
        given |= set(step.gives)


def test_names_are_unique() -> None:
    names = [step.name for step in EXTRACTORS]
    assert len(names) == len(set(names))


def test_empty_document_gives_no_facts() -> None:
    facts = extract_document(Document.from_text("empty", ""))
    assert all(not getattr(facts, name) for name in FACT_LISTS)
