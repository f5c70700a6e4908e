"""Who a fact is about: the subject of a charge or sentence found at some offset.

Shared by the charges and sentences extractors. The rules, in order: a field line of a
court report ("Charge: ...") is about its "Defendants:" line; a roundup's list item is
about the person it opens with; a sentence that distributes ("each of them", "both men")
is about the group named just before; names joined by "and" share the fact; else the
nearest person named before in the sentence (unless a pronoun of the other gender says it
is someone earlier), after it, or, when the sentence refers back ("he", "the then
18-year-old"), the person of the paragraph before. Relatives, lawyers, judges, officials
and authors are passed over.
"""

from __future__ import annotations

import re

from repression_kg.extract.base import Context
from repression_kg.extract.person_roles import person_nouns


def subject_person(ctx: Context, offset: int, *,
                   also: re.Pattern[str] | None = None) -> str | None:
    """The person a fact at ``offset`` is about, or None when the text does not say.

    A person named in the same sentence (nearest before, else after); else, when the
    sentence speaks of someone by pronoun, the nearest person named before in its
    paragraph; else None (unnamed people, "two soldiers", are nobody we know). People
    known only as relatives, lawyers, judges, officials or authors are passed over.
    ``also`` matches further words that refer back ("it" for a sentence changed on appeal).
    """
    s_start, s_end = ctx.sentence_at(offset)
    if not ctx.person_mentions:
        return ctx.main_person
    bystanders = _bystanders(ctx)
    inside = [m for m in ctx.mentions_in(s_start, s_end) if m.person not in bystanders]
    before = [m for m in inside if m.end <= offset]
    if before:
        return _agreeing(ctx, before, offset, bystanders)
    if inside and not _anaphoric_subject(ctx, s_start, offset):
        return inside[0].person
    pronoun = _PRONOUN.search(ctx.text, s_start, offset)
    if pronoun or _anaphoric_subject(ctx, s_start, offset) or (
            also is not None and also.search(ctx.text, s_start, offset)):
        want = _gender_of(pronoun.group()) if pronoun else None
        b_start, _ = ctx.block_at(offset)
        earlier = [m for m in ctx.mentions_in(b_start, s_start) if m.person not in bystanders
                   and (want is None or ctx.genders.get(m.person, want) == want)]
        if earlier:
            return earlier[-1].person
        if b_start == s_start:
            earlier_person = _previous_paragraph_person(ctx, b_start, bystanders, want)
            if earlier_person is not None:
                return earlier_person
        return ctx.main_person if ctx.main_person not in bystanders else None
    return None


def subject_persons(ctx: Context, offset: int, *,
                    also: re.Pattern[str] | None = None) -> list[str]:
    """Everyone a fact at ``offset`` is about: usually :func:`subject_person` alone.

    Two forms speak of several people at once. A field line of a court report ("Charge:
    Article 212, Part 1") is about the people of its "Defendants:" line, else the
    document's main person. A sentence that distributes ("sentenced each of them", "both
    men", "each woman") with nobody named before the fact is about every accused person
    named in the nearest earlier paragraph that names at least two.
    """
    fielded = _field_persons(ctx, offset)
    if fielded is not None:
        return fielded
    listed = _list_item_person(ctx, offset)
    if listed is not None:
        return [listed]
    s_start, _ = ctx.sentence_at(offset)
    bystanders = _bystanders(ctx)
    if _EACH.search(ctx.text, s_start, offset) and not any(
            m.end <= offset and m.person not in bystanders
            for m in ctx.mentions_in(s_start, offset)):
        group = _previous_group(ctx, s_start, bystanders)
        if group:
            return group
    person = subject_person(ctx, offset, also=also)
    if person is None:
        return []
    return _conjoined(ctx, s_start, offset, person, bystanders)


_JOINED = re.compile(r"(?i)(?:</?\w+>|\s)*(?:,|and|и|&)(?:</?\w+>|\s)+(?:(?:the|a|an)\s)?"
                     r"(?:[^\W\d_][\w-]*\s){0,2}$|(?:</?\w+>|\s)*,\s*$")


def _conjoined(ctx: Context, s_start: int, offset: int, person: str,
               skip: frozenset[str]) -> list[str]:
    """``person`` and the people joined to it by "and" or commas right before it, when it
    is the last person named before ``offset`` ("Berkovich and Petriychuk were sentenced")."""
    before = [m for m in ctx.mentions_in(s_start, offset) if m.end <= offset]
    if not before or before[-1].person != person:
        return [person]
    out = [person]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        gap = ctx.text[prev.end:nxt.start]
        if len(gap) > 40 or not _JOINED.fullmatch(gap) or prev.person in skip:
            break
        if prev.person not in out:
            out.insert(0, prev.person)
    if len(out) > 1 and not _JOINED_END.match(ctx.text, before[-1].end, offset) and not \
            _JOINED_VERB.search(ctx.text, s_start, before[-len(out)].start):
        return [person]
    return out


#: a verb before joined names that they share ("The court sentenced A and B to ...")
_JOINED_VERB = re.compile(r"(?i)(?<!\w)(?:sentenced|convicted|found|charged|fined|jailed|"
                          r"acquitted|приговорил\w*|осудил\w*|обвинил\w*|оштрафовал\w*)(?!\w)")


#: what may stand between the last of joined names and the fact they share
_JOINED_END = re.compile(r"[^.;:]{0,80}?(?:were|are|have been|had been|both|each|каждую|"
                         r"каждого|каждый|обе|оба|обеих|обоих|"
                         r"sentenced|charged|convicted|received|got|jailed|приговорен\w*|"
                         r"осужден\w*|получили)")


_EACH = re.compile(r"(?i)(?<!\w)(?:each(?: of them)?|both(?: of them| men| women| defendants|"
                   r" brothers| sisters| activists)?(?=\s(?:were|are|was|had|have|received|got|"
                   r"guilty|to)\b|[\s,.;]*$|\s*[,.;])|the pair|the two(?: men| women)?|the couple|"
                   r"all (?:two|three|four|five|six|seven|\d) (?:of them|men|women|defendants)|"
                   r"каждого|каждой|обоих|обеих)(?!\w)")
_FIELD = re.compile(r"(?im)^[ \t>*_#-]*(?:charges?|charged under|articles?|statutes?|"
                    r"обвинени[ея]|стать[яи])[*_ ]*[:—–]")
_DEFENDANTS = re.compile(r"(?im)^[ \t>*_#-]*(?:defendants?|accused|co-defendants|"
                         r"подсудим\w+|обвиняем\w+|фигурант\w*)[*_ ]*[:—–][^\n]*")


LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*•–])[ \t]+")


def _list_item_person(ctx: Context, offset: int) -> str | None:
    """The person a roundup's list item opens with ("1. Alexei Gorinov, municipal deputy,
    Moscow: 7 years ..."), for a fact on that line after the name; None elsewhere."""
    line_start = ctx.text.rfind("\n", 0, offset) + 1
    marker = LIST_ITEM.match(ctx.text, line_start)
    if marker is None:
        return None
    first = ctx.mentions_in(marker.end(), marker.end() + 1)
    if not first or first[0].end > offset:
        return None
    if ":" in ctx.text[first[0].end:offset]:
        return first[0].person  # "2. A, 66, B's superior ...: 12 years": the facts after ':'

    later = [m for m in ctx.mentions_in(first[0].end, offset) if m.person != first[0].person]
    return None if later else first[0].person


def _field_persons(ctx: Context, offset: int) -> list[str] | None:
    """The people a field line ("Charge: ...") is about, or None when ``offset`` is not
    on such a line."""
    line_start = ctx.text.rfind("\n", 0, offset) + 1
    field = _FIELD.match(ctx.text, line_start)
    if field is None or field.end() > offset:
        return None
    key = "charges.defendants"
    if key not in ctx.scratch:
        people: list[str] = []
        for m in _DEFENDANTS.finditer(ctx.text):
            for mention in ctx.mentions_in(m.start(), m.end()):
                if mention.person not in people:
                    people.append(mention.person)
        ctx.scratch[key] = people
    people = ctx.scratch[key]
    if people:
        return list(people)
    return [ctx.main_person] if ctx.main_person else None


def _previous_group(ctx: Context, start: int, skip: frozenset[str]) -> list[str]:
    """Accused people named before ``start`` in its paragraph, else in the nearest of the
    three paragraphs before it that names at least two of them."""
    b_start, _ = ctx.block_at(start)
    end, seen = start, 0
    while seen < 4:
        people: list[str] = []
        for m in ctx.mentions_in(b_start, end):
            if m.person not in skip and m.person not in people:
                people.append(m.person)
        if len(people) >= 2:
            return people
        if b_start < 2:
            return []
        if ctx.text[b_start:end].strip():
            seen += 1
        end = b_start
        b_start, _ = ctx.block_at(b_start - 1)
    return []


def _agreeing(ctx: Context, before: list, offset: int, skip: frozenset[str]) -> str:
    """The nearest person named before ``offset``, unless a pronoun after that name and
    before ``offset`` has the other gender ("... a poem by Taras Shevchenko ... for which
    she is serving"): then the nearest earlier person of the pronoun's gender."""
    last = before[-1]
    pronoun = None
    for m in _GENDERED.finditer(ctx.text, last.end, offset):
        pronoun = m
    if pronoun is None:
        return last.person
    want = "f" if pronoun.group().lower() in _FEMININE else "m"
    if ctx.genders.get(last.person, want) == want:
        return last.person
    b_start, _ = ctx.block_at(last.start)
    for m in reversed(ctx.mentions_in(b_start, last.start)):
        if m.person not in skip and ctx.genders.get(m.person) == want:
            return m.person
    return last.person


_GENDERED = re.compile(r"(?i)(?<!\w)(?:he|she|him|her|his|hers|он|она|его|её|ее|ему|ей)(?!\w)")
_FEMININE = frozenset({"she", "her", "hers", "она", "её", "ее", "ей"})


def _anaphoric_subject(ctx: Context, s_start: int, offset: int) -> bool:
    """The sentence opens by referring back to someone ("She was", "The then 18-year-old",
    "The activist"), so a person named later in it is an object, not its subject."""
    m = _ANAPHOR.match(ctx.text, s_start, offset)
    if m is None:
        return False
    noun = m.group("noun")
    return noun is None or noun.lower() in person_nouns()


_ANAPHOR = re.compile(r"(?i)[\s\"“‘«(]*(?:he|she|они|он|она)(?!\w)|[\s\"“‘«(]*the\s(?:then[\s-])?"
                      r"(?:\d{1,3}-year-old|(?:[a-z-]+\s)?(?P<noun>[a-z-]+)(?=\s(?:was|is|had|has|"
                      r"were|remains|spent|received|got|faces|denied|said)\b))")


def _gender_of(pronoun: str) -> str | None:
    """"f" or "m" for a gendered pronoun; None for "they", "его" (his, its) and the like."""
    low = pronoun.lower()
    if low in _FEMININE:
        return "f"
    return "m" if low in _MASCULINE else None


_MASCULINE = frozenset({"he", "him", "his", "он", "ему"})


def _previous_paragraph_person(ctx: Context, start: int, skip: frozenset[str],
                               want: str | None = None) -> str | None:
    """A paragraph that opens with a pronoun continues the person of the last paragraphs
    (at most three back) that named someone of the pronoun's gender."""
    end = start
    for _ in range(3):
        if end < 2:
            return None
        p_start, _ = ctx.block_at(end - 2)
        earlier = [m for m in ctx.mentions_in(p_start, end) if m.person not in skip
                   and (want is None or ctx.genders.get(m.person, want) == want)]
        if earlier:
            return earlier[-1].person
        end = p_start
    return None


def _bystanders(ctx: Context) -> frozenset[str]:
    """Persons whose roles say they are not the accused (relatives, lawyers, judges...)."""
    key = ("charges.bystanders", len(ctx.facts.persons))
    cached = ctx.scratch.get(key)
    if cached is None:
        cached = frozenset(
            p.id for p in ctx.facts.persons
            if set(p.roles) & _NOT_ACCUSED and not set(p.roles) & _ACCUSED)
        ctx.scratch[key] = cached
    return cached


_NOT_ACCUSED = frozenset({"relative", "lawyer", "judge", "official", "author"})
_ACCUSED = frozenset({"defendant", "political_prisoner"})
_PRONOUN = re.compile(r"(?i)\b(?:he|she|him|her|his|они|он|она|его|ее|её|ему|ей)\b")
