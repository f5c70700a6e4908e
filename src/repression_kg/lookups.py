"""Lookups: surface forms → reference keys, kept as YAML under ontology/lookups/.

Domain experts edit the YAML; extractors read it through :func:`load` (parsed once) and
match its surface forms with a :class:`Matcher` (:func:`matcher`, built once): one dict scan
over the text's word tokens, linear in the text. Forms match case-insensitively and on word
boundaries; Cyrillic words are compared without their case ending on both sides (a crude,
dictionary-free stemmer: the form "Алтайский край" finds "Алтайского края", "Москва"
finds "в Москве"); a form ending in ``*`` matches any word that starts with its last token.
Between two tokens of a form the text may have spaces, a hyphen, an apostrophe or a full
stop, so "St. Petersburg" and "Rostov-on-Don" match the forms "st petersburg" and
"rostov on don".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from repression_kg.resources import ontology_dir


@cache
def load(name: str) -> Any:
    """The parsed content of ``ontology/lookups/<name>.yml`` (cached; treat as read-only)."""
    path = ontology_dir() / "lookups" / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader


#: libyaml's safe loader when PyYAML was built with it (the same data, 5-10x faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: a token of a text or a form: a run of letters and digits
TOKEN = re.compile(r"[^\W_]+")
#: what may stand between two tokens of one surface form: a short gap, or one line break
#: (hard-wrapped text: "The UN Working\nGroup on Arbitrary Detention")
_GAP = re.compile(r"[ \t\u00a0\-‐–'’.]{1,3}|[ \t]{0,3}\n[ \t]{0,8}")
#: Russian case endings, longest first; stripped when at least three letters remain
_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ий", "ый", "ая", "яя",
            "ую", "юю", "ые", "ие", "ом", "ем", "ах", "ях", "ам", "ям", "а", "я", "е", "у",
            "ю", "ы", "и", "ь", "й", "о")


def norm(word: str) -> str:
    """A lower-case word as matchers compare it: Cyrillic words lose their case ending.

    >>> norm("москве"), norm("алтайского"), norm("суд"), norm("moscow")
    ('москв', 'алтайск', 'суд', 'moscow')
    """
    if len(word) < 4 or not "\u0400" <= word[0] <= "\u04ff":
        return word
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[:-len(end)]
    return word


@dataclass(frozen=True)
class Hit:
    """One match of a surface form: the value it stands for and its span in the text."""

    value: Any
    start: int
    end: int
    form: str


@dataclass(frozen=True)
class Tokens:
    """A text cut into normalised word tokens (computed once, shared by every matcher)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    text: str
    #: the tokens as written (before lower-casing and normalising), when kept
    runs: list[str] | None = field(default=None, compare=False, repr=False)
    #: the tokens lower-cased (before normalising), when kept
    lowered: list[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Tokens:
        words, starts, ends = [], [], []
        for m in TOKEN.finditer(text):
            words.append(norm(m.group().lower()))
            starts.append(m.start())
            ends.append(m.end())
        return cls(words, starts, ends, text)


class Matcher:
    """Finds the surface forms of a table in a text: longest match first, left to right.

    >>> m = Matcher({"moscow": "moscow", "москва": "moscow", "st petersburg": "spb"})
    >>> [(h.value, h.start, h.end) for h in m.find("From Moscow to St. Petersburg, в Москве.")]
    [('moscow', 5, 11), ('spb', 15, 29), ('moscow', 33, 39)]
    """

    def __init__(self, forms: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        items = forms.items() if isinstance(forms, Mapping) else forms
        self._exact: dict[tuple[str, ...], tuple[Any, str]] = {}
        self._stems: dict[tuple[str, ...], list[tuple[str, Any, str]]] = {}
        self._lengths: dict[str, list[int]] = {}
        for form, value in items:
            form = str(form).strip().lower()
            prefix = form.endswith("*")
            raw = tuple(TOKEN.findall(form.rstrip("*")))
            if not raw:
                continue
            words = tuple(norm(w) for w in raw[:-1]) + (raw[-1] if prefix else norm(raw[-1]),)
            if prefix:
                self._stems.setdefault(words[:-1], []).append((words[-1], value, form))
                head = words[0] if len(words) > 1 else "*" + words[0][:2]
            else:
                self._exact.setdefault(words, (value, form))
                head = words[0]
            lengths = self._lengths.setdefault(head, [])
            if len(words) not in lengths:
                lengths.append(len(words))
                lengths.sort(reverse=True)
        self._single_stems = sorted(self._stems.get((), []), key=lambda s: -len(s[0]))
        #: the normalised words a form can start with (a one-word form ending in ``*``
        #: aside: see :attr:`stem_prefixes`)
        self.first_words = frozenset(k for k in self._lengths if not k.startswith("*"))
        #: the first two letters of the one-word forms ending in ``*``
        self.stem_prefixes = frozenset(k[1:] for k in self._lengths if k.startswith("*"))
        # a form of two words or more starts with one of these pairs of words, or is a
        # two-word form ending in ``*`` whose first word is one of ``_stem_firsts``
        self._pairs = frozenset(k[:2] for k in (*self._exact, *self._stems) if len(k) >= 2)
        self._stem_firsts = frozenset(k[0] for k in self._stems if len(k) == 1)

    def __len__(self) -> int:
        return len(self._exact) + sum(len(v) for v in self._stems.values())

    def find(self, text: str | Tokens) -> list[Hit]:
        """Non-overlapping hits, longest first at each position, in text order."""
        toks = text if isinstance(text, Tokens) else Tokens.of(text)
        out: list[Hit] = []
        i, n = 0, len(toks.words)
        while i < n:
            hit = self.match_at(toks, i)
            if hit is None:
                i += 1
                continue
            size, value, form = hit
            out.append(Hit(value, toks.starts[i], toks.ends[i + size - 1], form))
            i += size
        return out

    def match_at(self, toks: Tokens, i: int) -> tuple[int, Any, str] | None:
        """The longest form that starts at token ``i``: its number of tokens, its value
        and the form, or None. Only a token of :attr:`first_words`, or one that starts
        with two letters of :attr:`stem_prefixes`, can start one."""
        words = toks.words
        word = words[i]
        n = len(words)
        sizes: list[int] | tuple[int, ...] = self._lengths.get(word, ())
        if sizes and sizes[0] > 1 and word not in self._stem_firsts and (
                i + 1 >= n or (word, words[i + 1]) not in self._pairs):
            sizes = _ONE if sizes[-1] == 1 else ()  # no longer form starts with these two
        stems = self._stems
        for size in sizes:  # the words first, then the gaps (which seldom fail)
            if i + size > n:
                continue
            key = tuple(words[i:i + size])
            found = self._exact.get(key)
            if found is None and stems:
                found = next(((value, form) for stem, value, form in stems.get(key[:-1], ())
                              if key[-1].startswith(stem)), None)
            if found is not None and (size == 1 or _joined(toks, i, size)):
                return size, found[0], found[1]
        if "*" + word[:2] in self._lengths:
            for stem, value, form in self._single_stems:
                if word.startswith(stem):
                    return 1, value, form
        return None


_ONE = (1,)


def _joined(toks: Tokens, i: int, size: int) -> bool:
    """True when the ``size`` tokens from ``i`` are separated only by short gaps."""
    text, ends, starts = toks.text, toks.ends, toks.starts
    for k in range(i, i + size - 1):
        gap_start, gap_end = ends[k], starts[k + 1]
        if gap_end - gap_start == 1 and text[gap_start] == " ":
            continue  # the common gap, one space, without a regex call
        if not _GAP.fullmatch(text, gap_start, gap_end):
            return False
    return True


@cache
def matcher(name: str, section: str | None = None, field: str = "forms") -> Matcher:
    """A cached :class:`Matcher` over a YAML table ``key → [forms]`` or ``key → {field: [...]}``.

    Each form stands for its entry's key; the key itself (``_`` read as a space) is a form.
    """
    table = load(name) if section is None else load(name)[section]
    pairs: list[tuple[str, Any]] = []
    for key, entry in table.items():
        found = entry if isinstance(entry, list) else (entry or {}).get(field) or []
        pairs.append((str(key).replace("_", " "), key))
        pairs.extend((str(f), key) for f in found)
    return Matcher(pairs)


def tokens(ctx_scratch: dict[str, Any], text: str) -> Tokens:
    """The :class:`Tokens` of ``text``, computed once per document (kept in ``scratch``)."""
    toks = ctx_scratch.get("lookups.tokens")
    if toks is None or toks.text is not text:
        toks = Tokens.of(text)
        ctx_scratch["lookups.tokens"] = toks
    return toks
