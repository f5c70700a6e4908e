"""Regex matches found from a literal word inside them: the word is searched at C speed,
and the pattern is tried only in the few characters before each occurrence.

A pattern such as the duration ``(?<![\\w.,/])(?:\\d+|a|an|one|two ...)(?:\\s and a half)?
\\s(?:years?|months?|лет ...)`` starts with a look-behind and with words ("a", "an") found
everywhere, so :class:`~repression_kg.extract.prescan.Prescan` can not pick its starts;
but every match holds a unit word ("year", "лет") at most a few characters after its
start. :class:`Anchored` is given the pattern and the ``prefix`` + ``anchor`` every match
begins with: the prefix has a bounded width, so each occurrence of the anchor's literal starts (found by
``str.find`` in the lower-cased text) gives a short window where a match may start. The
head (``prefix`` + ``anchor``) is searched in that window, on a string cut just past what
it can read, and the whole pattern is matched where the head matches. Left to right and
never inside the previous match, that yields exactly the matches of ``finditer``: a match
starting at ``s`` has its anchor between ``s + min(prefix)`` and ``s + max(prefix)``,
and a match of the whole pattern is a match of its head.

>>> scan = Anchored(re.compile(r"(?i)(?<!\\w)(?:a|\\d+)\\syears?(?!\\w)"),
...                 r"(?<!\\w)(?:a|\\d+)\\s", r"years?")
>>> text = "A year, 5 Years, a yearly 7 years"
>>> [m.group() for m in scan.finditer(text, text.lower())]
['A year', '5 Years', '7 years']
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator

from repression_kg.extract.prescan import LIMIT, Prescan, matches_at

#: characters a match may read past its end (``\\b``, ``$``) besides look-aheads
_SLACK = 2


class Anchored:
    """``pattern``, searched from its anchor: every match of ``pattern`` must begin with
    a match of ``prefix`` + ``anchor`` (regex sources, read with the pattern's flags; the
    prefix of bounded width). Tested against ``finditer`` for each pattern that uses it."""

    def __init__(self, pattern: re.Pattern[str], prefix: str, anchor: str) -> None:
        self.pattern = pattern
        flags = pattern.flags
        self._head = re.compile(prefix + anchor, flags)
        self._anchor = Prescan(re.compile(anchor, flags))
        low_w, high_w = _parser.parse(prefix, flags).getwidth()
        head = _parser.parse(prefix + anchor, flags)
        self._min, self._max = low_w, high_w
        #: how far past its start a match of the head may read
        self._read = head.getwidth()[1] + _lookahead(list(head)) + _SLACK
        self.exact = (self._anchor.starts is not None and self._anchor.classes is None
                      and high_w < _c.MAXREPEAT and self._read < _c.MAXREPEAT
                      and _parser.parse(pattern.pattern, flags).getwidth()[0] > 0)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``; ``low`` as for
        :meth:`Prescan.finditer` (None: no anchor search, plain ``finditer``)."""
        if low is None or not self.exact:
            yield from self.pattern.finditer(text)
            return
        n = len(text)
        head, match = self._head.search, self.pattern.match
        last = 0  # where the previous match ended
        tried = 0  # every start before this has been tried
        for a in self._anchor.offsets(low, 0, n):
            lo, s_max = max(last, tried, a - self._max), a - self._min
            while lo <= s_max:
                h = head(text, lo, min(n, s_max + self._read))
                if h is None or h.start() > s_max:
                    break
                m = match(text, h.start())
                if m is None:
                    lo = h.start() + 1
                    continue
                yield m
                last = lo = m.end()
            tried = max(tried, s_max + 1)


class Reaching:
    """A prescan tried only where a run of ``chars`` reaches an anchor.

    Every match of ``scan.pattern`` must hold one of the literal ``anchors`` (matched as
    written), with only characters of the class ``chars`` (regex source, ``[\\w\\s-]``)
    between the match's start and that anchor: "Krasnoyarsk Garrison Military Court"
    holds "Court" after capitalised words. A capital letter starts a court's name only in
    the run of such characters right before a "Court", so the prescan's starts (capitals,
    a class) are searched there, not in the whole text. The runs are read backwards from
    each anchor, never past the anchor before it, so the work stays linear. A pattern that
    allows at most ``spaces`` white-space characters between a match's start and its
    anchor (a name of a few words) has its runs read back only as far as that many. Tested
    against ``finditer`` for each pattern that uses it.
    """

    def __init__(self, scan: Prescan, chars: str, anchors: tuple[str, ...],
                 spaces: int | None = None) -> None:
        self.scan = scan
        self.pattern = scan.pattern
        self.anchors = anchors
        self._run = re.compile(f"{chars}*")
        #: with ``spaces``, the most white-space characters a match holds between its
        #: start and its anchor (the words of a name before "Court"): a run is read back
        #: from each anchor only that far
        self._back = None if spaces is None else re.compile(rf"(?:\S*\s){{0,{spaces}}}\S*")

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``; ``low`` as for
        :meth:`Prescan.finditer`."""
        if low is None or self.scan.starts is None:
            yield from self.scan.finditer(text, low)
            return
        offsets: list[int] = []
        for start, anchor in self._regions(text):
            offsets.extend(i for i in self.scan.offsets(
                low, start, min(len(text), anchor + LIMIT + 1), text) if i <= anchor)
        yield from (m for _span, m in matches_at(self.pattern, text, offsets,
                                                 [(0, len(text))]))

    def _regions(self, text: str) -> list[tuple[int, int]]:
        """Sorted, disjoint (first, last) offsets where a match may start: each anchor and
        the run of ``chars`` right before it."""
        found: set[int] = set()
        for anchor in self.anchors:
            i = text.find(anchor)
            while i >= 0:
                found.add(i)
                i = text.find(anchor, i + 1)
        if not found:
            return []
        n = len(text)
        rev = text[::-1]  # text[j] is rev[n - 1 - j]: a run before c starts at rev[n - c]
        regions: list[tuple[int, int]] = []
        prev = prev_start = -1
        for c in sorted(found):
            stop = n - prev if prev >= 0 else n
            run_match = self._run.match(rev, n - c, stop)
            assert run_match is not None  # (a starred class matches the empty string)
            run = run_match.end() - (n - c)
            start = prev_start if prev >= 0 and run == c - prev else c - run
            first = start  # the first offset of the run where a match may start
            if self._back is not None:
                # no further back than the anchor before (which reaches the rest itself)
                bound = max(start, prev)
                back = self._back.match(rev, n - c, n - bound)
                assert back is not None  # (it matches the empty string)
                first = max(start, c - (back.end() - (n - c)))
            if regions and first <= regions[-1][1] + 1:
                regions[-1] = (regions[-1][0], c)
            else:
                regions.append((first, c))
            prev, prev_start = c, start
        return regions


def _lookahead(items: list) -> int:
    """The most characters a look-ahead in the parsed ``items`` reads past where it stands."""
    most = 0
    for op, av in items:
        if op is _c.ASSERT or op is _c.ASSERT_NOT:
            direction, sub = av
            if direction == 1:
                most = max(most, sub.getwidth()[1] + _lookahead(list(sub)))
            else:
                most = max(most, _lookahead(list(sub)))
        elif op is _c.SUBPATTERN:
            most = max(most, _lookahead(list(av[3])))
        elif op is _c.BRANCH:
            most = max([most, *(_lookahead(list(alt)) for alt in av[1])])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            most = max(most, _lookahead(list(av[2])))
        elif op is _c.ATOMIC_GROUP:
            most = max(most, _lookahead(list(av)))
    return most
