"""Sparse pair statistics agree with a brute-force count."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from repression_kg.analyse.pairs import Incidence, projection, statute_sharing, top_pairs


def brute(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    by_person: dict[str, set[str]] = {}
    for person, statute in pairs:
        by_person.setdefault(person, set()).add(statute)
    shared = {}
    for a, b in combinations(sorted(by_person), 2):
        n = len(by_person[a] & by_person[b])
        if n:
            shared[(a, b)] = n
    return shared


def random_pairs(seed: int, people: int = 300, statutes: int = 25) -> list[tuple[str, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for p in range(people):
        for s in rng.choice(statutes, size=int(rng.integers(1, 6)), replace=False):
            out.append((f"p{p:04d}", f"s{int(s):02d}"))
    out.append(("p0000", "s00"))  # a duplicate charge counts once
    return out


def test_top_pairs_match_brute_force() -> None:
    for seed in range(3):
        pairs = random_pairs(seed)
        expected = sorted(((a, b, n) for (a, b), n in brute(pairs).items()), key=lambda t: (-t[2], t[0], t[1]))[:50]
        assert top_pairs(Incidence.from_pairs(pairs), 50) == expected


@pytest.mark.parametrize("min_shared", [1, 2, 3, 4])
def test_projection_matches_brute_force(min_shared: int) -> None:
    """Thresholds above 1 take the prefix-filtering path; all must equal the brute force."""
    pairs = random_pairs(5, people=160, statutes=12)
    got = {(min(a, b), max(a, b)): n for a, b, n in projection(Incidence.from_pairs(pairs), min_shared=min_shared)}
    assert got == {k: v for k, v in brute(pairs).items() if v >= min_shared}


def test_statute_sharing_counts_pairs() -> None:
    inc = Incidence.from_pairs([("a", "x"), ("b", "x"), ("c", "x"), ("a", "y")])
    assert statute_sharing(inc) == [("x", 3, 3), ("y", 1, 0)]


def test_small_inputs() -> None:
    assert top_pairs(Incidence.from_pairs([("a", "x")]), 10) == []
    assert top_pairs(Incidence.from_pairs([("a", "x"), ("b", "y")]), 10) == []
