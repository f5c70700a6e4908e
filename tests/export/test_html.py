"""The HTML page: self-contained, deterministic, and nothing from a document runs."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from repression_kg.cli import root
from repression_kg.export import html, views
from repression_kg.export.kgdata import KGData

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def page(data: KGData, view: str = "overview") -> str:
    return html.render(views.build_view(data, view))


def test_json_for_script_cannot_close_the_script() -> None:
    text = html.json_for_script({"name": '"</script><script>alert(1)</script><!--'})
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == '"</script><script>alert(1)</script><!--'


def test_document_strings_never_appear_as_markup(sample_data: KGData) -> None:
    text = page(sample_data)
    assert "<img src=x" not in text and "<img src=y" not in text
    assert "<script>alert" not in text
    assert "<b>bold</b>" not in text
    scripts = SCRIPT.findall(text)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="rkg-data"',
                                                       "", ""]
    payload = json.loads(scripts[0][1])
    names = {n["label"] for n in payload["nodes"]}
    assert '"</script><script>alert(1)</script>' in names


def test_every_inline_script_is_allowed_by_hash_and_nothing_else(sample_data: KGData) -> None:
    text = page(sample_data, "statutes")
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                             text).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    for attrs, body in SCRIPT.findall(text):
        if "application/json" in attrs:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_self_contained(sample_data: KGData) -> None:
    text = page(sample_data)
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)=', text)
    assert "new vis.Network(" in text
    assert not re.search(r"https?://[^\s\"']*(cdn|unpkg|jsdelivr|googleapis)", text)


def test_same_input_same_bytes(sample_data: KGData) -> None:
    a = html.render(views.build_view(sample_data, "transfers"))
    b = html.render(views.build_view(sample_data, "transfers"))
    assert a == b


def test_write_is_atomic(sample_data: KGData, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "view.html"
    html.write(views.build_view(sample_data, "statutes"), out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["view.html"]


def test_cli_writes_each_view(sample_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for view in ("overview", "statutes", "transfers", "principles"):
        out = tmp_path / f"{view}.html"
        result = runner.invoke(root, ["export", "html", "--view", view, "--store",
                                      str(sample_store), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.is_file() and "nodes" in result.output
    result = runner.invoke(root, ["export", "html", "--view", "person", "--person", "Zhilin",
                                  "--store", str(sample_store), "--out", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.output


def test_cli_errors_are_clear(sample_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(root, ["export", "html", "--view", "person", "--store",
                                  str(sample_store)])
    assert result.exit_code == 2 and "--person" in result.output
    result = runner.invoke(root, ["export", "html", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no store here" in result.output


def test_nodes_link_to_existing_site_pages(sample_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "site"
    result = runner.invoke(root, ["site", "--store", str(sample_store), "--out", str(site)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "views" / "statutes.html"
    result = runner.invoke(root, ["export", "html", "--view", "statutes", "--store",
                                  str(sample_store), "--out", str(out), "--site", str(site)])
    assert result.exit_code == 0, result.output
    payload = json.loads(SCRIPT.search(out.read_text(encoding="utf-8")).group("body"))
    urls = {n["label"]: n.get("url") for n in payload["nodes"]}
    assert urls["Boris Kagarlitsky"].startswith("../site/person/")
    assert (out.parent / urls["Boris Kagarlitsky"]).is_file()
