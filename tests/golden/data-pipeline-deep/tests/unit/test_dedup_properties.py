"""Property-based tests of latest-wins dedup with Hypothesis: invariants over generated inputs.

Pattern: state what must hold for any input (one record per key, each the newest version, a
second pass changes nothing, the result ignores arrival order) and let Hypothesis search for a
counterexample and shrink it. Skipped without hypothesis; test_dedup_fuzz.py checks the same
invariants on seeded numpy inputs and always runs. Replace the record shape with yours.
"""

import pytest

pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from golden_project.transforms import dedup_latest  # noqa: E402

pytestmark = pytest.mark.unit

# No deadline and no too-slow health check: a busy CI machine must not fail a correct test.
STEADY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (key, version) pairs with distinct versions per key, so "the newest" is well defined.
ROWS = st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 50)), max_size=25, unique=True)


def key(row):
    return row[0]


def version(row):
    return row[1]


@STEADY
@given(ROWS)
def test_one_row_per_key_and_it_is_the_newest(rows):
    latest = dedup_latest(rows, key=key, version=version)
    assert [key(r) for r in latest] == sorted({key(r) for r in rows})
    for row in latest:
        assert version(row) == max(version(r) for r in rows if key(r) == key(row))


@STEADY
@given(ROWS)
def test_dedup_is_idempotent(rows):
    once = dedup_latest(rows, key=key, version=version)
    assert dedup_latest(once, key=key, version=version) == once


@STEADY
@given(ROWS, st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_arrival_order(rows, rnd):
    shuffled = rnd.sample(rows, len(rows))
    assert dedup_latest(shuffled, key=key, version=version) == dedup_latest(rows, key=key, version=version)
