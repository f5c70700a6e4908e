"""Sentence and paragraph bounds."""

from __future__ import annotations

import time

import pytest

from repression_kg.extract.base import Context
from repression_kg.extract.segments import MAX_SENTENCE, extract_segments
from repression_kg.facts import Document, DocumentFacts


def segment(text: str) -> Context:
    doc = Document.from_text("d", text)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    extract_segments(ctx)
    return ctx


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in segment(text).sentences]


@pytest.mark.parametrize("text,expected", [
    ("Maj. Mikhail Zhilin deserted. He was caught.",
     ["Maj. Mikhail Zhilin deserted.", "He was caught."]),
    ("Charged under Art. 205.5, Part 2. Lt. Col. Ivanov and Gen. Petrov testified.",
     ["Charged under Art. 205.5, Part 2.", "Lt. Col. Ivanov and Gen. Petrov testified."]),
    ("A. B. Smith and Dr. Jones met on St. Petersburg's Nevsky. No. 5 was next.",
     ["A. B. Smith and Dr. Jones met on St. Petersburg's Nevsky.", "No. 5 was next."]),
    ("He got 6.5 years. Then 205.5 applied.", ["He got 6.5 years.", "Then 205.5 applied."]),
    ("He said: “We will win.” They laughed. (It was late.) Over.",
     ["He said: “We will win.”", "They laughed.", "(It was late.)", "Over."]),
    ("Wait... what? Yes! Fine… Go.", ["Wait... what?", "Yes!", "Fine…", "Go."]),
    ("The ‘Political Prisoners. Memorial’ project agrees. “I shot back. I didn’t want to die.”",
     ["The ‘Political Prisoners. Memorial’ project agrees.", "“I shot back.",
      "I didn’t want to die.”"]),
    ("It was in the U.S. Army, i.e. the infantry, etc. and more.",
     ["It was in the U.S. Army, i.e. the infantry, etc. and more."]),
])
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Осуждён по ч. 2 ст. 207.3 УК РФ. Суд назначил 6 лет.",
     ["Осуждён по ч. 2 ст. 207.3 УК РФ.", "Суд назначил 6 лет."]),
    ("Жилин М. А., 1986 г. р., обжаловал приговор, т.е. подал жалобу. Её отклонили.",
     ["Жилин М. А., 1986 г. р., обжаловал приговор, т.е. подал жалобу.", "Её отклонили."]),
    ("Приговор вынесен в 2023 г. Суд отклонил жалобу.",
     ["Приговор вынесен в 2023 г.", "Суд отклонил жалобу."]),
    ("Штраф — 800 тыс. руб. и запрет на 2 года.", ["Штраф — 800 тыс. руб. и запрет на 2 года."]),
    ("Адрес: 656021, Алтайский край, г. Барнаул, пр. Ленина. Пишите.",
     ["Адрес: 656021, Алтайский край, г. Барнаул, пр. Ленина.", "Пишите."]),
    ("Обыск прошёл на ул. Ленина, д. 5. Изъяли телефон.",
     ["Обыск прошёл на ул. Ленина, д. 5.", "Изъяли телефон."]),
])
def test_russian_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_lines_headings_lists_and_wrapped_prose() -> None:
    text = ("Headline of the case\nBy A. Writer\n\nA long line of prose that was wrapped by the "
            "author\nat a fixed width goes on. Next one.\n- first item\n- second item\n\nEnd")
    ctx = segment(text)
    assert [text[s:e] for s, e in ctx.sentences] == [
        "Headline of the case", "By A. Writer",
        "A long line of prose that was wrapped by the author\nat a fixed width goes on.",
        "Next one.", "- first item", "- second item", "End"]
    assert [text[s:e].split("\n")[0] for s, e in ctx.paragraphs] == [
        "Headline of the case", "A long line of prose that was wrapped by the author", "End"]


def test_numbered_list_items() -> None:
    text = "Charges:\n1. Article 207.3, Part 2.\n2. Article 280.3. Both stand."
    assert sentences(text) == ["Charges:", "1. Article 207.3, Part 2.", "2. Article 280.3.",
                               "Both stand."]


def test_bounds_are_sorted_trimmed_and_inside_paragraphs() -> None:
    text = "  \n\nOne. Two!  \n\n\n   Three?\n\n   "
    ctx = segment(text)
    assert ctx.paragraphs == sorted(ctx.paragraphs)
    assert ctx.sentences == sorted(ctx.sentences)
    for s, e in ctx.sentences:
        assert text[s:e] == text[s:e].strip() and text[s:e]
        assert any(ps <= s and e <= pe for ps, pe in ctx.paragraphs)
    assert ctx.sentence_at(text.index("Two")) == (text.index("Two"), text.index("Two") + 4)


def test_run_on_text_is_cut_at_clause_breaks() -> None:
    clause = "Article 30, Part 1, in conjunction with Article 205.5, Part 2; "
    text = clause * 200
    ctx = segment(text)
    assert len(ctx.sentences) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in ctx.sentences)
    assert all(text[s:e].endswith(";") for s, e in ctx.sentences[:-1])
    assert "".join(text[s:e] + " " for s, e in ctx.sentences) == text
    long_word = "x" * (MAX_SENTENCE * 2 + 5)
    assert [e - s for s, e in segment(long_word).sentences] == [MAX_SENTENCE] * 2 + [5]


def test_empty_text() -> None:
    ctx = segment("")
    assert ctx.sentences == [] and ctx.paragraphs == []


def test_linear_on_adversarial_line() -> None:
    text = "Art. A. 1.2. “x " * 20_000 + "x" * 20_000 + "." * 20_000
    start = time.perf_counter()
    ctx = segment(text)
    assert time.perf_counter() - start < 10
    assert ctx.sentences


def test_unwrapped_lines_are_paragraphs() -> None:
    long_line = "This paragraph is one long line of text, as web pages copied to text give. " * 2
    text = f"Title line\n{long_line}\n{long_line}\n\nShort block\nof two lines"
    ctx = segment(text)
    assert [text[s:e] for s, e in ctx.paragraphs] == [
        "Title line", long_line.strip(), long_line.strip(), "Short block\nof two lines"]


def test_prose_wrapped_wide_stays_one_paragraph() -> None:
    # lines of ~130 characters that end inside sentences: prose wrapped wide, as PDF and
    # e-mail exports give, not one paragraph per line
    text = ("Daniil Vodolagin, a student from the Volgograd region, was sentenced in July 2024 by "
            "the Sovetsky District Court of Volgograd to\nfive years' imprisonment under point "
            "\"d\" of Part 2 of Article 207.3 for several anti-war posts; the specific "
            "statements were\nnever made public.")
    ctx = segment(text)
    assert len(ctx.paragraphs) == 1
    assert sentences(text) == [text]
    # a table's rows end in "|": each stays a line of its own
    row = "| Ivan Petrov | 207.3(2) | Meshchansky District Court of Moscow | 2023-03-17 | " * 2
    table = f"{row}\n{row}\n{row}"
    assert len(segment(table).paragraphs) == 3


def test_a_date_opens_a_sentence_after_a_full_stop() -> None:
    text = "Приговор не первый для Сомова. 17 ноября 2022 года суд признал его виновным. Ст. 17 УК."
    ctx = segment(text)
    starts = [text[s:s + 9] for s, _ in ctx.sentences]
    assert starts == ["Приговор ", "17 ноября", "Ст. 17 УК"]
