"""Mojibake repair: UTF-8 read as GBK (with lost bytes), cp1252 and cp1251 mojibake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.ingest.repair import repair_text

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def gbk_mojibake(text: str) -> str:
    """What a GBK decoder that drops bad bytes makes of UTF-8 ``text``."""
    return text.encode("utf-8").decode("gbk", errors="ignore")


@pytest.mark.parametrize("original", [
    "“We will not be silent,” she wrote — and signed it.",
    "The court’s ruling, ‘a farce’, was upheld in 2023–2024.",
    "He called it “a show trial”. Then he sat down.",
    "Anna Ivanova\u00a0and Pyotr Smirnov were detained on 3 March.",
    "“Both sides should exchange prisoners ‘all for all’, including civilians.”",
])
def test_gbk_round_trip_restores_punctuation(original: str) -> None:
    garbled = gbk_mojibake(original)
    assert garbled != original and CJK.search(garbled)
    repaired, repairs = repair_text(garbled)
    assert repaired == original
    assert repairs == ["mojibake:gbk->utf-8"]


@pytest.mark.parametrize("original", [
    "‘We are at least ten thousand strong…: a letter from prison",  # long quote cut short
    "The court’s ‘ruling’: void, said the defence.",  # short quote closed
    "Many prisoners’ letters were seized… The rest arrived.",
    "“Quote opening a paragraph\nand ‘inner’ text” end.\n\n“Next paragraph” too.",
])
def test_gbk_lost_bytes_inferred_from_context(original: str) -> None:
    repaired, _ = repair_text(gbk_mojibake(original))
    assert repaired == original


def test_gbk_cyrillic_words_come_back() -> None:
    original = "Суд — «Мещанский» — назначил штраф. “Ok,” he said."
    repaired, _ = repair_text(gbk_mojibake(original))
    assert "Суд" in repaired and "назначил штраф" in repaired
    assert not CJK.search(repaired)


def test_chinese_text_is_left_alone() -> None:
    text = "中华人民共和国法院判决。他被判处六年有期徒刑。"
    assert repair_text(text) == (text, [])


def test_english_quoting_a_chinese_name_is_left_alone() -> None:
    text = "The ruling named 习近平 in passing."
    assert repair_text(text)[0] == text


@pytest.mark.parametrize("original,codec", [
    ("Zhilin’s wife said “no” — café", "latin-1"),
    ("Zhilin’s wife — café “Bistro", "cp1252"),
    ("Приговор: шесть лет колонии", "cp1251"),
    ("Приговор: шесть лет колонии", "latin-1"),
])
def test_ordinary_mojibake_goes_through_ftfy(original: str, codec: str) -> None:
    garbled = original.encode("utf-8").decode(codec, errors="replace")
    repaired, repairs = repair_text(garbled)
    assert repaired == original
    assert repairs and repairs[0].startswith("ftfy:")


def test_clean_text_is_untouched() -> None:
    text = "Жилин «дезертир» — 6,5 лет. “Quoted” text’s fine…"
    assert repair_text(text) == (text, [])


def test_seed_003(seeds_dir: Path) -> None:
    raw = (seeds_dir / "003_872fd4a54395b449.txt").read_text(encoding="utf-8")
    text, repairs = repair_text(raw)
    assert "mojibake:gbk->utf-8" in repairs
    assert text.startswith("‘There are at least 10,000 of us…")
    assert "Daria Kozyreva" in text and "Kagarlitsky’s sentence" in text
    assert "“We are all punished for one thing — for taking a civic stance.”" in text
    assert "‘all for all’," in text
    assert not CJK.search(text) and "\ufffd" not in text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(
    "abcXYZ019 .,:;!?'\"()\n—–…“”‘’«»\u00a0абвгдЖЯёéü°№€")), max_size=60))
def test_gbk_repair_never_leaves_cjk(original: str) -> None:
    garbled = gbk_mojibake(original)
    repaired, _ = repair_text(garbled)
    assert not CJK.search(repaired)
    if original.isascii():
        assert repaired == original
