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
from itertools import compress

from repression_kg.lookups import Tokens, norm

_NUMBER = re.compile(r"\d+")
_DAY_NEXT = re.compile(r"(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{1,2})?\s+(?:of\s+)?[^\W\d_]|\.\d")
#: the numbers of ``_NUMBER`` that may start a date, in one search: a year 19xx/20xx, or
#: one or two digits followed by ``_DAY_NEXT`` (a digit first, so the engine skips to it)
_NUMBER_START = re.compile(r"\d(?<!\d\d)(?:(?:(?<=1)9|(?<=2)0)\d\d|\d?(?="
                           r"(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{1,2})?\s+(?:of\s+)?[^\W\d_]|\.\d))"
                           r"(?!\d)")
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
#: a whole run of word-start characters: its letters (``str.isalpha``, a subset of the
#: class) are the run itself unless the run holds a number sign; the look-behind stands
#: after the first letter, so that the engine skips to letters at C speed
_WORD_RUN = re.compile(r"[^\W\d_](?<![^\W\d_][\s\S])[^\W\d_]*")
_PREFIXES = frozenset({
    "in", "since", "until", "by", "during", "from", "early", "late", "mid", "last", "this", "that",
    "past", "previous", "earlier", "later", "next", "the", "of", "в", "с", "до", "к", "начале",
    "конце", "середине", "прошлой", "этой", "прошлым", "этим", "прошлом", "этом", "текущем",
    "прошлого", "этого", "текущего"})


def date_starts(text: str, keys: frozenset[str], toks: Tokens | None = None,
                low: str | None = None) -> list[int]:
    """Sorted offsets where a date may start; ``keys`` are lower-case key words. Found
    with plain substring and short-regex scans, the key words among ``toks`` (the text's
    gazetteer tokens) when given; ``low`` is ``text.lower()`` if the caller has it."""
    starts = set(map(re.Match.start, _NUMBER_START.finditer(text)))
    if low is None:
        low = text.lower()
    if len(low) != len(text):
        low = text  # lower-casing moved offsets: fall back to case-sensitive search
    if low is not text and toks is not None and toks.text is text and \
            toks.runs is not None and toks.lowered is not None:
        lowered = toks.lowered
        # a token's lower-case form is its span of ``low`` (which keeps every offset: no
        # letter lower-cases to two), but for a "Σ", which no key word holds, lower-cased
        # by what stands around it
        for k in compress(range(len(lowered)), map(keys.__contains__, lowered)):
            i = toks.starts[k]
            starts.add(i)
            if not _prefixes_by_token(toks, k, max(0, i - 30), starts):
                _prefixes(text, i, starts)
        return sorted(starts)
    for i in _key_starts(text, low, keys, toks if low is not text else None):
        starts.add(i)
        _prefixes(text, i, starts)
    return sorted(starts)


def _prefixes(text: str, i: int, starts: set[int]) -> None:
    """Add the starts of the prefix words in the 30 characters before ``i``."""
    for w in _WORD_RUN.finditer(text, max(0, i - 30), i):
        word = w.group()
        if not word.isalpha():  # a number sign such as "½" in the run: letters only
            end = w.start()
            while end < i and text[end].isalpha():
                end += 1
            word = text[w.start():end]
        if word.lower() in _PREFIXES:
            starts.add(w.start())


def _prefixes_by_token(toks: Tokens, k: int, low_bound: int, starts: set[int]) -> bool:
    """:func:`_prefixes` for the key word that is token ``k``, read from the tokens
    before it (from ``low_bound`` on): True when done, False when a token there is
    neither all letters (one word run, ``str.isalpha``) nor all digits (none), and the
    text must be read. The key starts a token, so no word run is cut by it."""
    runs, lowered, tstarts = toks.runs, toks.lowered, toks.starts
    assert runs is not None and lowered is not None
    j = k - 1
    while j >= 0 and tstarts[j] >= low_bound:
        run = runs[j]
        if run.isalpha():
            if lowered[j] in _PREFIXES:
                starts.add(tstarts[j])
        elif not run.isdecimal():
            return False
        j -= 1
    # a token across the bound holds a word run from the bound on unless it is one run
    return j < 0 or toks.ends[j] <= low_bound or runs[j].isalpha()


def date_starts_plain(text: str, keys: frozenset[str], toks: Tokens | None = None) -> list[int]:
    """:func:`date_starts` with the prefix words read letter by letter (kept for the
    equivalence test)."""
    starts = set()
    for m in _NUMBER.finditer(text):
        tok = m.group()
        if (len(tok) == 4 and tok[:2] in ("19", "20")) or (
                len(tok) <= 2 and _DAY_NEXT.match(text, m.end())):
            starts.add(m.start())
    low = text.lower()
    if len(low) != len(text):
        low = text
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
        return [toks.starts[k] for k in _key_tokens_at(low, keys, toks)]
    out, n = [], len(low)
    for key in keys:
        i = low.find(key)
        while i >= 0:
            j = i + len(key)
            if (i == 0 or not low[i - 1].isalnum()) and (j >= n or not low[j].isalnum()):
                out.append(i)
            i = low.find(key, j)
    return out


def _key_tokens_at(low: str, keys: frozenset[str], toks: Tokens) -> list[int]:
    """The indexes of the tokens of ``toks`` that are key words (see :func:`_key_starts`)."""
    wanted, starts, ends = _key_tokens(keys), toks.starts, toks.ends
    words = toks.words
    return [k for k in compress(range(len(words)), map(wanted.__contains__, words))
            if low[starts[k]:ends[k]] in keys]


@lru_cache(maxsize=8)
def _key_tokens(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(norm(k) for k in keys)
