"""The words a name of an organisation is made of: :class:`Words` cuts a text into words
with their offsets and says which neighbours are joined (one space apart, so one name may
hold both); :func:`cap` says which words are capitalised.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from repression_kg.lookups import Tokens

#: a word: letters and digits, joined inside by apostrophes or hyphens, maybe a final
#: apostrophe ("Soldiers'"); no part can match two ways, so matching is linear
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*['’]?")
#: what may stand between two words of one name
JOIN = frozenset({" ", "\u00a0"})
#: the marks that join two runs of letters and digits into one :data:`WORD`
_JOINING = "'’-"


@dataclass
class Words:
    """The words of a text with their offsets, and whether neighbours are joined."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    at_start: Mapping[int, int]
    #: words whose full stop does not part them from the next word ("St. Petersburg")
    abbreviations: frozenset[str]

    @classmethod
    def of(cls, text: str, abbreviations: frozenset[str]) -> Words:
        found = list(WORD.finditer(text))
        starts = [m.start() for m in found]
        return cls(text, [m.group() for m in found], starts, [m.end() for m in found],
                   {s: i for i, s in enumerate(starts)}, abbreviations)

    @classmethod
    def of_runs(cls, text: str, toks: Tokens, abbreviations: frozenset[str]) -> Words:
        """Exactly ``of(text, abbreviations)``, from the text's runs of letters and digits
        (the gazetteer's tokens of ``text``, found once per document): a word is runs
        joined by single apostrophes or hyphens, maybe with a final apostrophe, so only
        the few joiners and final apostrophes need looking at."""
        starts, ends = list(toks.starts), list(toks.ends)
        words = list(toks.runs) if toks.runs is not None else \
            list(map(text.__getitem__, map(slice, starts, ends)))
        joiners, finals = _marks(text)
        joins = [bisect.bisect_left(ends, at) for at in joiners]
        for at in finals:
            k = bisect.bisect_left(ends, at)
            ends[k] = at + 1
            words[k] = text[starts[k]:ends[k]]
        for k in reversed(joins):  # the run after the joiner ends the word
            ends[k] = ends[k + 1]
            words[k] = text[starts[k]:ends[k]]
            del starts[k + 1], ends[k + 1], words[k + 1]
        return cls(text, words, starts, ends, StartIndex(starts), abbreviations)

    def joined(self, i: int) -> bool:
        """True when word ``i`` and word ``i + 1`` are one space apart ("St. X" too)."""
        if i + 1 >= len(self.words):
            return False
        gap = self.text[self.ends[i]:self.starts[i + 1]]
        return gap in JOIN or (gap in (". ", ".\u00a0") and self.words[i] in self.abbreviations)


def _marks(text: str) -> tuple[list[int], list[int]]:
    """Where :data:`WORD` goes on from one run of letters and digits to the next (an
    apostrophe or hyphen between two of their characters), and its final apostrophes
    ("Soldiers'": after a letter or digit, before none), sorted. A letter or digit is
    what ``str.isalnum`` says (the regex class ``[^\\W_]``); the marks are few, and
    ``str.find`` skips to them faster than a regex scan."""
    joiners: list[int] = []
    finals: list[int] = []
    last = len(text) - 1
    for mark in _JOINING:
        at = text.find(mark)
        while at >= 0:
            if at > 0 and text[at - 1].isalnum():
                if at < last and text[at + 1].isalnum():
                    joiners.append(at)
                elif mark != "-":
                    finals.append(at)
            at = text.find(mark, at + 1)
    joiners.sort()
    finals.sort()
    return joiners, finals


class StartIndex(Mapping[int, int]):
    """Start offset → word number, looked up in the sorted starts (no dict built)."""

    def __init__(self, starts: list[int]) -> None:
        self._starts = starts

    def __getitem__(self, start: int) -> int:
        i = bisect.bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] == start:
            return i
        raise KeyError(start)

    def get(self, start: int, default: int | None = None) -> int | None:  # type: ignore[override]
        i = bisect.bisect_left(self._starts, start)
        return i if i < len(self._starts) and self._starts[i] == start else default

    def __iter__(self) -> Iterator[int]:
        return iter(self._starts)

    def __len__(self) -> int:
        return len(self._starts)


def cap(word: str) -> bool:
    """A capitalised word: "Moscow", "Anti-Corruption", "LGBT"; not "Kremlin-backed"."""
    if not word[:1].isupper():
        return False
    if "-" not in word:
        return True
    return all(p[:1].isupper() or p[:1].isdigit() for p in word.split("-")[1:] if p)
