"""Clauses: a sentence cut at ";", ", and", ", but", " because " ... (used by events).

The separators of a sentence are found once and kept in the context's scratch space (the
separator words searched in its sentences are those the document has).
"""

from __future__ import annotations

import re

from repression_kg.extract.base import Context

# clause separators: punctuation (a charset first, so the scan is fast) and a few words
_PUNCT = re.compile(r"[;,](?:\s+(and|but|while|after|before|when|which|who|а|но)\b)?")
_SEPARATOR_WORDS = (" but ", " because ", " which means ", " so that ", " and then ",
                    " потому что ")
_CLAUSE_WORDS = re.compile(r"(?i:\b(?:but|because|which\s+means|so\s+that|and\s+then|"
                           r"потому\s+что)\b)")


def _separators(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Where a sentence splits into clauses: ";", ", and", ", but" ..., " but ", " because "."""
    seps = [m.span() for m in _PUNCT.finditer(ctx.text, start, end)
            if m.group() == ";" or m.group(1)]
    low = ctx.lowered()
    if low is None:
        return sorted(seps + [m.span() for m in _CLAUSE_WORDS.finditer(ctx.text, start, end)])
    for word in _words_in(ctx, low):
        i = low.find(word, start, end)
        while i >= 0:
            seps.append((i + 1, i + len(word) - 1))
            i = low.find(word, i + 1, end)
    return sorted(seps)


def _words_in(ctx: Context, low: str) -> list[str]:
    """The separator words that occur in the document (``low``), found once per document:
    the others need no search in its sentences."""
    cached: tuple[str, list[str]] | None = ctx.scratch.get("clauses.words")
    if cached is None or cached[0] is not low:
        cached = ctx.scratch["clauses.words"] = (low, [w for w in _SEPARATOR_WORDS if w in low])
    return cached[1]


def clause(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The clause of ``[start, end)``: its sentence cut at ";", ", and", "but" ..."""
    s_start, s_end = ctx.sentence_at(start)
    cache: dict[int, list[tuple[int, int]]] = ctx.scratch.setdefault("clauses", {})
    seps = cache.get(s_start)
    if seps is None:
        seps = _separators(ctx, s_start, s_end)
        cache[s_start] = seps
    c_start, c_end = s_start, s_end
    for sep_start, sep_end in seps:
        if sep_end <= start:
            c_start = sep_end
        elif sep_start >= end:
            c_end = sep_start
            break
    return c_start, c_end
