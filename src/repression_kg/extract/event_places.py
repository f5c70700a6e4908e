"""Where an event happened, and between which countries a transfer went (used by events).

A place is the one named nearest the cue within its clause after "in", "at", "в" ...;
a transfer's countries come from "to"/"from" before the country names of its sentence
("Kazakhstan deported him to Russia" gives from Kazakhstan to Russia). A destination not
named as a country is the country of a city after "to" ("on a plane to Moscow"), of the
officials he was handed to ("to Russian officers"), of the place a later sentence of the
paragraph says the plane landed in, or of a place after the cue in another country than
the one he left ("taken out of Armenia and held in Rostov-on-Don"). An origin not named is
the country of a place of the cue's clause ("handed over ... in Yerevan"), else of the place
named before it in its paragraph. Countries come from the places extractor, or from the
small list in ontology/lookups/events.yml when it found none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context
from repression_kg.extract.clauses import clause
from repression_kg.extract.literals import flat, word_index


def lead(words: Iterable[str]) -> str:
    """A look-ahead for the first characters of the literal ``words``, to stand right
    before an alternation of them (and before its ``\\b`` or look-behind).

    It holds wherever one of the words can start, so a pattern matches exactly as it does
    without it. A pattern that ignores case, or opens with ``\\b`` or a look-behind, gives
    the engine no literal prefix to skip ahead with: it tries every offset of a window,
    and there this one character test fails at once for most. Inside ``(?i:...)`` the
    class ignores case as the words do.
    """
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def alternation(words: Sequence[str]) -> str:
    """``(?:...)`` of the literal ``words`` in their order, a space standing for ``\\s+``,
    after their :func:`lead`."""
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return f"{lead(words)}(?:{alt})"


def by_first(words: Sequence[str], not_after: str) -> str:
    """``(?<!not_after)(?:...)`` of the literal ``words`` in their order (``not_after`` a
    one-character class), written so that the engine skips to where a word can start.

    The words are grouped by their first character (each group in the order of
    ``words``): at an offset only the words that start with its character can match, so
    the first of them that does is the one the flat alternation matches. Each group opens
    with its character (a pattern that opens with a look-behind, a ``\\b`` or a
    look-ahead is tried at every offset), the look-behind right after it reaching one
    character further back.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(rf"{re.escape(first)}(?<!{not_after}[\s\S])(?:{'|'.join(rests)})"
                            for first, rests in groups.items()) + ")"


#: the words before a place that say an event happened there (searched at the end of a
#: window before the place)
_LOCATIVE = re.compile(r"(?i:\b" + alternation(
    ("in", "at", "near", "outside", "inside", "on the territory of", "в", "во",
     "на территории", "под")) + r"\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+"
                       r"|village\s+of\s+|region\s+of\s+)?$)")
_TO = re.compile(r"(?i:\b" + alternation(("to", "into", "back to", "over to", "в", "во"))
                 + r"\s+(?:the\s+)?$)")
#: "to" in English only: Russian "в" is also "in" ("в Бишкеке")
_TO_EN = re.compile(r"(?i:\b" + alternation(("to", "into", "back to", "over to"))
                    + r"\s+(?:the\s+)?$)")
_WITH = re.compile(r"(?i:\b" + alternation(("with", "to", "с")) + r"\s+(?:the\s+)?$)")
_FROM = re.compile(r"(?i:\b" + alternation(("from", "out of", "из")) + r"\s+(?:the\s+)?$)")


def _alternation(forms: dict) -> str:
    return "|".join(sorted((re.escape(str(f)) for fs in forms.values() for f in fs),
                           key=len, reverse=True))


@cache
def _demonyms() -> re.Pattern[str]:
    """ "to Russian officers": a demonym and the officials it qualifies (events.yml)."""
    spec = lookups.load("events")["demonyms"]
    alt, ru = _alternation(spec["forms"]), _alternation(spec["forms_ru"])
    who = "|".join(re.escape(str(w)) for w in spec["officials"])
    ru_who = "|".join(re.escape(str(w)) for w in spec["officials_ru"])
    return re.compile(rf"(?i:\b(?:to|over\s+to|into\s+the\s+custody\s+of)\s+(?:the\s+)?"
                      rf"(?P<d>{alt})\s+(?:[a-z-]+\s+)?(?:{who})\b"
                      rf"|(?<!\w)(?P<r>{ru})\s+(?:[а-яё-]+\s+)?(?:{ru_who})(?!\w))")


@cache
def _by_demonym() -> re.Pattern[str]:
    """ "by Kyrgyz officials": the state whose officials carried a transfer out."""
    spec = lookups.load("events")["demonyms"]
    alt = _alternation(spec["forms"])
    who = "|".join(re.escape(str(w)) for w in spec["officials"])
    return re.compile(rf"(?i:\bby\s+(?:the\s+)?(?P<d>{alt})\s+(?:[a-z-]+\s+)?(?:{who})\b)")


@cache
def _arrival() -> re.Pattern[str]:
    """Words before the place where a transfer ended, in a later sentence (events.yml)."""
    words = [str(w) for w in lookups.load("events")["arrivals"]]
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?i:\b{lead(words)}(?:{alt})\s+(?:the\s+)?$)")


@cache
def _demonym_country() -> dict[str, str]:
    spec = lookups.load("events")["demonyms"]
    return {str(f).lower(): str(name) for key in ("forms", "forms_ru")
            for name, fs in spec[key].items() for f in fs}


@cache
def _country_forms() -> dict[str, str]:
    return {str(f): str(name) for name, fs in lookups.load("events")["countries"].items()
            for f in fs}


def countries(ctx: Context) -> list[tuple[int, int, str]]:
    """Country mentions (start, end, name): from the places extractor, else our own list."""
    found = [(m.start, m.end, p.name) for p in ctx.facts.places if p.type == "country"
             for m in p.mentions]
    if found:
        return sorted(found)
    forms = _country_forms()
    text = ctx.text
    return [(s, e, forms[flat(text[s:e])])
            for s, e in word_index(ctx.scratch, text).find(tuple(forms))]


def _within(items: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    """The items of a list sorted by start that lie inside ``[start, end)``."""
    lo = bisect.bisect_left(items, (start,))
    hi = bisect.bisect_left(items, (end,))
    return [item for item in items[lo:hi] if item[1] <= end]


def places(ctx: Context) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, p.name) for p in ctx.facts.places for m in p.mentions)


def transfer_countries(ctx: Context, kind: str, start: int, end: int,
                        countries: list[tuple[int, int, str]]) -> tuple[str | None, str | None]:
    text = ctx.text
    s_start, s_end = ctx.sentence_at(start)
    here = _within(countries, s_start, s_end)
    to_country = from_country = None
    for c_start, _, name in here:
        if c_start >= end and to_country is None and _TO.search(text[max(s_start, c_start - 40):c_start]):
            if c_start < clause(ctx, start, end)[1]:
                to_country = name
        if from_country is None and _FROM.search(text[max(s_start, c_start - 12):c_start]):
            from_country = name
    if kind == "border_crossing":
        if to_country is None:
            after = [c for c in here if c[0] >= end]
            to_country = after[0][2] if after else None
        return from_country, to_country
    if kind == "exchange":
        # "Russia and Belarus freed ... in an exchange with the United States"
        partner = [c for c in here if c[0] >= end and _WITH.search(text[max(s_start, c[0] - 12):c[0]])]
        before = [c for c in here if c[1] <= start]
        return (before[0][2] if before else from_country,
                partner[0][2] if partner else to_country)
    if from_country is None:
        # (not a possessive: "Belarus, Russia's closest ally, ... extradited him")
        before = [c for c in here if c[1] <= start and c[2] != to_country
                  and text[c[1]:c[1] + 2] not in ("'s", "’s")]
        from_country = before[-1][2] if before else None
    if to_country is None and kind in ("deportation", "extradition"):
        inside = [c for c in here if start <= c[0] and c[1] <= end]
        # "выдали России": the cue names where he was sent
        to_country = inside[0][2] if inside else _destination(ctx, start, end, from_country)
    if from_country is None and kind in ("deportation", "extradition"):
        by = _by_demonym().search(text, end, clause(ctx, start, end)[1])
        if by is not None and _demonym_country()[by.group("d").lower()] != to_country:
            from_country = _demonym_country()[by.group("d").lower()]
    if from_country is None and to_country is not None and kind in ("deportation",
                                                                    "extradition"):
        from_country = _handed_over_in(ctx, start, end, to_country) or \
            _held_in(ctx, start, to_country) or _released_from_russia(ctx, start, to_country)
    return from_country, to_country


#: a release before a deportation, and a term under a Russian code, in one sentence
_RELEASED = re.compile(r"(?i:\b(?:released|freed|served\s+(?:his|her)\s+(?:sentence|term)|"
                       r"освобожд\w*|освободил\w*|вышел|вышла)\b)")
_RUSSIAN_LAW = re.compile(r"(?:\bArticle\s+\d{3}(?:\.\d)?\b|\bст\.\s?\d{3}|Criminal Code|УК РФ)")


def _released_from_russia(ctx: Context, start: int, to_country: str) -> str | None:
    """ "sentenced under Article 282.2 ...; he was released and deported to Denmark": a
    prisoner of a Russian sentence, set free and deported abroad, leaves Russia."""
    s_start, _ = ctx.sentence_at(start)
    before = ctx.text[s_start:start]
    if to_country != "Russia" and _RELEASED.search(before) and _RUSSIAN_LAW.search(before):
        return "Russia"
    return None


def _handed_over_in(ctx: Context, start: int, end: int, to_country: str) -> str | None:
    """The country of the place in the transfer's clause where it happened ("handed over
    to the Russian side in Yerevan", "властями Киргизии"), when not the destination's."""
    c_start, c_end = clause(ctx, start, end)
    near = [(abs(p_start - end) if p_start >= end else start - p_end, name)
            for p_start, p_end, name in _within(places(ctx), c_start, c_end)
            if p_end <= start or p_start >= end]
    for _gap, name in sorted(near):
        country = _country_of(name)
        if country is not None and country != to_country:
            return country
    return None


def _destination(ctx: Context, start: int, end: int, from_country: str | None) -> str | None:
    """Where a transfer went when no country follows "to": the country of a place after
    "to" in its clause ("on a plane to Moscow"), of the officials it was handed to ("handed
    over to Russian officers"), else of the first place after the cue in its sentence in
    another country than the one it left ("taken out of Armenia and held in Rostov")."""
    text = ctx.text
    s_start, s_end = ctx.sentence_at(start)
    c_end = clause(ctx, start, end)[1]
    after = _within(places(ctx), end, s_end)
    for p_start, _, name in after:
        if p_start < c_end and _TO_EN.search(text[max(s_start, p_start - 40):p_start]):
            country = _country_of(name)
            if country is not None:
                return country
    m = _demonyms().search(text, start, min(c_end, end + 60))
    if m is not None:
        return _demonym_country()[(m.group("d") or m.group("r")).lower()]
    b_start, b_end = ctx.block_at(start)
    for p_start, _, name in _within(places(ctx), s_end, b_end):
        # "put him on a deportation flight. ... The plane landed in Moscow"
        if _arrival().search(text[max(b_start, p_start - 30):p_start]):
            country = _country_of(name)
            if country is not None and country != from_country:
                return country
    if from_country is None:
        return None
    for _, _, name in after:
        country = _country_of(name)
        if country is not None and country != from_country:
            return country
    return None


def _held_in(ctx: Context, start: int, to_country: str) -> str | None:
    """The country of the nearest place named before a transfer in its paragraph ("served
    his sentence in a colony in the Kursk region. He was ... deported to Denmark"): the
    state that let him go, when the sentence itself names none."""
    b_start, _ = ctx.block_at(start)
    for p_start, p_end, name in reversed(places(ctx)):
        if p_end > start:
            continue
        if p_start < b_start:
            break
        country = _country_of(name)
        if country is not None and country != to_country:
            return country
    return None


@cache
def _places_by_name() -> tuple[dict[str, str], dict[str, str | None]]:
    """From ontology/lookups/places.yml: place name → key, and key → the key it lies in."""
    by_name: dict[str, str] = {}
    parent: dict[str, str | None] = {}
    for entries in lookups.load("places").values():
        for key, entry in (entries or {}).items():
            if isinstance(entry, dict) and "name" in entry:
                by_name.setdefault(str(entry["name"]), str(key))
                parent.setdefault(str(key), entry.get("in"))
    return by_name, parent


def _country_of(name: str) -> str | None:
    """The country a gazetteer place lies in (itself for a country), following ``in``."""
    by_name, parent = _places_by_name()
    countries = lookups.load("places")["countries"]
    key = by_name.get(name)
    for _ in range(6):  # city → district → region → country at most
        if key is None:
            return None
        if key in countries:
            return str(countries[key]["name"])
        key = parent.get(key)
    return None


def place(ctx: Context, start: int, end: int, places: list[tuple[int, int, str]],
          kind: str, clause_span: tuple[int, int] | None = None) -> str | None:
    """The place named nearest the cue within its clause (``clause_span``, when the
    caller has it), after "in", "at", "в" ...

    For asylum decisions the deciding country before the cue counts too ("Kazakhstan
    rejected his request").
    """
    text = ctx.text
    c_start, c_end = clause_span or clause(ctx, start, end)
    near = [p for p in _within(places, c_start, c_end) if (
        _LOCATIVE.search(text[max(c_start, p[0] - 40):p[0]])
        or (kind.startswith("asylum_") and p[1] <= start))
        and (p[0] >= end or "," not in text[p[1]:start])]  # not from an aside before the cue
    if not near:
        return None
    return min(near, key=lambda p: p[0] - end if p[0] >= end else start - p[1])[2]
