"""Prescan: matches found from literal starts are exactly the matches of ``finditer``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract import (
    charges,
    courts,
    events,
    organisations,
    penalties,
    principles,
)
from repression_kg.extract.prescan import Prescan, foldable


def _patterns() -> list[re.Pattern[str]]:
    out = [scan.pattern for scan, *_ in charges._descriptions()]
    out += [scan.pattern for _pid, scan in principles._table()[1]]
    out += [pattern for _kind, _stems, pattern in events._cues()]
    out += [scan.pattern for scan in (*penalties._FINES, penalties._LIFE)]
    out += [courts._NAMED_EN, courts._NAMED_RU, courts._CITY_COURT]
    out += [scan.pattern for scan in organisations._cues().quoted]
    out += [charges._ITEM, organisations._UNIT]
    return out


PATTERNS = _patterns()
#: pieces the patterns are made of, so that random texts often match
WORDS = ["discrediting", "the army", "Discredit", "fakes", "false news", "about", "treason",
         "Treason", "high", "by", "arrested", "was", "detained", "him", "her", "police",
         "asylum", "denied", "extradited", "deported", "to", "Russia", "дискредитации",
         "армии", "по", "статье", "о", "«фейках»", "задержан", "обыск", "ı", "ſ", "ᲀ", "K",
         "justifying", "terrorism", "fined", "500", "rubles", "life", "sentence", "штраф", "right", "to", "liberty", "torture", "non-refoulement",
         "-", ",", ".", " ", "\n", "(", ")", "x", "1",
         "Court", "District", "Military", "Moscow", "Petrov's", "St.", "районного", "суда",
         "суд", "в", "Барнауле", "2-го", "Басманного", "court", "designated", "group called",
         "“Network”", '"Set"', "an", "extremist", "organisation", "banned",
         "Article", "Art.", "Part", "ч.", "ст.", "205.5", "(2)", "Articles",
         "military unit", "в/ч", "12345", "№", "воинской", "части"]


def _same(scan: Prescan, text: str, spans: list[tuple[int, int]]) -> None:
    low = text.lower()
    low = low if len(low) == len(text) and not foldable(low) else None
    got = [m.span() for m in scan.finditer_in(text, low, spans)]
    want = [m.span() for s, e in spans for m in scan.pattern.finditer(text, s, e)]
    assert got == want, (scan.pattern.pattern, text, spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
       st.lists(st.integers(0, 400), max_size=6))
def test_prescan_finds_what_finditer_finds(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b][::2]
    for pattern in PATTERNS:
        _same(Prescan(pattern), text, spans)


@pytest.mark.parametrize(("pattern", "starts"), [
    (r"(?i)(?<!\w)(?:fakes?|false news) about", {"fake abo", "fakes ab", "false ne"}),
    (r"(?:a |the )?search", {"a search", "the sear", "search"}),
    (r"[Pp]olice", {"police"}),
    (r"\w+ arrested", None),  # no literal start: plain finditer
    (r"(?:x|\w)y", None),  # a word character may start it: any offset
])
def test_literal_starts(pattern: str, starts: set[str] | None) -> None:
    scan = Prescan(re.compile(pattern))
    assert (set(scan.starts) if scan.starts is not None else None) == starts


def test_a_class_of_digits_starts_matches() -> None:
    scan = Prescan(re.compile(r"(?i)(?<!\w)(?:\d+|two) years?"))
    assert scan.starts == {"two year"} and scan.classes is not None
    text = "Two years, 12 years and ٣ years; not 5years"
    assert [m.group() for m in scan.finditer(text, text.lower())] == [
        "Two years", "12 years", "٣ years"]


def test_case_folding_that_changes_letters_falls_back() -> None:
    scan = Prescan(re.compile(r"(?i)discredit"))
    text = "DISCREDIT and dıscredit"  # the engine folds "ı" to "i"
    assert foldable(text.lower())
    assert [m.group() for m in scan.finditer(text, None)] == ["DISCREDIT", "dıscredit"]


def test_a_class_keeps_the_case_the_pattern_gives_it() -> None:
    assert Prescan(re.compile(r"(?<!\w)[A-Z]\w+ Court")).classes.flags & re.IGNORECASE == 0
    for source in (r"(?i)(?<!\w)[A-Z]\w+ court", r"(?<!\w)(?i:[A-Z])\w+ Court"):
        scan = Prescan(re.compile(source))
        assert scan.classes.flags & re.IGNORECASE
        text = "the moscow Court"
        assert [m.group() for m in scan.finditer(text, text)] == ["moscow Court"]
