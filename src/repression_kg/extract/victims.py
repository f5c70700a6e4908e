"""Victims: persons the text names only as the object of a crime ("the murder of Sergei
and Olga Gorin", "the attempts on the lives of Mr. Kolesov and Ms. Kostina", "three
further murders, among them that of Vladimir Petukhov").

They are never the subject of a charge, sentence or event, nor a defendant: a person all
of whose mentions stand right after such a phrase (or after another victim, joined by
"and") is a victim. One mention elsewhere ("Kolesov testified") is enough not to be.

>>> bool(VICTIM_BEFORE.search("organising the murder of Sergei and "))
True
>>> bool(VICTIM_BEFORE.search("three further murders, among them that of "))
True
>>> bool(VICTIM_BEFORE.search("the murder trial of "))
False
"""

from __future__ import annotations

import re

from repression_kg.extract.base import Context

#: the words right before a victim's name (searched at the end of a window before it)
VICTIM_BEFORE = re.compile(
    r"(?i:\b(?:(?:attempted\s+)?murders?|killings?|assassinations?|"
    r"attempts?\s+on\s+(?:the\s+)?li(?:fe|ves)|(?:attacks?|assaults?)\s+on|"
    r"убийств\w*|покушени\w+\s+на)"
    r"(?:\s+of)?(?:,?\s+(?:among\s+them|including)\s+(?:that|those)\s+of)?\s+"
    r"(?:(?:mr|ms|mrs|dr)\.?\s+)?)"
    r"(?:[A-ZА-ЯЁ][\w-]+\s+(?:and|и)\s+)?$")
#: what joins a victim to the next one ("Mr. Kolesov and Ms. Kostina")
_JOINED = re.compile(r"(?i:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+)(?:(?:mr|ms|mrs|dr)\.?\s+)?)")
#: the stems a text about a crime against someone holds (most texts hold none)
_STEMS = ("murder", "killing", "assassinat", "attempt", "attack", "assault", "убийств",
          "покушени")


def victims(ctx: Context) -> frozenset[str]:
    """Ids of the persons the text names only as victims (computed once per document)."""
    cached = ctx.scratch.get("victims")
    if cached is not None and cached[0] == len(ctx.person_mentions):
        return cached[1]
    found = _victims(ctx)
    ctx.scratch["victims"] = (len(ctx.person_mentions), found)
    return found


def _victims(ctx: Context) -> frozenset[str]:
    text, mentions = ctx.text, ctx.person_mentions
    low = ctx.lowered() or text.lower()
    if not mentions or not any(stem in low for stem in _STEMS):
        return frozenset()
    as_victim: set[int] = set()
    for i, m in enumerate(mentions):
        if VICTIM_BEFORE.search(text, max(0, m.start - 90), m.start) or (
                i - 1 in as_victim and _JOINED.fullmatch(text, mentions[i - 1].end, m.start)):
            as_victim.add(i)
    if not as_victim:
        return frozenset()
    other = {m.person for i, m in enumerate(mentions) if i not in as_victim}
    return frozenset(mentions[i].person for i in as_victim) - other
