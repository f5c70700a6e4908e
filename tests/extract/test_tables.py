"""Verdict tables: one row per defendant, articles and term in columns."""

from __future__ import annotations

from repression_kg.extract import extract_document
from repression_kg.ingest import document_from_bytes

PLAIN = """GROUP VERDICT
Court ........ Southern District Military Court, Rostov-on-Don
Date ......... 31 May 2023

NAME              ROLE       ARTICLES                  TERM
----------------  ---------  ------------------------  --------
Oleg Zimin        organiser  205.5 Part 1; 30(1) + 278  17 years
Ilya Kuzin        member     205.5(2)                  12 years

The men deny the charges.
"""

MARKDOWN = """# Verdict

| Defendant | Articles | Sentence |
| --- | --- | --- |
| Anna Belova | 280.3 Part 1 | fine of 100,000 roubles |
| Pavel Rudin | 207.3 Part 2 | 5 years |
"""


def _facts(text: str, fmt: str = "text"):
    facts = extract_document(document_from_bytes(text.encode(), doc_id="t", fmt=fmt))
    names = {p.id: p.name for p in facts.persons}
    charges = {(names[c.person], c.article, c.part, c.modifier) for c in facts.charges}
    sentences = {(names[s.person], s.kind, s.months, s.date) for s in facts.sentences}
    return facts, charges, sentences


def test_a_plain_text_table_gives_each_row_its_charges_and_term() -> None:
    facts, charges, sentences = _facts(PLAIN)
    assert charges == {("Oleg Zimin", "205.5", "1", None), ("Oleg Zimin", "278", None, "preparation"),
                       ("Ilya Kuzin", "205.5", "2", None)}
    assert sentences == {("Oleg Zimin", "imprisonment", 204, "2023-05-31"),
                         ("Ilya Kuzin", "imprisonment", 144, "2023-05-31")}
    assert all(s.court for s in facts.sentences)
    for fact in [*facts.charges, *facts.sentences]:
        for m in fact.mentions:
            assert PLAIN[m.start:m.end] == m.text


def test_a_markdown_table() -> None:
    _facts_, charges, sentences = _facts(MARKDOWN, "markdown")
    assert charges == {("Anna Belova", "280.3", "1", None), ("Pavel Rudin", "207.3", "2", None)}
    assert {(n, k, m) for n, k, m, _d in sentences} == {("Anna Belova", "fine", None),
                                                        ("Pavel Rudin", "imprisonment", 60)}


def test_a_table_without_an_articles_column_is_left_to_the_other_extractors() -> None:
    _f, charges, _s = _facts("NAME          CITY\n-----  -----\nOleg Zimin    Tula 205\n")
    assert charges == set()


HTML = """<html><body><p>A Moscow court convicted both defendants.</p>
<table><caption>Verdict of the Lyublinsky District Court, 6 August 2020</caption>
<tr><th>Defendant</th><th>Age</th><th>Article of the Criminal Code</th><th>Term</th></tr>
<tr><td>Oleg Zimin</td><td>27</td><td>282.1</td><td>7 years, general regime colony</td></tr>
<tr><td>Anna Belova</td><td>19</td><td>282.1</td><td>4 years, suspended</td></tr>
</table></body></html>"""


def test_an_html_table_dated_by_its_caption_with_the_regime_of_its_term_cell() -> None:
    facts, charges, sentences = _facts(HTML, "html")
    assert charges == {("Oleg Zimin", "282.1", None, None), ("Anna Belova", "282.1", None, None)}
    assert sentences == {("Oleg Zimin", "imprisonment", 84, "2020-08-06"),
                         ("Anna Belova", "suspended", 48, "2020-08-06")}
    assert {s.regime for s in facts.sentences} == {"general", None}
    assert all(s.court for s in facts.sentences)


WIKI = """# People convicted under Article 207.3 of the Criminal Code

| Name | Age | Part | Term | Verdict date | Court | PP |
|---|---|---|---|---|---|---|
| Oleg Zimin | 31 | 1 | 2 yrs 6 mos, strict regime | 21 Oct 2022 | Alushta City Court | |
| Anna Belova | – | – | compulsory psychiatric treatment in hospital | Dec 2023 | Kalininsky District Court, St Petersburg | ✓ |
"""


def test_a_part_column_of_the_one_article_the_page_is_about() -> None:
    facts, charges, sentences = _facts(WIKI, "markdown")
    assert charges == {("Oleg Zimin", "207.3", "1", None), ("Anna Belova", "207.3", None, None)}
    assert sentences == {("Oleg Zimin", "imprisonment", 30, "2022-10-21"),
                         ("Anna Belova", "compulsory_treatment", None, "2023-12")}
    assert all(s.court for s in facts.sentences)
    assert {s.regime for s in facts.sentences} == {"strict", None}


def test_a_part_column_without_one_article_named_before_is_no_table() -> None:
    _f, charges, _s = _facts(WIKI.replace("Article 207.3", "Articles 207.3 and 280.3"),
                             "markdown")
    assert {c[1:3] for c in charges} <= {("207.3", None), ("280.3", None)}
    assert not any(c[2] == "1" for c in charges)


def test_a_writers_table_with_parts_after_commas_and_the_prose_term_once() -> None:
    text = ("In-absentia verdicts\nWriter | Charges | Court | Date | Sentence\n"
            "Dmitry Glebov | Art. 207.3, Part 2 (fakes); Art. 330.1 | Basmanny District Court, "
            "Moscow | 07.08.2023 | 8 years' imprisonment\n\n"
            "On 7 August 2023 the court sentenced Dmitry Glebov to eight years.")
    facts = extract_document(document_from_bytes(text.encode(), doc_id="t"))
    assert [(c.article, c.part) for c in facts.charges] == [("207.3", "2"), ("330.1", None)]
    assert [(s.months, s.date) for s in facts.sentences] == [(96, "2023-08-07")]
