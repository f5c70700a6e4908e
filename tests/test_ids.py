"""IRIs are minted in one place and are deterministic."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

from repression_kg import ids


def test_doctests() -> None:
    result = doctest.testmod(ids)
    assert result.failed == 0 and result.attempted > 0


def test_provision_hierarchy_is_readable() -> None:
    part = ids.provision_iri("RU-CC", "205.5", "2")
    article = ids.provision_iri("RU-CC", "205.5")
    assert part.startswith(article + "/")
    assert article.startswith(ids.code_iri("RU-CC") + "/")
    assert ids.provision_iri("RU-CoAP", "20.3.3").endswith("/law/ru-coap/20.3.3")


def test_entity_iri_depends_on_key_not_label() -> None:
    import inspect

    # entity_iri takes no label at all: nothing but the kind and the key can reach the IRI
    assert "label" not in inspect.signature(ids.entity_iri).parameters
    a = ids.entity_iri("person", "mikhail zhilin")
    assert a == ids.entity_iri("person", "mikhail zhilin")
    assert a != ids.entity_iri("person", "ekaterina zhilina")
    assert a != ids.entity_iri("court", "mikhail zhilin")
    assert a.rsplit("/", 1)[-1].startswith("mikhail-zhilin-")


def test_person_iri_ignores_the_spelling_of_the_display_name() -> None:
    """Two runs that see different spellings of one person mint the same IRI."""
    from repression_kg.facts import DocumentFacts, DocumentMeta, Person
    from repression_kg.resolve import PersonResolver

    def run(name: str) -> str:
        doc = DocumentMeta(id="d1", text_sha256="0" * 64)
        resolver = PersonResolver()
        resolver.add(DocumentFacts(document=doc, persons=[Person(id="p1", name=name)]))
        resolver.finish()
        iri = resolver.iri("d1", "p1")
        assert iri is not None
        return iri

    assert run("Dmitry Sokolovsky") == run("Dmitri Sokolovskiy") == run("Dmitriy Sokolovskii")


def test_cyrillic_key_gets_a_transliterated_readable_part() -> None:
    iri = ids.entity_iri("court", "басманный районный суд")
    assert iri.rsplit("/", 1)[-1].startswith("basmanny-rayonny-sud-")


def test_configurable_base() -> None:
    base = "http://example.org/data/"
    assert ids.doc_iri("d1", base=base) == "http://example.org/data/doc/d1"
    assert ids.fact_iri("d1", "charge", 1, 2, base=base).startswith(base + "doc/d1/charge/")


@given(st.text())
def test_slug_is_iri_safe(text: str) -> None:
    s = ids.slug(text)
    assert s and all(ch.isascii() and (ch.isalnum() or ch in "-._") for ch in s)
    assert ids.slug(text) == s
