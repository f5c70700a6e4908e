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
    a = ids.entity_iri("person", "zhilin|mikhail", label="Mikhail Zhilin")
    b = ids.entity_iri("person", "zhilin|mikhail", label="Mikhail Zhilin")
    c = ids.entity_iri("person", "zhilina|ekaterina", label="Mikhail Zhilin")
    assert a == b != c


def test_configurable_base() -> None:
    base = "http://example.org/data/"
    assert ids.doc_iri("d1", base=base) == "http://example.org/data/doc/d1"
    assert ids.fact_iri("d1", "charge", 1, 2, base=base).startswith(base + "doc/d1/charge/")


@given(st.text())
def test_slug_is_iri_safe(text: str) -> None:
    s = ids.slug(text)
    assert s and all(ch.isascii() and (ch.isalnum() or ch in "-._") for ch in s)
    assert ids.slug(text) == s
