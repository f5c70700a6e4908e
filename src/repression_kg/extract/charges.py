"""Extractor: charges — the articles of law someone is charged, accused or convicted under.

Two ways in. Citations by number, in English ("Article 322, Part 1, of the Russian
Criminal Code", "Part 2 of Article 280.3", "Art. 207.3(2)", "Articles 280.3 and 207.3",
"Article 30, Part 1, in conjunction with Article 205.5, Part 2") and Russian ("ч. 2 ст.
207.3 УК РФ", "ч.1 ст.20.3.3 КоАП"); the code is read from the words after the citation.
And offences named by description ("discrediting the army", "treason"), mapped through
ontology/lookups/charges.yml with ``stated_by_number: false`` and counted only in a sentence
with a charging cue; a description in the same sentence as a cited number of the same
article is that citation, not another charge. Article 30 (preparation, attempt) is a
modifier of the article cited with it, never a charge of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from repression_kg import lookups
from repression_kg.extract import prescan, scan_groups
from repression_kg.extract.base import Context
from repression_kg.extract.charge_refs import part_of_the_article, same_accusation
from repression_kg.extract.code_first import (
    HINT,
    code_after,
    codes,
    with_codes_first,
)
from repression_kg.extract.literals import flat, word_index
from repression_kg.extract.prescan import Prescan, matches_at
from repression_kg.extract.prescan_group import PrescanGroup, _trie
from repression_kg.extract.subjects import subject_persons
from repression_kg.facts import Charge, Modifier

_NUM = r"\d{1,3}(?:\.\d{1,2}){0,2}"
#: a part number: "2", and the parts added between others, "2.1" ("Part 2.1 of Article 332")
_PART_NUM = r"\d{1,2}(?:\.\d(?!\d))?"
_PART_WORD = r"(?:Part|part|Parts|parts|Paragraph|paragraph|para\.?|Para\.?|p\.|P\.|ч\.|части|часть|частью|частей)"
_ART_WORD = (r"(?:Articles|articles|Article|article|Arts?\.|arts?\.|ст\.|статьи|статья|статье|статьей"
             r"|статьёй|статьям|статей|Статьи|Статья)")
#: one cited article: "Part 2 of Article 280.3", "ч. 2 ст. 207.3", "Article 205.5(2), Part 2"
_ITEM = re.compile(
    rf"(?:{_PART_WORD}\s?(?P<pre>{_PART_NUM})(?:\s?(?:и|and|,)\s?\d{{1,2}})?,?\s(?:of\s)?)?"
    rf"{_ART_WORD}\s?(?P<art>{_NUM})(?!\d)(?:\s?\((?P<par>\d{{1,2}})\))?"
    rf"(?:,?\s{_PART_WORD}\s?(?P<post>{_PART_NUM})\b(?!,?\s?(?:of\s[Aa]rt|ст\.|стать)),?)?")
#: tried only where "Art.", "Part", "ст.", "ч." ... occur (its literal starts, found by
#: one search per first letter: see :func:`_cited_items`)
_ITEMS = Prescan(_ITEM)


def _by_first_char(starts: frozenset[str] | None) -> list[re.Pattern[str]] | None:
    """The starts as one trie per first character, each to be scanned by ``finditer``
    (the engine skips ahead to that character at C speed); None when a start has its
    first character again after it ("papa": a match there could hide an offset)."""
    groups: dict[str, list[str]] = {}
    for start in sorted(starts or ()):
        if start[0] in start[1:]:
            return None
        groups.setdefault(start[0], []).append(start)
    return [re.compile(_trie(group)) for group in groups.values()]


_ITEM_FIRSTS = _by_first_char(_ITEMS.starts)
_ITEM_STARTS = re.compile(_trie(sorted(_ITEMS.starts or ())))
#: a further number of a list: "Articles 280.3 and 207.3", "ст. 207.3, 280.3"
_MORE = re.compile(rf"\s?(?:,|and|or|и|&)\s?(?:{_PART_WORD}\s?(?P<pre>\d{{1,2}})\s(?:of\s)?)?"
                   rf"(?P<art>{_NUM})(?!\d)(?:\s?\((?P<par>\d{{1,2}})\))?")
#: what joins Article 30 to the article it modifies
_JOIN = re.compile(r"[\s,;–—-]{0,4}(?:in conjunction with|in connection with|combined with|"
                   r"together with|and|в связи с|и)?[\s,;–—-]{0,4}")
#: what joins Article 30 to the article before it ("Article 278 in conjunction with Article 30")
_JOIN_BACK = re.compile(r"[\s,;–—-]{0,4}(?:in conjunction with|read with|combined with|"
                        r"taken (?:together )?with|with|"
                        r"во взаимосвязи с|в связи с|с)[\s,;–—-]{0,4}")
_STEMS = ("art", "ст.", "стат", "part", "ч.")


@cache
def _descriptions() -> list[tuple[Prescan, str, str, str | None, Modifier | None]]:
    out = []
    for entry in lookups.load("charges")["descriptions"]:
        # a description starts a word: the look-behind makes each scan fail fast inside
        # words (3x faster over a document than trying every offset)
        pattern = re.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?:{p})" for p in entry["patterns"])
                             + ")")
        out.append((Prescan(pattern), entry.get("code", "RU-CC"), str(entry["article"]),
                    str(entry["admin"]) if entry.get("admin") else None, entry.get("modifier")))
    return out


def _description_group() -> tuple[PrescanGroup, int]:
    """The group that holds the description patterns, in order from the member index it
    gives (the event cues come first: one pass per document finds the starts of both)."""
    return scan_groups.cues_and_descriptions()


@cache
def _words(key: str) -> list[str]:
    return [str(w).lower() for w in lookups.load("charges")[key]]


@cache
def _cue_words() -> tuple[str, ...]:
    """The charging cues, as the tuple a word index looks up as it is."""
    return tuple(_words("cues"))


def has_cue(low: str, key: str) -> bool:
    """True when lower-case ``low`` has one of the whole-word cues listed under ``key``
    (what ``has_literal(low, _words(key))`` says: a cue's space matches a line break too).

    The cues are searched by :func:`_cue_pattern`, and a place where one is found counts
    when no word character stands before it: tested here, not as a look-behind in the
    pattern (a pattern that opens with the cues' letters lets the engine skip ahead to
    them; one that opens with a look-behind is tried at every offset)."""
    text = flat(low)
    pattern = _cue_pattern(key)
    m = pattern.search(text)
    while m is not None:
        at = m.start()
        if at == 0 or _WORD_CHAR.match(text, at - 1) is None:
            return True
        m = pattern.search(text, at + 1)
    return False


#: a word character of ``has_literal``
_WORD_CHAR = re.compile(r"[\w-]")


@cache
def _cue_pattern(key: str) -> re.Pattern[str]:
    """Any cue under ``key`` not followed by a word character (``[\\w-]``, the word
    characters of ``has_literal``), the cues as a trie that backtracks to shorter ones;
    :func:`has_cue` wants none before it either."""
    words = sorted(set(_words(key)))
    return re.compile(rf"(?:{_trie(words)})(?![\w-])" if words else "(?!)")


def extract_charges(ctx: Context) -> None:
    found: dict[tuple[str, str, str, str | None, str | None], Charge] = {}
    numbered: set[tuple[int, str, str]] = set()  # (sentence start, person, article)
    low = ctx.lowered() or ctx.text.lower()
    if any(stem in low for stem in _STEMS) or HINT.search(ctx.text):
        last_part: dict[str, str] = {}
        for start, end, code, article, part, modifier in citations(ctx):
            if _is_general(ctx, start):
                continue
            if part is None and _SAME_PART.search(ctx.text, max(0, start - 24), start):
                part = last_part.get(article)  # "under the same part of Article 332"
            if part is not None:
                last_part[article] = part
            for person in subject_persons(ctx, start):
                _add(ctx, found, Charge(person, code, article, part, modifier, True), start, end)
                numbered.add((ctx.sentence_at(start)[0], person, article))
    cued = _cued_sentences(ctx, low)
    scan_low = prescan.lowered(ctx)
    group, first = _description_group()
    # (the group's offsets per member, found once: a description whose literal starts do
    # not occur in the text has no match, and is not searched)
    offsets = group.offsets(scan_low) if cued and scan_low is not None else None
    for k, (scan, code, article, admin, modifier) in enumerate(_descriptions() if cued else ()):
        if offsets is not None and not offsets[first + k] and _grouped(scan):
            continue
        for m in group.finditer_in(first + k, ctx.text, scan_low, cued):
            if _is_general(ctx, m.start()):
                continue
            for person in subject_persons(ctx, m.start()):
                _described(ctx, found, numbered, person, (code, article, admin, modifier), m)
    part_of_the_article(ctx, found, _add)
    same_accusation(ctx, found)
    for charge in found.values():
        charge.mentions = sorted(set(charge.mentions))
        ctx.facts.charges.append(charge)


def _grouped(scan: Prescan) -> bool:
    """The group finds ``scan``'s offsets from its literal starts (as it does for every
    member with starts and no start class): no offset, no match."""
    return scan.starts is not None and scan.classes is None


_SAME_PART = re.compile(r"(?i)(?:the same part of|той же части)\s*$")


def _cued_sentences(ctx: Context, low: str) -> list[tuple[int, int]]:
    """The sentences with a charging cue, where an offence named by description counts
    (the description patterns run only there: one pass of cue words, not of every pattern
    over the whole text)."""
    out: list[tuple[int, int]] = []
    for start, _end in word_index(ctx.scratch, low).find(_cue_words()):
        if out and start < out[-1][1]:
            continue  # (its sentence starts at or before it: inside the last span)
        s_start, s_end = ctx.sentence_at(start)
        if out and s_start < out[-1][1]:
            continue
        if out and not ctx.text[out[-1][1]:s_start].strip():
            out[-1] = (out[-1][0], s_end)  # the next sentence: one span, one pass
        else:
            out.append((s_start, s_end))
    return out


def _described(ctx: Context, found: dict, numbered: set[tuple[int, str, str]], person: str,
               target: tuple[str, str, str | None, Modifier | None], m: re.Match[str]) -> None:
    """Add the charge a description names (or a mention to the citation it repeats)."""
    cod, art, admin, modifier = target
    s_start, s_end = ctx.sentence_at(m.start())
    if (s_start, person, art) in numbered:
        _mention(ctx, found, person, art, m.start(), m.end())
        return
    if admin and (s_start, person, admin) in numbered:
        # ("'discrediting' the army under Article 20.3.3 CoAP": the words name the citation)
        _mention(ctx, found, person, admin, m.start(), m.end())
        return
    if admin and _administrative(ctx, s_start, s_end):
        art, cod = admin, "RU-CoAP"
    if (s_start, person, art) in numbered:
        _mention(ctx, found, person, art, m.start(), m.end())
        return
    # (words without a modifier repeat a charge whatever its modifier: "treason" is the
    # "preparation of treason" cited by number)
    same = [c for c in found.values() if c.person == person and c.article == art
            and modifier in (None, c.modifier)]
    if same:
        same[0].mentions.append(ctx.span(m.start(), m.end()))
        return
    _add(ctx, found, Charge(person, cod, art, None, modifier, False), m.start(), m.end())


def _add(ctx: Context, found: dict, charge: Charge, start: int, end: int) -> None:
    key = (charge.person, charge.code, charge.article, charge.part, charge.modifier)
    if key not in found:
        # a bare article already known with a part, or the reverse, is the same charge
        for other_key, other in found.items():
            if other_key[:3] == key[:3] and other_key[4] == key[4] and \
                    (other.part is None or charge.part is None or other.part == charge.part):
                other.part = other.part or charge.part
                other.stated_by_number = other.stated_by_number or charge.stated_by_number
                other.mentions.append(ctx.span(start, end))
                return
        found[key] = charge
    found[key].mentions.append(ctx.span(start, end))


def _mention(ctx: Context, found: dict, person: str, article: str, start: int,
             end: int) -> None:
    for charge in found.values():
        if charge.person == person and charge.article == article:
            charge.mentions.append(ctx.span(start, end))
            return


def _is_general(ctx: Context, offset: int) -> bool:
    """A sentence about a law (adopted, maximum penalty) with no one charged in it."""
    s_start, s_end = ctx.sentence_at(offset)
    cache: dict[int, bool] = ctx.scratch.setdefault("charges.general", {})
    general = cache.get(s_start)
    if general is None:
        sent = ctx.text[s_start:s_end].lower()
        general = cache[s_start] = has_cue(sent, "general") and not has_cue(sent, "cues")
    return general


def _administrative(ctx: Context, s_start: int, s_end: int) -> bool:
    sent = ctx.text[s_start:s_end].lower()
    if any(cue in sent for cue in _words("criminal_cues")):
        return False
    prev_start = ctx.sentence_at(max(0, s_start - 2))[0] if s_start else s_start
    window = ctx.text[prev_start:s_end].lower()
    return any(cue in window for cue in _words("admin_cues"))


def citations(ctx: Context) -> list[tuple[int, int, str, str, str | None, Modifier | None]]:
    """Every article cited by number: (start, end, code, article, part, modifier)."""
    cached = ctx.scratch.get("charges.citations")
    if cached is None:
        cached = ctx.scratch["charges.citations"] = _citations(ctx)
    return cached


def _citations(ctx: Context) -> list[tuple[int, int, str, str, str | None, Modifier | None]]:
    text = ctx.text
    items: list[tuple[int, int, str, str | None]] = []
    for m in _cited_items(ctx):
        items.append((m.start(), m.end(), m.group("art"),
                      m.group("pre") or m.group("par") or m.group("post")))
        pos = m.end()
        plural = _plural(m.group())  # ("Articles 280.3 and 207.3")
        while plural:
            more = _MORE.match(text, pos)
            if more is None:
                break
            items.append((more.start("art"), more.end(), more.group("art"),
                          more.group("pre") or more.group("par")))
            pos = more.end()
    items = with_codes_first(ctx, items, codes()[1])
    ctx.scratch["charges.items"] = items
    out: list[tuple[int, int, str, str, str | None, Modifier | None]] = []
    modifier: Modifier | None = None
    modifier_end = -1
    for i, (start, end, article, part) in enumerate(items):
        code = code_after(ctx, items, i)
        if code is None:
            continue
        if article == "30" and code == "RU-CC":
            modifier = _article_30(part, text[max(0, start - 80):end + 40])
            modifier_end = end
            if out and out[-1][5] is None and _JOIN_BACK.fullmatch(text, out[-1][1], start):
                # "Article 278 with Article 30, Part 1": the modifier follows its article
                out[-1] = (*out[-1][:5], modifier)
                modifier = None
            continue
        mod = None
        if modifier and _JOIN.fullmatch(text, modifier_end, start):
            mod = modifier
            modifier_end = end
        else:
            modifier = None
        if code == "RU-CC" and _GENERAL_PART.fullmatch(article) and article != "33":
            modifier = None
            continue  # the Code's General Part (Article 72, time served): no offence
        out.append((start, end, code, article, part, mod))
    return out


def _cited_items(ctx: Context) -> Iterator[re.Match[str]]:
    """What ``_ITEMS.finditer`` finds, tried at each offset where one of its literal starts
    occurs (a scan per first character of the starts, not a ``str.find`` pass per start)."""
    low = prescan.lowered(ctx)
    if low is None or not _ITEMS.starts or _ITEMS.classes is not None:
        return _ITEMS.finditer(ctx.text, low)
    offsets: list[int] = []
    if _ITEM_FIRSTS is not None:
        # (the matches of a trie whose first character begins no other place in its starts
        # never overlap: each offset where a start occurs is a match; no two tries match
        # at one offset)
        for finder in _ITEM_FIRSTS:
            offsets.extend(map(re.Match.start, finder.finditer(low)))
        offsets.sort()
    else:
        m = _ITEM_STARTS.search(low)
        while m is not None:
            offsets.append(m.start())
            m = _ITEM_STARTS.search(low, m.start() + 1)
    return (item for _span, item in matches_at(_ITEM, ctx.text, offsets, [(0, len(ctx.text))]))


def _plural(cited: str) -> bool:
    low = cited.lower()
    return "articles" in low or "arts" in low or "статьям" in low or "статей" in low \
        or "parts" in low


def _article_30(part: str | None, near: str) -> Modifier | None:
    table = lookups.load("charges")["article_30"]
    if part in table:
        return table[part]
    low = near.lower()
    if "attempt" in low or "покушени" in low:
        return "attempt"
    if "prepar" in low or "приготовлени" in low:
        return "preparation"
    return None


#: an article of the Criminal Code's General Part (1-104): rules, not offences (Article 30
#: is a modifier, read above; Article 33, complicity, is kept as cited)
_GENERAL_PART = re.compile(r"(?:[1-9]|[1-9]\d|10[0-4])(?:\.\d{1,2})?")
