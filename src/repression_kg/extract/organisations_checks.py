"""What rules a candidate name of an organisation out: it overlaps a gazetteer form or a
person's name, holds a word that is never part of one (courts, buildings, statutes,
months), is a name of a country, a surname, nothing but nationalities and a place, or
stands on a title-case headline line.
"""

from __future__ import annotations

import bisect

from repression_kg.extract.base import Context
from repression_kg.extract.organisations_cues import Cues, only_a_place
from repression_kg.extract.organisations_known import fold
from repression_kg.extract.organisations_words import WORD, Words


class Checker:
    """The negative rules for the candidate names of one document."""

    def __init__(self, ctx: Context, cues: Cues, words: Words,
                 taken: list[tuple[int, int, bool]]) -> None:
        self.ctx, self.cues, self.words = ctx, cues, words
        self.taken = taken  # sorted gazetteer spans
        self.person_words = {w for p in ctx.facts.persons for n in [p.name, *p.aliases]
                             for w in n.split()}
        self._headings: dict[int, bool] = {}

    def overlaps(self, start: int, end: int, *, absorb: bool = False) -> bool:
        """Does the span overlap a gazetteer form? With ``absorb``, a (non-platform) form
        strictly inside it does not count: a cue names the whole ("the newspaper Novye
        Izvestiya" holds the form "Izvestiya")."""
        for s, e, medium in overlapping(self.taken, start, end):
            if not absorb or medium or s < start or e > end or (s, e) == (start, end):
                return True
        return False

    def inside_person(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end
                   for m in self.ctx.mentions_in(max(0, start - 200), end))

    def touches_person(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end
                   for m in self.ctx.mentions_in(max(0, start - 200), end))

    def place_only(self, names: list[str]) -> bool:
        """True when the words are nothing but nationalities and a place."""
        rest = [w for w in names if w not in self.cues.demonyms]
        if not rest:
            return True
        return only_a_place(" ".join(rest))

    def fine(self, i: int, j: int, *, person_strict: bool, surnames: bool = True) -> bool:
        """Words ``i..j`` (inclusive) may be an organisation's name."""
        w = self.words
        names = w.words[i:j + 1]
        start, end = w.starts[i], w.ends[j]
        if any(n in self.cues.never for n in names) or any(
                n.rstrip("'’s") in self.cues.never for n in names if n.endswith(("'s", "’s"))):
            return False
        if fold(" ".join(names)) in self.cues.not_names or \
                self.overlaps(start, end, absorb=person_strict):
            return False
        if person_strict:
            if names[0] in self.cues.first_names or self.touches_person(start, end):
                return False
            caps = [n for n in names if n[:1].isupper()]
            if caps and all(n.rstrip("'’s") in self.person_words for n in caps):
                return False
            if surnames and len(names) == 1 and (names[0] in self.cues.surnames or
                                    names[0].endswith(self.cues.surname_endings)):
                return False  # a surname: the Navalny campaign, the Yashin team
        elif self.inside_person(start, end):
            return False
        return True

    def heading(self, i: int) -> bool:
        """Is word ``i`` on a title-case line ("Activist Group Members Detained")?"""
        text = self.words.text
        line_start = text.rfind("\n", 0, self.words.starts[i]) + 1
        known = self._headings.get(line_start)
        if known is None:
            line_end = text.find("\n", line_start)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            long_words = [m.group() for m in WORD.finditer(line) if len(m.group()) >= 4]
            caps = sum(1 for x in long_words if x[:1].isupper())
            known = line.lstrip().startswith("#") or (
                len(long_words) >= 4 and caps >= 0.8 * len(long_words)
                and not line.rstrip().endswith((".", ":", ";")))
            self._headings[line_start] = known
        return known


def overlapping(taken: list[tuple[int, int, bool]], start: int,
                end: int) -> list[tuple[int, int, bool]]:
    """The spans of the sorted ``taken`` that overlap ``[start, end)`` (none is longer
    than 300 characters, so a binary search finds them)."""
    out = []
    k = bisect.bisect_left(taken, (start - 300, -1, False))
    while k < len(taken) and taken[k][0] < end:
        if taken[k][1] > start:
            out.append(taken[k])
        k += 1
    return out
