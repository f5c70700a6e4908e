"""Encoding detection: BOMs, BOM-less UTF-16, Cyrillic code pages, undecodable bytes."""

from __future__ import annotations

import codecs

import pytest

from repression_kg.ingest.encoding import DecodeError, cyrillic_score, decode_bytes

RU = ("Жилину Михаилу Алексеевичу назначено шесть лет колонии общего режима. "
      "Суд в Барнауле отклонил апелляцию, а защита намерена обжаловать приговор.")
EN = "Mikhail Zhilin was sentenced to six and a half years in a penal colony."


def test_plain_utf8() -> None:
    assert decode_bytes(RU.encode("utf-8")) == (RU, "utf-8")


@pytest.mark.parametrize("bom,codec,name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
])
def test_byte_order_marks(bom: bytes, codec: str, name: str) -> None:
    text, used = decode_bytes(bom + RU.encode(codec))
    assert (text, used) == (RU, name)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("sample", [EN, RU])
def test_utf16_without_bom(codec: str, sample: str) -> None:
    assert decode_bytes(sample.encode(codec)) == (sample, codec)


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "mac_cyrillic", "cp866"])
def test_cyrillic_code_pages(codec: str) -> None:
    assert decode_bytes(RU.encode(codec)) == (RU, codec)


def test_short_cyrillic_line() -> None:
    assert decode_bytes("Суд постановил".encode("koi8_r")) == ("Суд постановил", "koi8_r")


@pytest.mark.parametrize("codec", ["cp1251", "koi8_u"])
def test_ukrainian(codec: str) -> None:
    text = "Київський суд заарештував журналіста за допис у мережі. Його затримали в Ірпені."
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_real_russian_scores_higher_than_wrong_page() -> None:
    data = RU.encode("cp1251")
    assert cyrillic_score(data.decode("cp1251")) > 0.6 > cyrillic_score(data.decode("koi8_r"))


def test_western_cp1252() -> None:
    assert decode_bytes("Café in Zürich, “quoted”".encode("cp1252"))[1] == "cp1252"


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x20, 0x98]) * 20)


def test_bad_bytes_after_bom() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd")


def test_truncated_last_character() -> None:
    assert decode_bytes("Суд приговорил".encode()[:-1]) == ("Суд приговори", "utf-8-truncated")


@pytest.mark.parametrize("data,text,name", [
    ("“Hello” — ok. ".encode() + b"caf\xe9", "“Hello” — ok. café", "utf-8+cp1252"),
    (RU.encode() + b" \xab\xb9 5\xbb", RU + " «№ 5»", "utf-8+cp1251"),
])
def test_utf8_with_stray_legacy_bytes(data: bytes, text: str, name: str) -> None:
    assert decode_bytes(data) == (text, name)
