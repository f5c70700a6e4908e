"""A store on disk loaded with tests/fixtures/kg-sample.trig, shared by the query tests."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.query import LocalBackend
from repression_kg.store import open_store

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "kg-sample.trig"


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg-sample") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def sample_backend(sample_store_path: Path) -> LocalBackend:
    return LocalBackend(sample_store_path)
