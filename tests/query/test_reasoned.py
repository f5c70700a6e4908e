"""After `rkg reason` (superclass types, inverse and symmetric relations, transitive partOf
in id:graph/inferred) every library query gives the same rows: no fact is counted twice."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from repression_kg.query import LocalBackend, load_library, run

from .test_library_sample import CASES, _cell

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "kg-sample.trig"
LIBRARY = load_library()


@pytest.fixture(scope="module")
def reasoned() -> LocalBackend:
    from repression_kg.reason import ensure_model, infer

    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    ensure_model(store)
    report = infer(store)
    assert report.triples > 0
    return LocalBackend(store)


@pytest.mark.parametrize(("name", "params", "columns", "rows"), CASES)
def test_rows_unchanged_by_reasoning(reasoned: LocalBackend, name: str, params: dict[str, str],
                                     columns: tuple[str, ...], rows: list) -> None:
    got = [tuple(_cell(row.get(c)) for c in columns) for row in run(LIBRARY[name], reasoned, params).bindings]
    assert got == rows


def test_reasoned_relations_on_request(reasoned: LocalBackend) -> None:
    rows = run(LIBRARY["relations"], reasoned, {"person": "Mikhail Zhilin", "include_reasoned": "true"}).bindings
    assert ("Mikhail Zhilin", "spouseOf", "Ekaterina Zhilina") in {
        (r["subject_name"].value, r["relation"].value, r["object_name"].value) for r in rows}
