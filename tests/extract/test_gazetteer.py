"""Gazetteer: the same hits and tokens as lookups.Matcher and lookups.Tokens, faster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repression_kg import lookups
from repression_kg.extract import courts, organisations_cues, organisations_known, places
from repression_kg.extract.gazetteer import Gazetteer, tokens_of

WORDS = ["Moscow", "в", "Москве", "St.", "Petersburg", "Rostov-on-Don", "Memorial", "OVD-Info",
         "Supreme", "Court", "of", "Russia", "Алтайского", "края", "Barnaul", "human", "rights",
         "centre", "Kazakhstan", "the", "UK", "USA", "РФ", "Пресненский", "районный", "суд",
         "Mediazona", "FSB", "Federal", "Security", "Service", "İstanbul", "x_y", "1", "-",
         ".", ",", "’", " ", "\n"]


def _tables() -> list[tuple[lookups.Matcher, Gazetteer]]:
    out = []
    for fast in (places._matcher(), courts._known()[0], organisations_known.table()[0],
                 organisations_cues.cues().phrases, organisations_cues.places()):
        out.append((lookups.Matcher(fast.pairs), fast))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_same_tokens_and_hits(text: str) -> None:
    assert tokens_of(text) == lookups.Tokens.of(text)
    for slow, fast in TABLES:
        assert fast.find(text) == slow.find(text)
        assert fast.find(tokens_of(text)) == slow.find(lookups.Tokens.of(text))


TABLES = _tables()
