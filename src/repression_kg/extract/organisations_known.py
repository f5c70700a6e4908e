"""Organisations the gazetteer knows: the forms of ontology/lookups/organisations.yml found
in a text as they are written.

A form matches as whole words (Russian case endings ignored); a match must start with a
capital, a capitalised word of its form must be capitalised in the text, and a short
all-capital form such as "FSB" must appear in capitals. Forms that differ only in case or
punctuation ("... Tatar People", "... Tatar people") are one entry, so a text may be
written as any of them. When the longest form at a place is not written as a form is
("the Wall Street Journal" for "The Wall Street Journal"), the rest of its span is tried
again without its first word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from repression_kg import lookups
from repression_kg.extract import gazetteer
from repression_kg.extract.base import Context
from repression_kg.extract.gazetteer import Gazetteer


@cache
def table() -> tuple[Gazetteer, dict[str, dict]]:
    """The gazetteer matcher (value: key and every form written with the same words) and
    its entries."""
    data = {k: v for k, v in lookups.load("organisations")["organisations"].items() if v}
    by_words: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    for key, v in data.items():
        for f in dict.fromkeys([str(v["name"]), *(str(x) for x in v.get("forms") or [])]):
            words = tuple(lookups.norm(w) for w in lookups.TOKEN.findall(f.lower()))
            if words:
                by_words.setdefault(words, (key, []))[1].append(f)
    pairs = [(forms[0], (key, tuple(forms))) for key, forms in by_words.values()]
    return Gazetteer(pairs), data


def roles_of(key: str) -> tuple[str, list[str]]:
    """The name and kinds (roles) of a gazetteer entry (a new list each time: the caller
    may change it)."""
    name, roles = _entries()[key]
    return name, list(roles)


@cache
def _entries() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each entry's name and kinds, read once."""
    return {key: (str(entry["name"]), tuple(str(r) for r in entry.get("roles") or []))
            for key, entry in table()[1].items()}


def is_medium(key: str) -> bool:
    """Is the entry an online platform (``medium: true``)?"""
    return key in _media()


@cache
def _media() -> frozenset[str]:
    """The entries that are online platforms."""
    return frozenset(key for key, entry in table()[1].items() if (entry or {}).get("medium"))


def merge_family(found: dict) -> None:
    """Where a document names one member of a family (``of: <key>``: "Memorial Human Rights
    Centre") and the family's entry only by its bare name ("Memorial"), the bare mentions
    are the member's: the family's entry goes into it."""
    data = table()[1]
    for parent in [k for k in found if k in data]:
        members = [k for k in found if k in data and data[k].get("of") == parent]
        bare = {fold(str(data[parent]["name"])), fold(str(data[parent].get("ru") or ""))}
        if len(members) == 1 and all(fold(m.text) in bare for m in found[parent].mentions):
            found[members[0]].mentions.extend(found.pop(parent).mentions)


@cache
def known_names() -> dict[str, str]:
    """Folded name or form → gazetteer key (a pattern name that is a known form)."""
    _, data = table()
    out: dict[str, str] = {}
    for key, v in data.items():
        for f in [str(v["name"]), *(str(x) for x in v.get("forms") or [])]:
            out.setdefault(fold(f), key)
            for quoted in re.findall(r"«([^«»]+)»", f):  # "движение «Весна»" → «Весна»
                out.setdefault(fold(quoted), key)
    return out


@cache
def _national() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """The entries of ``national_bodies``, and what says a body is another country's: a
    country after it ("of Kyrgyzstan", "Украины"), an adjective or possessive before it."""
    spec = lookups.load("organisations")["national_bodies"]
    latin, stems = [], []
    for key, entry in lookups.load("places")["countries"].items():
        if key == "russia":
            continue
        for form in {str(entry["name"]), *(str(f) for f in entry.get("forms") or [])}:
            if re.fullmatch(r"[А-ЯЁа-яё]+", form):
                stems.append(re.escape(form.rstrip("аяйь")) + "[а-яё]{0,3}")
            elif form.isascii():
                latin.append(re.escape(form))
    latin.sort(key=len, reverse=True)
    after = re.compile(rf"[ \u00a0](?:of[ \u00a0](?:the[ \u00a0])?(?:Republic[ \u00a0]of[ \u00a0])?"
                       rf"(?:{'|'.join(latin)})|(?:Республики[ \u00a0])?(?:{'|'.join(stems)}))"
                       r"(?!\w|\.\w)")
    adjectives = sorted((re.escape(str(a)) for a in spec["adjectives"]), key=len, reverse=True)
    before = re.compile(rf"(?<![\w.])(?:{'|'.join(adjectives)}|(?:{'|'.join(latin)})['’]s)"
                        r"[ \u00a0]$")
    return frozenset(str(k) for k in spec["entries"]), after, before


def foreign_span(text: str, key: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of another country's body where the text says a national body is one
    ("the Prosecutor General's Office of Armenia", "the Ukrainian Foreign Ministry")."""
    entries, after, before = _national()
    if key not in entries:
        return None
    m = after.match(text, end) or before.search(text, max(0, start - 30), start)
    if m is None:
        return None
    home = table()[1][key].get("country")  # a body of another state: its own stays it
    if home:
        said = fold(re.findall(r"\w+", m.group())[-1 if m.start() >= end else 0])[:5]
        entry = lookups.load("places")["countries"][home]
        if any(fold(str(f))[:5] == said for f in
               [entry["name"], entry.get("ru") or "", *(entry.get("forms") or [])]):
            return None
    return (start, m.end()) if m.start() >= end else (m.start(), end)


def fold(text: str) -> str:
    """Casefolded, diacritic-free, single-spaced, without a leading article."""
    text = text.replace("’", "'")
    if not text.isascii():  # ASCII is its own NFKD form, with no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(_FOLDED_OUT.sub(" ", text).casefold().split())
    return text[4:] if text.startswith("the ") else text


#: the punctuation :func:`fold` reads as spaces
_FOLDED_OUT = re.compile(r"[\"'«»“”.,]")


def gazetteer_hits(ctx: Context) -> list[lookups.Hit]:
    """Gazetteer matches written as their forms are (cached per document)."""
    cached = ctx.scratch.get("organisations.hits")
    if cached is not None and cached[0] is ctx.text:
        return list(cached[1])
    matcher, _ = table()
    out: list[lookups.Hit] = []
    todo = matcher.find(gazetteer.tokens(ctx.scratch, ctx.text))
    while todo:
        hit = todo.pop(0)
        surface = ctx.text[hit.start:hit.end]
        if any(_cased(surface, form) for form in hit.value[1]):
            out.append(hit)
            continue
        first = lookups.TOKEN.search(ctx.text, hit.start, hit.end)
        nxt = lookups.TOKEN.search(ctx.text, first.end(), hit.end) if first else None
        if nxt is not None:
            inner = [lookups.Hit(h.value, h.start + nxt.start(), h.end + nxt.start(), h.form)
                     for h in matcher.find(ctx.text[nxt.start():hit.end])]
            todo[:0] = inner
    ctx.scratch["organisations.hits"] = (ctx.text, out)
    return list(out)


def quoted_whole(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A form that holds a «quoted» name in any case ("Правозащитного центра «Мемориал»"
    for "Правозащитный центр «Мемориал»"), where the text quotes the form found at
    ``start:end``: its key and span, the closing quote included."""
    if start == 0 or text[start - 1] != "«" or text[end:end + 1] != "»":
        return None
    lo = max(text.rfind("\n", 0, start) + 1, start - 50)
    window = text[lo:start - 1] + " " + text[start:end]  # the quote as a space: same offsets
    for hit in table()[0].find(window):
        if hit.end == len(window) and hit.start < start - 1 - lo:
            return hit.value[0], lo + hit.start, end + 1
    return None


def medium_ends(ctx: Context) -> set[int]:
    """End offsets of online platforms in the text ("Telegram", "YouTube")."""
    return {h.end for h in gazetteer_hits(ctx) if is_medium(h.value[0])}


def _cased(surface: str, form: str) -> bool:
    """Proper names are capitalised as their form is; short acronyms must be acronyms."""
    acronym, capitalised, later_capital = _shape(form)
    if acronym is not None:
        return surface.replace(".", "").replace("-", "") == acronym
    text_words = lookups.TOKEN.findall(surface)
    if len(capitalised) == len(text_words):
        for cap, tw in zip(capitalised, text_words, strict=True):
            if cap and not tw[:1].isupper():
                return False
    if surface[:1].isupper():
        return True
    # a form that starts in lower case ("штаб Навального") needs a capitalised word later
    return not form[:1].isupper() and later_capital


@cache
def _shape(form: str) -> tuple[str | None, tuple[bool, ...], bool]:
    """What :func:`_cased` reads of a form of the table (worked out once per form): its
    letters when it is a short acronym ("FSB"), whether each of its words is
    capitalised, and whether a word after the first is."""
    letters = form.replace(".", "").replace("-", "")
    words = lookups.TOKEN.findall(form)
    return (letters if letters.isupper() and len(letters) <= 5 else None,
            tuple(w[:1].isupper() for w in words), any(w[:1].isupper() for w in words[1:]))
