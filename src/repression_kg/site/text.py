"""Cut a document's text into segments so every evidence span can be highlighted.

Spans may overlap or nest. The text is split at every span boundary; each piece knows
which spans cover it, and the first piece of each span carries that span's anchor id, so
``document.html#q-…`` scrolls to the start of the quote. A quote without character
offsets is located by its exact text (first occurrence). Nothing here produces markup:
the template escapes every segment.

>>> [(s.text, s.marked, s.anchors) for s in segments("abcdef", [("x", 1, 4), ("y", 3, 5)])]
[('a', False, ()), ('bc', True, ('x',)), ('d', True, ('y',)), ('e', True, ()), ('f', False, ())]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool
    anchors: tuple[str, ...]
    title: str = ""


def locate(text: str, exact: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where a quote sits in the text: its offsets when they agree with the text (or
    nothing better is known), else the first occurrence of its exact words."""
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        if not exact or text[start:end] == exact:
            return start, end
    if exact:
        found = text.find(exact)
        if found >= 0:
            return found, found + len(exact)
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        return start, end
    return None


def segments(text: str, spans: Iterable[tuple[str, int, int]]) -> list[Segment]:
    """Split ``text`` at the boundaries of ``spans`` (anchor id, start, end)."""
    spans = sorted({s for s in spans if 0 <= s[1] < s[2] <= len(text)}, key=lambda s: (s[1], s[0]))
    cuts = sorted({0, len(text)} | {s[1] for s in spans} | {s[2] for s in spans})
    starts: dict[int, list[str]] = {}
    for anchor, begin, _ in spans:
        starts.setdefault(begin, []).append(anchor)
    out: list[Segment] = []
    active = 0
    events = sorted([(s[1], 1) for s in spans] + [(s[2], -1) for s in spans])
    e = 0
    for left, right in zip(cuts, cuts[1:], strict=False):
        while e < len(events) and events[e][0] <= left:
            active += events[e][1]
            e += 1
        if left == right:
            continue
        out.append(Segment(text[left:right], active > 0, tuple(starts.get(left, ()))))
    return out
