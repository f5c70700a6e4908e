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
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context, find_literals
from repression_kg.extract.person_roles import person_nouns
from repression_kg.facts import Charge, Modifier

_NUM = r"\d{1,3}(?:\.\d{1,2}){0,2}"
_PART_WORD = r"(?:Part|part|Parts|parts|Paragraph|paragraph|para\.?|Para\.?|p\.|P\.|ч\.|части|часть|частью|частей)"
_ART_WORD = (r"(?:Articles|articles|Article|article|Arts?\.|arts?\.|ст\.|статьи|статья|статье|статьей"
             r"|статьёй|статьям|статей|Статьи|Статья)")
#: one cited article: "Part 2 of Article 280.3", "ч. 2 ст. 207.3", "Article 205.5(2), Part 2"
_ITEM = re.compile(
    rf"(?:{_PART_WORD}\s?(?P<pre>\d{{1,2}})(?:\s?(?:и|and|,)\s?\d{{1,2}})?,?\s(?:of\s)?)?"
    rf"{_ART_WORD}\s?(?P<art>{_NUM})(?!\d)(?:\s?\((?P<par>\d{{1,2}})\))?"
    rf"(?:,?\s{_PART_WORD}\s?(?P<post>\d{{1,2}})\b,?)?")
#: a further number of a list: "Articles 280.3 and 207.3", "ст. 207.3, 280.3"
_MORE = re.compile(rf"\s?(?:,|and|or|и|&)\s?(?:{_PART_WORD}\s?(?P<pre>\d{{1,2}})\s(?:of\s)?)?"
                   rf"(?P<art>{_NUM})(?!\d)(?:\s?\((?P<par>\d{{1,2}})\))?")
#: what joins Article 30 to the article it modifies
_JOIN = re.compile(r"[\s,;–—-]{0,4}(?:in conjunction with|in connection with|combined with|"
                   r"together with|and|в связи с|и)?[\s,;–—-]{0,4}")
_STEMS = ("art", "ст.", "стат", "part", "ч.")


@cache
def _codes() -> tuple[re.Pattern[str], dict[str, str]]:
    data = lookups.load("charges")
    table = {str(f).lower(): code for code, forms in data["codes"].items() for f in forms}
    table.update({str(f).lower(): "" for f in data["not_a_code"]})
    forms = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
    return pattern, table


@cache
def _descriptions() -> list[tuple[re.Pattern[str], str, str, str | None]]:
    out = []
    for entry in lookups.load("charges")["descriptions"]:
        pattern = re.compile("(?i)" + "|".join(f"(?:{p})" for p in entry["patterns"]))
        out.append((pattern, entry.get("code", "RU-CC"), str(entry["article"]),
                    str(entry["admin"]) if entry.get("admin") else None))
    return out


@cache
def _words(key: str) -> list[str]:
    return [str(w).lower() for w in lookups.load("charges")[key]]


def has_cue(low: str, key: str) -> bool:
    """True when lower-case ``low`` has one of the whole-word cues listed under ``key``."""
    return bool(find_literals(low, _words(key)))


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
    if _PRONOUN.search(ctx.text, s_start, offset) or _anaphoric_subject(ctx, s_start, offset) or (
            also is not None and also.search(ctx.text, s_start, offset)):
        b_start, _ = ctx.block_at(offset)
        earlier = [m for m in ctx.mentions_in(b_start, s_start) if m.person not in bystanders]
        if earlier:
            return earlier[-1].person
        if b_start == s_start:
            earlier_person = _previous_paragraph_person(ctx, b_start, bystanders)
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
                     r"(?:[a-z-]+\s){0,2}$|(?:</?\w+>|\s)*,\s*$")


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
    if len(out) > 1 and not _JOINED_END.match(ctx.text, before[-1].end, offset):
        return [person]
    return out


#: what may stand between the last of joined names and the fact they share
_JOINED_END = re.compile(r"[^.;:]{0,80}?(?:were|are|have been|had been|both|each|"
                         r"sentenced|charged|convicted|received|got|jailed|приговорен\w*|"
                         r"осужден\w*|получили)")


_EACH = re.compile(r"(?i)(?<!\w)(?:each(?: of them)?|both(?: of them| men| women)?|"
                   r"all (?:two|three|four|five|six|seven|\d) (?:of them|men|women|defendants)|"
                   r"каждого|каждой|обоих|обеих)(?!\w)")
_FIELD = re.compile(r"(?im)^[ \t>*_#-]*(?:charges?|charged under|articles?|statutes?|"
                    r"обвинени[ея]|стать[яи])[*_ ]*[:—–]")
_DEFENDANTS = re.compile(r"(?im)^[ \t>*_#-]*(?:defendants?|accused|co-defendants|"
                         r"подсудим\w+|обвиняем\w+|фигурант\w*)[*_ ]*[:—–][^\n]*")


def _field_persons(ctx: Context, offset: int) -> list[str] | None:
    """The people a field line ("Charge: ...") is about, or None when ``offset`` is not
    on such a line."""
    line_start = ctx.text.rfind("\n", 0, offset) + 1
    if not _FIELD.match(ctx.text, line_start) or _FIELD.match(ctx.text, line_start).end() > offset:
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


def _previous_paragraph_person(ctx: Context, start: int, skip: frozenset[str]) -> str | None:
    """A paragraph that opens with a pronoun continues the person of the last paragraphs
    (at most three back) that named someone."""
    end = start
    for _ in range(3):
        if end < 2:
            return None
        p_start, _ = ctx.block_at(end - 2)
        earlier = [m for m in ctx.mentions_in(p_start, end) if m.person not in skip]
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


def extract_charges(ctx: Context) -> None:
    found: dict[tuple[str, str, str, str | None, str | None], Charge] = {}
    numbered: set[tuple[int, str, str]] = set()  # (sentence start, person, article)
    low = ctx.lowered() or ctx.text.lower()
    if any(stem in low for stem in _STEMS):
        for start, end, code, article, part, modifier in _citations(ctx):
            if _is_general(ctx, start):
                continue
            for person in subject_persons(ctx, start):
                _add(ctx, found, Charge(person, code, article, part, modifier, True), start, end)
                numbered.add((ctx.sentence_at(start)[0], person, article))
    for pattern, code, article, admin in _descriptions():
        for m in pattern.finditer(ctx.text):
            s_start, s_end = ctx.sentence_at(m.start())
            sent = ctx.text[s_start:s_end].lower()
            if not has_cue(sent, "cues") or _is_general(ctx, m.start()):
                continue
            for person in subject_persons(ctx, m.start()):
                _described(ctx, found, numbered, person, (code, article, admin), m)
    for charge in found.values():
        charge.mentions = sorted(set(charge.mentions))
        ctx.facts.charges.append(charge)


def _described(ctx: Context, found: dict, numbered: set[tuple[int, str, str]], person: str,
               target: tuple[str, str, str | None], m: re.Match[str]) -> None:
    """Add the charge a description names (or a mention to the citation it repeats)."""
    cod, art, admin = target
    s_start, s_end = ctx.sentence_at(m.start())
    if (s_start, person, art) in numbered:
        _mention(ctx, found, person, art, m.start(), m.end())
        return
    if admin and _administrative(ctx, s_start, s_end):
        art, cod = admin, "RU-CoAP"
    if (s_start, person, art) in numbered:
        _mention(ctx, found, person, art, m.start(), m.end())
        return
    same = [c for c in found.values() if c.person == person and c.article == art]
    if same:
        same[0].mentions.append(ctx.span(m.start(), m.end()))
        return
    _add(ctx, found, Charge(person, cod, art, None, None, False), m.start(), m.end())


def _add(ctx: Context, found: dict, charge: Charge, start: int, end: int) -> None:
    key = (charge.person, charge.code, charge.article, charge.part, charge.modifier)
    if key not in found:
        # a bare article already known with a part, or the reverse, is the same charge
        for other_key, other in found.items():
            if other_key[:3] == key[:3] and other_key[4] == key[4] and \
                    (other.part is None or charge.part is None):
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
    sent = ctx.text[s_start:s_end].lower()
    return has_cue(sent, "general") and not has_cue(sent, "cues")


def _administrative(ctx: Context, s_start: int, s_end: int) -> bool:
    sent = ctx.text[s_start:s_end].lower()
    if any(cue in sent for cue in _words("criminal_cues")):
        return False
    prev_start = ctx.sentence_at(max(0, s_start - 2))[0] if s_start else s_start
    window = ctx.text[prev_start:s_end].lower()
    return any(cue in window for cue in _words("admin_cues"))


def _citations(ctx: Context) -> list[tuple[int, int, str, str, str | None, Modifier | None]]:
    """Every article cited by number: (start, end, code, article, part, modifier)."""
    text = ctx.text
    items: list[tuple[int, int, str, str | None]] = []
    for m in _ITEM.finditer(text):
        items.append((m.start(), m.end(), m.group("art"),
                      m.group("pre") or m.group("par") or m.group("post")))
        pos = m.end()
        while True:
            more = _MORE.match(text, pos)
            if more is None or not _plural(m.group()):
                break
            items.append((more.start("art"), more.end(), more.group("art"),
                          more.group("pre") or more.group("par")))
            pos = more.end()
    out: list[tuple[int, int, str, str, str | None, Modifier | None]] = []
    modifier: Modifier | None = None
    modifier_end = -1
    for i, (start, end, article, part) in enumerate(items):
        code = _code_after(ctx, items, i)
        if code is None:
            continue
        if article == "30" and code == "RU-CC":
            modifier = _article_30(part, text[max(0, start - 80):end + 40])
            modifier_end = end
            continue
        mod = None
        if modifier and _JOIN.fullmatch(text, modifier_end, start):
            mod = modifier
            modifier_end = end
        else:
            modifier = None
        out.append((start, end, code, article, part, mod))
    return out


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


def _code_after(ctx: Context, items: list, i: int) -> str | None:
    """The code the i-th citation belongs to: the first code named after it in its
    sentence (before a later citation's code), else the code its number implies."""
    pattern, table = _codes()
    start, end, article, _ = items[i]
    _, s_end = ctx.sentence_at(start)
    m = pattern.search(ctx.text, end, min(s_end, end + 160))
    if m is not None:
        code = table[m.group().lower()]
        return code or None
    if article.count(".") == 2 or article in ("20.2", "19.3", "20.1"):
        return "RU-CoAP"
    for later in items[i + 1:i + 4]:
        m = pattern.search(ctx.text, later[1], min(ctx.sentence_at(later[0])[1], later[1] + 160))
        if m is not None and table[m.group().lower()]:
            return table[m.group().lower()]
    return "RU-CC" if _known_article(article) else None


@cache
def _known() -> frozenset[str]:
    arts = {str(d["article"]) for d in lookups.load("charges")["descriptions"]}
    return frozenset(arts | {"30", "33", "105", "111", "115", "119", "167", "205.3", "205.4",
                             "208", "210", "222", "228", "229", "239", "241", "273", "278",
                             "279", "280.1", "280.2", "282.4", "283", "283.1", "298.1", "317",
                             "330", "333", "334", "336", "339", "359", "361"})


def _known_article(article: str) -> bool:
    return article in _known()
