"""Property tests: any input, however garbled, never crashes ingest or extraction, and every
span of every fact lies inside the text and quotes it exactly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repression_kg.extract import extract_document
from repression_kg.facts import FACT_LISTS, Document, DocumentFacts, Span
from repression_kg.ingest import IngestError, document_from_bytes

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = [
    "Maj. Mikhail Alekseevich Zhilin", "Жилину Михаилу Алексеевичу", "Zhilina", "Art. 207.3(2)",
    "Article 30, Part 1, in conjunction with Article 205.5, Part 2", "ч. 2 ст. 207.3 УК РФ",
    "six and a half years", "6 1/2 years", "штраф 800 тысяч рублей", "15 февраля 2023",
    "in March", "last fall", "Krasnoyarsk Garrison Military Court", "a court in Barnaul",
    "born 1986", "1986 г. р.", "“", "”", "‘", "’", "«", "»", "\"", "(", ")", "...", "…",
    "<script>alert(1)</script>", "<p>", "</b>", "&amp;", "&#0;", "鈥淲e", "鈥", "Ð¿Ñ€", "РџСЂ",
    "99999999999999999999999", "Article 99999999999999.9", "\x00", "\x07", "\u202e", "\ufeff",
    "\r\n", "\n\n", " ", ". ", "discrediting the army", "handed him back to Russia",
    "Kazakhstan", "Memorial", "political prisoner", "sentenced to", "years", "Part", "Article",
]
garbled = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)),
                   max_size=40).map("".join)


def check_spans(facts: DocumentFacts, text: str) -> int:
    """Assert every mention of every fact quotes ``text`` exactly; return their number."""
    count = 0
    for name in FACT_LISTS:
        for fact in getattr(facts, name):
            for span in fact.mentions:
                assert isinstance(span, Span)
                assert 0 <= span.start <= span.end <= len(text), (name, span)
                assert span.text == text[span.start:span.end], (name, span)
                count += 1
            for f in dataclasses.fields(fact):
                if f.name != "mentions":
                    assert not isinstance(getattr(fact, f.name), Span)
    return count


@SETTINGS
@given(garbled)
def test_extraction_on_raw_text(text: str) -> None:
    facts = extract_document(Document.from_text("prop", text))
    check_spans(facts, text)
    assert DocumentFacts.from_json(facts.to_json()) == facts
    assert "\n" not in facts.to_json()


@SETTINGS
@given(garbled, st.sampled_from(["text", "markdown", "html"]),
       st.sampled_from(["utf-8", "utf-16", "cp1251", "gbk-mojibake"]))
def test_ingest_then_extract(text: str, fmt: str, encoding: str) -> None:
    if encoding == "gbk-mojibake":
        data = text.encode("utf-8").decode("gbk", errors="ignore").encode("utf-8")
    else:
        data = text.encode(encoding, errors="replace")
    try:
        doc = document_from_bytes(data, doc_id="prop", fmt=fmt)  # type: ignore[arg-type]
    except IngestError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("prop: ")
        return
    assert doc.text and doc.text == doc.text.strip()
    check_spans(extract_document(doc), doc.text)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_one_error(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, doc_id="bytes")
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.text and "\x00" not in doc.text and doc.text == doc.text.strip()
    assert doc.published is None or len(doc.published) == 10


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


@SETTINGS
@given(data=st.data())
def test_cut_and_spliced_seeds(seed_texts: list[str], data: st.DataObject) -> None:
    """Real case text cut at random places, spliced and garbled: spans stay exact."""
    pieces = []
    for _ in range(data.draw(st.integers(1, 4))):
        text = data.draw(st.sampled_from(seed_texts))
        start = data.draw(st.integers(0, len(text)))
        pieces.append(text[start:start + data.draw(st.integers(0, 3000))])
        pieces.append(data.draw(st.sampled_from(FRAGMENTS)))
    raw = "".join(pieces).encode("utf-8")
    try:
        doc = document_from_bytes(raw, doc_id="spliced")
    except IngestError:
        return
    check_spans(extract_document(doc), doc.text)
