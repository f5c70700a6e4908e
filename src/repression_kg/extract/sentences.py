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
referred to by pronoun (see :func:`repression_kg.extract.charges.subject_person`).
"""

from __future__ import annotations

import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context, find_literals
from repression_kg.extract.charges import subject_person
from repression_kg.facts import Sentence

_YEAR = r"(?:years?|yrs?|лет|годам|годами|года|годы|году|год)"
_MONTH = r"(?:months?|месяц(?:ам|ами|ев|а|у)?)"
_HOURS = r"(?:hours|часов|часа|часам)"
_DIGITS = r"\d{1,3}(?:[.,]5)?(?:\s?1/2|\s?½)?"
_HALF = r"(?:and a half|and one half|с половиной)"
_FINE = re.compile(
    r"(?i)(?<!\w)(?:fined|fine of|fine|штраф\w*(?:\s(?:в размере|размером))?)\s(?:of\s)?"
    r"(?P<amt>\d[\d\s,.]{0,12}\d|\d)\s?(?P<scale>thousand|million|тыс\.?|тысяч\w{0,2}|млн)?\s?"
    r"(?P<cur>rubles?|roubles?|руб\w{0,4}|₽|tenge|тенге|euros?|€|dollars?|US dollars|\$)")
_FINE_WORDS = re.compile(
    r"(?i)(?<!\w)(?:(?:handed|given|ordered to pay|sentenced to|received|got)\s(?:a|an)\s"
    r"(?:\w+\s)?fine|приговорил\w{0,2}\s(?:\w+\s){0,3}к\sштрафу|назначил\w{0,2}\sштраф)(?!\w)")


@cache
def _numbers() -> dict[str, float]:
    data = lookups.load("numbers")
    return {str(k).lower(): float(v) for k, v in {**data["en"], **data["ru"]}.items()}


@cache
def _duration() -> re.Pattern[str]:
    words = sorted(_numbers(), key=len, reverse=True)
    num = rf"(?:{_DIGITS}|(?:{'|'.join(re.escape(w) for w in words)}))"
    return re.compile(
        rf"(?i)(?<![\w.,/])(?P<n1>{num})(?:\s(?P<h1>{_HALF}))?[\s-](?P<u1>{_YEAR}|{_MONTH}|{_HOURS})(?!\w)"
        rf"(?:\s(?P<h2>{_HALF}))?(?:,?\s(?:and|и)\s(?P<n2>{num})[\s-](?P<u2>{_MONTH})(?!\w))?")


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
        for m in _duration().finditer(ctx.text):
            _from_duration(ctx, m, found)
    if "fine" in low or "штраф" in low:
        for pattern in (_FINE, _FINE_WORDS):
            for m in pattern.finditer(ctx.text):
                person = subject_person(ctx, m.start())
                if person is None or _threat(ctx, m.start()):
                    continue
                _add(ctx, found, Sentence(person, "fine"), m.start(), m.end())
    ctx.facts.sentences.extend(sorted(found.values(), key=lambda s: s.mentions[0].start))


def _from_duration(ctx: Context, m: re.Match[str], found: dict) -> None:
    s_start, s_end = ctx.sentence_at(m.start())
    text = ctx.text
    prev_end = ctx.scratch.get("sentences.prev", (-1, -1))
    floor = prev_end[1] if prev_end[0] == s_start else s_start
    ctx.scratch["sentences.prev"] = (s_start, m.end())
    cue = None
    for c in _cue_pattern().finditer(text, floor, m.start()):
        cue = c
    if cue is None or m.start() - cue.end() > 160 or _threat(ctx, m.start()):
        return
    if _range().search(text, max(s_start, m.start() - 16), m.start()):
        return
    after = text[m.end():min(s_end, m.end() + 12)].lower()
    if re.match(r"[\s-]?(?:ago|old|of age|earlier|later|before|назад|от роду)", after):
        return  # "two years ago", "a 23-year-old actor"
    if re.search(r"(?:\bby|\bна)\s+$", text[max(s_start, m.start() - 6):m.start()]):
        return  # "shortened by one month": a change, not a term
    months = months_of(m)
    hours = m.group("u1").lower().startswith(("hour", "час"))
    person = subject_person(ctx, m.start(), also=_BACK)
    if person is None or (months is None and not hours) or (months is not None and months <= 0):
        return
    window_end = min(s_end, m.end() + 90)
    nxt = _duration().search(text, m.end(), window_end)
    if nxt is not None:
        window_end = nxt.start()
    kind_window = text[max(floor, m.start() - 40):min(window_end, m.end() + 60)].lower()
    kind = _first_of(kind_window, "kinds") or ("other" if hours else "imprisonment")
    regime = _first_of(text[m.end():window_end].lower(), "regimes") \
        if kind == "imprisonment" else None
    sentence = Sentence(person, kind, months, regime, _date(ctx, s_start, s_end, cue.start()),
                        _court(ctx, s_start, s_end))
    _add(ctx, found, sentence, m.start(), m.end())


def _first_of(window: str, section: str) -> str | None:
    """The key of ``regimes.yml``'s section whose word comes first in ``window``."""
    best: tuple[int, str] | None = None
    for key, words in lookups.load("regimes")[section].items():
        for word in words:
            i = window.find(str(word).lower())
            if i >= 0 and (best is None or i < best[0]):
                best = (i, str(key))
    return best[1] if best else None


def _threat(ctx: Context, offset: int) -> bool:
    """A maximum, a threat, a demand or a time span rather than a sentence: a word of
    ``not_before`` in the 60 characters before, with no sentencing cue after it (words
    like "maximum" or "faces" count even then)."""
    s_start, _ = ctx.sentence_at(offset)
    before = ctx.text[max(s_start, offset - 60):offset].lower()
    bad = find_literals(before, _words("not_before"))
    if not bad:
        return False
    last = max(s for s, _ in bad)
    if before.startswith(_STRONG, last):
        return True
    return not any(c.start() > last for c in _cue_pattern().finditer(before))


#: words that refer back to the person of an earlier sentence ("reduced it to five years")
_BACK = re.compile(r"(?i)(?<!\w)(?:it|the sentence|the term|срок|приговор)(?!\w)")

_STRONG = ("maximum", "up to", "faces", "facing", "could face", "carries", "грозит",
           "punishable", "requested", "asked for", "demanded", "sought", "запросил", "просил",
           "требовал")


def _date(ctx: Context, s_start: int, s_end: int, cue: int) -> str | None:
    dates = [d for d in ctx.dates_in(s_start, s_end) if len(d.value) >= 7 or not d.relative]
    before = [d for d in dates if d.end <= cue]
    if before:
        return before[-1].value
    return dates[0].value if dates else None


def _court(ctx: Context, s_start: int, s_end: int) -> str | None:
    for court in ctx.facts.courts:
        if any(s_start <= m.start < s_end for m in court.mentions):
            return court.id
    return None


def _add(ctx: Context, found: dict, sentence: Sentence, start: int, end: int) -> None:
    key = (sentence.person, sentence.kind, sentence.months)
    old = found.get(key)
    if old is None:
        found[key] = old = sentence
    else:
        old.regime = old.regime or sentence.regime
        old.date = old.date or sentence.date
        old.court = old.court or sentence.court
    span = ctx.span(start, end)
    if span not in old.mentions:
        old.mentions.append(span)
