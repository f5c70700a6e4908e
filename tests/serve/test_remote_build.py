"""`rkg build --endpoint`: the corpus built into a real Oxigraph server (the `oxigraph`
package, read-write, in memory, on loopback) holds the same quads as the embedded store,
answers the query library the same, and a second build changes nothing."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from repression_kg.query import LocalBackend, RemoteBackend, Term, load_library, run
from repression_kg.query.backends import QueryError, RemoteStore
from repression_kg.store import open_store

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# `transfers` is left out: on the bundled corpus it returns ~700k rows in ~100 s on either
# engine (a query-library problem, not an endpoint one); tests/query/test_remote.py runs it
# on the sample graph.
QUERIES = {"statute-people": {"by": "part"}, "people-charged-under": {"article": "207.3"},
           "person-timeline": {"person": "Vladimir Kara-Murza"}, "co-defendants": {},
           "principles-per-case": {}, "documents": {}, "charge-methods": {},
           "designated-organisations": {}, "statute-hierarchy": {"code": "ru-cc"}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "repression_kg", "build", str(CORPUS), *args],
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def oxigraph_server() -> Iterator[str]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server (pip package 'oxigraph') is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()  # noqa: S310 (loopback)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.skip("the oxigraph server did not start")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def built(oxigraph_server: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    local = tmp_path_factory.mktemp("local-build") / "store"
    assert _build("--store", str(local)).returncode == 0
    remote = _build("--endpoint", oxigraph_server + "/query",
                    "--update-endpoint", oxigraph_server + "/update")
    assert remote.returncode == 0, remote.stderr
    return oxigraph_server, local


def test_endpoint_holds_the_same_quads(built: tuple[str, Path]) -> None:
    url, local = built
    remote = set(RemoteStore(url + "/query").quads_for_pattern(None, None, None, None))
    embedded = set(open_store(local, read_only=True))
    assert remote == embedded
    assert len(remote) > 1000


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_library_gives_the_same_rows(built: tuple[str, Path], name: str) -> None:
    url, local = built
    spec = load_library()[name]
    here = run(spec, LocalBackend(local), QUERIES[name])
    there = run(spec, RemoteBackend(url + "/query"), QUERIES[name])
    assert there.variables == here.variables
    # The same rows. The two stores lay out their indexes differently, so rows that tie
    # under ORDER BY, and the items joined by GROUP_CONCAT (whose order SPARQL leaves
    # open; the library separates them with "; " or ", "), may come in another order.
    assert sorted(map(_key, there.bindings)) == sorted(map(_key, here.bindings))
    assert here.bindings


def _key(row: dict[str, Term]) -> list[tuple[str, ...]]:
    return sorted((k, v.kind, v.datatype or "", v.lang or "",
                   " ".join(sorted(re.split(r"[;,]? ", v.value)))) for k, v in row.items())


def test_second_build_changes_nothing(built: tuple[str, Path]) -> None:
    url, _ = built
    again = _build("--endpoint", url + "/query", "--update-endpoint", url + "/update")
    assert again.returncode == 0, again.stderr
    assert re.search(r"loaded / unchanged / failed\W+0 / [1-9]\d* / 0\b", again.stderr), again.stderr


def test_endpoint_errors_are_one_line() -> None:
    unreachable = _build("--endpoint", f"http://127.0.0.1:{_free_port()}/query")
    assert unreachable.returncode == 1
    assert "cannot reach the endpoint" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    assert _build("--update-endpoint", "http://127.0.0.1:1/update").returncode == 2
    with pytest.raises(QueryError, match="http"):
        RemoteStore("file:///tmp/store")
