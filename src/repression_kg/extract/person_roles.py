"""Birth years and roles of the persons of a document (used by the persons extractor).

Birth year: "born 1986", "b. 1986", "(born in 1990)", "1986 г. р." next to a mention, or
an age ("Ivan Petrov, 34,", "aged 34", "34-year-old activist Ivan Petrov") subtracted from
the publication date; an age without a publication date gives nothing, and "the then
18-year-old" (age at some past event) is not used.

Roles come from cues in ontology/lookups/roles.yml and ranks.yml: titles and appositive
nouns right before or after a name ("lawyer Anna Orlova", "his wife, Anna Orlova",
"Anna Orlova, a journalist"), defendant verbs in the same sentence ("was sentenced"),
"is a political prisoner", signatures ("signed by ...") and bylines.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context
from repression_kg.facts import Person, PersonRole

_YEAR = r"(?:19|20)\d\d"
_BORN_AFTER = re.compile(
    rf"\s*[,(]?\s*(?:born(?:\s+in)?|b\.|род\.|родился|родилась)\s*(?:in\s+)?({_YEAR})(?!\d)"
    rf"|[\s,(]*({_YEAR})\s*(?:г\.\s?р\.|года\s+рождения)")
_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(\d{1,2})(?:\s*[,)]|\s+(?:years?\s+old|лет|года|год)\b)"
                        r"|,?\s+aged\s+(\d{1,2})\b")
_AGE_BEFORE = re.compile(r"(\bthen\s+)?\b(\d{1,2})-year-old(?:[\s\-]+[^\W\d_]+){0,3}[\s,]*$")
_PRONOUN = re.compile(r"(?i:\b(?:he|she|him|her|his|он|она|его|её|ее)\b)")
_SUBJECT = re.compile(r"\b(?:he|she|they|он|она|они)\b")
_BYLINE = re.compile(r"\s*(?:[–—|]\s*.{0,40})?$")
_COORDINATED = re.compile(r"\s*(?:,|and|&|и|,\s*and)\s+(?:(?:his|her|their)\s+[a-z\-]+\s+)?")


@cache
def titles() -> dict[str, PersonRole | None]:
    """Title and rank forms → the role they give (None for ranks and courtesy titles)."""
    out: dict[str, PersonRole | None] = {}
    for entry in lookups.load("ranks")["titles"]:
        for form in entry["forms"]:
            out[str(form)] = entry.get("role")
    return out


@cache
def person_nouns() -> frozenset[str]:
    """Lower-case words that announce a person's name right after them."""
    data = lookups.load("roles")
    return frozenset([str(n).lower() for n in data["person_nouns"]]
                     + [t.lower() for t in titles()])


@cache
def _appositive() -> list[tuple[PersonRole, re.Pattern[str], re.Pattern[str]]]:
    out = []
    for role, cues in lookups.load("roles")["appositive"].items():
        alt = "|".join(re.escape(str(c)) for c in sorted(cues, key=len, reverse=True))
        before = re.compile(rf"(?i:(?<![\w-])(?:{alt}))[\s,:]*$")
        after = re.compile(rf"\s*,\s*(?i:(?:a|an|the|his|her|their|its|one\s+of\s+(?:his|her|the)"
                           rf")\s+)?(?:[\w-]+\s+){{0,2}}?(?i:(?:{alt}))\b")
        out.append((role, before, after))
    return out


def _cue_pattern(section: str, key: str) -> re.Pattern[str]:
    cues = lookups.load("roles")[section][key]
    alt = "|".join(re.escape(str(c)) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?i:(?<![\w-])(?:{alt})(?![\w-]))")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "defendant": _cue_pattern("verbs", "defendant"),
        "political_prisoner": _cue_pattern("predicates", "political_prisoner"),
        "prisoner_list": re.compile(
            r"(?i:\bprisoners,?\s+(?:(?:which|who)\s+)?(?:include|including|among\s+them|such\s+as)"
            r"|\bполитзаключённ\w*,?\s+(?:в\s+том\s+числе|среди\s+которых))"),
        "letter": re.compile("(?i:(?<![\\w-])(?:" + "|".join(
            f"(?:{c})" for c in lookups.load("events")["events"]["letter"]) + ")(?![\\w-]))"),
        "signature": re.compile("(?i:(?<![\\w-])(?:" + "|".join(
            re.escape(str(c)) for c in lookups.load("roles")["signature_cues"]) + "))"),
    }


def _add(person: Person, role: PersonRole) -> None:
    if role not in person.roles:
        person.roles.append(role)


def assign_birth_years(ctx: Context, persons: list[Person]) -> None:
    """Set ``birth_year`` from a stated year, else from an age and the publication date."""
    text = ctx.text
    ref_year = int(ctx.published[:4]) if ctx.published else None
    for person in persons:
        stated: int | None = None
        from_age: int | None = None
        for span in person.mentions:
            after = text[span.end:span.end + 60]
            m = _BORN_AFTER.match(after)
            if m and stated is None:
                stated = int(m.group(1) or m.group(2))
            if ref_year is None or from_age is not None:
                continue
            m = _AGE_AFTER.match(after)
            age = int(m.group(1) or m.group(2)) if m else None
            if age is None:
                b = _AGE_BEFORE.search(text[max(0, span.start - 60):span.start])
                age = int(b.group(2)) if b and not b.group(1) else None
            if age is not None and 10 <= age <= 100:
                from_age = ref_year - age
        year = stated if stated is not None else from_age
        if year is not None and 1900 <= year <= (ref_year or 2100):
            person.birth_year = year


def assign_roles(ctx: Context, persons: list[Person]) -> None:
    """Add roles from titles, appositives, verbs, predicates, signatures and bylines."""
    text = ctx.text
    by_id = {p.id: p for p in persons}
    title_roles = titles()
    for person in persons:
        for span in person.mentions:
            before = text[max(0, span.start - 40):span.start]
            stripped = before.rstrip(" \u00a0")
            for form, role in title_roles.items():
                if role and stripped.endswith(form) and (
                        len(stripped) == len(form) or not stripped[-len(form) - 1].isalpha()):
                    _add(person, role)
            after = text[span.end:span.end + 60]
            for role, pat_before, pat_after in _appositive():
                if pat_before.search(before) or pat_after.match(after):
                    _add(person, role)
    _sentence_roles(ctx, by_id)
    _byline(ctx, by_id)


def _sentence_roles(ctx: Context, by_id: dict[str, Person]) -> None:
    pats = _patterns()
    starts = [m.start for m in ctx.person_mentions]
    text = ctx.text
    for role, pattern in (("defendant", pats["defendant"]),
                          ("political_prisoner", pats["political_prisoner"])):
        for cue in pattern.finditer(text):
            if role == "political_prisoner" and text[cue.end():cue.end() + 1] == "s":
                continue
            for pid in _nearest(ctx, starts, cue.start(), cue.end(), role):
                _add(by_id[pid], role)  # type: ignore[arg-type]
    skip = {"lawyer", "judge", "official", "journalist"}
    for cue in pats["letter"].finditer(text):
        s_start, s_end = ctx.sentence_at(cue.start())
        for mention in ctx.person_mentions[bisect.bisect_left(starts, s_start):]:
            if mention.start >= s_end:
                break
            if not skip & set(by_id[mention.person].roles):
                _add(by_id[mention.person], "author")
    for key, role in (("signature", "author"), ("prisoner_list", "political_prisoner")):
        for cue in pats[key].finditer(text):
            _, s_end = ctx.sentence_at(cue.start())
            lo = bisect.bisect_left(starts, cue.end())
            for mention in ctx.person_mentions[lo:]:
                if mention.start >= s_end:
                    break
                _add(by_id[mention.person], role)  # type: ignore[arg-type]


def _nearest(ctx: Context, starts: list[int], cue_start: int, cue_end: int,
             role: str) -> list[str]:
    """Whom a defendant or political-prisoner cue concerns.

    The person named nearest before the cue in its sentence, else right after it (an
    object: "sentenced Ivan Petrov"), else nearest before it in its paragraph, else — when
    the sentence speaks of "he"/"she" — the most-mentioned person of the document.
    Lawyers, judges, officials and journalists are never made defendants this way.
    """
    persons = {p.id: p for p in ctx.facts.persons}
    skip = frozenset(pid for pid, p in persons.items()
                     if {"lawyer", "judge", "official", "journalist"} & set(p.roles))
    s_start, s_end = ctx.sentence_at(cue_start)
    lo = bisect.bisect_left(starts, s_start)
    hi = bisect.bisect_left(starts, s_end)
    here = [m for m in ctx.person_mentions[lo:hi] if m.person not in skip]
    before = [m for m in here if m.end <= cue_start]
    if before and not _SUBJECT.search(ctx.text, before[-1].end, cue_start):
        out = [before[-1].person]
        for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
            if not _COORDINATED.fullmatch(ctx.text, prev.end, nxt.start):
                break
            out.append(prev.person)  # "X and Y were charged"
        return out
    after = [m for m in here if cue_end <= m.start <= cue_end + 40]
    if after:
        return [after[0].person]
    b_start, _ = ctx.block_at(cue_start)
    lo = bisect.bisect_left(starts, b_start)
    block = [m for m in ctx.person_mentions[lo:hi]
             if m.end <= min(cue_start, s_start) and m.person not in skip]
    if block:
        return [block[-1].person]
    if _PRONOUN.search(ctx.text, s_start, s_end):
        counts = Counter(m.person for m in ctx.person_mentions if m.person not in skip)
        top = counts.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            return [top[0][0]]
    return []


def _byline(ctx: Context, by_id: dict[str, Person]) -> None:
    """A name alone on one of the first lines, or after "By", is the author."""
    text = ctx.text
    head = text[:600]
    for mention in ctx.person_mentions:
        if mention.start >= len(head):
            break
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line_end = len(text) if line_end < 0 else line_end
        if text.count("\n", 0, line_start) > 6:
            break
        prefix = text[line_start:mention.start].strip().lower()
        rest = text[mention.end:line_end]
        if prefix in ("", "by", "автор:", "text:", "author:") and _BYLINE.match(rest) and (
                prefix == "by" or rest.strip()):
            _add(by_id[mention.person], "author")
