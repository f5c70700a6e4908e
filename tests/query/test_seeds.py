"""The query library on the graph `rkg build` makes of the seed documents (../shared/seeds).

These check the whole chain -- extraction, resolution, mapping, the store and the queries --
on real case documents. They skip when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from repression_kg.cli import root
from repression_kg.query import LocalBackend, load_library, run

pytestmark = pytest.mark.slow
LIBRARY = load_library()


@pytest.fixture(scope="module")
def seeds_backend(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LocalBackend:
    store = tmp_path_factory.mktemp("seeds") / "store"
    result = CliRunner().invoke(root, ["build", str(seeds_dir), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return LocalBackend(store)


def _rows(backend: LocalBackend, name: str, **params: str) -> list[dict[str, object]]:
    result = run(LIBRARY[name], backend, params)
    return [{k: t.python() for k, t in row.items()} for row in result.bindings]


def test_kagarlitsky_and_miftakhov_share_205_2(seeds_backend: LocalBackend) -> None:
    pairs = {(r["name_a"], r["name_b"], r["number"]) for r in _rows(seeds_backend, "shared-statute-pairs")}
    assert ("Azat Miftakhov", "Boris Kagarlitsky", "205.2") in pairs
    others = {(r["other_name"], r["number"]) for r in _rows(seeds_backend, "shared-statute", person="Boris Kagarlitsky")}
    assert ("Azat Miftakhov", "205.2") in others


def test_zhilin_deported_from_kazakhstan_then_78_months(seeds_backend: LocalBackend) -> None:
    rows = _rows(seeds_backend, "transfers", from_country="Kazakhstan", to_country="Russia")
    found = {(r["name"], r["date"], r["months"]) for r in rows}
    assert ("Mikhail Zhilin", "2022-12-29", 78) in found


def test_statute_people_and_timeline_on_seeds(seeds_backend: LocalBackend) -> None:
    stats = {r["number"]: r for r in _rows(seeds_backend, "statute-people")}
    assert stats["205.2"]["people"] >= 2
    timeline = _rows(seeds_backend, "person-timeline", person="Mikhail Zhilin")
    assert any(r["what"] == "Deportation" and r["date"] == "2022-12-29" for r in timeline)
    assert all(r.get("quote") for r in timeline if r.get("doc"))
