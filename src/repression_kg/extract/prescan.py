"""Regex matches found from their literal starts: a fast substring search picks the offsets
where a match can begin, and the pattern is tried only there.

A cue pattern such as ``(?i)(?<!\\w)(?:discredit\\w*.{0,45}?army|по статье о\\s+...)`` starts
with a look-behind, so Python's regex engine has no literal prefix to skip ahead with and
tries every offset of the text. :class:`Prescan` reads the parsed pattern once and derives
the literal strings (lower case, at most :data:`LIMIT` characters) every match must start
with; ``str.find`` over the lower-cased text gives the candidate offsets, and
``pattern.match`` at each of them, left to right and never inside the previous match,
yields exactly the matches of ``pattern.finditer``.

>>> scan = Prescan(re.compile(r"(?i)(?<!\\w)(?:fakes?|false news) about"))
>>> sorted(scan.starts)
['fake abo', 'fakes ab', 'false ne']
>>> text = "Fakes about the army; not false news about it, nor refakes about."
>>> [m.group() for m in scan.finditer(text, text.lower())]
['Fakes about', 'false news about']

Exactness needs a lower-cased text of the same length (one character for one) and no
character that the engine's case folding equates with a letter whose lower case differs
(``ı`` with ``i``, ``ſ`` with ``s``, ``ᲀ`` with ``в``: :func:`foldable`); without those,
or when a pattern has a branch with no literal start, it falls back to ``finditer``.
"""

from __future__ import annotations

import bisect
import re
import re._casefix as _casefix
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from repression_kg import lookups
from repression_kg.extract import gazetteer

if TYPE_CHECKING:
    from repression_kg.extract.base import Context

#: the longest literal start kept (longer starts select no better, and sets stay small)
LIMIT = 8
#: at most this many literal starts per pattern, else no prescan (a find per start)
MAX_STARTS = 48
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)

def _plain(char: str) -> bool:
    return char.isascii() or "\u0400" <= char <= "\u04ff"


#: characters the engine equates, ignoring case, with a Latin or Cyrillic letter whose
#: lower case differs ("ı" with "i", "ſ" with "s", "ᲀ" with "в")
_FOLDS = frozenset(chr(v) for k, vs in _casefix._EXTRA_CASES.items() if _plain(chr(k))
                   for v in vs)
#: other letters with such links: a literal start made of them gets no prescan
_UNPLAIN = frozenset(chr(k) for k in _casefix._EXTRA_CASES if not _plain(chr(k)))
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(_FOLDS))) + "]")
_STARTS_OF_NOTHING: frozenset = frozenset({""})
#: the leading run of token characters (``lookups.TOKEN``) of a literal start
_TOKEN_RUN = re.compile(r"[^\W_]+")


def foldable(low: str) -> bool:
    """True when ``low`` has a character that case folding links to another letter."""
    return _FOLDABLE.search(low) is not None


class Prescan:
    """A compiled pattern and the literal starts of its matches (``None``: no prescan)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = _starts(list(parsed), LIMIT)
        starts = {s for s in found if isinstance(s, str)}
        classes = sorted(s.source for s in found if isinstance(s, _Class))
        self.starts: frozenset[str] | None = None
        #: one character class that starts some matches ("\\d"), searched in the text
        self.classes: re.Pattern[str] | None = None
        #: start → (its first run of token characters, whether that run is all a token
        #: must be), for a pattern whose matches start after a non-word character: such a
        #: start can occur at a match only as a token of the text (see :class:`Vocabulary`)
        self._runs: dict[str, tuple[str, bool]] = {}
        #: the text :meth:`offsets` searched last, its vocabulary, and the starts a token
        #: of it can begin (a document's regions are searched one after another)
        self._live: tuple[str, Vocabulary | None, list[str]] | None = None
        if "" in starts or len(found) > MAX_STARTS or \
                any(ch in _UNPLAIN for s in starts for ch in s):
            return
        # a start that has a shorter start as its prefix adds no offset
        self.starts = frozenset(s for s in starts
                                if not any(o != s and s.startswith(o) for o in starts))
        if _after_non_word(pattern):
            for start in self.starts:
                run = _TOKEN_RUN.match(start)
                if run is not None:
                    self._runs[start] = (run.group(), run.end() < len(start))
        if classes:
            # ignoring case when any part of the pattern does (matching any Unicode digit):
            # never fewer offsets than the pattern's own flags give
            fold = bool(pattern.flags & re.IGNORECASE) or _folds(parsed)
            self.classes = re.compile("|".join(classes), re.IGNORECASE if fold else 0)

    def finditer(self, text: str, low: str | None, pos: int = 0,
                 endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, pos, endpos)``; ``low`` is
        ``text.lower()`` when that keeps every offset and :func:`foldable` is false,
        else None (see :func:`lowered`)."""
        end = len(text) if endpos is None else min(endpos, len(text))
        return self.finditer_in(text, low, [(pos, end)])

    def finditer_in(self, text: str, low: str | None,
                    spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, start, end)`` for each of the sorted,
        disjoint ``spans``, in order (one substring search over all of them)."""
        if not spans:
            return
        if self.starts is None or low is None:
            for start, end in spans:
                yield from self.pattern.finditer(text, start, end)
            return
        offsets = self.offsets(low, spans[0][0], spans[-1][1], text)
        for _span, m in matches_at(self.pattern, text, offsets, spans):
            yield m

    def offsets(self, low: str, pos: int, end: int, text: str | None = None) -> list[int]:
        """Sorted offsets in ``[pos, end)`` where a literal start (in ``low``) or a
        character of the start classes (in ``text``) occurs."""
        found: set[int] = set()
        for start in self._live_starts(low):
            i = low.find(start, pos, end)
            while i >= 0:
                found.add(i)
                i = low.find(start, i + 1, end)
        if self.classes is not None:
            found.update(m.start() for m in self.classes.finditer(text or low, pos, end))
        return sorted(found)


    def _live_starts(self, low: str) -> list[str]:
        """The literal starts worth searching in ``low``: all but those no token of the
        text can begin (such a start begins no match)."""
        vocabulary = _vocabulary(low) if self._runs else None
        cached = self._live
        if cached is not None and cached[0] is low and cached[1] is vocabulary:
            return cached[2]
        runs = self._runs
        live = [start for start in self.starts or ()
                if vocabulary is None or start not in runs or vocabulary.has(*runs[start])]
        self._live = (low, vocabulary, live)
        return live


def matches_at(pattern: re.Pattern[str], text: str, offsets: list[int],
               spans: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], re.Match[str]]]:
    """(span, match) for the matches of ``pattern.finditer(text, start, end)`` in each of
    the sorted, disjoint ``spans``, given sorted ``offsets`` that hold every match start."""
    if not offsets:
        return
    match = pattern.match
    for span in spans:
        start, end = span
        k = bisect.bisect_left(offsets, start)
        last = start
        while k < len(offsets) and offsets[k] < end:
            i = offsets[k]
            k += 1
            if i < last:
                continue
            m = match(text, i, end)
            if m is not None:
                yield span, m
                last = m.end()


def lowered(ctx: Context) -> str | None:
    """The lower-cased text of a document as :meth:`Prescan.finditer` wants it, or None.

    Also tells :meth:`Prescan.offsets` the document's tokens (the gazetteer's, once they
    are found), so that a literal start no token can begin is not searched for."""
    global _VOCABULARY
    low = ctx.scratch.get("prescan.low", False)
    if low is False:
        low = ctx.lowered()
        if low is not None and foldable(low):
            low = None
        ctx.scratch["prescan.low"] = low
    if low is not None and _VOCABULARY[0] is not low:
        toks = gazetteer.cached_tokens(ctx.scratch)
        # the lower-cased tokens are the tokens of ``low`` when lower-casing keeps every
        # offset (it does: see Context.lowered) and no capital sigma is lowered by context
        if toks is not None and toks.text is ctx.text and toks.lowered is not None \
                and "\u03a3" not in ctx.text:
            _VOCABULARY = (low, Vocabulary(toks, toks.lowered))
    return low


class Vocabulary:
    """The lower-cased tokens of a document (runs of letters and digits), in order and
    distinct: the tokens of its lower-cased text, at the offsets of ``tokens``.

    A match of a pattern that starts after a non-word character starts with a token;
    when a literal start of it begins with the run ``r`` of token characters, that token
    starts with ``r``, and is ``r`` itself when the start goes on with another character."""

    def __init__(self, tokens: lookups.Tokens, lowered: list[str]) -> None:
        #: the document's gazetteer tokens (``starts``, ``ends``)
        self.tokens = tokens
        #: their lower-cased words (``tokens.lowered``)
        self.lowered = lowered
        #: the distinct words
        self.words = frozenset(lowered)
        self._sorted: list[str] | None = None
        self._joined: str | None = None

    def has(self, run: str, whole: bool) -> bool:
        if whole:
            return run in self.words
        if self._sorted is None:
            self._sorted = sorted(self.words)
        k = bisect.bisect_left(self._sorted, run)
        return k < len(self._sorted) and self._sorted[k].startswith(run)

    def holds(self, piece: str) -> bool:
        """Whether ``piece``, made of token characters only, stands in the text: inside
        one of its tokens (a search of the distinct words, not of the whole text)."""
        if self._joined is None:
            self._joined = "\n".join(self.words)  # (no token holds a line break)
        return piece in self._joined


#: the lower-cased text :func:`lowered` gave last and its :class:`Vocabulary` (one slot,
#: replaced whole: a text not in it is searched in full)
_VOCABULARY: tuple[str | None, Vocabulary | None] = (None, None)


def _vocabulary(low: str) -> Vocabulary | None:
    text, vocabulary = _VOCABULARY
    return vocabulary if text is low else None


def vocabulary(low: str) -> Vocabulary | None:
    """The tokens of ``low`` when it is the lower-cased text :func:`lowered` gave last and
    the document's gazetteer tokens were known then, else None."""
    return _vocabulary(low)


def _folds(node: object) -> bool:
    """True when a group of the parsed pattern turns on ignoring case (``(?i:...)``)."""
    if isinstance(node, _parser.SubPattern):
        return any(_folds(item) for item in node.data)
    if isinstance(node, (list, tuple)):
        if len(node) == 2 and node[0] is _c.SUBPATTERN and node[1][1] & re.IGNORECASE:
            return True
        return any(_folds(item) for item in node)
    return False


@dataclass(frozen=True)
class _Class:
    """A character class that starts a match, as regex source (``[\\d]``)."""

    source: str


#: class items :func:`_class_source` writes; a wide class (\\w, \\s, negated) selects nothing
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d"}


def _class_source(items: list) -> str | None:
    parts = []
    for op, av in items:
        if op is _c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(parts) + "]"


def _starts(items: list, limit: int) -> frozenset[str | _Class]:
    """Lower-case strings one of which starts every match of the parsed ``items`` ("" when
    some match may start with anything), each at most ``limit`` characters or complete;
    at the very start (``limit`` is :data:`LIMIT`) also a :class:`_Class`."""
    if limit <= 0 or not items:
        return _STARTS_OF_NOTHING
    op, av = items[0]
    rest = items[1:]
    if op is _c.LITERAL:
        char = chr(av).lower()
        if len(char) != 1:
            return _STARTS_OF_NOTHING
        # (a class starts only the whole pattern, so what follows a literal is strings)
        return frozenset(char + s for s in _starts(rest, limit - 1) if isinstance(s, str))
    if op in _ZERO_WIDTH:
        return _starts(rest, limit)
    if op is _c.SUBPATTERN:
        return _starts(list(av[3]) + rest, limit)
    if op is _c.ATOMIC_GROUP:
        return _starts(list(av) + rest, limit)
    if op is _c.BRANCH:
        return frozenset().union(*(_starts(list(alt) + rest, limit) for alt in av[1]))
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return frozenset().union(*(_starts([(_c.LITERAL, v)] + rest, limit) for _, v in av))
    if op is _c.IN and limit == LIMIT:
        source = _class_source(av)
        return frozenset({_Class(source)}) if source else _STARTS_OF_NOTHING
    if op in _REPEATS:
        low, high, sub = av
        # one repetition, then the rest when there can be no second one
        once = _starts(list(sub) + rest if high == 1 else list(sub), limit)
        return once if low >= 1 else once | _starts(rest, limit)
    return _STARTS_OF_NOTHING


def _after_non_word(pattern: re.Pattern[str]) -> bool:
    """True when every match of ``pattern`` starts where no word character stands before
    it: it opens with ``(?<!\\w)`` or a look-behind on a class that holds ``\\w``."""
    if pattern.flags & re.ASCII:
        return False
    return _opens_after_non_word(list(_parser.parse(pattern.pattern, pattern.flags)))


def _opens_after_non_word(items: list) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is _c.SUBPATTERN:
        return not av[1] & re.ASCII and _opens_after_non_word(list(av[3]) + items[1:])
    if op is _c.BRANCH:
        return all(_opens_after_non_word(list(alt) + items[1:]) for alt in av[1])
    if op is _c.ASSERT_NOT:
        direction, sub = av
        sub = list(sub)
        if direction == -1 and len(sub) == 1 and sub[0][0] is _c.IN \
                and (_c.CATEGORY, _c.CATEGORY_WORD) in sub[0][1] \
                and not any(o is _c.NEGATE for o, _ in sub[0][1]):
            return True
    return False
