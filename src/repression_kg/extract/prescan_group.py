"""Prescans whose literal starts are found together, in one pass over a document.

One :class:`~repression_kg.extract.prescan.Prescan` runs a ``str.find`` over the text per
literal start; twenty cue patterns of a few dozen starts each make hundreds of scans of
the text. :class:`PrescanGroup` joins the starts of all its members in one regex, a trie
(``a(?:rrest|sylum)|s(?:earch|entenc)``, so the engine tests a few characters per
offset), searched once per document in the lower-cased text; the offset where each start
occurs goes to the members it belongs to, and each member tries its pattern only at its
own offsets, as :meth:`Prescan.finditer_in` does. Members whose every match starts where
no word character stands before it (``(?<!\\w)``, ``(?<![\\w-])``) are searched with that
look-behind, which fails at once inside words; when the document's tokens are known
(:func:`~repression_kg.extract.prescan.vocabulary`), such starts are read from its tokens
instead (:class:`_TokenStarts`). A member with more than
:data:`~repression_kg.extract.prescan.MAX_STARTS` literal starts of
:data:`~repression_kg.extract.prescan.LIMIT` characters joins with shorter ones, when at most
that many shorter starts begin every match.

>>> group = PrescanGroup([Prescan(re.compile(r"(?i)(?<!\\w)was (?:detained|searched)")),
...                       Prescan(re.compile(r"(?i)(?<!\\w)detained"))])
>>> text = "He was detained; police detained two."
>>> [[m.group() for m in group.finditer_in(k, text, text.lower(), [(0, len(text))])]
...  for k in (0, 1)]
[['was detained'], ['detained', 'detained']]
"""

from __future__ import annotations

import bisect
import re
import re._parser as _parser
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from repression_kg.extract.base import finditer_in_sentences
from repression_kg.extract.prescan import (
    _TOKEN_RUN,
    _UNPLAIN,
    LIMIT,
    MAX_STARTS,
    Prescan,
    Vocabulary,
    _after_non_word,
    _starts,
    lowered,
    matches_at,
    vocabulary,
)

if TYPE_CHECKING:
    from repression_kg.extract.base import Context


class PrescanGroup:
    """Several prescans, their literal starts searched in one pass per document."""

    def __init__(self, scans: Sequence[Prescan]) -> None:
        self.scans = tuple(scans)
        #: per finder: (regex of its starts, start → the members it starts)
        self._finders: list[tuple[re.Pattern[str], dict[str, list[int]], list[int]]] = []
        #: per finder: for starts after a non-word character, the starts alone (tried at
        #: offset 0), else None
        self._heads: list[re.Pattern[str] | None] = []
        #: per finder: start → the members of all the starts that are its prefixes
        self._tables: list[dict[str, list[int]]] = []
        #: per finder: its starts as read from tokens, when they follow a non-word character
        #: and each begins with a token character, else None
        self._tokens: list[_TokenStarts | None] = []
        self._members: set[int] = set()
        groups: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}
        for k, scan in enumerate(self.scans):
            starts = scan.starts if scan.classes is None else None
            if starts is None and scan.classes is None:
                starts = _shorter_starts(scan.pattern)
            if starts is None:
                continue  # searched on its own
            self._members.add(k)
            owners = groups[_after_non_word(scan.pattern)]
            for start in starts:
                owners.setdefault(start, []).append(k)
        for word, owners in groups.items():
            if owners:
                # after a non-word character, the starts found from that character (the
                # engine skips to it at C speed; a look-behind first is tried at every
                # offset), the text's first offset on its own
                trie = _trie(sorted(owners))
                source = f"\\W({trie})" if word else trie
                lengths = sorted({len(s) for s in owners})
                self._finders.append((re.compile(source), owners, lengths))
                self._heads.append(re.compile(trie) if word else None)
                self._tables.append(_prefix_owners(owners, lengths))
                self._tokens.append(_TokenStarts.of(owners) if word else None)
        self._cached: tuple[str, list[list[int]]] | None = None

    def offsets(self, low: str) -> list[list[int]]:
        """For each member, the sorted offsets of ``low`` where one of its starts occurs
        (empty for members searched on their own); kept for the last text asked."""
        if self._cached is not None and self._cached[0] is low:
            return self._cached[1]
        found: list[list[int]] = [[] for _ in self.scans]
        n = len(low)
        words = vocabulary(low)
        for (finder, owners, lengths), head, table, tokens in zip(
                self._finders, self._heads, self._tables, self._tokens, strict=True):
            if tokens is not None and words is not None:
                hits = tokens.offsets(low, words)
            else:
                hits = _offsets(finder, head, low)
            # the longest start found at each offset tells every start there: its prefixes
            # (what ``owners.get(low[i:i + size])`` for each size gives, in that order)
            for i, start in hits:
                for k in table[start]:
                    found[k].append(i)
                if i + len(start) == n:  # longer sizes cut at the end give it again
                    for size in lengths:
                        if size > len(start):
                            for k in owners[start]:
                                found[k].append(i)
        self._cached = (low, found)
        return found

    def finditer_in(self, k: int, text: str, low: str | None,
                    spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """Exactly ``self.scans[k].finditer_in(text, low, spans)``."""
        if low is None or k not in self._members:
            yield from self.scans[k].finditer_in(text, low, spans)
            return
        for _span, m in matches_at(self.scans[k].pattern, text, self.offsets(low)[k], spans):
            yield m

    def in_sentences(self, ctx: Context, k: int, stems: tuple[str, ...]) -> list[re.Match[str]]:
        """Exactly ``finditer_in_sentences(ctx, self.scans[k].pattern, stems)``: the
        matches in the sentences where a stem starts, found from this group's offsets."""
        return self.in_sentences_of(ctx, [(k, stems)])[0]

    def in_sentences_of(self, ctx: Context, asked: list[tuple[int, tuple[str, ...]]]
                        ) -> list[list[re.Match[str]]]:
        """:meth:`in_sentences` for each (member, stems) asked, in one walk over each
        member's offsets (a sentence is looked up once for its offsets, and read for
        stems once it has a match). Kept per document (two extractors that ask for a
        member search once)."""
        low = lowered(ctx)
        sentences = ctx.sentences
        key = ("prescan_group.in_sentences", id(self), id(sentences), len(sentences))
        cached = ctx.scratch.get(key[0])
        if cached is None or cached[0] != key:
            cached = ctx.scratch[key[0]] = (key, {})
        kept: dict[tuple[int, tuple[str, ...]], list[re.Match[str]]] = cached[1]
        out: list[list[re.Match[str]]] = []
        for k, stems in asked:
            found = kept.get((k, stems))
            if found is None:
                pattern = self.scans[k].pattern
                if low is None or k not in self._members or not _disjoint(ctx):
                    found = finditer_in_sentences(ctx, pattern, stems)
                else:
                    found = _in_sentences(ctx, pattern, stems, low, self.offsets(low)[k])
                kept[(k, stems)] = found
            out.append(list(found))
        return out


def _in_sentences(ctx: Context, pattern: re.Pattern[str], stems: tuple[str, ...], low: str,
                  offsets: list[int]) -> list[re.Match[str]]:
    """The matches of ``pattern`` from sorted ``offsets`` that hold all its match starts,
    each in the sentence (or gap between two: what :meth:`Context.sentence_at` gives)
    of its offset when a stem starts in it; the sentences are sorted and disjoint
    (:func:`_disjoint`). A match ends inside its sentence, so no later one starts
    before it ends."""
    ranges = ctx.sentences
    starts = _sentence_starts(ctx)
    text = ctx.text
    match = pattern.match
    out: list[re.Match[str]] = []
    last = 0  # the end of the last match
    span_start = span_end = -1  # the sentence of the last offset
    has: bool | None = None  # whether a stem starts in it (None: not looked for yet)
    for i in offsets:
        if i < last:
            continue
        if i >= span_end:
            j = bisect.bisect_right(starts, i) - 1
            if j >= 0 and i < ranges[j][1]:
                span_start, span_end = ranges[j]
            else:
                span_start = ranges[j][1] if j >= 0 else 0
                span_end = ranges[j + 1][0] if j + 1 < len(ranges) else len(text)
            has = None
        m = match(text, i, span_end)
        if m is not None:
            last = m.end()
            if has is None:  # (matches are fewer than sentences with offsets)
                has = any(low.find(stem, span_start, span_end + len(stem) - 1) >= 0
                          for stem in stems)
            if has:
                out.append(m)
    return out


def _sentence_starts(ctx: Context) -> list[int]:
    """The starts of the sentences, kept while they stay the same."""
    key = ("prescan_group.sentence_starts", id(ctx.sentences), len(ctx.sentences))
    cached = ctx.scratch.get(key[0])
    if cached is None or cached[0] != key:
        cached = ctx.scratch[key[0]] = (key, [s for s, _ in ctx.sentences])
    return cached[1]


def _shorter_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal starts of ``pattern`` for one with too many (``Prescan.starts`` is None):
    the longest limit below :data:`LIMIT` that gives at most :data:`MAX_STARTS` of them,
    each a start every match that it begins begins with; None when some match may start
    with anything or with a letter case folding links to others (as for a Prescan)."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    for limit in range(LIMIT - 1, 0, -1):
        found = _starts(items, limit)
        if len(found) <= MAX_STARTS:
            break
    else:
        return None
    starts = {s for s in found if isinstance(s, str)}
    if len(starts) < len(found) or "" in starts or any(ch in _UNPLAIN for s in starts for ch in s):
        return None
    # a start that has a shorter start as its prefix adds no offset
    return frozenset(s for s in starts if not any(o != s and s.startswith(o) for o in starts))


def _offsets(finder: re.Pattern[str], head: re.Pattern[str] | None,
             low: str) -> list[tuple[int, str]]:
    """Where ``finder`` finds a start, each offset once, with the longest start there
    (the trie tries the longer way first): with ``head``, ``finder`` is ``\\W(starts)``
    — offset 0 is ``head`` matching there, then each found start is group 1 and the next
    search begins at it (the non-word character it may need is at least there) — which
    finds exactly the offsets of ``(?<!\\w)(starts)`` searched from each offset found
    plus one."""
    out: list[tuple[int, str]] = []
    search = finder.search
    if head is None:
        m = search(low)
        while m is not None:
            i = m.start()
            out.append((i, m.group()))
            m = search(low, i + 1)
        return out
    m = head.match(low)
    if m is not None:
        out.append((0, m.group()))
    m = search(low)
    while m is not None:
        i = m.start(1)
        out.append((i, m.group(1)))
        m = search(low, i)
    return out


class _TokenStarts:
    """The offsets of a finder's starts that follow a non-word character, each beginning
    with a token character (:data:`~repression_kg.lookups.TOKEN`), read from the tokens of
    the lower-cased text instead of searched after each non-word character.

    Such a start begins at a token not joined by ``_`` to a run before it. A start made of
    token characters only begins at a token whose word begins with it; one whose first run
    of token characters goes on with another character (a "longer" start, as "was sent")
    only at a token that is that run, where the text there of its length tells. What a
    word can begin is looked up once per word (a bounded table: the same few thousand
    words recur in every document)."""

    def __init__(self, plain: frozenset[str], longer: frozenset[str]) -> None:
        #: the starts made of token characters only
        self.plain = plain
        #: the other starts
        self.longer = longer
        self._sizes = sorted({len(s) for s in plain})
        #: first run of a longer start → the lengths of the longer starts it begins,
        #: longest first
        self._runs: dict[str, tuple[int, ...]] = {}
        for start in sorted(longer, key=len, reverse=True):
            run = _TOKEN_RUN.match(start).group()  # type: ignore[union-attr]
            if len(start) not in self._runs.get(run, ()):
                self._runs[run] = self._runs.get(run, ()) + (len(start),)
        #: word → (the longest plain start it begins, or ""; the lengths of the longer
        #: starts it is the run of), None when it begins no start
        self._known: dict[str, tuple[str, tuple[int, ...]] | None] = {}

    @staticmethod
    def of(starts: Iterable[str]) -> _TokenStarts | None:
        """The starts as read from tokens; None when one does not begin with a token
        character (those are searched)."""
        plain: set[str] = set()
        longer: set[str] = set()
        for start in starts:
            run = _TOKEN_RUN.match(start)
            if run is None:
                return None
            (plain if run.end() == len(start) else longer).add(start)
        return _TokenStarts(frozenset(plain), frozenset(longer))

    def offsets(self, low: str, words: Vocabulary) -> list[tuple[int, str]]:
        """Exactly what ``_offsets`` gives for these starts after a non-word character,
        from the tokens ``words`` of ``low``."""
        known = self._known
        if len(known) >= 100_000:
            known.clear()
        for word in words.words.difference(known):
            known[word] = self._begins(word)
        marks = list(map(known.__getitem__, words.lowered))
        starts = words.tokens.starts
        joined = "_" in low  # (else no token follows a "_")
        longer = self.longer
        out: list[tuple[int, str]] = []
        for i, mark in compress(zip(starts, marks, strict=True), marks):
            if mark is None:  # (compress keeps none)
                continue
            longest, sizes = mark
            if joined and i and low[i - 1] == "_":
                continue
            for size in sizes:  # a longer start goes on after the token
                piece = low[i:i + size]
                if piece in longer:
                    longest = piece
                    break
            if longest:
                out.append((i, longest))
        return out

    def _begins(self, word: str) -> tuple[str, tuple[int, ...]] | None:
        longest = ""
        for size in self._sizes:
            if size > len(word):
                break
            if word[:size] in self.plain:
                longest = word[:size]
        sizes = self._runs.get(word, ())
        return (longest, sizes) if longest or sizes else None


def _prefix_owners(owners: dict[str, list[int]], lengths: list[int]) -> dict[str, list[int]]:
    """For each start, the members of its prefixes that are starts, by ascending size
    among ``lengths`` (the start itself last)."""
    return {start: [k for size in lengths if size <= len(start)
                    for k in owners.get(start[:size], ())] for start in owners}


def _disjoint(ctx: Context) -> bool:
    """Whether the sentences are non-empty, sorted and disjoint (each offset then has one
    sentence or gap, the one :meth:`Context.sentence_at` gives for all its offsets)."""
    key = ("prescan_group.disjoint", id(ctx.sentences), len(ctx.sentences))
    cached = ctx.scratch.get(key[0])
    if cached is not None and cached[0] == key:
        return cached[1]
    ranges = ctx.sentences
    ok = bool(ranges) and all(s < e for s, e in ranges) and all(
        a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    ctx.scratch[key[0]] = (key, ok)
    return ok


def _trie(words: list[str]) -> str:
    """A regex that matches exactly the given strings where they start, with common
    prefixes shared (``ab|ac`` → ``a(?:b|c)``)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
