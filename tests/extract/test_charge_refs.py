"""Charges by reference: a part cited without its article, "the same accusation"."""

from __future__ import annotations

import pytest
from tests.extract.conftest import run


def charged(text: str) -> set[tuple]:
    facts = run(text)
    names = {p.id: p.name for p in facts.persons}
    return {(names[c.person], c.article, c.part, c.modifier) for c in facts.charges}


@pytest.mark.parametrize("text", [
    "Article 207.3 of the Criminal Code punishes 'fakes'. Yegor Lavrov was charged under "
    'point "а" of Part 2.',
    "Article 207.3 of the Criminal Code punishes 'fakes'. Yegor Lavrov was tried under Part 2 "
    "of the article.",
    "Yegor Lavrov was charged under Article 207.3 of the Criminal Code, later under Part 2 of "
    "the same article.",
])
def test_a_part_cited_alone_is_a_part_of_the_article_before(text: str) -> None:
    assert charged(text) == {("Yegor Lavrov", "207.3", "2", None)}


def test_the_part_of_article_30_is_no_part_of_the_article_before() -> None:
    assert charged("Yegor Lavrov was charged with attempted murder (Article 105, Part 2, in "
                   "conjunction with Article 30, Part 3, of the Criminal Code).") == {
        ("Yegor Lavrov", "105", "2", "attempt")}


def test_a_part_in_a_sentence_that_charges_nobody_is_no_charge() -> None:
    assert charged("Yegor Lavrov was charged under Article 207.3 of the Criminal Code. Part 2 "
                   "of the article is about officials.") == {("Yegor Lavrov", "207.3", None, None)}


def test_two_mentions_of_the_same_part_are_one_charge() -> None:
    facts = run("Article 207.3 of the Criminal Code punishes 'fakes'. Yegor Lavrov was tried "
                "under Part 2 of the article. He was charged under point \"а\" of Part 2.")
    assert [(c.article, c.part) for c in facts.charges] == [("207.3", "2")]
