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
from collections.abc import Sequence
from functools import cache

from repression_kg.extract import subject_words as W
from repression_kg.extract.base import Context, PersonMention
from repression_kg.extract.person_roles import person_nouns
from repression_kg.extract.subject_groups import (
    conjoined,
    counted_group,
    earlier_plural_group,
    field_persons,
    group_size,
    joined_before,
    list_item_persons,
    listed_group,
    plural_here,
    previous_group,
    previous_sentence,
    stripped_end,
)
from repression_kg.extract.victims import victims


@cache
def _someone_else() -> W.Fast:
    return W.Fast(W.someone_else(person_nouns()))


#: how far before (and after) a fact in its sentence the words that refer to someone are
#: looked for
REACH = 400


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
    return _subject_person(ctx, offset, s_start, s_end, ctx.mentions_in(s_start, s_end),
                           _bystanders(ctx), also)


def _subject_person(ctx: Context, offset: int, s_start: int, s_end: int,
                    everyone: list[PersonMention], bystanders: frozenset[str],
                    also: re.Pattern[str] | None) -> str | None:
    """:func:`subject_person` in the sentence ``[s_start, s_end)``, which names
    ``everyone``."""
    relative = _receiving_relative(ctx, everyone, offset)
    if relative is not None:
        return relative
    if not everyone:
        kin = _kin_subject(ctx, s_start, offset)
        if kin is not None:
            return kin
    inside = [m for m in everyone if m.person not in bystanders]
    before = [m for m in inside if m.end <= offset]
    if before:
        return _agreeing(ctx, before, offset, bystanders)
    lo = max(s_start, offset - REACH)  # (a 5 MB "sentence" must not make this quadratic)
    low = ctx.lowered()
    pronoun = W.fast("pronoun").search(ctx.text, low, lo, offset)
    if inside and pronoun is None:
        # an opening clause whose subject comes after it, as a pronoun, before anyone is
        # named ("Fined in 2023 under Article 20.3.3 ..., she attached lines from Taras
        # Shevchenko's poem"): the pronoun's person
        pronoun = _CLAUSE_SUBJECT.search(ctx.text, offset, min(inside[0].start, offset + REACH))
    if inside and not _anaphoric_subject(ctx, s_start, offset) and not (
            pronoun and pronoun.group().lower() not in W.possessive()):
        return inside[0].person
    if pronoun is None and not inside:
        pronoun = W.fast("pronoun").search(ctx.text, low, offset, min(s_end, offset + REACH))
        # ("a case ... against him")
    if pronoun or _anaphoric_subject(ctx, s_start, offset) or W.fast("referring").search(
            ctx.text, low, lo, offset) or (
            also is not None and also.search(ctx.text, lo, offset)):
        want = _gender_of(pronoun.group()) if pronoun else None
        b_start, _ = ctx.block_at(offset)
        earlier = [m for m in ctx.mentions_in(b_start, s_start) if m.person not in bystanders
                   and (want is None or ctx.genders.get(m.person, want) == want)]
        if earlier:
            return _salient(ctx, earlier)
        # a paragraph that names nobody before this sentence continues the paragraphs
        # before it ("The application failed. ICE put him on a deportation flight."), when
        # the sentence opens the paragraph or has a pronoun of a gender
        if b_start == s_start or want is not None:
            earlier_person = _previous_paragraph_person(ctx, b_start, bystanders, want)
            if earlier_person is not None:
                return earlier_person
        return ctx.main_person if ctx.main_person not in bystanders else None
    if inside or _someone_else().search(ctx.text, low, lo, offset) or \
            not _charged_here(ctx, s_start):
        return None  # "two soldiers were sentenced": nobody we know
    return _unspoken_subject(ctx, offset, s_start, bystanders)


#: the subject pronoun right after an opening clause's comma
_CLAUSE_SUBJECT = re.compile(r"(?<=,\s)(?:he|she|they)(?=\s)")


def _charged_here(ctx: Context, s_start: int) -> bool:
    """The sentence, or the one before it (a heading: "What were they convicted of?"),
    says that someone was charged or punished, and does not discuss the law itself."""
    from repression_kg.extract.charges import has_cue  # charges imports this module
    cache: dict[int, bool] = ctx.scratch.setdefault("subjects.charged", {})
    if s_start in cache:
        return cache[s_start]
    _, s_end = ctx.sentence_at(s_start)
    sent = ctx.text[s_start:s_end].lower()
    prev_start, prev_end = previous_sentence(ctx, s_start)
    prev = ctx.text[prev_start:prev_end].lower()
    cache[s_start] = not has_cue(sent, "general") and (
        has_cue(sent, "cues") or has_cue(prev, "cues"))
    return cache[s_start]


def _unspoken_subject(ctx: Context, offset: int, s_start: int,
                      skip: frozenset[str]) -> str | None:
    """A sentence that names nobody and refers to nobody ("VERDICT. Guilty under Art.
    282.2(1)."; "The charge: ... under Part 2 of Article 207.3") goes on about the accused
    person its paragraph named last, else the person its paragraph's pronoun continues,
    else, in a document about one accused person (or that
    names only one person who is no bystander), that person."""
    b_start, _ = ctx.block_at(offset)
    earlier = [m for m in ctx.mentions_in(b_start, s_start) if m.person not in skip]
    if earlier:
        return _salient(ctx, earlier)
    pronoun = W.subject_pronoun().search(ctx.text, b_start, s_start)
    if pronoun is not None:  # a paragraph about "she": the person she continues
        person = _previous_paragraph_person(ctx, b_start, skip, _gender_of(pronoun.group()))
        if person is not None:
            return person
    elif b_start == s_start:
        # an answer to a question about "him" ("Q: What was he accused of? A: Three
        # posts, under Part 2 of Article 207.3"): the person the question continues
        q_start, q_end = previous_sentence(ctx, s_start)
        asked = W.subject_pronoun().search(ctx.text, q_start, q_end)
        if asked is not None and ctx.text[q_start:q_end].rstrip().endswith("?"):
            person = _previous_paragraph_person(ctx, ctx.block_at(q_start)[0], skip,
                                                _gender_of(asked.group()))
            if person is not None:
                return person
    accused = [p.id for p in ctx.facts.persons if set(p.roles) & W.roles()[1]] or [
        p.id for p in ctx.facts.persons if p.id not in skip]
    if accused == [ctx.main_person] and ctx.main_person is not None:
        return ctx.main_person
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
    fielded = field_persons(ctx, offset)
    if fielded is not None:
        return fielded
    listed = list_item_persons(ctx, offset)
    if listed is not None:
        return listed
    s_start, s_end = ctx.sentence_at(offset)
    bystanders = _bystanders(ctx)
    everyone = ctx.mentions_in(s_start, s_end)
    counted = counted_group(ctx, s_start, offset, bystanders)
    if counted:
        return _remember(ctx, offset, counted)
    before = _named_before(ctx, everyone, s_start, s_end, offset)
    if not any(m.person not in bystanders for m in before) and plural_here(ctx, s_start, s_end,
                                                                           offset):
        group = listed_group(ctx, s_start, bystanders) or \
            earlier_plural_group(ctx, s_start, bystanders) or \
            joined_before(ctx, s_start, bystanders) or \
            previous_group(ctx, s_start, bystanders) or _last_group(ctx, offset)
        size = group_size(ctx.text, max(0, s_start - 600), offset)
        if size and len(group) > size:
            group = group[-size:]  # "convicted three advocates who defended A. B ..., C, D"
        if group:
            return _remember(ctx, offset, group)
    person = _subject_person(ctx, offset, s_start, s_end, everyone, bystanders, also) \
        if ctx.person_mentions else ctx.main_person
    if person is None:
        return []
    persons = conjoined(ctx, s_start, offset, person, bystanders, before)
    if len(persons) == 1 and ctx.scratch.get("subjects.groups") and not everyone and not \
            W.fast("pronoun").search(
                ctx.text, ctx.lowered(), max(s_start, offset - REACH), min(s_end, offset + REACH)):
        # a sentence that names and refers to nobody goes on about the group the text
        # spoke of last, when its person is one of them ("Both men are charged ... The
        # court upholds the conviction but takes a year off: thirteen years")
        group = _last_group(ctx, offset)
        if person in group:
            return group
    return _remember(ctx, offset, persons)


def _named_before(ctx: Context, everyone: list[PersonMention], s_start: int, s_end: int,
                  offset: int) -> list[PersonMention]:
    """The mentions of the sentence ``[s_start, s_end)`` (which names ``everyone``) that
    start and end before ``offset``."""
    if offset > s_end:  # (not in its sentence: the mentions up to offset)
        return [m for m in ctx.mentions_in(s_start, offset) if m.end <= offset]
    return [m for m in everyone if m.start < offset and m.end <= offset]


#: how far after the last fact about several people a sentence naming nobody still
#: continues that group
GROUP_REACH = 2500


def _remember(ctx: Context, offset: int, persons: list[str]) -> list[str]:
    """Note ``persons`` as the group a fact at ``offset`` is about (when they are several)."""
    if len(persons) > 1:
        groups: list[tuple[int, list[str]]] = ctx.scratch.setdefault("subjects.groups", [])
        groups.append((offset, persons))
    return persons


def _last_group(ctx: Context, offset: int) -> list[str]:
    """The group of the nearest earlier fact about several people, within
    :data:`GROUP_REACH` characters before ``offset``; empty when there is none."""
    best: tuple[int, list[str]] | None = None
    for at, persons in ctx.scratch.get("subjects.groups", ()):
        if offset - GROUP_REACH <= at < offset and (best is None or at > best[0]):
            best = (at, persons)
    return list(best[1]) if best else []


def _agreeing(ctx: Context, before: list, offset: int, skip: frozenset[str]) -> str:
    """The nearest person named before ``offset``, unless a pronoun after that name and
    before ``offset`` has the other gender ("... a poem by Taras Shevchenko ... for which
    she is serving"): then the nearest earlier person of the pronoun's gender."""
    last = before[-1]
    pronoun = None
    for m in W.gendered().finditer(ctx.text, last.end, offset):
        pronoun = m
    if pronoun is not None:
        want = "f" if pronoun.group().lower() in W.gender_sets()[0] else "m"
    else:
        verb = None  # a Russian verb agrees with its subject: "... Навального получила"
        if not (W.russian_in_cyrillic() and ctx.text[last.end:offset].isascii()):
            for m in W.russian_verb().finditer(ctx.text, last.end, offset):
                verb = m
        if verb is None:
            return last.person
        want = "f" if verb.group(1) else "m"
    if ctx.genders.get(last.person, want) == want:
        return last.person
    b_start, _ = ctx.block_at(last.start)
    for earlier in reversed(ctx.mentions_in(b_start, last.start)):
        if earlier.person not in skip and ctx.genders.get(earlier.person) == want:
            return earlier.person
    return last.person


def _anaphoric_subject(ctx: Context, s_start: int, offset: int) -> bool:
    """The sentence opens by referring back to someone ("She was", "The then 18-year-old",
    "The activist"), so a person named later in it is an object, not its subject."""
    m = W.anaphor().match(ctx.text, s_start, offset)
    if m is None:
        return False
    noun = m.group("noun")
    return noun is None or noun.lower() in person_nouns()


def _gender_of(pronoun: str) -> str | None:
    """"f" or "m" for a gendered pronoun; None for "they", "его" (his, its) and the like."""
    low = pronoun.lower()
    if low in W.gender_sets()[0]:
        return "f"
    return "m" if low in W.gender_sets()[1] else None


def _previous_paragraph_person(ctx: Context, start: int, skip: frozenset[str],
                               want: str | None = None) -> str | None:
    """A paragraph that opens with a pronoun continues the person of the last paragraphs
    (at most three back) that named someone of the pronoun's gender."""
    end = start
    for _ in range(3):
        end = stripped_end(ctx.text, end)  # (the blank lines between are no paragraph)
        if end < 1:
            return None
        p_start, _ = ctx.block_at(end - 1)
        earlier = [m for m in ctx.mentions_in(p_start, end) if m.person not in skip
                   and (want is None or ctx.genders.get(m.person, want) == want)]
        if earlier:
            return _salient(ctx, earlier)
        end = p_start
    return None


def _bystanders(ctx: Context) -> frozenset[str]:
    """Persons whose roles say they are not the accused (relatives, lawyers, judges...),
    and the victims of the crimes told (:mod:`repression_kg.extract.victims`)."""
    known = len(ctx.facts.persons)  # (kept while no person is added)
    cached: tuple[int, frozenset[str]] | None = ctx.scratch.get("charges.bystanders")
    if cached is None or cached[0] != known:
        cached = ctx.scratch["charges.bystanders"] = (known, frozenset(
            p.id for p in ctx.facts.persons
            if set(p.roles) & W.roles()[0] and not set(p.roles) & W.roles()[1]) | victims(ctx))
    return cached[1]


def _salient(ctx: Context, earlier: list) -> str:
    """The person a pronoun most likely continues: of the latest sentence that names one of
    ``earlier``, the person it names first (its subject, as a rule: "A ... stood behind the
    presenter B ... She was detained" is about A), passing over sentences whose subject
    is itself a pronoun."""
    by_sentence: dict[int, list] = {}
    for m in earlier:
        by_sentence.setdefault(ctx.sentence_at(m.start)[0], []).append(m)
    for start in sorted(by_sentence, reverse=True):
        first = by_sentence[start][0]
        if not W.subject_pronoun().search(ctx.text, start, first.start):
            return first.person
        # "He gave legal help to people detained at the rallies for A": that sentence's
        # subject is the pronoun, so the person named first in it is not the one meant
    return earlier[0].person


def _receiving_relative(ctx: Context, everyone: list[PersonMention], offset: int
                        ) -> str | None:
    """A relative who is the subject of the punishment at ``offset``, else None."""
    last = next((m for m in reversed(everyone) if m.end <= offset), None)
    if last is None:
        return None
    listed = _roles_of(ctx, last.person)
    if "relative" not in listed:
        return None
    roles = set(listed)
    if roles & W.roles()[1] or roles & (W.roles()[0] - {"relative"}):
        return None
    if not W.receives().match(ctx.text, last.end, offset):
        return None
    return last.person


#: a sentence whose subject is someone's relative ("His mother, who was 69, received two
#: years"; "Before they could leave, his mother was held for ten days"), and the relatives
#: it may name
_KIN_OPENING = re.compile(r"[\s\"“‘«(]*(?:His|Her|Their)\s(?P<kin>mother|father|wife|husband|son|"
                          r"daughter|brother|sister)\b")
_KIN_SUBJECT = re.compile(r"(?<![\w-])(?:his|her|their)\s(?P<kin>mother|father|wife|husband|son|"
                          r"daughter|brother|sister)\s(?:was|is|had been|has been|received|got)\b")
_INVERSE_KIN = {"mother": ("son", "daughter"), "father": ("son", "daughter"),
                "son": ("mother", "father"), "daughter": ("mother", "father"),
                "wife": ("husband",), "husband": ("wife",), "brother": ("brother", "sister"),
                "sister": ("brother", "sister")}


def _kin_subject(ctx: Context, s_start: int, offset: int) -> str | None:
    """The relative a sentence about "his mother" is about: the nearest person the text
    introduced as such, within its paragraph or the 2,000 characters before — by
    apposition ("his mother, Viktoria Lik, ...") or as the other side of the relation
    ("Valentina Baranovskaya and her son Roman Baranovsky ... His mother ... received two
    years" is Valentina's term)."""
    m = _KIN_OPENING.match(ctx.text, s_start, offset) or _KIN_SUBJECT.search(
        ctx.text, s_start, offset)
    if m is None:
        return None
    kin = m.group("kin")
    inverse = "|".join(_INVERSE_KIN[kin])
    owner = re.compile(rf"\s+and\s+(?:his|her)\s+(?:{inverse})\s*,?\s*$")
    named = re.compile(rf"(?i)(?<![\w-])(?:his|her|their)\s+{kin}\s*,?\s*$")
    b_start = ctx.block_at(s_start)[0]
    for mention in reversed(ctx.mentions_in(max(0, b_start - 2000), s_start)):
        if named.search(ctx.text, max(0, mention.start - 24), mention.start):
            return mention.person  # "his mother, Viktoria Lik"
        before = ctx.mentions_in(max(0, mention.start - 80), mention.start)
        if before and owner.fullmatch(ctx.text, before[-1].end, mention.start):
            return before[-1].person  # "X and her son <the one 'his' is>"
    return None


def _roles_of(ctx: Context, person_id: str) -> Sequence[str]:
    for p in ctx.facts.persons:
        if p.id == person_id:
            return p.roles
    return []
