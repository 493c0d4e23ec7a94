"""Bradley–Terry with many comparisons reaches its fixed point (the common
scale included), which keeps ``next_pair`` cheap on a phone tap."""

from __future__ import annotations

import random

import numpy as np

from cantiere import voting


def _comparisons(n: int, m: int, seed: int = 0) -> list[list[int]]:
    rng = random.Random(seed)
    return [rng.sample(range(1, m + 1), 2) for _ in range(n)]


def test_scale_equation_holds_with_thousands_of_comparisons():
    ids = list(range(1, 21))
    strength = voting.bradley_terry(_comparisons(6000, 20), ids)
    p = np.array([strength[i] for i in ids])
    # stationarity along the common scale: only the prior sees it
    assert abs(np.sum(2 * p / (p + 1)) - len(ids)) < 1e-8


def test_fixed_point_one_more_mm_step_changes_nothing():
    ids = list(range(1, 9))
    comparisons = _comparisons(3000, 8, seed=3)
    strength = voting.bradley_terry(comparisons, ids)
    p = np.array([strength[i] for i in ids])
    wins = np.zeros((8, 8))
    for a, b in comparisons:
        wins[a - 1, b - 1] += 1
    games = wins + wins.T
    won = wins.sum(axis=1) + voting.BT_PRIOR
    step = won / ((games / (p[:, None] + p[None, :])).sum(axis=1) + 2 * voting.BT_PRIOR / (p + 1))
    assert np.max(np.abs(step - p) / p) < 1e-8
