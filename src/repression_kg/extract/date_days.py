"""Days named relative to the publication date: "yesterday", "today", "on Wednesday",
"last Thursday", "вчера", "в среду" (used by the dates extractor).

Wire stories and court news date their events this way. The words are data
(ontology/lookups/months.yml, ``days`` and ``weekdays``); a day is resolved only against
the document's publication date, never against *now*. "On Wednesday" is the latest
Wednesday on or before the publication date; "last Wednesday" the latest before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import DateMention


@cache
def _tables() -> tuple[dict[str, int], dict[str, int], re.Pattern[str]]:
    data = lookups.load("months")
    days = {str(k).lower(): int(v) for lang in ("en", "ru") for k, v in data["days"][lang].items()}
    weekdays = {str(k).lower(): int(v) for lang in ("en", "ru")
                for k, v in data["weekdays"][lang].items()}
    alt_days = "|".join(re.escape(w) for w in sorted(days, key=len, reverse=True))
    alt_week = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))
    lasts, ons = ["last", "this past", "прошлый", "прошлую", "прошлое"], ["on", "в", "во"]
    # the first letters of every word a match can begin with, tested first: the engine
    # tries the words one by one at each word start (under (?i), with no quick test)
    firsts = sorted({w[0] for w in [*days, *weekdays, *lasts, *ons]})
    pattern = re.compile(
        rf"(?i)(?<!\w)(?=[{''.join(map(re.escape, firsts))}])(?:(?P<day>{alt_days})|"
        rf"(?:(?P<last>{'|'.join(lasts)})\s+|(?:{'|'.join(ons)})\s+)?(?P<week>{alt_week}))(?!\w)")
    return days, weekdays, pattern


#: words one of which a text with a relative day holds (a cheap first test); the Russian
#: ones are looked for only in a text with a Cyrillic letter that each of them has
_EN_CUES = ("day", "yester", "today", "tonight", "this morning", "this evening")
_RU_CUES = ("вчера", "сегодня", "позавчера", "понедельник", "вторник", "сред", "четверг",
            "пятниц", "суббот", "воскресень")
_RU_MARKS = ("е", "т")
assert all(any(c in w for c in _RU_MARKS) for w in _RU_CUES)


def day_mentions(text: str, low: str | None, published: date | None) -> list[DateMention]:
    """The relative days of ``text`` resolved against ``published`` (none without it).
    ``low`` is the lower-cased text when that keeps offsets, for a cheap first test."""
    if published is None:
        return []
    days, weekdays, pattern = _tables()
    haystack = low if low is not None else text.lower()
    if not any(w in haystack for w in _EN_CUES) and not (
            any(c in haystack for c in _RU_MARKS) and any(w in haystack for w in _RU_CUES)):
        return []
    out = []
    for m in pattern.finditer(text):
        if m.group("day"):
            value = published + timedelta(days=days[m.group("day").lower()])
        else:
            word = m.group("week")
            if word[0].islower() and word.isascii():
                continue  # English weekdays are capitalised ("may" rule of months.yml)
            back = (published.weekday() - weekdays[word.lower()]) % 7
            if m.group("last") and back == 0:
                back = 7
            value = published - timedelta(days=back)
        start = m.start("day") if m.group("day") else m.start()
        out.append(DateMention(value.isoformat(), start, m.end(), True))
    return out
