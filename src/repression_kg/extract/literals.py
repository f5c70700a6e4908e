"""Whole-word occurrences of literal phrases: in a short window by ``str.find``, in a
whole document through an index of its words.

A phrase occurs as a whole word where no letter, digit, ``_`` or ``-`` stands right
before or after it; overlapping occurrences of different phrases all count ("up to" and
"to"). A space of a phrase matches a line break or a no-break space as well (hard-wrapped
text breaks "legal\\ncertainty" where the phrase has "legal certainty").

:func:`find_literals` runs one ``str.find`` loop per phrase, which is cheap in a window
of a few dozen characters but costs a scan of the text per phrase in a whole
document. :class:`WordIndex` knows which runs of word characters a text has, and finds
where a run stands once, so a phrase list is looked up by the first word of each phrase: a phrase that starts with a
word character can only start where a run starts, and only at a run equal to its own
first run (a longer run would put a word character where the phrase has none, or right
after its end). Phrases that start with another character are searched as before.

>>> find_literals("it faces up to ten years; up-to-date", ["up to", "to", "ten"])
[(9, 14), (12, 14), (15, 18)]
>>> WordIndex("it faces up to ten years; up-to-date").find(["up to", "to", "ten"])
[(9, 14), (12, 14), (15, 18)]
>>> find_literals("the principle of legal\\ncertainty", ["legal certainty"])
[(17, 32)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from repression_kg.extract import gazetteer

#: a run of the characters that make a word for the boundary test
_RUN = re.compile(r"[\w-]+")


def flat(text: str) -> str:
    """``text`` with each line break, tab and no-break space as a space (one character for
    one: every offset stays), so that a phrase's spaces match them."""
    if "\n" in text:
        text = text.replace("\n", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    return text


def find_literals(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of ``phrases`` in ``text``, sorted (a phrase listed
    twice gives its spans twice)."""
    return sorted(_literals(text, phrases))


def has_literal(text: str, phrases: Iterable[str]) -> bool:
    """True when :func:`find_literals` would find something (it stops at the first)."""
    return next(_literals(text, phrases), None) is not None


def last_literal(text: str, phrases: tuple[str, ...]) -> int:
    """The largest start of :func:`find_literals`' spans, -1 when there is none: the last
    offset where one search of all the phrases (each as a look-ahead, so that overlapping
    occurrences count) finds a whole word. ``[\\w-]`` is exactly :func:`_is_word`."""
    last = -1
    for m in _any_of(phrases).finditer(flat(text)):
        last = m.start()
    return last


@lru_cache(maxsize=64)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?=(?:{alt})(?![\w-]))" if phrases else "(?!)")


class WordIndex:
    """The runs of word characters of a text, and where each run that was asked for
    starts (found on the first request), for whole-text phrase search."""

    def __init__(self, text: str, present: frozenset[str] | None = None) -> None:
        self.text = text
        self._flat = flat(text)
        #: the runs of the text (or a superset: a head that is no run is searched in vain)
        self._present = frozenset(_RUN.findall(text)) if present is None else present
        self._starts: dict[str, list[int]] = {}

    def find(self, phrases: Iterable[str]) -> list[tuple[int, int]]:
        """Exactly ``find_literals(self.text, phrases)``."""
        key = phrases if isinstance(phrases, frozenset | tuple) else tuple(phrases)
        by_head, others = _heads(key)
        text, n = self._flat, len(self.text)
        out = list(_literals(text, others)) if others else []
        # only the heads that are runs of the text (one set intersection, at C level)
        for head in by_head.keys() & self._present:
            starts = self._run_starts(head)
            for phrase in by_head[head]:
                size = len(phrase)
                for i in starts:
                    j = i + size
                    if text.startswith(phrase, i) and (j >= n or not _is_word(text[j])):
                        out.append((i, j))
        out.sort()
        return out

    def _run_starts(self, run: str) -> list[int]:
        """Where ``run`` stands as a whole run of word characters."""
        found = self._starts.get(run)
        if found is None:
            found = self._starts[run] = list(map(re.Match.start,
                                                 _whole_run(run).finditer(self.text)))
        return found


@lru_cache(maxsize=4096)
def _whole_run(run: str) -> re.Pattern[str]:
    """``run`` where it stands as a whole run: the literal first, so that the engine skips
    ahead to it at C speed (a ``str.find`` loop stops at every "is" of "this"), then a
    look-behind over it and the character before it."""
    literal = re.escape(run)
    return re.compile(rf"{literal}(?<![\w-]{literal})(?![\w-])")


def word_index(scratch: dict[str, Any], text: str) -> WordIndex:
    """The :class:`WordIndex` of ``text``, built once per document (kept in ``scratch``,
    one per distinct text: the document and its lower-cased copy)."""
    cache: dict[int, WordIndex] = scratch.setdefault("literals.index", {})
    index = cache.get(id(text))
    if index is None or index.text is not text:
        index = cache[id(text)] = WordIndex(text, _runs_from_tokens(scratch, text))
    return index


#: the characters of a run that are no token character
_JOINING = re.compile(r"[_\-]")


def _runs_from_tokens(scratch: dict[str, Any], text: str) -> frozenset[str] | None:
    """The runs of ``text``, or more strings, from the gazetteer's tokens of the document
    (``text`` itself or its lower-cased copy), without a scan of its own: a token is a run
    unless a ``_`` or ``-`` joins it to more, and those few runs are added whole. None
    when the tokens are not at hand."""
    toks = gazetteer.cached_tokens(scratch)
    if toks is None or toks.runs is None or toks.lowered is None:
        return None
    if toks.text is text:
        runs = toks.runs
    elif len(text) == len(toks.text) and "\u03a3" not in toks.text and text == toks.text.lower():
        # lower-casing one character for one keeps every run (and the capital sigma, the
        # one letter lowered by its neighbours, is not there)
        runs = toks.lowered
    else:
        return None
    present = set(runs)
    end = 0
    for m in _JOINING.finditer(text):
        at = m.start()
        if at < end:
            continue  # in the run just added
        start = at
        while start > 0 and _is_word(text[start - 1]):
            start -= 1
        end = _RUN.match(text, at).end()  # type: ignore[union-attr]
        present.add(text[start:end])
    return frozenset(present)


@lru_cache(maxsize=512)
def _heads(phrases: tuple[str, ...] | frozenset[str],
           ) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The phrases that start with a word character, by their first run (a phrase listed
    twice is there twice); the others."""
    heads: dict[str, list[str]] = {}
    others = []
    for phrase in phrases:
        run = _RUN.match(phrase)
        if run is None:
            others.append(phrase)
        else:
            heads.setdefault(run.group(), []).append(phrase)
    return {head: tuple(found) for head, found in heads.items()}, tuple(others)


def _literals(text: str, phrases: Iterable[str]) -> Iterator[tuple[int, int]]:
    text = flat(text)
    n = len(text)
    for phrase in phrases:
        size = len(phrase)
        i = text.find(phrase)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word(text[i - 1])) and (j >= n or not _is_word(text[j])):
                yield i, j
            i = text.find(phrase, i + 1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "_-"
