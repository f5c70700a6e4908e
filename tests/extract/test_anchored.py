"""Anchored search: matches found from an anchor word are exactly those of ``finditer``."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract import courts, penalties, sentences
from repression_kg.extract.anchored import Anchored, Reaching
from repression_kg.extract.prescan import foldable

SCANS = [sentences._durations(), courts._SCANS["described"], penalties._FINES[2]]
WORDS = ["a", "an", "A", "one", "two", "six", "1", "10", "6.5", "6 1/2", "½", "and a half",
         "and", "year", "years", "Years", "yrs", "month", "months", "hours", "лет", "года",
         "год", "месяца", "два", "и", "court", "Court", "courts", "суд", "the", "The",
         "military", "appeals", "of", "in", "Moscow", "Rostov-on-Don", "district", "этот",
         "ago", "old", "-", ",", ".", "/", " ", "\n", "x", "ı", "K", "fine", "FINE", "300,000",
         "rouble", "roubles", "₽", "k", "тыс.", "$"]


def _same(scan: Anchored, text: str) -> None:
    low = text.lower()
    low = low if len(low) == len(text) and not foldable(low) else None
    got = [m.span() for m in scan.finditer(text, low)]
    want = [m.span() for m in scan.pattern.finditer(text)]
    assert got == want, (scan.pattern.pattern[:80], text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(SCANS))
def test_same_matches_as_finditer(words: list[str], scan: Anchored) -> None:
    _same(scan, " ".join(words))
    _same(scan, "".join(words))


REACHING = [courts._SCANS[name] for name in ("named_en", "named_ru", "city")]
COURT_WORDS = ["Court", "court", "суд", "суда", "Moscow", "Krasnoyarsk", "Garrison", "Military",
               "District", "Magistrate's", "St.", "Ivan's", "O’Brien", "of", "Appeal", "the",
               "Republic", "районный", "районного", "Басманного", "2-го", "военного",
               "окружного", "г.", "Барнауле", "в", "Mr", "a", "-", ",", ".", "(", "«", " ", "\n",
               "1", "ı", "K", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(COURT_WORDS), max_size=30), st.sampled_from(REACHING))
def test_reaching_finds_what_finditer_finds(words: list[str], scan: Reaching) -> None:
    _same(scan, " ".join(words))  # type: ignore[arg-type]
    _same(scan, "".join(words))  # type: ignore[arg-type]


def test_reaching_runs_end_at_a_character_outside_the_class() -> None:
    scan = REACHING[0]
    text = "In Moscow, the Krasnoyarsk Garrison Military Court and (Lefortovo District Court)"
    assert scan._regions(text) == [(10, 45), (56, 75)]
    assert [m.group("name") for m in scan.finditer(text, text.lower())] == [
        "Krasnoyarsk Garrison Military Court", "Lefortovo District Court"]


def test_every_scan_is_exact() -> None:
    assert all(scan.exact for scan in SCANS)


def test_unbounded_prefix_falls_back() -> None:
    scan = Anchored(re.compile(r"\w+\scourt"), r"\w+\s", "court")
    assert not scan.exact
    assert [m.group() for m in scan.finditer("a court", "a court")] == ["a court"]


def test_overlapping_windows_and_adjacent_matches() -> None:
    scan = Anchored(re.compile(r"(?i)(?<!\w)(?:a|\d+)\syears?(?!\w)"), r"(?<!\w)(?:a|\d+)\s",
                    r"years?")
    text = "a year a year 5 years,a years 1 yearx"
    _same(scan, text)
    assert [m.group() for m in scan.finditer(text, text)] == [
        "a year", "a year", "5 years", "a years"]
