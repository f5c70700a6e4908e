"""Names written in capitals: a digest's headline ("** YEGOR BALAZEIKIN (St Petersburg) **",
"IN MEMORIAM: PAVEL KUSHNIR") and a Russian verdict's defendant ("ГЕРШКОВИЧА ЭВАНА признать
виновным"). Used by the persons extractor beside the candidates of
:mod:`repression_kg.extract.person_names`.

A Latin name in capitals counts only on a line of its own that is short (a headline), when
its words, written as a name, are a known given name and a surname ("Yegor Balazeikin"), or
two words ending in a Russian-looking surname ("Remzi Bekirov"). A Cyrillic one is a run of
two or three words in capitals that, written as a name, pymorphy3 reads as a given name and
a surname (so a court's heading, «ВЕРХОВНЫЙ СУД», is none). A surname in capitals before
a known given name in the usual case, as court lists and hearing calendars write them
("KOROLEV Vsevolod Anatolyevich", "ZHURAVEL Nikita"), counts anywhere when a patronymic
follows, the surname looks Russian, or the text also writes it as a name ("Zhuravel").
The candidate's span is the words as written; its name is in the usual case.
"""

from __future__ import annotations

import re

from repression_kg.extract.person_names import (
    Candidate,
    first_names,
    names_of_run,
    russian_surname,
    stopwords,
)

#: two or three words in Latin capitals (a hyphen or an apostrophe inside a word allowed);
#: the look-behind stands after the first capital, so the engine skips to capitals
_LATIN_CAPS = re.compile(r"[A-Z](?<![\w'’-][A-Z])[A-Z]+(?:[-'’][A-Z]{2,})?"
                         r"(?:[ \u00a0][A-Z]{2,}(?:[-'’][A-Z]{2,})?){1,2}(?![\w'’-])")
#: two or three words in Cyrillic capitals
#: (words of three letters or more: «УК РФ» is no name)
_CYRILLIC_CAPS = re.compile(r"[А-ЯЁ](?<![\w-][А-ЯЁ])[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?"
                            r"(?:[ \u00a0][А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?){1,2}(?![\w-])")
#: the longest line that can be a headline
_HEADLINE = 90


def caps_candidates(text: str, *, cyrillic: bool = True) -> list[Candidate]:
    """The person names written in capitals in ``text`` (see the module's docstring);
    ``cyrillic=False`` tells that the text has no Cyrillic letter (nor Cyrillic name)."""
    out: list[Candidate] = []
    if not _has_caps_run(text):
        return out
    for m in _latin_in_headlines(text):
        words = [_as_name(w) for w in m.group().replace("\u00a0", " ").split(" ")]
        if len(words) != 2 or any(w in stopwords() for w in words):
            continue
        first, surname = words
        if first in first_names() or russian_surname(surname):
            out.append(Candidate(m.start(), m.end(), first, surname, None, m.group()))
    for m in _CYRILLIC_CAPS.finditer(text) if cyrillic else ():
        titled = " ".join(_as_name(w) for w in m.group().replace("\u00a0", " ").split(" "))
        out.extend(names_of_run(titled, m.start()))
    out.extend(_surname_first(text))
    return out


#: a surname in Latin capitals, then a given name and maybe a patronymic as names are
#: written ("KOROLEV Vsevolod Anatolyevich")
_SURNAME_FIRST = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])[A-Z]{2,}(?:-[A-Z]{2,})?[ \u00a0](?P<first>[A-Z][a-z]+)"
    r"(?:[ \u00a0](?P<pat>[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)))?(?![\w'’-])")


def _surname_first(text: str) -> list[Candidate]:
    out = []
    for m in _SURNAME_FIRST.finditer(text):
        first, patronymic = m.group("first"), m.group("pat")
        surname = _as_name(m.group().split(None, 1)[0])
        if first not in first_names() or surname in stopwords():
            continue
        if patronymic or russian_surname(surname) or re.search(
                rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            out.append(Candidate(m.start(), m.end(), first, surname, patronymic, m.group()))
    return out


def _latin_in_headlines(text: str) -> list[re.Match[str]]:
    """The runs of Latin capitals on the short lines of ``text`` (headlines)."""
    out: list[re.Match[str]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start <= _HEADLINE and _LATIN_PAIR.search(text, start, end):
            out.extend(_LATIN_CAPS.finditer(text, start, end))
        start = end + 1
    return out


#: (``[A-Z][A-Z]``, not ``[A-Z]{2}``: the engine skips to a capital only when the
#: pattern opens with a plain class)
_LATIN_PAIR = re.compile(r"[A-Z][A-Z]")


def _has_caps_run(text: str) -> bool:
    """A cheap test: two capitals in a row somewhere (most texts have none in a name)."""
    return _PAIR.search(text) is not None


_PAIR = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ]")  # (a plain class first, as above)


def _as_name(word: str) -> str:
    """"BALAZEIKIN" → "Balazeikin", "TER-PETROSYAN" → "Ter-Petrosyan" (same length)."""
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
