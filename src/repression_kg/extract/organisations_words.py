"""The words a name of an organisation is made of: :class:`Words` cuts a text into words
with their offsets and says which neighbours are joined (one space apart, so one name may
hold both); :func:`cap` says which words are capitalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a word: letters and digits, joined inside by apostrophes or hyphens, maybe a final
#: apostrophe ("Soldiers'"); no part can match two ways, so matching is linear
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*['’]?")
#: what may stand between two words of one name
JOIN = frozenset({" ", "\u00a0"})


@dataclass
class Words:
    """The words of a text with their offsets, and whether neighbours are joined."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    at_start: dict[int, int]
    #: words whose full stop does not part them from the next word ("St. Petersburg")
    abbreviations: frozenset[str]

    @classmethod
    def of(cls, text: str, abbreviations: frozenset[str]) -> Words:
        found = list(WORD.finditer(text))
        starts = list(map(re.Match.start, found))
        return cls(text, list(map(re.Match.group, found)), starts,
                   list(map(re.Match.end, found)), dict(zip(starts, range(len(starts)))),
                   abbreviations)

    def joined(self, i: int) -> bool:
        """True when word ``i`` and word ``i + 1`` are one space apart ("St. X" too)."""
        if i + 1 >= len(self.words):
            return False
        gap = self.text[self.ends[i]:self.starts[i + 1]]
        return gap in JOIN or (gap in (". ", ".\u00a0") and self.words[i] in self.abbreviations)


def cap(word: str) -> bool:
    """A capitalised word: "Moscow", "Anti-Corruption", "LGBT"; not "Kremlin-backed"."""
    if not word[:1].isupper():
        return False
    if "-" not in word:
        return True
    return all(p[:1].isupper() or p[:1].isdigit() for p in word.split("-")[1:] if p)
