"""Where a date may start in a text, so that the big date pattern of
:mod:`repression_kg.extract.dates` is tried only there: years, small numbers before a word
or a dot, and the key words (months, seasons, "year", "месяц") as whole words, with the
prefix words ("in", "last", "в") right before them.

>>> text = "Detained in March 2022, on 5 May."
>>> date_starts(text, frozenset({"march", "may"}))
[9, 12, 18, 27, 29]
"""

from __future__ import annotations

import re
from functools import lru_cache

from repression_kg.lookups import Tokens, norm

_NUMBER = re.compile(r"\d+")
_DAY_NEXT = re.compile(r"(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{1,2})?\s+(?:of\s+)?[^\W\d_]|\.\d")
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_PREFIXES = frozenset({
    "in", "since", "until", "by", "during", "from", "early", "late", "mid", "last", "this",
    "past", "previous", "earlier", "later", "next", "the", "of", "в", "с", "до", "к", "начале",
    "конце", "середине", "прошлой", "этой", "прошлым", "этим", "прошлом", "этом", "текущем",
    "прошлого", "этого", "текущего"})


def date_starts(text: str, keys: frozenset[str], toks: Tokens | None = None) -> list[int]:
    """Sorted offsets where a date may start; ``keys`` are lower-case key words. Found
    with plain substring and short-regex scans, the key words among ``toks`` (the text's
    gazetteer tokens) when given."""
    starts = set()
    for m in _NUMBER.finditer(text):
        tok = m.group()
        if (len(tok) == 4 and tok[:2] in ("19", "20")) or (
                len(tok) <= 2 and _DAY_NEXT.match(text, m.end())):
            starts.add(m.start())
    low = text.lower()
    if len(low) != len(text):
        low = text  # lower-casing moved offsets: fall back to case-sensitive search
    for i in _key_starts(text, low, keys, toks if low is not text else None):
        starts.add(i)
        for w in _WORD_START.finditer(text, max(0, i - 30), i):
            end = w.start()
            while end < i and text[end].isalpha():
                end += 1
            if text[w.start():end].lower() in _PREFIXES:
                starts.add(w.start())
    return sorted(starts)


def _key_starts(text: str, low: str, keys: frozenset[str], toks: Tokens | None) -> list[int]:
    """Where a key word stands in ``low`` as a whole run of letters and digits: a token
    whose word is the key's (Cyrillic keys compared normalised, then exactly), else by
    substring search."""
    if toks is not None and toks.text is text:
        wanted, starts, ends = _key_tokens(keys), toks.starts, toks.ends
        return [starts[k] for k in [k for k, w in enumerate(toks.words) if w in wanted]
                if low[starts[k]:ends[k]] in keys]
    out, n = [], len(low)
    for key in keys:
        i = low.find(key)
        while i >= 0:
            j = i + len(key)
            if (i == 0 or not low[i - 1].isalnum()) and (j >= n or not low[j].isalnum()):
                out.append(i)
            i = low.find(key, j)
    return out


@lru_cache(maxsize=8)
def _key_tokens(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(norm(k) for k in keys)
