"""Extractor: courts — named ("Krasnoyarsk Garrison Military Court", "Пресненский районный
суд") and described ("a court in Barnaul", "a military court", "the appeals court").

Known courts come from ontology/lookups/courts.yml (with type and seat). Other named
courts are capitalised words before a court-type word and "Court" (or a Russian adjective
before "суд"); their type comes from ontology/lookups/court-types.yml and their city from a
gazetteer place inside or right after the name ("District Court of Moscow"). Described
courts carry the type their words give and a city when "in <City>" follows. One Court per
name per document, with every mention; the bare words "the court" are not a court.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from repression_kg import lookups
from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.anchored import Anchored, Reaching
from repression_kg.extract.base import Context
from repression_kg.extract.gazetteer import Gazetteer
from repression_kg.extract.places import gazetteer_hits
from repression_kg.extract.prescan import Prescan
from repression_kg.facts import Court, CourtType

#: capitalised words of a name; a word with a full stop is an abbreviation ("St."), never
#: the last word of the sentence before ("Russia. The Yefremov District Court")
_CAP = r"(?:[A-Z](?:[\w’'-]*|[a-z]{0,2}\.)\s){1,4}"
_TYPE_EN = (r"(?:Garrison\s|District\s|Regional\s|Oblast\s|Krai\s|City\s|Municipal\s|"
            r"Republican\s|Territorial\s|Interdistrict\s|Magistrate(?:'s|s)?\s|Naval\s|"
            r"Military\s|Appeals?\s|Appellate\s|Cassation\s){0,3}")
_NAMED_EN = re.compile(
    rf"(?<![\w’'-])(?P<name>{_CAP}{_TYPE_EN}Court"
    r"(?:\sof\s(?:Appeal|Appeals|Cassation)\b)?(?: (?:of|in) (?:the )?"
    r"(?P<of>(?:Republic of )?[A-Z][\w-]+(?: [A-Z][\w-]+)?))?)")
_NAMED_RU = re.compile(
    r"(?<!\w)(?P<name>(?:(?:\d-(?:й|го|му|м)|[А-ЯЁ][а-яё-]*(?:ий|ый|ой|ого|его|ому|ему|ом|ем|ым|им))\s)"
    r"{0,3}"
    r"(?:районн|городск|областн|краев|гарнизонн|окружн|военн|апелляционн|кассационн|"
    r"верховн|межрайонн|республиканск|мирово|флотск)[а-яё]{0,4}\s"
    r"(?:(?:военн|окружн)[а-яё]{0,4}\s)?суд[а-яё]{0,2})(?!\w)"
    r"(?:\s(?:г\.\s?|города\s)?(?P<of>[А-ЯЁ][а-яё-]+))?")
_ARTICLE = r"(?<!\w)(?:an?|the|этот|тот)?\s?"
_KINDS = (r"military appeals?|military|appeals?|appellate|cassation|district|regional|city|"
          r"garrison|district military|lower")
_DESCRIBED = re.compile(
    rf"(?i){_ARTICLE}(?P<name>(?:(?P<kind>{_KINDS})\s)?court"
    r"(?:\sof\s(?:appeals?|cassation))?)(?:\s(?:in|of)\s(?P<city>[A-Z][\w-]+(?:[\s-]on[\s-][A-Z]\w+)?))?")
#: a court described by its city alone: "a Moscow court", "суд в Барнауле"
_CITY_COURT = re.compile(r"(?<![\w-])(?:(?P<city>[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?)\s"
                         r"(?P<en>court)(?!\w)|(?P<ru>суд[а-яё]{0,2})\s(?:в|г\.)\s?"
                         r"(?P<rucity>[А-ЯЁ][а-яё-]+))")
#: what follows "Supreme Court" when it is a republic's court, not Russia's
_OF_REGION = re.compile(r"\s(?:of|in)\s(?:the\s)?(?:Republic\s(?:of\s)?)?(?P<w>[A-Z][\w-]+)")
#: the patterns run over the whole text, each tried only where a match can start: at
#: capitals or literal starts (prescan) in the run of name characters right before a
#: "Court", "court" or "суд" (reaching), or a few characters before "court" (anchored)
_SCANS = {"named_en": Reaching(Prescan(_NAMED_EN), r"[\w’'.\s-]", ("Court",)),
          "named_ru": Reaching(Prescan(_NAMED_RU), r"[\w\s-]", ("суд",)),
          "described": Anchored(_DESCRIBED, rf"{_ARTICLE}(?:(?:{_KINDS})\s)?", "court"),
          "city": Reaching(Prescan(_CITY_COURT), r"[\w\s-]", ("court", "суд"))}
_POSSESSIVE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s$")
_STEMS = ("court", "суд")
#: capitalised words that open a sentence or clause but are not part of a court's name
_NOT_NAME = frozenset({"The", "A", "An", "In", "On", "At", "By", "From", "When", "Then", "But",
                       "And", "After", "Before", "Later", "This", "That", "His", "Her",
                       "Their", "Its", "Our", "Russia's", "Russia’s", "Meanwhile", "However"})


@cache
def _known() -> tuple[Gazetteer, dict[str, dict]]:
    table = {k: v for k, v in lookups.load("courts").items() if v}
    pairs = [(str(f), key) for key, v in table.items() for f in {v["name"], *v.get("forms", [])}]
    return Gazetteer(pairs), table


@cache
def _types() -> list[tuple[str, CourtType]]:
    pairs = [(str(w).lower(), t) for t, words in lookups.load("court-types").items()
             for w in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


def court_type(words: str) -> CourtType | None:
    """The contract's court type that the words of a court's name give, if any.

    >>> court_type("Krasnoyarsk Garrison Military Court"), court_type("Басманный районный суд")
    ('garrison_military', 'district')
    """
    low = " " + words.lower() + " "
    for word, kind in _types():
        if f" {word} " in low:
            return kind
    return None


@cache
def _place_names() -> dict[str, str]:
    return {str(k): str(v["name"]) for entries in lookups.load("places").values()
            for k, v in (entries or {}).items()}


def extract_courts(ctx: Context) -> None:
    low = ctx.lowered() or ctx.text.lower()
    if not any(stem in low for stem in _STEMS):
        return
    found: dict[str, Court] = {}
    taken = _Taken()
    matcher, table = _known()
    for hit in matcher.find(gazetteer.tokens(ctx.scratch, ctx.text)):
        entry = table[hit.value]
        if not ctx.text[hit.start].isupper() and hit.form.isascii():
            continue
        after = _OF_REGION.match(ctx.text, hit.end)
        if after and entry.get("type") == "supreme" and not after.group("w").startswith("Russia"):
            continue  # "Supreme Court of Crimea": a regional court, named below
        owner = _POSSESSIVE.search(ctx.text, max(0, hit.start - 40), hit.start)
        if owner and entry.get("type") == "supreme" and not owner.group(1).startswith("Russia"):
            # "Kalmykia's Supreme Court": the supreme court of a republic, a regional court
            _add(ctx, found, f"Supreme Court of {owner.group(1)}", None, "regional",
                 owner.start(), hit.end)
            taken.add((owner.start(), hit.end))
            continue
        city = _place_names().get(str(entry.get("city")), None) if entry.get("city") else None
        _add(ctx, found, entry["name"], city, entry.get("type"), hit.start, hit.end)
        taken.add((hit.start, hit.end))
    hits = gazetteer_hits(ctx)
    scan_low = prescan.lowered(ctx)
    for name in ("named_en", "named_ru"):
        for m in _SCANS[name].finditer(ctx.text, scan_low):
            start, end = _trim(ctx.text, m)
            if end - start < 8 or taken.overlaps(start, end):
                continue
            name = ctx.text[start:end]
            if name.lower() in ("court", "суд") or name.split()[0].lower() in ("court", "суд"):
                continue
            city = _city(hits, start, max(end, m.end()))
            name = _nominative(name)
            kind = court_type(name)
            if kind == "supreme" and m.groupdict().get("of") and \
                    not m.group("of").startswith("Russia"):
                kind = "regional"  # the supreme court of a republic of the federation
            _add(ctx, found, name, city, kind, start, end)
            taken.add((start, end))
    for m in _SCANS["described"].finditer(ctx.text, scan_low):
        if taken.overlaps(m.start("name"), m.end()):
            continue
        kind, city_word = m.group("kind"), m.group("city")
        city = _city(hits, m.start("city"), m.end("city")) if city_word else None
        if not kind and not city:
            continue  # "the court": no name, no type, no seat
        if city_word and not city:
            continue  # "court of Justice", "court in Strasbourg" unknown: not guessed
        name = m.group("name").lower() + (f" in {city}" if city else "")
        _add(ctx, found, name, city, court_type(m.group("name")), m.start("name"), m.end())
        taken.add((m.start("name"), m.end()))
    named_in = {}
    for court in found.values():
        if court.city and court.type and not court.name.islower():
            named_in.setdefault(court.city, []).append(court)
    for m in _SCANS["city"].finditer(ctx.text, scan_low):
        word = "city" if m.group("en") else "rucity"
        if taken.overlaps(m.start(), m.end()):
            continue
        city = _city(hits, m.start(word), m.end(word))
        if city is None:
            continue
        taken.add((m.start(), m.end()))
        if len(named_in.get(city, [])) == 1:
            # "A Moscow court ... sentenced" in a text that names one court in Moscow
            named_in[city][0].mentions.append(ctx.span(m.start(), m.end()))
            continue
        _add(ctx, found, m.group(), city, None, m.start(), m.end())
    for court in found.values():
        court.mentions.sort(key=lambda span: span.start)
    ctx.facts.courts.extend(sorted(found.values(), key=lambda c: c.mentions[0].start))


def _add(ctx: Context, found: dict[str, Court], name: str, city: str | None,
         kind: str | None, start: int, end: int) -> None:
    key = name.lower()
    court = found.get(key)
    if court is None:
        court = Court(id=f"court{len(found) + 1}", name=name, city=city, type=kind)
        found[key] = court
    court.mentions.append(ctx.span(start, end))


def _trim(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The name without leading sentence words ("On", "The") it caught."""
    start, end = m.start("name"), m.end("name")
    while True:
        word_end = text.find(" ", start, end)
        if word_end < 0 or text[start:word_end] not in _NOT_NAME:
            return start, end
        start = word_end + 1


def _city(hits: list, start: int, end: int) -> str | None:
    for h_start, _h_end, section, _key, name in hits:
        if start <= h_start < end + 3 and section == "cities":
            return name
    return None


class _Taken:
    """Spans already given to a court, sorted by start: an overlap test looks only at the
    spans that start less than the longest span before ``start`` (not linear in a text
    with thousands of court names)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.spans, (start - self.longest,))
        hi = bisect.bisect_left(self.spans, (end,))
        return any(start < e for _s, e in self.spans[lo:hi])


_RU_NOUN = re.compile(r"суд(?:а|у|ом|е)$")


@cache
def _morph():  # noqa: ANN202 - pymorphy3 has no type hints
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def _nominative(name: str) -> str:
    """A Russian court name in the nominative ("Басманного районного суда" → "Басманный
    районный суд"); English names are returned as they are."""
    if not _RU_NOUN.search(name):
        return name
    out = []
    for word in name.split()[:-1]:
        parses = [p for p in _morph().parse(word) if "ADJF" in p.tag]
        form = parses[0].inflect({"nomn", "sing", "masc"}) if parses else None
        new = form.word if form else word
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join([*out, "суд"])
