"""Boundary validation tests: the input contract's limits, pinned exactly at their edges.

Pattern: for every limit, one value exactly on the boundary that passes and one just past it
that fails; a record with several problems reports all of them; valid plus rejected equals
input; and anything validation accepts, the transforms can clean. Replace the rules in
``validation.py`` with your input contract and move these boundaries with them.
"""

from datetime import timedelta

import pytest

from golden_project.synthetic import generate_raw_orders
from golden_project.transforms import clean_order
from golden_project.validation import MAX_ID_LENGTH, split_valid, validate_raw_order

pytestmark = pytest.mark.quality


def test_a_valid_record_has_no_problems(make_raw_order, now):
    assert validate_raw_order(make_raw_order(), now=now) == []


def test_every_problem_is_reported_at_once(make_raw_order, now):
    raw = make_raw_order(amount="-1", currency="EURO", status="lost", without=["customer_id"])
    problems = validate_raw_order(raw, now=now)
    assert [p.split(":")[0] for p in problems] == ["customer_id", "amount", "currency", "status"]


@pytest.mark.parametrize(
    ("amount", "valid"),
    [("0", True), ("1000000", True), ("-0.01", False), ("1000000.01", False), ("abc", False)],
)
def test_amount_limits_are_inclusive(make_raw_order, now, amount, valid):
    assert (validate_raw_order(make_raw_order(amount=amount), now=now) == []) is valid


@pytest.mark.parametrize(("length", "valid"), [(MAX_ID_LENGTH, True), (MAX_ID_LENGTH + 1, False)])
def test_id_length_limit(make_raw_order, now, length, valid):
    assert (validate_raw_order(make_raw_order(order_id="x" * length), now=now) == []) is valid


@pytest.mark.parametrize(
    ("currency", "valid"), [("EUR", True), (" usd ", True), ("EU", False), ("EURO", False), ("E1R", False)]
)
def test_currency_must_be_a_three_letter_code(make_raw_order, now, currency, valid):
    assert (validate_raw_order(make_raw_order(currency=currency), now=now) == []) is valid


@pytest.mark.parametrize(
    ("offset", "valid"),
    [(timedelta(minutes=5), True), (timedelta(minutes=5, seconds=1), False), (-timedelta(days=3650), True)],
    ids=["at the clock-skew limit", "just past it", "ten years ago"],
)
def test_timestamps_from_the_future_are_rejected_beyond_the_clock_skew(make_raw_order, now, offset, valid):
    raw = make_raw_order(updated_at=(now + offset).isoformat())
    assert (validate_raw_order(raw, now=now) == []) is valid


@pytest.mark.parametrize(("stamp", "valid"), [("2000-01-01T00:00:00Z", True), ("1999-12-31T23:59:59Z", False)])
def test_timestamps_before_the_earliest_date_are_rejected(make_raw_order, now, stamp, valid):
    assert (validate_raw_order(make_raw_order(updated_at=stamp), now=now) == []) is valid


def test_split_valid_routes_rejects_to_dead_letters_and_loses_nothing(make_raw_order, now):
    raws = [make_raw_order(), make_raw_order(currency="EU"), make_raw_order(), make_raw_order(without=["amount"])]
    valid, dead = split_valid(raws, now=now)
    assert len(dead) == 2
    assert [d.record for d in dead] == [raws[1], raws[3]]
    assert {d.stage for d in dead} == {"validation"}
    assert len(valid) + len(dead) == len(raws)


def test_whatever_validation_accepts_the_transforms_can_clean(now):
    raws = generate_raw_orders(500, seed=3, invalid_fraction=0.1, start=now - timedelta(days=1))
    valid, dead = split_valid(raws, now=now)
    assert len(dead) == sum("currency" not in raw for raw in raws)
    for raw in valid:
        clean_order(raw)
