"""Whom an event concerns (used by :mod:`repression_kg.extract.events`).

The person of a cue is taken from its sentence (never a lawyer, judge, official or a
victim: :mod:`repression_kg.extract.victims`): the nearest named before the cue, else the
first right after it, else the last named before it in its paragraph, else the main
person, keeping only persons whose gender fits a "he"/"she" of the cue's clause; a list of
persons that is the cue's subject gives each of them. A letter's person is the first its
sentence names.
"""

from __future__ import annotations

import re

from repression_kg.extract import event_places
from repression_kg.extract.base import Context, PersonMention
from repression_kg.extract.subjects import subject_person
from repression_kg.extract.victims import victims

_PRONOUNS = ("he", "she", "him", "her", "his", "он", "она", "его", "её", "ее", "ему", "ей")
_PRONOUN = re.compile(rf"(?i:\b{event_places.alternation(_PRONOUNS)}\b)")
#: the same on the lower-cased text: case-sensitive, a few times faster (``\b`` before a
#: word's first letter is "no word character before it")
_PRONOUN_LOW = re.compile(event_places.by_first(_PRONOUNS, r"\w") + r"\b")
_GENDER = {"he": "m", "him": "m", "his": "m", "он": "m", "ему": "m",
           "she": "f", "her": "f", "она": "f", "её": "f", "ее": "f", "ей": "f"}
_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+|\s*&\s*)\s*"
                    r"(?:(?:his|her|their|его|её|ее)\s+[^\W\d_]+\s+)?")
_SUBJECT = re.compile(event_places.by_first(("he", "she", "they", "он", "она", "они"), r"\w")
                      + r"\b")
_APPOSITION = re.compile(r"\s*(?:The|This|That)\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+"
                         r"(?:[A-Z][a-z]{0,5}\.\s+){0,3}")
_NOT_PERSONS = frozenset({"lawyer", "judge", "official"})


def persons_of(ctx: Context, start: int, end: int, sentence: tuple[int, int],
               clause_span: tuple[int, int]) -> list[str | None]:
    """Whom the cue ``[start, end)`` concerns: one person (see :func:`_person`), or every
    person of a list that is the cue's subject ("Ivan Orlov and Anna Orlova were
    detained"). ``sentence`` and ``clause_span`` are the cue's."""
    mentions = ctx.mentions_in(sentence[0], sentence[1])
    pid = _person(ctx, start, end, sentence, clause_span, mentions)
    if pid is None:
        return [None]
    before = [m for m in mentions if m.start < start and m.end <= start]
    text = ctx.text
    if not before or before[-1].person != pid or _SUBJECT.search(text, before[-1].end, start):
        return [pid]
    out: list[str | None] = [pid]
    for k in range(len(before) - 1, 0, -1):
        if not _JOINT.fullmatch(text, before[k - 1].end, before[k].start):
            break
        out.insert(0, before[k - 1].person)
    return list(dict.fromkeys(out))


def _not_persons(ctx: Context) -> set[str]:
    """The lawyers, judges and officials of the document."""
    return {p.id for p in ctx.facts.persons if _NOT_PERSONS & set(p.roles)}


def first_signer(ctx: Context, sentence: tuple[int, int]) -> list[str | None]:
    """A letter's person: the first person its sentence names (the signatories are
    related to each other by the relations extractor)."""
    exclude = _not_persons(ctx)
    for m in ctx.mentions_in(sentence[0], sentence[1]):
        if m.person not in exclude:
            return [m.person]
    return [None]


def _excluded(ctx: Context) -> set[str]:
    """Who is never an event's person: lawyers, judges, officials and victims (once per
    document)."""
    exclude: set[str] | None = ctx.scratch.get("excluded")
    if exclude is None:
        exclude = ctx.scratch["excluded"] = _not_persons(ctx) | victims(ctx)
    return exclude


def _fits(genders: dict[str, str], person: str, want: str | None) -> bool:
    """The person's gender is unknown or the one a pronoun wants (if any)."""
    return want is None or genders.get(person) in (None, want)


def _person(ctx: Context, start: int, end: int, sentence: tuple[int, int],
            clause_span: tuple[int, int], mentions: list[PersonMention]) -> str | None:
    """Whom the cue concerns: the nearest named person before it in its sentence, else
    the first right after it, else the last named before it in its paragraph, else the
    main person — keeping only persons whose gender fits a "he"/"she" of the clause, and
    never lawyers, judges or officials. A sentence that names nobody and
    has no personal pronoun concerns nobody we know. (``sentence``, ``clause_span`` and
    the person ``mentions`` of the sentence are the cue's; the candidates are tried in
    that order, the paragraph read only when the sentence gives none that fits.)
    """
    text = ctx.text
    exclude = _excluded(ctx)
    s_start, s_end = sentence
    c_start, c_end = clause_span
    named = [m for m in mentions if m.end <= s_end and m.person not in exclude]
    # pronouns after the last name before the cue ("her husband Pyotr" names Pyotr)
    p_start = c_start
    for m in named:
        if p_start < m.end <= start:
            p_start = m.end
    low = ctx.lowered()
    if low is not None:  # (the lower-cased text: its matches are lower case)
        pronoun, hay = _PRONOUN_LOW, low
        found = pronoun.findall(low, p_start, c_end)
    else:
        pronoun, hay = _PRONOUN, text
        found = [w.lower() for w in pronoun.findall(text, p_start, c_end)]
    if not named and not pronoun.search(hay, s_start, s_end):
        return _named_next(ctx, s_end)
    pronouns = {g for g in map(_GENDER.get, found) if g is not None}
    genders = ctx.genders
    want = next(iter(pronouns)) if len(pronouns) == 1 else None
    for m in reversed(named):
        if m.end <= start and _fits(genders, m.person, want):
            return m.person
    for m in named:
        if end <= m.start <= end + 80 and _fits(genders, m.person, want):
            return m.person
    # none of the sentence fits: the paragraph before it, then whom a pronoun continues
    candidates = any(m.end <= start or end <= m.start <= end + 80 for m in named)
    b_start, _ = ctx.block_at(start)
    for m in reversed(ctx.mentions_in(b_start, s_start)):
        if m.end <= s_start and m.person not in exclude:
            if _fits(genders, m.person, want):
                return m.person
            candidates = True
    if not candidates and pronouns:
        # "put him on a deportation flight" in a paragraph that names nobody: the person
        # the pronoun continues from the paragraphs before, as for charges and sentences
        earlier = subject_person(ctx, start)
        if earlier is not None and earlier not in exclude and _fits(genders, earlier, want):
            return earlier
    main = ctx.main_person
    if main and main not in exclude and _fits(genders, main, want):
        return main
    return None


def _named_next(ctx: Context, s_end: int) -> str | None:
    """"An officer ... fled. The officer, Maj. Ivan Orlov, ...": a sentence about someone
    not yet named, followed by one that names them in apposition."""
    n_start, n_end = ctx.sentence_at(s_end + 1) if s_end < len(ctx.text) else (s_end, s_end)
    match = _APPOSITION.match(ctx.text, n_start, n_end)
    if match is None:
        return None
    after = [m for m in ctx.mentions_in(match.end(), n_end) if m.start == match.end()]
    return after[0].person if after else None

