"""A store on disk loaded with the hand-made sample graph, shared by the export tests."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.export import kgdata
from repression_kg.store import open_store

SAMPLE = Path(__file__).parent / "sample.trig"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def sample_data(sample_store: Path) -> kgdata.KGData:
    return kgdata.load(open_store(sample_store, read_only=True))
