"""Prescans whose literal starts are found together, in one pass over a document.

One :class:`~repression_kg.extract.prescan.Prescan` runs a ``str.find`` over the text per
literal start; twenty cue patterns of a few dozen starts each make hundreds of scans of
the text. :class:`PrescanGroup` joins the starts of all its members in one regex, a trie
(``a(?:rrest|sylum)|s(?:earch|entenc)``, so the engine tests a few characters per
offset), searched once per document in the lower-cased text; the offset where each start
occurs goes to the members it belongs to, and each member tries its pattern only at its
own offsets, as :meth:`Prescan.finditer_in` does. Members whose every match starts where
no word character stands before it (``(?<!\\w)``, ``(?<![\\w-])``) are searched with that
look-behind, which fails at once inside words.

>>> group = PrescanGroup([Prescan(re.compile(r"(?i)(?<!\\w)was (?:detained|searched)")),
...                       Prescan(re.compile(r"(?i)(?<!\\w)detained"))])
>>> text = "He was detained; police detained two."
>>> [[m.group() for m in group.finditer_in(k, text, text.lower(), [(0, len(text))])]
...  for k in (0, 1)]
[['was detained'], ['detained', 'detained']]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from repression_kg.extract.base import finditer_in_sentences
from repression_kg.extract.prescan import Prescan, _after_non_word, lowered, matches_at

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
        self._members: set[int] = set()
        groups: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}
        for k, scan in enumerate(self.scans):
            if scan.starts is None or scan.classes is not None:
                continue  # searched on its own
            self._members.add(k)
            owners = groups[_after_non_word(scan.pattern)]
            for start in scan.starts:
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
        self._cached: tuple[str, list[list[int]]] | None = None

    def offsets(self, low: str) -> list[list[int]]:
        """For each member, the sorted offsets of ``low`` where one of its starts occurs
        (empty for members searched on their own); kept for the last text asked."""
        if self._cached is not None and self._cached[0] is low:
            return self._cached[1]
        found: list[list[int]] = [[] for _ in self.scans]
        n = len(low)
        for (finder, owners, lengths), head, table in zip(self._finders, self._heads,
                                                          self._tables, strict=True):
            # the longest start found at each offset tells every start there: its prefixes
            # (what ``owners.get(low[i:i + size])`` for each size gives, in that order)
            for i, start in _offsets(finder, head, low):
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
        low = lowered(ctx)
        pattern = self.scans[k].pattern
        if low is None or k not in self._members or not _disjoint(ctx):
            return finditer_in_sentences(ctx, pattern, stems)
        offsets = self.offsets(low)[k]
        spans = sorted({ctx.sentence_at(i) for i in offsets})
        out: list[re.Match[str]] = []
        stemmed: dict[tuple[int, int], bool] = {}
        for span, m in matches_at(pattern, ctx.text, offsets, spans):
            has = stemmed.get(span)
            if has is None:
                has = stemmed[span] = any(low.find(stem, span[0], span[1] + len(stem) - 1) >= 0
                                          for stem in stems)
            if has:
                out.append(m)
        return out


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
