"""Who a fact is about when the text speaks of several people at once, or by its layout.

Used by :mod:`repression_kg.extract.subjects`. Names joined by "and" share a fact ("The
court sentenced A and B to ..."); a sentence that distributes ("each of them", "both men",
"found them guilty", "all three") is about the people of the list just before it, of an
earlier sentence that did the same, or of the nearest paragraph that names two or more, cut
to the number the text gives ("convicted three advocates who had defended A"); a field line
of a court report ("Charge: ...") is about its "Defendant:" line; a roundup's list item is
about the person it opens with.
"""

from __future__ import annotations

import re
from typing import Any

from repression_kg.extract import subject_words as W
from repression_kg.extract.base import Context, PersonMention

_JOINED = re.compile(r"(?i)(?:</?\w+>|\s)*(?:,|and|и|&)(?:</?\w+>|\s)+(?:(?:the|a|an)\s)?"
                     r"(?:[^\W\d_][\w-]*\s){0,2}$|(?:</?\w+>|\s)*,\s*$")


def conjoined(ctx: Context, s_start: int, offset: int, person: str,
              skip: frozenset[str], before: list[PersonMention]) -> list[str]:
    """``person`` and the people joined to it by "and" or commas right before it, when it
    is the last person named before ``offset`` ("Berkovich and Petriychuk were sentenced");
    ``before`` are the mentions from ``s_start`` that end before ``offset``."""
    if not before or before[-1].person != person:
        return [person]
    out = [person]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        gap = ctx.text[prev.end:nxt.start]
        if len(gap) > 40 or not _JOINED.fullmatch(gap) or (
                prev.person in skip and not (len(out) > 1 and _only_kin(ctx, prev.person))):
            break  # (a relative in a list of several shares its fact: "his wife A, B and C")
        if prev.person not in out:
            out.insert(0, prev.person)
    if len(out) > 1 and not W.joined_end().match(ctx.text, before[-1].end, offset) and not \
            W.joined_verb().search(ctx.text, s_start, before[-len(out)].start):
        return [person]
    return out


def _only_kin(ctx: Context, person: str) -> bool:
    """The person is known only as someone's relative (no lawyer, judge or official)."""
    roles = next((set(p.roles) for p in ctx.facts.persons if p.id == person), set())
    return "relative" in roles and not roles & (W.roles()[0] - {"relative"})


def memo(ctx: Context, name: str) -> dict[int, Any]:
    """A per-document memo in ``ctx.scratch`` of what the line starting at some offset is;
    emptied when the person mentions change (what is memoised may read them)."""
    mentions = ctx.person_mentions
    entry: tuple[list[PersonMention], int, dict[int, Any]] | None = ctx.scratch.get(name)
    if entry is None or entry[0] is not mentions or entry[1] != len(mentions):
        entry = ctx.scratch[name] = (mentions, len(mentions), {})
    return entry[2]


def _line(ctx: Context, line_start: int) -> tuple[int, tuple[int, int] | None, int | None]:
    """What the line at ``line_start`` is, once per line: :func:`_field_line` and
    :func:`_item_marker_end`."""
    lines = memo(ctx, "subjects.lines")
    line = lines.get(line_start)
    if line is None:
        field_end, above = _field_line(ctx, line_start)
        line = lines[line_start] = (field_end, above, _item_marker_end(ctx.text, line_start))
    return line


def previous_sentence(ctx: Context, s_start: int) -> tuple[int, int]:
    """The sentence before the one that starts at ``s_start`` (empty at the text's start),
    without the white space between them."""
    prev_end = stripped_end(ctx.text, s_start)
    return (ctx.sentence_at(prev_end - 1)[0], prev_end) if prev_end else (s_start, s_start)


def stripped_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())`` without copying the text: where the text before ``end``
    ends once trailing white space is left out."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*•–])[ \t]+")


def list_item_persons(ctx: Context, offset: int) -> list[str] | None:
    """The people a roundup's list item opens with ("1. Alexei Gorinov, municipal deputy,
    Moscow: 7 years ..."; "- A, B and C: two years suspended each"), for a fact in that item
    after the name; None elsewhere. An item wrapped onto indented lines goes on there."""
    text = ctx.text
    line_start = ctx.line_start(offset)
    marker_end = _line(ctx, line_start)[2]
    if marker_end is None:
        return None
    first = ctx.mentions_in(marker_end, marker_end + 1)
    if not first or first[0].end > offset:
        return None
    colon = text.find(":", first[0].end, offset)
    if colon >= 0:
        # "2. A, 66, B's superior ...: 12 years": the facts after ':' are A's; "A, B and C:"
        # names them all
        out = [first[0].person]
        named = ctx.mentions_in(first[0].end, colon)
        prev_end = first[0].end
        for m in named:
            if not _ITEM_JOINT.fullmatch(text, prev_end, m.start):
                return [first[0].person]
            if m.person not in out:
                out.append(m.person)
            prev_end = m.end
        return out if _ITEM_JOINT.fullmatch(text, prev_end, colon) or prev_end == colon \
            else [first[0].person]
    later = [m for m in ctx.mentions_in(first[0].end, offset) if m.person != first[0].person]
    return None if later else [first[0].person]


def _item_marker_end(text: str, line_start: int) -> int | None:
    """Where the marker of the list item the line at ``line_start`` is part of ends (the
    line itself, or the line an indented one goes on from); None off a list item."""
    for _ in range(10):  # back over the indented lines a wrapped item goes on with
        if LIST_ITEM.match(text, line_start) or line_start < 2 or \
                not text.startswith(("  ", "\t"), line_start):
            break
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        if not text[prev_start:line_start - 1].strip():
            break
        line_start = prev_start
    marker = LIST_ITEM.match(text, line_start)
    return None if marker is None else marker.end()


#: what joins the names an item opens with ("A, B and\n  C")
_ITEM_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+)?\s*|[*_\s]*")


def field_label(ctx: Context, offset: int) -> tuple[int, int] | None:
    """The span of the label of the field line ``offset`` is on ("Charge: ..."), or of a
    label alone on the line before ("Sentenced" / "15 July 2022: 4 years", as in a
    definition list of key facts), or above the list the line is an item of ("The
    sentence:" / "- 16 years" / "- a fine"), over a line that names nobody; None
    elsewhere."""
    line_start = ctx.line_start(offset)
    field_end, above, _ = _line(ctx, line_start)
    if 0 <= field_end <= offset:
        return line_start, field_end
    return above


def _field_line(ctx: Context, line_start: int) -> tuple[int, tuple[int, int] | None]:
    """What :func:`field_label` finds for the line at ``line_start``: where the field
    label that opens it ends (-1 when none does), and the label alone on a line above."""
    text = ctx.text
    field = W.field().match(text, line_start)
    field_end = -1 if field is None else field.end()
    if line_start < 2:
        return field_end, None
    label_start = text.rfind("\n", 0, line_start - 1) + 1
    for _ in range(8):  # a list's items: the label is the line above the first item
        if label_start < 2 or not (_BULLET.match(text, label_start)
                                   or text[label_start] in " \t\n"):  # (an item's 2nd line)
            break
        label_start = text.rfind("\n", 0, label_start - 1) + 1
    line_end = text.find("\n", line_start)
    label_end = text.find("\n", label_start)
    if not W.field_label().fullmatch(text, label_start, label_end) or \
            ctx.mentions_in(line_start, line_end if line_end >= 0 else len(text)):
        return field_end, None
    return field_end, (label_start, label_end)


#: the marker of a list item's line ("- ", "• ", "▪️ ")
_BULLET = re.compile(r"[ \t]*(?:[-*•◦·–▪►]\ufe0f?)[ \t]")


def field_persons(ctx: Context, offset: int) -> list[str] | None:
    """The people a field line ("Charge: ...") is about, or None when ``offset`` is not
    on such a line."""
    if field_label(ctx, offset) is None:
        return None
    line_start = ctx.line_start(offset)
    key = "charges.defendants"
    if key not in ctx.scratch:
        lines: list[tuple[int, list[str]]] = []
        for m in W.defendants().finditer(ctx.text):
            people: list[str] = []
            for mention in ctx.mentions_in(m.start(), m.end()):
                if mention.person not in people:
                    people.append(mention.person)
            if people:
                lines.append((m.start(), people))
        ctx.scratch[key] = lines
    # the nearest "Defendants:" line before (a bulletin of several cases has one each),
    # else the first one (a card may give its charges first)
    lines = ctx.scratch[key]
    before = [people for start, people in lines if start < line_start]
    if before or lines:
        return list(before[-1] if before else lines[0][1])
    headed = _heading_person(ctx, line_start)
    if headed is not None:
        return [headed]
    return [ctx.main_person] if ctx.main_person else None


#: a labelled line of a record ("Verdict date: September 2019"): a field, not a heading
_LABELLED = re.compile(r"[ \t*_>#-]*[^\W\d][\w ()/-]{0,30}[*_ ]*:(?:\s|$)")


def _heading_person(ctx: Context, line_start: int) -> str | None:
    """The person named by the heading of the record a field line stands in ("### Zhukov,
    Yegor" ... "**Article:** ..."): the nearest short line above that names one person, as
    long as no rule ("---") or heading without a name comes first."""
    text = ctx.text
    end = line_start - 1
    for _ in range(40):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and _heading(line) and not _LABELLED.match(line):
            named = {m.person for m in ctx.mentions_in(start, end)}
            if len(named) == 1:
                return named.pop()
            return None
        if line.strip().startswith(("---", "***", "___")):
            return None
        end = start - 1
    return None


#: "all three", "both men", "всех четверых" as the people a verdict is about
_ALL_COUNTED = re.compile(r"(?i)(?<!\w)(?:(?P<both>both|оба|обе|обоих|обеих)(?=\s+(?:men|women|"
                          r"defendants|of\s+them|brothers|sisters|activists)\b)|"
                          r"(?:all|всех|все)\s+(?P<n>[^\W\d_]+))(?!\w)")


#: what every match of :data:`_ALL_COUNTED` holds, in lower case
_COUNTED_HINTS = ("all", "both", "все", "оба", "обе", "обо")


def counted_group(ctx: Context, s_start: int, offset: int,
                  skip: frozenset[str]) -> list[str] | None:
    """The people of "sentenced all three to ...", "found both men guilty of ...", "Всех
    четверых подсудимых признали виновными ..." when the text names exactly as many:
    the accused named before the count in its sentence, else in the sentence before (with
    the person a "him" there refers to, the text's main person: "tried him together with
    Browder. ... found both men guilty"), else the people who open the list items right
    after the sentence ("Кто что получил: 1. A ... 2. B ..."). None where no count of
    people stands before ``offset`` in its sentence, or the people named do not add up."""
    text = ctx.text
    lo = max(s_start, offset - 160)  # (the count stands shortly before the fact)
    low = ctx.lowered()
    if low is not None and not any(low.find(h, lo, offset) >= 0 for h in _COUNTED_HINTS):
        return None
    m = None
    for found in _ALL_COUNTED.finditer(text, lo, offset):
        m = found
    if m is None:
        return None
    n = 2 if m.group("both") else W.counts().get(m.group("n").lower())
    if n is None or n < 2 or ctx.mentions_in(m.end(), offset):
        return None
    named = _accused_in(ctx, s_start, m.start(), skip)
    if len(named) < n:
        prev_start, prev_end = previous_sentence(ctx, s_start)
        earlier = _accused_in(ctx, prev_start, prev_end, skip)
        named = earlier + [p for p in named if p not in earlier]
        main = ctx.main_person
        if len(named) == n - 1 and main and main not in named and main not in skip and \
                W.fast("pronoun").search(text, ctx.lowered(), prev_start, m.start()):
            named.insert(0, main)
    if not named:
        named = _items_after(ctx, ctx.sentence_at(offset)[1], n, skip)
    return named if len(named) == n else None


def _accused_in(ctx: Context, start: int, end: int, skip: frozenset[str]) -> list[str]:
    out: list[str] = []
    for m in ctx.mentions_in(start, end):
        if m.end <= end and m.person not in skip and m.person not in out:
            out.append(m.person)
    return out


def _items_after(ctx: Context, end: int, n: int, skip: frozenset[str]) -> list[str]:
    """The people who open the first ``n`` list items after ``end`` (within 2,000
    characters; a heading or an introducing line may come first)."""
    text = ctx.text
    out: list[str] = []
    at = text.find("\n", end)
    limit = min(len(text), end + 2000)
    while 0 <= at < limit and len(out) < n:
        line_start = at + 1
        marker = LIST_ITEM.match(text, line_start)
        if marker is not None:
            first = ctx.mentions_in(marker.end(), marker.end() + 4)
            if not first or first[0].person in skip or first[0].person in out:
                return out
            out.append(first[0].person)
        at = text.find("\n", line_start)
    return out


def group_size(text: str, start: int, end: int) -> int | None:
    """The number of people the nearest count before ``end`` names, else None."""
    size = None
    for m in W.count().finditer(text, start, end):
        n = m.group("n").lower()
        # a bare English number is anything ("two of the charges"); a Russian one is people
        if m.group("noun") or m.group("all") or n in ("both", "pair", "couple") or \
                not n.isascii():
            size = W.counts()[n]
    return size


#: a term given to each of several people, said after it ("nine years each")
_EACH_AFTER = re.compile(r"[^.;,]{0,30}?\s(?:each|apiece|каждому|каждой)(?!\w)")


def plural_here(ctx: Context, s_start: int, s_end: int, offset: int) -> bool:
    """The fact at ``offset`` is about several people: "each of them", "both men", "found
    them guilty" before it; or its sentence names and refers to nobody and follows a
    heading that asks about them ("What were they convicted of?")."""
    text = ctx.text
    lo, hi = max(s_start, offset - 400), min(s_end, offset + 400)
    low = ctx.lowered()
    if W.fast("distributive").search(text, low, lo, offset) or \
            W.fast("plural").search(text, low, lo, offset):
        return True
    if _EACH_AFTER.match(text, offset, min(s_end, offset + 40)):
        return True  # "The sentence: nine years each" (the caller saw nobody named before)
    if ctx.mentions_in(s_start, s_end) or W.fast("pronoun").search(text, low, lo, hi):
        return False
    prev_start, prev_end = previous_sentence(ctx, s_start)
    return _heading(text[prev_start:prev_end]) and W.fast("they").search(
        text, low, prev_start, prev_end) \
        is not None


def earlier_plural_group(ctx: Context, s_start: int, skip: frozenset[str]) -> list[str]:
    """The list group of the nearest of the six sentences before that speaks of several
    people without naming them ("- A ... - B ... The court found all four guilty. What
    were they convicted of? Of ...")."""
    end = s_start
    for _ in range(6):
        end = stripped_end(ctx.text, end)
        if end <= 0:
            return []
        start, _end = ctx.sentence_at(end - 1)
        low = ctx.lowered()
        if W.fast("distributive").search(ctx.text, low, start, end) or \
                W.fast("plural").search(ctx.text, low, start, end):
            return listed_group(ctx, start, skip)
        end = start
    return []


def listed_group(ctx: Context, start: int, skip: frozenset[str]) -> list[str]:
    """The people who open the items of the list right before ``start`` (headings and
    blank lines between may stand in between): "- **A** - a correspondent ... - **B** ...
    ## The verdict ... gave each of them five years". Empty when there is no such list."""
    out: list[str] = []
    end = stripped_end(ctx.text, ctx.text.rfind("\n", 0, start) + 1)
    while end > 0:
        line_start = ctx.text.rfind("\n", 0, end) + 1
        line = ctx.text[line_start:end]
        marker = LIST_ITEM.match(line)
        if marker is not None:
            first = [m for m in ctx.mentions_in(line_start + marker.end(), end)
                     if m.start - line_start - marker.end() <= 3]
            if not first or first[0].person in skip:
                break
            if first[0].person not in out:
                out.insert(0, first[0].person)
        elif line.strip() and (out or not _heading(line)):
            break
        end = stripped_end(ctx.text, line_start)
    return out if len(out) >= 2 else []


def _heading(line: str) -> bool:
    """A short line that ends no sentence with a full stop: a heading ("What was the
    verdict?", "## The verdict")."""
    text = line.strip()
    return len(text) <= 80 and not text.endswith((".", ":", ";", ","))


def joined_before(ctx: Context, s_start: int, skip: frozenset[str]) -> list[str]:
    """The last names joined by "and" or commas in the sentence before ``s_start``, when
    they are two or more ("... heard the case of A and B. It gave each of them six
    years": A and B, not the C named earlier in that sentence)."""
    prev_start, prev_end = previous_sentence(ctx, s_start)
    named = [m for m in ctx.mentions_in(prev_start, prev_end) if m.person not in skip]
    if len(named) < 2:
        return []
    out = [named[-1].person]
    for prev, nxt in zip(reversed(named[:-1]), reversed(named[1:]), strict=True):
        gap = ctx.text[prev.end:nxt.start]
        if len(gap) > 40 or not _JOINED.fullmatch(gap):
            break
        if prev.person not in out:
            out.insert(0, prev.person)
    return out if len(out) >= 2 else []


def previous_group(ctx: Context, start: int, skip: frozenset[str]) -> list[str]:
    """Accused people named before ``start`` in its paragraph, else in the nearest of the
    three paragraphs before it that names at least two of them."""
    b_start, _ = ctx.block_at(start)
    end, seen = start, 0
    while seen < 4:
        people: list[str] = []
        for m in ctx.mentions_in(b_start, end):
            if m.person not in skip and m.person not in people:
                people.append(m.person)
        if len(people) >= 2:
            return people
        if b_start < 2:
            return []
        if ctx.text[b_start:end].strip():
            seen += 1
        end = b_start
        b_start, _ = ctx.block_at(b_start - 1)
    return []
