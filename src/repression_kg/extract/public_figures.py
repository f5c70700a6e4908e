"""Public figures that case documents name by surname alone ("criticism of Putin").

The list is data: ontology/lookups/known-persons.yml (surname forms, the full name, and
the public office that makes them an ``official``). A bare surname is taken for the public
figure only when the document names no one else with that surname and the word is not part
of another name ("the Mikhail Gorbachev Foundation", "Gorbachev-era").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from repression_kg import lookups
from repression_kg.extract import russian
from repression_kg.extract.person_roles import titles
from repression_kg.extract.prescan_group import _trie
from repression_kg.facts import PersonRole

_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁ"
#: a capitalised word; the look-behind after its capital lets the engine skip to capitals
_WORD = re.compile(rf"[{_CAPITAL}](?<![\w-][\s\S])[a-zß-ÿа-яё]+(?![\w-])")
_WORD_BEFORE = re.compile(rf"([{_CAPITAL}]\w*) $")
_WORD_AFTER = re.compile(rf" ([{_CAPITAL}]\w*)")


@cache
def _forms() -> dict[str, tuple[str, str]]:
    """Surname form → (given name, surname)."""
    out: dict[str, tuple[str, str]] = {}
    for entry in lookups.load("known-persons")["persons"]:
        first = str(entry["first"])
        surname = str(entry["name"]).split(" ", 1)[1]
        for form in entry["forms"]:
            out[str(form)] = (first, surname)
    return out


@cache
def offices() -> dict[str, PersonRole]:
    """Full name → the role their public office gives (``official``)."""
    return {str(e["name"]): e["role"] for e in lookups.load("known-persons")["persons"]
            if e.get("role")}


@cache
def _not_after() -> frozenset[str]:
    return frozenset(str(w) for w in lookups.load("first-names")["not_after"])


@cache
def _any_form() -> re.Pattern[str] | None:
    """A search for any form as a substring (``any(form in text)``): a trie of the forms,
    which all start with a letter, so the engine skips to the first letters at C speed."""
    forms = sorted(_forms())
    return re.compile(_trie(forms)) if forms else None


def named_alone(text: str, surnames: list[str]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, given name, surname) of every public figure named by surname alone,
    except those whose surname is one of ``surnames`` or their transliterations (someone
    else of the text has it)."""
    forms = _forms()
    any_form = _any_form()
    if any_form is None:
        return
    taken: set[str] | None = None  # (transliterated at the first form found)
    # the words that are forms start where a form does: only there is a word read (a word
    # starts after no word character, so none starts inside another)
    at = 0
    while (found := any_form.search(text, at)) is not None:
        match = _WORD.match(text, found.start())
        if match is None:
            at = found.start() + 1
            continue
        at = match.end()
        hit = forms.get(match.group())
        if hit is None:
            continue
        if taken is None:
            taken = set(surnames) | {russian.transliterate(s) for s in surnames}
        if hit[1] in taken:
            continue
        start, end = match.span()
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        after = _WORD_AFTER.match(text, end)
        if (before and before.group(1) not in titles()) or (
                after and after.group(1) in _not_after()):
            continue  # part of another name
        yield start, end, hit[0], hit[1]
