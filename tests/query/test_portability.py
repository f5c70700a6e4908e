"""The library runs unchanged on a second SPARQL 1.1 engine: rdflib gives the expected rows.

Every case of test_library_sample.py (the hand-made sample graph, parameters bound the same
way) is run on an rdflib ``Dataset`` through :class:`RdflibBackend`. Engines differ where the
standard leaves room (aggregates over unbound values, ORDER BY on unbound, BIND over a
variable bound outside its group), so the queries keep to forms both read the same way.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Dataset
from tests.query.conftest import SAMPLE
from tests.query.test_library_sample import CASES, LIBRARY, _cell

from repression_kg.query import run
from repression_kg.query.rdflib_backend import RdflibBackend

#: rdflib 7 warns about its own use of Dataset.default_context on every GRAPH pattern.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def rdflib_backend() -> RdflibBackend:
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    return RdflibBackend(dataset)


@pytest.mark.parametrize(("name", "params", "columns", "rows"), CASES)
def test_rdflib_gives_the_expected_rows(rdflib_backend: RdflibBackend, name: str, params: dict[str, str],
                                        columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    result = run(LIBRARY[name], rdflib_backend, params)
    assert [tuple(_cell(row.get(c)) for c in columns) for row in result.bindings] == rows


def test_injection_is_harmless_on_rdflib(rdflib_backend: RdflibBackend) -> None:
    before = len(rdflib_backend.dataset)
    result = run(LIBRARY["search-people"], rdflib_backend, {"text": 'x" } ; DROP ALL ; #'})
    assert result.bindings == []
    assert len(rdflib_backend.dataset) == before
