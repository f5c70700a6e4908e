"""Dates: full, partial, Russian and relative forms; relative ones only with a base date."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.conftest import make_doc

from repression_kg.extract import dates as dates_module
from repression_kg.extract.base import Context
from repression_kg.extract.date_starts import date_starts, date_starts_plain
from repression_kg.extract.dates import extract_dates
from repression_kg.extract.gazetteer import tokens_of
from repression_kg.facts import DocumentFacts


def dates(text: str, published: str | None = None) -> list[tuple[str, str, bool]]:
    doc = make_doc(text, published)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    extract_dates(ctx)
    return [(d.value, text[d.start:d.end], d.relative) for d in ctx.dates]


@pytest.mark.parametrize(("text", "value", "quote"), [
    ("She was detained on 4 May 2021 at home.", "2021-05-04", "4 May 2021"),
    ("The hearing of October 12, 2022 was closed.", "2022-10-12", "October 12, 2022"),
    ("Filed 2019-11-30 by the lawyer.", "2019-11-30", "2019-11-30"),
    ("Приговор от 01.02.2024 вступил в силу.", "2024-02-01", "01.02.2024"),
    ("Задержан 15 февраля 2023 года в Москве.", "2023-02-15", "15 февраля 2023 года"),
    ("on the 3rd of June 2020 police came", "2020-06-03", "3rd of June 2020"),
    ("Searched in Sept. 2021, then released.", "2021-09", "Sept. 2021"),
    ("арестован в марте 2022 года", "2022-03", "марте 2022 года"),
    ("The law was passed in 2014.", "2014", "2014"),
])
def test_stated_dates(text: str, value: str, quote: str) -> None:
    assert (value, quote, False) in dates(text)


def test_relative_dates_resolve_against_publication() -> None:
    text = ("In March he was charged. Last fall he fled, and last year his flat was searched. "
            "Earlier this month the court met. В марте его задержали, в прошлом году — обыск.")
    got = {(v, q) for v, q, rel in dates(text, "2023-04-30") if rel}
    assert got >= {("2023-03", "March"), ("2022", "Last fall"), ("2022", "last year"),
                   ("2023-04", "Earlier this month"), ("2023-03", "марте"),
                   ("2022", "прошлом году")}


def test_month_after_publication_month_is_last_year() -> None:
    assert ("2022-11", "November", True) in dates("In November she was fined.", "2023-02-10")


def test_relative_dates_are_never_guessed_without_a_base() -> None:
    assert dates("Last fall he fled; in March he was charged; last year too.") == []


def test_day_month_takes_the_year_of_the_last_full_date() -> None:
    text = "He was arrested on 2 November 2021. On 14 December he was charged."
    assert ("2021-12-14", "14 December", True) in dates(text)


def test_dateline_serves_as_publication_date() -> None:
    text = "Court news\n12 May 2022\nIn April the activist was detained."
    assert ("2022-04", "April", True) in dates(text)


def test_may_as_a_verb_is_not_a_date() -> None:
    assert dates("He may appeal, the court said.", "2023-01-01") == []


def test_numbers_are_not_years() -> None:
    assert dates("Some 1,121 people and 20000 roubles; 3.2019 units") == []


def test_spans_quote_the_text() -> None:
    text = "«Дело» от 3 марта 2020 г. и July 4, 2021; in the spring of 2019."
    doc = make_doc(text)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    extract_dates(ctx)
    assert ctx.dates and all(0 <= d.start < d.end <= len(text) for d in ctx.dates)
    assert [d.start for d in ctx.dates] == sorted(d.start for d in ctx.dates)


def test_adversarial_line_is_linear() -> None:
    line = ("12 March 1 " * 20000) + ("in " * 20000) + ("1." * 20000)
    start = time.perf_counter()
    dates(line)
    assert time.perf_counter() - start < 3


def test_seed_deportation_date(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    path = next(seeds_dir.glob("000_*.txt"))
    got = dates(path.read_text(encoding="utf-8"))
    assert ("2022-12-29", "29 December", True) in got
    assert ("2023-03-20", "20 March 2023", False) in got


_START_WORDS = ["in", "March", "march", "MARCH", "марта", "Марте", "году", "года", "год",
                "month", "months", "summer", "last", "в", "2022", "5", "12th", "of", "May",
                "-", ".", ",", "_", " ", "\n", "İ", "Σ", "ς", "ǅ", "Ⅰ", "ⓐ", "ß", "x1", "½", "²",
                "since", "earlier", "this", "начале", "1812", "19", "20", "123", "2022.", "–", "٣",
                "st", "1.5", "12-14"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_START_WORDS), max_size=30))
def test_date_starts_from_tokens_are_those_of_substring_search(words: list[str]) -> None:
    for text in (" ".join(words), "".join(words)):
        keys = dates_module._key_words()
        assert date_starts(text, keys, tokens_of(text)) == date_starts(text, keys)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_START_WORDS), max_size=30))
def test_date_starts_read_prefix_words_as_the_letter_loop_does(words: list[str]) -> None:
    for text in (" ".join(words), "".join(words)):
        keys = dates_module._key_words()
        assert date_starts(text, keys) == date_starts_plain(text, keys)
        toks = tokens_of(text)
        assert date_starts(text, keys, toks) == date_starts_plain(text, keys, toks)


def test_days_named_against_the_publication_date() -> None:
    from tests.extract.conftest import run
    text = ("The court yesterday sentenced Ivan Petrov to five years. On Wednesday his lawyer "
            "appealed. Last Tuesday he was fined 5,000 roubles. Вчера суд оштрафовал Анну "
            "Петрову. May he be free.")
    facts = run(text, "2023-04-18")  # a Tuesday
    assert [(s.kind, s.date) for s in facts.sentences] == [
        ("imprisonment", "2023-04-17"), ("fine", "2023-04-11"), ("fine", "2023-04-17")]
    assert all(d.date != "2023-04-18" for d in facts.sentences)
    assert not [s for s in run(text).sentences if s.date]  # no publication date: no dates


def test_a_timelines_month_and_year_in_digits() -> None:
    assert dates("12.2012 - the presidium cut the terms. 02.07.2003 - arrest.") == [
        ("2012-12", "12.2012", False), ("2003-07-02", "02.07.2003", False)]
    assert dates("It cost 1.2019 roubles; version 3.2020.") == []


def test_a_day_heading_in_capitals_counts_from_the_publication_date() -> None:
    found = dates("On 18 April 2022 a court fined him.\n\nTHURSDAY, 11 MAY\n\n13:12 Verdict.",
                  published="2023-05-11")
    assert ("2023-05-11", "11 MAY", True) in found
    assert ("2022-09", "SEPTEMBER 2022", False) in dates("In SEPTEMBER 2022 he left.")


def test_a_bare_month_takes_the_year_just_told_in_its_sentence() -> None:
    from tests.extract.conftest import run as run_text

    facts = run_text("Published: 2 May 2024\n\nВ апреле 2021 года Ивана Петрова арестовали на "
                     "30 суток, а в мае оштрафовали на 300 тысяч рублей.")
    assert {(s.kind, s.date) for s in facts.sentences} == {("other", "2021-04"),
                                                          ("fine", "2021-05")}
