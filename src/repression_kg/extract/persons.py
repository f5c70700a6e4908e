"""Extractor: persons — names, aliases, surname-only mentions, birth years and roles.

A Latin name is a run of capitalised words anchored by a given name from
ontology/lookups/first-names.yml, by a cue such as "lawyer", "activist" right before it,
by a list of known names it stands in ("X, Y and Evan Z"), or by a Russian-looking surname
the text uses again on its own; ranks and titles ("Maj.", "President") are left out of the
name, and words of name-stopwords.yml never make one. Cyrillic names
("Жилину Михаилу Алексеевичу") are put in the nominative with pymorphy3 and transliterated;
the Latin form becomes the name unless the text has one, the Cyrillic nominative is an
alias. Names are merged by a comparison key of given name and surname, so patronymic and
transliteration variants become aliases of one person, while "Zhilina" stays apart from
"Zhilin". A surname alone ("Zhilin", "Zhilin's", "Жилина"), with initials ("M. A. Zhilin",
an alias too) or a given name alone where it reads as a person ("Mikhail wrote") is a
mention of the one person of the document with that name. Candidate names: see
:mod:`repression_kg.extract.person_names`; birth year and roles:
:mod:`repression_kg.extract.person_roles`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import compress

from repression_kg import lookups
from repression_kg.extract import person_aliases, public_figures, russian
from repression_kg.extract.base import Context, PersonMention
from repression_kg.extract.person_caps import caps_candidates
from repression_kg.extract.person_names import (
    LOWER,
    UPPER,
    Candidate,
    cyrillic_candidates,
    first_names,
    latin_candidates,
)
from repression_kg.extract.person_roles import assign_birth_years, assign_roles
from repression_kg.facts import Person

_FIRST_ALONE = re.compile(r"(?:['’]s)?,?\s+(?!(?:region|oblast|krai|district|city|province|court|"
                          r"prison|colony|street|область|области|край|района?)\b)[a-zа-яё]")
_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|to|from|near|of|в|из|под)\s+$")
# the look-behind after the first capital: the engine skips to capitals at C speed
_CAPITALISED = re.compile(rf"[{UPPER}А-ЯЁ](?<![\w.@/-][\s\S])[{LOWER}а-яё]+"
                          rf"(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}А-ЯЁ]?[{LOWER}а-яё]+)*")


@cache
def _gendered_first_names() -> dict[str, str]:
    data = lookups.load("first-names")
    out: dict[str, str] = {}
    for gender, mark in (("male", "m"), ("female", "f")):
        for name in data["cyrillic"][gender]:
            for variant in russian.latin_variants(str(name)):
                out.setdefault(variant.lower(), mark)
            out.setdefault(str(name).lower(), mark)
    return out


_FEMININE_SURNAME = re.compile(r"(?:ova|eva|yova|ina|yna|aya|skaya|tskaya|ская|цкая|ова|ева|ина)$")
_MASCULINE_SURNAME = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|skii|ий|ов|ев|ин|ый)$")


def gender(first: str, surname: str) -> str | None:
    """"m" or "f" when the given name or a Russian surname ending shows it."""
    mark = _gendered_first_names().get(first.lower())
    if mark:
        return mark
    if _FEMININE_SURNAME.search(surname):
        return "f"
    if _MASCULINE_SURNAME.search(surname):
        return "m"
    return None


@dataclass
class _Entity:
    name: str
    key: tuple[str, str]
    surname: str
    first: str
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def _key(first: str, surname: str) -> tuple[str, str]:
    return russian.token_key(first), russian.token_key(surname)


def _entities(cands: list[Candidate]) -> list[_Entity]:
    by_key: dict[tuple[str, str], _Entity] = {}
    order: list[_Entity] = []
    # Latin forms name the person; Cyrillic-only persons take their transliteration
    for cand in sorted(cands, key=lambda c: (c.cyrillic is not None, c.start)):
        key = _key(cand.first, cand.surname)
        ent = by_key.get(key)
        if ent is None:
            ent = _Entity(f"{cand.first} {cand.surname}", key, cand.surname, cand.first)
            by_key[key] = ent
            order.append(ent)
        ent.spans.append((cand.start, cand.end))
        for alias in (cand.surface, cand.cyrillic):
            if alias and alias != ent.name and alias not in ent.aliases:
                ent.aliases.append(alias)
    return order


def _surname_mentions(text: str, ents: list[_Entity], *, cyrillic: bool = True) -> None:
    """Add mentions of a surname alone (or a unique given name alone) to its person;
    ``cyrillic=False`` tells that the text has no Cyrillic letter."""
    taken = sorted(s for e in ents for s in e.spans)
    surnames: dict[str, list[_Entity]] = {}
    firsts: dict[str, list[_Entity]] = {}
    for ent in ents:
        surnames.setdefault(ent.surname, []).append(ent)
        firsts.setdefault(ent.first, []).append(ent)
        for alias in ent.aliases:
            if russian.is_cyrillic(alias):
                parts = russian.name_parts(alias)
                if "surname" in parts:
                    surnames.setdefault(parts["surname"], []).append(ent)
    names = surnames.keys() | firsts.keys()
    # where each span taken starts and ends: a word lies in the last span starting before it
    taken_starts, taken_ends = [s for s, _ in taken], [e for _, e in taken]
    for match in _words_to_test(text, names, cyrillic=cyrillic):
        word = match.group()
        start, end = match.span()
        i = bisect.bisect_right(taken_starts, start) - 1
        if i >= 0 and end <= taken_ends[i]:
            continue  # in a name found in full
        owners = surnames.get(word)
        if owners is None and word in firsts and _FIRST_ALONE.match(text, end) \
                and not _PLACE_BEFORE.search(text, max(0, start - 6), start):
            owners = firsts[word]  # "Mikhail wrote", not "Vladimir Oblast" or "in Vladimir"
        is_surname = owners is not None and word not in firsts
        if owners is None and russian.is_cyrillic(word):
            owners = [o for form in russian.surname_nominatives(word)
                      for o in surnames.get(form, [])]
            is_surname = True
        if owners and len(owners) > 1 and len({id(o) for o in owners}) > 1:
            owners = _prominent(owners, text)  # "Navalny": Alexei's, brother Oleg named once
        if owners and (len(owners) == 1 or len({id(o) for o in owners}) == 1):
            ent = owners[0]
            if is_surname:
                span = _with_initials(text, start, end, ent)
                if span is None:
                    continue  # "A. Zhilin" when the Zhilin we know is Mikhail: someone else
                initials = _initials_alias(text, span, (start, end), ent)
                if initials and initials not in ent.aliases and initials != ent.name:
                    ent.aliases.append(initials)
                start, end = span
            ent.spans.append((start, end))


def _words_to_test(text: str, names: set[str], *, cyrillic: bool = True) -> list[re.Match[str]]:
    """The capitalised words of the text that are in ``names`` or Cyrillic (any other word
    has no owner), in text order; in a text without a Cyrillic letter (``cyrillic=False``
    when the caller knows it), picked from all the words by C-level iteration."""
    words = list(_CAPITALISED.finditer(text))
    if not cyrillic or not russian.is_cyrillic(text):
        return list(compress(words, map(names.__contains__, map(re.Match.group, words))))
    return [m for m, word in zip(words, map(re.Match.group, words), strict=True)
            if word in names or not word.isascii() and russian.is_cyrillic(word)]


def _prominent(owners: list[_Entity], text: str) -> list[_Entity]:
    """Of people who share a surname, the one named in full at least twice as often as each
    other (a surname alone is then that person's), or the only one not introduced as a
    relative ("His father, Ihor Hryb": "Hryb" is the son's); else all of them (nobody's)."""
    unique = list({id(o): o for o in owners}.values())
    ranked = sorted(unique, key=lambda o: len(o.spans), reverse=True)
    if len(ranked[0].spans) >= 2 * len(ranked[1].spans):
        return [ranked[0]]
    others = [o for o in unique if not _KIN_BEFORE.search(text, max(0, min(o.spans)[0] - 30),
                                                           min(o.spans)[0])]
    return others if len(others) == 1 else unique


#: a kinship noun that introduces a name ("His father, Ihor Hryb", "его жена Анна")
_KIN_BEFORE = re.compile(r"(?i)(?<!\w)(?:father|mother|wife|husband|son|daughter|brother|"
                         r"sister|widow|widower|uncle|aunt|cousin|grandfather|grandmother|"
                         r"отец|мать|жена|муж|сын|дочь|брат|сестра|вдова)[,:]?\s+$")


def _initials_alias(text: str, span: tuple[int, int], word: tuple[int, int],
                    ent: _Entity) -> str | None:
    """"M. A. Zhilin" as written; a Cyrillic surname put in the nominative the person's
    Cyrillic alias has ("Жилина М. А." → "Жилин М. А.")."""
    if span == word:
        return None
    surname = text[word[0]:word[1]]
    if russian.is_cyrillic(surname):
        known = [russian.name_parts(a).get("surname") for a in ent.aliases
                 if russian.is_cyrillic(a)]
        surname = next((k for k in known if k and surname in russian.surname_nominatives(k)
                        or k in russian.surname_nominatives(surname)), surname)
    return (text[span[0]:word[0]] + surname + text[word[1]:span[1]]).strip()


_INITIALS_BEFORE = re.compile(r"(?<![\w.])((?:[A-ZА-ЯЁ]\.\s?){1,2}\s?)$")
_INITIALS_AFTER = re.compile(r"\s(?:[A-ZА-ЯЁ]\.\s?){0,1}[A-ZА-ЯЁ]\.(?![^\W\d_])")


def _with_initials(text: str, start: int, end: int, ent: _Entity) -> tuple[int, int] | None:
    """The span of a surname with the initials written beside it ("M. A. Zhilin",
    "Жилин М. А."), or None when the first initial is not the person's."""
    before = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
    after = _INITIALS_AFTER.match(text, end) if before is None else None
    if before is None and after is None:
        return start, end
    initial = (before or after).group().strip()[0]  # type: ignore[union-attr]
    firsts = {ent.first[:1]} | {russian.name_parts(a).get("first", " ")[:1]
                                for a in ent.aliases if russian.is_cyrillic(a)}
    latin = russian.transliterate(initial)[:1]
    if initial not in firsts and latin not in firsts and not (
            latin in "EY" and ent.first[:1] in "EY"):
        return None
    return (before.start(), end) if before else (start, after.end())  # type: ignore[union-attr]


def extract_persons(ctx: Context) -> None:
    """Fill ``ctx.facts.persons``, ``ctx.person_mentions`` (sorted) and ``ctx.main_person``."""
    text = ctx.text
    # one search for a Cyrillic letter spares a text without one two scans for Cyrillic names
    cyrillic = russian.is_cyrillic(text)
    cands = latin_candidates(text) + (cyrillic_candidates(text) if cyrillic else []) + \
        caps_candidates(text, cyrillic=cyrillic)
    cands = _drop_overlaps(cands + _known_candidates(text, cands))
    ents = _entities(cands)
    ents.extend(_given_name_only(text, ents))
    _surname_mentions(text, ents, cyrillic=cyrillic)
    ents = _merge_named_twice(text, ents)
    persons: list[Person] = []
    mentions: list[PersonMention] = []
    for n, ent in enumerate(sorted(ents, key=lambda e: min(e.spans)), start=1):
        pid = f"p{n}"
        spans = sorted(set(ent.spans))
        persons.append(Person(id=pid, name=ent.name, aliases=ent.aliases,
                              mentions=[ctx.span(s, e) for s, e in spans]))
        mentions.extend(PersonMention(s, e, pid) for s, e in spans)
        mark = gender(ent.first, ent.surname)
        if mark:
            ctx.genders[pid] = mark
    mentions.sort(key=lambda m: (m.start, m.end))
    ctx.facts.persons.extend(persons)
    ctx.person_mentions = mentions
    assign_birth_years(ctx, persons)
    assign_roles(ctx, persons)
    offices = public_figures.offices()
    for person in persons:
        role = offices.get(person.name)
        if role:  # a head of state in a sentence about a charge is not its defendant
            person.roles = [r for r in person.roles if r not in ("defendant",
                                                                "political_prisoner")]
            if role not in person.roles:
                person.roles.append(role)
    ctx.main_person = _main_person(persons)


def _merge_named_twice(text: str, ents: list[_Entity]) -> list[_Entity]:
    """One entity for two names the text says are one person's ("Hryb, who is known as
    Pavel Grib"); see :mod:`repression_kg.extract.person_aliases`. The name used more
    often names the person."""
    owner = {span: ent for ent in ents for span in ent.spans}
    pairs = person_aliases.same_person_pairs(text, sorted(owner))
    if not pairs:
        return ents
    merged: dict[int, _Entity] = {}  # id of an entity merged away -> the one it joined

    def find(ent: _Entity) -> _Entity:
        while id(ent) in merged:
            ent = merged[id(ent)]
        return ent

    for first, second in pairs:
        a, b = find(owner[first]), find(owner[second])
        if a is b:
            continue
        keep, gone = (a, b) if (-len(set(a.spans)), min(a.spans)) <= \
            (-len(set(b.spans)), min(b.spans)) else (b, a)
        keep.spans.extend(gone.spans)
        for alias in (gone.name, *gone.aliases):
            if alias != keep.name and alias not in keep.aliases:
                keep.aliases.append(alias)
        merged[id(gone)] = keep
    return [ent for ent in ents if id(ent) not in merged]


#: a person the text names by a given name alone, after a kinship noun or a title that
#: tells it is a person ("his daughter Masha", "Talantov's wife, Olga", "Patriarch Kirill");
#: the pattern opens with the noun (fast to find), the possessive before it is checked apart
_GIVEN_ONLY = re.compile(
    r"(?P<noun>wife|husband|son|daughter|brother|sister|mother|father|partner|fiancée|fiance|"
    r"grandson|granddaughter|Patriarch|Metropolitan|Archbishop|Bishop|Imam|Rabbi|Pastor)"
    rf"\s*,?\s+(?P<name>[{UPPER}][{LOWER}]+)(?![\w-]|\s+[{UPPER}]|['’]s\s+[{UPPER}])")
_KIN_OWNER = re.compile(rf"(?<!\w)(?:[Hh]is|[Hh]er|[Tt]heir|[{UPPER}][{LOWER}'’-]+['’]s)\s+"
                        r"(?:(?:grown-up|young|teenage|adult|late|elder|younger|eldest|"
                        r"youngest|little)\s+)?$")


def _given_name_only(text: str, ents: list[_Entity]) -> list[_Entity]:
    """People named by a known given name alone after a kinship noun ("his", "her" or a
    name's "'s" before it) or a title, when no one the text names in full has that given
    name (then it is a mention of that person)."""
    firsts = first_names()
    known = {e.first for e in ents}
    out: dict[str, _Entity] = {}
    for m in _GIVEN_ONLY.finditer(text):
        name = m.group("name")
        if name not in firsts or name in known:
            continue
        if m.group("noun")[0].islower() and not _KIN_OWNER.search(
                text, max(0, m.start() - 40), m.start()):
            continue  # "the son Masha" or "a father": no owner, no person named
        if m.start() and text[m.start() - 1].isalpha():
            continue  # inside a word ("grandson" is matched whole, "Jason" is no son)
        ent = out.get(name)
        if ent is None:
            ent = out[name] = _Entity(name, _key(name, ""), "", name)
        ent.spans.append(m.span("name"))
    return list(out.values())


def _known_candidates(text: str, cands: list[Candidate]) -> list[Candidate]:
    surnames = [c.surname for c in cands]
    return [Candidate(start, end, first, surname, None, f"{first} {surname}")
            for start, end, first, surname in public_figures.named_alone(text, surnames)]


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.end)):
        if out and cand.start < out[-1].end:
            continue
        out.append(cand)
    return out


def _main_person(persons: list[Person]) -> str | None:
    counts = Counter({p.id: len(p.mentions) for p in persons})
    ranked = sorted(persons, key=lambda p: (-counts[p.id], p.id))
    for want in ("defendant", "political_prisoner"):
        for person in ranked:
            if want in person.roles:
                return person.id
    for person in ranked:
        if not {"lawyer", "judge", "official", "author", "journalist"} & set(person.roles):
            return person.id
    return None
