"""Seeded fuzz tests of latest-wins dedup: the property tests' invariants, with numpy only.

Pattern: the sibling of test_dedup_properties.py that always runs. It draws a few hundred random
batches from a fixed seed (so a failure replays exactly) and checks the same invariants against
a brute-force reference. Replace the record shape with yours; keep the reference simple enough
to be obviously right.
"""

import numpy as np
import pytest

from golden_project.transforms import dedup_latest

pytestmark = pytest.mark.unit

N_BATCHES = 300


def random_batches(seed):
    rng = np.random.default_rng(seed)
    for _ in range(N_BATCHES):
        size = int(rng.integers(0, 40))
        keys = rng.choice(list("abcde"), size=size)
        # Distinct versions, so every key has exactly one newest row.
        versions = rng.permutation(1000)[:size]
        yield [(str(k), int(v)) for k, v in zip(keys, versions, strict=True)], rng


def reference(rows):
    newest = {}
    for k, v in rows:
        newest[k] = max(v, newest.get(k, v))
    return sorted(newest.items())


def test_dedup_matches_a_brute_force_reference():
    for rows, _ in random_batches(seed=0):
        assert dedup_latest(rows, key=lambda r: r[0], version=lambda r: r[1]) == reference(rows), rows


def test_dedup_is_idempotent_and_ignores_arrival_order():
    for rows, rng in random_batches(seed=1):
        once = dedup_latest(rows, key=lambda r: r[0], version=lambda r: r[1])
        shuffled = [rows[i] for i in rng.permutation(len(rows))]
        assert dedup_latest(once, key=lambda r: r[0], version=lambda r: r[1]) == once
        assert dedup_latest(shuffled, key=lambda r: r[0], version=lambda r: r[1]) == once, rows
