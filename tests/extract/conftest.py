"""Helpers for extractor tests: build a Document from a string and run the pipeline.

Other extractor tests import these: ``from tests.extract.conftest import run`` is not
needed — use the ``make_doc``/``run`` functions directly or the fixtures of the same name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from repression_kg.extract import extract_document
from repression_kg.facts import Document, DocumentFacts


def make_doc(text: str, published: str | None = None) -> Document:
    """A Document made from ``text``, optionally with a publication date (ISO, may be partial)."""
    return Document.from_text("test", text, published=published)


def run(text: str, published: str | None = None) -> DocumentFacts:
    """All facts the whole pipeline extracts from ``text``."""
    return extract_document(make_doc(text, published))


@pytest.fixture(name="make_doc")
def make_doc_fixture() -> Callable[..., Document]:
    return make_doc


@pytest.fixture(name="run")
def run_fixture() -> Callable[..., DocumentFacts]:
    return run
