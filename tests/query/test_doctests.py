"""The examples in the docstrings of the query library and the pair statistics run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["repression_kg.query.spec", "repression_kg.query.terms", "repression_kg.query.inject",
           "repression_kg.query.run", "repression_kg.analyse.pairs",
           "repression_kg.export.graphs", "repression_kg.files", "repression_kg.query.rdflib_backend"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
