"""Citations that name the code before the number, as court lists, hearing calendars and
transliterated notes write them: "UK RF 207.3(2)(d)", "KoAP RF 20.3.3(1)", "UK RF 148(2),
213(2)", "УК РФ 207.3". Used by :mod:`repression_kg.extract.charges` beside the citations
that name the code after the number.

The codes that may stand first are listed under ``codes_before`` in
ontology/lookups/charges.yml (each also a form under ``codes``, which gives its code). The
number must look like an article: three digits, or a dotted number ("20.3.3"), so that a
date or a term after a code that ends another citation ("ч. 2 ст. 207.3 УК РФ 6 лет") is
none. Further numbers may follow, joined by a comma, "and", "и" or "+".

Also the code of every citation (:func:`code_after`): the code named after its number
(``codes`` and ``not_a_code`` in charges.yml: :func:`code_named`), else the one its
number implies (a dotted "20.3.3" is the Code of Administrative Offences; a known article
of the Criminal Code, or one cited in a charging sentence of a text that names that code
elsewhere, is the Criminal Code's).

>>> [(c.article, c.part, c.code) for c in code_first("Art.: UK RF 148(2), 213(2)",
...                                                 {"uk rf": "RU-CC"})]
[('148', '2', 'RU-CC'), ('213', '2', 'RU-CC')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from repression_kg import lookups
from repression_kg.extract import prescan
from repression_kg.extract.base import Context
from repression_kg.extract.literals import flat
from repression_kg.extract.prescan_group import _trie

#: an article number: three digits ("275", "207.3") or a dotted one ("20.3.3")
_ART = r"(?P<art>(?:\d{3}|\d{1,2}(?=\.\d))(?:\.\d{1,2}){0,2})(?![\d.]\d)"
#: its part in brackets, and a point letter after it ("(2)(d)")
_PART = r"(?:\s?\((?P<par>\d{1,2})\))?(?:\s?\([a-zа-я]\))?"
#: a term or a date right after the number: no article ("УК РФ 207 лет" never stands)
_NOT_AFTER = r"(?!\s(?:years?|months?|лет|год|месяц))"
_MORE = re.compile(rf"\s?(?:,|\+|and|и)\s?{_ART}{_PART}{_NOT_AFTER}")


@dataclass(frozen=True)
class CodeFirst:
    """One number cited after its code: the span of the code and number, where the number
    starts, and what it cites."""

    start: int
    number_start: int
    end: int
    article: str
    part: str | None
    code: str


@cache
def _scan() -> prescan.Prescan:
    """The pattern, tried only where a code's first letters occur (its look-behind first
    would be tried at every offset)."""
    forms = sorted({str(f) for f in lookups.load("charges")["codes_before"]},
                   key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s") for f in forms)
    return prescan.Prescan(re.compile(
        rf"(?<![\w-])(?P<code>{alt})\s?(?:(?:Art(?:icle)?s?\.?|ст\.)\s?)?"
        rf"{_ART}{_PART}{_NOT_AFTER}"))


def code_first(text: str, codes: dict[str, str], low: str | None = None) -> list[CodeFirst]:
    """Every number cited after its code in ``text``; ``codes`` maps the lower-cased
    forms of the codes to their ids (a form it does not know is skipped); ``low`` is the
    text as :func:`prescan.lowered` gives it (None: a search of every offset)."""
    out: list[CodeFirst] = []
    for m in _scan().finditer(text, low):
        code = codes.get(" ".join(m.group("code").lower().split()))
        if not code:
            continue
        out.append(CodeFirst(m.start(), m.start("art"), m.end(), m.group("art"),
                             m.group("par"), code))
        pos = m.end()
        more = _MORE.match(text, pos)
        while more is not None:
            out.append(CodeFirst(more.start("art"), more.start("art"), more.end(),
                                 more.group("art"), more.group("par"), code))
            more = _MORE.match(text, more.end())
    return out


def with_codes_first(ctx: Context, items: list[tuple[int, int, str, str | None]],
                     codes: dict[str, str]) -> list[tuple[int, int, str, str | None]]:
    """``items`` (the charges extractor's citations) and the numbers cited after their code
    ("UK RF 207.3(2)"), in text order. The code of each is noted in
    ``ctx.scratch["charges.coded"]`` by the start of its item: the citation's own where
    both read the same number ("Criminal Code Article 207.3")."""
    found = code_first(ctx.text, codes, prescan.lowered(ctx)) \
        if HINT.search(ctx.text) else []
    coded: dict[int, str] = {}
    for cited in found:
        same = next((it for it in items if it[0] < cited.end and cited.number_start < it[1]),
                    None)
        if same is None:
            items.append((cited.start, cited.end, cited.article, cited.part))
            coded[cited.start] = cited.code
        else:
            coded[same[0]] = cited.code
    ctx.scratch["charges.coded"] = coded
    return sorted(items) if coded else items


#: a capital K, a Cyrillic УК or КоАП, or "CC": no code of ``codes_before`` without one
HINT = re.compile(r"K|УК|КоАП|CC")


@cache
def codes() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of every code name (ignoring case, as a whole word) and the code of
    each lower-cased form ("" for an instrument that is no code)."""
    data = lookups.load("charges")
    table = {str(f).lower(): code for code, forms in data["codes"].items() for f in forms}
    table.update({str(f).lower(): "" for f in data["not_a_code"]})
    # (a trie: longest form first, as an alternation sorted by length, but much faster; a
    # space of a name matches a line break or a no-break space: "Criminal\nCode")
    pattern = re.compile(r"(?i)(?<!\w)(?:" + _spaced(_trie(sorted(table))) + r")(?!\w)")
    return pattern, table


def _spaced(trie: str) -> str:
    return trie.replace("\\ ", "[ \\n\\t\u00a0]")


def code_named(ctx: Context, start: int, end: int) -> str | None:
    """The code of the first code name in ``[start, end)`` ("" for an instrument that is no
    code, such as the Constitution), or None. In a text with many citations the names are
    found once, on the lower-cased text, and looked up by offset."""
    names = ctx.scratch.get("charges.code_names")
    if names is None:
        # a scan of the whole text pays off only where there are many citations
        many = len(ctx.scratch.get("charges.items", ())) > 64
        names = ctx.scratch["charges.code_names"] = _code_names(ctx) if many else False
    if isinstance(names, tuple):
        starts, ends_codes = names
        k = bisect.bisect_left(starts, start)
        return ends_codes[k][1] if k < len(starts) and ends_codes[k][0] <= end else None
    low = prescan.lowered(ctx)
    if low is not None:  # (no letter folds unlike its lower case: the same names, faster)
        m = _lower_codes()[0].search(low, start, end)
        return codes()[1][flat(m.group())] if m is not None else None
    pattern, table = codes()
    m = pattern.search(ctx.text, start, end)
    return table[flat(m.group().lower())] if m is not None else None


def _code_names(ctx: Context) -> tuple[list[int], list[tuple[int, str]]] | bool:
    """(starts, [(end, code)]) of every code name, or False when lower case would move the
    offsets (then each citation searches on its own)."""
    low = ctx.lowered()
    if low is None:
        return False
    pattern, table = _lower_codes()
    starts: list[int] = []
    ends_codes: list[tuple[int, str]] = []
    for m in pattern.finditer(low):
        starts.append(m.start())
        ends_codes.append((m.end(), table[flat(m.group())]))
    return starts, ends_codes


@cache
def _lower_codes() -> tuple[re.Pattern[str], dict[str, str]]:
    """:func:`codes` for lower-cased text: case-sensitive, so a scan runs at C speed."""
    _pattern, table = codes()
    return re.compile(r"(?<!\w)(?:" + _spaced(_trie(sorted(table))) + r")(?!\w)"), table


def cites_cc(ctx: Context) -> bool:
    """The document names the Russian Criminal Code somewhere."""
    cached = ctx.scratch.get("charges.cites_cc")
    if cached is None:
        pattern, table = codes()
        cached = ctx.scratch["charges.cites_cc"] = any(
            table[flat(m.group().lower())] == "RU-CC" for m in pattern.finditer(ctx.text))
    return cached


def code_after(ctx: Context, items: list, i: int) -> str | None:
    """The code the i-th citation belongs to: the first code named after it in its
    sentence (before a later citation's code), else the code its number implies. ``items``
    are the charges extractor's citations, (start, end, article, part) in text order."""
    start, end, article, _ = items[i]
    before = ctx.scratch.get("charges.coded", {}).get(start)
    if before is not None:
        return before  # ("UK RF 207.3(2)")
    _, s_end = ctx.sentence_at(start)
    found = code_named(ctx, end, min(s_end, end + 160))
    if found is not None:
        return found or None
    if article.count(".") == 2 or article in ("20.2", "19.3", "20.1"):
        return "RU-CoAP"
    for later in items[i + 1:i + 4]:
        if later[0] >= s_end:
            break  # (the code of a citation in a later sentence is not this one's)
        found = code_named(ctx, later[1], min(s_end, later[1] + 160))
        if found:
            return found
    if _known_article(article) or (_PLAUSIBLE.fullmatch(article) and cites_cc(ctx)
                                   and _charged_sentence(ctx, start)):
        # "convicted under Article 212.1" in a text that names the Criminal Code elsewhere
        # (not "General Comment No. 34 on Article 19")
        return "RU-CC"
    return None


#: the form of a Criminal Code article number: 1-361, maybe with one decimal (212.1)
_PLAUSIBLE = re.compile(r"(?:[1-9]|[1-9]\d|[12]\d\d|3[0-5]\d|36[01])(?:\.\d)?")


def _charged_sentence(ctx: Context, offset: int) -> bool:
    from repression_kg.extract.charges import has_cue  # charges imports this module

    s_start, s_end = ctx.sentence_at(offset)
    return has_cue(ctx.text[s_start:min(s_end, s_start + 2000)].lower(), "cues")


@cache
def _known() -> frozenset[str]:
    arts = {str(d["article"]) for d in lookups.load("charges")["descriptions"]}
    return frozenset(arts | {"30", "33", "105", "111", "115", "119", "167", "205.3", "205.4",
                             "208", "210", "222", "228", "229", "239", "241", "273", "278",
                             "279", "280.1", "280.2", "282.4", "283", "283.1", "298.1", "317",
                             "330", "333", "334", "336", "339", "359", "361"})


def _known_article(article: str) -> bool:
    return article in _known()
