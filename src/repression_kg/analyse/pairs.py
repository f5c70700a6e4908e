"""Global pair statistics with sparse matrices: who shares the most statutes with whom.

The all-pairs question is quadratic as a SPARQL self-join. Here the person-statute
incidence is a sparse 0/1 matrix ``A`` (people x statutes) and ``A @ A.T`` counts the shared
statutes of every pair. For the top ``k`` pairs only people with at least ``t`` statutes can
be in a pair sharing ``t``, so the product is taken over those people for a falling ``t``
until ``k`` pairs sharing at least ``t`` are found: every pair above that threshold lies
inside the subset, so the answer is exact while the product stays small. Pairs sharing at
least ``t`` are found by prefix filtering (as in set-similarity joins): with statutes
ordered rarest first, two sets sharing ``t`` statutes share one of their first
``len - t + 1``, so only pairs meeting in those prefixes are candidates, and their exact
overlap is counted row by row.

>>> inc = Incidence.from_pairs([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "x")])
>>> top_pairs(inc, 2)
[('a', 'b', 2), ('a', 'c', 1)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass
class Incidence:
    """People x statutes, 0/1, with the labels of rows and columns."""

    people: list[str]
    statutes: list[str]
    matrix: sparse.csr_matrix

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Incidence:
        people: dict[str, int] = {}
        statutes: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for person, statute in pairs:
            rows.append(people.setdefault(person, len(people)))
            cols.append(statutes.setdefault(statute, len(statutes)))
        return cls.from_indices(list(people), list(statutes), np.asarray(rows, dtype=np.int64),
                                np.asarray(cols, dtype=np.int64))

    @classmethod
    def from_indices(cls, people: list[str], statutes: list[str], rows: np.ndarray, cols: np.ndarray) -> Incidence:
        data = np.ones(len(rows), dtype=np.int32)
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(people), len(statutes)))
        matrix.data[:] = 1  # duplicates summed by the constructor count once
        return cls(people, statutes, matrix)


def _prefixes(sub: sparse.csr_matrix, threshold: int) -> sparse.csr_matrix:
    """Each row's ``degree - threshold + 1`` rarest statutes (prefix filtering: two sets
    sharing at least ``threshold`` statutes share one of their prefix statutes)."""
    rank = np.empty(sub.shape[1], dtype=np.int64)
    rank[np.argsort(np.asarray(sub.sum(axis=0)).ravel(), kind="stable")] = np.arange(sub.shape[1])
    rows = np.repeat(np.arange(sub.shape[0]), np.diff(sub.indptr))
    order = np.lexsort((rank[sub.indices], rows))  # by row, rarest statute first
    position = np.arange(len(order)) - sub.indptr[rows[order]]
    keep = position < (np.diff(sub.indptr)[rows[order]] - threshold + 1)
    chosen = order[keep]
    data = np.ones(len(chosen), dtype=np.int32)
    return sparse.csr_matrix((data, (rows[chosen], sub.indices[chosen])), shape=sub.shape)


def _pairs_at_least(sub: sparse.csr_matrix, threshold: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if threshold <= 1:
        product = sparse.triu(sub @ sub.T, k=1).tocoo()
        keep = product.data >= threshold
        return product.row[keep], product.col[keep], product.data[keep]
    prefix = _prefixes(sub, threshold)
    candidates = sparse.triu(prefix @ prefix.T, k=1).tocoo()
    rows, cols = candidates.row, candidates.col
    shared = np.empty(len(rows), dtype=np.int64)
    for start in range(0, len(rows), 1_000_000):  # exact overlaps, a million candidates at a time
        end = start + 1_000_000
        shared[start:end] = np.asarray(sub[rows[start:end]].multiply(sub[cols[start:end]]).sum(axis=1)).ravel()
    keep = shared >= threshold
    return rows[keep], cols[keep], shared[keep]


def top_pairs(incidence: Incidence, k: int = 100) -> list[tuple[str, str, int]]:
    """The ``k`` pairs sharing most statutes: (person_a, person_b, shared), ties by label."""
    matrix = incidence.matrix
    if matrix.shape[0] < 2 or k <= 0:
        return []
    degree = np.asarray(matrix.sum(axis=1)).ravel()
    threshold = int(degree.max())
    while True:
        subset = np.flatnonzero(degree >= threshold)
        rows, cols, shared = _pairs_at_least(matrix[subset], threshold)
        if len(shared) >= k or threshold <= 1:
            break
        threshold = max(1, threshold // 2)
    labels = np.asarray(incidence.people, dtype=object)
    a, b = labels[subset[rows]], labels[subset[cols]]
    swap = a > b
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    order = np.lexsort((b, a, -shared))[:k]
    return [(str(a[i]), str(b[i]), int(shared[i])) for i in order]


def projection(incidence: Incidence, *, min_shared: int = 1) -> list[tuple[str, str, int]]:
    """Every pair sharing at least ``min_shared`` statutes (the weighted person-person edges)."""
    degree = np.asarray(incidence.matrix.sum(axis=1)).ravel()
    subset = np.flatnonzero(degree >= min_shared)  # nobody with fewer statutes can share that many
    rows, cols, shared = _pairs_at_least(incidence.matrix[subset], min_shared)
    people = incidence.people
    return [(people[subset[r]], people[subset[c]], int(w))
            for r, c, w in zip(rows.tolist(), cols.tolist(), shared.tolist(), strict=True)]


def statute_sharing(incidence: Incidence) -> list[tuple[str, int, int]]:
    """Per statute: (statute, people, pairs of people sharing it), most pairs first."""
    counts = np.asarray(incidence.matrix.sum(axis=0)).ravel().astype(np.int64)
    pairs = counts * (counts - 1) // 2
    order = np.lexsort((np.asarray(incidence.statutes, dtype=object), -pairs))
    return [(incidence.statutes[i], int(counts[i]), int(pairs[i])) for i in order]
