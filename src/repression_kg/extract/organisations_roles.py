"""Roles of an organisation read from the text around its mentions: ``employer`` where a
sentence says someone worked or served there, and the designations
(``designated_terrorist``, ``designated_extremist``, ``designated_undesirable``,
``designated_foreign_agent``) where a sentence states the act ("the designation of X as a
terrorist organisation", "признана экстремистской"). A designation is a state's claim,
never taken from reference data. The words are those of organisations.yml
(``designations``, ``designation_negations``, ``employer_cues``).
"""

from __future__ import annotations

import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract import prescan
from repression_kg.extract.base import Context
from repression_kg.extract.literals import has_literal
from repression_kg.facts import Organisation


@cache
def text_only_roles() -> frozenset[str]:
    """The roles only a text gives: employer and the designations."""
    spec = lookups.load("organisations")["designations"]
    return frozenset({"employer", *(str(role) for role in spec if role != "verbs")})


@cache
def _designation_words() -> tuple[list[str], list[tuple[str, str]], re.Pattern[str]]:
    spec = lookups.load("organisations")["designations"]
    verbs = [str(v).lower() for v in spec["verbs"]]
    kinds = [(str(w).lower(), role) for role, words in spec.items() if role != "verbs"
             for w in words]
    negations = sorted((str(w) for w in lookups.load("organisations")["designation_negations"]),
                       key=len, reverse=True)
    negated = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in negations)})\s$")
    return verbs, kinds, negated


@cache
def _employer_cues() -> list[str]:
    return [str(c).lower() for c in lookups.load("organisations")["employer_cues"]]


def text_roles(ctx: Context, org: Organisation) -> None:
    """Add to ``org.roles`` the roles its mentions' sentences state."""
    verbs, kinds, employer, negated = _present_words(ctx)
    if not verbs and not employer and ctx.sentences:
        return  # no window of the text can hold a cue (sentence_at() would only cache)
    roles = set(org.roles)
    for mention in org.mentions:
        s_start, s_end = ctx.sentence_at(mention.start)
        # only the window around the mention, so that a long sentence costs no more
        lo = max(s_start, mention.start - 120)
        sent = ctx.text[lo:min(s_end, mention.end + 80)].lower()
        rel = mention.start - lo
        near = sent[max(0, rel - 80):rel + len(mention.text) + 80]
        if has_literal(near, verbs):
            for word, role in kinds:
                if word in near and not _negated(near, word, negated):
                    roles.add(role)
        before = sent[max(0, rel - 120):rel]
        if has_literal(before, employer):
            roles.add("employer")
    org.roles = [*org.roles, *sorted(roles - set(org.roles))]


def _present_words(ctx: Context) -> tuple[list[str], list[tuple[str, str]], list[str],
                                          re.Pattern[str]]:
    """The designation verbs, designation words and employer cues that occur in the
    lower-cased document at all, and the negations (once per document, in ``scratch``).

    A window of the text lower-cased holds only phrases of the whole text lower-cased
    where that keeps every offset (each character then lowers to one, the same one: only
    a capital sigma lowers by its neighbours, so a phrase with a sigma is always kept):
    the phrases not in the text need no search in any window."""
    cached = ctx.scratch.get("organisations.role_words")
    if cached is not None and cached[0] is ctx.text:
        return cached[1]
    verbs, kinds, negated = _designation_words()
    employer = _employer_cues()
    low = ctx.lowered()
    if low is not None:
        scan_low = prescan.lowered(ctx)  # (which also tells the document's words)
        present = _present(low, prescan.vocabulary(scan_low) if scan_low is low else None)
        verbs = [v for v in verbs if v in present or _has_sigma(v)]
        kinds = [(w, role) for w, role in kinds if w in present or _has_sigma(w)]
        employer = [c for c in employer if c in present or _has_sigma(c)]
    found = (verbs, kinds, employer, negated)
    ctx.scratch["organisations.role_words"] = (ctx.text, found)
    return found


#: a Cyrillic letter
_CYRILLIC = re.compile("[\u0400-\u04ff]")


#: the characters of a phrase's key (:func:`_groups`)
_KEY = 5
#: a phrase or key, and whether it is made of token characters only
_Piece = tuple[str, bool]


@cache
def _groups() -> tuple[tuple[_Piece, bool, tuple[_Piece, ...]], ...]:
    """The designation verbs and words and the employer cues, grouped by their first
    :data:`_KEY` characters: (those characters, whether they hold a Cyrillic letter, the
    phrases), each piece with whether it is made of token characters only. A text
    without a group's key holds none of its phrases."""
    verbs, kinds, _ = _designation_words()
    groups: dict[str, list[str]] = {}
    for phrase in dict.fromkeys([*verbs, *(w for w, _ in kinds), *_employer_cues()]):
        groups.setdefault(phrase[:_KEY], []).append(phrase)
    return tuple((_piece(key), _CYRILLIC.search(key) is not None,
                  tuple(_piece(p) for p in phrases)) for key, phrases in groups.items())


def _piece(text: str) -> _Piece:
    return text, _TOKEN_ONLY.fullmatch(text) is not None


def _present(low: str, words: prescan.Vocabulary | None) -> set[str]:
    """The phrases of :func:`_groups` that occur in ``low``. A piece made of token
    characters only can stand only inside a word: the document's distinct ``words``
    (when known) are searched for it instead of the text. A group's phrases are searched
    only when its key occurs, and keys with a Cyrillic letter only in a text that has
    one."""
    cyrillic = _CYRILLIC.search(low) is not None
    present: set[str] = set()
    for key, needs_cyrillic, phrases in _groups():
        if needs_cyrillic and not cyrillic or not _occurs(key, low, words):
            continue
        present.update(p for p, token_only in phrases
                       if p == key[0] or _occurs((p, token_only), low, words))
    return present


def _occurs(piece: _Piece, low: str, words: prescan.Vocabulary | None) -> bool:
    text, token_only = piece
    return words.holds(text) if token_only and words is not None else text in low


#: a piece made of token characters only (``lookups.TOKEN``)
_TOKEN_ONLY = re.compile(r"[^\W_]+")


def _has_sigma(phrase: str) -> bool:
    return "σ" in phrase or "ς" in phrase


def _negated(near: str, word: str, negated: re.Pattern[str]) -> bool:
    """"not a terrorist organisation" argues against the label; it designates nothing."""
    i = near.find(word)
    return i >= 0 and bool(negated.search(near[max(0, i - 8):i]))
