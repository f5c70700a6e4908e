"""Charges given by reference to a citation before them: "Part 2 of the article", "under
point "а" of Part 2" (the part of the article cited last), and "on the same accusation"
(the charges of the nearest charge mentioned before). Used by
:mod:`repression_kg.extract.charges` once its citations and descriptions are in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from repression_kg.extract.base import Context
from repression_kg.extract.subjects import subject_persons
from repression_kg.facts import Charge

#: a part cited without its article ("under Part 2 of the article", "Part 2" of "under
#: point "д" of Part 2", "по ч. 2 той же статьи"): not followed by an article of its own
_PART_WORDS = r"(?:Part|part|ч\.|части)"
_PART_ONLY = re.compile(
    rf"(?P<word>{_PART_WORDS})\s?(?P<part>\d{{1,2}}(?:\.\d(?!\d))?)(?![\d.]\d)"
    r"(?!,?\s?(?:of\s)?(?:[Aa]rt|ст\.|стать|[Aa]rticles?\s\d))"
    r"(?:\s(?:of\s)?(?:the|that|this|the same|той же|этой|указанной)\s(?:article|статьи))?")
_SAME_ARTICLE = re.compile(r"the same article|той же статьи")
#: where a part may be cited (a literal scan of the lower-cased text, fast in C)
_PART_WORD = re.compile(r"part|ч\.|части")
#: how far before a part cited alone its article may have been cited
_ARTICLE_REACH = 3000


def part_of_the_article(ctx: Context, found: dict, add: Callable[..., None]) -> None:
    """A part cited without its article is a part of the article cited last before it
    (within :data:`_ARTICLE_REACH` characters), charged to the people its sentence is
    about when that sentence charges someone: "Article 207.3 ... He was charged under
    point "а" of Part 2" is Article 207.3, Part 2."""
    from repression_kg.extract.charges import citations, has_cue  # charges imports this module
    text = ctx.text
    low = ctx.lowered()
    if "part" not in (low or text.lower()) and "ч." not in text and "части" not in text:
        return
    cited = citations(ctx)
    if not cited:
        return
    items = ctx.scratch.get("charges.items", ())  # every number cited, Article 30 too
    item_starts = [i[0] for i in items]  # (in text order, none overlapping: bisect finds
    cited_ends = [c[1] for c in cited]  # the one around or before an offset)
    starts = [h.start() for h in _PART_WORD.finditer(low)] if low is not None else [
        h.start() for h in _PART_ONLY.finditer(text)]
    for at in starts:
        m = _PART_ONLY.match(text, at)
        if m is None or (at and (text[at - 1].isalnum() or text[at - 1] in "._")):
            continue  # (inside a word or a number)
        k = bisect.bisect_right(item_starts, at) - 1
        if k >= 0 and at < items[k][1]:
            continue  # a part of a citation ("Article 212, Part 1")
        k = bisect.bisect_right(cited_ends, at) - 1
        if k < 0 or at - cited[k][1] > _ARTICLE_REACH:
            continue
        _start, _end, code, article, _part, modifier = cited[k]
        s_start, s_end = ctx.sentence_at(m.start())
        if not _SAME_ARTICLE.search(m.group()) and not has_cue(text[s_start:s_end].lower(),
                                                               "cues"):
            continue  # ("Part 2 of the same article" is a charge by itself)
        for person in subject_persons(ctx, m.start()):
            add(ctx, found, Charge(person, code, article, m.group("part"), modifier, True),
                m.start(), m.end())


#: a charge given by reference to the one before ("wanted on the same accusation")
_SAME = re.compile(r"(?i)(?<!\w)(?:on|under|of|with|in) the same (?:accusations?|charges?|"
                   r"articles?|counts?)(?!\w)|по (?:той же|тем же) стать\w+|по тому же обвинению")


_PART_BEFORE = re.compile(rf"{_PART_WORDS}\s?\d{{1,2}}(?:\.\d)?\s?$")


def same_accusation(ctx: Context, found: dict) -> None:
    """Everyone named in a sentence that accuses them "on the same accusation" shares the
    charges of the nearest charge mentioned before it (``stated_by_number: false``: the
    text gives the charge by reference)."""
    low = ctx.lowered() or ctx.text.lower()
    if "same" not in low and "той же" not in low and "тем же" not in low and \
            "тому же" not in low:
        return
    for m in _SAME.finditer(ctx.text):
        if _PART_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            continue  # "Part 2 of the same article": a part of it (part_of_the_article)
        s_start, s_end = ctx.sentence_at(m.start())
        earlier = [c for c in found.values() if c.mentions and min(
            x.start for x in c.mentions) < s_start]
        if not earlier:
            continue
        last = max(min(x.start for x in c.mentions) for c in earlier)
        source = {(c.code, c.article, c.part, c.modifier) for c in earlier
                  if min(x.start for x in c.mentions) == last}
        for mention in ctx.mentions_in(s_start, s_end):
            if ctx.text.startswith(("'s", "’s"), mention.end):
                continue  # "Navalny's lawyers A and B": whose lawyers, not who is accused
            for code, article, part, modifier in sorted(source, key=str):
                key = (mention.person, code, article, part, modifier)
                if key not in found:
                    found[key] = Charge(mention.person, code, article, part, modifier, False)
                    found[key].mentions.append(ctx.span(m.start(), m.end()))
