"""Extractor: verdict tables — one row per defendant, with the articles and the term.

Case trackers and court bulletins set a group verdict out as a plain-text or Markdown
table:

    NAME               ARTICLES                    TERM
    -----------------  --------------------------  --------
    Ivan Petrov        205.5 Part 1; 30(1) + 278   17 years

A table is a header line whose cells (split by two or more spaces, or by ``|``) include a
name column and an articles column (a term column is optional), and the rows under it up
to the first blank line. Each row whose name cell names a person gives that person a
charge for every article of its articles cell (bare numbers, with "Part 2", "(2)" or "ч. 2";
"30(1) + 278" is article 278 with Article 30 part 1, preparation) and a sentence for its
term cell. The code is the Criminal Code unless the number has the form of a Code of
Administrative Offences article (20.3.3) or the header names that code. The date and court
of the sentences come from the tracker's "Date" and "Court" field lines, when it has them.
Mentions are the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repression_kg import lookups
from repression_kg.extract.base import Context
from repression_kg.extract.sentence_common import add_sentence, regime_in
from repression_kg.extract.sentences import months_of, term_pattern
from repression_kg.facts import Charge, Modifier, Sentence, SentenceKind

#: the words of a name column's header
_NAME_WORDS = (r"names?|defendants?|accused|persons?|prisoners?|political prisoners?|writers?|"
               r"journalists?|activists?|фио|имя|подсудим\w*|обвиняем\w*|осужд[её]нн\w*")
_NAME = re.compile(rf"(?i)^(?:{_NAME_WORDS})$")
_ARTICLES = re.compile(r"(?i)^(?:articles?|charges?|statutes?|стать[яи]|обвинени[ея]|"
                       r"articles? of the criminal code)$")
_TERM = re.compile(r"(?i)^(?:term|sentence|penalty|punishment|срок|приговор|наказание)$")
#: a column of the part of the one article the page is about ("Part": 1, 2 ("д"), –)
_PART = re.compile(r"(?i)^(?:part|часть|ч\.)$")
_DATE = re.compile(r"(?i)^(?:(?:verdict |sentence )?date|date of (?:the )?(?:verdict|sentence)|"
                   r"дата(?: приговора)?)$")
_COURT = re.compile(r"(?i)^(?:court|суд)$")
_PART_CELL = re.compile(r"\s*(\d{1,2}(?:\.\d)?)(?!\d)")
#: a cell of a header: words separated by single spaces, up to two spaces, a ``|`` or the end
_CELL = re.compile(r"[^|\s](?:[^|]*?[^|\s])?(?=\s{2,}|\s*\||\s*$)")
_RULE = re.compile(r"^[\s|:+=-]*-{3,}[\s|:+=-]*$")
_CITED = re.compile(r"(?i)(?<![\d.])(?P<art>\d{1,3}(?:\.\d{1,2}){0,2})(?![\d.]\d)"
                    r"(?:\s?\((?P<par>\d{1,2})\)|,?\s(?:part|ч\.)\s?(?P<part>\d{1,2}))?")
_FIELD = re.compile(r"(?im)^[ \t]*(?P<key>date|verdict|court|дата|суд)\b[ \t]*(?:\.{2,}|:)")


@dataclass
class _Column:
    kind: str  # "name", "articles" or "term"
    index: int  # the how-manieth cell of its line
    start: int  # offset of the cell in its line
    end: int | None  # offset of the next cell, None for the last


#: a name cell of a header: the word, then two spaces, a tab, a pipe or the line's end
#: (rare in prose: one pass over the lower-cased text finds the few lines worth splitting)
_NAME_CELL = re.compile(rf"(?:{_NAME_WORDS})(?=[ \t]*(?:  |\t|\||\n|$))")
_ARTICLES_WORD = re.compile(r"(?i)articles?|charges?|statutes?|стать[яи]|обвинени[ея]|part|часть")


def extract_table_rows(ctx: Context) -> None:
    text = ctx.text
    if "\n" not in text:
        return
    low = ctx.lowered()
    if low is None:
        return  # lower case would move offsets: no table is read (rare scripts only)
    done = -1
    for hint in _NAME_CELL.finditer(low):
        header_start = text.rfind("\n", 0, hint.end()) + 1
        header_end = text.find("\n", hint.end())
        header_end = len(text) if header_end < 0 else header_end
        if header_start <= done or not _ARTICLES_WORD.search(text, header_start, header_end):
            continue
        done = header_start
        columns = _header(text[header_start:header_end])
        if columns is None:
            continue
        code = "RU-CoAP" if re.search(r"(?i)coap|коап|administrative",
                                      text[header_start:header_end]) else None
        article = None
        if not any(c.kind == "articles" for c in columns):
            article = _page_article(ctx, header_start)
            if article is None:
                continue  # a "Part" column of no article the text names
        caption = _caption(ctx, header_start)
        for row_start, row_end in _rows(text, header_end):
            _row(ctx, columns, row_start, row_end, code or (article or ("", ""))[0] or None,
                 caption, article)


def _header(line: str) -> list[_Column] | None:
    """The columns of a header line, or None when it is no header of a verdict table."""
    cells = [(m.start(), m.group()) for m in _CELL.finditer(line)]
    if len(cells) < 2 or len(cells) > 10:
        return None
    kinds = []
    for _start, cell in cells:
        kind = "name" if _NAME.match(cell) else "articles" if _ARTICLES.match(cell) else \
            "term" if _TERM.match(cell) else "part" if _PART.match(cell) else \
            "date" if _DATE.match(cell) else "court" if _COURT.match(cell) else ""
        kinds.append(kind)
    if "name" not in kinds or ("articles" not in kinds and "part" not in kinds):
        return None
    out = []
    for i, ((start, _cell), kind) in enumerate(zip(cells, kinds, strict=True)):
        end = cells[i + 1][0] if i + 1 < len(cells) else None
        if kind:
            out.append(_Column(kind, i, start, end))
    return out


def _rows(text: str, header_end: int) -> list[tuple[int, int]]:
    """The lines under a header, up to the first blank one (rules of dashes skipped)."""
    out: list[tuple[int, int]] = []
    start = header_end + 1
    while start <= len(text) and len(out) <= 500:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not line.strip():
            if out:
                break
        elif not _RULE.match(line):
            out.append((start, end))
        start = end + 1
    return out


def _cell(text: str, row_start: int, row_end: int, column: _Column) -> tuple[int, int]:
    """The span of a column's cell in a row without ``|``: the header's offsets, widened
    to whole words."""
    line = text[row_start:row_end]
    start = min(column.start, len(line))
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = len(line) if column.end is None else min(column.end, len(line))
    while end < len(line) and not line[end - 1].isspace() and not line[end].isspace():
        end += 1
    return row_start + start, row_start + end


def _pipe_cells(text: str, row_start: int, row_end: int) -> list[tuple[int, int]]:
    """The spans of the cells of a row of a ``|`` table (an empty cell keeps its place;
    what stands outside the outer pipes of "| a | b |" is no cell)."""
    out, pos = [], row_start
    parts = text[row_start:row_end].split("|")
    for k, part in enumerate(parts):
        if part.strip() or 0 < k < len(parts) - 1:
            out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _page_article(ctx: Context, header_start: int) -> tuple[str, str] | None:
    """(code, article) of the one article the text cites before a table whose column gives
    only its part ("List of people convicted under Article 207.3": Part | 2 ("д")), or None
    when it cites none or several."""
    from repression_kg.extract.charges import citations  # charges runs before tables
    cited = {(code, article) for start, _end, code, article, _part, _mod in citations(ctx)
             if start < header_start}
    return cited.pop() if len(cited) == 1 else None


def _caption(ctx: Context, header_start: int) -> tuple[str | None, str | None]:
    """The date and court of the line right above a header ("Verdict of the Lyublinsky
    District Court, 6 August 2020", a table's caption), when it names them."""
    if header_start < 2 or ctx.text[header_start - 2] == "\n":
        return None, None
    start = ctx.text.rfind("\n", 0, header_start - 1) + 1
    dates = [d for d in ctx.dates_in(start, header_start - 1) if len(d.value) >= 7]
    court = next((c.id for c in ctx.facts.courts
                  if any(start <= m.start < header_start - 1 for m in c.mentions)), None)
    return (dates[-1].value if dates else None), court


def _row(ctx: Context, columns: list[_Column], row_start: int, row_end: int,
         code: str | None, caption: tuple[str | None, str | None],
         article: tuple[str, str] | None = None) -> None:
    text = ctx.text
    spans: dict[str, tuple[int, int]] = {}
    if "|" in text[row_start:row_end]:
        cells = _pipe_cells(text, row_start, row_end)
        for column in columns:
            if column.index >= len(cells):
                return
            spans[column.kind] = cells[column.index]
    else:
        for column in columns:
            spans[column.kind] = _cell(text, row_start, row_end, column)
    name = spans.get("name")
    named = ctx.mentions_in(*name) if name is not None else []
    if name is None or not named:
        return
    person = named[0].person
    if "articles" in spans:
        for charge in _charges(ctx, person, spans["articles"], code):
            if not any((c.person, c.code, c.article, c.part, c.modifier) ==
                       (charge.person, charge.code, charge.article, charge.part,
                        charge.modifier) for c in ctx.facts.charges):
                ctx.facts.charges.append(charge)
    if article is not None:
        _part_charge(ctx, person, article, spans.get("part"), name)
    if "date" in spans or "court" in spans:
        caption = _cells_date_court(ctx, spans, caption)
    if "term" in spans:
        _sentence(ctx, person, spans["term"], caption)


def _part_charge(ctx: Context, person: str, article: tuple[str, str],
                 part_cell: tuple[int, int] | None, name: tuple[int, int]) -> None:
    """The page's article with the part of the row's part cell (none for "–")."""
    m = _PART_CELL.match(ctx.text, *part_cell) if part_cell else None
    part = m.group(1) if m else None
    charge = Charge(person, article[0], article[1], part, None, True)
    charge.mentions = [ctx.span(m.start(1), m.end(1)) if m else ctx.span(*name)]
    if not any((c.person, c.code, c.article) == (person, *article) and c.part in (None, part)
               for c in ctx.facts.charges):
        ctx.facts.charges.append(charge)


def _cells_date_court(ctx: Context, spans: dict, caption: tuple[str | None, str | None]
                      ) -> tuple[str | None, str | None]:
    """The date and court a row's own cells give, else the caption's."""
    date, court = caption
    if "date" in spans:
        dates = [d for d in ctx.dates_in(*spans["date"]) if len(d.value) >= 7]
        date = dates[0].value if dates else date
    if "court" in spans:
        start, end = spans["court"]
        court = next((c.id for c in ctx.facts.courts
                      if any(start <= m.start < end for m in c.mentions)), court)
    return date, court


#: an item of an articles cell: up to a ";" or a "," that no part follows ("Art. 207.3,
#: Part 2 (fakes); Art. 330.1")
_ITEM = re.compile(r"(?:[^;,]|,(?=\s?(?:[Pp]art|ч\.)\s?\d))+")


def _charges(ctx: Context, person: str, span: tuple[int, int], code: str | None) -> list[Charge]:
    text = ctx.text
    out = []
    for item in _ITEM.finditer(text, span[0], span[1]):
        cited = list(_CITED.finditer(text, item.start(), item.end()))
        modifier: Modifier | None = None
        modifier_span: list = []
        for m in cited:
            article = m.group("art")
            part = m.group("par") or m.group("part")
            if article == "30" and len(cited) > 1:
                modifier = lookups.load("charges")["article_30"].get(part)
                modifier_span = [ctx.span(m.start(), m.end())]
                continue
            its_code = code or ("RU-CoAP" if article.count(".") == 2 else "RU-CC")
            charge = Charge(person, its_code, article, part, modifier, True)
            charge.mentions = [*modifier_span, ctx.span(m.start(), m.end())]
            out.append(charge)
    return out


def _sentence(ctx: Context, person: str, span: tuple[int, int],
              caption: tuple[str | None, str | None]) -> None:
    text = ctx.text
    cell = text[span[0]:span[1]].lower()
    date, court = _fields(ctx)
    date, court = date or caption[0], court or caption[1]
    found: dict = {}
    for m in term_pattern().finditer(text, span[0], span[1]):
        months = months_of(m)
        if months:
            kind: SentenceKind = "suspended" if ("suspended" in cell or "условн" in cell) \
                else "imprisonment"
            if ctx.text.startswith(_TREATMENT_CUES, m.end()):
                continue  # (a term of treatment is no prison term)
            regime = regime_in(text[m.end():span[1]]) if kind == "imprisonment" else None
            add_sentence(ctx, found, Sentence(person, kind, months, regime, date, court),
                         m.start(), m.end())
            break
    if not found and re.search(r"(?i)fine|штраф", cell):
        add_sentence(ctx, found, Sentence(person, "fine", None, None, date, court), *span)
    if re.search(r"(?i)compulsory\s(?:\w+\s){0,2}treatment|psychiatric|принудительн\w+ лечени", cell):
        add_sentence(ctx, found, Sentence(person, "compulsory_treatment", None, None, date,
                                          court), *span)
    for sentence in found.values():
        _add_once(ctx, sentence)


def _add_once(ctx: Context, sentence: Sentence) -> None:
    """Add ``sentence``, or its mentions to the same sentence told in the prose (the same
    person, kind and term, no other date)."""
    for old in ctx.facts.sentences:
        if (old.person, old.kind, old.months) == (sentence.person, sentence.kind,
                                                 sentence.months) and \
                (not old.date or not sentence.date or old.date.startswith(sentence.date)
                 or sentence.date.startswith(old.date)):
            old.date = old.date if old.date and len(old.date) >= len(sentence.date or "") \
                else sentence.date
            old.regime, old.court = old.regime or sentence.regime, old.court or sentence.court
            old.mentions.extend(m for m in sentence.mentions if m not in old.mentions)
            old.mentions.sort(key=lambda m: (m.start, m.end))
            return
    ctx.facts.sentences.append(sentence)


_TREATMENT_CUES = (" of compulsory treatment", " of psychiatric treatment")


def _fields(ctx: Context) -> tuple[str | None, str | None]:
    """The date and court of a tracker's field lines ("Date ..... 31 May 2023")."""
    date = court = None
    for m in _FIELD.finditer(ctx.text):
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        key = m.group("key").lower()
        if key in ("date", "verdict", "дата") and date is None:
            dates = [d for d in ctx.dates_in(m.end(), line_end) if len(d.value) >= 7]
            date = dates[-1].value if dates else None
        elif key in ("court", "суд") and court is None:
            court = next((c.id for c in ctx.facts.courts
                          if any(m.end() <= s.start < line_end for s in c.mentions)), None)
    return date, court
