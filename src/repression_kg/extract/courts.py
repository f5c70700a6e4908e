"""Extractor: courts — named ("Krasnoyarsk Garrison Military Court", "Пресненский районный
суд") and described ("a court in Barnaul", "a military court", "the appeals court").

Known courts come from ontology/lookups/courts.yml (with type and seat). Other named
courts are capitalised words before a court-type word and "Court" (or a Russian adjective
before "суд"); their type comes from ontology/lookups/court-types.yml and their city from a
gazetteer place inside or right after the name ("District Court of Moscow"). Described
courts carry the type their words give and a city when "in <City>" follows; one that fits
a named court of its kind is a mention of that court ("the same city court"), and one that
only names a stage of a case whose courts are named ("the appeal court") is none. Courts
named in Russian get their English names (ontology/lookups/court-names.yml: "Кировский
районный суд Уфы" is the Kirovsky District Court in Ufa). One Court per name per document,
with every mention; the bare words "the court" are not a court.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache

from repression_kg import lookups
from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.anchored import Anchored, Reaching
from repression_kg.extract.base import Context
from repression_kg.extract.court_names_ru import english_name
from repression_kg.extract.court_names_ru import nominative as ru_nominative
from repression_kg.extract.court_names_ru import seat as ru_seat
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
#: a number some courts have before their name ("the 235th Garrison Military Court")
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)\s)?"
_NAMED_EN = re.compile(
    rf"(?<![\w’'-])(?P<name>{_ORDINAL}{_CAP}{_TYPE_EN}Court"
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
#: "Court", "court" or "суд" (reaching), or a few characters before "court" (anchored).
#: A name's words before its "Court" end in one white-space character each: an ordinal,
#: four capitals, three types (8); in Russian three adjectives, two types (5).
_SCANS: dict[str, Reaching | Anchored] = {
    "named_en": Reaching(Prescan(_NAMED_EN), r"[\w’'.\s-]", ("Court",), spaces=8),
    "named_ru": Reaching(Prescan(_NAMED_RU), r"[\w\s-]", ("суд",), spaces=5),
    "described": Anchored(_DESCRIBED, rf"{_ARTICLE}(?:(?:{_KINDS})\s)?", "court"),
    "city": Reaching(Prescan(_CITY_COURT), r"[\w\s-]", ("court", "суд"))}
#: the characters of a city's name before "court" in :data:`_CITY_COURT`
_CITY_LETTERS = frozenset(string.ascii_letters + "-")


def _city_courts(text: str) -> Iterator[re.Match[str]]:
    """``_CITY_COURT.finditer(text)`` (as ``_SCANS["city"]`` gives it), tried only at each
    "суд" and before each "court" where the letters and hyphens ending one character
    before it begin: a city's name starts there or nowhere (before it stands none)."""
    offsets = set()
    for anchor in ("court", "суд"):
        i = text.find(anchor)
        while i >= 0:
            start = i - 1 if anchor == "court" else i
            while anchor == "court" and start > 0 and text[start - 1] in _CITY_LETTERS:
                start -= 1
            offsets.add(start)
            i = text.find(anchor, i + 1)
    return (m for _, m in prescan.matches_at(_CITY_COURT, text, sorted(offsets),
                                             [(0, len(text))]))


#: a court named by a Russian adjective and its kind in lower case ("Kirovsky district court")
_NAMED_LOWER = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]{3,}(?:sky|skiy|skoy|skoi|ny|nyy|nyi)\s"
                          r"(?:district|interdistrict|city|regional|garrison military|garrison)"
                          r"\scourt)(?!\w)(?:\s(?:in|of)\s(?P<of>[A-Z][\w-]+))?")
#: a Russian adjective in Latin letters that names a district court ("Shcherbinsky")
_RU_ADJECTIVE = re.compile(r"^[A-Z][a-z]{3,}(?:sky|skiy|skoy|skoi|ny|nyy|nyi)$")
_POSSESSIVE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s$")
_STEMS = ("court", "суд")
#: capitalised words that open a sentence or clause but are not part of a court's name
_NOT_NAME = frozenset({"Приговором", "Решением", "Постановлением", "Определением",
                       "The", "A", "An", "In", "On", "At", "By", "From", "When", "Then", "But",
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


@lru_cache(maxsize=4096)
def court_type(words: str) -> CourtType | None:
    """The contract's court type that the words of a court's name give, if any (a pure
    function of the words and court-types.yml: kept for the names that recur).

    >>> court_type("Krasnoyarsk Garrison Military Court"), court_type("Басманный районный суд")
    ('garrison_military', 'district')
    """
    low = " " + " ".join(words.lower().split()) + " "
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
    hits = gazetteer_hits(ctx)
    for hit in matcher.find(gazetteer.tokens(ctx.scratch, ctx.text)):
        entry = table[hit.value]
        if not (ctx.text[hit.start].isupper() or ctx.text[hit.start].isdigit()) \
                and hit.form.isascii():
            continue
        after = _OF_REGION.match(ctx.text, hit.end)
        if after and entry.get("type") == "supreme" and not after.group("w").startswith("Russia"):
            continue  # "Supreme Court of Crimea": a regional court, named below
        region = _region_after(ctx.text, hits, hit.end) if entry.get("type") == "supreme" else None
        if region is not None:
            # "Верховный суд Башкортостана", "Верховного суда Республики Карелия"
            _add(ctx, found, f"Supreme Court of {region[1]}", None, "regional", hit.start,
                 region[0])
            taken.add((hit.start, region[0]))
            continue
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
            name = ru_nominative(name)
            kind = court_type(name)
            if name.endswith("суд"):
                if city is None and kind not in ("district", None):
                    city = ru_seat(name)  # "Костромской областной суд" sits in Kostroma
                name = english_name(name, kind)
            if kind == "supreme" and m.groupdict().get("of") and \
                    not m.group("of").startswith("Russia"):
                kind = "regional"  # the supreme court of a republic of the federation
            _add(ctx, found, name, city, kind, start, end)
            taken.add((start, end))
    if "sky " in low or "skoy " in low or "ny " in low:
        for m in _NAMED_LOWER.finditer(ctx.text):
            start, end = m.start("name"), m.end("name")
            if taken.overlaps(start, end):
                continue
            # "the Kirovsky district court in Ufa": the Kirovsky District Court
            name = " ".join(w[:1].upper() + w[1:] for w in m.group("name").split())
            kind = court_type(name)
            _add(ctx, found, name, _city(hits, end, m.end()), kind, start, end)
            taken.add((start, end))
    named_before_described = sorted(found.values(), key=lambda c: c.mentions[0].start)
    for m in _SCANS["described"].finditer(ctx.text, scan_low):
        if taken.overlaps(m.start("name"), m.end()):
            continue
        kind_word, city_word = m.group("kind"), m.group("city")
        city = _city(hits, m.start("city"), m.end("city")) if city_word else None
        if not kind_word and not city:
            continue  # "the court": no name, no type, no seat
        if city_word and not city:
            continue  # "court of Justice", "court in Strasbourg" unknown: not guessed
        kind = court_type(m.group("name"))
        taken.add((m.start("name"), m.end()))
        if city is None and _HYPOTHETICAL.search(ctx.text, max(0, m.start() - 30), m.start("name")):
            continue  # "to face a military court": no court of the case
        named = [c for c in named_before_described if _fits(kind, city, c)]
        if named:
            # "the same city court", "a Russian military court": the named court of that
            # kind it refers back to (else the first one named after it)
            before = [c for c in named if c.mentions[0].start < m.start()]
            court = before[-1] if before else named[0]
            court.mentions.append(ctx.span(m.start("name"), m.end()))
            continue
        if kind is None and city is not None:
            later = [c for c in named_before_described if c.city == city and c.type
                     and not c.name.islower()]
            if later and all(m.start() < c.mentions[0].start for c in named_before_described):
                # "A court in Ufa sentenced him" before any court is named: the court in
                # Ufa the text goes on to name
                later[0].mentions.append(ctx.span(m.start("name"), m.end()))
                continue
        if city is None and kind not in _ONE_OF_ITS_KIND \
                and any(c.type not in _NOT_INSTANCES for c in named_before_described):
            continue  # "the appeal court" of a case whose courts are named: a stage, no court
        if kind is None and city is not None and _abroad(hits, m.start("city"), m.end("city")):
            kind = "foreign"  # "a court in Copenhagen"
        name = m.group("name").lower() + (f" in {city}" if city else "")
        _add(ctx, found, name, city, kind, m.start("name"), m.end())
    named_in: dict[str, list[Court]] = {}
    for court in found.values():
        if court.city and court.type and not court.name.islower():
            named_in.setdefault(court.city, []).append(court)
    for m in _city_courts(ctx.text):
        word = "city" if m.group("en") else "rucity"
        if taken.overlaps(m.start(), m.end()):
            continue
        city = _city(hits, m.start(word), m.end(word))
        if city is None:
            if word == "city" and _RU_ADJECTIVE.search(m.group("city")):
                # "Moscow's Shcherbinsky court", "the Basmanny court": a district court
                # named by its Russian adjective alone
                owner = _POSSESSIVE.search(ctx.text, max(0, m.start() - 40), m.start())
                seat = _city(hits, owner.start(1), owner.end(1)) if owner else None
                _add(ctx, found, m.group(), seat, None, m.start(), m.end())
                taken.add((m.start(), m.end()))
            continue
        taken.add((m.start(), m.end()))
        there = named_in.get(city, [])
        before = [c for c in found.values() if not c.name.islower()
                  and c.mentions[0].start < m.start()]
        if there and not before:
            # "A Moscow court on Friday sentenced him" before any court is named: the
            # first court in Moscow that the text goes on to name
            min(there, key=lambda c: c.mentions[0].start).mentions.append(
                ctx.span(m.start(), m.end()))
            continue
        if len(before) == 1 and before[0] in there:
            # "Court: Meshchansky District Court of Moscow ... A Moscow court sentenced him":
            # the one court named so far, in that city (after another court, or one whose
            # city is not known, "a Moscow court" is another one)
            before[0].mentions.append(ctx.span(m.start(), m.end()))
            continue
        _add(ctx, found, m.group(), city, None, m.start(), m.end())
    courts = _merge_short_forms(list(found.values()))
    for court in courts:
        court.mentions.sort(key=lambda span: span.start)
        if court.city and court.type != "foreign" and _abroad_city(court.city):
            # "окружной суд Гааги", "the District Court of The Hague": a foreign court,
            # named with its city
            court.type = "foreign"
            if court.city not in court.name:
                court.name = f"{court.name} of {court.city}"
    courts.sort(key=lambda c: c.mentions[0].start)
    for n, court in enumerate(courts, start=1):
        court.id = f"court{n}"
    ctx.facts.courts.extend(courts)


#: a court named by its Russian adjective and "court" alone ("the Lyublinsky court")
_SHORT_FORM = re.compile(r"(?P<adj>[A-Z][a-z]+(?:sky|skiy|skoy|sk[iy]i|ny|nyi|ий|ый|ой))\s[Cc]ourt")


def _merge_short_forms(courts: list[Court]) -> list[Court]:
    """A court named without its seat is the one court named with it: "Lyublinsky District
    Court" and "the Lyublinsky court" are the "Lyublinsky District Court of Moscow" of the
    same text (when only one court fits)."""
    out: list[Court] = []
    for court in courts:
        if court.name.islower():
            out.append(court)
            continue
        low = court.name.lower()
        short = _SHORT_FORM.fullmatch(court.name) if court.city is None else None
        fits = [c for c in courts if c is not court and c.city is not None
                and court.city in (None, c.city) and not c.name.islower()
                and (c.name.lower().startswith(low + " of ") or (
                    short is not None and c.type in ("district", "city")
                    and c.name.startswith(short.group("adj") + " ")))]
        if len(fits) == 1:
            fits[0].mentions.extend(court.mentions)
        else:
            out.append(court)
    return out


#: words before a described court that make it hypothetical: "to face a military court"
_HYPOTHETICAL = re.compile(r"(?i)\b(?:face|faces|facing|faced|risk|risks|risking)\s+"
                           r"(?:an?\s+|the\s+)?(?:[a-z]+\s+)?$")
#: courts that are named in a case's text without being one of its instances: the
#: Supreme and Constitutional Courts (a ban, a ruling cited), foreign courts
_NOT_INSTANCES = frozenset({"supreme", "other", "foreign", None})
#: kinds of which Russia has one court: "the military appeals court" says which court
_ONE_OF_ITS_KIND = frozenset({"military_appeals"})
#: the kinds of named courts a described court of a kind may refer to
_KIN = {"military": {"military", "garrison_military", "military_appeals"},
        "appeals": {"appeals", "military_appeals"}}


def _fits(kind: str | None, city: str | None, court: Court) -> bool:
    """Whether a named court is one a described court ("the military court", "a district
    court in Perm") may refer to: of its kind (or a kind of it) and in its city."""
    if kind is None or court.type is None or court.name.islower():
        return False
    if city is not None and court.city != city:
        return False
    return court.type in _KIN.get(kind, {kind})


#: "Supreme Court of the Republic of Karelia" is the "Supreme Court of Karelia"
_REPUBLIC = re.compile(r"\bof the republic of ")
#: between "Верховный суд" and the region it serves: "Республики" (any case), if anything
_RU_REPUBLIC = re.compile(r"\s(?:(?i:республик[аиеу])\s)?")


def _region_after(text: str, hits: list, end: int) -> tuple[int, str] | None:
    """The end and name of a Russian region named in the genitive right after a Russian
    "Верховный суд" ("Верховный суд Башкортостана"): the republic's supreme court."""
    if not text[end - 1:end].isalpha() or not "\u0400" <= text[end - 1] <= "\u04ff":
        return None
    gap = _RU_REPUBLIC.match(text, end)
    if gap is None:
        return None
    i = bisect.bisect_left(hits, (end,))
    for hit in hits[i:i + 2]:  # the region, or its whole form "Республика Крым"
        if hit[0] in (end + 1, gap.end()) and hit[2] == "regions":
            return hit[1], hit[4]
    return None


def _add(ctx: Context, found: dict[str, Court], name: str, city: str | None,
         kind: CourtType | None, start: int, end: int) -> None:
    name = " ".join(name.split())  # (a name wrapped onto the next line)
    # ("the X District Court in Perm" is the "X District Court of Perm")
    key = _REPUBLIC.sub("of ", name.lower()).replace(" court in ", " court of ")
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


def _near(hits: list, start: int, end: int) -> list:
    """The place hits (sorted by start) that start in ``[start, end + 3)``, by bisection."""
    lo = bisect.bisect_left(hits, (start,))
    return hits[lo:bisect.bisect_left(hits, (end + 3,), lo)]


def _city(hits: list, start: int, end: int) -> str | None:
    for _h_start, _h_end, section, _key, name in _near(hits, start, end):
        if section == "cities":
            return name
    return None


@cache
def _abroad_cities() -> frozenset[str]:
    """The names of places.yml's cities in a country other than Russia."""
    places = lookups.load("places")
    return frozenset(str(e["name"]) for e in places["cities"].values()
                     if str(e.get("in", "")) in places["countries"] and e.get("in") != "russia")


def _abroad_city(name: str) -> bool:
    return name in _abroad_cities()


def _abroad(hits: list, start: int, end: int) -> bool:
    """The city in ``[start, end)`` lies in a country other than Russia (places.yml gives
    it a country, not a region of the federation)."""
    cities = lookups.load("places")["cities"]
    for _h_start, _h_end, section, key, _name in _near(hits, start, end):
        if section == "cities":
            country = str(cities.get(key, {}).get("in", ""))
            return country in lookups.load("places")["countries"] and country != "russia"
    return False


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
