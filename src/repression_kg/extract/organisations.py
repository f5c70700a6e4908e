"""Extractor: organisations — NGOs, state agencies, media, armed units, banned groups.

Known organisations come from ontology/lookups/organisations.yml (English and Russian
forms, whole words; a match must start with a capital, and a short all-capital form such
as "FSB" must appear in capitals) with their kind as roles. Military units by number
("military unit 12345", "в/ч 12345") are armed units. Two roles are read from the text
only: ``employer`` where a sentence says someone worked or served there, and the
designations (``designated_terrorist``, ``designated_extremist``,
``designated_undesirable``, ``designated_foreign_agent``) where a sentence states the act
("the designation of X as a terrorist organisation", "признана экстремистской"): a
designation is a state's claim, never taken from reference data.
"""

from __future__ import annotations

import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context, find_literals
from repression_kg.facts import Organisation

_UNIT = re.compile(r"(?i)(?<!\w)(?:military unit|army unit|unit|в/ч|войсков\w{0,3} част\w{0,2}|"
                   r"воинск\w{0,3} част\w{0,2})\s?(?:No\.?\s?|№\s?)?(?P<num>\d{4,5})(?!\d)")


@cache
def _table() -> tuple[lookups.Matcher, dict[str, dict]]:
    data = {k: v for k, v in lookups.load("organisations")["organisations"].items() if v}
    pairs = [(str(f), (key, str(f))) for key, v in data.items()
             for f in {v["name"], *(v.get("forms") or [])}]
    return lookups.Matcher(pairs), data


@cache
def _designation_words() -> tuple[list[str], list[tuple[str, str]]]:
    spec = lookups.load("organisations")["designations"]
    verbs = [str(v).lower() for v in spec["verbs"]]
    kinds = [(str(w).lower(), role) for role, words in spec.items() if role != "verbs"
             for w in words]
    return verbs, kinds


def extract_organisations(ctx: Context) -> None:
    matcher, table = _table()
    found: dict[str, Organisation] = {}
    for hit in matcher.find(lookups.tokens(ctx.scratch, ctx.text)):
        key, form = hit.value
        surface = ctx.text[hit.start:hit.end]
        if not _cased(surface, form):
            continue
        entry = table[key]
        org = found.get(key)
        if org is None:
            org = found[key] = Organisation(id=f"o{len(found) + 1}", name=str(entry["name"]),
                                            roles=[str(r) for r in entry.get("roles") or []])
        org.mentions.append(ctx.span(hit.start, hit.end))
    if "unit" in (ctx.lowered() or "") or "част" in (ctx.lowered() or "") or "в/ч" in ctx.text:
        for m in _UNIT.finditer(ctx.text):
            key = f"unit:{m.group('num')}"
            org = found.get(key)
            if org is None:
                org = found[key] = Organisation(id=f"o{len(found) + 1}",
                                                name=f"Military unit {m.group('num')}",
                                                roles=["armed_unit"])
            org.mentions.append(ctx.span(m.start(), m.end()))
    for org in found.values():
        _text_roles(ctx, org)
    ctx.facts.organisations.extend(sorted(found.values(), key=lambda o: o.mentions[0].start))


def _cased(surface: str, form: str) -> bool:
    """Proper names start with a capital; short acronyms must be written as acronyms."""
    letters = form.replace(".", "").replace("-", "")
    if letters.isupper() and len(letters) <= 5:
        return surface.replace(".", "").replace("-", "") == letters
    return surface[:1].isupper() or surface[:1] in "«\"“"


def _text_roles(ctx: Context, org: Organisation) -> None:
    verbs, kinds = _designation_words()
    employer = [str(c).lower() for c in lookups.load("organisations")["employer_cues"]]
    roles = set(org.roles)
    for mention in org.mentions:
        s_start, s_end = ctx.sentence_at(mention.start)
        sent = ctx.text[s_start:s_end].lower()
        rel = mention.start - s_start
        near = sent[max(0, rel - 80):rel + len(mention.text) + 80]
        if find_literals(near, verbs):
            for word, role in kinds:
                if word in near and not _negated(near, word):
                    roles.add(role)
        before = sent[max(0, rel - 120):rel]
        if find_literals(before, employer):
            roles.add("employer")
    org.roles = [*org.roles, *sorted(roles - set(org.roles))]


def _negated(near: str, word: str) -> bool:
    """"not a terrorist organisation" argues against the label; it designates nothing."""
    i = near.find(word)
    return i >= 0 and bool(re.search(r"(?:\bnot an?|\bне)\s$", near[max(0, i - 8):i]))
