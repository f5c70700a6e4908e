"""Latin forms of Russian names and the keys names are compared by: transliteration
(iuliia, every scheme of :data:`SCHEMES`), the given-name variants and spelling rules of
ontology/lookups/name-variants.yml. Re-exported by :mod:`repression_kg.extract.russian`.

>>> transliterate("Жилин Михаил Алексеевич")
'Zhilin Mikhail Alekseevich'
>>> name_key("Dmitri Kovalenko") == name_key("Dmitriy Kovalenko")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import iuliia

from repression_kg import lookups

CYRILLIC = re.compile(r"[\u0400-\u04FF]")

#: transliteration schemes used for name variants; the first gives the displayed name
SCHEMES = (iuliia.WIKIPEDIA, iuliia.BGN_PCGN, iuliia.MVD_310, iuliia.ICAO_DOC_9303)


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` has a Cyrillic letter."""
    return bool(CYRILLIC.search(text))


@lru_cache(maxsize=4096)
def transliterate(name: str, scheme: str = "wikipedia") -> str:
    """Latin form of a Cyrillic name (Wikipedia scheme by default; order kept).

    >>> transliterate("Козырева Дарья")
    'Kozyreva Darya'
    """
    if not is_cyrillic(name):
        return name
    chosen = {"wikipedia": iuliia.WIKIPEDIA, "bgn": iuliia.BGN_PCGN, "mvd": iuliia.MVD_310,
              "icao": iuliia.ICAO_DOC_9303}[scheme]
    return str(chosen.translate(name))


def latin_variants(name: str) -> set[str]:
    """Latin spellings of a name: every scheme in :data:`SCHEMES` for Cyrillic input, plus the
    given-name variants of name-variants.yml (Dmitry → Dmitri, Dmitriy …).

    >>> sorted(latin_variants("Дмитрий"))[:3]
    ['Dmitri', 'Dmitrii', 'Dmitrij']
    """
    bases = {name} if not is_cyrillic(name) else {
        _fold_apostrophes(str(s.translate(name))) for s in SCHEMES}
    out = set(bases)
    variants = _variant_groups()
    for base in bases:
        words = base.split()
        for i, word in enumerate(words):
            group = variants.get(word.lower())
            if group:
                for alt in group:
                    out.add(" ".join([*words[:i], alt, *words[i + 1:]]))
    return out


def _fold_apostrophes(text: str) -> str:
    return re.sub(r"[’'ʹ]", "", text).replace("ё", "e").replace("Ё", "E")


@cache
def _variant_groups() -> dict[str, tuple[str, ...]]:
    data = lookups.load("name-variants") or {}
    out: dict[str, tuple[str, ...]] = {}
    for group in data.get("groups", []):
        for spelled in group:
            out[str(spelled).lower()] = tuple(str(g) for g in group)
    return out


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = lookups.load("name-variants") or {}
    return tuple((re.compile(p), r) for p, r in data.get("rules", []))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=8192)
def token_key(token: str) -> str:
    """Comparison key of one name word: its variant group's first member, else spelling rules.

    >>> token_key("Shakurskiy") == token_key("Shakursky")
    True
    """
    if is_cyrillic(token):
        token = transliterate(token)
    group = _variant_groups().get(token.lower())
    word = group[0].lower() if group else _fold(token)
    for pattern, repl in _rules():
        word = pattern.sub(repl, word)
    return word


def name_key(name: str) -> str:
    """Order-sensitive comparison key of a Latin or Cyrillic name (patronymics kept).

    Gender stays in the key: Kozyrev and Kozyreva differ.
    """
    return " ".join(token_key(t) for t in re.split(r"[\s\-]+", name.strip()) if t)
