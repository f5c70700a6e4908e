"""Extractor: sentence and paragraph bounds (``ctx.sentences``, ``ctx.paragraphs``).

Rule-based, one pass, linear time. Paragraphs are blocks separated by blank lines, or
single lines in a block whose lines are too long to be hard-wrapped prose (unless most of
its long lines end inside a sentence: prose wrapped wide).
Sentences end at ``.``, ``!``, ``?``, ``…`` (plus closing quotes and brackets) followed by
space, and at line breaks that look like the end of a heading, a list item or a
paragraph line — not inside hard-wrapped prose. A period does not end a sentence after
an abbreviation common in case documents (``Art.``, ``Maj.``, ``Gen.``, ``No.``, ``ч.``,
``ст.``, ``т.е.``), after an initial (``A. B. Smith``, ``М. А. Жилин``), inside a number
(``205.5``) or before a lowercase word or a digit.

>>> from repression_kg.facts import Document
>>> text = "Maj. A. B. Smith got 6.5 years under Art. 205.5. He appealed."
>>> ctx = Context(doc=Document.from_text("d", text), facts=None)  # type: ignore[arg-type]
>>> extract_segments(ctx)
>>> [text[s:e] for s, e in ctx.sentences]
['Maj. A. B. Smith got 6.5 years under Art. 205.5.', 'He appealed.']
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context

#: Words that take a period and do not end a sentence (compared lower-cased).
ABBREVIATIONS = frozenset("""
    art arts para paras pt pts no nos nr vol p pp ch sec cl sub cf vs v etc approx incl
    mr mrs ms dr prof rev hon st mt ft fr sr jr
    maj lt col gen brig capt cpt cmdr cdr sgt cpl pvt adm lieut gov sen rep pres supt insp
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e a.k.a u.s u.k u.n
    ч ст п пп г гг р т т.е т.д т.п т.н им ул д др пр просп пос с обл респ р-н кв корп
    тыс млн млрд руб коп см напр рис стр гл прим ок рус англ ген полк подп капт лейт серж
    мл ряд пер
""".split())
#: Abbreviations after which an uppercase word still does not start a new sentence.
TITLES = frozenset("""
    mr mrs ms dr prof rev hon st mt fr maj lt col gen brig capt cpt cmdr cdr sgt cpl pvt
    adm lieut gov sen rep pres supt insp art arts no nos ch sec para p pp ч ст п им ул пр
    ген полк подп капт лейт серж мл u.s u.k u.n ул просп пер пос кв корп
""".split())

#: end punctuation (and closing quotes and brackets) before a space or the end, or a line
#: break: ``[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n`` written with one class first (the
#: look-behinds tell the two apart), so that the engine skips to its candidates
_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?=\s|$))")
_BLANK = re.compile(r"\n[ \t]*\n\s*")
_LIST_START = re.compile(r"[-*•–—\d(«\"“‘A-ZА-ЯЁ]")
_SENTENCE_MARKS = ".!?…:;"
_WRAP_WIDTH = 100
#: Longest sentence we hand on. Court rulings run to ~1,500 characters; anything longer is
#: run-on text (lists without stops, garbage), cut at a clause break so that extractors
#: looking around a match inside "its sentence" stay linear in the size of the document.
MAX_SENTENCE = 3000


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks between blank lines; a block of long lines is one paragraph per line.

    Pages copied from the web often put each paragraph on its own line with no blank
    line between; hard-wrapped prose never has lines longer than ~80 characters.
    """
    blocks: list[tuple[int, int]] = []
    start = 0
    for m in _BLANK.finditer(text):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
        if text.find("\n", b_start, b_end) < 0:  # one line: the block, long or not
            out.append((b_start, b_end))
            continue
        lines = _lines(text, b_start, b_end)
        if any(e - s > _WRAP_WIDTH for s, e in lines) and not _wide_wrap(text, lines):
            out.extend(lines)
        else:
            out.append((b_start, b_end))
    return [r for r in (_trim(text, s, e) for s, e in out) if r is not None]


def _wide_wrap(text: str, lines: list[tuple[int, int]]) -> bool:
    """Prose hard-wrapped wider than usual (130 characters): most long lines but the last
    end inside a sentence, where a page's paragraph lines end with its punctuation."""
    ends = [text[s:e].rstrip()[-1:] for s, e in lines[:-1] if e - s > _WRAP_WIDTH]
    inside = sum(1 for c in ends if c and c not in _PARAGRAPH_ENDS)
    return 2 * inside > len(ends)


#: what ends a line that is a paragraph of its own
_PARAGRAPH_ENDS = frozenset(".!?…:;\"'”’»)]|")  # ("|": a table's row)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while start < end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl
        out.append((start, stop))
        start = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _word_before(text: str, pos: int) -> str:
    """The word (letters, inner dots and hyphens: ``т.е``, ``U.S``) ending at ``pos``."""
    j = pos
    limit = max(0, pos - 40)
    while j > limit:
        ch = text[j - 1]
        if ch.isalpha() or (ch in ".-" and j - 2 >= limit and text[j - 2].isalpha()
                            and j < pos):
            j -= 1
        else:
            break
    return text[j:pos]


_QUOTE_CHAR = re.compile("[“«„”»‘’]")


class _QuoteDepth:
    """How many quotations are open at a position, counted incrementally (linear).

    ``marks`` are the offsets of the text's quotation marks and the marks (found once per
    document); those from ``start`` on are counted."""

    def __init__(self, start: int, marks: tuple[list[int], list[str]]) -> None:
        self.pos = start
        self.depth = 0
        self._at, self._marks = marks
        self._next = bisect.bisect_left(self._at, start)

    def advance(self, text: str, to: int) -> int:
        if to <= self.pos:
            return self.depth
        at, marks = self._at, self._marks
        k = self._next
        while k < len(at) and at[k] < to:
            i, ch = at[k], marks[k]
            k += 1
            if ch in "“«„":
                self.depth += 1
            elif ch in "”»":
                self.depth = max(0, self.depth - 1)
            elif ch == "‘" and (i == 0 or not text[i - 1].isalpha()):
                self.depth += 1
            elif ch == "’" and (i + 1 >= len(text) or not text[i + 1].isalpha()):
                self.depth = max(0, self.depth - 1)
        self._next = k
        self.pos = max(self.pos, to)
        return self.depth


def _closes_soon(text: str, start: int, para_end: int) -> bool:
    """A closing quote follows within a few words, with no sentence end before it."""
    stop = min(para_end, start + 40)
    for i in range(start, stop):
        ch = text[i]
        if ch in "”»\"" or (ch == "’" and (i + 1 >= len(text) or not text[i + 1].isalpha())):
            return True
        if ch in ".!?…":
            return False
    return False


def _is_boundary(text: str, m: re.Match[str], para_end: int, quoted: bool = False) -> bool:
    """Does the punctuation (or line break) matched at ``m`` end a sentence?

    ``quoted``: a quotation is open here (a period inside a quoted name such as
    "‘Political Prisoners. Memorial’" does not end the sentence).
    """
    pos, end = m.span()
    nxt = end
    while nxt < para_end and text[nxt] in " \t\u00a0":
        nxt += 1
    if nxt >= para_end:
        return True
    follower = text[nxt]
    found = m.group()
    if found == "\n":
        line_start = text.rfind("\n", 0, pos) + 1
        line = text[line_start:pos].rstrip()
        if not line or line[-1] in _SENTENCE_MARKS:
            return True
        if follower in "-*•–—" and nxt + 1 < para_end and text[nxt + 1] == " ":
            return True  # a new list item
        # a short line (heading, signature) unless the next line continues it in lowercase
        return len(line) < 60 and not follower.islower() and line[-1] not in ",-–("
    mark = text[pos]
    if mark in "!?…" or text.startswith("..", pos):
        return not follower.islower()
    if follower.isdigit():
        # "... для Гиркина. 17 ноября 2022 года суд ...": a date opens the next sentence
        # (not "Art. 17", "No. 5": an abbreviation or a title before the period)
        token = _word_before(text, pos)
        return len(token) >= 3 and token.lower() not in ABBREVIATIONS and \
            token.lower() not in TITLES and _day_month().match(text, nxt) is not None
    if follower.islower() or follower in ",;:)":
        return False
    if found[-1] in "\"'”’»)]":  # a quotation or bracket closing after the period
        return True
    if quoted and _closes_soon(text, end, para_end):
        return False
    token = _word_before(text, pos)
    if not token:
        # "1. Article 207.3" — the number of a list item, not the end of a sentence
        low_bound = max(0, pos - 4)
        newline = text.rfind("\n", low_bound, pos)
        line_start = newline + 1 if newline >= 0 else (0 if low_bound == 0 else pos)
        return not (line_start < pos and text[line_start:pos].strip().isdigit())
    low = token.lower()
    if len(token) == 1 and token.isupper():  # initial: "A. B. Smith", "М. Жилин"
        return False
    if low in TITLES:
        return False
    if low == "г" and not text[max(0, pos - 3):pos - 1].strip()[-1:].isdigit():
        return False  # "г. Барнаул" (city), not "2023 г." (year)
    if low in ABBREVIATIONS:
        return follower.isupper()
    return True


@cache
def _day_month() -> re.Pattern[str]:
    """A day and a month's name (months.yml): "17 ноября", "5 May"."""
    names = sorted({str(n) for forms in (*lookups.load("months")["en"].values(),
                                         *lookups.load("months")["ru"].values())
                    for n in forms if len(str(n)) >= 3}, key=len, reverse=True)
    return re.compile(r"\d{1,2}\s(?:" + "|".join(map(re.escape, names)) + r")(?![^\W\d_])")


def _cap(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append ``[start, end)``, cut into pieces of at most MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = -1
        for mark in ("; ", ", ", " "):
            cut = text.rfind(mark, low, high)
            if cut >= 0:
                cut += len(mark)
                break
        if cut < 0:
            cut = high
        span = _trim(text, start, cut)
        if span is not None:
            out.append(span)
        start = cut
    span = _trim(text, start, end)
    if span is not None:
        out.append(span)


def extract_segments(ctx: Context) -> None:
    """Fill ``ctx.paragraphs`` and ``ctx.sentences`` (sorted, trimmed, non-empty)."""
    text = ctx.text
    ctx.paragraphs = _paragraphs(text)
    sentences: list[tuple[int, int]] = []
    found = list(_QUOTE_CHAR.finditer(text))
    marks = (list(map(re.Match.start, found)), list(map(re.Match.group, found)))
    at = marks[0]
    for p_start, p_end in ctx.paragraphs:
        start = p_start
        k = bisect.bisect_left(at, p_start)
        # no quotation mark in the paragraph: none is open anywhere in it
        quotes = _QuoteDepth(p_start, marks) if k < len(at) and at[k] < p_end else None
        for m in _END.finditer(text, p_start, p_end):
            quoted = quotes is not None and quotes.advance(text, m.start()) > 0
            if _is_boundary(text, m, p_end, quoted):
                end = m.end()
                _cap(text, start, end, sentences)
                start = end
        _cap(text, start, p_end, sentences)
    ctx.sentences = sentences
