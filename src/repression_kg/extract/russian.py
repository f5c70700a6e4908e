"""Russian personal names: nominative case (pymorphy3) and the parts of a name; their Latin
forms and comparison keys (:mod:`repression_kg.extract.russian_latin`) are re-exported here.

Also used by entity resolution, so the API is small and stable:

>>> nominative("Жилину Михаилу Алексеевичу")
'Жилин Михаил Алексеевич'
>>> transliterate("Жилин Михаил Алексеевич")
'Zhilin Mikhail Alekseevich'
>>> name_key("Dmitri Kovalenko") == name_key("Dmitriy Kovalenko")
True
>>> name_key("Daria Kozyreva") == name_key("Daria Kozyrev")
False
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from repression_kg import lookups
from repression_kg.extract.russian_latin import CYRILLIC as CYRILLIC
from repression_kg.extract.russian_latin import SCHEMES as SCHEMES
from repression_kg.extract.russian_latin import is_cyrillic as is_cyrillic
from repression_kg.extract.russian_latin import latin_variants as latin_variants
from repression_kg.extract.russian_latin import name_key as name_key
from repression_kg.extract.russian_latin import token_key as token_key
from repression_kg.extract.russian_latin import transliterate as transliterate

_SPLIT = re.compile(r"(\s+|-)")

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# Surname endings by (gender, case-free): inflected ending → nominative ending. Longest first.
# Used when the dictionary does not know the surname (pymorphy3 tags many surnames as
# common nouns or not at all).
_MASC_ENDINGS = (
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий"),
    ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
    ("ова", "ов"), ("ову", "ов"), ("ове", "ов"), ("ева", "ев"), ("еву", "ев"), ("еве", "ев"),
    ("ёва", "ёв"), ("ёву", "ёв"), ("ина", "ин"), ("ину", "ин"), ("ине", "ин"),
    ("ына", "ын"), ("ыну", "ын"), ("ыне", "ын"),
)
_FEMN_ENDINGS = (
    ("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая"),
    ("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
    ("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("ыну", "ына"),
)


@cache
def _morph() -> Any:
    """The pymorphy3 analyser, built once on first use (about 60 ms)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _restore_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=16384)
def _name_parses(word: str) -> list[Any]:
    return [p for p in _morph().parse(word) if {"Name", "Patr", "Surn"} & set(p.tag.grammemes)]


@lru_cache(maxsize=16384)
def _tags(word: str) -> frozenset[str]:
    """Every grammeme of every parse of ``word``."""
    return frozenset(g for p in _morph().parse(word) for g in p.tag.grammemes)


_CYR_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
#: a run of two or more capitalised Cyrillic words; names ("Фамилия Имя Отчество" in any
#: order) are two- or three-word windows of it (see :func:`names_in_run`)
#: (the look-behind stands after the first capital, so the engine skips to capitals)
CYRILLIC_NAME = re.compile(rf"[А-ЯЁ](?<![\w-][\s\S]){_CYR_WORD[len('[А-ЯЁ]'):]}"
                           rf"(?:[ \u00a0]{_CYR_WORD})+(?![\w-])")
_CYR_TOKEN = re.compile(_CYR_WORD)
_SURNAME_ENDING = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ова|ева|ёва|ина|ына|ых|их|ко|ук|юк|чук|енко|"
    r"швили|дзе|ян|янц|ев[аы]?|ович|ич)[а-яё]{0,3}$")


def names_in_run(run: str) -> list[tuple[int, int, dict[str, str]]]:
    """Person names inside a run of capitalised words, left to right, three-word windows
    first: ``(start, end, parts)`` with offsets relative to ``run``.

    >>> [(s, e) for s, e, _ in names_in_run("Жительницу Пскова Марию Иванову")]
    [(18, 31)]
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _CYR_TOKEN.finditer(run)]
    out = []
    i = 0
    while i < len(tokens) - 1:
        for size in (3, 2):
            window = tokens[i:i + size]
            if len(window) < size:
                continue
            parts = person_name([w for _, _, w in window])
            if parts is not None:
                out.append((window[0][0], window[-1][1], parts))
                i += size
                break
        else:
            i += 1
    return out


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in lookups.load("name-stopwords")["words"])


def person_name(words: list[str]) -> dict[str, str] | None:
    """Parts of a Cyrillic person name in the nominative, or None when ``words`` are not one.

    Needs a given name known to the dictionary plus a surname (dictionary surname or a
    surname-like ending); place and organisation names are refused.

    >>> person_name(["Ивану", "Петрову"])["surname"]
    'Петров'
    >>> person_name(["Алтайский", "край"]) is None
    True
    """
    if not 2 <= len(words) <= 3:
        return None
    found = _person_name(tuple(words))
    return None if found is None else dict(found)


@lru_cache(maxsize=16384)
def _person_name(words: tuple[str, ...]) -> tuple[tuple[str, str], ...] | None:
    """:func:`person_name` of two or three words (a pure function of them: cached; the
    parts as pairs, so that no caller changes what the cache holds)."""
    name_ok: list[bool] = []
    surname_ok: list[bool] = []
    stop = _stopwords()
    for word in words:
        if word in stop:
            return None  # "Приговор Дмитрию Иванову": a headline word, not a name
        tags = _tags(word)
        if word in _given_names()["all"] or _known_given_name(word, None):
            tags = tags | {"Name"}  # a given name of first-names.yml ("Алмаз", not a diamond)
        if {"Geox", "Orgn"} & tags and not {"Name", "Surn", "Patr"} & tags:
            return None
        surname_like = bool({"Surn", "Patr"} & tags or _SURNAME_ENDING.search(word.lower()))
        if not ({"Name"} & tags or surname_like) and {"NOUN", "ADJF", "VERB", "PREP", "CONJ",
                                                      "NPRO", "ADVB"} & tags:
            return None
        name_ok.append("Name" in tags)
        surname_ok.append(surname_like)
    if not any(name_ok[i] and surname_ok[j] for i in range(len(words))
               for j in range(len(words)) if i != j):
        return None
    parts = name_parts(nominative(" ".join(words)))
    if "first" not in parts or "surname" not in parts:
        return None
    surname = parts["surname"]
    if " " in surname and "patronymic" not in parts:
        return None  # "штаба Навального Лилии Чанышевой": two surnames are two people
    if surname.endswith(("ого", "его")):
        return None  # an adjective surname left in the genitive belongs to someone else
    if _disagree(parts["first"], surname):
        return None  # "Муж Чанышевой Алмаз Гатин": her surname, his given name
    return tuple(parts.items())


_FEMININE_SURNAME = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")
_MASCULINE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый", "ий")


def _disagree(first: str, surname: str) -> bool:
    """A given name of first-names.yml of one gender with a surname of the other."""
    names = _given_names()
    gender = "masc" if first in names["masc"] else "femn" if first in names["femn"] else None
    low = surname.lower()
    if gender is None or len(low) < 5:
        return False
    if low.endswith(_FEMININE_SURNAME):
        return gender == "masc"
    if low.endswith(_MASCULINE_SURNAME):
        return gender == "femn"
    return False


def _grammar(tokens: list[str]) -> tuple[str | None, set[str]]:
    """Gender and the possible cases of a name, judged from its given name and patronymic."""
    gender: str | None = None
    cases: set[str] | None = None
    for tok in tokens:
        known = _known_given_name(tok, None)
        if known is not None:
            # a case form of a given name of first-names.yml, which decides over pymorphy's
            # guesses ("Фаиля" is Фаиль's genitive, not a woman's name)
            gender = gender or ("masc" if known in _given_names()["masc"] else "femn")
            cases = _OBLIQUE if cases is None else (cases & _OBLIQUE or cases)
            continue
        parses = [p for p in _name_parses(tok) if {"Name", "Patr"} & set(p.tag.grammemes)
                  and "sing" in p.tag]
        if not parses:
            continue
        genders = {p.tag.gender for p in parses if p.tag.gender}
        if len(genders) == 1:
            gender = gender or next(iter(genders))
        elif genders and parses[0].tag.gender and parses[0].score >= 0.6:
            # "Григорию": masculine dative far more likely than the feminine "Григория"
            gender = gender or parses[0].tag.gender
        tok_cases = {p.tag.case for p in parses if p.tag.case}
        cases = tok_cases if cases is None else (cases & tok_cases or cases)
    return gender, cases or set()


def _word_nominative(word: str, gender: str | None, cases: set[str], is_last: bool) -> str:
    known = _known_given_name(word, gender)
    if known is not None:
        return known
    parses = _name_parses(word)
    for kind in ("Name", "Patr", "Surn"):
        for p in parses:
            if kind not in p.tag or "sing" not in p.tag:
                continue
            if gender and p.tag.gender and p.tag.gender != gender:
                continue
            if cases and p.tag.case not in cases:
                continue
            want = {"nomn", "sing"} | ({gender} if kind == "Surn" and gender else set())
            form = p.inflect(want)
            if form is not None:
                return _restore_case(form.word, word)
    return _restore_case(_surname_by_ending(word.lower(), gender, cases), word)


_OBLIQUE = {"gent", "datv", "accs", "ablt", "loct"}
#: case endings of given names and the nominative endings they come from ("Анне" → Анна,
#: "Марии" → Мария, "Ивану" → Иван); tried only to reach a name of first-names.yml
_GIVEN_ENDINGS = (("ии", "ия"), ("ие", "ия"), ("ью", "ья"), ("ье", "ья"), ("ьи", "ья"),
                  ("ой", "а"), ("ей", "я"), ("е", "а"), ("е", "я"), ("и", "а"), ("и", "я"),
                  ("у", "а"), ("ю", "я"), ("ы", "а"), ("ом", ""), ("ем", "й"), ("у", ""),
                  ("ю", "й"), ("а", ""), ("я", "й"), ("е", ""), ("я", "ь"), ("ю", "ь"),
                  ("ем", "ь"), ("е", "ь"))


def _known_given_name(word: str, gender: str | None) -> str | None:
    """The given name of first-names.yml that ``word`` is a case form of, when the word is
    not such a name itself and exactly one nominative of that gender fits ("Анне" →
    "Анна": pymorphy reads "Анне" as an indeclinable name of its own)."""
    names = _given_names()
    if word in names["all"]:
        return None
    fits = set()
    for ending, nominative_ending in _GIVEN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            candidate = word[: -len(ending)] + nominative_ending
            if candidate in names.get(gender or "", names["all"]):
                fits.add(candidate)
    return next(iter(fits)) if len(fits) == 1 else None


@lru_cache(maxsize=1)
def _given_names() -> dict[str, frozenset[str]]:
    data = lookups.load("first-names")["cyrillic"]
    male, female = frozenset(map(str, data["male"])), frozenset(map(str, data["female"]))
    return {"masc": male, "femn": female, "all": male | female}


def _surname_by_ending(word: str, gender: str | None, cases: set[str]) -> str:
    if cases == {"nomn"} or not cases:
        return word
    table = _FEMN_ENDINGS if gender == "femn" else _MASC_ENDINGS
    for ending, nominative_ending in table:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + nominative_ending
    if gender == "masc" and re.search(r"[бвгджзклмнпрстфхцчшщ][уаеом]$|[бвгджзклмнпрстфхцчшщ]ом$", word):
        # consonant-stem surnames of the first declension: Шевчуку → Шевчук, Шевчуком → Шевчук
        return re.sub(r"(?:ом|[уае])$", "", word)
    return word


@lru_cache(maxsize=4096)
def nominative(name: str) -> str:
    """A Cyrillic personal name (any case, any order of surname/name/patronymic) in the
    nominative. Latin text is returned unchanged.

    >>> nominative("Козыревой Дарье")
    'Козырева Дарья'
    >>> nominative("Юрьевича")
    'Юрьевич'
    """
    if not is_cyrillic(name):
        return name
    parts = _SPLIT.split(name.strip())
    words = [p for p in parts if p and not p.isspace() and p != "-"]
    fixed = _undeclined_female_surname(words)
    gender, cases = _grammar([w for w in words if w is not fixed])
    if fixed is not None:
        gender = "femn"
    elif any(len(w) > 5 and w.endswith(_FEMININE_NOMINATIVE) for w in words):
        # "Мирослава Регинская": an adjective surname in "-ская" is a woman's, in the
        # nominative (a man's in another case ends "-ского", "-скому" ...), whatever case
        # the given name could be of a man's name ("Мирослава", of Мирослав)
        gender, cases = "femn", {"nomn"}
    out: list[str] = []
    for part in parts:
        if fixed is not None and part is fixed:
            out.append(fixed)
        elif part and not part.isspace() and part != "-" and part.isalpha():
            out.append(_word_nominative(part, gender, cases, part is words[-1]))
        else:
            out.append(part)
    return "".join(out)


#: endings only a woman's surname in the nominative has
_FEMININE_NOMINATIVE = ("ская", "цкая")


def _undeclined_female_surname(words: list[str]) -> str | None:
    """A word in "-ич" beside a given name that is not in the nominative: a masculine
    patronymic or surname would have declined with it ("Евгению Берковичу"), so it is a
    woman's surname, which does not decline ("Евгению Беркович")."""
    for word in words:
        if not word.lower().endswith("ич"):
            continue
        names = [p for other in words if other is not word for p in _name_parses(other)
                 if "Name" in p.tag and "sing" in p.tag]
        if names and not any(p.tag.case == "nomn" for p in names) and any(
                p.tag.gender == "femn" for p in names):
            return word
    return None


def _female_name(word: str) -> bool:
    return any("Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn"
               for p in _name_parses(word))


def name_parts(name: str) -> dict[str, str]:
    """Classify the words of a Cyrillic name: ``{"first": …, "patronymic": …, "surname": …}``.

    >>> name_parts("Жилин Михаил Алексеевич")["surname"]
    'Жилин'
    """
    return dict(_name_parts(name))


@lru_cache(maxsize=16384)
def _name_parts(name: str) -> tuple[tuple[str, str], ...]:
    """:func:`name_parts` as pairs (a pure function of the name: cached)."""
    out: dict[str, str] = {}
    rest = []
    words = name.split()
    listed = [w for w in words if w in _given_names()["all"]]
    for word in words:
        tags = {g for p in _name_parses(word) for g in p.tag.grammemes}
        if listed and word not in listed:
            tags.discard("Name")  # a given name of first-names.yml beats pymorphy's guess
        elif word in listed:
            tags = (tags | {"Name"}) - {"Surn"}
        if "Patr" in tags and "patronymic" not in out and not (
                word.lower().endswith("ич") and "first" in out and _female_name(out["first"])):
            out["patronymic"] = word
        elif "Name" in tags and "first" not in out and "Surn" not in tags:
            out["first"] = word
        else:
            rest.append(word)
    if rest:
        out["surname"] = " ".join(rest)
    elif "patronymic" in out and "first" in out and \
            words.index(out["patronymic"]) < words.index(out["first"]):
        # a patronymic never comes before the given name: "Гершкович Эван", "Абрамович
        # Роман" is a surname in "-ич"
        out["surname"] = out.pop("patronymic")
    if "first" not in out and len(rest) > 1:  # an unknown given name: "Surname Name" order
        out["surname"], out["first"] = rest[0], " ".join(rest[1:])
    return tuple(out.items())


@lru_cache(maxsize=4096)
def surname_nominatives(word: str) -> frozenset[str]:
    """Every nominative a Cyrillic surname form may come from, either gender.

    >>> sorted(surname_nominatives("Жилина"))
    ['Жилин', 'Жилина']
    """
    out = {word}
    for p in _morph().parse(word):
        if "Surn" in p.tag and "sing" in p.tag:
            form = p.inflect({"nomn", "sing", p.tag.gender} if p.tag.gender else {"nomn"})
            if form is not None:
                out.add(_restore_case(form.word, word))
    for gender in ("masc", "femn"):
        out.add(_restore_case(_surname_by_ending(word.lower(), gender, {"gent"}), word))
    return frozenset(out)
