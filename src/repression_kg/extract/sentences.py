"""Extractor: sentences — the punishment a court gave: term, kind, regime, date and court.

Durations in digits and words, English and Russian ("six and a half years", "6 1/2
years", "6.5 years", "two years and eight months", "полтора года", "2 года и 8 месяцев";
number words in ontology/lookups/numbers.yml). A duration is a sentence only when a
sentencing cue ("sentenced", "given", "increased it to", "приговорил") stands before it
in its sentence with no other duration in between, and nothing marks it as a threat or a
maximum ("faces up to 10 years", "carries a maximum"), a range ("three to 10 years"), an
age or a time span ("two years ago", "after serving five years"). So "eight years ...
with the first two years in a cell-type prison" is one sentence of 96 months. Kind and
regime come from words around the term (ontology/lookups/regimes.yml); fines are found by
amount ("fined 800,000 rubles", "штраф 800 тысяч рублей") or as "handed a fine". A term
changed on appeal is a separate sentence. The date is the sentence's date mention, the
court a court named in the same sentence; the person is named in the sentence or
referred to by pronoun (see :mod:`repression_kg.extract.subjects`).
"""

from __future__ import annotations

import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract import prescan
from repression_kg.extract.anchored import Anchored
from repression_kg.extract.base import Context
from repression_kg.extract.literals import last_literal
from repression_kg.extract.prescan import Prescan
from repression_kg.extract.subjects import subject_persons
from repression_kg.facts import Sentence

_YEAR = r"(?:years?|yrs?|лет|годам|годами|года|годы|году|год)"
_MONTH = r"(?:months?|месяц(?:ам|ами|ев|а|у)?)"
_HOURS = r"(?:hours|часов|часа|часам)"
_DIGITS = r"\d{1,3}(?:[.,]5)?(?:\s?1/2|\s?½)?"
_HALF = r"(?:and a half|and one half|and-a-half|с половиной)"
_FINE = re.compile(
    r"(?i)(?<!\w)(?:fine[sd](?:\s(?:him|her|them|each|both|[A-Z][a-z]+)){0,2}|fine of|fine|"
    r"оштрафова\w+(?:\s\w+)?\sна|штраф\w*(?:\s(?:в размере|размером|в))?)\s(?:of\s)?"
    r"(?P<amt>\d[\d\s,.]{0,12}\d|\d)\s?(?P<scale>thousand|million|тыс\.?|тысяч\w{0,2}|млн)?\s?"
    r"(?P<cur>rubles?|roubles?|руб\w{0,4}|₽|tenge|тенге|euros?|€|dollars?|US dollars|\$)")
_FINE_WORDS = re.compile(
    r"(?i)(?<!\w)(?:(?:handed|given|ordered to pay|sentenced to|received|got)\s(?:a|an)\s"
    r"(?:\w+\s)?fine|(?:was|were|been|then|later|also|twice|repeatedly|subsequently)\s"
    r"(?:\w+\s)?fined|приговорил\w{0,2}\s(?:\w+\s){0,3}к\sштрафу|назначил\w{0,2}\sштраф|"
    r"о?штрафова\w+)(?!\w)")
_FINES = (Prescan(_FINE), Prescan(_FINE_WORDS))
#: a life term: imprisonment with no number of months
_LIFE = Prescan(re.compile(
    r"(?i)(?<!\w)(?:life (?:sentence|imprisonment|term)|(?:sentenced|jailed) (?:him |her |them )?"
    r"(?:to|for) life|life in (?:prison|a (?:special[- ]regime )?colony)|пожизненн\w+ "
    r"(?:лишени\w+ свободы|заключени\w+|срок\w*))(?!\w)"))
#: words right after a duration that make it a prison term even without a sentencing cue
#: ("7 years in a general regime colony", "6 лет колонии"); a threat or time span is still
#: ruled out by :func:`_threat`
_TERM_AFTER = re.compile(
    r"(?i)['’]?\s(?:in\s(?:a|an)\s(?:[\w-]+\s){0,3}(?:penal\s)?colony|of imprisonment|"
    r"(?:of\s)?deprivation of liberty|"
    r"(?:строгого|общего|особого)?\s?(?:режима\s)?колони\w+|лишения свободы)")


@cache
def _numbers() -> dict[str, float]:
    data = lookups.load("numbers")
    return {str(k).lower(): float(v) for k, v in {**data["en"], **data["ru"]}.items()}


@cache
def _durations() -> Anchored:
    """The duration pattern, searched from its unit word ("a" and "an" are numbers, so its
    starts are everywhere)."""
    words = sorted(_numbers(), key=len, reverse=True)
    num = rf"(?:{_DIGITS}|(?:{'|'.join(re.escape(w) for w in words)}))"
    prefix = rf"(?<![\w.,/])(?P<n1>{num})(?:[\s-](?P<h1>{_HALF}))?[\s-]"
    anchor = rf"(?P<u1>{_YEAR}|{_MONTH}|{_HOURS})"
    return Anchored(re.compile(
        rf"(?i){prefix}{anchor}(?!\w)"
        rf"(?:\s(?P<h2>{_HALF}))?(?:,?\s(?:and|и)\s(?P<n2>{num})[\s-](?P<u2>{_MONTH})(?!\w))?"),
        prefix, anchor)


def _duration() -> re.Pattern[str]:
    return _durations().pattern


@cache
def _range() -> re.Pattern[str]:
    """A number and "to" right before a duration: "three to 10 years" is a range."""
    words = [w for w in sorted(_numbers(), key=len, reverse=True) if w not in ("a", "an")]
    return re.compile(r"(?i)(?<!\w)(?:\d{1,2}|" + "|".join(re.escape(w) for w in words)
                      + r")\s?(?:to|-|–|до)\s?$")


@cache
def _words(key: str) -> list[str]:
    return [str(w).lower() for w in lookups.load("regimes")[key]]


@cache
def _not_before() -> tuple[str, ...]:
    return tuple(_words("not_before"))


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(_words("sentence_cues") + ["upgrading", "upgraded", "downgraded"], key=len,
                  reverse=True)
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)")


def months_of(m: re.Match[str]) -> int | None:
    """Months of a duration match ("six and a half years" → 78)."""
    value = _number(m.group("n1"))
    if value is None:
        return None
    if m.group("h1") or m.group("h2"):
        value += 0.5
    unit = m.group("u1").lower()
    if unit.startswith(("hour", "час")):
        return None
    total = value * (1 if unit.startswith(("month", "месяц")) else 12)
    if m.group("n2"):
        extra = _number(m.group("n2"))
        total += extra or 0
    return round(total)


def _number(text: str) -> float | None:
    text = text.strip().lower()
    if text in _numbers():
        return _numbers()[text]
    frac = 0.5 if text.endswith(("1/2", "½")) else 0.0
    digits = text.replace("1/2", "").replace("½", "").strip().replace(",", ".")
    try:
        return float(digits) + frac
    except ValueError:
        return None


def extract_sentences(ctx: Context) -> None:
    found: dict[tuple[str, str, int | None], Sentence] = {}
    low = ctx.lowered() or ctx.text.lower()
    if any(s in low for s in ("year", "month", "hour", "лет", "год", "месяц", "час")):
        for m in _durations().finditer(ctx.text, prescan.lowered(ctx)):
            _from_duration(ctx, m, found)
    scan_low = prescan.lowered(ctx)
    if "fine" in low or "штраф" in low:
        for scan in _FINES:
            for m in scan.finditer(ctx.text, scan_low):
                if _threat(ctx, m.start()):
                    continue
                s_start, s_end = ctx.sentence_at(m.start())
                date, court = _date(ctx, s_start, s_end, m.start()), _court(ctx, s_start, s_end)
                # the end of the match, so that "fined him" finds who "him" is
                times = 2 if _TWICE.search(ctx.text, max(s_start, m.start() - 12),
                                           min(s_end, m.end() + 8)) else 1
                for person in subject_persons(ctx, m.end()):
                    for n in range(times):  # "was twice fined": two fines
                        _add(ctx, found, Sentence(person, "fine", None, None, date, court),
                             m.start(), m.end(), copy=n)
    if "life" in low or "пожизн" in low:
        for m in _LIFE.finditer(ctx.text, scan_low):
            if _threat(ctx, m.start()):
                continue
            s_start, s_end = ctx.sentence_at(m.start())
            date, court = _date(ctx, s_start, s_end, m.start()), _court(ctx, s_start, s_end)
            for person in subject_persons(ctx, m.start(), also=_BACK):
                _add(ctx, found, Sentence(person, "imprisonment", None, None, date, court),
                     m.start(), m.end())
    ctx.facts.sentences.extend(sorted(found.values(), key=lambda s: s.mentions[0].start))


def _from_duration(ctx: Context, m: re.Match[str], found: dict) -> None:
    s_start, s_end = ctx.sentence_at(m.start())
    text = ctx.text
    if _AGE_AFTER.match(text, m.end(), min(s_end, m.end() + 12)):
        return  # "two years ago", "a 23-year-old actor": not a term, and no floor for cues
    prev = ctx.scratch.get("sentences.prev", (-1, -1, -1))
    floor = prev[1] if prev[0] == s_start else s_start
    if prev[0] == s_start and (_CHANGED_TO.fullmatch(text, prev[1], m.start()) or (
            m.start() - prev[1] < 90 and _AND_NAME_TO.fullmatch(text, prev[1], m.start())
            and ctx.mentions_in(prev[1], m.start()))):
        # "shortened it by one month, to six years", "sentenced A to 18 years and B, 23,
        # to 16 years": the cue before the first term carries over to the next
        floor = prev[2]
    ctx.scratch["sentences.prev"] = (s_start, m.end(), floor)
    cue = None
    for c in _cue_pattern().finditer(text, floor, m.start()):
        cue = c
    ban = _ban(text, floor, m)
    if cue is None and (ban is not None or _TERM_AFTER.match(text, m.end())):
        cue = m  # the words around it say it is a ban, or a term served in a colony
    if cue is None or m.start() - cue.end() > 160 or _threat(ctx, m.start(), since=ban):
        return
    if _range().search(text, max(s_start, m.start() - 16), m.start()):
        return
    if re.search(r"(?:\bby|\bна)\s+$", text[max(s_start, m.start() - 6):m.start()]):
        return  # "shortened by one month": a change, not a term
    months = months_of(m)
    hours = m.group("u1").lower().startswith(("hour", "час"))
    persons = subject_persons(ctx, m.start(), also=_BACK)
    if not persons or (months is None and not hours) or (months is not None and months <= 0):
        return
    window_end = min(s_end, m.end() + 90)
    nxt = _duration().search(text, m.end(), window_end)
    if nxt is not None:
        window_end = nxt.start()
    kind_window = text[max(floor, m.start() - 40):min(window_end, m.end() + 60)].lower()
    kind = "other" if ban is not None else (
        _first_of(kind_window, "kinds") or ("other" if hours else "imprisonment"))
    regime = _first_of(text[m.end():window_end].lower(), "regimes") \
        if kind == "imprisonment" else None
    date, court = _date(ctx, s_start, s_end, cue.start()), _court(ctx, s_start, s_end)
    if _INSTEAD.search(text, max(s_start, m.start() - 14), m.start()):
        date = court = None  # "instead of seven years": the earlier term, of another date
    for person in persons:
        _add(ctx, found, Sentence(person, kind, months, regime, date, court), m.start(), m.end())


#: a ban that follows the main punishment ("banned her for four years from", "barred from
#: practising law for three years", "a five-year ban on"): a sentence of kind "other"
_BAN_BEFORE = re.compile(r"(?i)(?<!\w)(?P<ban>(?:banned|barred|prohibited|disqualified|deprived of "
                         r"the right|лишил\w* права|запрет\w*)(?!\w)(?:\s(?:from|on|на))?)"
                         r"[^.;\d]{0,50}$")
_BAN_AFTER = re.compile(r"(?i)['’]?s?\s?(?:ban|prohibition|disqualification|запрет\w*)(?!\w)")


def _ban(text: str, floor: int, m: re.Match[str]) -> int | None:
    """Where the words that make the duration at ``m`` a ban end (its offset when they
    follow it), or None when it is no ban."""
    before = _BAN_BEFORE.search(text, max(floor, m.start() - 70), m.start())
    if before is not None and not _cue_pattern().search(text, before.end(), m.start()):
        return before.end("ban")
    return m.start() if _BAN_AFTER.match(text, m.end()) else None


def _first_of(window: str, section: str) -> str | None:
    """The key of ``regimes.yml``'s section whose word comes first in ``window``: one
    search of the alternation of all its words, in file order (exactly
    :func:`_first_of_plain`: the leftmost match, and at that offset the first word
    listed)."""
    pattern, keys = _first_pattern(section)
    m = pattern.search(window)
    return keys[m.lastindex - 1] if m is not None and m.lastindex else None


@cache
def _first_pattern(section: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One group per key of the section, its words in file order, keys in file order."""
    groups, keys = [], []
    for key, words in lookups.load("regimes")[section].items():
        alt = "|".join(re.escape(str(w).lower()) for w in words)
        groups.append(f"({alt})" if words else "((?!))")
        keys.append(str(key))
    return re.compile("|".join(groups)), tuple(keys)


def _first_of_plain(window: str, section: str) -> str | None:
    """:func:`_first_of` by one ``str.find`` per word (kept for the equivalence test)."""
    best: tuple[int, str] | None = None
    for key, words in lookups.load("regimes")[section].items():
        for word in words:
            i = window.find(str(word).lower())
            if i >= 0 and (best is None or i < best[0]):
                best = (i, str(key))
    return best[1] if best else None


def _threat(ctx: Context, offset: int, *, since: int | None = None) -> bool:
    """A maximum, a threat, a demand or a time span rather than a sentence: a word of
    ``not_before`` in the 60 characters before, with no sentencing cue after it (words
    like "maximum" or "faces" count even then)."""
    s_start, _ = ctx.sentence_at(offset)
    before = ctx.text[max(s_start, offset - 60, since or 0):offset].lower()
    last = last_literal(before, _not_before())
    if last < 0:
        return False
    if before.startswith(_STRONG, last):
        return True
    if before.startswith(("from", "от"), last) and _FROM_TO.search(before, last):
        return False  # "changed from three and a half years to one year suspended"
    return not any(c.start() > last for c in _cue_pattern().finditer(before))


#: words that refer back to the person of an earlier sentence ("reduced it to five years")
_BACK = re.compile(r"(?i)(?<!\w)(?:it|the sentence|the term|срок|приговор)(?!\w)")

_AGE_AFTER = re.compile(r"(?i)[\s-]?(?:ago|old|of age|earlier|later|before|назад|от роду)")
_FROM_TO = re.compile(r"(?:years?|months?|лет|года?|месяц\w*)\b[^.;]{0,40}\s(?:to|до)\s$")
_AND_NAME_TO = re.compile(r"(?i),?\s(?:and|и)\s[^.;]*?\s(?:to|к)\s")
_CHANGED_TO = re.compile(r"(?i)[^.;\d]{0,40}?,?\s(?:to|до)\s")

_STRONG = ("after serving", "after having served", "having served", "allows", "allow",
           "provides for", "permits", "maximum", "up to", "faces", "facing", "could face", "carries", "грозит",
           "punishable", "requested", "asked for", "demanded", "sought", "запросил", "просил",
           "требовал")


def _date(ctx: Context, s_start: int, s_end: int, cue: int) -> str | None:
    dates = [d for d in ctx.dates_in(s_start, s_end) if (len(d.value) >= 7 or not d.relative)
             and not _dateline(ctx, d.start)]
    before = [d for d in dates if d.end <= cue]
    if before:
        return before[-1].value
    if dates:
        return dates[0].value
    return _context_date(ctx, s_start)


#: the label of a document's own date line ("Published: 6 September 2022")
_DATELINE = re.compile(r"(?i)(?:published|posted|updated|date|опубликовано|дата)\W{0,6}(?:on\s)?$")


def _dateline(ctx: Context, start: int) -> bool:
    """The date at ``start`` is the document's publication line, not a verdict's date (a
    headline without a full stop runs into it)."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    return _DATELINE.search(ctx.text, max(line_start, start - 20), start) is not None


#: a sentence of its own that is a date (a timeline entry's head: "**30 December 2014.**")
_DATE_HEAD = re.compile(r"[\s>*_#\-–•\d.)]*$")
#: a sentence that tells of a verdict: the sentences after it in its paragraph share its date
_VERDICT = re.compile(r"(?i)(?<!\w)(?:convicted|sentenced|found \w+ guilty|verdict|"
                      r"приговорил\w*|осудил\w*|признал\w* виновн\w*|приговор)(?!\w)")


def _context_date(ctx: Context, s_start: int) -> str | None:
    """The date a sentence with none of its own takes from its context: the date that
    heads its line or list item (a timeline), else the date of the verdict told earlier
    in its paragraph ("On 17 January the court convicted three lawyers. A was sentenced
    to ...")."""
    line_start = ctx.text.rfind("\n", 0, s_start) + 1
    for d in ctx.dates_in(line_start, s_start):
        if _DATE_HEAD.match(ctx.text, line_start, d.start) and len(d.value) >= 7:
            return d.value
        break
    p_start, _ = ctx.paragraph_at(s_start)
    for d in reversed(ctx.dates_in(p_start, s_start)):
        if len(d.value) < 7 and d.relative:
            continue
        d_start, d_end = ctx.sentence_at(d.start)
        if _VERDICT.search(ctx.text, d_start, d_end):
            return d.value
        return None
    return None


def _court(ctx: Context, s_start: int, s_end: int) -> str | None:
    for court in ctx.facts.courts:
        if any(s_start <= m.start < s_end for m in court.mentions):
            return court.id
    return None


_INSTEAD = re.compile(r"(?i)(?<!\w)(?:instead of|rather than|вместо)\s+$")
_TWICE = re.compile(r"(?i)(?<!\w)(?:twice|two times|дважды)(?!\w)")


def _add(ctx: Context, found: dict, sentence: Sentence, start: int, end: int, *,
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
