"""The same queries over HTTP: a real Oxigraph server (read-only, loopback) as the endpoint.

The server runs without a union default graph, as most endpoints do, so this also checks
that the library's explicit GRAPH patterns make it portable.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from repression_kg.query import LocalBackend, QueryError, RemoteBackend, load_library, run

LIBRARY = load_library()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint(sample_store_path: Path) -> Iterator[str]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server (pip package 'oxigraph') is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(sample_store_path),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()  # noqa: S310
                break
            except OSError:
                if process.poll() is not None:
                    pytest.skip(f"oxigraph server did not start: {process.stderr.read().decode()[:200] if process.stderr else ''}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(("name", "params"), [
    ("transfers", {}), ("statute-people", {"by": "part"}), ("shared-statute", {"person": "Azat Miftakhov"}),
    ("evidence", {"entity": "id:person/mikhail-zhilin-2c3d4e5f"}), ("designated-organisations", {}),
    ("search-people", {"text": "жилин"}),
])
def test_remote_endpoint_gives_the_same_rows(endpoint: str, sample_backend: LocalBackend, name: str,
                                             params: dict[str, str]) -> None:
    remote = run(LIBRARY[name], RemoteBackend(endpoint), params)
    local = run(LIBRARY[name], sample_backend, params)
    assert remote.variables == local.variables
    assert remote.bindings == local.bindings
    assert remote.bindings


def test_remote_errors_are_query_errors(endpoint: str) -> None:
    with pytest.raises(QueryError, match="HTTP 400"):
        RemoteBackend(endpoint).select("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="cannot reach"):
        RemoteBackend(f"http://127.0.0.1:{_free_port()}/query", timeout=2).select("ASK {}")


def test_only_http_endpoints() -> None:
    with pytest.raises(QueryError, match="http"):
        RemoteBackend("file:///etc/passwd")


def test_analysis_over_the_endpoint_matches_local(endpoint: str, sample_backend: LocalBackend) -> None:
    from repression_kg.analyse.report import build_sections

    remote = [(s.title, s.rows) for s in build_sections(RemoteBackend(endpoint))]
    local = [(s.title, s.rows) for s in build_sections(sample_backend)]
    assert remote == local
