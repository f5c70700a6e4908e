"""Citations with the code before the number: found from the codes' first words exactly
as the pattern's own search finds them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg.extract.code_first import _matches, _pattern

WORDS = ["UK", "RF", "KoAP", "УК", "РФ", "КоАП", "CC", "Art.", "ст.", "207.3", "20.3.3", "275",
         "(2)", "(d)", "15", "лет", "years", ",", "and", "+", " ", "\n", "x", "-", "BUK"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_same_matches_as_finditer(words: list[str]) -> None:
    for text in (" ".join(words), "".join(words)):
        assert [m.span() for m in _matches(text)] == [
            m.span() for m in _pattern()[0].finditer(text)]
