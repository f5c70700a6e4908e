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
from repression_kg.extract.base import Context, PersonMention, finditer_in_sentences
from repression_kg.extract.literals import word_index
from repression_kg.extract.prescan_group import PrescanGroup, _trie
from repression_kg.extract.victims import victims
from repression_kg.facts import Person, PersonRole

_YEAR = r"(?:19|20)\d\d"
_BORN_AFTER = re.compile(
    rf"\s*[,(]?\s*(?:(?:was|is)\s+)?(?:born(?:\s+(?:in|on))?|b\.|род\.|родился|родилась|родившегося|родившейся|"
    rf"родившийся|родившаяся)\s*"
    # the birthplace first: "born in Odessa in 1972", "родился в Одессе в 1972 году"
    rf"(?:(?<=in\s)[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){{0,2}},?\s+(?=in\s|on\s)"
    rf"|в\s+[А-ЯЁ][а-яё-]+,?\s+(?=в\s))?(?:in\s+|on\s+|в\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+[^\W\d]{{3,10}},?\s+|[A-Z][a-z]{{2,8}}\s+\d{{1,2}},?\s+)?"
    rf"({_YEAR})(?!\d)"
    rf"|[\s,(]*(?:\d{{1,2}}\s+[а-яё]{{3,8}}\s+)?({_YEAR})\s*(?:г\.\s?р\.|года\s+рождения)")
_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(\d{1,2})(?:\s*[,)]|\s+(?:years?\s+old|лет|года|год)\b)"
                        r"|,?\s+aged\s+(\d{1,2})\b")
_AGE_BEFORE = re.compile(r"(\bthen\s+|тогда\s+)?\b(\d{1,2})-(?:year-old|летн[а-я]*)"
                         r"(?:[\s\-]+[^\W\d_]+){0,3}[\s,]*$")
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
def _appositive() -> tuple[re.Pattern[str], dict[str, PersonRole]]:
    """The pattern for a cue noun right after a name ("Anna Orlova, a lawyer"); the name
    of the group that matched gives the role. (Cues right before a name are looked up
    word by word: see :func:`_cue_roles`.) A role's cues are a trie (``a(?:b|c)``: fewer
    tries per offset), which takes the longest cue that matches, as the cues longest first
    would, unless two part at letters that are one ignoring case (:func:`_parts_by_case`)."""
    groups = []
    names: dict[str, PersonRole] = {}
    for n, (role, cues) in enumerate(lookups.load("roles")["appositive"].items()):
        forms = sorted({str(c) for c in cues})
        alt = "|".join(re.escape(c) for c in sorted(forms, key=len, reverse=True)) \
            if _parts_by_case(forms) else _trie(forms)
        groups.append(f"(?P<r{n}>{alt})")
        names[f"r{n}"] = role
    alt = "|".join(groups)
    # (a line break after the comma only in wrapped prose, "Anna Orlova,\na lawyer"; not in
    # a court record's list of parties, "подсудимого Гершковича Э.,\nзащитника — адвоката")
    after = re.compile(rf"[ \t]*,(?:[ \t]*|[ \t]*\n[ \t]*(?=(?i:a|an|the|his|her|their)\s))"
                       rf"(?i:(?:a|an|the|his|her|their|its|one\s+of\s+(?:his|her|the))"
                       rf"\s+)?(?:[\w-]+\s+){{0,2}}?(?i:(?:{alt}))\b")
    return after, names


def _parts_by_case(forms: list[str]) -> bool:
    """Whether two ``forms`` differ first at letters one ignoring case ("Judge", "judges")."""
    for k, a in enumerate(forms):
        for b in forms[k + 1:]:
            i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None)
            if i is not None and re.fullmatch(f"(?i:{re.escape(a[i])})", b[i]):
                return True
    return False


#: a verb right after "Name, the judge": the noun is the subject of the next clause
#: ("According to Khasoyev, the judge said ..."), not an apposition of the name
_SPEAKS = re.compile(r"\s+(?:said|says|told|asked|ruled|wrote|added|noted|explained|decided|"
                     r"refused|replied|declared|ordered|sentenced|found)\b")


@cache
def _cue_roles() -> dict[str, PersonRole]:
    """Appositive cue phrase (lower case) → role."""
    return {str(c).lower(): role for role, cues in lookups.load("roles")["appositive"].items()
            for c in cues}


@cache
def _cue_pattern(section: str, key: str) -> re.Pattern[str]:
    cues = lookups.load("roles")[section][key]
    alt = "|".join(re.escape(str(c)) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?i:(?<![\w-])(?:{alt})(?![\w-]))")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "prisoner_list": re.compile(
            r"(?i:\bprisoners,?\s+(?:(?:which|who)\s+)?(?:include|including|among\s+them|such\s+as)"
            r"|\bполитзаключённ\w*,?\s+(?:в\s+том\s+числе|среди\s+которых))"),
        "letter": re.compile("(?i:(?<![\\w-])(?:" + "|".join(
            f"(?:{c})" for c in lookups.load("events")["events"]["letter"]["patterns"])
            + ")(?![\\w-]))"),
        "signature": re.compile("(?i:(?<![\\w-])(?:" + "|".join(
            re.escape(str(c)) for c in lookups.load("roles")["signature_cues"]) + "))"),
    }


def _add(person: Person, role: PersonRole) -> None:
    if role not in person.roles:
        person.roles.append(role)


#: ", born 1990" later in the clause that names someone ("Alexandra Skochilenko, artist
#: and musician from St Petersburg, born 1990"), or an apposition's "who was born" ("Igor
#: Baryshnikov, a retired engineer from Sovetsk who was born in that town in January
#: 1959"); the clause may wrap onto the next line
_BORN_LATER = (
    re.compile(rf"(?:[^.;\n]|\n(?!\s*\n)){{0,80}}?,\s*(?:born(?:\s+in)?|b\.)\s*({_YEAR})(?!\d)"),
    re.compile(rf"\s*,(?:[^.;,\n]|\n(?!\s*\n)){{0,80}}?\s+who\s+was\s+born\s+"
               rf"(?:[^\W\d]+\s+){{0,6}}?({_YEAR})(?!\d)"),
)


def _born_later(ctx: Context, end: int) -> int | None:
    for pattern in _BORN_LATER:
        m = pattern.match(ctx.text, end)
        if m is not None:
            if ctx.mentions_in(end, m.start(1)):
                return None  # (another person named before "born": it is that person's year)
            return int(m.group(1))
    return None


#: a record's "Born:" line ("**Born:** 4 June 1976, Butyn")
_BORN_FIELD = re.compile(rf"(?im)^[ \t*_>-]*(?:born|date of birth|родил\w*|дата рождения)"
                         rf"[*_ ]*:[*_ ]*(?:[^\n]{{0,30}}?)({_YEAR})(?!\d)")


def _born_field(ctx: Context, end: int) -> int | None:
    """The year of a "Born:" field line within the three lines after a mention, when no
    other person is named in between (a record names its person, then the fields)."""
    text = ctx.text
    stop = end
    for _ in range(3):
        nl = text.find("\n", stop, stop + 300)  # a field line is short: look no further
        if nl < 0:
            return None
        stop = nl + 1
        m = _BORN_FIELD.match(text, stop)
        if m is not None:
            return None if ctx.mentions_in(end, m.start()) else int(m.group(1))
    return None


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
            if m:
                stated = int(m.group(1) or m.group(2))
            else:
                stated = _born_later(ctx, span.end) or _born_field(ctx, span.end)
            if stated is not None:
                break  # a stated year is the year: no later mention, no age changes it
            if ref_year is None or from_age is not None:
                continue
            m = _AGE_AFTER.match(after)
            age = int(m.group(1) or m.group(2)) if m else None
            if age is None:
                before = text[max(0, span.start - 60):span.start]
                # every match holds "-year-old" or "-летн": a substring test skips the rest
                b = _AGE_BEFORE.search(before) if "-year-old" in before or \
                    "-летн" in before else None
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
    pat_after, names = _appositive()
    cue_roles = _cue_roles()
    tails = _cue_tails()
    for person in persons:
        for span in person.mentions:
            before = text[max(0, span.start - 40):span.start]
            words = before.replace(",", " ").split()
            # every phrase tried ends with the last word: most words end no cue
            for size in (1, 2, 3) if words and words[-1].rstrip(":").lower() in tails else ():
                if len(words) < size:
                    break
                phrase = " ".join(words[-size:]).rstrip(":")
                role = title_roles.get(phrase) or cue_roles.get(phrase.lower())
                if role and not _plural_before_one(text, before, phrase, span.end, cue_roles):
                    _add(person, role)
            # the pattern opens with r"\s*,": no comma after the spaces, no match
            match = pat_after.match(text, span.end, span.end + 60) \
                if text[span.end:span.end + 60].lstrip()[:1] == "," else None
            if match and match.lastgroup and not _SPEAKS.match(text, match.end()):
                _add(person, names[match.lastgroup])
    _sentence_roles(ctx, by_id)
    _byline(ctx, by_id)


def _plural_before_one(text: str, before: str, phrase: str, end: int,
                       cue_roles: dict[str, PersonRole]) -> bool:
    """A plural cue, a comma, then one name that no other follows: the cue ends a clause
    ("When we last heard from his lawyers, Movlayev was held"), it names nobody's role
    ("his lawyers, Murat Adam and Rena Kerimova" does)."""
    low = phrase.lower()
    return low.endswith("s") and low[:-1] in cue_roles and before.rstrip().endswith(",") \
        and not _ANOTHER_NAME.match(text, end)


#: another name right after one ("..., Murat Adam and Rena Kerimova")
_ANOTHER_NAME = re.compile(r"\s*(?:,|and|&|и)\s*[A-ZА-ЯЁ]")


@cache
def _cue_tails() -> frozenset[str]:
    """The last words (lower case) of the titles and appositive cues: a phrase before a
    name is one of them only if its last word is one of these."""
    return frozenset(c.split(" ")[-1].lower() for c in [*titles(), *_cue_roles()])


def _cue_spans(ctx: Context, section: str, key: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of a literal cue list of roles.yml."""
    low = ctx.lowered()
    if low is None:
        return [m.span() for m in _cue_pattern(section, key).finditer(ctx.text)]
    return word_index(ctx.scratch, low).find(_literals(section, key))


@cache
def _literals(section: str, key: str) -> frozenset[str]:
    return frozenset(str(c).lower() for c in lookups.load("roles")[section][key])


def _sentence_roles(ctx: Context, by_id: dict[str, Person]) -> None:
    pats = _patterns()
    starts = [m.start for m in ctx.person_mentions]
    text = ctx.text
    # officials can be defendants too (a municipal deputy, a former governor); lawyers and
    # judges named beside a verdict are not
    skip = frozenset(pid for pid, p in by_id.items()
                     if {"lawyer", "judge"} & set(p.roles)) | victims(ctx)
    in_sentence: dict[tuple[int, int], list[PersonMention]] = {}  # for _nearest
    for role, section in (("defendant", "verbs"), ("political_prisoner", "predicates")):
        for cue_start, cue_end in _cue_spans(ctx, section, role):
            if role == "political_prisoner" and text[cue_end:cue_end + 1] == "s":
                continue
            for pid in _nearest(ctx, starts, cue_start, cue_end, skip, in_sentence):
                _add(by_id[pid], role)  # type: ignore[arg-type]
    skip_letter = {"lawyer", "judge", "official"}
    for cue in _letter_cues(ctx, pats["letter"]):
        s_start, s_end = ctx.sentence_at(cue.start())
        for mention in ctx.person_mentions[bisect.bisect_left(starts, s_start):]:
            if mention.start >= s_end:
                break
            if not skip_letter & set(by_id[mention.person].roles):
                _add(by_id[mention.person], "author")
    for key, role, stems in (("signature", "author", ("sign", "подпис")),
                             ("prisoner_list", "political_prisoner", ("prisoners", "политзаключ"))):
        for cue in finditer_in_sentences(ctx, pats[key], stems):
            _, s_end = ctx.sentence_at(cue.start())
            lo = bisect.bisect_left(starts, cue.end())
            for mention in ctx.person_mentions[lo:]:
                if mention.start >= s_end:
                    break
                _add(by_id[mention.person], role)  # type: ignore[arg-type]


def _letter_cues(ctx: Context, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """``finditer_in_sentences(ctx, pattern, _letter_stems())``, from the offsets the
    event cues' group finds once per document when it holds the same pattern (the
    events extractor's letter cue)."""
    member = _letter_member()
    if member is not None:
        group, k = member
        if group.scans[k].pattern.pattern == pattern.pattern and \
                group.scans[k].pattern.flags == pattern.flags:
            return group.in_sentences(ctx, k, _letter_stems())
    return finditer_in_sentences(ctx, pattern, _letter_stems())


@cache
def _letter_member() -> tuple[PrescanGroup, int] | None:
    """The event cues' group and the member that is the letter cue (with these stems)."""
    from repression_kg.extract import events, scan_groups  # as scan_groups: when needed

    group = scan_groups.cues_and_descriptions()[0]
    for k, (kind, stems, _pattern) in enumerate(events._cues()):
        if kind == "letter" and stems == _letter_stems():
            return group, k
    return None


@cache
def _letter_stems() -> tuple[str, ...]:
    return tuple(str(s).lower() for s in lookups.load("events")["events"]["letter"]["stems"])


def _nearest(ctx: Context, starts: list[int], cue_start: int, cue_end: int,
             skip: frozenset[str],
             in_sentence: dict[tuple[int, int], list[PersonMention]]) -> list[str]:
    """Whom a defendant or political-prisoner cue concerns.

    The person named nearest before the cue in its sentence, else right after it (an
    object: "sentenced Ivan Petrov"), else nearest before it in its paragraph, else — when
    the sentence speaks of "he"/"she" — the most-mentioned person of the document.
    Lawyers, judges and officials are never made defendants this way. ``in_sentence``
    keeps, per sentence, the mentions in it of persons not skipped (several cues share one).
    """
    s_start, s_end = ctx.sentence_at(cue_start)
    here = in_sentence.get((s_start, s_end))
    if here is None:
        lo = bisect.bisect_left(starts, s_start)
        hi = bisect.bisect_left(starts, s_end)
        here = in_sentence[s_start, s_end] = [m for m in ctx.person_mentions[lo:hi]
                                              if m.person not in skip]
    text = ctx.text
    before = [m for m in here if m.end <= cue_start]
    if before and not _SUBJECT.search(text, before[-1].end, cue_start):
        out = [before[-1].person]
        for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
            if not _COORDINATED.fullmatch(text, prev.end, nxt.start):
                break
            out.append(prev.person)  # "X and Y were charged"
        return out
    after = [m for m in here if cue_end <= m.start <= cue_end + 40]
    if after:
        return [after[0].person]
    if not _PRONOUN.search(text, s_start, s_end):
        return []  # "police detained dozens": nobody we know
    b_start, _ = ctx.block_at(cue_start)
    lo = bisect.bisect_left(starts, b_start)
    hi = bisect.bisect_left(starts, s_end)
    block = [m for m in ctx.person_mentions[lo:hi]
             if m.end <= min(cue_start, s_start) and m.person not in skip]
    if block:
        return [block[-1].person]
    if "role_counts" not in ctx.scratch:
        ctx.scratch["role_counts"] = Counter(
            m.person for m in ctx.person_mentions if m.person not in skip).most_common(2)
    top = ctx.scratch["role_counts"]
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
