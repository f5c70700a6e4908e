"""One entity's page from its neighbourhood (what the server renders) matches the site's."""

from __future__ import annotations

from pathlib import Path

import pytest

from repression_kg.serve.jobs import ServerLinks
from repression_kg.site import load
from repression_kg.site.pages import build_page
from repression_kg.site.render import render_entity
from repression_kg.site.sections import add_sections
from repression_kg.store import open_store

BASE = "https://w3id.org/repression-kg/"


def page_for(store_path: Path, iri: str):
    store = open_store(store_path, read_only=True)
    index = load.load_neighbourhood(store, iri)
    links = ServerLinks(BASE)
    page = build_page(index, iri, links)
    add_sections(page, index, links, load.document_text(store, iri))
    return index, page


def test_statute_neighbourhood_reaches_sentences_and_courts(site_store: Path) -> None:
    index, page = page_for(site_store, BASE + "ref/law/ru-cc/338")
    assert not index.incomplete
    [row] = page.sections["charges"]
    assert [p.label for p in row.persons] == ["Mikhail Zhilin"]
    assert row.sentences == ["6 y 6 m, imprisonment, general regime colony, 2023-03-20"]
    assert [c.label for c in row.courts] == ["Barnaul Garrison Military Court"]
    assert row.quotes[0].href.startswith("/id/doc/d1#q-")


def test_document_neighbourhood_has_text_and_every_quote(site_store: Path) -> None:
    _, page = page_for(site_store, BASE + "id/doc/d1")
    doc = page.sections["document"]
    assert doc["missing"] == []
    anchors = [a for s in doc["segments"] for a in s.anchors]
    assert len(anchors) == 7


def test_budget_marks_the_page_incomplete(site_store: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setattr(load, "NEIGHBOURHOOD_BUDGET", 5)
    index, page = page_for(site_store, BASE + "ref/place/russia")
    assert index.incomplete
    html = render_entity(page, ServerLinks(BASE))
    assert "some rows are missing" in html


@pytest.mark.parametrize("fixture", ["site-sample.trig", "kg-sample.trig"])
def test_every_page_from_its_neighbourhood_equals_the_full_graph_page(
        fixture: str, tmp_path: Path) -> None:
    import pyoxigraph

    from repression_kg.site.naming import kind_of

    source = Path(__file__).resolve().parents[1] / "fixtures" / fixture
    if not source.is_file():
        pytest.skip(f"tests/fixtures/{fixture} is absent")
    writable = open_store(tmp_path / "store")
    writable.load(path=str(source), format=pyoxigraph.RdfFormat.TRIG)
    writable.flush()
    del writable
    store = open_store(tmp_path / "store", read_only=True)
    full = load.load_all(store)
    links = ServerLinks(BASE)
    iris = sorted(i for i in full.types if kind_of(full, i))
    assert len(iris) > 30
    for iri in iris:
        pages = []
        for index in (full, load.load_neighbourhood(store, iri)):
            page = build_page(index, iri, links)
            add_sections(page, index, links, load.document_text(store, iri))
            pages.append(render_entity(page, links))
        assert pages[0] == pages[1], iri
