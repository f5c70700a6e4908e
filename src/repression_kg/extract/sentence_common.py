"""What the sentence extractors share: their cue words, what rules a punishment out (a
threat, a maximum, a demand), the date and court of a punishment, and how mentions of one
punishment merge into one :class:`~repression_kg.facts.Sentence`.

The words are in ontology/lookups/regimes.yml (``sentence_cues``, ``not_before``).
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import cast

from repression_kg import lookups
from repression_kg.extract import prescan
from repression_kg.extract.base import Context, DateMention
from repression_kg.extract.dates import alone_on_line, is_birth_date
from repression_kg.extract.literals import flat, last_literal
from repression_kg.extract.subject_groups import stripped_end
from repression_kg.facts import Regime, Sentence, SentenceKind


@cache
def words(key: str) -> list[str]:
    return [str(w).lower() for w in lookups.load("regimes")[key]]


@cache
def not_before() -> tuple[str, ...]:
    return tuple(words("not_before"))


@cache
def _not_before_words() -> re.Pattern[str]:
    """Any word of ``not_before`` in lower-case text, whole or not (where none is, no
    :func:`last_literal` search is needed)."""
    return re.compile(alternation(sorted(set(not_before()))))


@cache
def cue_pattern() -> re.Pattern[str]:
    cues = sorted(words("sentence_cues") + ["upgrading", "upgraded", "downgraded"], key=len,
                  reverse=True)
    return re.compile(r"(?i)(?<!\w)(?:" + alternation(cues) + r")(?!\w)")


def alternation(words: list[str]) -> str:
    """Regex source that matches what ``"|".join(map(re.escape, words))`` matches, in the
    same order of preference, with the words grouped by their first character (in the
    order each first comes): the engine then tries at an offset only the words that begin
    with the character there. Words that begin with different characters never match at
    one offset (checked: no two first characters are the same ignoring case), and each
    group keeps the order of its words."""
    if "" in words:
        return "|".join(re.escape(w) for w in words)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    assert not any(re.fullmatch(f"(?i){re.escape(a)}", b) for a in groups for b in groups
                   if a != b), "first characters that are one ignoring case"
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")"
                    for first, rests in groups.items())


@cache
def _lower_cues() -> re.Pattern[str]:
    return re.compile(cue_pattern().pattern.replace("(?i)", "", 1))


def cue_matches(ctx: Context, start: int, end: int) -> list[re.Match[str]]:
    """The sentencing cues in ``[start, end)``: :func:`cue_pattern` run on the lower-cased
    text when that keeps the offsets (case-sensitive, several times faster)."""
    low = ctx.lowered()
    if low is None:
        return list(cue_pattern().finditer(ctx.text, start, end))
    return list(_lower_cues().finditer(low, start, end))


def threat(ctx: Context, offset: int, *, since: int | None = None,
            strong_only: bool = False) -> bool:
    """A maximum, a threat, a demand or a time span rather than a sentence: a word of
    ``not_before`` in the 60 characters before, with no sentencing cue after it (words
    like "maximum" or "faces" count even then)."""
    s_start, _ = ctx.sentence_at(offset)
    # (flat: a phrase's space matches a line break, as last_literal reads it)
    lo = max(s_start, offset - 60, since or 0)
    before = flat(ctx.text[lo:offset].lower())
    if _ASKED_TO_IMPOSE.search(ctx, max(s_start, offset - 160, since or 0), offset):
        return True  # «просил назначить подсудимому наказание ... на срок 18 лет»
    last = last_literal(before, not_before()) if _not_before_words().search(before) else -1
    while last >= 0 and _FROM_PLACE.match(ctx.text, lo + last):
        # "sentenced A, a saleswoman from Sochi, to seven years": a place, no range
        last = last_literal(before[:last], not_before())
    if last < 0:
        return False
    if before.startswith(_STRONG, last):
        return True
    if strong_only:  # "the day after the reading, a court fined him": a time, not a threat
        return any(word in before for word in _STRONG)
    if before.startswith(("from", "от"), last) and _FROM_TO.search(before, last):
        return False  # "changed from three and a half years to one year suspended"
    if before.startswith("до", last) and _CHANGED_RU.search(before, 0, last):
        return False  # "снизив срок лишения свободы до 5 лет": the new term, no maximum
    return not any(c.start() > last for c in cue_pattern().finditer(before))


class Needs:
    """A pattern ignoring case, and words (in lower case) one of which every match of it
    holds: the pattern is searched only where the lower-cased text shows one of them."""

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words
        self._words = re.compile(alternation(sorted(set(words))))

    def _may_match(self, ctx: Context, start: int, end: int) -> bool:
        low = prescan.lowered(ctx)  # (None when lower-casing could hide a word)
        return low is None or self._words.search(low, start, end) is not None

    def search(self, ctx: Context, start: int, end: int) -> re.Match[str] | None:
        """``pattern.search(ctx.text, start, end)``."""
        return self.pattern.search(ctx.text, start, end) if self._may_match(
            ctx, start, end) else None

    def match(self, ctx: Context, start: int, end: int) -> re.Match[str] | None:
        """``pattern.match(ctx.text, start, end)``."""
        return self.pattern.match(ctx.text, start, end) if self._may_match(
            ctx, start, end) else None


#: a request that the court impose a punishment, however long the words after it
_ASKED_TO_IMPOSE = Needs(re.compile(
    r"(?i)(?<!\w)(?:(?:за)?прос\w*|потребовал\w*|требовал\w*)\s"
    r"назначить(?!\w)|(?<!\w)(?:asked|asks|asking)\sthe\scourt\sto\s"
    r"(?:impose|give|hand)(?!\w)"), ("назначить", "ask"))
#: words that refer back to the person of an earlier sentence ("reduced it to five years")
BACK = re.compile(r"(?i)(?<!\w)(?:it|the sentence|the term|the conviction|the verdict|срок|"
                  r"приговор)(?!\w)")
_CHANGED_RU = re.compile(r"(?<!\w)(?:сниз|сократ|смягч|увелич|ужесточ|измени|замени)\w*")
#: "from" or "от" before a capitalised word: where someone comes from, not a range's start
_FROM_PLACE = re.compile(r"(?:from|от)\s+(?:the\s+)?[A-ZА-ЯЁ]")
_FROM_TO = re.compile(r"(?:years?|months?|лет|года?|месяц\w*)\b[^.;]{0,40}\s(?:to|до)\s$")
_STRONG = ("after serving", "after having served", "having served", "allows", "allow",
           "provides for", "permits", "maximum", "up to", "faces", "facing", "could face", "carries", "грозит",
           "punishable", "requested", "asked for", "asks for", "asking for", "asked again for",
           "again asked for", "asks again for", "demanded", "sought", "запросил", "просил",
           "требовал", "потребовал")


def sentence_date(ctx: Context, s_start: int, s_end: int, cue: int,
                  term: int | None = None) -> str | None:
    """The date of a punishment whose cue is at ``cue`` in the sentence ``[s_start,
    s_end)``: a date between the cue and its ``term`` ("sentenced him that July to three
    years"), else the last date of the sentence before the cue, else its first date, else
    the text's own date for news of the day, else :func:`_context_date`."""
    dates = _sentence_dates(ctx, s_start, s_end)
    earlier = _EARLIER.match(ctx.text, s_start)
    if earlier is not None:
        # "[15 Jul 2022, 09:52] 4/ Before the criminal case she was twice fined": the post's
        # time is not the fine's
        dates = [d for d in dates if d.start >= earlier.end()]
    if term is not None:
        between = [d for d in dates if cue < d.start and d.end <= term]
        if between:
            return between[-1].value
    before = [d for d in dates if d.end <= cue]
    if len(before) > 1 and before[0].start - s_start <= 25 and len(before[0].value) == 10:
        # "17 ноября 2022 года суд признал их виновными в ... в июле 2014 года и
        # приговорил ...": the day the sentence opens with, not the offence's month
        return before[0].value
    if before:
        return before[-1].value
    if dates:
        return dates[0].value
    if ctx.published and len(ctx.published) == 10 and _JUST.search(
            ctx.text, max(s_start, cue - 30), cue):
        return ctx.published  # "a court has just sentenced him": the day of the text
    if earlier is not None:
        return None  # nor the date its context gives
    memo: dict[int, str | None] = ctx.scratch.setdefault("sentences.context_dates", {})
    if s_start not in memo:
        memo[s_start] = _context_date(ctx, s_start)
    return memo[s_start]


def _sentence_dates(ctx: Context, s_start: int, s_end: int) -> list[DateMention]:
    """The dates of the sentence ``[s_start, s_end)`` that can date a punishment (not a
    bare relative day, the document's date line or a birth date); once per sentence."""
    memo: dict[tuple[int, int], list[DateMention]] = ctx.scratch.setdefault(
        "sentences.dates", {})
    dates = memo.get((s_start, s_end))
    if dates is None:
        dates = memo[s_start, s_end] = [
            d for d in ctx.dates_in(s_start, s_end) if (len(d.value) >= 7 or not d.relative)
            and not _dateline(ctx, d.start) and not is_birth_date(ctx.text, d)
            and not _in_a_span_of_years(ctx.text, d.start, d.end)]
    return dates


#: a year of a span of years ("в 2011–2014 годах руководитель ...": a period, no verdict)
_YEARS_BEFORE = re.compile(r"(?:19|20)\d\d\s?[–—-]\s?$")
_YEARS_AFTER = re.compile(r"\s?[–—-]\s?(?:19|20)\d\d(?!\d)")


def _in_a_span_of_years(text: str, start: int, end: int) -> bool:
    if not text[start:start + 4].isdigit():
        return False
    return _YEARS_BEFORE.search(text, max(0, start - 7), start) is not None or \
        _YEARS_AFTER.match(text, start + 4) is not None


#: a sentence that tells of an earlier time than its context's date, and names none
_EARLIER = re.compile(r"(?:\[[^\]\n]{0,40}\]\s*)?(?:\d{1,3}/\s*)?(?:Before|Earlier|Previously|"
                      r"In the past|Years earlier|Ранее|До этого|Прежде)(?!\w)")

#: a verdict told as news of the day the text was written ("has just sentenced")
_JUST = re.compile(r"(?i)(?<!\w)(?:has|have)\s+just\s+(?:been\s+)?$|только\s+что\s+$")


#: the label of a document's own date line ("Published: 6 September 2022")
_DATELINE = re.compile(r"(?i)(?:published|posted|updated|date|опубликовано|дата)\W{0,6}(?:on\s)?$")


def _dateline(ctx: Context, start: int) -> bool:
    """The date at ``start`` is the document's publication line, not a verdict's date (a
    headline without a full stop runs into it)."""
    line_start = ctx.line_start(start)
    return _DATELINE.search(ctx.text, max(line_start, start - 20), start) is not None


#: a sentence of its own that is a date (a timeline entry's head: "**30 December 2014.**")
_DATE_HEAD = re.compile(r"[\s>*_#\-–•\d.)]*$")
#: a sentence that tells of a verdict: the sentences after it in its paragraph share its date
_VERDICT = Needs(re.compile(
    r"(?i)(?<!\w)(?:convicted|sentenced|fined|found\s[^.;]{0,120}?\sguilty|verdicts?|"
    r"(?:changed|reduced|cut|quashed|commuted|softened)\s(?:\w+\s){0,3}"
    r"(?:sentences?|terms?)|"
    r"court report|приговорил\w*|осудил\w*|признал\w* виновн\w*|"
    r"приговор\w*|оштрафовал\w*)(?!\w)"),
    ("convicted", "sentence", "fined", "guilty", "verdict", "term", "court report", "приговор",
     "осудил", "виновн", "оштрафовал"))


def _context_date(ctx: Context, s_start: int) -> str | None:
    """The date a sentence with none of its own takes from its context: the date that
    heads its line or list item (a timeline), else the date of the verdict told earlier
    in its paragraph, or in the paragraph before when its own has no date ("On 17
    January the court convicted three lawyers. A was sentenced to ..."), else a
    bulletin's verdict date."""
    line_start = ctx.line_start(s_start)
    for d in ctx.dates_in(line_start, s_start):
        if _DATE_HEAD.match(ctx.text, line_start, d.start) and len(d.value) >= 7:
            return d.value
        break
    p_start, _ = ctx.paragraph_at(s_start)
    dated = [d for d in ctx.dates_in(p_start, s_start) if len(d.value) >= 7 or not d.relative]
    if not dated and p_start > 1:
        # "On 8 July the court found A and B guilty ... \n\n The court sentenced each ..."
        prev_start, _ = ctx.paragraph_at(stripped_end(ctx.text, p_start) - 1)
        dated = [d for d in ctx.dates_in(prev_start, p_start)
                 if len(d.value) >= 7 or not d.relative]
    if dated:
        d_start, d_end = ctx.sentence_at(dated[-1].start)
        if _VERDICT.search(ctx, d_start, d_end):
            return dated[-1].value
        return _date_heading(ctx, s_start)
    return _date_heading(ctx, s_start) or _document_verdict_date(ctx, s_start)


def _date_heading(ctx: Context, s_start: int) -> str | None:
    """The date of the nearest line above that is a date alone, a live blog's or diary's
    day heading ("THURSDAY, 11 MAY" over "13:12 The judge sentenced him to ..."); only
    a date with its month, within the 3,000 characters before."""
    headings = ctx.scratch.get("sentences.date_headings")
    if headings is None:
        headings = ctx.scratch["sentences.date_headings"] = _date_headings(ctx)
    k = bisect.bisect_left(headings, (s_start,)) - 1
    while k >= 0 and headings[k][1] > s_start:
        k -= 1  # (a heading's line must end before the sentence)
    if k >= 0 and headings[k][0] >= s_start - 3000:
        return headings[k][2]
    return None


def _date_headings(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, line end, value) of every date that is its line's only words but for a
    weekday, with its month, and is not the document's own date line."""
    text = ctx.text
    out = []
    for d in ctx.dates:
        if len(d.value) < 7:
            continue
        line_start = ctx.line_start(d.start)
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start <= 60 and not _dateline(ctx, d.start) and \
                alone_on_line(text, d.start, d.end):
            out.append((d.start, line_end, d.value))
    return out


def _document_verdict_date(ctx: Context, s_start: int) -> str | None:
    """The date of a bulletin's verdict line near its top ("Verdicts of 5 March 2020.",
    "Court report. Moscow City Court, 24 July 2014."), when no other full date stands
    between it and the sentence at ``s_start``."""
    full = [d for d in ctx.dates_in(0, s_start) if len(d.value) == 10 and not d.relative
            and not _dateline(ctx, d.start)]
    if full and full[0].start <= 600:
        first = full[0]
        d_start, d_end = ctx.sentence_at(first.start)
        if _VERDICT_HEADING.search(ctx.text, max(0, d_start - 120), d_start):
            return first.value  # the date line under a verdict's heading ("П Р И Г О В О Р")
        if len(full) == 1 and _VERDICT.search(ctx, d_start, d_end):
            return first.value
    # a summary that opens with the verdict ("Вчера, 26 июня, суд вынес приговор ...";
    # "the verdict announced on 25 January 2024"): its date, when no other sentence with a
    # date between tells of a verdict
    summary = ctx.scratch.get("sentences.summary_verdict")
    if summary is None:
        summary = ctx.scratch["sentences.summary_verdict"] = _summary_verdict(ctx)
    value, opens, until = summary
    return value if value is not None and opens < s_start <= until else None


def _summary_verdict(ctx: Context) -> tuple[str | None, int, int]:
    """(date, start, reach) of the verdict date a summary opens with (in its first 600
    characters): the day of the first full date whose sentence tells of a verdict; it
    reaches up to the next such date of another day (or the text's end). Once per text."""
    verdicts = [d for d in ctx.dates if len(d.value) == 10 and not _dateline(ctx, d.start)
                and not is_birth_date(ctx.text, d)
                and _VERDICT.search(ctx, *ctx.sentence_at(d.start))]
    if not verdicts or verdicts[0].start > 600:
        return None, 0, 0
    other = next((d.start for d in verdicts if d.value != verdicts[0].value), len(ctx.text))
    return verdicts[0].value, verdicts[0].start, other


#: the heading of a verdict, on a line of its own ("ПРИГОВОР", "П Р И Г О В О Р", "VERDICT")
_VERDICT_HEADING = re.compile(r"(?m)^[ \t#*]*(?:П ?Р ?И ?Г ?О ?В ?О ?Р|VERDICT|Verdict)[ \t*]*$")


def sentence_court(ctx: Context, s_start: int, s_end: int) -> str | None:
    """The first court (in the order of the facts) named in ``[s_start, s_end)``; once
    per sentence, by bisecting the document's court mentions."""
    memo: dict[tuple[int, int], str | None] = ctx.scratch.setdefault("sentences.courts", {})
    if (s_start, s_end) not in memo:
        starts, order = _court_mentions(ctx)
        inside = order[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
        memo[s_start, s_end] = ctx.facts.courts[min(inside)].id if inside else None
    return memo[s_start, s_end]


def _court_mentions(ctx: Context) -> tuple[list[int], list[int]]:
    """The starts of every court mention, sorted, and the index of each one's court in
    the facts (the first court of a sentence is the least index among its mentions);
    kept while the list of courts stays the same (the courts extractor adds each court
    with all its mentions)."""
    courts = ctx.facts.courts
    key = (id(courts), len(courts))
    cached = ctx.scratch.get("sentences.court_mentions")
    if cached is None or cached[0] != key:
        pairs = sorted((m.start, k) for k, court in enumerate(courts) for m in court.mentions)
        cached = ctx.scratch["sentences.court_mentions"] = (
            key, [start for start, _k in pairs], [k for _start, k in pairs])
    return cached[1], cached[2]


def add_sentence(ctx: Context, found: dict, sentence: Sentence, start: int, end: int, *,
         copy: int = 0) -> None:
    """Merge a mention into the sentence of the same person, kind and term, unless both
    have dates that differ (a fine of 2022 and another of 2023 are two sentences).
    ``copy`` > 0 is a further sentence of the same words ("fined twice")."""
    key: tuple = (sentence.person, sentence.kind, sentence.months)
    if copy:
        key = (*key, "copy", copy)
    n = 0
    while (old := found.get(key)) is not None and old.date and sentence.date and not (
            old.date.startswith(sentence.date) or sentence.date.startswith(old.date)):
        n += 1
        key = (sentence.person, sentence.kind, sentence.months, n)
    if old is None:
        found[key] = old = sentence
    else:
        old.regime = old.regime or sentence.regime
        old.date = old.date or sentence.date
        old.court = old.court or sentence.court
    span = ctx.span(start, end)
    if span not in old.mentions:
        old.mentions.append(span)


def regime_in(window: str) -> Regime | None:
    """The regime the words of ``window`` give ("general regime colony" → "general")."""
    return regime_of(window.lower())


def regime_of(low: str) -> Regime | None:
    """:func:`regime_in` of a window already in lower case (regimes.yml's keys are the
    contract's regimes)."""
    return cast("Regime | None", first_of(low, "regimes"))


def kind_of(low: str) -> SentenceKind | None:
    """The kind of penalty the words of lower-case ``low`` name first (regimes.yml's
    ``kinds``, keyed by the contract's kinds)."""
    return cast("SentenceKind | None", first_of(low, "kinds"))


def first_of(window: str, section: str) -> str | None:
    """The key of ``regimes.yml``'s section whose word comes first in ``window``: one
    search of the alternation of all its words, in file order (exactly
    :func:`first_of_plain`: the leftmost match, and at that offset the first word
    listed). A line break counts as a space ("general\nregime" in hard-wrapped text)."""
    pattern, keys = _first_pattern(section)
    m = pattern.search(_one_line(window))
    return keys[m.group()] if m is not None else None


@cache
def _first_pattern(section: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The alternation of the section's words in file order (a flat one: the engine then
    skips to the offsets where a word's first letter stands) and the key of each word (of
    its first listing)."""
    alts: list[str] = []
    keys: dict[str, str] = {}
    for key, words in lookups.load("regimes")[section].items():
        for w in words:
            word = str(w).lower()
            alts.append(re.escape(word))
            keys.setdefault(word, str(key))
    return re.compile("|".join(alts) if alts else "(?!)"), keys


def first_of_plain(window: str, section: str) -> str | None:
    """:func:`first_of` by one ``str.find`` per word (kept for the equivalence test)."""
    window = _one_line(window)
    best: tuple[int, str] | None = None
    for key, words in lookups.load("regimes")[section].items():
        for word in words:
            i = window.find(str(word).lower())
            if i >= 0 and (best is None or i < best[0]):
                best = (i, str(key))
    return best[1] if best else None


def _one_line(window: str) -> str:
    """``window`` with its line breaks (and the indents after them) as single spaces."""
    return _LINE_BREAK.sub(" ", window) if "\n" in window else window


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
