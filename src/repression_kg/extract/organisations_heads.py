"""Names that end in a head word of organisation-cues.yml: a run of capitalised words
ending in one ("Moscow State University", "Left Front") or going on from it with a
continuation word and more capitalised words ("Crimean Contact Group on Human Rights",
"Committee against Torture"). Title-case headline lines are skipped.
"""

from __future__ import annotations

import bisect
import re
from itertools import compress

from repression_kg.extract.organisations_checks import Checker
from repression_kg.extract.organisations_cues import Cues
from repression_kg.extract.organisations_words import Words, cap

_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)")


def head_of(words: Words, cues: Cues, k: int) -> tuple[str, int] | None:
    """The kind of head word ``k`` and the offset where the name may end, else None."""
    word = words.words[k]
    base = word[:-2] if word.endswith(("'s", "’s")) else word
    role = cues.heads.get(base)
    if role is None:
        return None
    if base == "Office" and (k == 0 or words.words[k - 1] not in cues.office_after
                             or not words.joined(k - 1)):
        return None
    return role, words.starts[k] + len(base)


def head_names(words: Words, cues: Cues, check: Checker) -> list[tuple[int, int, str]]:
    """Names that end in a capitalised head word, or go on from it.

    A name is a run of capitalised words, one space apart, up to the first head word in
    it; so it is found from its head: the capitalised words before a head, back to the
    end of the name before (whose words are no other name's), are its run. Only the few
    head words are looked at, not every capitalised word of the text."""
    out: list[tuple[int, int, str]] = []
    w = words.words
    n = len(w)
    found = _heads(words, cues)
    heady = set(found)

    def head_at(k: int) -> tuple[str, int] | None:
        return head_of(words, cues, k) if k in heady else None

    bound = 0  # the first word after the last name (or heading) found
    for j in found:
        if j < bound or not cap(w[j]):
            continue
        head = head_of(words, cues, j)
        if head is None:
            continue
        i = j  # the first word of the run of capitalised words that ends in this head
        while i > bound and words.joined(i - 1) and cap(w[i - 1]):
            i -= 1
        if check.heading(j):
            bound = j + 1
            continue
        # later heads right after this one belong to the same name ("University Council")
        while j + 1 < n and cap(w[j + 1]) and words.joined(j) and \
                head_at(j + 1) is not None and not w[j].endswith(("'s", "’s")):
            j += 1
            head = head_at(j) or head
        role, end = head
        if i > 0 and _ORDINAL.fullmatch(w[i - 1]) and words.joined(i - 1):
            i -= 1  # "the 155th Separate Marine Brigade"
        s = i
        while s < j and (w[s] in cues.not_first or w[s].endswith(("'s", "’s"))):
            s += 1
        last = j
        if end == words.ends[j]:
            last, end = _continue(words, cues, j, end)
        generic = all(x in cues.generic for x in w[s:j])
        if (s < j and not generic or last > j) and check.fine(s, last, person_strict=False):
            out.append((words.starts[s], end, role))
        bound = last + 1
    return out


def _heads(words: Words, cues: Cues) -> list[int]:
    """The words, in order, that may be head words: a head ("Party") or its possessive
    ("Party's"), capitalised (:func:`head_of` takes no other). The heads are found by a
    set lookup per word at C level, the possessives at the few "'s" of the text."""
    w = words.words
    heads = cues.heads
    found = list(compress(range(len(w)), map(heads.__contains__, w)))
    possessive = []
    text = words.text
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            k = bisect.bisect_right(words.starts, at) - 1
            if k >= 0 and words.ends[k] == at + 2 and w[k][:-2] in heads:
                possessive.append(k)
            at = text.find(mark, at + 1)
    if possessive:
        found = sorted({*found, *possessive})
    return [k for k in found if w[k][:1].isupper()]


def _continue(words: Words, cues: Cues, j: int, end: int) -> tuple[int, int]:
    """Carry a name on past its head: "Group on Human Rights", "Ministry of Labour and
    Social Protection". Returns the last word and the end offset."""
    w = words.words
    n = len(w)
    pos = j
    went_on = False
    while pos + 1 < n and words.joined(pos):
        q = pos + 1
        if w[q] in cues.continuations or (went_on and w[q] == "and"):
            r = q + 1
            if w[q] != "and" and r < n and w[r] in cues.articles and words.joined(q):
                r += 1
            if r >= n or not words.joined(r - 1) or not cap(w[r]) or \
                    w[r] in cues.never or w[r] in cues.not_first or \
                    w[r] in cues.first_names:
                break
            t = r
            while t + 1 < n and words.joined(t) and cap(w[t + 1]):
                t += 1
            if any(x in cues.never for x in w[r:t + 1]) or (
                    w[q] == "and" and any(head_of(words, cues, x) for x in range(r, t + 1))):
                break
            pos, end, went_on = t, words.ends[t], True
            continue
        break
    return pos, end
