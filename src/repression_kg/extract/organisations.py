"""Extractor: organisations — NGOs, state agencies, media, parties, armed units, banned groups.

Known organisations come from ontology/lookups/organisations.yml (English and Russian
forms, whole words; a match must start with a capital, a capitalised word of a form must be
capitalised in the text, and a short all-capital form such as "FSB" must appear in
capitals) with their kind as roles. Online platforms (``medium: true``: YouTube,
Telegram, VK ...) are kept only as an employer or where the text designates them: used as
a medium ("a YouTube stream") they are no organisation.

Organisations the gazetteer does not know are read from cues of
ontology/lookups/organisation-cues.yml, always as capitalised names:

- a run of capitalised words ending in a head word ("Moscow State University", "Left
  Front") or going on from it ("Crimean Contact Group on Human Rights", "Committee against
  Torture"); title-case headline lines are skipped;
- the/a + capitalised words + a descriptor ("the People First campaign" → People First,
  "the RusNews outlet"), or a council whose lower-case words belong to the name ("the
  Krasnoselsky municipal district council");
- a cue word + capitalised names ("the newspapers Kommersant and Vedomosti", "the state
  channel NTV");
- Russian: a cue word in any case + «Name» ("газета «Коммерсантъ»", "движения «Весна»").

A found name is dropped when it overlaps a gazetteer form or a person's name, contains
"Court" (the courts extractor's), is a place, a nationality or a month, or names a statute,
building or award. Military units by number ("military unit 12345", "в/ч 12345") are
armed units. Two roles are read from the text only: ``employer`` where a sentence says
someone worked or served there, and the designations (``designated_terrorist``,
``designated_extremist``, ``designated_undesirable``, ``designated_foreign_agent``) where
a sentence states the act ("the designation of X as a terrorist organisation", "признана
экстремистской"): a designation is a state's claim, never taken from reference data.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from repression_kg import lookups
from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.base import Context
from repression_kg.extract.gazetteer import Gazetteer
from repression_kg.extract.literals import has_literal
from repression_kg.extract.prescan import Prescan
from repression_kg.facts import Organisation

_UNIT = re.compile(r"(?i)(?<!\w)(?:military unit|army unit|unit|в/ч|войсков\w{0,3} част\w{0,2}|"
                   r"воинск\w{0,3} част\w{0,2})\s?(?:No\.?\s?|№\s?)?(?P<num>\d{4,5})(?!\d)")
#: a word: letters and digits, joined inside by apostrophes or hyphens, maybe a final
#: apostrophe ("Soldiers'"); no part can match two ways, so matching is linear
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*['’]?")
_UNIT_SCAN = Prescan(_UNIT)
_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)")
#: what may stand between two words of one name
_JOIN = frozenset({" ", "\u00a0"})
_ABBREV_DOT = frozenset({"St", "Mt", "Ft"})
_DESIGNATED = frozenset({"employer", "designated_terrorist", "designated_extremist",
                         "designated_undesirable", "designated_foreign_agent"})
#: lower-case words that may stand between a determiner and a name ("the independent X
#: outlet") unless they are one of these
_FUNCTION = frozenset({"of", "for", "on", "against", "with", "at", "in", "to", "by", "from",
                       "and", "or", "but", "as", "that", "which", "who", "was", "were", "is",
                       "are", "has", "had", "have", "said", "says", "told", "into", "about",
                       "the", "a", "an", "than", "over", "under", "after", "before"})


# ---------------------------------------------------------------- lookup tables


@cache
def _table() -> tuple[Gazetteer, dict[str, dict]]:
    """The gazetteer matcher (value: key and every form written with the same words) and
    its entries. Forms that differ only in case or punctuation ("... Tatar People", "...
    Tatar people") share one value, so a text may be written as any of them."""
    data = {k: v for k, v in lookups.load("organisations")["organisations"].items() if v}
    by_words: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    for key, v in data.items():
        for f in dict.fromkeys([str(v["name"]), *(str(x) for x in v.get("forms") or [])]):
            words = tuple(lookups.norm(w) for w in lookups._TOKEN.findall(f.lower()))
            if words:
                by_words.setdefault(words, (key, []))[1].append(f)
    pairs = [(forms[0], (key, tuple(forms))) for key, forms in by_words.values()]
    return Gazetteer(pairs), data


@cache
def _known_names() -> dict[str, str]:
    """Folded name or form → gazetteer key (a pattern name that is a known form)."""
    _, table = _table()
    out: dict[str, str] = {}
    for key, v in table.items():
        for f in [str(v["name"]), *(str(x) for x in v.get("forms") or [])]:
            out.setdefault(_fold(f), key)
            for quoted in re.findall(r"«([^«»]+)»", f):  # "движение «Весна»" → «Весна»
                out.setdefault(_fold(quoted), key)
    return out


@cache
def _designation_words() -> tuple[list[str], list[tuple[str, str]]]:
    spec = lookups.load("organisations")["designations"]
    verbs = [str(v).lower() for v in spec["verbs"]]
    kinds = [(str(w).lower(), role) for role, words in spec.items() if role != "verbs"
             for w in words]
    return verbs, kinds


@dataclass(frozen=True)
class _Cues:
    heads: dict[str, str]
    office_after: frozenset[str]
    continuations: frozenset[str]
    articles: frozenset[str]
    phrases: Gazetteer  # descriptor / inclusive / before phrases → the phrase
    kinds: dict[str, list[tuple[str, str]]]  # phrase → (kind, role) of each list it is in
    determiners: frozenset[str]
    not_first: frozenset[str]
    never: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    generic: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]  # of public figures named by surname alone (known-persons.yml)
    surname_endings: tuple[str, ...]
    ru: re.Pattern[str]
    ru_roles: dict[str, str]
    ru_not_after: tuple[str, ...]
    ru_not_cues: tuple[str, ...]
    after_place: frozenset[str]
    #: prescanned: tried only where their literal starts occur
    quoted: tuple[Prescan, Prescan]


@cache
def _cues() -> _Cues:
    spec: dict[str, Any] = lookups.load("organisation-cues")
    kinds: dict[str, list[tuple[str, str]]] = {}
    for kind in ("descriptors", "inclusive", "before"):
        for phrase, role in spec[kind].items():
            kinds.setdefault(str(phrase), []).append((kind, str(role)))
    months = {str(m) for names in lookups.load("months")["en"].values() for m in names}
    first = lookups.load("first-names")
    names = {str(n) for group in first["latin"] for n in group}
    names |= {str(n) for gender in first["cyrillic"].values() for n in gender}
    surnames = {str(f) for p in lookups.load("known-persons")["persons"]
                for f in p.get("forms") or []}
    stems = sorted((str(s) for s in spec["ru_cues"]), key=len, reverse=True)
    alts = "|".join(f"[{s[0].upper()}{s[0]}]{re.escape(s[1:])}" for s in stems)
    ru = re.compile(rf"(?<![\w\-])(?P<cue>(?:{alts})[а-яё]{{0,4}})"
                    r"(?P<mid>(?:[ \u00a0][а-яё]{2,20}){0,2})[ \u00a0]?"
                    r"«(?P<name>[^«»\n]{1,80})»")
    return _Cues(
        heads={str(k): str(v) for k, v in spec["heads"].items()},
        office_after=frozenset(str(w) for w in spec["office_after"]),
        continuations=frozenset(str(w) for w in spec["continuations"]),
        articles=frozenset(str(w) for w in spec["continuation_articles"]),
        phrases=Gazetteer([(p, p) for p in kinds]),
        kinds=kinds,
        determiners=frozenset(str(w) for w in spec["determiners"]),
        not_first=frozenset(str(w) for w in spec["not_first"]),
        never=frozenset(str(w) for w in spec["never"]) | months,
        not_names=frozenset(_fold(str(w)) for w in spec["not_names"]),
        demonyms=frozenset(str(w) for w in spec["demonyms"]),
        generic=frozenset(str(w) for w in spec["generic"]),
        first_names=frozenset(names),
        surnames=frozenset(surnames),
        surname_endings=tuple(str(e) for e in spec["surname_endings"]),
        ru=ru,
        ru_roles={str(k): str(v) for k, v in spec["ru_cues"].items()},
        ru_not_after=tuple(str(w) for w in spec["ru_not_after"]),
        ru_not_cues=tuple(str(w) for w in spec["ru_not_cues"]),
        after_place=frozenset(str(w) for w in spec["after_place"]),
        quoted=(Prescan(re.compile(rf"(?<!\w)(?:{_alts(spec['quoted_before'])})[ \u00a0]{_QUOTED}")),
                Prescan(re.compile(rf"(?<!\w)(?:{_alts(spec['quoted_verbs'])})[ \u00a0]{_QUOTED}"
                           r"[ \u00a0](?:as[ \u00a0])?(?:an?[ \u00a0])?(?:[a-z\-]{2,20}[ \u00a0]){0,2}"
                           rf"(?:{_alts(spec['quoted_after'])})(?!\w)"))),
    )


#: a name in English quotation marks
_QUOTED = r"[\"“](?P<name>[^\"“”\n]{1,60})[\"”]"


def _alts(words: list[Any]) -> str:
    """A regex alternation of literal phrases, longest first; spaces may be no-break."""
    return "|".join(re.escape(str(w)).replace(r"\ ", "[ \u00a0]")
                    for w in sorted(words, key=lambda w: -len(str(w))))


@cache
def _places() -> Gazetteer:
    pairs: list[tuple[str, str]] = []
    for section in lookups.load("places").values():
        if not isinstance(section, dict):
            continue
        for key, entry in section.items():
            if isinstance(entry, dict):
                pairs.extend((str(f), str(key))
                             for f in {entry.get("name") or key, *(entry.get("forms") or [])})
    return Gazetteer(pairs)


def _fold(text: str) -> str:
    """Casefolded, diacritic-free, single-spaced, without a leading article."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(re.sub(r"[\"'«»“”.,]", " ", text).casefold().split())
    return text[4:] if text.startswith("the ") else text


# ---------------------------------------------------------------- the extractor


def extract_organisations(ctx: Context) -> None:
    matcher, table = _table()
    found: dict[str, Organisation] = {}
    spans: set[tuple[str, int, int]] = set()
    taken: list[tuple[int, int, bool]] = []  # spans no pattern may overlap (and: platform?)

    def add(key: str, name: str, roles: list[str], start: int, end: int) -> None:
        org = found.get(key)
        if org is None:
            org = found[key] = Organisation(id="", name=name, roles=roles)
        if (key, start, end) not in spans:
            spans.add((key, start, end))
            org.mentions.append(ctx.span(start, end))

    for hit in _gazetteer_hits(ctx):
        key = hit.value[0]
        taken.append((hit.start, hit.end, bool(table[key].get("medium"))))
        entry = table[key]
        add(key, str(entry["name"]), [str(r) for r in entry.get("roles") or []],
            hit.start, hit.end)
    if "unit" in (ctx.lowered() or "") or "част" in (ctx.lowered() or "") or "в/ч" in ctx.text:
        for m in _UNIT_SCAN.finditer(ctx.text, prescan.lowered(ctx)):
            taken.append((m.start(), m.end(), False))
            add(f"unit:{m.group('num')}", f"Military unit {m.group('num')}", ["armed_unit"],
                m.start(), m.end())
    patterns = _patterns(ctx, taken)
    # a name found by a cue takes the gazetteer forms strictly inside it
    starts = sorted((s, e) for s, e, _ in taken)
    inside: set[tuple[int, int]] = set()
    for start, end, _ in patterns:
        k = bisect.bisect_left(starts, (start, -1))
        while k < len(starts) and starts[k][0] < end:
            s, e = starts[k]
            if e <= end and (s, e) != (start, end):
                inside.add((s, e))
            k += 1
    if inside:
        for org in found.values():
            org.mentions = [m for m in org.mentions if (m.start, m.end) not in inside]
        found = {k: o for k, o in found.items() if o.mentions}
    for start, end, role in patterns:
        name = " ".join(ctx.text[start:end].split())
        folded = _fold(name)
        key = _known_names().get(folded)
        if key is not None:
            entry = table[key]
            add(key, str(entry["name"]), [str(r) for r in entry.get("roles") or []],
                start, end)
        else:
            add(f"pattern:{folded}", name, [role], start, end)
    for org in found.values():
        _text_roles(ctx, org)
    kept = [o for key, o in found.items()
            if not (table.get(key) or {}).get("medium") or set(o.roles) & _DESIGNATED]
    kept.sort(key=lambda o: o.mentions[0].start)
    for i, org in enumerate(kept, 1):
        org.id = f"o{i}"
        org.mentions.sort(key=lambda s: s.start)
    ctx.facts.organisations.extend(kept)


def _gazetteer_hits(ctx: Context) -> list[lookups.Hit]:
    """Gazetteer matches written as their forms are; when the longest form at a place is
    not ("the Wall Street Journal" for "The Wall Street Journal"), the rest of its span is
    tried again without its first word."""
    cached = ctx.scratch.get("organisations.hits")
    if cached is not None and cached[0] is ctx.text:
        return list(cached[1])
    matcher, _ = _table()
    out: list[lookups.Hit] = []
    todo = matcher.find(gazetteer.tokens(ctx.scratch, ctx.text))
    while todo:
        hit = todo.pop(0)
        surface = ctx.text[hit.start:hit.end]
        if any(_cased(surface, form) for form in hit.value[1]):
            out.append(hit)
            continue
        first = lookups._TOKEN.search(ctx.text, hit.start, hit.end)
        nxt = lookups._TOKEN.search(ctx.text, first.end(), hit.end) if first else None
        if nxt is not None:
            inner = [lookups.Hit(h.value, h.start + nxt.start(), h.end + nxt.start(), h.form)
                     for h in matcher.find(ctx.text[nxt.start():hit.end])]
            todo[:0] = inner
    ctx.scratch["organisations.hits"] = (ctx.text, out)
    return list(out)


def _cased(surface: str, form: str) -> bool:
    """Proper names are capitalised as their form is; short acronyms must be acronyms."""
    letters = form.replace(".", "").replace("-", "")
    if letters.isupper() and len(letters) <= 5:
        return surface.replace(".", "").replace("-", "") == letters
    form_words = lookups._TOKEN.findall(form)
    text_words = lookups._TOKEN.findall(surface)
    if len(form_words) == len(text_words):
        for fw, tw in zip(form_words, text_words, strict=True):
            if fw[:1].isupper() and not tw[:1].isupper():
                return False
    if surface[:1].isupper():
        return True
    # a form that starts in lower case ("штаб Навального") needs a capitalised word later
    return not form[:1].isupper() and any(w[:1].isupper() for w in form_words[1:])


# ---------------------------------------------------------------- patterns


@dataclass
class _Words:
    """The words of a text with their offsets, and whether neighbours are joined."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    at_start: dict[int, int]

    @classmethod
    def of(cls, text: str) -> _Words:
        found = list(_WORD.finditer(text))
        starts = [m.start() for m in found]
        return cls(text, [m.group() for m in found], starts, [m.end() for m in found],
                   {s: i for i, s in enumerate(starts)})

    def joined(self, i: int) -> bool:
        """True when word ``i`` and word ``i + 1`` are one space apart ("St. X" too)."""
        if i + 1 >= len(self.words):
            return False
        gap = self.text[self.ends[i]:self.starts[i + 1]]
        return gap in _JOIN or (gap in (". ", ".\u00a0") and self.words[i] in _ABBREV_DOT)


def _cap(word: str) -> bool:
    """A capitalised word: "Moscow", "Anti-Corruption", "LGBT"; not "Kremlin-backed"."""
    if not word[:1].isupper():
        return False
    if "-" not in word:
        return True
    return all(p[:1].isupper() or p[:1].isdigit() for p in word.split("-")[1:] if p)


def _patterns(ctx: Context,
              taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """Spans (and kinds) of organisations found by the cues, in no particular order."""
    text = ctx.text
    cues = _cues()
    out: list[tuple[int, int, str]] = []
    taken = sorted(taken)
    if "«" in text:
        out.extend(_russian_names(ctx, cues, taken))
    words = _Words.of(text) if any(c.isupper() for c in text) else None
    if words is None or not words.words:
        return out
    check = _Checker(ctx, cues, words, taken)
    out.extend(_head_names(words, cues, check))
    out.extend(_cue_names(ctx, words, cues, check))
    if '"' in text or "“" in text:
        out.extend(_quoted_names(ctx, cues, check))
    return out


def _quoted_names(ctx: Context, cues: _Cues, check: _Checker) -> list[tuple[int, int, str]]:
    """"an organisation called "Network"", "declared "Network" a terrorist organisation"."""
    out: list[tuple[int, int, str]] = []
    low = prescan.lowered(ctx)
    for scan in cues.quoted:
        for m in scan.finditer(ctx.text, low):
            start, end = m.span("name")
            i, j = check.words.at_start.get(start), None
            if i is None:
                continue
            j = i
            while j + 1 < len(check.words.words) and check.words.ends[j] < end:
                j += 1
            names = check.words.words[i:j + 1]
            if check.words.ends[j] != end or not all(
                    _cap(x) or x in cues.continuations or x == "and" for x in names):
                continue
            if names[0] in cues.not_first or check.place_only(names):
                continue
            if check.fine(i, j, person_strict=True):
                out.append((start, end, "other"))
    return out


class _Checker:
    """What rules a candidate name out: overlaps, people, places, never-words."""

    def __init__(self, ctx: Context, cues: _Cues, words: _Words,
                 taken: list[tuple[int, int, bool]]) -> None:
        self.ctx, self.cues, self.words = ctx, cues, words
        self.taken = taken  # sorted gazetteer spans
        self.person_words = {w for p in ctx.facts.persons for n in [p.name, *p.aliases]
                             for w in n.split()}
        self._headings: dict[int, bool] = {}

    def overlaps(self, start: int, end: int, *, absorb: bool = False) -> bool:
        """Does the span overlap a gazetteer form? With ``absorb``, a (non-platform) form
        strictly inside it does not count: a cue names the whole ("the newspaper Novye
        Izvestiya" holds the form "Izvestiya")."""
        for s, e, medium in _overlapping(self.taken, start, end):
            if not absorb or medium or s < start or e > end or (s, e) == (start, end):
                return True
        return False

    def inside_person(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end
                   for m in self.ctx.mentions_in(max(0, start - 200), end))

    def touches_person(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end
                   for m in self.ctx.mentions_in(max(0, start - 200), end))

    def place_only(self, names: list[str]) -> bool:
        """True when the words are nothing but nationalities and a place."""
        rest = [w for w in names if w not in self.cues.demonyms]
        if not rest:
            return True
        phrase = " ".join(rest)
        hits = _places().find(phrase)
        return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(phrase)

    def fine(self, i: int, j: int, *, person_strict: bool, surnames: bool = True) -> bool:
        """Words ``i..j`` (inclusive) may be an organisation's name."""
        w = self.words
        names = w.words[i:j + 1]
        start, end = w.starts[i], w.ends[j]
        if any(n in self.cues.never for n in names) or any(
                n.rstrip("'’s") in self.cues.never for n in names if n.endswith(("'s", "’s"))):
            return False
        if _fold(" ".join(names)) in self.cues.not_names or \
                self.overlaps(start, end, absorb=person_strict):
            return False
        if person_strict:
            if names[0] in self.cues.first_names or self.touches_person(start, end):
                return False
            caps = [n for n in names if n[:1].isupper()]
            if caps and all(n.rstrip("'’s") in self.person_words for n in caps):
                return False
            if surnames and len(names) == 1 and (names[0] in self.cues.surnames or
                                    names[0].endswith(self.cues.surname_endings)):
                return False  # a surname: the Navalny campaign, the Yashin team
        elif self.inside_person(start, end):
            return False
        return True

    def heading(self, i: int) -> bool:
        """Is word ``i`` on a title-case line ("Activist Group Members Detained")?"""
        text = self.words.text
        line_start = text.rfind("\n", 0, self.words.starts[i]) + 1
        known = self._headings.get(line_start)
        if known is None:
            line_end = text.find("\n", line_start)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            long_words = [m.group() for m in _WORD.finditer(line) if len(m.group()) >= 4]
            caps = sum(1 for x in long_words if x[:1].isupper())
            known = line.lstrip().startswith("#") or (
                len(long_words) >= 4 and caps >= 0.8 * len(long_words)
                and not line.rstrip().endswith((".", ":", ";")))
            self._headings[line_start] = known
        return known


def _overlapping(taken: list[tuple[int, int, bool]], start: int,
                 end: int) -> list[tuple[int, int, bool]]:
    """The spans of the sorted ``taken`` that overlap ``[start, end)`` (none is longer
    than 300 characters, so a binary search finds them)."""
    out = []
    k = bisect.bisect_left(taken, (start - 300, -1, False))
    while k < len(taken) and taken[k][0] < end:
        if taken[k][1] > start:
            out.append(taken[k])
        k += 1
    return out


def _head_of(words: _Words, cues: _Cues, k: int) -> tuple[str, int] | None:
    """The kind of head word ``k`` and the offset where the name may end, else None."""
    word = words.words[k]
    base = word[:-2] if word.endswith(("'s", "’s")) else word
    role = cues.heads.get(base)
    if role is None:
        return None
    if base == "Office" and (k == 0 or words.words[k - 1] not in cues.office_after
                             or not words.joined(k - 1)):
        return None
    return role, words.starts[k] + len(base)


def _head_names(words: _Words, cues: _Cues, check: _Checker) -> list[tuple[int, int, str]]:
    """Names that end in a capitalised head word, or go on from it."""
    out: list[tuple[int, int, str]] = []
    w = words.words
    n = len(w)
    i = 0
    while i < n:
        if not _cap(w[i]):
            i += 1
            continue
        j = i  # the last word of this run of capitalised words
        while j + 1 < n and words.joined(j) and _cap(w[j + 1]) and \
                _head_of(words, cues, j) is None:
            j += 1
        head = _head_of(words, cues, j)
        if head is None or check.heading(j):
            i = j + 1
            continue
        # later heads right after this one belong to the same name ("University Council")
        while j + 1 < n and words.joined(j) and _cap(w[j + 1]) and \
                _head_of(words, cues, j + 1) is not None and not w[j].endswith(("'s", "’s")):
            j += 1
            head = _head_of(words, cues, j) or head
        role, end = head
        if i > 0 and _ORDINAL.fullmatch(w[i - 1]) and words.joined(i - 1):
            i -= 1  # "the 155th Separate Marine Brigade"
        s = i
        while s < j and (w[s] in cues.not_first or w[s].endswith(("'s", "’s"))):
            s += 1
        last = j
        if end == words.ends[j]:
            last, end = _continue(words, cues, j, end)
        generic = all(x in cues.generic for x in w[s:j])
        if (s < j and not generic or last > j) and check.fine(s, last, person_strict=False):
            out.append((words.starts[s], end, role))
        i = last + 1
    return out


def _continue(words: _Words, cues: _Cues, j: int, end: int) -> tuple[int, int]:
    """Carry a name on past its head: "Group on Human Rights", "Ministry of Labour and
    Social Protection". Returns the last word and the end offset."""
    w = words.words
    n = len(w)
    pos = j
    went_on = False
    while pos + 1 < n and words.joined(pos):
        q = pos + 1
        if w[q] in cues.continuations or (went_on and w[q] == "and"):
            r = q + 1
            if w[q] != "and" and r < n and w[r] in cues.articles and words.joined(q):
                r += 1
            if r >= n or not words.joined(r - 1) or not _cap(w[r]) or \
                    w[r] in cues.never or w[r] in cues.not_first or \
                    w[r] in cues.first_names:
                break
            t = r
            while t + 1 < n and words.joined(t) and _cap(w[t + 1]):
                t += 1
            if any(x in cues.never for x in w[r:t + 1]) or (
                    w[q] == "and" and any(_head_of(words, cues, x) for x in range(r, t + 1))):
                break
            pos, end, went_on = t, words.ends[t], True
            continue
        break
    return pos, end


def _cue_names(ctx: Context, words: _Words, cues: _Cues,
               check: _Checker) -> list[tuple[int, int, str]]:
    """Names beside a lower-case cue: "the X campaign", "the newspaper X"."""
    out: list[tuple[int, int, str]] = []
    toks = gazetteer.tokens(ctx.scratch, ctx.text)
    medium_ends = _medium_ends(ctx)
    for hit in cues.phrases.find(toks):
        phrase = hit.value
        if " ".join(ctx.text[hit.start:hit.end].split()) != phrase:
            continue  # cues are written as in the file ("the NTV channel", not "Channel")
        first = words.at_start.get(hit.start)
        if first is None:
            continue
        last = first
        while last < len(words.words) and words.ends[last] < hit.end:
            last += 1
        if last >= len(words.words) or words.ends[last] != hit.end:
            continue  # "the channel's", a cue inside a longer word
        for kind, role in cues.kinds[phrase]:
            if kind == "before":
                if phrase.startswith("channel") and first > 0 and \
                        words.ends[first - 1] in medium_ends:
                    continue
                out.extend(_names_after(words, cues, check, last, role,
                                        plural=phrase.endswith("s")))
                continue
            span = _name_before(words, cues, check, first, district=kind == "inclusive")
            if span is None:
                continue
            i, j = span
            if kind == "inclusive":
                if phrase not in cues.after_place and check.place_only(words.words[i:j + 1]):
                    continue
                out.append((words.starts[i], hit.end, role))
            else:
                out.append((words.starts[i], words.ends[j], role))
    return out


def _medium_ends(ctx: Context) -> set[int]:
    """End offsets of online platforms in the text ("Telegram", "YouTube")."""
    _, table = _table()
    return {h.end for h in _gazetteer_hits(ctx) if table[h.value[0]].get("medium")}


def _name_before(words: _Words, cues: _Cues, check: _Checker, cue: int,
                 *, district: bool) -> tuple[int, int] | None:
    """The capitalised words right before word ``cue``, after a determiner. Before a
    council (``district``) a word like a surname is a district's name ("Krasnoselsky")."""
    w = words.words
    j = cue - 1
    if j < 0 or not words.joined(j) or not _cap(w[j]):
        return None
    i = j
    while i - 1 >= 0 and words.joined(i - 1) and j - i < 5:
        prev = w[i - 1]
        if _cap(prev) and prev not in cues.determiners and prev not in cues.not_first:
            i -= 1
        elif prev in ("of", "for") and i - 2 >= 0 and _cap(w[i - 2]) and \
                words.joined(i - 2) and w[i - 2] not in cues.determiners:
            i -= 2
        else:
            break
    # a determiner before, perhaps with up to two lower-case words between
    d = i - 1
    skipped = 0
    while d >= 0 and words.joined(d) and skipped < 2 and w[d] not in cues.determiners \
            and w[d].islower() and w[d] not in _FUNCTION:
        d -= 1
        skipped += 1
    if d < 0 or w[d] not in cues.determiners or not words.joined(d):
        return None
    names = w[i:j + 1]
    if names[0] in cues.not_first or check.place_only(names):
        return None
    if not check.fine(i, j, person_strict=True, surnames=not district):
        return None
    return i, j


def _names_after(words: _Words, cues: _Cues, check: _Checker, cue: int, role: str,
                 *, plural: bool) -> list[tuple[int, int, str]]:
    """The capitalised name(s) right after word ``cue``: one, or a list after a plural."""
    out: list[tuple[int, int, str]] = []
    w = words.words
    n = len(w)
    pos = cue
    for _ in range(8 if plural else 1):
        i = pos + 1
        if i >= n or not _cap(w[i]):
            break
        gap = words.text[words.ends[pos]:words.starts[i]]
        if not (gap in _JOIN or (pos != cue and gap == ", ")):
            break
        j = i
        while j - i < 5 and j + 1 < n and words.joined(j):
            if _cap(w[j + 1]):
                j += 1
            elif w[j + 1] in ("of", "for", "on", "against") and j + 2 < n and \
                    words.joined(j + 1) and _cap(w[j + 2]):
                j += 2
            else:
                break
        names = w[i:j + 1]
        ok = not (names[0] in cues.not_first and (names[0] != "The" or len(names) < 2))
        if ok and not check.place_only(names) and check.fine(i, j, person_strict=True):
            out.append((words.starts[i], words.ends[j], role))
        # a list goes on with ", X" or " and X"
        pos = j
        if pos + 1 < n and words.text[words.ends[pos]:words.starts[pos + 1]] == ", ":
            continue
        if pos + 2 < n and words.joined(pos) and w[pos + 1] == "and" and words.joined(pos + 1):
            pos += 1
            continue
        break
    return out


def _russian_names(ctx: Context, cues: _Cues,
                   taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """«Name» after a Russian cue word: "газета «Коммерсантъ»", "движения «Весна»"."""
    out: list[tuple[int, int, str]] = []
    text = ctx.text
    for m in cues.ru.finditer(text):
        name = m.group("name").strip()
        if not name[:1].isupper() or name.startswith(("О ", "Об ")):
            continue
        start = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        end = start + len(name)
        low = name.lower()
        if re.search(r"(?<!\w)(?:суд|court)", low) or any(
                medium or s < start or e > end
                for s, e, medium in _overlapping(taken, start, end)):
            continue
        cue = m.group("cue").lower()
        if cue.startswith(cues.ru_not_cues):
            continue
        before = text[max(0, m.start() - 30):m.start()].lower().split()
        if before and before[-1].startswith(cues.ru_not_after):
            continue
        hits = _places().find(name)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(name):
            continue
        role = next((r for stem, r in sorted(cues.ru_roles.items(), key=lambda x: -len(x[0]))
                     if cue.startswith(stem)), "other")
        out.append((start, end, role))
    return out


# ---------------------------------------------------------------- roles from the text


def _text_roles(ctx: Context, org: Organisation) -> None:
    verbs, kinds = _designation_words()
    employer = [str(c).lower() for c in lookups.load("organisations")["employer_cues"]]
    roles = set(org.roles)
    for mention in org.mentions:
        s_start, s_end = ctx.sentence_at(mention.start)
        # only the window around the mention, so that a long sentence costs no more
        lo = max(s_start, mention.start - 120)
        sent = ctx.text[lo:min(s_end, mention.end + 80)].lower()
        rel = mention.start - lo
        near = sent[max(0, rel - 80):rel + len(mention.text) + 80]
        if has_literal(near, verbs):
            for word, role in kinds:
                if word in near and not _negated(near, word):
                    roles.add(role)
        before = sent[max(0, rel - 120):rel]
        if has_literal(before, employer):
            roles.add("employer")
    org.roles = [*org.roles, *sorted(roles - set(org.roles))]


def _negated(near: str, word: str) -> bool:
    """"not a terrorist organisation" argues against the label; it designates nothing."""
    i = near.find(word)
    return i >= 0 and bool(re.search(r"(?:\bnot an?|\bне)\s$", near[max(0, i - 8):i]))
