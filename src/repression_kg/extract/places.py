"""Extractor: places — countries, regions, cities, villages (a gazetteer) and detention
facilities (by their numbering).

The gazetteer is ontology/lookups/places.yml: English and Russian forms, matched as whole
words by :class:`repression_kg.lookups.Matcher` (Russian case endings are ignored, so "в
Москве" is Moscow). A match in lower case is not a place ("perm", "us"), and a form
written in capitals (UK, USA, РФ) must appear in capitals. Detention facilities are found
by pattern: "SIZO-1", "СИЗО № 2", "pre-trial detention centre No. 1", "Remand Prison No.
1", "penal colony No. 7", "IK-6", "ИК-6", "Prison No. 2", "Т-2"; a facility gets a key
(``barnaul-sizo-1``) only when a city in its sentence is nearer to it than to any other
facility. One Place per
entity per document, with every mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from repression_kg import lookups
from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.base import Context
from repression_kg.extract.gazetteer import Gazetteer
from repression_kg.facts import Place, PlaceType

_TYPES: dict[str, PlaceType] = {"countries": "country", "regions": "region", "cities": "city",
                                "villages": "village", "districts": "district"}
_NO = r"(?:No\.?|no\.?|№|N|number|Number)?\s?"
#: the names of each kind of facility (one regex alternative each), its number's group
#: and digits
_KINDS = (
    ("sizo", ["SIZO", "СИЗО", "[Pp]re-?trial [Dd]etention (?:[Cc]ent(?:re|er)|[Ff]acility)",
              "[Rr]emand (?:[Pp]rison|[Cc]ent(?:re|er))"], "n1", 3),
    ("ik", ["IK", "ИК", "[Pp]enal [Cc]olony", "[Cc]orrectional [Cc]olony", "[Pp]rison [Cc]olony",
            r"[Ii]sprav\w* [Kk]oloni\w*", r"исправительн\w{0,4} колони\w{0,2}", r"колони\w{0,2}"],
     "n2", 3),
    ("prison", ["Prison", "prison", "Т", "T", "Тюрьма", r"тюрьм\w{0,2}"], "n3", 2),
)


def _facilities(alternative: Callable[[str], str]) -> str:
    return "(?:" + "|".join(
        rf"(?P<{kind}>{'|'.join(map(alternative, names))})[ -]?{_NO}(?P<{number}>\d{{1,{digits}}})"
        for kind, names, number, digits in _KINDS) + r")(?!\w|[.,]\d)"


_FACILITY = re.compile(r"(?<!\w)" + _facilities(lambda name: name))


def _literal_start(name: str) -> str:
    """The lower-cased literal text every match of a name's regex starts with: its
    letters, digits and spaces (a class of one letter in both cases, "[Pp]", as that
    letter) up to the first other construct, without a character a quantifier follows."""
    out = []
    i = 0
    while i < len(name):
        if re.match(r"\[(\w)(\w)\]", name[i:]) and name[i + 1].lower() == name[i + 2].lower():
            char, size = name[i + 1].lower(), 4
        elif name[i].isalnum() or name[i] == " ":
            char, size = name[i].lower(), 1
        else:
            break
        if name[i + size:i + size + 1] in ("?", "*", "+", "{"):
            break
        out.append(char)
        i += size
    return "".join(out)


#: the literal starts of the names, searched in the lower-cased text, and the names with
#: a start too short to search for ("T", "IK"), found where a number follows them
_STARTS = {_literal_start(n) for _, names, _, _ in _KINDS for n in names}
_LONG_STARTS = tuple(sorted(s for s in _STARTS if len(s) >= 3 and not any(
    o != s and len(o) >= 3 and s.startswith(o) for o in _STARTS)))
_SHORT = re.compile("(?:" + "|".join(n for _, names, _, _ in _KINDS for n in names
                                     if len(_literal_start(n)) < 3) + rf")(?=[ -]?{_NO}\d)")


def _facility_matches(ctx: Context) -> list[re.Match[str]]:
    """``_FACILITY.finditer(text)``, tried only where a match can start: at a literal
    start of a name (in the lower-cased text) or a short name before a number (the
    pattern would try every offset: its names start with common letters)."""
    text = ctx.text
    low = ctx.lowered()
    if low is None:
        return list(_FACILITY.finditer(text))
    offsets = set()
    for start in _LONG_STARTS:
        i = low.find(start)
        while i >= 0:
            offsets.add(i)
            i = low.find(start, i + 1)
    m = _SHORT.search(text)
    while m is not None:
        offsets.add(m.start())
        m = _SHORT.search(text, m.start() + 1)
    return [m for _, m in prescan.matches_at(_FACILITY, text, sorted(offsets),
                                             [(0, len(text))])]


_FACILITY_STEMS = ("sizo", "сизо", "ik", "ик", "colony", "колони", "detention", "remand",
                   "prison", "т-", "t-", "тюрьм")


@cache
def _matcher() -> Gazetteer:
    pairs = []
    for section, entries in lookups.load("places").items():
        for key, entry in (entries or {}).items():
            value = (str(section), str(key), str(entry["name"]))
            for form in {entry["name"], *(entry.get("forms") or [])}:
                pairs.append((str(form), (*value, str(form))))
    return Gazetteer(pairs)


def gazetteer_hits(ctx: Context) -> list[tuple[int, int, str, str, str]]:
    """Gazetteer places in the text: (start, end, section, key, name); cached per document."""
    cached = ctx.scratch.get("places.hits")
    if cached is not None:
        return cached
    out = []
    text = ctx.text
    for hit in _matcher().find(gazetteer.tokens(ctx.scratch, text)):
        section, key, name, form = hit.value
        surface = text[hit.start:hit.end]
        if form.isupper() and len(form) <= 4:
            if surface.replace(".", "") != form.replace(".", ""):
                continue
        elif not surface[:1].isupper():
            continue
        if hit.start > 1 and text[hit.start - 1] == "-" and text[hit.start - 2].isalpha():
            continue  # "Memorial-France" names an organisation
        out.append((hit.start, hit.end, section, key, name))
    ctx.scratch["places.hits"] = out
    return out


def extract_places(ctx: Context) -> None:
    found: dict[str, tuple[str, PlaceType, list[tuple[int, int]]]] = {}
    hits = gazetteer_hits(ctx)
    for start, end, section, key, name in hits:
        item = found.setdefault(key, (name, _TYPES.get(section, "other"), []))
        item[2].append((start, end))
    low = ctx.lowered() or ""
    if any(stem in low for stem in _FACILITY_STEMS):
        matches = _facility_matches(ctx)
        for m in matches:
            key, name = _facility(ctx, m, hits, matches)
            item = found.setdefault(key, (name, "facility", []))
            item[2].append(m.span())
    for key, (name, kind, spans) in sorted(found.items(), key=lambda kv: min(kv[1][2])):
        place_id = None if key.startswith("facility:") else key
        ctx.facts.places.append(Place(name=name, id=place_id, type=kind,
                                      mentions=[ctx.span(s, e) for s, e in sorted(set(spans))]))


def _facility(ctx: Context, m: re.Match[str], hits: list,
              matches: list[re.Match[str]]) -> tuple[str, str]:
    if m.group("sizo"):
        kind, number = "SIZO", m.group("n1")
    elif m.group("ik"):
        kind, number = "IK", m.group("n2")
    else:
        kind, number = "T", m.group("n3")
    label = {"SIZO": f"SIZO-{number}", "IK": f"Penal colony No. {number} (IK-{number})",
             "T": f"Prison No. {number}"}[kind]
    s_start, s_end = ctx.sentence_at(m.start())
    cities = [h for h in hits if s_start <= h[0] < s_end and h[2] == "cities"
              and abs(h[0] - m.start()) <= 200
              and min(matches, key=lambda f: abs(f.start() - h[0])) is m]
    if cities:
        city = min(cities, key=lambda h: abs(h[0] - m.start()))
        return f"{city[3]}-{kind.lower()}-{number}", f"{label}, {city[4]}"
    return f"facility:{kind.lower()}-{number}", label
