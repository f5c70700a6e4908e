"""A store on disk loaded with tests/fixtures/site-sample.trig, and the site written from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.site import SiteStats, write_site
from repression_kg.store import open_store

TESTS = Path(__file__).resolve().parents[1]
SAMPLE = TESTS / "fixtures" / "site-sample.trig"
if str(TESTS) not in sys.path:  # tests/browser.py, the shared headless-chromium harness
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def site_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site-store") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def site(site_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteStats]:
    out = tmp_path_factory.mktemp("site") / "site"
    stats = write_site(open_store(site_store, read_only=True), out)
    return out, stats
