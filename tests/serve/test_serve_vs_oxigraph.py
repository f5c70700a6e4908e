"""Our endpoint and the reference Oxigraph server (the `oxigraph` package) give the same
answers over the same store, in every result format both speak."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_serve_endpoint import CONSTRUCT, LABELS, call

pytestmark = pytest.mark.slow

QUERIES = [
    LABELS,
    """PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
       SELECT ?law (COUNT(?c) AS ?n) (SAMPLE(?g) AS ?graph) WHERE {
         GRAPH ?g { ?c rkg:cites ?part } ?part rkg:partOf ?law } GROUP BY ?law ORDER BY ?law""",
    """SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o
       FILTER(LANG(?o) = "ru") } ORDER BY ?s ?o""",
    """PREFIX oa: <http://www.w3.org/ns/oa#>
       SELECT ?q ?start ?exact WHERE { ?q oa:start ?start . ?t oa:hasSelector ?q, ?x .
       ?x oa:exact ?exact } ORDER BY ?q""",
    "ASK { ?s ?p \"Mikhail Zhilin\" }",
]
FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def oxigraph_server(serve_store: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> Iterator[str]:
    executable = shutil.which("oxigraph")
    if executable is None:
        pytest.skip("the oxigraph server (PyPI package `oxigraph`) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [executable, "serve-read-only", "--location", str(serve_store), "--bind",
         f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the oxigraph server did not start")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def answers(url: str, query: str, accept: str) -> list:
    status, _, body = call(url + "?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": accept})
    assert status == 200, body[:300]
    result = ox.parse_query_results(body, format=FORMATS[accept])
    if isinstance(result, ox.QueryBoolean):
        return [bool(result)]
    names = [v.value for v in result.variables]
    return [tuple(row[n] for n in names) for row in result]


@pytest.mark.parametrize("accept", list(FORMATS))
@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_same_solutions_as_oxigraph(server: str, oxigraph_server: str, query: str,
                                   accept: str) -> None:
    ours = answers(server + "/sparql", query, accept)
    theirs = answers(oxigraph_server + "/query", query, accept)
    assert ours == theirs and ours


def test_same_graph_as_oxigraph(server: str, oxigraph_server: str) -> None:
    def triples(url: str) -> set:
        status, _, body = call(url + "?" + urllib.parse.urlencode({"query": CONSTRUCT}),
                               headers={"Accept": "application/n-triples"})
        assert status == 200
        return {q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}

    assert triples(server + "/sparql") == triples(oxigraph_server + "/query")
