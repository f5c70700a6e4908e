"""PrescanGroup: matches found from the group's one pass are exactly those of each member
searched on its own, and of ``finditer_in_sentences``."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.test_prescan import PATTERNS, WORDS

from repression_kg.extract import charges, events, gazetteer, prescan, scan_groups
from repression_kg.extract.base import Context, finditer_in_sentences
from repression_kg.extract.prescan import Prescan, Vocabulary, foldable
from repression_kg.extract.prescan_group import (
    PrescanGroup,
    _after_non_word,
    _offsets,
    _TokenStarts,
    _trie,
)
from repression_kg.facts import Document, DocumentFacts

#: every pattern the prescan tests know, one group (members with and without a
#: look-behind, and some that are searched on their own)
GROUP = PrescanGroup([Prescan(p) for p in PATTERNS])
TEXTS = st.lists(st.sampled_from([*WORDS, ". ", ".\n", "; he", "A", "Б"]), max_size=40).map(
    " ".join)


def _low(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) and not foldable(low) else None


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(0, 400), max_size=6))
def test_group_finds_what_each_prescan_finds(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b][::2]
    low = _low(text)
    for k, scan in enumerate(GROUP.scans):
        got = [m.span() for m in GROUP.finditer_in(k, text, low, spans)]
        want = [m.span() for s, e in spans for m in scan.pattern.finditer(text, s, e)]
        assert got == want, (scan.pattern.pattern, text, spans)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.lists(st.integers(0, 400), max_size=8))
def test_in_sentences_is_finditer_in_sentences(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    sentences = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b][::2]
    doc = Document.from_text("t", text)
    group = events._cue_group()
    for k, (_kind, stems, pattern) in enumerate(events._cues()):
        ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()), sentences=sentences)
        got = [m.span() for m in group.in_sentences(ctx, k, stems)]
        ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()), sentences=sentences)
        want = [m.span() for m in finditer_in_sentences(ctx, pattern, stems)]
        assert got == want, (pattern.pattern, text, sentences)


def test_look_behind_members() -> None:
    assert all(_after_non_word(p) for _k, _s, p in events._cues())
    assert all(_after_non_word(scan.pattern) for scan, *_ in charges._descriptions())
    for source in (r"was", r"(?<!x)was", r"(?<![^\w])was", r"(?a)(?<!\w)was", r"(?<=\W)was"):
        assert not _after_non_word(re.compile(source))
    assert _after_non_word(re.compile(r"(?:(?<!\w)a|(?<![\w-])b)"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "detained", "arrested", "extremism", "treason",
                                 "appealed", "(", "-"]), max_size=40).map(" ".join))
def test_joint_group_members_find_what_their_own_group_finds(text: str) -> None:
    low = _low(text)
    if low is None:
        return
    joint, first = scan_groups.cues_and_descriptions()
    cues = PrescanGroup([Prescan(p) for _k, _s, p in events._cues()])
    descriptions = PrescanGroup([scan for scan, *_ in charges._descriptions()])
    # the same offsets; how often one repeats at the very end of the text depends on the
    # lengths of the group's starts, and a repeat is tried once (see prescan.matches_at)
    assert _unique(joint.offsets(low)) == _unique(cues.offsets(low) + descriptions.offsets(low))
    assert len(cues.scans) == first


def _unique(offsets: list[list[int]]) -> list[list[int]]:
    return [sorted(set(member)) for member in offsets]


def _plain_offsets(pattern: re.Pattern[str], low: str) -> list[int]:
    out, m = [], pattern.search(low)
    while m is not None:
        out.append(m.start())
        m = pattern.search(low, m.start() + 1)
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab -.é1_\n(", max_size=30),
       st.lists(st.text(alphabet="ab -(", min_size=1, max_size=3), min_size=1, max_size=5))
def test_starts_after_a_non_word_character_are_those_of_the_look_behind(
        low: str, starts: list[str]) -> None:
    trie = _trie(sorted(set(starts)))
    for got, plain in ((_offsets(re.compile(rf"\W({trie})"), re.compile(trie), low),
                        re.compile(rf"(?<!\w){trie}")),
                       (_offsets(re.compile(trie), None, low), re.compile(trie))):
        assert [i for i, _ in got] == _plain_offsets(plain, low)
        for i, start in got:  # the longest start there
            assert start == max((s for s in starts if low.startswith(s, i)), key=len)


def _plain_group_offsets(group: PrescanGroup, low: str) -> list[list[int]]:
    """``PrescanGroup.offsets`` as it was: the look-behind trie searched from each offset
    found plus one, and every size of start looked up at each."""
    found: list[list[int]] = [[] for _ in group.scans]
    for (_finder, owners, lengths), head in zip(group._finders, group._heads, strict=True):
        trie = _trie(sorted(owners))
        pattern = re.compile(("(?<!\\w)" if head is not None else "") + trie)
        for i in _plain_offsets(pattern, low):
            for size in lengths:
                for k in owners.get(low[i:i + size], ()):
                    found[k].append(i)
    return found


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["", "de", "appeal", "-", " ", "(a", " evad", "(ложн"]))
def test_offsets_are_those_of_the_look_behind_loop(text: str, tail: str) -> None:
    low = _low(text + tail)
    if low is None:
        return
    for group in (GROUP, scan_groups.cues_and_descriptions()[0]):
        group._cached = None
        assert group.offsets(low) == _plain_group_offsets(group, low)


def test_lower_casing_keeps_word_and_token_characters() -> None:
    """What reading starts from the tokens of the lower-cased text rests on: a character
    lower-cased to one character is a word (token) character exactly when it was."""
    word, token = re.compile(r"\w"), re.compile(r"[^\W_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if len(low) == 1:
            assert (word.match(char) is None) == (word.match(low) is None), hex(code)
            assert (token.match(char) is None) == (token.match(low) is None), hex(code)


def _vocabulary(text: str) -> tuple[str, Vocabulary] | None:
    """The lower-cased text and its tokens, as :func:`prescan.lowered` pairs them."""
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:
        return None
    toks = gazetteer.tokens_of(text)
    assert toks.lowered is not None
    return low, Vocabulary(toks, toks.lowered)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="abAB -.é1_\n(\"Σ", max_size=30),
       st.lists(st.tuples(st.sampled_from("aab1ab_("), st.text(alphabet="ab -_(\"1", max_size=3))
                .map("".join), min_size=1, max_size=6))
def test_starts_read_from_tokens_are_those_searched(text: str, starts: list[str]) -> None:
    pair = _vocabulary(text)
    if pair is None:
        return
    low, words = pair
    tokens = _TokenStarts.of(starts)
    if tokens is None:
        assert any(re.match(r"[^\W_]", s) is None for s in starts)
        return
    trie = _trie(sorted(set(starts)))
    for _ in range(2):  # the words looked up, then known
        assert tokens.offsets(low, words) == _offsets(re.compile(rf"\W({trie})"),
                                                      re.compile(trie), low)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["", "de", "appeal", "-", " ", "(a", " evad", "(ложн", "_was",
                               "a_a search", "Σ was"]))
def test_offsets_from_tokens_are_those_of_the_look_behind_loop(text: str, tail: str) -> None:
    doc = Document.from_text("t", text + tail)
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    gazetteer.tokens(ctx.scratch, ctx.text)
    low = prescan.lowered(ctx)
    if low is None:
        return
    assert (prescan.vocabulary(low) is None) == ("\u03a3" in ctx.text)
    for group in (GROUP, scan_groups.cues_and_descriptions()[0]):
        group._cached = None
        assert group.offsets(low) == _plain_group_offsets(group, low)
