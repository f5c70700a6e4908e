"""Top-100 pairs of people sharing the most statutes, by sparse matrices, on synthetic cases.

Synthetic incidence: each case has 1-3 defendants, each charged under 1-4 articles drawn from
a skewed (Zipf-like) distribution over 60 articles, as in real political cases where a few
articles dominate. Prints build and top-100 times; never asserted by tests.

    python benchmarks/pairs.py            # 10k and 50k cases
    python benchmarks/pairs.py 100000
"""

from __future__ import annotations

import sys
import time

import numpy as np

from repression_kg.analyse.pairs import Incidence, projection, top_pairs

ARTICLES = 60


def synthetic(cases: int, *, seed: int = 7) -> Incidence:
    rng = np.random.default_rng(seed)
    defendants = rng.integers(1, 4, size=cases)
    people = int(defendants.sum())
    per_person = rng.integers(1, 5, size=people)
    rows = np.repeat(np.arange(people), per_person)
    weights = 1.0 / np.arange(1, ARTICLES + 1) ** 1.1
    cols = rng.choice(ARTICLES, size=len(rows), p=weights / weights.sum())
    return Incidence.from_indices([f"person/{i:07d}" for i in range(people)],
                                  [f"article/{j}" for j in range(ARTICLES)], rows, cols)


def main(sizes: list[int]) -> None:
    for cases in sizes:
        start = time.perf_counter()
        incidence = synthetic(cases)
        built = time.perf_counter() - start
        start = time.perf_counter()
        top = top_pairs(incidence, 100)
        took = time.perf_counter() - start
        print(f"{cases:>7} cases, {len(incidence.people):>7} people, {incidence.matrix.nnz:>7} charges: "
              f"incidence {built:.2f} s, top-100 pairs {took:.2f} s (best shares {top[0][2]}, 100th {top[-1][2]})")
        if cases <= 10_000:
            start = time.perf_counter()
            edges = projection(incidence, min_shared=3)
            print(f"{'':>7} full projection (pairs sharing >= 3): {len(edges)} edges in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
