"""Literal phrases found through a word index are exactly those of a ``str.find`` loop."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract.literals import (
    WordIndex,
    find_literals,
    has_literal,
    last_literal,
    word_index,
)

CHARS = "ab -_.é1Ж\n\u00a0(\\[*"
#: phrases are written on one line, with plain spaces (the lookups' phrases are)
PHRASE = st.text(alphabet=CHARS.replace("\n", "").replace("\u00a0", ""), min_size=0,
                 max_size=4)


def _want(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """The specification: every offset of every phrase, with the boundary test; a space of
    a phrase matches a space, a line break or a no-break space."""
    out = []
    for phrase in phrases:
        for i in range(len(text) + 1):
            j = i + len(phrase)
            same = len(text) >= j and all(
                c == p or (p == " " and c in "\n\t\u00a0")
                for c, p in zip(text[i:j], phrase, strict=True))
            if same and (i == 0 or not _word(text[i - 1])) and (
                    j >= len(text) or not _word(text[j])):
                out.append((i, j))
    return sorted(out)


def _word(char: str) -> bool:
    return char.isalnum() or char in "_-"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARS, max_size=40), st.lists(PHRASE.filter(bool), max_size=6))
def test_index_and_find_loop_give_every_whole_word_occurrence(text: str,
                                                              phrases: list[str]) -> None:
    want = _want(text, phrases)
    assert find_literals(text, phrases) == want
    assert has_literal(text, phrases) == bool(want)
    index = WordIndex(text)
    assert index.find(phrases) == want
    assert index.find(tuple(phrases)) == want
    assert index.find(frozenset(phrases)) == _want(text, list(set(phrases)))


def test_overlapping_and_repeated_phrases() -> None:
    text = "faces up to ten years; up-to-date; to (to)"
    want = [(6, 11), (9, 11), (9, 11), (35, 37), (35, 37), (39, 41), (39, 41)]
    assert find_literals(text, ["up to", "to", "to"]) == want
    assert WordIndex(text).find(["up to", "to", "to"]) == want
    assert WordIndex(text).find(["(to)", "-to"]) == [(38, 42)]
    assert not has_literal(text, ["ten year"])


def test_one_index_per_text() -> None:
    scratch: dict = {}
    text, low = "Up to", "up to"
    assert word_index(scratch, text) is word_index(scratch, text)
    assert word_index(scratch, low).find(["up"]) == [(0, 2)]
    assert word_index(scratch, text).find(["up"]) == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARS, max_size=40), st.lists(PHRASE, max_size=6))
def test_last_literal_is_the_last_start_of_find_literals(text: str, phrases: list[str]) -> None:
    found = find_literals(text, phrases)
    assert last_literal(text, tuple(phrases)) == (max(s for s, _ in found) if found else -1)
