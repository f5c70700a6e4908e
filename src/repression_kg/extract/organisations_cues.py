"""The cue tables of ontology/lookups/organisation-cues.yml, read once into :class:`Cues`:
head words, descriptors, cue words, Russian cue stems, and the words that rule a name
out. The pattern modules (:mod:`.organisations_heads`, :mod:`.organisations_cued`) and
the checks (:mod:`.organisations_checks`) read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from repression_kg import lookups
from repression_kg.extract.gazetteer import Gazetteer
from repression_kg.extract.organisations_known import fold
from repression_kg.extract.prescan import Prescan

#: a name in English quotation marks
QUOTED = r"[\"“](?P<name>[^\"“”\n]{1,60})[\"”]"


@dataclass(frozen=True)
class Cues:
    heads: dict[str, str]
    office_after: frozenset[str]
    continuations: frozenset[str]
    articles: frozenset[str]
    abbreviations: frozenset[str]
    phrases: Gazetteer  # descriptor / inclusive / before phrases → the phrase
    kinds: dict[str, list[tuple[str, str]]]  # phrase → (kind, role) of each list it is in
    determiners: frozenset[str]
    function_words: frozenset[str]
    descriptor_links: frozenset[str]
    before_links: frozenset[str]
    not_after_platform: frozenset[str]
    not_first: frozenset[str]
    never: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    generic: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]  # of public figures named by surname alone (known-persons.yml)
    surname_endings: tuple[str, ...]
    ru: re.Pattern[str]
    #: the most characters a match of ``ru`` has before its «
    ru_reach: int
    ru_roles: dict[str, str]
    ru_not_after: tuple[str, ...]
    ru_not_cues: tuple[str, ...]
    ru_not_first: tuple[str, ...]
    ru_never: re.Pattern[str]
    after_place: frozenset[str]
    #: prescanned: tried only where their literal starts occur
    quoted: tuple[Prescan, Prescan]


def _words(spec: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(str(w) for w in spec[name])


@cache
def cues() -> Cues:
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
    # ``(?<![\w\-])(?:[Гг]азет|...)``: the first letter of every cue, then the look-behind
    # and each cue's rest after a look-behind on its own first letter (one class first,
    # so the engine skips to those letters instead of trying every offset)
    firsts = "".join(sorted({re.escape(c) for s in stems for c in (s[0].upper(), s[0])}))
    alts = "|".join(f"(?<=[{s[0].upper()}{s[0]}]){re.escape(s[1:])}" for s in stems)
    ru = re.compile(rf"(?P<cue>[{firsts}](?<![\w\-][\s\S])(?:{alts})[а-яё]{{0,4}})"
                    r"(?P<mid>(?:[ \u00a0][а-яё]{2,20}){0,2})[ \u00a0]?"
                    r"«(?P<name>[^«»\n]{1,80})»")
    return Cues(
        heads={str(k): str(v) for k, v in spec["heads"].items()},
        office_after=_words(spec, "office_after"),
        continuations=_words(spec, "continuations"),
        articles=_words(spec, "continuation_articles"),
        abbreviations=_words(spec, "abbreviations"),
        phrases=Gazetteer([(p, p) for p in kinds]),
        kinds=kinds,
        determiners=_words(spec, "determiners"),
        function_words=_words(spec, "function_words"),
        descriptor_links=_words(spec, "descriptor_links"),
        before_links=_words(spec, "before_links"),
        not_after_platform=_words(spec, "before_not_after_platform"),
        not_first=_words(spec, "not_first"),
        never=_words(spec, "never") | months,
        not_names=frozenset(fold(str(w)) for w in spec["not_names"]),
        demonyms=_words(spec, "demonyms"),
        generic=_words(spec, "generic"),
        first_names=frozenset(names),
        surnames=frozenset(surnames),
        surname_endings=tuple(str(e) for e in spec["surname_endings"]),
        ru=ru,
        # the cue, its ending, two words between and a space
        ru_reach=max(map(len, stems)) + 4 + 2 * (1 + 20) + 1,
        ru_roles={str(k): str(v) for k, v in spec["ru_cues"].items()},
        ru_not_after=tuple(str(w) for w in spec["ru_not_after"]),
        ru_not_cues=tuple(str(w) for w in spec["ru_not_cues"]),
        ru_not_first=tuple(f"{w} " for w in spec["ru_not_first"]),
        ru_never=re.compile(rf"(?<!\w)(?:{_alts(spec['ru_never'])})"),
        after_place=_words(spec, "after_place"),
        quoted=(Prescan(re.compile(rf"(?<!\w)(?:{_alts(spec['quoted_before'])})[ \u00a0]{QUOTED}")),
                Prescan(re.compile(rf"(?<!\w)(?:{_alts(spec['quoted_verbs'])})[ \u00a0]{QUOTED}"
                           r"[ \u00a0](?:as[ \u00a0])?(?:an?[ \u00a0])?(?:[a-z\-]{2,20}[ \u00a0]){0,2}"
                           rf"(?:{_alts(spec['quoted_after'])})(?!\w)"))),
    )


def _alts(words: list[Any]) -> str:
    """A regex alternation of literal phrases, longest first; spaces may be no-break."""
    return "|".join(re.escape(str(w)).replace(r"\ ", "[ \u00a0]")
                    for w in sorted(words, key=lambda w: -len(str(w))))


@cache
def places() -> Gazetteer:
    """Every form of places.yml (a name that is only a place is none of an organisation)."""
    pairs: list[tuple[str, str]] = []
    for section in lookups.load("places").values():
        if not isinstance(section, dict):
            continue
        for key, entry in section.items():
            if isinstance(entry, dict):
                pairs.extend((str(f), str(key))
                             for f in {entry.get("name") or key, *(entry.get("forms") or [])})
    return Gazetteer(pairs)


def only_a_place(phrase: str) -> bool:
    """Is the whole phrase one place's form?"""
    hits = places().find(phrase)
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(phrase)
