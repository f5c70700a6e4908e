"""Extractor: organisations — NGOs, state agencies, media, parties, armed units, banned groups.

Known organisations come from ontology/lookups/organisations.yml, with their kind as
roles (:mod:`.organisations_known`). Online platforms (``medium: true``: YouTube,
Telegram, VK ...) are kept only as an employer or where the text designates them: used as
a medium ("a YouTube stream") they are no organisation.

Organisations the gazetteer does not know are read from cues of
ontology/lookups/organisation-cues.yml (:mod:`.organisations_cues`), always as
capitalised names: a run of capitalised words ending in a head word
(:mod:`.organisations_heads`), or a name beside a descriptor or cue word, in quotation
marks, or after a Russian cue word (:mod:`.organisations_cued`). A found name is dropped
when it overlaps a gazetteer form or a person's name, contains "Court" (the courts
extractor's), is a place, a nationality or a month, or names a statute, building or award
(:mod:`.organisations_checks`); a name found by a cue takes the gazetteer forms strictly
inside it. Military units by number ("military unit 12345", "в/ч 12345") and bodies by
ordinal (``numbered``: "the 102nd military base") are armed units. A national body of the
gazetteer (``national_bodies``) that the text gives to another country ("the Prosecutor
General's Office of Armenia", "the Ukrainian Foreign Ministry") is that country's, named as
written; a family's bare name ("Memorial") is its one member the document names in full;
a quoted Russian form is its entry in any case ("правозащитного центра «Мемориал»"); and a
cue's name without its place ("... Assembly" after "... Assembly of Vanadzor") is one body.
Two roles are read from the text only (:mod:`.organisations_roles`): ``employer`` and the
designations.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.base import Context
from repression_kg.extract.organisations_checks import Checker
from repression_kg.extract.organisations_cued import (
    cue_names,
    quoted_names,
    russian_headed_names,
    russian_names,
)
from repression_kg.extract.organisations_cues import cues as _cues
from repression_kg.extract.organisations_heads import head_names
from repression_kg.extract.organisations_known import (
    fold,
    foreign_span,
    gazetteer_hits,
    is_medium,
    known_names,
    merge_family,
    quoted_whole,
    roles_of,
)
from repression_kg.extract.organisations_roles import text_only_roles, text_roles
from repression_kg.extract.organisations_words import Words
from repression_kg.extract.prescan import Prescan
from repression_kg.facts import Organisation

_UNIT = re.compile(r"(?i)(?<!\w)(?:military unit|army unit|unit|в/ч|войсков\w{0,3} част\w{0,2}|"
                   r"воинск\w{0,3} част\w{0,2})\s?(?:No\.?\s?|№\s?)?(?P<num>\d{4,5})(?!\d)")
_UNIT_SCAN = Prescan(_UNIT)


def extract_organisations(ctx: Context) -> None:
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

    for hit in gazetteer_hits(ctx):
        key = hit.value[0]
        span = foreign_span(ctx.text, key, hit.start, hit.end)
        if span is not None:  # another country's body: "the Ukrainian Foreign Ministry"
            name = " ".join(ctx.text[span[0]:span[1]].split())
            own = known_names().get(fold(name))
            taken.append((*span, False))
            add(own or f"pattern:{fold(name)}", *(roles_of(own) if own else
                (name, roles_of(key)[1])), *span)
            continue
        whole = quoted_whole(ctx.text, hit.start, hit.end)
        if whole is not None:  # "Правозащитного центра «Мемориал»"
            key, start, end = whole
            taken.append((start, end, is_medium(key)))
            add(key, *roles_of(key), start, end)
            continue
        taken.append((hit.start, hit.end, is_medium(key)))
        add(key, *roles_of(key), hit.start, hit.end)
    merge_family(found)
    if "unit" in (ctx.lowered() or "") or "част" in (ctx.lowered() or "") or "в/ч" in ctx.text:
        for m in _UNIT_SCAN.finditer(ctx.text, prescan.lowered(ctx)):
            taken.append((m.start(), m.end(), False))
            add(f"unit:{m.group('num')}", f"Military unit {m.group('num')}", ["armed_unit"],
                m.start(), m.end())
    for m in _numbered_matches(ctx):  # "the 102nd military base"
        name = " ".join(m.group().split())
        taken.append((m.start(), m.end(), False))
        add(f"numbered:{fold(name)}", name, ["armed_unit"], m.start(), m.end())
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
        folded = fold(name)
        key = known_names().get(folded)
        if key is not None:
            add(key, *roles_of(key), start, end)
        else:
            add(f"pattern:{folded}", name, [role], start, end)
    _merge_shortened(found)
    for org in found.values():
        text_roles(ctx, org)
    kept = [o for key, o in found.items()
            if not is_medium(key) or set(o.roles) & text_only_roles()]
    kept.sort(key=lambda o: o.mentions[0].start)
    for i, org in enumerate(kept, 1):
        org.id = f"o{i}"
        org.mentions.sort(key=lambda s: s.start)
    ctx.facts.organisations.extend(kept)


#: what a name cut short leaves off: its place ("... of Vanadzor", "...–Vanadzor")
_TAIL = re.compile(r"(?: (?:of|for|in)(?: the)? | ?[–—-] ?)[A-Z]")


def _merge_shortened(found: dict[str, Organisation]) -> None:
    """A name found by a cue that is a longer one without its tail ("the Helsinki Citizens'
    Assembly" after "the Helsinki Citizens' Assembly of Vanadzor") is the same body."""
    named = [(k, o) for k, o in found.items() if k.startswith("pattern:")]
    for key, short in named:
        longer = [o for k, o in named if k in found and k != key and
                  o.name.startswith(short.name) and _TAIL.match(o.name, len(short.name))]
        if len(longer) == 1 and key in found:
            longer[0].mentions.extend(found.pop(key).mentions)


@cache
def _numbered() -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    """The pattern of a body by ordinal, and the last words of its names (lower case;
    None unless all are ASCII: see :func:`_numbered_matches`).

    The pattern is ``(?<![\\w.])\\d{1,4}...`` with its look-behind after the first digit
    (the same test: no word character or full stop before the digits), so that the
    engine skips to the digits instead of trying the look-behind at every offset."""
    words = sorted((str(w) for w in lookups.load("organisation-cues")["numbered"]), key=len,
                   reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", "[ \u00a0]") for w in words)
    pattern = re.compile(rf"(?i)\d(?<![\w.]\d)\d{{0,3}}(?:st|nd|rd|th)[ \u00a0](?:{alts})(?!\w)")
    last = tuple(sorted({w.split()[-1].lower() for w in words}))
    return pattern, last if all(w.isascii() for w in last) else None


#: the characters other than ASCII letters that an ASCII letter matches ignoring case
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _numbered_matches(ctx: Context) -> list[re.Match[str]]:
    """The bodies by ordinal in the text. Without a character that matches an ASCII letter
    ignoring case ("ſ" for "s"), a match is written in ASCII and its last word stands in
    the lower-cased text: without one of those words, there is none to search for."""
    pattern, last_words = _numbered()
    low = ctx.lowered()
    if last_words is not None and low is not None and \
            _FOLDS_TO_ASCII.search(ctx.text) is None and not any(w in low for w in last_words):
        return []
    return list(pattern.finditer(ctx.text))


def _patterns(ctx: Context,
              taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """Spans (and kinds) of organisations found by the cues, in no particular order."""
    text = ctx.text
    cues = _cues()
    out: list[tuple[int, int, str]] = []
    taken = sorted(taken)
    if "«" in text:
        out.extend(russian_names(ctx, cues, taken))
        quoted = sorted(taken + [(s, e, False) for s, e, _ in out])
        out.extend(russian_headed_names(ctx, cues, quoted))
    if any(c.isupper() for c in text):
        toks = gazetteer.tokens(ctx.scratch, text)  # the words, from the shared tokens
        words: Words | None = Words.of_runs(text, toks, cues.abbreviations)
    else:
        words = None
    if words is None or not words.words:
        return out
    check = Checker(ctx, cues, words, taken)
    out.extend(head_names(words, cues, check))
    out.extend(cue_names(ctx, words, cues, check))
    if '"' in text or "“" in text:
        out.extend(quoted_names(ctx, cues, check))
    return out
