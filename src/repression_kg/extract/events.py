"""Extractor: events — detention, arrest, search, border crossing, asylum, transfers,
charges, trial, conviction, sentencing, appeal, release, exchange and open letters.

Cue patterns are data (ontology/lookups/events.yml). For each cue the event takes, from
the same sentence: its person (:mod:`repression_kg.extract.events_persons`, never a lawyer
or judge; a sentence that names nobody and has no "he"/"she" gives no person, and such an
event is dropped unless it is a letter or an exchange), the date nearest the cue in its clause
(:mod:`repression_kg.extract.clauses`), a place, and for transfers the countries
(:mod:`repression_kg.extract.event_places`). Cues after "demand", "might", "to face" ...
are not events, nor cues inside a phrase that says a transfer did not happen ("refused to
extradite him"; ``not_events`` in events.yml); a cue that does not itself name a transfer
("was returned to") is one only between two countries. Events of one type, person and date are merged (their mentions joined),
and an undated one joins the dated one of its type and person.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract import event_places, scan_groups
from repression_kg.extract.base import Context, DateMention
from repression_kg.extract.clauses import clause
from repression_kg.extract.dates import is_birth_date
from repression_kg.extract.prescan_group import PrescanGroup
from repression_kg.extract.events_persons import first_signer, persons_of
from repression_kg.facts import Event, EventType, Span

_LOCATED = frozenset({"detention", "arrest", "search", "asylum_request", "asylum_denied",
                      "asylum_granted", "trial", "conviction", "sentencing", "release"})


@cache
def _cues() -> list[tuple[EventType, tuple[str, ...], re.Pattern[str]]]:
    data = lookups.load("events")["events"]
    out = []
    for kind, spec in data.items():
        alt = "|".join(f"(?:{p})" for p in spec["patterns"])
        stems = tuple(str(s).lower() for s in spec["stems"])
        out.append((kind, stems, re.compile(rf"(?i:(?<![\w-])(?:{alt})(?![\w-]))")))
    return out


def _cue_group() -> PrescanGroup:
    """The group whose first members are the cue patterns, in order (it also holds the
    charge descriptions: one pass finds the starts of both)."""
    return scan_groups.cues_and_descriptions()[0]


def _find_cues(ctx: Context) -> list[tuple[int, int, EventType]]:
    """Cue matches; each pattern runs only on the sentences that contain one of its stems
    (tried where its literal starts occur, found for all patterns in one pass)."""
    cues = _cues()
    found = _cue_group().in_sentences_of(ctx, [(k, stems) for k, (_kind, stems, _p)
                                               in enumerate(cues)])
    hits = {(m.start(), m.end(), kind) for (kind, _stems, _pattern), matches in zip(cues, found)
            for m in matches}
    return sorted(hits)


@cache
def _negators() -> re.Pattern[str]:
    words = {str(w) for w in lookups.load("events")["not_after"]}
    # case-sensitive, so that the month "May" is not the verb "may"
    words |= {w[:1].upper() + w[1:] for w in words if w != "may"}
    alt = event_places.by_first(sorted(words, key=len, reverse=True), r"[\w-]")
    return re.compile(rf"{alt}(?![\w-])")


@cache
def _not_events() -> tuple[tuple[str, ...], re.Pattern[str]]:
    spec = lookups.load("events")["not_events"]
    alt = "|".join(f"(?:{p})" for p in spec["patterns"])
    return (tuple(str(s).lower() for s in spec["stems"]),
            re.compile(rf"(?i:(?<![\w-])(?:{alt})(?![\w-]))"))


def _refused(ctx: Context, hits: list[tuple[int, int, EventType]]) -> list[tuple[int, int, EventType]]:
    """The cues outside a phrase that says the transfer did not happen ("refused to
    extradite him", "his extradition was rejected"; ontology/lookups/events.yml).

    The pattern runs only on the sentences that hold one of its stems and overlap a cue
    (a phrase inside a sentence can only overlap a cue that overlaps the sentence)."""
    stems, pattern = _not_events()
    if not hits:
        return hits
    low = ctx.lowered() or ctx.text.lower()
    present = [s for s in stems if s in low]  # (each stem's first search, once)
    if not present:
        return hits
    sentences = set()
    for stem in present:
        i = low.find(stem)
        while i >= 0:
            sentences.add(ctx.sentence_at(i))
            i = low.find(stem, i + len(stem))
    starts = [h[0] for h in hits]
    reach = list(itertools.accumulate((h[1] for h in hits), max))  # the furthest end so far
    spans = [(m.start(), m.end()) for s_start, s_end in sorted(sentences)
             if (k := bisect.bisect_left(starts, s_end)) and reach[k - 1] > s_start
             for m in pattern.finditer(ctx.text, s_start, s_end)]
    return [h for h in hits if not any(s < h[1] and h[0] < e for s, e in spans)]


#: a transfer cue that names the transfer itself; other cues ("was returned to", "was on
#: a plane to") are transfers only from one country to another
_TRANSFER_WORD = re.compile(r"(?i:deport|extradit|expel|депорт|экстрадир|выдвор|выда[лн])")


@cache
def _transfers() -> frozenset[str]:
    return frozenset(lookups.load("events")["transfers"])


def _date(ctx: Context, start: int, end: int, cues: list[int], sentence: tuple[int, int],
          clause_span: tuple[int, int]) -> str | None:
    """The date nearest the cue, in its clause first, else in its sentence — but not a
    date that stands nearer another event cue of the sentence ("asked for asylum, but in
    December he was deported"). ``sentence`` and ``clause_span`` are the cue's."""
    text = ctx.text
    s_start, s_end = sentence
    first, last = bisect.bisect_left(cues, s_start), bisect.bisect_left(cues, s_end)
    first_cue = cues[first] if first < last else start  # (the cues are sorted)
    # whether the date at an offset is one of birth (a test of the words around its
    # start: dates.is_birth_date), once per document
    born: dict[int, bool] = ctx.scratch.setdefault("events.born", {})
    # (a clause that is its whole sentence is read once)
    for lo, hi in (clause_span,) if clause_span == sentence else (clause_span, sentence):
        best: DateMention | None = None
        best_gap = 0
        others: list[int] | None = None  # the other cues of the range, when needed
        for d in ctx.dates_in(lo, hi):
            birth = born.get(d.start)
            if birth is None:
                birth = born[d.start] = is_birth_date(text, d)
            if birth:
                continue
            # a date that opens the sentence dates all of it; a later one the cue of its
            # clause, else its nearest cue
            if d.end > first_cue:
                if others is None:
                    others = [c for c in cues[first:last] if lo <= c < hi and c != start]
                if not _owns(ctx, d, start, end, others):
                    continue
            gap = _gap(d, start, end)
            if best is None or gap < best_gap:
                best, best_gap = d, gap
        if best is not None:
            return best.value
    return None


def _gap(date: DateMention, start: int, end: int) -> int:
    """How far a date stands from the cue ``[start, end)``."""
    return date.start - end if date.start >= end else start - date.end


#: the day a sentence opens with, after a dated one: the next day or the same
_SAME_DAY = re.compile(r"(?i:\b(?:(?P<next>the\s+next\s+day|the\s+following\s+day|"
                       r"next\s+morning|the\s+next\s+morning|на\s+следующий\s+день)|"
                       r"the\s+same\s+day|that\s+day|that\s+night|в\s+тот\s+же\s+день)\b)")
#: words between a date and a transfer told after it that put time between them
_LATER = re.compile(r"(?i:\b(?:later|afterwards|subsequently|eventually|since|until|"
                    r"(?:years|months|weeks) after|позже|спустя|через)\b)")


def _month_before(ctx: Context, start: int, person: str | None) -> str | None:
    """The month of a transfer whose sentence gives no date, from the date told just before
    it in its paragraph or the one before ("released on 24 May 2022. Instead of being set
    free, he was deported" was deported in May 2022); not when the text puts time between
    them ("later", "years after"), not a year alone, not the date of a sentence that names
    someone else."""
    b_start, _ = ctx.block_at(start)
    before = b_start - 1
    while before > 0 and ctx.text[before].isspace():
        before -= 1
    lo = ctx.block_at(before)[0] if before > 0 else b_start
    dates = [d for d in ctx.dates_in(max(lo, start - 800), start)
             if len(d.value) >= 7 and not is_birth_date(ctx.text, d)]
    if not dates or _LATER.search(ctx.text, dates[-1].end, start):
        return None
    d_start, d_end = ctx.sentence_at(dates[-1].start)
    if any(m.person != person for m in ctx.mentions_in(d_start, d_end)):
        return None  # the date of something that happened to someone else
    last = dates[-1].value
    s_start, _ = ctx.sentence_at(start)
    same = _SAME_DAY.search(ctx.text, max(s_start, dates[-1].end), start)
    if same is not None and len(last) == 10:
        # "On 16 October ... The next day he was on a plane": 17 October
        day = datetime.date.fromisoformat(last)
        return (day + datetime.timedelta(days=1 if same.group("next") else 0)).isoformat()
    return last[:7]


def _owns(ctx: Context, date: DateMention, start: int, end: int, others: list[int]) -> bool:
    d_start, d_end = clause(ctx, date.start, date.end)
    if d_start <= start < d_end:
        return True
    if any(d_start <= c < d_end for c in others):
        return False
    mine = date.start - end if date.start >= end else start - date.end
    return all(mine <= abs(date.start - c) for c in others)



def _negated(ctx: Context, start: int, c_start: int) -> bool:
    """A negator (ontology/lookups/events.yml ``not_after``) in the 50 characters before
    the cue, within its clause (which starts at ``c_start``: the start of the clause of
    the cue and of its first character are the same, no separator being empty)."""
    window = ctx.text[max(c_start, start - 50):start]
    return _negators().search(window) is not None


def extract_events(ctx: Context) -> None:
    """Fill ``ctx.facts.events``."""
    hits = _refused(ctx, _longest(_find_cues(ctx)))
    places = event_places.places(ctx)
    # the countries, for transfers and when no place is known (often neither is needed)
    countries = event_places.countries(ctx) if not places or any(
        h[2] in _transfers() for h in hits) else []
    places = places or countries
    events: list[Event] = []
    cue_starts = [h[0] for h in hits]
    transfers = _transfers()
    for start, end, kind in hits:
        sentence = ctx.sentence_at(start)
        clause_span = clause(ctx, start, end)
        if _negated(ctx, start, clause_span[0]):
            continue
        persons = persons_of(ctx, start, end, sentence, clause_span) if kind != "letter" \
            else first_signer(ctx, sentence)
        if persons == [None] and kind not in ("letter", "exchange"):
            continue
        date = _date(ctx, start, end, cue_starts, sentence, clause_span)
        s_start, s_end = sentence
        for person in persons:
            event = Event(type=kind, person=person, date=date)
            if kind in transfers:
                event.from_country, event.to_country = event_places.transfer_countries(
                    ctx, kind, start, end, countries)
                if kind in ("deportation", "extradition") \
                        and not _TRANSFER_WORD.search(ctx.text, start, end) \
                        and (event.from_country is None or event.to_country is None
                             or event.from_country == event.to_country):
                    continue  # "was returned to his cell", "taken to Moscow": a move
            elif kind in _LOCATED:
                event.place = event_places.place(ctx, start, end, places, kind, clause_span)
            event.mentions = [ctx.span(start, end), _trimmed(ctx, s_start, s_end)]
            events.append(event)
    merged = _merge(events)
    cues = {(h[0], h[1]) for h in hits}
    for event in merged:
        if event.date is None and event.type in ("deportation", "extradition"):
            # a transfer no mention dates: the date told just before one of its cues
            starts = [m.start for m in event.mentions if (m.start, m.end) in cues]
            event.date = next((d for d in (_month_before(ctx, at, event.person)
                                           for at in starts) if d), None)
    ctx.facts.events.extend(merged)


def _trimmed(ctx: Context, start: int, end: int) -> Span:
    text = ctx.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return ctx.span(start, end)


def _longest(hits: list[tuple[int, int, EventType]]) -> list[tuple[int, int, EventType]]:
    """Of cues that overlap, keep the longest ("rejected his request for asylum" beats
    "request for asylum"; "freed in a prisoner swap" beats "was freed")."""
    out: list[tuple[int, int, EventType]] = []
    cluster: list[tuple[int, int, EventType]] = []
    cluster_end = -1
    for hit in sorted(hits):
        if cluster and hit[0] >= cluster_end:
            out.append(max(cluster, key=lambda h: (h[1] - h[0], -h[0])))
            cluster = []
        cluster.append(hit)
        cluster_end = max(cluster_end, hit[1]) if len(cluster) > 1 else hit[1]
    if cluster:
        out.append(max(cluster, key=lambda h: (h[1] - h[0], -h[0])))
    return out


def _merge(events: list[Event]) -> list[Event]:
    """One event per type, person and date; undated ones join a dated one of their kind."""
    out: list[Event] = []
    by_person: dict[str | None, list[Event]] = {}
    for event in sorted(events, key=lambda e: (e.date is None, e.mentions[0].start)):
        pool = by_person.get(None if event.type == "letter" else event.person, [])
        same = next((o for o in pool if _same(o, event)), None)
        if same is None:
            out.append(event)
            by_person.setdefault(None if event.type == "letter" else event.person,
                                 []).append(event)
            continue
        for attr in ("place", "from_country", "to_country"):
            if getattr(same, attr) is None:
                setattr(same, attr, getattr(event, attr))
        if event.date and (same.date is None or len(event.date) > len(same.date)):
            same.date = event.date
        same.mentions = sorted(set(same.mentions) | set(event.mentions))
    return sorted(out, key=lambda e: e.mentions[0].start)


def _same(a: Event, b: Event) -> bool:
    if a.type == "letter" == b.type and (a.date is None or b.date is None or a.date == b.date):
        return True  # one letter, named again with other signatories
    if a.person != b.person:
        return False
    if a.type != b.type and not ({a.type, b.type} == {"deportation", "extradition"}
                                 and (a.date is None or b.date is None)
                                 and _compatible(a.to_country, b.to_country)
                                 and _compatible(a.from_country, b.from_country)):
        return False
    if a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _compatible(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y
