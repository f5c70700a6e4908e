"""Gazetteer matching at C speed where it can be: :class:`Gazetteer` is a
:class:`repression_kg.lookups.Matcher` that tries its table only at the tokens that can
start a surface form, and :func:`tokens` cuts a text into the matchers' tokens with
list comprehensions instead of a call per token.

Both give exactly what :class:`~repression_kg.lookups.Matcher` and
:meth:`~repression_kg.lookups.Tokens.of` give (tested): most tokens of a text start no
form, and a set lookup per token skips them without a method call.

>>> g = Gazetteer({"moscow": "moscow", "москва": "moscow", "st petersburg": "spb"})
>>> [(h.value, h.start, h.end) for h in g.find("From Moscow to St. Petersburg, в Москве.")]
[('moscow', 5, 11), ('spb', 15, 29), ('moscow', 33, 39)]
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Mapping
from itertools import accumulate, compress
from typing import Any

from repression_kg import lookups


def tokens_of(text: str) -> lookups.Tokens:
    """``lookups.Tokens.of(text)``, built faster (C-level maps instead of a call per
    token), keeping the tokens as written and lower-cased (``runs``, ``lowered``: the
    organisations' words and the word indexes are made of them)."""
    # without "_" in the text, a token is exactly a run of \w, which the engine finds faster
    # split() keeps the tokens between the gaps (no match object each): gap, token, gap, ...,
    # gap; the running sum of their lengths holds each token's start and end by turns
    parts = (_TOKEN_SPLIT if "_" in text else _WORD_SPLIT).split(text)
    bounds = list(accumulate(map(len, parts)))
    runs = parts[1::2]
    words = lowered = list(map(str.lower, runs))
    if _CYRILLIC.search(text) is not None:
        known = _NORMS.get
        # norm() changes only Cyrillic words (their first letter is at least U+0400)
        words = [w if w < "\u0400" else known(w) or _norm(w) for w in lowered]
    return lookups.Tokens(words, bounds[0:-1:2], bounds[1::2], text, runs, lowered)


_FIRST_TWO = operator.itemgetter(slice(None, 2))
#: lookups.TOKEN, and a run of \w, as the separators of a split() that keeps them
_TOKEN_SPLIT = re.compile(f"({lookups.TOKEN.pattern})")
_WORD_SPLIT = re.compile(r"(\w+)")
#: a letter :func:`lookups.norm` can change (a text without one needs no norm() call)
_CYRILLIC = re.compile("[\u0400-\u04ff]")

#: norm() of the words seen so far (the same few thousand words recur in every document)
_NORMS: dict[str, str] = {}


def _norm(word: str) -> str:
    if len(_NORMS) >= 200_000:
        _NORMS.clear()
    normed = _NORMS[word] = lookups.norm(word)
    return normed


def tokens(scratch: dict[str, Any], text: str) -> lookups.Tokens:
    """The tokens of ``text``, computed once per document (kept in ``scratch``)."""
    toks = scratch.get("gazetteer.tokens")
    if toks is None or toks.text is not text:
        toks = tokens_of(text)
        scratch["gazetteer.tokens"] = toks
    return toks


def cached_tokens(scratch: dict[str, Any]) -> lookups.Tokens | None:
    """The tokens :func:`tokens` keeps for the document, if computed yet."""
    return scratch.get("gazetteer.tokens")


class Gazetteer(lookups.Matcher):
    """A :class:`~repression_kg.lookups.Matcher` whose :meth:`find` skips, by one set
    lookup each, the tokens that start no surface form."""

    def __init__(self, forms: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        #: the (form, value) pairs it was built from
        self.pairs = tuple(forms.items() if isinstance(forms, Mapping) else forms)
        super().__init__(self.pairs)
        #: head words that start only forms of two words or more (and no stem form):
        #: :meth:`match_at` finds nothing at one unless it and the next word start a form
        self._pair_only = frozenset(
            w for w, sizes in self._lengths.items()
            if not w.startswith("*") and sizes[-1] > 1 and w not in self._stem_firsts
            and "*" + w[:2] not in self._lengths)

    def find(self, text: str | lookups.Tokens) -> list[lookups.Hit]:
        """Non-overlapping hits, longest first at each position, in text order."""
        toks = text if isinstance(text, lookups.Tokens) else tokens_of(text)
        words, heads, stem_heads = toks.words, self.first_words, self.stem_prefixes
        # the tokens that can start a form, picked by C-level iteration (no Python-level
        # loop over the text's tokens): a head word, or the first two letters of a stem
        found = map(heads.__contains__, words)
        if stem_heads:
            found = map(operator.or_, found,
                        map(stem_heads.__contains__, map(_FIRST_TWO, words)))
        starts = list(compress(range(len(words)), found))
        out: list[lookups.Hit] = []
        after, last = 0, len(words) - 1
        pair_only, pairs = self._pair_only, self._pairs
        for i in starts:
            if i < after:
                continue
            word = words[i]
            if word in pair_only and (i == last or (word, words[i + 1]) not in pairs):
                continue  # what match_at would find out, without the call
            hit = self.match_at(toks, i)
            if hit is None:
                continue
            size, value, form = hit
            out.append(lookups.Hit(value, toks.starts[i], toks.ends[i + size - 1], form))
            after = i + size
        return out
