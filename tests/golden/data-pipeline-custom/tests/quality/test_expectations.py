"""Tests of the expectations helper: each check passes on good rows and names the bad ones.

Pattern: for each check, a batch that passes, a batch that fails with the exact failing row
indices, and the boundary (inclusive limits, a tolerance met exactly, data exactly at its
maximum age). Replace the example columns with yours; keep the boundary tests, they are where
off-by-one mistakes in checks hide.
"""

from datetime import timedelta

import pytest

from golden_project.expectations import (
    CheckResult,
    expect_between,
    expect_complete,
    expect_fresh,
    expect_references,
    expect_row_count_between,
    expect_unique,
    route_invalid,
)

pytestmark = pytest.mark.quality


@pytest.fixture
def rows(make_order):
    return [
        make_order(order_id="o-1", customer_id="c-1", amount_eur_cents=0).to_record(),
        make_order(order_id="o-2", customer_id="c-2", amount_eur_cents=500).to_record(),
        make_order(order_id="o-3", customer_id="c-1", amount_eur_cents=1000).to_record(),
        make_order(order_id="o-4", customer_id="c-3", amount_eur_cents=250).to_record(),
    ]


def test_complete_passes_when_every_value_is_present(rows):
    result = expect_complete(rows, "customer_id")
    assert result.passed
    assert result.failed_rows == ()


def test_complete_names_rows_with_null_or_blank_values(rows):
    rows[1]["customer_id"] = None
    rows[3]["customer_id"] = "  "
    result = expect_complete(rows, "customer_id")
    assert not result.passed
    assert result.failed_rows == (1, 3)
    assert result.pass_rate == pytest.approx(0.5)


@pytest.mark.parametrize(("min_fraction", "passed"), [(0.75, True), (0.76, False)])
def test_complete_tolerance_is_inclusive(rows, min_fraction, passed):
    rows[0]["customer_id"] = None
    assert expect_complete(rows, "customer_id", min_fraction=min_fraction).passed is passed


def test_unique_flags_every_repeat_after_the_first(rows):
    rows[2]["order_id"] = "o-1"
    rows[3]["order_id"] = "o-1"
    result = expect_unique(rows, "order_id")
    assert result.failed_rows == (2, 3)
    assert expect_unique(rows, "order_id", "customer_id").failed_rows == (2,)


@pytest.mark.parametrize(
    ("low", "high", "failed"),
    [(0, 1000, ()), (1, 1000, (0,)), (0, 999, (2,)), (None, 499, (1, 2))],
    ids=["both limits inclusive", "below low", "above high", "open low"],
)
def test_between_limits_are_inclusive(rows, low, high, failed):
    assert expect_between(rows, "amount_eur_cents", low=low, high=high).failed_rows == failed


def test_between_skips_missing_values_and_fails_incomparable_ones(rows):
    rows[0]["amount_eur_cents"] = None
    rows[1]["amount_eur_cents"] = "500"
    assert expect_between(rows, "amount_eur_cents", low=0, high=1000).failed_rows == (1,)


def test_references_flags_values_missing_from_the_parent_table(rows):
    result = expect_references(rows, "customer_id", {"c-1", "c-2"}, reference="customers")
    assert result.failed_rows == (3,)
    assert "customers" in result.detail


@pytest.mark.parametrize(("low", "high", "passed"), [(1, None, True), (4, 4, True), (5, None, False), (1, 3, False)])
def test_row_count_between(rows, low, high, passed):
    assert expect_row_count_between(rows, low, high).passed is passed


def test_row_count_fails_an_empty_batch():
    assert not expect_row_count_between([], 1).passed


@pytest.mark.parametrize(("age", "passed"), [(timedelta(hours=24), True), (timedelta(hours=24, seconds=1), False)])
def test_fresh_allows_data_exactly_at_its_maximum_age(rows, now, age, passed):
    for row in rows:
        row["updated_at"] = now - age
    assert expect_fresh(rows, "updated_at", now=now, max_age=timedelta(hours=24)).passed is passed


def test_fresh_fails_a_batch_without_timestamps(now):
    result = expect_fresh([], "updated_at", now=now, max_age=timedelta(hours=1))
    assert not result.passed
    assert "cannot judge" in result.detail


def test_pass_rate_of_an_empty_batch_is_one():
    assert CheckResult("x", True, 0).pass_rate == 1.0


def test_route_invalid_dead_letters_each_bad_row_once_with_every_reason(rows):
    rows[1]["customer_id"] = "c-404"
    rows[1]["amount_eur_cents"] = -1
    rows[2]["amount_eur_cents"] = 10**9
    results = [
        expect_between(rows, "amount_eur_cents", low=0, high=100_000),
        expect_references(rows, "customer_id", {"c-1", "c-2", "c-3"}),
    ]

    valid, dead = route_invalid(rows, results)

    assert len(dead) == 2
    assert [d.record["order_id"] for d in dead] == ["o-2", "o-3"]
    assert dead[0].reason == "between:amount_eur_cents; references:customer_id"
    assert {d.stage for d in dead} == {"quality"}
    assert [r["order_id"] for r in valid] == ["o-1", "o-4"]
    assert len(valid) + len(dead) == len(rows)
