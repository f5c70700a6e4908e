"""The query page in a real headless chromium: named query one click away, a results table,
downloads, nothing from the network, nothing from the data runs."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rkg_server import start_server, stop_server

browser_mod = pytest.importorskip("browser")
pytestmark = pytest.mark.slow

NAMED = """# title: People and their names
# description: Every person with a label,
#   sorted by name.
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?person ?name WHERE { ?person a rkg:Person ; rdfs:label ?name } ORDER BY ?name
"""


BY_NAME = """# title: One person by name
# param: name | string | required | the person's label
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person WHERE { ?person rdfs:label ?name }
"""


@pytest.fixture(scope="module")
def page_server(serve_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    queries = tmp_path_factory.mktemp("queries")
    (queries / "people.rq").write_text(NAMED, encoding="utf-8")
    (queries / "by-name.rq").write_text(BY_NAME, encoding="utf-8")
    process, url = start_server(serve_store, "--queries", str(queries), "--max-concurrent", "2")
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def chromium():
    yield from browser_mod.browser_or_skip()


def test_named_query_runs_into_a_table(chromium, page_server: str) -> None:
    page = chromium.open(page_server + "/")
    titles = page.evaluate("[...document.querySelectorAll('button.named')].map(b => b.textContent)")
    assert titles == ["One person by name", "People and their names"]
    page.evaluate("document.querySelectorAll('button.named')[1].click()")
    page.wait_for("document.querySelectorAll('#results tbody tr').length === 4", what="rows")
    cells = page.evaluate(
        "[...document.querySelectorAll('#results tbody tr td:nth-child(2)')].map(t => t.textContent)")
    assert '"</script><script>alert(1)</script>' in cells and "<img src=x onerror=alert(1)>" in cells
    assert page.evaluate("document.querySelectorAll('#results img, #results script').length") == 0
    link = page.evaluate("document.querySelector('#results tbody a').getAttribute('href')")
    assert link.startswith("/id/person/")
    page.evaluate("""(() => { const q = document.getElementById('query');
        q.value = 'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3';
        q.dispatchEvent(new Event('input')); })()""")
    assert page.evaluate("[...document.querySelectorAll('#downloads a')].map(a => a.id)") == \
        ["dl-turtle", "dl-jsonld", "dl-nt"]
    page.evaluate("""(() => { const q = document.getElementById('query');
        q.value = '# CONSTRUCT in a comment\\nSELECT * WHERE { ?s ?p "DESCRIBE" }';
        q.dispatchEvent(new Event('input')); })()""")
    csv_href = page.evaluate("document.getElementById('dl-csv').href")
    with urllib.request.urlopen(csv_href, timeout=10) as reply:
        assert reply.headers["Content-Type"].startswith("text/csv")
        assert sorted(reply.read().decode("utf-8").splitlines()[0].split(",")) == ["p", "s"]
    page.settle(0.3)
    assert page.dialogs == []
    assert all(r.startswith(page_server) for r in page.requests), page.requests


def test_errors_are_shown_and_entity_pages_browse(chromium, page_server: str) -> None:
    page = chromium.open(page_server + "/")
    page.evaluate("""(() => { document.getElementById('query').value = 'SELECT * WHERE {';
        document.getElementById('run').click(); })()""")
    page.wait_for("document.querySelector('#results .error') !== null", what="error")
    assert page.evaluate("document.querySelector('#results .error').textContent").startswith(
        "Error 400")
    person = chromium.open(page_server + "/id/person/img-9f9f9f9f")
    assert person.evaluate("document.querySelector('h1').textContent") == \
        "<img src=x onerror=alert(1)>"
    person.settle(0.3)
    assert person.dialogs == []
    assert person.evaluate("document.styleSheets.length") == 1
    assert all(r.startswith(page_server) for r in person.requests)


def test_static_site_search_through_the_server(chromium, site_server: str) -> None:
    page = chromium.open(site_server + "/site/index.html?q=%D0%B6%D0%B8%D0%BB%D0%B8%D0%BD")
    page.wait_for("document.querySelectorAll('#results li').length > 0", what="results")
    names = page.evaluate("[...document.querySelectorAll('#results li a')].map(a => a.textContent)")
    assert "Mikhail Zhilin" in names
    page.evaluate("document.querySelector('#results li a').click()")
    page.wait_for("document.querySelector('h1') && location.pathname.startsWith('/site/person/')",
                  what="navigation")
    page.settle(0.2)
    assert page.dialogs == []
    assert all(r.startswith(site_server) for r in page.requests)


def test_named_query_parameters_are_a_form(chromium, page_server: str) -> None:
    page = chromium.open(page_server + "/")
    page.evaluate("document.querySelectorAll('button.named')[0].click()")
    assert page.evaluate("document.getElementById('params').hidden") is False
    assert page.evaluate("document.querySelectorAll('#results tr').length") == 0  # required
    page.evaluate("""(() => { const i = document.querySelector('[data-param=name]');
        i.value = '<img src=x onerror=alert(1)>'; i.dispatchEvent(new Event('input'));
        document.getElementById('run').click(); })()""")
    page.wait_for("document.querySelectorAll('#results tbody tr').length === 1", what="row")
    assert page.evaluate("document.querySelector('#results tbody a').textContent").endswith(
        "/id/person/img-9f9f9f9f")
    href = page.evaluate("document.getElementById('dl-csv').getAttribute('href')")
    assert href.startswith("/queries/by-name?name=") and href.endswith("format=csv")
    page.evaluate("""(() => { const q = document.getElementById('query');
        q.value += ' LIMIT 1'; q.dispatchEvent(new Event('input')); })()""")
    assert page.evaluate("document.getElementById('params').hidden") is True
    page.settle(0.2)
    assert page.dialogs == []
