"""Roundup charges: the one article of a list's introduction, for each item of the list."""

from __future__ import annotations

from tests.extract.conftest import run

ROUNDUP = """Roundup: a year of verdicts
Published: 30 April 2023

A year after Article 207.3 was added to the Criminal Code, five verdicts.

1. Yegor Lavrov, municipal deputy, Moscow: 7 years in a general regime colony (Part 2), 8 July 2022.
2. Anna Belova, journalist, Barnaul: 6 years in a general regime colony, 15 February 2023.
3. Pavel Sidorov, student, Tomsk: still awaiting trial.
"""


def charged(text: str) -> list[tuple[str, str, str | None, bool]]:
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    return sorted((names[c.person], c.article, c.part, c.stated_by_number)
                  for c in facts.charges)


def test_each_item_with_a_term_gets_the_introductions_article() -> None:
    assert charged(ROUNDUP) == [("Anna Belova", "207.3", None, True),
                                ("Yegor Lavrov", "207.3", "2", True)]


def test_the_quote_is_the_citation_and_the_part() -> None:
    facts = run(ROUNDUP)
    quotes = [[m.text for m in c.mentions] for c in facts.charges if c.part]
    assert quotes == [["Article 207.3", "(Part 2)"]]


def test_an_introduction_with_two_articles_says_nothing_about_the_items() -> None:
    text = ROUNDUP.replace("after Article 207.3 was added", "after Articles 207.3 and 280.3 were added")
    assert charged(text) == []


def test_an_introduction_naming_one_offence_by_description() -> None:
    text = ROUNDUP.replace("A year after Article 207.3 was added to the Criminal Code",
                           "A year of prosecutions for \"fakes\" about the army")
    assert charged(text) == [("Anna Belova", "207.3", None, False),
                             ("Yegor Lavrov", "207.3", "2", False)]
