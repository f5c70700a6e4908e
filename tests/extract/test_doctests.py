"""The examples in the docstrings of the extraction modules run (and still hold)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import repression_kg.extract

MODULES = sorted(f"repression_kg.extract.{m.name}"
                 for m in pkgutil.iter_modules(repression_kg.extract.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_the_modules_with_examples_are_found() -> None:
    tried = [name for name in MODULES
             if doctest.testmod(importlib.import_module(name)).attempted]
    assert {"repression_kg.extract.literals", "repression_kg.extract.code_first",
            "repression_kg.extract.gazetteer"} <= set(tried)
