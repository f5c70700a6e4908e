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
    everyone = ctx.mentions_in(s_start, s_end)
    relative = _receiving_relative(ctx, everyone, offset)
    if relative is not None:
        return relative
    inside = [m for m in everyone if m.person not in bystanders]
    before = [m for m in inside if m.end <= offset]
    if before:
        return _agreeing(ctx, before, offset, bystanders)
    pronoun = _PRONOUN.search(ctx.text, s_start, offset)
    if inside and not _anaphoric_subject(ctx, s_start, offset) and not (
            pronoun and pronoun.group().lower() not in _POSSESSIVE):
        return inside[0].person
    if pronoun is None and not inside:
        pronoun = _PRONOUN.search(ctx.text, offset, s_end)  # "a case ... against him"
    if pronoun or _anaphoric_subject(ctx, s_start, offset) or _REFERRING.search(
            ctx.text, s_start, offset) or (
            also is not None and also.search(ctx.text, s_start, offset)):
        want = _gender_of(pronoun.group()) if pronoun else None
        b_start, _ = ctx.block_at(offset)
        earlier = [m for m in ctx.mentions_in(b_start, s_start) if m.person not in bystanders
                   and (want is None or ctx.genders.get(m.person, want) == want)]
        if earlier:
            return _salient(ctx, earlier)
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
    if (_EACH.search(ctx.text, s_start, offset) or _PLURAL.search(ctx.text, s_start, offset)) \
            and not any(
            m.end <= offset and m.person not in bystanders
            for m in ctx.mentions_in(s_start, offset)):
        group = _previous_group(ctx, s_start, bystanders)
        size = _group_size(ctx.text, max(0, s_start - 600), offset)
        if size and len(group) > size:
            group = group[-size:]  # "convicted three advocates who defended A. B ..., C, D"
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
                   r"all (?:two|three|four|five|six|seven|\d)(?: of them| men| women| defendants)?(?=\s(?:were|"
                   r"are|was|had|have|received|got)\b|[\s,]*$)|"
                   r"каждого|каждой|обоих|обеих)(?!\w)")
#: a plural pronoun as the one punished or charged ("found them guilty", "they were fined")
_PLURAL = re.compile(r"(?i)(?<!\w)(?:them|they (?:were|are|have been|had been|received|got|each)|"
                     r"их (?:приговорил\w*|осудил\w*|признал\w*|обвинил\w*|оштрафовал\w*)|"
                     r"они (?:получили|были|приговорены|осуждены))(?!\w)")
_FIELD = re.compile(r"(?im)^[ \t>*_#-]*(?:charges?|charged under|articles?|statutes?|"
                    r"verdict|sentence|punishment|penalty|обвинени[ея]|стать[яи]|приговор|"
                    r"наказание)[*_ ]*[:—–]")
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
        lines: list[tuple[int, list[str]]] = []
        for m in _DEFENDANTS.finditer(ctx.text):
            people: list[str] = []
            for mention in ctx.mentions_in(m.start(), m.end()):
                if mention.person not in people:
                    people.append(mention.person)
            if people:
                lines.append((m.start(), people))
        ctx.scratch[key] = lines
    # the nearest "Defendants:" line before (a bulletin of several cases has one each),
    # else the first one (a card may give its charges first)
    lines = ctx.scratch[key]
    before = [people for start, people in lines if start < line_start]
    if before or lines:
        return list(before[-1] if before else lines[0][1])
    return [ctx.main_person] if ctx.main_person else None


_COUNTS = {"both": 2, "pair": 2, "couple": 2, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "оба": 2, "обе": 2,
           "обоих": 2, "обеих": 2, "двое": 2, "двоих": 2, "трое": 3, "троих": 3, "четверо": 4,
           "четверых": 4}
#: a count of the people a plural speaks of: "three advocates", "all three", "both men"
_COUNT = re.compile(r"(?i)(?<!\w)(?:(?P<all>all|the|both|все|всех)\s)?(?P<n>both|pair|couple|two|"
                    r"three|four|five|six|seven|eight|nine|ten|оба|обе|обоих|обеих|двое|двоих|"
                    r"трое|троих|четверо|четверых)(?!\w)(?:\s(?:[\w-]+\s)?(?P<noun>(?!(?:years|"
                    r"months|weeks|days|hours|times|roubles|rubles|dollars|euros|decades)\b)"
                    r"(?:men|women|people|children|of them|\w+s))\b)?")


def _group_size(text: str, start: int, end: int) -> int | None:
    """The number of people the nearest count before ``end`` names, else None."""
    size = None
    for m in _COUNT.finditer(text, start, end):
        n = m.group("n").lower()
        # a bare English number is anything ("two of the charges"); a Russian one is people
        if m.group("noun") or m.group("all") or n in ("both", "pair", "couple") or \
                not n.isascii():
            size = _COUNTS[n]
    return size


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
    if pronoun is not None:
        want = "f" if pronoun.group().lower() in _FEMININE else "m"
    else:
        verb = None  # a Russian verb agrees with its subject: "... Навального получила"
        for m in _RU_VERB.finditer(ctx.text, last.end, offset):
            verb = m
        if verb is None:
            return last.person
        want = "f" if verb.group(1) else "m"
    if ctx.genders.get(last.person, want) == want:
        return last.person
    b_start, _ = ctx.block_at(last.start)
    for m in reversed(ctx.mentions_in(b_start, last.start)):
        if m.person not in skip and ctx.genders.get(m.person) == want:
            return m.person
    return last.person


#: Russian past-tense and short-participle forms that show the gender of their subject
_RU_VERB = re.compile(r"(?i)(?<!\w)(?:получил|приговорен|приговорён|осужден|осуждён|признан|"
                      r"задержан|арестован|оштрафован|отправлен)(а)?(?!\w)")
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
            return _salient(ctx, earlier)
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
#: pronouns that name whose something is ("his lawyer"), not who the sentence is about
_POSSESSIVE = frozenset({"his"})
#: a noun phrase that refers back to someone named before ("sentenced the 65-year-old")
_REFERRING = re.compile(r"(?i)(?<!\w)the\s(?:then[\s-])?(?:\d{1,3}-year-old|(?:activist|historian|"
                        r"journalist|blogger|artist|dissident|scientist|physicist|researcher|"
                        r"student|teacher|believer|conscript|soldier|serviceman|politician|"
                        r"defendant|pensioner|poet|musician|priest|deputy|councillor)s?)(?!\w)")


def _salient(ctx: Context, earlier: list) -> str:
    """The person a pronoun most likely continues: of the latest sentence that names one of
    ``earlier``, the person it names first (its subject, as a rule: "A ... stood behind the
    presenter B ... She was detained" is about A)."""
    last_sentence = ctx.sentence_at(earlier[-1].start)[0]
    for m in earlier:
        if m.start >= last_sentence:
            return m.person
    return earlier[-1].person


#: what may follow a relative named as the subject of a punishment ("His brother Oleg
#: receives three and a half years"): then the relative is the one punished
_RECEIVES = re.compile(r"(?i)[^.;:]{0,40}?(?<!\w)(?:receives|received|gets|got|was sentenced|"
                       r"is sentenced|were sentenced|was given|was jailed|was fined|"
                       r"was convicted|получил|получила|приговорен\w*|приговорён\w*|"
                       r"осужден\w*|осуждён\w*)(?!\w)")


def _receiving_relative(ctx: Context, everyone: list, offset: int) -> str | None:
    """A relative who is the subject of the punishment at ``offset``, else None."""
    before = [m for m in everyone if m.end <= offset]
    if not before:
        return None
    last = before[-1]
    roles = _roles_of(ctx, last.person)
    if "relative" not in roles or roles & _ACCUSED or roles & (_NOT_ACCUSED - {"relative"}):
        return None
    if not _RECEIVES.match(ctx.text, last.end, offset):
        return None
    return last.person


def _roles_of(ctx: Context, person_id: str) -> set[str]:
    for p in ctx.facts.persons:
        if p.id == person_id:
            return set(p.roles)
    return set()
