"""Reading one file: guards with one-line errors, encodings, markup, metadata, hashes."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from repression_kg.ingest import IngestError, document_from_bytes, read_document

RU = "Жилин Михаил Алексеевич приговорён к шести с половиной годам колонии.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file (only whitespace)"),
    (b"%PDF-1.7\n" + bytes(range(256)), "binary file (PDF)"),
    (b"text\x00with\x00nul" * 3, "binary file (contains NUL bytes)"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 30, "binary file ("),
    (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x20]) * 30, "undecodable"),
    (b"<html><script>alert(1)</script></html>", "no text"),
])
def test_bad_input_gives_one_line_naming_the_file(tmp_path: Path, data: bytes,
                                                  reason: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(IngestError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {reason}")
    assert "\n" not in message


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 300)
    with pytest.raises(IngestError, match=r"big.txt: too large \(1500 bytes; limit 1000"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=1500).text.startswith("word")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="No such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path)


@pytest.mark.parametrize("data,encoding,repair", [
    (RU.encode("cp1251"), "cp1251", "encoding:cp1251"),
    (RU.encode("koi8_r"), "koi8_r", "encoding:koi8_r"),
    (codecs.BOM_UTF8 + RU.encode("utf-8"), "utf-8-sig", "encoding:utf-8-bom"),
    (codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), "utf-16-le", "encoding:utf-16-le"),
    (RU.encode("utf-16-be"), "utf-16-be", "encoding:utf-16-be"),
])
def test_encodings(tmp_path: Path, data: bytes, encoding: str, repair: str) -> None:
    doc = read_document(write(tmp_path, "case-1.txt", data))
    assert doc.text == RU.strip()
    assert doc.encoding == encoding and repair in doc.repairs
    assert doc.id == "case-1"
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode()).hexdigest()


def test_normalisation_newlines_nfc_controls(tmp_path: Path) -> None:
    data = "Title\r\n\r\nCafe\u0301 Zhi\u00adlin\x07 here.   \rEnd\u2028x".encode()
    doc = read_document(write(tmp_path, "n.txt", data))
    assert doc.text == "Title\n\nCafé Zhilin  here.\nEnd\nx"
    assert {"newlines", "unicode:nfc", "invisible-chars", "control-chars"} <= set(doc.repairs)


def test_html_file(tmp_path: Path) -> None:
    html = ("<html><head><title>Case page</title><meta name='date' content='2023-04-30'>"
            "<script>document.write('x')</script></head><body><p>Body &mdash; text.</p>"
            "</body></html>")
    doc = read_document(write(tmp_path, "page.html", html.encode()))
    assert (doc.text, doc.title, doc.published, doc.format) == (
        "Body — text.", "Case page", "2023-04-30", "html")
    assert "markup:html" in doc.repairs


def test_html_sniffed_in_txt(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "p.txt", b"<!DOCTYPE html><p>Hi there.</p>"))
    assert doc.format == "html" and doc.text == "Hi there."


def test_markdown_file(tmp_path: Path) -> None:
    md = "# Case of *Ivanov*\n\nPublished: 12 May 2024\n\nSee [ruling](http://x).\n"
    doc = read_document(write(tmp_path, "c.md", md.encode()))
    assert doc.title == "Case of Ivanov" and doc.published == "2024-05-12"
    assert doc.text == "Case of Ivanov\n\nPublished: 12 May 2024\n\nSee ruling."


def test_published_fallback_and_stated_date() -> None:
    doc = document_from_bytes(b"Headline\n\n30 April 2023\n\nText.", doc_id="d",
                              published="2020-01-01")
    assert doc.published == "2023-04-30" and doc.title == "Headline"
    doc = document_from_bytes(b"Headline\n\nText.", doc_id="d", published="2020-01-01")
    assert doc.published == "2020-01-01"


def test_gbk_mojibake_file(tmp_path: Path) -> None:
    original = "“Free them all,” said Anna Petrova — a lawyer.\n"
    garbled = original.encode("utf-8").decode("gbk", errors="ignore").encode("utf-8")
    doc = read_document(write(tmp_path, "m.txt", garbled))
    assert doc.text == original.strip() and doc.repairs == ["mojibake:gbk->utf-8"]


def test_seed_003_reads_right(seeds_dir: Path) -> None:
    doc = read_document(seeds_dir / "003_872fd4a54395b449.txt")
    assert doc.title is not None and doc.title.startswith("‘There are at least 10,000 of us…")
    assert doc.published == "2025-07-07"
    assert "Daria Kozyreva" in doc.text and "mojibake:gbk->utf-8" in doc.repairs


def test_every_seed_reads(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = read_document(path)
        assert doc.text and doc.id == path.stem


def test_html_declared_charset_wins_over_guessing(tmp_path: Path) -> None:
    page = "<html><head><meta charset='koi8-r'><title>Дело</title></head><body>Суд</body></html>"
    doc = read_document(write(tmp_path, "p.html", page.encode("koi8_r")))
    assert (doc.title, doc.text, doc.encoding) == ("Дело", "Суд", "koi8-r")


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = ('---\ntitle: "Case of Orlov"\ndate: 2024-05-12\ntags: [a, b]\n---\n\n'
          "# Heading\n\nText --- with dashes.\n")
    doc = read_document(write(tmp_path, "c.md", md.encode()))
    assert (doc.title, doc.published) == ("Case of Orlov", "2024-05-12")
    assert doc.text == "Heading\n\nText --- with dashes."


def test_title_is_normalised() -> None:
    page = "<title>  A\x07 \n case\u0301 </title><p>x</p>".encode()
    assert document_from_bytes(page, doc_id="t", fmt="html").title == "A casé"
