"""The network views in a real headless chromium: drawn, offline, and nothing injected runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from repression_kg.export import html, views
from repression_kg.export.kgdata import KGData
from repression_kg.export.network import Edge, Network, Node

browser_mod = pytest.importorskip("browser")  # tests/browser.py, the shared CDP harness

pytestmark = pytest.mark.slow

INJECTIONS = ("<img src=x onerror=alert(1)>", '"</script><script>alert(1)</script>')


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    reason = browser_mod.available()
    if reason:
        pytest.skip(reason)
    with browser_mod.Browser() as b:
        yield b


@pytest.fixture(scope="module")
def pages(sample_data: KGData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("views")
    made = {}
    for view in views.VIEWS:
        person = "Boris Kagarlitsky" if view == "person" else None
        made[view] = html.write(views.build_view(sample_data, view, person=person),
                                out / f"{view}.html")
    made["aggregated"] = html.write(views.build_view(sample_data, "overview", max_nodes=5),
                                    out / "aggregated.html")
    return made


def open_view(browser: object, path: Path) -> object:
    page = browser.open(path.resolve().as_uri())
    page.wait_for("document.body.getAttribute('data-rendered') !== null", 15, "the first draw")
    page.settle(0.3)
    return page


def canvas_is_drawn(page: object) -> bool:
    """Some pixel of the network's canvas is neither transparent nor white."""
    return page.evaluate("""(() => {
        const c = document.querySelector('#network canvas');
        if (!c || !c.width) return false;
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < px.length; i += 4 * 7) {
            if (px[i + 3] > 0 && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) return true;
        }
        return false;
    })()""")


@pytest.mark.parametrize("view", [*views.VIEWS, "aggregated"])
def test_view_draws_offline_and_runs_nothing_injected(browser: object, pages: dict[str, Path],
                                                      view: str) -> None:
    path = pages[view]
    page = open_view(browser, path)
    assert canvas_is_drawn(page), f"{view}: the canvas is blank"
    assert page.dialogs == [], f"{view}: an injected script ran: {page.dialogs}"
    outside = [u for u in page.requests if u != path.resolve().as_uri()
               and not u.startswith("data:")]
    assert outside == [], f"{view}: the page made requests: {outside}"
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert not [m for m in page.console if "Content Security Policy" in m or "exception" in m]


def test_injected_names_show_as_text(browser: object, pages: dict[str, Path]) -> None:
    page = open_view(browser, pages["statutes"])
    for name in INJECTIONS:
        page.evaluate(f"""(() => {{
            const box = document.getElementById('search');
            box.value = {json.dumps(name[:12])};
            box.dispatchEvent(new Event('input'));
        }})()""")
        shown = page.evaluate("[...document.querySelectorAll('#results li')]"
                              ".map(li => li.textContent)")
        assert any(text.startswith(name) for text in shown), shown
        page.evaluate("document.querySelector('#results li').click()")
        assert page.evaluate("document.querySelector('#panel h3').textContent") == name
    page.settle(0.3)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('#panel *').length") > 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # data, vis-network, ours


def test_quote_behind_an_edge_reaches_the_panel(browser: object, pages: dict[str, Path]) -> None:
    page = open_view(browser, pages["person"])
    page.evaluate("""(() => {
        const box = document.getElementById('search');
        box.value = 'kagarlitsky';
        box.dispatchEvent(new Event('input'));
        document.querySelector('#results li').click();
    })()""")
    panel = page.evaluate("document.getElementById('panel').textContent")
    assert "Boris Kagarlitsky" in panel


def test_aggregated_overview_expands_a_group(browser: object, pages: dict[str, Path]) -> None:
    page = open_view(browser, pages["aggregated"])
    before = page.evaluate("Number(document.getElementById('count-nodes').textContent)")
    page.evaluate("""(() => {
        const box = document.getElementById('search');
        box.value = 'kagarlitsky';
        box.dispatchEvent(new Event('input'));
        document.querySelector('#results li').click();
    })()""")
    after = page.evaluate("Number(document.getElementById('count-nodes').textContent)")
    assert after > before
    assert page.evaluate("document.querySelector('#panel h3').textContent") == "Boris Kagarlitsky"
    assert not [m for m in page.console if "exception" in m.lower() or "error" in m.lower()]


def test_edge_labels_wait_for_hover_when_there_are_many(browser: object,
                                                         tmp_path: Path) -> None:
    hub = Node("s", "Art. 1", "statute")
    people = [Node(f"p{i}", f"Person {i}", "person") for i in range(50)]
    net = Network("Many", "many edges", [hub, *people],
                  [Edge(p.id, "s", "charged") for p in people])
    many = open_view(browser, html.write(net, tmp_path / "many.html"))
    assert many.evaluate("document.getElementById('edge-labels').checked") is False
    assert canvas_is_drawn(many) and many.dialogs == []
    few = open_view(browser, html.write(Network("Few", "few", [hub, people[0]],
                                                [Edge("p0", "s", "charged")]),
                                        tmp_path / "few.html"))
    assert few.evaluate("document.getElementById('edge-labels').checked") is True
