"""Russian court names, for the courts extractor: the nominative of a court name in any
case ("Басманного районного суда" → "Басманный районный суд"), its seat from a place
adjective ("Томский областной суд" → Tomsk) and its English name
(ontology/lookups/court-names.yml: "Kirovsky District Court").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from repression_kg import lookups
from repression_kg.extract.russian_latin import transliterate

_RU_NOUN = re.compile(r"суд(?:а|у|ом|е)$")


@cache
def _morph():  # noqa: ANN202 - pymorphy3 has no type hints
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def nominative(name: str) -> str:
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


@cache
def _ru_places() -> dict[str, str]:
    """The stem of a Russian place name ("томск", "свердловск") → its English name
    ("Tomsk", "Sverdlovsk"): cities first, then regions without "Oblast", "Krai" ..."""
    out: dict[str, str] = {}
    data = lookups.load("places")
    for section in ("cities", "regions"):
        for entry in (data.get(section) or {}).values():
            name = re.sub(r"\s(?:Oblast|Krai|Republic|Autonomous Okrug)$", "", str(entry["name"]))
            for form in [entry.get("ru"), *entry.get("forms", [])]:
                if form and "\u0400" <= str(form)[0] <= "\u04ff":
                    out.setdefault(lookups.norm(str(form).split()[0].lower()), name)
    return out


@cache
def _city_names() -> frozenset[str]:
    return frozenset(str(e["name"]) for e in (lookups.load("places").get("cities") or {}).values())


def seat(name: str) -> str | None:
    """The city a Russian court's first word names ("Томский областной суд" → Tomsk)."""
    place = _place_adjective(name.split()[0])
    return place if place in _city_names() else None


def _place_adjective(word: str) -> str | None:
    """The English place an adjective names ("Томский" → Tomsk, "Абаканский" → Abakan)."""
    stem = lookups.norm(word.lower())
    places = _ru_places()
    for cut in ("", "ск", "инск"):
        if stem.endswith(cut):
            found = places.get(stem[:len(stem) - len(cut)])
            if found:
                return found
    return None


def english_name(name: str, kind: str | None) -> str:
    """The English name of a Russian court's name in the nominative: its kind's words
    translated, a place adjective as the place ("Tomsk Regional Court"), another name
    transliterated ("Kirovsky District Court"); ontology/lookups/court-names.yml.

    >>> english_name("Кировский районный суд", "district")
    'Kirovsky District Court'
    """
    data = lookups.load("court-names")
    out = []
    for word in name.split()[:-1]:
        low = word.lower()
        if low in data["words"]:
            out.append(str(data["words"][low]))
        elif low in data["ordinals"]:
            out.append(str(data["ordinals"][low]))
        elif low in data["names"]:
            out.append(str(data["names"][low]))
        elif re.fullmatch(r"\d+-[а-я]+", low):
            n = int(low.split("-")[0])
            out.append(f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}")
        else:
            place = _place_adjective(word) if kind not in ("district", None) else None
            out.append(place or transliterate(word))
    return " ".join([*out, "Court"])

