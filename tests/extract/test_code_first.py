"""Citations with the code before the number: found from the codes' first letters exactly
as the pattern's own search finds them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract.code_first import _scan
from repression_kg.extract.prescan import foldable

WORDS = ["UK", "RF", "KoAP", "УК", "РФ", "КоАП", "CC", "Art.", "ст.", "207.3", "20.3.3", "275",
         "(2)", "(d)", "15", "лет", "years", ",", "and", "+", " ", "\n", "x", "-", "BUK"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_same_matches_as_finditer(words: list[str]) -> None:
    for text in (" ".join(words), "".join(words)):
        low = text.lower()
        low = low if len(low) == len(text) and not foldable(low) else None
        assert [m.span() for m in _scan().finditer(text, low)] == [
            m.span() for m in _scan().pattern.finditer(text)]
