"""Extractor: roundup charges — the article a list of verdicts is about, for each item.

A roundup names its statute once, in the title or the paragraph before a numbered or
bulleted list, and then gives one case per item, often with only the part:

    A year of verdicts under Article 207.3 ...
    1. Alexei Gorinov, municipal deputy, Moscow: 7 years in a colony (Part 2), ...

Each item whose person has a sentence on that line, or whose line gives a part, is
charged under that article, with the part of its line. The article counts only when the
introduction cites exactly one article by number (``stated_by_number: true``) or names
exactly one by description (``false``); an item that already has a charge under it keeps
its own. The mentions are the citation in the introduction and the part on the line.
"""

from __future__ import annotations

import re

from repression_kg.extract.base import Context
from repression_kg.extract.charges import _descriptions, citations
from repression_kg.extract.subject_groups import LIST_ITEM
from repression_kg.facts import Charge

_PART = re.compile(r"(?i)\(?(?<!\w)(?:part|ч\.)\s?(?P<part>\d{1,2})(?!\d)\)?")


def extract_roundup_charges(ctx: Context) -> None:
    text = ctx.text
    if "\n" not in text:
        return
    items = _items(ctx)
    if not items:
        return
    for intro, group in _lists(ctx, items):
        article = _intro_article(ctx, intro)
        if article is None:
            continue
        code, number, by_number, span = article
        for line_start, line_end, person in group:
            if any(c.person == person and c.article == number for c in ctx.facts.charges):
                continue
            part = _PART.search(text, line_start, line_end)
            termed = any(s.person == person and any(line_start <= m.start < line_end
                                                     for m in s.mentions)
                         for s in ctx.facts.sentences)
            if part is None and not termed:
                continue
            charge = Charge(person, code, number, part.group("part") if part else None, None,
                            by_number)
            charge.mentions = [ctx.span(*span)]
            if part is not None:
                charge.mentions.append(ctx.span(part.start(), part.end()))
            ctx.facts.charges.append(charge)


def _items(ctx: Context) -> list[tuple[int, int, str]]:
    """(line start, line end, person) of every list item that opens with a person's name."""
    text = ctx.text
    out = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        marker = LIST_ITEM.match(text, pos, end)
        if marker is not None:
            first = ctx.mentions_in(marker.end(), marker.end() + 1)
            if first:
                out.append((pos, end, first[0].person))
        pos = end + 1
    return out


def _lists(ctx: Context, items: list[tuple[int, int, str]]
           ) -> list[tuple[list[tuple[int, int]], list[tuple[int, int, str]]]]:
    """Items grouped into lists (separated by other text), each with its introduction:
    the title line and the last paragraph of text before the list."""
    text = ctx.text
    groups: list[list[tuple[int, int, str]]] = []
    for item in items:
        if groups and not text[groups[-1][-1][1]:item[0]].strip():
            groups[-1].append(item)
        else:
            groups.append([item])
    title_end = text.find("\n")
    title = (0, title_end if title_end >= 0 else len(text))
    out = []
    for group in groups:
        before = text[:group[0][0]].rstrip()
        para_start = max(before.rfind("\n\n") + 2, 0) if "\n\n" in before else 0
        intro = [(para_start, len(before))]
        if para_start > title[1]:
            intro.insert(0, title)
        out.append((intro, group))
    return out


def _intro_article(ctx: Context, intro: list[tuple[int, int]]
                   ) -> tuple[str, str, bool, tuple[int, int]] | None:
    """(code, article, stated by number, span) of the one article the introduction names."""
    cited: dict[tuple[str, str], tuple[int, int]] = {}
    for start, end, code, article, _part, modifier in citations(ctx):
        if modifier is None and any(a <= start and end <= b for a, b in intro):
            cited.setdefault((code, article), (start, end))
    if len(cited) == 1:
        (code, article), span = next(iter(cited.items()))
        return code, article, True, span
    if cited:
        return None
    named: dict[tuple[str, str], tuple[int, int]] = {}
    for a, b in intro:
        for code, article, start, end in described_articles(ctx.text, a, b):
            named.setdefault((code, article), (start, end))
    if len(named) == 1:
        (code, article), span = next(iter(named.items()))
        return code, article, False, span
    return None


def described_articles(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """(code, article, start, end) of every offence named by description in a range."""
    out = []
    for scan, code, article, _admin, _modifier in _descriptions():
        for m in scan.pattern.finditer(text, start, end):
            out.append((code, article, m.start(), m.end()))
    return sorted(out, key=lambda x: x[2])
