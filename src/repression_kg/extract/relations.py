"""Extractor: relations — spouse, child, parent, relative, lawyer_of, co_defendant,
co_signatory, member_of and employee_of.

Cues are data (ontology/lookups/relations.yml). Kinship and lawyers: a possessive and a
cue word right before a named person ("his wife, Anna Orlova", "Petrov's lawyer Yana
Belova", "его жена Анна") or right after one ("Anna Orlova, his wife"); "his"/"her" is
the nearest person of that gender named before it, else the main person. Co-defendants:
two or more defendants named in one sentence with a cue ("co-defendant", "tried together")
or as the joint subject of a sentencing verb ("Ivanov and Petrov were sentenced").
Co-signatories: the authors named in the sentences of one open letter. Organisations:
a person and an organisation (from the organisations extractor) joined by "a member of",
"worked for" ... in one sentence. Every relation carries the span of its evidence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from repression_kg import lookups
from repression_kg.extract.base import Context, PersonMention
from repression_kg.extract.prescan import lowered
from repression_kg.facts import Relation, RelationType, Span

_POSSESSOR = r"(?:(?P<pron>his|her|its|their|его|её|ее)|(?P<owner>[^\W\d_][\w’'-]*?)['’]s?)"
_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+|\s*&\s*)\s*")
_PROSECUTED = re.compile(r"(?i:\b(?:sentenced|convicted|charged|tried|indicted|found\s+guilty|"
                         r"приговор\w*|осужд\w*|обвин\w*)\b)")
_REPRESENTED_BY = re.compile(
    r"(?i:,?\s*(?:who\s+)?(?:is\s+|was\s+|has\s+been\s+)?(?:represented|defended)\s+by\s+"
    r"(?:(?:his|her|their|the)\s+)?(?:(?:defence|defense)\s+)?(?:lawyer|attorney|counsel)?,?\s*)")
#: what must follow a name that a "who represents ..." cue comes after
_COMMA = re.compile(r"\s*,")
_NOT_SIGNERS = frozenset({"lawyer", "judge", "official"})
_GENDER = {"his": "m", "его": "m", "her": "f", "её": "f", "ее": "f"}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _kin() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, RelationType]]:
    """Possessive + kinship/lawyer word right before a name, and right after one; the group
    that matched names the relation."""
    data = lookups.load("relations")
    groups: list[tuple[RelationType, list[str]]] = [
        *data["kinship"].items(), ("lawyer_of", data["lawyer"])]
    names = {f"k{n}": rel for n, (rel, _) in enumerate(groups)}
    alt = "|".join(f"(?P<k{n}>{_alt(words)})" for n, (_, words) in enumerate(groups))
    before = re.compile(rf"(?i:(?<![\w-]){_POSSESSOR}\s+(?:(?:late|former|ex-|own|common-law)\s+)?"
                        rf"(?:{alt}))[\s,:]*$")
    after = re.compile(rf"\s*,\s*(?i:{_POSSESSOR}\s+(?:(?:late|former|own)\s+)?(?:{alt}))\b")
    return before, after, names


@cache
def _kin_words() -> tuple[str, ...]:
    """The words of :func:`_kin` in lower case, but for a ``[\\s,:]`` they end with: a
    possessive before a name ends with one, or with one and such characters."""
    data = lookups.load("relations")
    return tuple(sorted({re.sub(r"[\s,:]+\Z", "", str(w).lower())
                         for words in (*data["kinship"].values(), data["lawyer"])
                         for w in words}))


def _may_end_with_kin(text: str, low: str | None, start: int, end: int) -> bool:
    """False when ``text[start:end]`` cannot match the "before" pattern of :func:`_kin`
    (a 50-character window the engine would try at every offset): its end, but for
    ``[\\s,:]``, is none of :func:`_kin_words`. ``low`` is the lower-cased text as
    :func:`~repression_kg.extract.prescan.lowered` gives it, which compares exactly as
    ignoring case does; None: no test."""
    if low is None:
        return True
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:"):
        end -= 1
    return low.endswith(_kin_words(), start, end)


@cache
def _cue(key: str) -> re.Pattern[str]:
    words = lookups.load("relations")[key]
    return re.compile(rf"(?i:(?<![\w-])(?:{_alt(words)})(?![\w-]))")


@cache
def _sentencing() -> re.Pattern[str]:
    return re.compile(r"(?i:\b(?:were|have\s+been|had\s+been|are)\s+(?:all\s+|both\s+|jointly\s+)?"
                      r"(?:sentenced|convicted|charged|tried|found\s+guilty)"
                      r"|\b(?:приговорены|осуждены|обвиняются)\b)")


def _order(local_id: str) -> tuple[str, int]:
    """p2 before p10."""
    digits = local_id.lstrip("abcdefghijklmnopqrstuvwxyz")
    return local_id[: len(local_id) - len(digits)], int(digits) if digits.isdigit() else 0


class _Out:
    """Collects relations, merging the evidence of repeated ones."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.found: dict[tuple[str, str, str], Relation] = {}

    def add(self, subject: str, rel: RelationType, obj: str, spans: list[Span]) -> None:
        if subject == obj:
            return
        if rel in ("spouse", "co_defendant", "co_signatory") and _order(obj) < _order(subject):
            subject, obj = obj, subject
        key = (subject, rel, obj)
        if key in self.found:
            merged = set(self.found[key].mentions) | set(spans)
            self.found[key].mentions = sorted(merged)
        else:
            self.found[key] = Relation(subject=subject, type=rel, object=obj,
                                       mentions=sorted(set(spans)))


def _possessor(ctx: Context, match: re.Match[str], pos: int, named: str) -> str | None:
    """The person a possessive in ``match`` points to ("his" or "Petrov's")."""
    owner = match.group("owner")
    if owner:
        owners = {m.person for m in ctx.mentions_in(max(0, pos - 3000), pos)
                  if m.end <= pos and m.person != named
                  and ctx.text[m.start:m.end].endswith(owner)}
        if len(owners) == 1:
            return owners.pop()
        return ctx.main_person if ctx.main_person in owners else None
    gender = _GENDER.get((match.group("pron") or "").lower())
    if gender is None:
        return None
    s_start, _ = ctx.sentence_at(pos)
    b_start, _ = ctx.block_at(pos)
    candidates = [m.person for m in reversed(ctx.mentions_in(min(s_start, b_start), pos))
                  if m.end <= pos]
    if ctx.main_person:
        candidates.append(ctx.main_person)
    relatives = {p.id for p in ctx.facts.persons if "relative" in p.roles}
    fits = [pid for pid in candidates
            if pid != named and ctx.genders.get(pid) in (None, gender)]
    # "his son X and his mother Y": both belong to the person the text is about
    return next((pid for pid in fits if pid not in relatives), fits[0] if fits else None)


def _kinship(ctx: Context, out: _Out) -> None:
    text = ctx.text
    low = lowered(ctx)
    pat_before, pat_after, names = _kin()
    for mention in ctx.person_mentions:
        base = max(0, mention.start - 50)
        before = pat_before.search(text[base:mention.start]) \
            if _may_end_with_kin(text, low, base, mention.start) else None
        for match in (before,
                      pat_after.match(text, mention.end, min(len(text), mention.end + 60))):
            if match is None or match.lastgroup is None:
                continue
            offset = base if match.re is pat_before else 0
            rel = names[[g for g in names if match.group(g)][0]]
            anchor = _possessor(ctx, match, offset + match.start(), mention.person)
            if anchor is None:
                continue
            spans = [ctx.span(offset + match.start(), offset + match.end()),
                     ctx.span(mention.start, mention.end)]
            if rel == "spouse":
                out.add(anchor, rel, mention.person, spans)
            else:
                out.add(mention.person, rel, anchor, spans)
        _represents(ctx, out, mention)
        _represented_by(ctx, out, mention)


def _represents(ctx: Context, out: _Out, mention: PersonMention) -> None:
    """"Yana Belova, who represents him" / "lawyer Yana Belova, defending Petrov"."""
    text = ctx.text
    window_end = min(len(text), mention.end + 40)
    if not _COMMA.match(text, mention.end, window_end):
        return  # (the test below would fail for every cue)
    cue = _cue("represents").search(text, mention.end, window_end)
    if cue is None or not re.fullmatch(r"\s*,\s*", text[mention.end:cue.start()]):
        return
    _, s_end = ctx.sentence_at(mention.start)
    later = ctx.mentions_in(cue.end(), min(s_end, cue.end() + 30))
    client: str | None
    if later:
        client = later[0].person
    else:
        pron = re.match(r"\s+(him|her)\b", text[cue.end():cue.end() + 6])
        if pron is None:
            return
        client = _client_by_pronoun(ctx, mention, pron.group(1))
    if client:
        out.add(mention.person, "lawyer_of", client,
                [ctx.span(mention.start, mention.end), ctx.span(cue.start(), cue.end())])


def _represented_by(ctx: Context, out: _Out, mention: PersonMention) -> None:
    """"Ivan Petrov, represented by lawyer Yana Belova" / "защищает адвокат Яна Белова"."""
    text = ctx.text
    cue = _REPRESENTED_BY.match(text, mention.end, min(len(text), mention.end + 70))
    if cue is None:
        return
    lawyer = [m for m in ctx.mentions_in(cue.end(), cue.end() + 1) if m.start == cue.end()]
    if lawyer and lawyer[0].person != mention.person:
        out.add(lawyer[0].person, "lawyer_of", mention.person,
                [ctx.span(mention.start, mention.end), ctx.span(cue.start(), cue.end()),
                 ctx.span(lawyer[0].start, lawyer[0].end)])


def _client_by_pronoun(ctx: Context, lawyer: PersonMention, pronoun: str) -> str | None:
    gender = "m" if pronoun == "him" else "f"
    before = [m.person for m in ctx.mentions_in(0, lawyer.start)[-3:] if m.end <= lawyer.start]
    candidates = [*reversed(before), *([ctx.main_person] if ctx.main_person else [])]
    for pid in candidates:
        if pid != lawyer.person and ctx.genders.get(pid) in (None, gender):
            return pid
    return None


def _sentence_groups(ctx: Context) -> list[tuple[tuple[int, int], list[PersonMention]]]:
    groups: dict[tuple[int, int], list[PersonMention]] = {}
    for m in ctx.person_mentions:
        groups.setdefault(ctx.sentence_at(m.start), []).append(m)
    return list(groups.items())


def _co_defendants(ctx: Context, out: _Out) -> None:
    persons = {p.id: p for p in ctx.facts.persons}
    text = ctx.text
    for (s_start, s_end), mentions in _sentence_groups(ctx):
        ids = list(dict.fromkeys(m.person for m in mentions
                                 if "defendant" in persons[m.person].roles))
        if len(ids) < 2:
            continue
        cue = _cue("co_defendant").search(text, s_start, s_end)
        if cue is None and _PROSECUTED.search(text, s_start, s_end):
            cue = _cue("co_defendant_weak").search(text, s_start, s_end)
        if cue is None:
            verb = _sentencing().search(text, s_start, s_end)
            joint = _joint_subject(text, [m for m in mentions if verb and m.end <= verb.start()])
            if verb is None or len(joint) < 2:
                continue
            ids, cue = joint, verb
        sentence = ctx.span(s_start, s_end)
        for a, b in itertools.combinations(ids, 2):
            out.add(a, "co_defendant", b, [ctx.span(cue.start(), cue.end()), sentence])


def _joint_subject(text: str, mentions: list[PersonMention]) -> list[str]:
    """Persons named as one coordinated list ending right before the verb."""
    if not mentions:
        return []
    chain = [mentions[-1]]
    for prev in reversed(mentions[:-1]):
        if not _JOINT.fullmatch(text, prev.end, chain[-1].start):
            break
        chain.append(prev)
    return list(dict.fromkeys(m.person for m in reversed(chain)))


def _co_signatories(ctx: Context, out: _Out) -> None:
    letters = [e for e in ctx.facts.events if e.type == "letter"]
    persons = {p.id: p for p in ctx.facts.persons}
    for letter in letters:
        sentences = {ctx.sentence_at(m.start) for m in letter.mentions}
        signers: list[str] = []
        spans: list[Span] = []
        for s_start, s_end in sorted(sentences):
            here = [m.person for m in ctx.mentions_in(s_start, s_end)
                    if "author" in persons[m.person].roles
                    and not _NOT_SIGNERS & set(persons[m.person].roles)]
            if here:
                signers.extend(here)
                spans.append(ctx.span(s_start, s_end))
        for a, b in itertools.combinations(list(dict.fromkeys(signers)), 2):
            out.add(a, "co_signatory", b, spans)


def _organisations(ctx: Context, out: _Out) -> None:
    """A person and the first organisation named after them, within 150 characters in
    their sentence, with no other person between, joined by a cue."""
    text = ctx.text
    org_mentions = sorted((m.start, m.end, o.id) for o in ctx.facts.organisations
                          for m in o.mentions)
    if not org_mentions:
        return
    org_starts = [o[0] for o in org_mentions]
    for mention in ctx.person_mentions:
        k = bisect.bisect_left(org_starts, mention.end)
        if k == len(org_mentions) or org_starts[k] - mention.end > 150:
            continue
        o_start, o_end, oid = org_mentions[k]
        if o_start >= ctx.sentence_at(mention.start)[1]:
            continue
        between = (mention.end, o_start)
        if ctx.mentions_in(*between):
            continue
        for rel, key in (("member_of", "member_of"), ("employee_of", "employee_of")):
            cue = _cue(key).search(text, *between)
            if cue is not None:
                out.add(mention.person, rel, oid,  # type: ignore[arg-type]
                        [ctx.span(mention.start, mention.end),
                         ctx.span(cue.start(), cue.end()), ctx.span(o_start, o_end)])
                break


def extract_relations(ctx: Context) -> None:
    """Fill ``ctx.facts.relations``."""
    if not ctx.person_mentions:
        return
    out = _Out(ctx)
    _kinship(ctx, out)
    _co_defendants(ctx, out)
    _co_signatories(ctx, out)
    _organisations(ctx, out)
    ctx.facts.relations.extend(out.found.values())
