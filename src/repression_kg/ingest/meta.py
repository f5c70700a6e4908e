"""What a document says about itself: its title and the date it was published.

Kept deliberately simple and conservative: a publication date is taken only when the
document states one near its top — a ``Published:``/``Date:``/``Опубликовано:`` header
line, a line that is nothing but a date (news pages put the date under the headline), a
press release's "Press release, 18 April 2025", a byline ending in a date (``Jane Roe – April 30, 2023``) — or from HTML metadata. Nothing is guessed from dates inside the story.

>>> parse_date("July 7, 2025"), parse_date("30 апреля 2023 г."), parse_date("2023-04-30T10:00Z")
('2025-07-07', '2023-04-30', '2023-04-30')
>>> find_published("Title\\n\\nPublished: 3 March 2024\\n\\nBody.")
'2024-03-03'
>>> find_published("Title\\nJane Roe – April 30, 2023\\nBody."), parse_date("May 2, 2024, 5:00 a.m. ET")
('2023-04-30', '2024-05-02')
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    "january jan январь января янв",
    "february feb февраль февраля фев",
    "march mar март марта мар",
    "april apr апрель апреля апр",
    "may май мая",
    "june jun июнь июня",
    "july jul июль июля",
    "august aug август августа авг",
    "september sep sept сентябрь сентября сен",
    "october oct октябрь октября окт",
    "november nov ноябрь ноября ноя",
    "december dec декабрь декабря дек",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _n

_MONTH = r"([A-Za-zА-Яа-яёЁ]{3,9})\.?"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})(?:\s*(?:г\.?|года))?")
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DOTTED = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_HEADER = re.compile(
    r"^\s*(?:published|posted|date|dated|updated|last updated|publication date|press release|"
    r"опубликовано|дата публикации|дата|пресс-релиз)\s*(?:on)?\s*[,:\-–—]?\s*(.{6,60}?)\s*$",
    re.IGNORECASE,
)
# A byline with a date: "Neil Smith – April 30, 2023", "30.04.2023 | Moscow", "By A. B. Lee, 3 May 2024"
_BYLINE = re.compile(
    r"^(?:by\s+)?[^\d\n]{2,60}?\s*[–—|•·/,-]\s+(?P<tail>\S.{5,40})$"
    r"|^(?P<head>\S.{5,40}?)\s+[–—|•·/-]\s+[^\d\n]{2,60}$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r",?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)
_NOTE = re.compile(r"\s*\([^()\d]{1,30}\)$")
_TOP_LINES = 15
#: a bracketed aside that ends a line
_ASIDE = re.compile(r"\s*\([^()\n]{1,100}\)\s*$")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """An ISO date for a whole string that is one date (several common notations)."""
    value = _NOTE.sub("", value.strip())  # "11 May 2023, 14:05 (last update)"
    value = _CLOCK.sub("", value).strip(".,;|").strip()
    if m := _ISO.fullmatch(value):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    # weekday prefix: "Friday, 7 July 2025"
    value = re.sub(r"^[A-Za-zА-Яа-я]+,\s+(?=\d|[A-Za-zА-Яа-я]+\s+\d)", "", value)
    if m := _DMY.fullmatch(value):
        month = MONTHS.get(m[2].lower())
        return _iso(int(m[3]), month, int(m[1])) if month else None
    if m := _MDY.fullmatch(value):
        month = MONTHS.get(m[1].lower())
        return _iso(int(m[3]), month, int(m[2])) if month else None
    if m := _DOTTED.fullmatch(value):  # day first, as in Europe and Russia
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    return None


def find_published(text: str) -> str | None:
    """The publication date the document states near its top, or None."""
    for line in text.split("\n", _TOP_LINES)[:_TOP_LINES]:
        line = _ASIDE.sub("", line)  # "Press release, 18 April 2025 (unofficial translation)"
        if len(line) > 80:
            continue
        if m := _HEADER.match(line):
            found = parse_date(m[1])
            if found:
                return found
        found = parse_date(line)
        if found:
            return found
        if m := _BYLINE.match(line.strip()):
            found = parse_date(m["tail"] or m["head"])
            if found:
                return found
    return None


def find_title(text: str) -> str | None:
    """The first non-empty line, when it is short enough to be a heading."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None
