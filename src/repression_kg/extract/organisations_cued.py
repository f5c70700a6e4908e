"""Names of organisations beside a cue word of organisation-cues.yml:

- the/a + capitalised words + a descriptor ("the People First campaign" → People First,
  "the RusNews outlet"), or a council whose lower-case words belong to the name ("the
  Krasnoselsky municipal district council");
- a cue word + capitalised names ("the newspapers Kommersant and Vedomosti", "the state
  channel NTV");
- a name in quotation marks after "called" or before a designation ("an organisation
  called "Network"", "declared "Network" a terrorist organisation");
- Russian: a cue word in any case + «Name» ("газета «Коммерсантъ»", "движения «Весна»").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repression_kg.extract import gazetteer, prescan
from repression_kg.extract.base import Context
from repression_kg.extract.organisations_checks import Checker, overlapping
from repression_kg.extract.organisations_cues import Cues, only_a_place
from repression_kg.extract.organisations_known import medium_ends
from repression_kg.extract.organisations_words import JOIN, Words, cap


def cue_names(ctx: Context, words: Words, cues: Cues,
              check: Checker) -> list[tuple[int, int, str]]:
    """Names beside a lower-case cue: "the X campaign", "the newspaper X"."""
    out: list[tuple[int, int, str]] = []
    toks = gazetteer.tokens(ctx.scratch, ctx.text)
    platform_ends = medium_ends(ctx)
    for hit in cues.phrases.find(toks):
        phrase = hit.value
        if " ".join(ctx.text[hit.start:hit.end].split()) != phrase:
            continue  # cues are written as in the file ("the NTV channel", not "Channel")
        first = words.at_start.get(hit.start)
        if first is None:
            continue
        last = first
        while last < len(words.words) and words.ends[last] < hit.end:
            last += 1
        if last >= len(words.words) or words.ends[last] != hit.end:
            continue  # "the channel's", a cue inside a longer word
        for kind, role in cues.kinds[phrase]:
            if kind == "before":
                if phrase in cues.not_after_platform and first > 0 and \
                        words.ends[first - 1] in platform_ends:
                    continue
                out.extend(_names_after(words, cues, check, last, role,
                                        plural=phrase.endswith("s")))
                continue
            span = _name_before(words, cues, check, first, district=kind == "inclusive")
            if span is None:
                continue
            i, j = span
            if kind == "inclusive":
                if phrase not in cues.after_place and check.place_only(words.words[i:j + 1]):
                    continue
                out.append((words.starts[i], hit.end, role))
            else:
                out.append((words.starts[i], words.ends[j], role))
    return out


def _name_before(words: Words, cues: Cues, check: Checker, cue: int,
                 *, district: bool) -> tuple[int, int] | None:
    """The capitalised words right before word ``cue``, after a determiner. Before a
    council (``district``) a word like a surname is a district's name ("Krasnoselsky")."""
    w = words.words
    j = cue - 1
    if j < 0 or not words.joined(j) or not cap(w[j]):
        return None
    i = j
    while i - 1 >= 0 and words.joined(i - 1) and j - i < 5:
        prev = w[i - 1]
        if cap(prev) and prev not in cues.determiners and prev not in cues.not_first:
            i -= 1
        elif prev in cues.descriptor_links and i - 2 >= 0 and cap(w[i - 2]) and \
                words.joined(i - 2) and w[i - 2] not in cues.determiners:
            i -= 2
        else:
            break
    # a determiner before, perhaps with up to two lower-case words between
    d = i - 1
    skipped = 0
    while d >= 0 and words.joined(d) and skipped < 2 and w[d] not in cues.determiners \
            and w[d].islower() and w[d] not in cues.function_words:
        d -= 1
        skipped += 1
    if d < 0 or w[d] not in cues.determiners or not words.joined(d):
        return None
    names = w[i:j + 1]
    if names[0] in cues.not_first or check.place_only(names):
        return None
    if not check.fine(i, j, person_strict=True, surnames=not district):
        return None
    return i, j


def _names_after(words: Words, cues: Cues, check: Checker, cue: int, role: str,
                 *, plural: bool) -> list[tuple[int, int, str]]:
    """The capitalised name(s) right after word ``cue``: one, or a list after a plural."""
    out: list[tuple[int, int, str]] = []
    w = words.words
    n = len(w)
    pos = cue
    for _ in range(8 if plural else 1):
        i = pos + 1
        if i >= n or not cap(w[i]):
            break
        gap = words.text[words.ends[pos]:words.starts[i]]
        if not (gap in JOIN or (pos != cue and gap == ", ")):
            break
        j = i
        while j - i < 5 and j + 1 < n and words.joined(j):
            if cap(w[j + 1]):
                j += 1
            elif w[j + 1] in cues.before_links and j + 2 < n and \
                    words.joined(j + 1) and cap(w[j + 2]):
                j += 2
            else:
                break
        names = w[i:j + 1]
        ok = not (names[0] in cues.not_first and (names[0] != "The" or len(names) < 2))
        if ok and not check.place_only(names) and check.fine(i, j, person_strict=True):
            out.append((words.starts[i], words.ends[j], role))
        # a list goes on with ", X" or " and X"
        pos = j
        if pos + 1 < n and words.text[words.ends[pos]:words.starts[pos + 1]] == ", ":
            continue
        if pos + 2 < n and words.joined(pos) and w[pos + 1] == "and" and words.joined(pos + 1):
            pos += 1
            continue
        break
    return out


def quoted_names(ctx: Context, cues: Cues, check: Checker) -> list[tuple[int, int, str]]:
    """"an organisation called "Network"", "declared "Network" a terrorist organisation"."""
    out: list[tuple[int, int, str]] = []
    low = prescan.lowered(ctx)
    for scan in cues.quoted:
        for m in scan.finditer(ctx.text, low):
            start, end = m.span("name")
            i, j = check.words.at_start.get(start), None
            if i is None:
                continue
            j = i
            while j + 1 < len(check.words.words) and check.words.ends[j] < end:
                j += 1
            names = check.words.words[i:j + 1]
            if check.words.ends[j] != end or not all(
                    cap(x) or x in cues.continuations or x == "and" for x in names):
                continue
            if names[0] in cues.not_first or check.place_only(names):
                continue
            if check.fine(i, j, person_strict=True):
                out.append((start, end, "other"))
    return out


def _ru_matches(text: str, cues: Cues) -> Iterator[re.Match[str]]:
    """Exactly ``cues.ru.finditer(text)``, searched only around each «: a match holds
    one «, at most ``cues.ru_reach`` characters after its start and at most 82 before its
    end (the name and »), so the windows of the «s (merged where they overlap) hold
    every match, whole, and nothing the search there could run into."""
    windows: list[list[int]] = []
    at = text.find("«")
    while at >= 0:
        lo, hi = max(0, at - cues.ru_reach), min(len(text), at + 82)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
        at = text.find("«", at + 1)
    for lo, hi in windows:
        yield from cues.ru.finditer(text, lo, hi)


#: a name in guillemets, up to 80 characters on one line
_GUILLEMETS = re.compile(r"«(?P<name>[А-ЯЁ][^«»\n]{1,80})»")


def russian_headed_names(ctx: Context, cues: Cues,
                         taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """«Name» whose own first word is a Russian cue word: "о создании «Клуба рассерженных
    патриотов»", "членов «Союза солдатских матерей»"."""
    out: list[tuple[int, int, str]] = []
    stems = sorted(cues.ru_roles.items(), key=lambda x: -len(x[0]))
    for m in _GUILLEMETS.finditer(ctx.text):
        name = m.group("name")
        first = name.split(" ", 1)[0].lower()
        role = next((r for stem, r in stems if first.startswith(stem)), None)
        start, end = m.span("name")
        if role is None or " " not in name or first.startswith(cues.ru_not_cues) or \
                cues.ru_never.search(name.lower()) or overlapping(taken, start, end):
            continue
        out.append((start, end, role))
    return out


def russian_names(ctx: Context, cues: Cues,
                  taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """«Name» after a Russian cue word: "газета «Коммерсантъ»", "движения «Весна»"."""
    out: list[tuple[int, int, str]] = []
    text = ctx.text
    for m in _ru_matches(text, cues):
        name = m.group("name").strip()
        if not name[:1].isupper() or name.startswith(cues.ru_not_first):
            continue
        start = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        end = start + len(name)
        low = name.lower()
        if cues.ru_never.search(low) or any(
                medium or s < start or e > end
                for s, e, medium in overlapping(taken, start, end)):
            continue
        cue = m.group("cue").lower()
        if cue.startswith(cues.ru_not_cues):
            continue
        before = text[max(0, m.start() - 30):m.start()].lower().split()
        if before and before[-1].startswith(cues.ru_not_after):
            continue
        if only_a_place(name):
            continue
        role = next((r for stem, r in sorted(cues.ru_roles.items(), key=lambda x: -len(x[0]))
                     if cue.startswith(stem)), "other")
        out.append((start, end, role))
    return out
