"""A real `rkg serve` in a subprocess on a free loopback port, over a store on disk loaded
with tests/fixtures/site-sample.trig."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.store import open_store

TESTS_DIR = Path(__file__).resolve().parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

from rkg_server import start_server, stop_server  # noqa: E402

TESTS = Path(__file__).resolve().parents[1]
SAMPLE = TESTS / "fixtures" / "site-sample.trig"
if str(TESTS) not in sys.path:  # tests/browser.py, the shared headless-chromium harness
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def serve_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve-store") / "store"
    store = open_store(path)
    store.load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def server(serve_store: Path) -> Iterator[str]:
    process, url = start_server(serve_store, "--timeout", "2", "--max-rows", "200",
                                "--max-concurrent", "3")
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def writable_server(serve_store: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("writable") / "store"
    shutil.copytree(serve_store, copy)
    process, url = start_server(copy, "--allow-update", "--token", "s3cret")
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def site_server(serve_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from repression_kg.site import write_site

    site = tmp_path_factory.mktemp("served-site") / "site"
    write_site(open_store(serve_store, read_only=True), site)
    process, url = start_server(serve_store, "--site", str(site), "--max-concurrent", "1",
                                "--cors", "https://researcher.example")
    try:
        yield url
    finally:
        stop_server(process)
