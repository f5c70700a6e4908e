"""graph/ is the graph of corpus/ as the code builds it today (byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pytest

from repression_kg.build import build
from repression_kg.graphdir import write_graph_dir
from repression_kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
GRAPH = ROOT / "graph"


@pytest.mark.slow
def test_graph_dir_is_fresh(tmp_path: Path) -> None:
    if not (GRAPH / "corpus.trig").is_file():
        pytest.skip("graph/corpus.trig is not built yet (see graph/README.md)")
    store = open_store(tmp_path / "store")
    report = build([ROOT / "corpus"], store)
    assert not report.failed, report.failed
    write_graph_dir(store, tmp_path / "graph")
    for name in ("corpus.trig", "stats.json"):
        fresh = (tmp_path / "graph" / name).read_bytes()
        assert fresh == (GRAPH / name).read_bytes(), (
            f"graph/{name} is stale: rebuild it with the command in graph/README.md")
