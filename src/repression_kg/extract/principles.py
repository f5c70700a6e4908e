"""Extractor: principles — the legal principles an author invokes (the contract's 13 ids).

Cue phrases and patterns, English and Russian, are data in
ontology/lookups/principles.yml (which also records what counts as invoking). A phrase
right after a negation ("was not tortured") is not an invocation of the principles that
tell events (torture, detention); a weak cue (``weak``: "refused to fight") counts only
where the document holds a word of its ``context`` ("conscience"); and a phrase in title case that ends a body's name
("the UN Working Group on Arbitrary Detention") invokes nothing. One Principle per id
per document, with every mention.
"""

from __future__ import annotations

import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract import prescan
from repression_kg.extract.base import Context
from repression_kg.extract.literals import flat, word_index
from repression_kg.extract.prescan import Prescan
from repression_kg.extract.prescan_group import PrescanGroup
from repression_kg.facts import Principle

_LAST_WORDS = re.compile(r"(\w+)\W{1,3}(?:\w+\W{1,3})?$")
#: a capitalised word (and a link) right before a phrase in title case: the phrase ends a
#: body's name ("the UN Working Group on Arbitrary Detention", "Siberia Without Torture")
_NAME_BEFORE = re.compile(r"(?<![\w'’])[A-Z][\w'’.\-]*[ \u00a0]"
                          r"(?:(?:on|against|without|for|of|On|Against|Without|For|Of)[ \u00a0])?$")


@cache
def _table() -> tuple[dict[str, str], list[tuple[str, Prescan]], frozenset[str],
                      frozenset[str], dict[str, tuple[str, ...]], frozenset[str], PrescanGroup]:
    data = lookups.load("principles")
    phrases: dict[str, str] = {}
    patterns: list[tuple[str, Prescan]] = []
    context: dict[str, tuple[str, ...]] = {}  # pid → words a weak cue needs in the text
    for pid, spec in data.items():
        if pid in ("negations", "negatable"):
            continue
        for cues, mark in ((spec, pid), (spec.get("weak") or {}, pid + "?")):
            for phrase in cues.get("phrases") or []:
                phrases.setdefault(str(phrase).lower(), mark)
            for pattern in cues.get("patterns") or []:
                patterns.append((mark, Prescan(re.compile(r"(?i)(?<!\w)(?:" + str(pattern) + ")"))))
        if spec.get("weak"):
            context[pid] = tuple(str(w).lower() for w in spec["weak"]["context"])
    # the phrases as the word index's (cached) key: a frozenset keeps its hash
    # (the patterns' literal starts are searched in one pass: one group)
    return (phrases, patterns, frozenset(str(w) for w in data["negations"]),
            frozenset(str(p) for p in data["negatable"]), context, frozenset(phrases),
            PrescanGroup([scan for _mark, scan in patterns]))


def extract_principles(ctx: Context) -> None:
    phrases, patterns, negations, negatable, context, phrase_set, group = _table()
    low = ctx.lowered() or ctx.text.lower()
    if len(low) != len(ctx.text):
        return
    spans: list[tuple[int, int, str]] = []
    for start, end in word_index(ctx.scratch, low).find(phrase_set):
        spans.append((start, end, phrases[flat(low[start:end])]))
    scan_low = prescan.lowered(ctx)
    whole = [(0, len(ctx.text))]
    for k, (pid, _scan) in enumerate(patterns):
        spans.extend((m.start(), m.end(), pid)
                     for m in group.finditer_in(k, ctx.text, scan_low, whole))
    found: dict[str, Principle] = {}
    taken: list[tuple[int, int]] = []
    for start, end, pid in sorted(spans, key=lambda s: (s[0], -s[1])):
        if any(s <= start and end <= e for s, e in taken):
            continue  # "risk of torture" inside a longer phrase already counted
        if pid in negatable and _negated(low, start, negations):
            continue
        if pid.endswith("?"):  # a weak cue: only where the text holds a word of its context
            pid = pid[:-1]
            if not any(w in low for w in context[pid]):
                continue
        if _in_a_name(ctx.text, start, end):
            continue
        taken.append((start, end))
        found.setdefault(pid, Principle(id=pid)).mentions.append(ctx.span(start, end))  # type: ignore[arg-type]
    ctx.facts.principles.extend(sorted(found.values(), key=lambda p: p.mentions[0].start))


def _negated(low: str, start: int, negations: frozenset[str]) -> bool:
    """A negation among the two words before ``start`` ("not been tortured")."""
    m = _LAST_WORDS.search(low, max(0, start - 24), start)
    if m is None:
        return False
    words = re.findall(r"\w+", m.group())
    return any(w in negations for w in words)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Is the phrase in title case the end of a name ("Working Group on Arbitrary
    Detention")? A name invokes nothing."""
    words = [w for w in re.findall(r"\w+", text[start:end]) if len(w) > 3]
    if not words or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return _NAME_BEFORE.search(text, max(0, start - 40), start) is not None
