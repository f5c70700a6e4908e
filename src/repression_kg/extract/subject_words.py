"""The words that tell who a fact is about, read from ontology/lookups/subjects.yml and
compiled into the patterns :mod:`repression_kg.extract.subjects` and
:mod:`repression_kg.extract.subject_groups` use (each pattern built once)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from repression_kg import lookups


@cache
def _data() -> Any:
    return lookups.load("subjects")


def _alt(words: list[str]) -> str:
    """An alternation of ``words``, longest first; a trailing ``*`` is any word ending."""
    out = []
    for word in sorted((str(w) for w in words), key=len, reverse=True):
        out.append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return "|".join(out)


def words(*path: str) -> list[str]:
    """The list under ``path`` (``words("pronouns", "feminine")``), lower-cased."""
    node = _data()
    for key in path:
        node = node[key]
    return [str(w).lower() for w in node]


def _whole(*alternatives: str, flags: str = "(?i)") -> re.Pattern[str]:
    return re.compile(flags + r"(?<!\w)(?:" + "|".join(a for a in alternatives if a) + r")(?!\w)")


@cache
def pronoun() -> re.Pattern[str]:
    """Any pronoun that refers to a person ("he", "her", "они")."""
    return re.compile(r"(?i)\b(?:" + _alt(words("pronouns", "feminine") + words(
        "pronouns", "masculine") + words("pronouns", "neutral") + words("pronouns", "plural"))
        + r")\b")


@cache
def gendered() -> re.Pattern[str]:
    return _whole(_alt(words("pronouns", "feminine") + words("pronouns", "masculine")
                       + words("pronouns", "neutral")))


@cache
def subject_pronoun() -> re.Pattern[str]:
    return _whole(_alt(words("pronouns", "subject")))


@cache
def gender_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(feminine, masculine) pronouns."""
    return frozenset(words("pronouns", "feminine")), frozenset(words("pronouns", "masculine"))


@cache
def possessive() -> frozenset[str]:
    return frozenset(words("pronouns", "possessive"))


@cache
def anaphor() -> re.Pattern[str]:
    """A sentence opening that refers back: a subject pronoun, "the then 18-year-old", "the
    activist was ..." (the noun is checked against the person nouns by the caller)."""
    return re.compile(r"(?i)[\s\"“‘«(]*(?:" + _alt(words("pronouns", "subject")) + r")(?!\w)|"
                      r"[\s\"“‘«(]*the\s(?:then[\s-])?(?:\d{1,3}-year-old|(?:[a-z-]+\s)?"
                      r"(?P<noun>[a-z-]+)(?=\s(?:was|is|had|has|were|remains|spent|received|"
                      r"got|faces|denied|said)\b))")


@cache
def russian_verb() -> re.Pattern[str]:
    """A Russian verb whose group 1 (its feminine -а) tells the gender of its subject."""
    return re.compile(r"(?i)(?<!\w)(?:" + _alt(words("russian_gendered_verbs")) + r")(а)?(?!\w)")


@cache
def russian_in_cyrillic() -> bool:
    """Every verb :func:`russian_verb` knows is spelt in Cyrillic letters alone, so that text
    in ASCII holds none of them."""
    stems = [w[:-1] if w.endswith("*") else w for w in words("russian_gendered_verbs")]
    return all(stem and all("\u0400" <= c <= "\u04ff" for c in stem) for stem in stems)


@cache
def referring() -> re.Pattern[str]:
    return re.compile(r"(?i)(?<!\w)the\s(?:then[\s-])?(?:\d{1,3}-year-old|(?:"
                      + _alt(words("referring_nouns")) + r")s?)(?!\w)")


@cache
def receives() -> re.Pattern[str]:
    return re.compile(r"(?i)[^.;:]{0,40}?(?<!\w)(?:" + _alt(words("receives")) + r")(?!\w)")


@cache
def someone_else(person_nouns: frozenset[str]) -> re.Pattern[str]:
    nouns = _alt([*person_nouns, *words("unnamed", "nouns")])
    things = _alt(words("unnamed", "things"))
    return re.compile(r"(?i)(?<!\w)(?:(?:" + _alt(words("unnamed", "quantifiers")) + r"|\d{1,4})"
                      r"\s(?:[\w-]+\s){0,2}(?:" + nouns + r")|(?:" + _alt(words("unnamed", "alone"))
                      + rf")(?!\s(?:{things})\b))(?!\w)")


@cache
def joined_verb() -> re.Pattern[str]:
    return _whole(_alt(words("joined_verbs")))


@cache
def joined_end() -> re.Pattern[str]:
    return re.compile(r"[^.;:]{0,80}?(?:" + _alt(words("joined_end")) + ")")


@cache
def distributive() -> re.Pattern[str]:
    numbers = _alt([w for w, n in counts().items() if w.isascii() and n >= 2 and w not in (
        "both", "pair", "couple")])
    verbs = _alt(words("distributive", "verbs"))
    return _whole(_alt(words("distributive", "always")),
                  "(?:" + _alt(words("distributive", "before_verb")) + rf")(?=\s(?:{verbs})\b|"
                  r"[\s,.;]*$|\s*[,.;])",
                  rf"all (?:{numbers}|\d)(?: of them| men| women| defendants)?(?=\s(?:were|"
                  r"are|was|had|have|received|got|guilty)\b|[\s,]*$)")


@cache
def plural() -> re.Pattern[str]:
    # not "among them" ("three murders, among them that of ..."): an enumeration
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in words("plural_not_after"))
    return _whole(not_after + "(?:" + _alt(words("plural")) + ")")


@cache
def they() -> re.Pattern[str]:
    return _whole(_alt(words("they")))


@cache
def counts() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in _data()["counts"].items()}


@cache
def count() -> re.Pattern[str]:
    """A count of people: "three advocates", "all three", "both men" (group ``n`` the
    number word, ``all`` a determiner before it, ``noun`` the people counted)."""
    numbers = "|".join(re.escape(w) for w in counts())
    return re.compile(r"(?i)(?<!\w)(?:(?P<all>all|the|both|все|всех)\s)?(?P<n>" + numbers
                      + r")(?!\w)(?:\s(?:[\w-]+\s)?(?P<noun>(?!(?:" + _alt(words("not_people"))
                      + r")\b)(?:men|women|people|children|of them|\w+s))\b)?")


@cache
def field() -> re.Pattern[str]:
    return re.compile(r"(?im)^[ \t>*_#-]*(?:" + _alt(words("fields", "facts"))
                      + r")[*_ ]*[:—–]")


@cache
def field_label() -> re.Pattern[str]:
    """A field's label standing alone on its line ("Charged", "**Sentence:**", a
    thread's "3/9 The sentence ⚖️")."""
    return re.compile(r"(?i)[ \t>*_#-]*(?:\d{1,2}/\d{1,2}\s+)?(?:the\s+)?(?:"
                      + _alt(words("fields", "facts")) + r")[*_ ]*[:—–]?[^\w\n]*")


@cache
def defendants() -> re.Pattern[str]:
    return re.compile(r"(?im)^[ \t>*_#-]*(?:" + _alt(words("fields", "defendants"))
                      + r")[*_ ]*[:—–][^\n]*")


@cache
def roles() -> tuple[frozenset[str], frozenset[str]]:
    """(bystander roles, accused roles)."""
    return frozenset(words("bystander_roles")), frozenset(words("accused_roles"))


class Fast:
    """A pattern of this module searched on the lower-cased text when that keeps every
    offset (the same matches, case-sensitive, several times faster), after a substring
    test of ``hints`` when given (a window holding none of them cannot match)."""

    def __init__(self, pattern: re.Pattern[str], hints: tuple[str, ...] | None = None) -> None:
        self.pattern = pattern
        self.lower = re.compile(pattern.pattern.replace("(?i)", "", 1),
                                pattern.flags & ~re.IGNORECASE)
        self.hints = hints

    def search(self, text: str, low: str | None, start: int, end: int) -> re.Match[str] | None:
        if low is None:
            return self.pattern.search(text, start, end)
        if self.hints is not None:
            for hint in self.hints:
                if low.find(hint, start, end) >= 0:
                    break
            else:
                return None  # (a loop, not any(): this runs ~100 times a document)
        return self.lower.search(low, start, end)

    def finditer(self, text: str, low: str | None, start: int, end: int
                 ) -> list[re.Match[str]]:
        if low is None:
            return list(self.pattern.finditer(text, start, end))
        if self.hints is not None and not any(low.find(h, start, end) >= 0 for h in self.hints):
            return []
        return list(self.lower.finditer(low, start, end))


@cache
def fast(name: str) -> Fast:
    """The :class:`Fast` form of the pattern function ``name`` of this module."""
    hints: dict[str, tuple[str, ...]] = {
        "distributive": ("each", "both", "pair", "two", "couple", "all ", "their", "кажд", "обо",
                         "обе"),
        "plural": ("them", "they", "их ", "они "),
        "they": ("they", "them", "их", "они"),
        "count": tuple(sorted({w[:3] for w in counts()})),
    }
    return Fast(globals()[name](), hints.get(name))
