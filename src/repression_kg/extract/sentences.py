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
from repression_kg.extract.prescan import Prescan
from repression_kg.extract.penalties import add_penalties
from repression_kg.extract.sentence_common import (
    BACK,
    Needs,
    add_sentence,
    alternation,
    cue_matches,
    cue_pattern,
    kind_of,
    regime_of,
    sentence_court,
    sentence_date,
    threat,
)
from repression_kg.extract.subject_groups import field_label
from repression_kg.extract.subjects import subject_persons
from repression_kg.facts import Sentence, SentenceKind

_YEAR = r"(?:years?|yrs?|лет|годам|годами|года|годы|году|год)"
_MONTH = r"(?:months?|mos\.?|mo\.|месяц(?:ам|ами|ев|а|у)?)"
_HOURS = r"(?:hours|часов|часа|часам)"
_DIGITS = r"\d{1,3}(?:[.,]5)?(?:\s?1/2|\s?½)?"
_HALF = r"(?:and a half|and one half|and-a-half|с половиной)"
#: words right after a duration that make it a prison term even without a sentencing cue
#: ("7 years in a general regime colony", "6 лет колонии"); a threat or time span is still
#: ruled out by :func:`~repression_kg.extract.sentence_common.threat`
_TERM_AFTER = re.compile(
    r"(?i)['’]?\s(?:in\s(?:a|an)\s(?:[\w-]+\s){0,3}(?:penal\s)?colony|of imprisonment|"
    r"(?:of\s)?deprivation of liberty|"
    r"(?:строгого|общего|особого)?\s?(?:режима\s)?колони\w+|лишения свободы|"
    r"\s*suspended\b|\s*условно\b)")  # "two years suspended each"


@cache
def _numbers() -> dict[str, float]:
    data = lookups.load("numbers")
    return {str(k).lower(): float(v) for k, v in {**data["en"], **data["ru"]}.items()}


@cache
def _durations() -> Anchored:
    """The duration pattern, searched from its unit word ("a" and "an" are numbers, so its
    starts are everywhere)."""
    words = sorted(_numbers(), key=len, reverse=True)
    num = rf"(?:{_DIGITS}|(?:{alternation(words)}))"
    # "five (5) years", "4 (четыре) года": the bracket repeats the number
    prefix = (rf"(?<![\w.,/])(?P<n1>{num})(?:\s\((?:\d{{1,2}}|[^\W\d_][^\W\d_ -]{{2,14}})\))?"
              rf"(?:[\s-](?P<h1>{_HALF}))?[\s-]")
    # (the unit follows a space or hyphen: saying it starts a word lets the search skip the
    # unit words the text has no word for)
    anchor = rf"(?<!\w)(?P<u1>{_YEAR}|{_MONTH}|{_HOURS})"
    return Anchored(re.compile(
        rf"(?i){prefix}{anchor}(?!\w)"
        rf"(?:\s(?P<h2>{_HALF}))?(?:(?:,?\s(?:and|и))?\s(?P<n2>{num})[\s-](?P<u2>{_MONTH})(?!\w))?"),
        prefix, anchor)


def term_pattern() -> re.Pattern[str]:
    """The pattern of a duration ("six and a half years", "2 года и 8 месяцев"); its
    matches give :func:`months_of`."""
    return _durations().pattern


@cache
def _range() -> re.Pattern[str]:
    """A number and "to" right before a duration: "three to 10 years" is a range (not the
    end of an article number: "under Article 212.1 to four years")."""
    words = [w for w in sorted(_numbers(), key=len, reverse=True) if w not in ("a", "an")]
    return re.compile(r"(?i)(?<![\w.])(?:\d{1,2}|" + alternation(words)
                      + r")\s?(?:to|-|–|до)\s?$")


@cache
def _terms() -> Needs:
    """:func:`term_pattern` with the literal starts of its unit words ("year", "месяц"):
    every duration holds one."""
    starts = Prescan(re.compile(rf"(?i){_YEAR}|{_MONTH}|{_HOURS}")).starts
    assert starts is not None
    return Needs(term_pattern(), tuple(sorted(starts)))


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
    total = value * (1 if unit.startswith(("mo", "месяц")) else 12)
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
    add_penalties(ctx, found, low)
    ctx.facts.sentences.extend(sorted(found.values(), key=lambda s: s.mentions[0].start))


def _from_duration(ctx: Context, m: re.Match[str], found: dict) -> None:
    s_start, s_end = ctx.sentence_at(m.start())
    text = ctx.text
    if _AGE_AFTER.match(text, m.end(), min(s_end, m.end() + 12)):
        return  # "two years ago", "a 23-year-old actor": not a term, and no floor for cues
    if _COMPARED.match(text, m.end(), min(s_end, m.end() + 16)):
        return  # "a year less than asked": a difference between terms
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
    for c in cue_matches(ctx, floor, m.start()):
        cue = c
    change = ctx.scratch.get("sentences.change")
    if change is not None and change[0] == s_start and prev[0] == s_start and \
            _CHANGED_TO.fullmatch(text, prev[1], m.start()):
        cue = change[1]  # "cuts both terms by a year, to eight years": the new term
    ban = _ban(ctx, floor, m)
    if cue is None and (ban is not None or _TERM_AFTER.match(text, m.end())):
        cue = m  # the words around it say it is a ban, or a term served in a colony
    if cue is None:
        label = field_label(ctx, m.start())
        if label is not None and cue_matches(ctx, *label):
            cue = m  # the field's label says it ("Sentence: 4 years", "Sentenced" / ...)
    if cue is None or m.start() - cue.end() > 160 or threat(ctx, m.start(), since=ban):
        return
    if _range().search(text, max(s_start, m.start() - 16), m.start()):
        return
    changed = _CHANGED_BY.search(ctx, max(s_start, m.start() - 60), m.start()) or \
        _OFF_AFTER.match(text, m.end(), s_end)
    if changed:
        # "shortened by one month", "took a year off": a change, not a term; its verb is
        # the cue of the term it gives next ("..., to eight years", "...: thirteen years")
        ctx.scratch["sentences.change"] = (s_start, changed)
        return
    months = months_of(m)
    hours = m.group("u1").lower().startswith(("hour", "час"))
    persons = subject_persons(ctx, m.start(), also=BACK)
    if not persons or (months is None and not hours) or (months is not None and months <= 0):
        return
    window_end = min(s_end, m.end() + 90)
    nxt = _terms().search(ctx, m.end(), window_end)
    if nxt is not None:
        window_end = nxt.start()
    # the words before the term count from its clause only ("a dissident once held in
    # psychiatric hospitals, to sixteen years" is a prison term)
    lo = max(floor, m.start() - 40)
    lo = max(lo, text.rfind(",", lo, m.start()) + 1)
    if _REPLACED.search(ctx, max(s_start, m.start() - 80), m.start()):
        lo = max(lo, text.rfind(" with ", lo, m.start()))  # "replaced X with <term>"
    kind_window = text[lo:min(window_end, m.end() + 60)].lower()
    kind: SentenceKind = "other" if ban is not None else (
        kind_of(kind_window) or ("other" if hours else "imprisonment"))
    after = text[m.end():window_end].lower()
    if kind == "suspended" and regime_of(after) and kind_of(after) != "suspended":
        kind = "imprisonment"  # "broke his probation ... ordered to serve the term in a colony"
    if kind == "imprisonment" and _suspended_next(ctx, s_end):
        kind = "suspended"
    regime = regime_of(after) if kind == "imprisonment" else None
    date = sentence_date(ctx, s_start, s_end, cue.start(), m.start())
    court = sentence_court(ctx, s_start, s_end)
    if _INSTEAD.search(ctx, max(s_start, m.start() - 14), m.start()) or _BECAME.match(
            text, m.end(), min(s_end, m.end() + 40)) or (
            cue is not m and _UPHELD.fullmatch(cue.group())):
        # "instead of seven years", "upheld the thirteen years": a term given before, on
        # another date (a mention of it, not a sentence of the date in this sentence)
        date = court = None
    for person in persons:
        add_sentence(ctx, found, Sentence(person, kind, months, regime, date, court),
                     m.start(), m.end())
    elided = _elided(ctx, m, s_end)
    if elided is not None and months is not None:
        # "sentenced A to seven years and B to five and a half": the unit carries over
        e, person, value = elided
        unit = 1 if m.group("u1").lower().startswith(("mo", "месяц")) else 12
        regime = regime or regime_of(text[e.end():min(s_end, e.end() + 60)].lower())
        add_sentence(ctx, found, Sentence(person, kind, round(value * unit), regime, date, court),
                     e.start("n"), e.end())


@cache
def _ellipsis() -> re.Pattern[str]:
    words = sorted((w for w in _numbers() if w not in ("a", "an")), key=len, reverse=True)
    num = rf"(?:{_DIGITS}|(?:{alternation(words)}))"
    return re.compile(rf"(?i),?\s(?:and|и)\s(?P<who>[^.;,\d]{{1,40}}?)\s(?:to|к)\s(?P<n>{num})"
                      rf"(?:[\s-](?P<h>{_HALF}))?(?=[,.;)]|\s(?!{_YEAR}|{_MONTH}|{_HOURS}))")


def _elided(ctx: Context, m: re.Match[str], s_end: int
            ) -> tuple[re.Match[str], str, float] | None:
    """A term right after ``m`` given without its unit to a person named there: (match,
    person, number)."""
    e = _ellipsis().match(ctx.text, m.end(), s_end)
    if e is None or term_pattern().match(ctx.text, e.start("n")):
        return None  # "and B to three and a half years": a term of its own
    named = ctx.mentions_in(e.start("who"), e.end("who"))
    value = _number(e.group("n"))
    if not named or value is None:
        return None
    return e, named[-1].person, value + (0.5 if e.group("h") else 0.0)


#: a ban that follows the main punishment ("banned her for four years from", "barred from
#: practising law for three years", "a five-year ban on"): a sentence of kind "other"
_BAN_BEFORE = Needs(re.compile(
    r"(?i)(?<!\w)(?P<ban>(?:banned|barred|prohibited|disqualified|deprived of "
    r"the right|лишил\w* права|запрет\w*)(?!\w)(?:\s(?:from|on|на))?)[^.;\d]{0,50}$"),
    ("banned", "barred", "prohibited", "disqualified", "deprived of the right", "лишил", "запрет"))
_BAN_AFTER = re.compile(r"(?i)['’]?s?(?:\s+(?!(?:and|or|in|of|with|after|a|an|the|on)\b)[^\W\d]+){0,2}"
                        r"\s*(?:ban|prohibition|disqualification|запрет\w*)(?!\w)")


def _ban(ctx: Context, floor: int, m: re.Match[str]) -> int | None:
    """Where the words that make the duration at ``m`` a ban end (its offset when they
    follow it), or None when it is no ban."""
    text = ctx.text
    before = _BAN_BEFORE.search(ctx, max(floor, m.start() - 70), m.start())
    if before is not None and not cue_pattern().search(text, before.end(), m.start()):
        return before.end("ban")
    return m.start() if _BAN_AFTER.match(text, m.end()) else None


#: a change of a term by an amount ("shortened by one month", "сократил на месяц"), not a
#: term ("сроком на 4 года", "на девять лет запретил ему ...")
_CHANGED_BY = Needs(re.compile(
    r"(?i)(?<!\w)(?:(?:shorten|reduc|increas|lower|rais|extend|lengthen)(?:ed|es|e|s)|"
    r"cuts?|сократил\w*|снизил\w*|увеличил\w*|смягчил\w*|"
    r"ужесточил\w*|продлил\w*)(?!\w)[^.;\d]{0,40}?(?:\bby|\bна)\s+$|"
    r"(?<!\w)(?:took|takes|knocked|knocks|shaved|shaves)\soff(?:\sanother)?\s+$"),
    ("by", "на", "off"))
#: a duration taken off a term ("takes a year off", "knocked two years off it")
_OFF_AFTER = re.compile(r"(?i)\soff(?!\w)")
#: a penalty replaced by the term after it ("replaced the compulsory labour with five years")
_REPLACED = Needs(re.compile(r"(?i)(?<!\w)(?:replac\w+|substitut\w+)\s[^.;]{0,60}\swith\s+$"),
                  ("replac", "substitut"))
#: words after a term that turn it into another ("six years of imprisonment became four
#: years suspended"): the term before them is the one given earlier
_BECAME = re.compile(r"(?i)(?:\s(?:of|in)\s(?:\w+\s){0,3}?)?\s*(?:became|turned into|was turned into|"
                     r"was changed to|was replaced (?:with|by)|was converted (?:in)?to)(?!\w)")
_UPHELD = re.compile(r"(?i)upheld|confirmed|оставил\w*|подтвердил\w*")
_INSTEAD = Needs(re.compile(r"(?i)(?<!\w)(?:instead of|rather than|вместо)\s+$"),
                 ("instead of", "rather than", "вместо"))


#: a sentence that suspends the term given just before it ("«... назначенное наказание
#: считать условным»", "The term is suspended.")
_SUSPENDS = Needs(re.compile(r"(?i)[^.]{0,80}?(?:наказание\s+считать\s+условным|(?:the\s+)?(?:sentence|"
                             r"term|prison\s+term)\s+(?:is|was|will\s+be)\s+suspended)"),
                  ("условным", "suspended"))


def _suspended_next(ctx: Context, s_end: int) -> bool:
    """The sentence after the one ending at ``s_end`` suspends its term."""
    text = ctx.text
    at = s_end
    while at < len(text) and text[at].isspace():
        at += 1
    if at >= len(text):
        return False
    n_start, n_end = ctx.sentence_at(at)
    return n_start >= s_end and _SUSPENDS.match(ctx, n_start, n_end) is not None


_AGE_AFTER = re.compile(r"(?i)[\s-]?(?:ago|old|of age|earlier|later|before|назад|от роду)")
#: a term compared with another ("a year less than asked", "на год меньше")
_COMPARED = re.compile(r"(?i)\s(?:less|more|longer|shorter|fewer)\sthan\b|\s(?:меньше|больше)\b")
_AND_NAME_TO = re.compile(r"(?i),?\s(?:and|и)\s[^.;]*?\s(?:to|к)\s")
_CHANGED_TO = re.compile(r"(?i)[^.;\d]{0,40}?(?:,?\s(?:to|до)\s|:\s)")

