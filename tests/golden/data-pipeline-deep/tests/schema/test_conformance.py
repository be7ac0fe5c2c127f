"""Conformance tests: a record either matches the schema or every mismatch is named.

Pattern: one conforming record, then one test per way a record can break a schema: a required
field missing, a wrong type, a bool posing as a number, a naive timestamp, an unexpected field.
Replace the example schema with a few fields of yours; the schema-specific tests next to this
file check your real output against your real schema.
"""

from datetime import datetime, timezone

import pytest

from golden_project.schema import Field, Schema, conformance_problems

pytestmark = pytest.mark.quality

SCHEMA = Schema(
    "orders",
    "1.0.0",
    (
        Field("order_id", "string"),
        Field("amount_eur_cents", "integer"),
        Field("updated_at", "timestamp"),
        Field("channel", "string", required=False),
    ),
)


@pytest.fixture
def record():
    stamp = datetime(2024, 3, 1, tzinfo=timezone.utc)
    return {"order_id": "o-1", "amount_eur_cents": 1000, "updated_at": stamp, "channel": "web"}


def test_a_conforming_record_has_no_problems(record):
    assert conformance_problems(record, SCHEMA) == []


def test_optional_fields_may_be_missing_or_null(record):
    record["channel"] = None
    assert conformance_problems(record, SCHEMA) == []
    del record["channel"]
    assert conformance_problems(record, SCHEMA) == []


def test_a_missing_required_field_is_reported(record):
    del record["order_id"]
    assert conformance_problems(record, SCHEMA) == ["order_id: required but missing"]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("amount_eur_cents", "1000", "amount_eur_cents: expected integer, got str"),
        ("amount_eur_cents", True, "amount_eur_cents: expected integer, got bool"),
        ("updated_at", datetime(2024, 3, 1), "updated_at: expected timestamp, got datetime"),
        ("updated_at", "2024-03-01T00:00:00Z", "updated_at: expected timestamp, got str"),
    ],
    ids=["string for integer", "bool for integer", "naive datetime", "string for timestamp"],
)
def test_wrong_types_are_reported(record, field, value, problem):
    record[field] = value
    assert conformance_problems(record, SCHEMA) == [problem]


def test_unexpected_fields_are_reported_unless_allowed(record):
    record["coupon"] = "SPRING"
    assert conformance_problems(record, SCHEMA) == ["coupon: not in schema orders"]
    assert conformance_problems(record, SCHEMA, allow_extra=True) == []
