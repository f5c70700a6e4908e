"""The extraction context and the extractor record.

Every extractor is a plain function ``(ctx: Context) -> None`` that reads what earlier
extractors left on the context (``needs``) and adds facts or analyses (``gives``). The
ordered list lives in :mod:`repression_kg.extract`; a test checks that every ``needs`` is
given by an earlier entry, in the spirit of spaCy's ``analyze_pipes``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from repression_kg.facts import Document, DocumentFacts, Span


@dataclass(frozen=True)
class DateMention:
    """A date found in the text: ISO value (``2023``, ``2023-03``, ``2023-03-20``) and span."""

    value: str
    start: int
    end: int
    relative: bool = False


@dataclass(frozen=True)
class PersonMention:
    """One place in the text where a person of this document is named."""

    start: int
    end: int
    person: str  # local id, e.g. "p1"


@dataclass
class Context:
    """What one document's extraction knows so far."""

    doc: Document
    facts: DocumentFacts
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    person_mentions: list[PersonMention] = field(default_factory=list)
    main_person: str | None = None
    #: the date relative dates are resolved against: the document's publication date, else
    #: a dateline in its head (set by the dates extractor; None when there is neither)
    published: str | None = None
    #: grammatical gender of each person ("m"/"f") when its name shows it
    genders: dict[str, str] = field(default_factory=dict)
    #: per-document scratch space of extractors (caches); never part of the output
    scratch: dict[str, Any] = field(default_factory=dict, repr=False)
    _index: dict[str, tuple[int, int, list[int]]] = field(default_factory=dict, repr=False)
    _lowered: str | None = field(default=None, repr=False)
    #: the sentences :meth:`sentence_at` last indexed, their number and their starts
    _sentence_starts: tuple[list[tuple[int, int]], int, list[int]] | None = field(
        default=None, repr=False)
    #: the offsets of the text's line breaks (:meth:`line_start`), found on first use
    _breaks: list[int] | None = field(default=None, repr=False)

    def _starts(self, name: str, items: list[DateMention] | list[PersonMention]) -> list[int]:
        """Start offsets of a sorted list, cached while the list stays the same object."""
        cached = self._index.get(name)
        if cached is None or cached[0] != id(items) or cached[1] != len(items):
            cached = (id(items), len(items), [x.start for x in items])
            self._index[name] = cached
        return cached[2]

    def mentions_in(self, start: int, end: int) -> list[PersonMention]:
        """Person mentions that start inside ``[start, end)``."""
        starts = self._starts("persons", self.person_mentions)
        return self.person_mentions[bisect.bisect_left(starts, start):
                                    bisect.bisect_left(starts, end)]

    def lowered(self) -> str | None:
        """The text in lower case when that keeps every offset, else None."""
        if self._lowered is None:
            low = self.doc.text.lower()
            self._lowered = low if len(low) == len(self.doc.text) else ""
        return self._lowered or None

    @property
    def text(self) -> str:
        return self.doc.text

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.doc.text, start, end)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence that contains ``offset``.

        Falls back to a line-and-full-stop split when no segmenter has run.
        """
        ranges = self.sentences
        cached = self._sentence_starts
        if cached is not None and cached[0] is ranges and cached[1] == len(ranges):
            # the common case, inline: the sentence whose start is the last one <= offset
            i = bisect.bisect_right(cached[2], offset) - 1
            if i >= 0:
                found = ranges[i]
                if found[0] <= offset < found[1] or offset == found[0]:
                    return found
        elif not ranges and self.doc.text:
            self.sentences = ranges = _rough_sentences(self.doc.text)
        found = self._range_at("sentences", ranges, offset)
        self._sentence_starts = (ranges, len(ranges), self._index["sentences"][2])
        return found

    def line_start(self, offset: int) -> int:
        """``text.rfind("\\n", 0, offset) + 1``: where the line of ``offset`` starts, by
        bisection over the text's line breaks (found once), so that a text of one long line
        costs no scan back per call."""
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = [m.start() for m in _NEWLINE.finditer(self.doc.text)]
        i = bisect.bisect_left(breaks, offset)
        return breaks[i - 1] + 1 if i else 0

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        return self._range_at("paragraphs", self.paragraphs, offset)

    def _range_at(self, name: str, ranges: list[tuple[int, int]], offset: int) -> tuple[int, int]:
        """The range of sorted ``ranges`` that contains ``offset`` (bisect on cached starts)."""
        cached = self._index.get(name)
        if cached is None or cached[0] != id(ranges) or cached[1] != len(ranges):
            cached = (id(ranges), len(ranges), [r[0] for r in ranges])
            self._index[name] = cached
        i = bisect.bisect_right(cached[2], offset) - 1
        if i >= 0:
            start, end = ranges[i]
            if start <= offset < max(end, start + 1):
                return ranges[i]
        if not ranges:
            return 0, len(self.doc.text)
        # between two ranges: the gap itself, never the whole text
        gap_start = ranges[i][1] if i >= 0 else 0
        gap_end = ranges[i + 1][0] if i + 1 < len(ranges) else len(self.doc.text)
        return gap_start, max(gap_end, gap_start)

    def block_at(self, offset: int) -> tuple[int, int]:
        """The paragraph of ``offset``, or its line when the paragraph is made of lines
        that each end a sentence (pages whose paragraphs are separated by one newline): not
        a line that goes on from the one before it (hard-wrapped prose)."""
        p_start, p_end = self.paragraph_at(offset)
        text = self.doc.text
        line_start = max(p_start, self.line_start(offset))
        if line_start > p_start and text[p_start:line_start].rstrip()[-1:] not in _LINE_ENDS:
            return p_start, p_end  # the line goes on from the one before: wrapped prose
        line_end = text.find("\n", offset, p_end)
        if line_end < 0:
            return line_start, p_end
        if text[line_start:line_end].rstrip()[-1:] in _LINE_ENDS:
            return line_start, line_end
        return p_start, p_end

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        starts = self._starts("dates", self.dates)
        return [d for d in self.dates[bisect.bisect_left(starts, start):
                                      bisect.bisect_left(starts, end)] if d.end <= end]

    def person_at(self, offset: int, *, exclude: frozenset[str] = frozenset(),
                  max_after: int | None = None) -> str | None:
        """The person a fact at ``offset`` most likely concerns.

        Nearest person named before it in the same sentence, else after it in the same
        sentence (at most ``max_after`` characters on, when given), else the nearest before
        it in the paragraph (see :meth:`block_at`), else the document's main person.
        Persons in ``exclude`` (e.g. lawyers and judges) are passed over. Mentions are
        sorted by start (the persons extractor keeps them so).
        """
        mentions = self.person_mentions
        if not mentions:
            return self.main_person
        starts = self._starts("persons", mentions)
        s_start, s_end = self.sentence_at(offset)
        hi = bisect.bisect_right(starts, offset)
        for m in reversed(mentions[bisect.bisect_left(starts, s_start):hi]):
            if m.end <= offset and m.person not in exclude:
                return m.person
        limit = s_end if max_after is None else min(s_end, offset + max_after)
        for m in mentions[bisect.bisect_left(starts, offset):]:
            if m.start >= limit:
                break
            if m.end <= s_end and m.person not in exclude:
                return m.person
        b_start, _ = self.block_at(offset)
        for m in reversed(mentions[bisect.bisect_left(starts, b_start):hi]):
            if m.end <= offset and m.person not in exclude:
                return m.person
        return self.main_person if self.main_person not in exclude else None


_NEWLINE = re.compile("\n")
_ROUGH_END = re.compile(r"[.!?…](?=[\"”’»)]*\s+[\"“‘«(]*[A-ZА-ЯЁ0-9])|\n")


_LINE_ENDS = frozenset(".!?…:;\"”’»)")
_LAST_WORD = re.compile(r"\w+$")
_ABBREV = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Maj", "Lt", "Col", "Gen", "Capt", "Sgt",
                     "Cpl", "Pvt", "Adm", "St", "No", "Art", "Arts", "Jr", "Sr", "Gov", "Rev",
                     "vs", "ul", "ст", "ч", "г", "ул", "д", "им", "пр", "пос", "обл"})


def _rough_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences split at line breaks and at end punctuation before a capital."""
    out = []
    start = 0
    for m in _ROUGH_END.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if m.group() == "." and word and (len(word.group()) == 1 or word.group() in _ABBREV):
            continue
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def finditer_in_sentences(ctx: Context, pattern: re.Pattern[str],
                          stems: tuple[str, ...]) -> list[re.Match[str]]:
    """Matches of ``pattern`` in the sentences that contain one of the lower-case ``stems``.

    A fast substring search picks the sentences, so a pattern with many alternatives does
    not have to be tried at every offset of the text. Every match must contain a stem.
    The matches are kept per document: two extractors that ask for the same pattern (the
    letter cues of persons and events) search once.
    """
    key = (pattern.pattern, pattern.flags, stems, id(ctx.sentences), len(ctx.sentences))
    cache: dict[tuple[str, int, tuple[str, ...], int, int], list[re.Match[str]]] = \
        ctx.scratch.setdefault("base.in_sentences", {})
    found = cache.get(key)
    if found is None:
        found = cache[key] = _finditer_in_sentences(ctx, pattern, stems)
    return list(found)


def _finditer_in_sentences(ctx: Context, pattern: re.Pattern[str],
                           stems: tuple[str, ...]) -> list[re.Match[str]]:
    low = ctx.lowered()
    if low is None:
        return list(pattern.finditer(ctx.text))
    seen: set[int] = set()
    out: list[re.Match[str]] = []
    for stem in stems:
        i = low.find(stem)
        while i >= 0:
            s_start, s_end = ctx.sentence_at(i)
            if s_start not in seen:
                seen.add(s_start)
                out.extend(pattern.finditer(ctx.text, s_start, s_end))
            i = low.find(stem, max(i + 1, s_end))
    out.sort(key=lambda m: m.span())
    return out


@dataclass(frozen=True)
class Extractor:
    """One step of the pipeline: a name, a function, and what it needs and gives."""

    name: str
    func: Callable[[Context], None]
    needs: tuple[str, ...] = ()
    gives: tuple[str, ...] = ()
