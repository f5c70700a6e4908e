"""Extractor: dates — full, partial and relative — as ISO values with spans.

Full dates ("20 March 2023", "March 20, 2023", "2023-03-20", "20.03.2023",
"15 февраля 2023 года"), month-year, bare years, and relative expressions ("in March",
"last fall", "last year", "в марте", and the days of :mod:`repression_kg.extract.date_days`:
"yesterday", "on Wednesday", "вчера"). Relative expressions are resolved against the
document's publication date — ``Document.published`` or else a dateline near the top of
the text — and dropped when there is none: nothing is resolved against *now*. A day and
month without a year ("on 29 December") take the year of the last full date (day, month
and year) before it, unless that would put it after the publication date.

Month names and seasons are data: ontology/lookups/months.yml. Every pattern is a flat
alternation of literals and bounded classes, so matching is linear in the text.
"""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import date
from functools import cache
from typing import Any

from repression_kg import lookups
from repression_kg.extract import gazetteer
from repression_kg.extract.base import Context, DateMention
from repression_kg.extract.date_days import day_mentions
from repression_kg.extract.date_starts import date_starts

_YEAR = r"(?:19|20)\d\d"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"


@cache
def _months() -> tuple[dict[str, int], dict[str, int], dict[str, tuple[int, ...]]]:
    data = lookups.load("months")
    en = {str(w): int(m) for m, words in data["en"].items() for w in words}
    # headings in capitals: "THURSDAY, 11 MAY", "SEPTEMBER 2022"
    en.update({w.upper(): m for w, m in list(en.items()) if not w.endswith(".")})
    ru = {str(w).lower(): int(m) for m, words in data["ru"].items() for w in words}
    seasons: dict[str, tuple[int, ...]] = {}
    for spec in data["seasons"].values():
        for word in [*spec["en"], *spec["ru"]]:
            seasons[str(word).lower()] = tuple(spec["months"])
    return en, ru, seasons


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _initials(words: list[str]) -> str:
    """A look-ahead for the first letters of ``words``: the engine tries the words one by
    one (each a failed attempt where the letter is wrong, and no quick test at all under
    ``(?i)``), so a text without a month there fails the class alone."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def _month_alt(words: list[str]) -> str:
    """Full names end at a word boundary; abbreviations ("Sept.", "фев.") may take a dot.

    At most one of the words stands at an offset before a boundary (of two that both do,
    one would be a prefix of the other, with a letter at the boundary), so they may be
    tried in any order: grouped by their first letter, which the engine tests once per
    group instead of once per word."""
    abbrev = [w for w in words if any(o != w and o.startswith(w) for o in words)]
    groups = []
    for first in sorted({w[0] for w in words}):
        full_rests = [w[1:] for w in words if w[0] == first and w not in abbrev]
        abbrev_rests = [w[1:] for w in words if w[0] == first and w in abbrev]
        tails = ([rf"(?:{_alt(full_rests)})\b"] if full_rests else []) + \
            ([rf"(?:{_alt(abbrev_rests)})\b\.?"] if abbrev_rests else [])
        groups.append(re.escape(first) + "(?:" + "|".join(tails) + ")")
    return _initials(words) + "(?:" + "|".join(groups) + ")"


@cache
def _pattern() -> re.Pattern[str]:
    """The date pattern: one alternation of every kind of date."""
    return re.compile("|".join(_branches()))


#: the branches of :func:`_branches` whose first character is a digit (the others start
#: with a letter: a month, season or prefix word)
_DIGIT_FIRST = frozenset({0, 1, 2, 5, 15, 16})


#: a pattern of :func:`_by_first` and the row type of its groups (``match.groups()`` made
#: a named tuple: cheaper than ``groupdict()``, read by the same names)
_Matcher = tuple[re.Pattern[str], Any]


@cache
def _by_first() -> tuple[_Matcher, _Matcher]:
    """:func:`_pattern` to match at a digit, and to match at any other character. At a
    given offset the branches of the other kind cannot match, so either finds the match
    :func:`_pattern` finds there; they stand behind ``(?!)``, never tried (each still costs
    a failed attempt, the digit branches more so at words), but giving the same named groups
    (their numbers differ)."""
    branches = _branches()
    digit = "|".join(b for k, b in enumerate(branches) if k in _DIGIT_FIRST)
    other = "|".join(b for k, b in enumerate(branches) if k not in _DIGIT_FIRST)
    out = []
    for source in (f"{digit}|(?!)(?:{other})", f"{other}|(?!)(?:{digit})"):
        pattern = re.compile(source)
        names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
        assert len(names) == pattern.groups  # every group named: groups() lines up
        out.append((pattern, namedtuple("DateGroups", names)))
    return out[0], out[1]


@cache
def _branches() -> list[str]:
    en, ru, seasons = _months()
    m_en = _month_alt(list(en))
    m_any = rf"(?:{m_en}|(?i:{_month_alt(list(ru))}))"
    en_seasons = [w for w in seasons if w.isascii()]
    ru_seasons = [w for w in seasons if not w.isascii()]
    ru_year_tail = r"(?:\s+(?:года|году|г\.))?"
    _no_year = rf"(?!\.?,?\s+(?:of\s+)?{_YEAR}|\s+[0-3]?\d\b)"
    rs_pre = ["last", "this", "past", "previous", r"in\s+the", r"during\s+the", "in", "early",
              "late"]
    rsr_pre = ["прошлой", "этой", "прошлым", "этим"]
    ry_pre = ["last", "this", "past", "previous", r"earlier\s+this", r"later\s+this", "next"]
    rmo_pre = ["last", "this", "past", "previous", r"earlier\s+this", r"later\s+this"]
    ryr = ["прошлом", "этом", "текущем", "прошлого", "этого", "текущего"]
    rmr = ["прошлом", "этом", "прошлого", "этого"]
    rmr_pre = ["в", "с", "до", "к", r"в\s+начале", r"в\s+конце", r"в\s+середине"]
    branches = [
        rf"(?<![\d.])(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-])",
        rf"(?<![\d.])(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>{_YEAR})(?![\d.]\d)",
        rf"(?<![\d.])(?P<dmy_d>{_DAY})(?:\s?[-–]\s?[0-3]?\d)?\s+(?:of\s+)?(?P<dmy_m>{m_any}),?"
        rf"\s+(?P<dmy_y>{_YEAR})(?!\d){ru_year_tail}",
        rf"\b(?P<mdy_m>{m_en})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})(?!\d)",
        rf"(?P<my_m>{m_any}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})(?![\d,.]\d){ru_year_tail}",
        rf"(?<![\d.])(?P<dm_d>{_DAY})(?:\s?[-–]\s?[0-3]?\d)?\s+(?:of\s+)?(?P<dm_m>{m_any})",
        rf"\b(?P<md_m>{m_en})\s+(?P<md_d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d)",
        rf"(?i:{_initials([*en_seasons, *ru_seasons])}(?P<sy_s>{_alt(en_seasons)}|"
        rf"{_alt(ru_seasons)})\s+(?:of\s+)?)(?P<sy_y>{_YEAR})(?!\d)",
        rf"(?i:\b{_initials(rs_pre)}(?P<rs_pre>{'|'.join(rs_pre)})\s+"
        rf"{_initials(en_seasons)}(?P<rs_s>{_alt(en_seasons)})\b){_no_year}",
        rf"(?i:{_initials(rsr_pre)}(?P<rsr_pre>{'|'.join(rsr_pre)})\s+)?"
        rf"(?i:{_initials(ru_seasons)}(?P<rsr_s>{_alt(ru_seasons)})\b)",
        rf"(?i:\b{_initials(ry_pre)}(?P<ry_pre>{'|'.join(ry_pre)})\s+year\b)",
        rf"(?i:\b{_initials(rmo_pre)}(?P<rmo_pre>{'|'.join(rmo_pre)})\s+month\b)",
        rf"(?i:{_initials(ryr)}(?P<ryr>{'|'.join(ryr)})\s+год[ау]\b)",
        rf"(?i:{_initials(rmr)}(?P<rmr>{'|'.join(rmr)})\s+месяц[еа]\b)",
        rf"(?:\b(?P<rm_pre>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Ee]arly|[Ll]ate|"
        rf"[Mm]id|[Ll]ast|[Tt]his|[Tt]hat|[Ee]arlier\s+this)[\s-]+(?:(?:early|late|mid)[\s-]+)?"
        rf"(?P<rm_m>{m_en})){_no_year}|(?i:\b{_initials(rmr_pre)}(?P<rmr_pre>"
        rf"{'|'.join(rmr_pre)})\s+{_initials(list(ru))}(?P<rmr_m>{_alt(list(ru))})\b){_no_year}",
        rf"(?<![\d.,/$№-])(?P<y>{_YEAR})(?![\d%]|[,.]\d|-\d){ru_year_tail}",
        # a timeline's month and year in digits: "12.2012"
        rf"(?<![\d.,/])(?P<mo_m>0[1-9]|1[0-2])\.(?P<mo_y>{_YEAR})(?![\d.]\d)",
    ]
    return branches


def _parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None


@cache  # a pure function of its numbers, called for every date (building one is dear)
def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        date(y, m or 1, d or 1)
    except ValueError:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month(word: str) -> int:
    en, ru, _ = _months()
    word = word.rstrip(".")
    return en.get(word) or ru[word.lower()]


_DIGITS = re.compile(r"\d+")


@cache
def _day(text: str) -> int:
    return int(_DIGITS.match(text)[0])  # type: ignore[index]


def _before(y: int, m: int, ref: tuple[int, int | None, int | None]) -> int:
    """The year of the latest month ``m`` not after the reference date."""
    ry, rm, _ = ref
    return ry if rm is None or m <= rm else ry - 1


def _resolve(g: Any, ref: tuple[int, int | None, int | None] | None,
             anchor: int | None) -> tuple[str | None, bool]:
    """ISO value of one match and whether it was resolved from context."""
    if g.iso_y:
        return _iso(int(g.iso_y), int(g.iso_m or 0), int(g.iso_d or 0)), False
    if g.dot_y:
        return _iso(int(g.dot_y), int(g.dot_m or 0), int(g.dot_d or 0)), False
    if g.dmy_y:
        return _iso(int(g.dmy_y), _month(g.dmy_m or ""), _day(g.dmy_d or "")), False
    if g.mdy_y:
        return _iso(int(g.mdy_y), _month(g.mdy_m or ""), _day(g.mdy_d or "")), False
    if g.my_y:
        return _iso(int(g.my_y), _month(g.my_m or "")), False
    if g.mo_y:
        return _iso(int(g.mo_y), int(g.mo_m or 0)), False
    if g.sy_y:
        return _iso(int(g.sy_y)), False
    if g.y:
        return _iso(int(g.y)), False
    if g.dm_m or g.md_m:
        month = _month(g.dm_m or g.md_m or "")
        day = _day(g.dm_d or g.md_d or "")
        year = anchor
        if ref is not None and ref[1] is not None and (
                year is None or (year, month) > (ref[0], ref[1])):
            year = _before(ref[0], month, ref)
        return (_iso(year, month, day), True) if year else (None, True)
    if g.rm_m or g.rmr_m:
        month = _month(g.rm_m or g.rmr_m or "")
        if ref is not None and ref[1] is not None:
            return _iso(_before(ref[0], month, ref), month), True
        return (_iso(anchor, month), True) if anchor else (None, True)
    if ref is None:
        return None, True
    ry, rm, _ = ref
    if g.ry_pre or g.ryr:
        word = (g.ry_pre or g.ryr or "").lower()
        return _iso(ry - 1 if word.startswith(("last", "past", "previous", "прошл")) else ry), True
    if g.rmo_pre or g.rmr:
        if rm is None:
            return None, True
        word = (g.rmo_pre or g.rmr or "").lower()
        if word.startswith(("last", "past", "previous", "прошл")):
            return (_iso(ry, rm - 1) if rm > 1 else _iso(ry - 1, 12)), True
        return _iso(ry, rm), True
    season = (g.rs_s or g.rsr_s or "").lower()
    if season:
        months = _months()[2][season]
        pre = (g.rs_pre or g.rsr_pre or "").lower()
        if pre.startswith(("last", "past", "previous", "прошл")):
            # the latest season already over: "last spring" in September is this year's
            if rm is None:
                return _iso(ry - 1), True
            if months[0] == 12:  # winter, counted by its December
                return _iso(ry - 1 if rm >= 3 else ry - 2), True
            return _iso(ry if rm > months[-1] else ry - 1), True
        if rm is None:
            return (_iso(ry), True) if pre.startswith(("this", "эт")) else (None, True)
        first = months[0]
        return _iso(ry if rm >= first else ry - 1), True
    return None, True


def _dateline(text: str, found: list[tuple[re.Match[str], str]]) -> str | None:
    """A full date standing alone on a line, or closing a byline, in the document's head."""
    head_end = 0
    for _ in range(6):
        nl = text.find("\n", head_end)
        if nl < 0:
            head_end = len(text)
            break
        head_end = nl + 1
    for match, value in found:
        if match.start() >= head_end or len(value) != 10:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:match.start()].strip()
        after = text[match.end():line_end].strip()
        if not after and (not before or before[-1:] in "–—-|·,:" or len(before) < 40):
            return value
    return None


_UNIT_WORDS = frozenset({"year", "month", "год", "году", "года", "месяц", "месяце", "месяца"})


@cache
def _key_words() -> frozenset[str]:
    en, ru, seasons = _months()
    return frozenset({w.lower() for w in en} | set(ru) | set(seasons) | _UNIT_WORDS)


def _find(text: str, toks: lookups.Tokens | None = None,
          low: str | None = None) -> list[tuple[re.Match[str], Any]]:
    """All date matches, in order, with their groups (by name), without running the big
    pattern at every offset (``low``: the lower-cased text if known)."""
    (at_digit, digit_row), (at_other, other_row) = _by_first()
    out: list[tuple[re.Match[str], Any]] = []
    last_end = 0
    for pos in date_starts(text, _key_words(), toks, low):
        if pos < last_end:
            continue
        if text[pos:pos + 1].isdecimal():  # (\d is str.isdecimal())
            match, row = at_digit.match(text, pos), digit_row
        else:
            match, row = at_other.match(text, pos), other_row
        if match is not None and match.end() > match.start():
            out.append((match, row._make(match.groups())))
            last_end = match.end()
    return out


def extract_dates(ctx: Context) -> None:
    """Fill ``ctx.dates`` (sorted by start) and ``ctx.published`` (the resolution base)."""
    text = ctx.text
    matches = _find(text, gazetteer.tokens(ctx.scratch, text), ctx.lowered())
    explicit = []
    # an explicit date's value does not depend on the reference date: resolved once here
    first: list[tuple[Any, str | None, bool]] = []
    for match, groups in matches:
        value, relative = _resolve(groups, None, None)
        first.append((groups, value, relative))
        if value and not relative and len(value) == 10:
            explicit.append((match, value))
    published = ctx.doc.published or _dateline(text, explicit)
    ctx.published = published
    if ctx.facts.document.published is None and published:
        ctx.facts.document.published = published
    ref = _parse_iso(published)
    anchor: int | None = None
    told: tuple[int, int, int] | None = None  # (start, year, month) of the last month told
    out: list[DateMention] = []
    for (match, _), (groups, value, relative) in zip(matches, first, strict=True):
        if relative and groups.rm_pre and groups.rm_pre.lower() == "that":
            # "in February 2017 ... that July": the year the text told last, never one
            # counted back from the publication date
            year = told[1] if told is not None else anchor
            value = _iso(year, _month(groups.rm_m or "")) if year else None
        elif relative and told is not None and (groups.rm_m or groups.rmr_m) and \
                _month(groups.rm_m or groups.rmr_m or "") >= told[2] and \
                ctx.sentence_at(told[0])[0] == ctx.sentence_at(match.start())[0]:
            # "in April 2021 she was jailed, and in May fined": the year just told
            value = _iso(told[1], _month(groups.rm_m or groups.rmr_m or ""))
        elif relative:
            # a day heading of a live blog or diary ("THURSDAY, 11 MAY") counts from the
            # publication date, not from a year the story told before it
            alone = ref is not None and (groups.dm_m or groups.md_m) and \
                alone_on_line(text, match.start(), match.end())
            value, relative = _resolve(groups, ref, None if alone else anchor)
        if value is None:
            continue
        if not relative and len(value) == 10:
            anchor = int(value[:4])
        if not relative and len(value) >= 7:
            told = (match.start(), int(value[:4]), int(value[5:7]))
        start, end = _trim(match, groups)
        out.append(DateMention(value, start, end, relative))
    day = date(ref[0], ref[1], ref[2]) if ref and ref[1] and ref[2] else None
    days = day_mentions(text, ctx.lowered(), day)
    if days:
        taken = [(d.start, d.end) for d in out]
        out.extend(d for d in days if not any(s < d.end and d.start < e for s, e in taken))
        out.sort(key=lambda d: d.start)
    ctx.dates = out


_BORN_BEFORE = re.compile(r"(?i)(?:born(?:\s+in)?|b\.|род\.|родил\w*(?:\s\w+)?(?:\sв)?|\()\s*$")
_BORN_AFTER = re.compile(r"\s?(?:г\.\s?р\.|года\s+рождения|г\.р)")


#: what may stand on a line beside a date that heads it: marks and a weekday
_WEEKDAY_LINE = re.compile(r"(?i)[\s*#_>|:,.–—-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"|понедельник|вторник|среда|четверг|пятница|суббота|"
                           r"воскресенье)?[\s*#_>|:,.–—-]*")


def alone_on_line(text: str, start: int, end: int) -> bool:
    """The date at ``[start, end)`` is its line's only words (but for a weekday): a day
    heading ("THURSDAY, 11 MAY")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_WEEKDAY_LINE.fullmatch(text, line_start, start)
                and _WEEKDAY_LINE.fullmatch(text, end, line_end))


def is_birth_date(text: str, date: DateMention) -> bool:
    """A date of birth ("born 1986", "b. 1982", "(1953)", "1986 г. р."): no event's or
    sentence's date."""
    return bool(_BORN_BEFORE.search(text, max(0, date.start - 16), date.start)
                or _BORN_AFTER.match(text, date.start + 4, date.start + 24))


def _trim(match: re.Match[str], groups: Any) -> tuple[int, int]:
    """Drop a leading bare preposition ("in", "в") from a relative-month span."""
    for pre in (groups.rm_pre, groups.rmr_pre):
        if pre and pre.lower() in ("in", "в", "during", "by", "from", "since", "until", "с",
                                   "до", "к"):
            month = groups.rm_m or groups.rmr_m
            start = match.start("rm_m") if groups.rm_m else match.start("rmr_m")
            return start, start + len(month or "")
    return match.start(), match.end()
