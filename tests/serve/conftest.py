"""A real `rkg serve` in a subprocess on a free loopback port, over a store on disk loaded
with tests/fixtures/site-sample.trig."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from repression_kg.store import open_store

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


def start_server(store: Path, *args: str, timeout: float = 60.0) -> tuple[subprocess.Popen, str]:
    """Start `rkg serve --port 0 …`; return the process and its base URL once it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "repression_kg", "serve", "--store", str(store), "--port", "0",
         "--quiet", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"))
    deadline = time.monotonic() + timeout
    assert process.stderr is not None
    line = process.stderr.readline()
    if "rkg serve: http://" not in line:
        process.kill()
        raise RuntimeError(f"server did not start: {line}{process.stderr.read()}")
    url = line.split("rkg serve: ", 1)[1].split("/ ", 1)[0]
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=5) as reply:
                if reply.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not answer /health in time")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


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
