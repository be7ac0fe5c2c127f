"""Unit tests for pure transforms: timestamps, currency, cleaning and latest-wins dedup.

Pattern: for each transform, the happy path, empty input, optional fields falling back to their
defaults, a missing required field raising, values on the boundaries (zero, half a cent, huge
amounts, DST and leap days), the input left unmodified, and a golden comparison against JSON
fixtures in tests/fixtures. Replace the transforms with yours and keep one test per edge case;
when a fixture changes, review the diff like code.
"""

import copy
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from golden_project.records import MissingFieldError, RecordError, to_json_record
from golden_project.transforms import (
    REQUIRED_FIELDS,
    clean_order,
    dedup_latest,
    normalise_currency,
    parse_timestamp,
)

pytestmark = pytest.mark.unit

UTC = timezone.utc


# --- timestamps -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-03-01T10:00:00+01:00", datetime(2024, 3, 1, 9, 0, tzinfo=UTC), id="positive offset"),
        pytest.param("2024-03-01T09:00:00Z", datetime(2024, 3, 1, 9, 0, tzinfo=UTC), id="Z suffix"),
        pytest.param("2024-02-29T23:30:00-05:00", datetime(2024, 3, 1, 4, 30, tzinfo=UTC), id="leap day into March"),
        pytest.param(" 2024-03-01T09:00:00.250+00:00 ", datetime(2024, 3, 1, 9, 0, 0, 250_000, tzinfo=UTC), id="ms"),
        pytest.param(0, datetime(1970, 1, 1, tzinfo=UTC), id="epoch zero"),
        pytest.param(1709280000.5, datetime(2024, 3, 1, 8, 0, 0, 500_000, tzinfo=UTC), id="epoch float"),
    ],
)
def test_parse_timestamp_returns_aware_utc(value, expected):
    parsed = parse_timestamp(value)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


def test_parse_timestamp_keeps_the_instant_across_a_dst_change():
    # Europe switched to summer time at 01:00 UTC on 2024-03-31: local 02:00 became 03:00.
    before = parse_timestamp("2024-03-31T01:30:00+01:00")
    after = parse_timestamp("2024-03-31T03:30:00+02:00")
    assert before == datetime(2024, 3, 31, 0, 30, tzinfo=UTC)
    assert after - before == timedelta(hours=1)


@pytest.mark.parametrize(
    "value",
    ["2024-03-01T09:00:00", "2024-03-01", datetime(2024, 3, 1, 9, 0)],
    ids=["naive string", "date only", "naive datetime"],
)
def test_parse_timestamp_rejects_values_without_a_timezone(value):
    with pytest.raises(RecordError, match="without a timezone"):
        parse_timestamp(value)


@pytest.mark.parametrize("value", ["", "yesterday", True, None, float("nan")], ids=repr)
def test_parse_timestamp_rejects_non_timestamps(value):
    with pytest.raises(RecordError):
        parse_timestamp(value)


# --- currency -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("10.00", "EUR", Decimal("10.00")),
        ("10", "USD", Decimal("9.20")),
        ("100", "GBP", Decimal("117.00")),
        ("1500", "JPY", Decimal("9.15")),
        (" 19.99 ", " usd ", Decimal("18.39")),
    ],
)
def test_normalise_currency_converts_to_eur_cents(amount, currency, expected):
    assert normalise_currency(amount, currency) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0.125", Decimal("0.12")), ("0.135", Decimal("0.14")), ("0.1251", Decimal("0.13"))],
    ids=["half to even, down", "half to even, up", "above half"],
)
def test_normalise_currency_rounds_half_to_even_at_the_cent_boundary(amount, expected):
    assert normalise_currency(amount, "EUR") == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0", Decimal("0.00")), ("-5.50", Decimal("-5.50")), ("999999999999.99", Decimal("999999999999.99"))],
    ids=["zero", "refund", "huge, exact"],
)
def test_normalise_currency_boundary_amounts(amount, expected):
    assert normalise_currency(amount, "EUR") == expected


def test_normalise_currency_takes_floats_at_their_shortest_repr():
    assert normalise_currency(19.99, "EUR") == Decimal("19.99")
    assert normalise_currency(0.1 + 0.2, "EUR") == Decimal("0.30")
    # The float 2.675 is stored as 2.67499999...; read at its exact binary value it would round down.
    assert normalise_currency(2.675, "EUR") == Decimal("2.68")


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("10", "XYZ", "unknown currency"),
        ("10", "", "currency must be"),
        ("ten", "EUR", "not a number"),
        ("NaN", "EUR", "finite"),
        (True, "EUR", "not a number"),
    ],
)
def test_normalise_currency_rejects_bad_input(amount, currency, message):
    with pytest.raises(RecordError, match=message):
        normalise_currency(amount, currency)


def test_normalise_currency_uses_the_rates_it_is_given(rates):
    rates["USD"] = Decimal("0.5")
    assert normalise_currency("10", "USD", rates) == Decimal("5.00")


# --- cleaning one record --------------------------------------------------------------------


def test_clean_order_happy_path(make_raw_order):
    order = clean_order(make_raw_order(order_id=" o-7 ", amount="12.50", currency="gbp", status="Paid"))
    assert order.order_id == "o-7"
    assert order.amount_eur_cents == 1462  # 12.50 * 1.17 = 14.625, half to even gives 14.62
    assert order.currency == "GBP"
    assert order.status == "paid"
    assert order.updated_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "absent", [{"without": ["status", "channel"]}, {"status": None, "channel": "  "}], ids=["missing", "blank"]
)
def test_clean_order_fills_optional_defaults(make_raw_order, absent):
    order = clean_order(make_raw_order(**absent))
    assert (order.status, order.channel) == ("placed", "web")


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_clean_order_raises_when_a_required_field_is_missing(make_raw_order, field):
    with pytest.raises(MissingFieldError) as raised:
        clean_order(make_raw_order(without=[field]))
    assert raised.value.fields == (field,)


def test_clean_order_treats_blank_required_values_as_missing_and_names_them_all(make_raw_order):
    with pytest.raises(MissingFieldError, match="missing required fields: order_id, currency"):
        clean_order(make_raw_order(order_id="   ", currency=None))


def test_clean_order_rejects_an_unknown_status(make_raw_order):
    with pytest.raises(RecordError, match="unknown status 'lost'"):
        clean_order(make_raw_order(status="lost"))


def test_clean_order_does_not_modify_its_input(make_raw_order):
    raw = make_raw_order(order_id=" o-1 ", currency="usd", without=["status"])
    before = copy.deepcopy(raw)
    clean_order(raw)
    assert raw == before


def test_clean_order_matches_the_golden_fixture(load_fixture):
    """Golden test: tests/fixtures/orders_raw.json cleaned equals tests/fixtures/orders_clean.json."""
    cleaned = [to_json_record(clean_order(raw).to_record()) for raw in load_fixture("orders_raw.json")]
    assert cleaned == load_fixture("orders_clean.json")


# --- latest-wins dedup ----------------------------------------------------------------------


def test_dedup_keeps_the_latest_version_of_each_key(make_order):
    t0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    placed = make_order(order_id="o-1", status="placed", updated_at=t0)
    shipped = make_order(order_id="o-1", status="shipped", updated_at=t0 + timedelta(hours=2))
    other = make_order(order_id="o-2", updated_at=t0)
    assert dedup_latest([shipped, other, placed]) == [shipped, other]


def test_dedup_breaks_exact_ties_by_arrival_order(make_order):
    first = make_order(order_id="o-1", status="paid")
    second = make_order(order_id="o-1", status="cancelled")
    assert dedup_latest([first, second]) == [second]
    assert dedup_latest([second, first]) == [first]


def test_dedup_of_empty_input_is_empty():
    assert dedup_latest([]) == []


def test_dedup_accepts_plain_dicts_with_custom_key_and_version():
    rows = [{"id": 2, "v": 1}, {"id": 1, "v": 5}, {"id": 2, "v": 3}, {"id": 1, "v": 4}]
    before = copy.deepcopy(rows)
    latest = dedup_latest(rows, key=lambda r: r["id"], version=lambda r: r["v"])
    assert latest == [{"id": 1, "v": 5}, {"id": 2, "v": 3}]
    assert rows == before
