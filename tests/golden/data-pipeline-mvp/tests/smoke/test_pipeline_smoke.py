"""Smoke tests: the whole example flow, source -> transforms -> quality gate -> sink, on fakes.

Pattern: run the real pipeline end to end with an in-memory source and sink, then assert the
rows written, how many records went to the dead-letter list and why, and that a rerun changes
nothing. Every record read is accounted for. Replace the fixture files
(tests/fixtures/smoke_orders.json and smoke_expected.json) with a small, reviewed sample of your
own input and the output you expect from it, including a few records that must be rejected.
"""

from collections import Counter

import pytest

from golden_project.pipeline import MemorySink, MemorySource, run_pipeline
from golden_project.records import to_json_record
from golden_project.synthetic import generate_raw_orders

pytestmark = pytest.mark.smoke


@pytest.fixture
def smoke_input(load_fixture):
    return load_fixture("smoke_orders.json")


def test_the_pipeline_writes_the_expected_rows(smoke_input, load_fixture):
    sink = MemorySink()
    result = run_pipeline(MemorySource(smoke_input), sink)

    assert [to_json_record(row) for row in sink.rows] == load_fixture("smoke_expected.json")
    assert (result.read, result.written, result.duplicates) == (10, 3, 2)
    assert len(result.dead_letters) == 5


def test_every_rejected_record_is_dead_lettered_as_it_arrived_with_a_reason(smoke_input):
    result = run_pipeline(MemorySource(smoke_input), MemorySink())

    assert len(result.dead_letters) == 5
    assert Counter(d.stage for d in result.dead_letters) == {"transform": 3, "quality": 2}
    reasons = {d.record["order_id"]: d.reason for d in result.dead_letters}
    assert reasons["o-2003"] == "missing required field: customer_id"
    assert "unknown currency" in reasons["o-2004"]
    assert "negative" in reasons["o-2005"]
    assert "exceeds" in reasons["o-2007"]
    assert "without a timezone" in reasons["o-2008"]
    for dead in result.dead_letters:
        assert dead.record in smoke_input


def test_a_rerun_on_the_same_input_changes_nothing(smoke_input):
    sink = MemorySink()
    first = run_pipeline(MemorySource(smoke_input), sink)
    rows_after_first = sink.rows

    second = run_pipeline(MemorySource(smoke_input), sink)

    assert sink.rows == rows_after_first
    assert len(second.dead_letters) == len(first.dead_letters) == 5
    assert second.written == first.written == 3


def test_a_late_older_version_never_overwrites_a_newer_row(smoke_input, make_raw_order):
    sink = MemorySink()
    run_pipeline(MemorySource(smoke_input), sink)
    older = make_raw_order(order_id="o-2001", customer_id="c-1", status="paid", updated_at="2024-03-01T09:00:00Z")
    newer = make_raw_order(order_id="o-2006", customer_id="c-3", status="shipped", updated_at="2024-03-01T13:00:00Z")

    result = run_pipeline(MemorySource([older, newer]), sink)

    statuses = {row["order_id"]: row["status"] for row in sink.rows}
    assert statuses == {"o-2001": "shipped", "o-2002": "placed", "o-2006": "shipped"}
    assert (result.written, len(result.dead_letters)) == (2, 0)


def test_an_empty_source_writes_nothing():
    sink = MemorySink()
    result = run_pipeline(MemorySource([]), sink)
    assert (result.read, result.written, len(result.dead_letters)) == (0, 0, 0)
    assert sink.writes == 0


def test_every_generated_record_is_accounted_for():
    raws = generate_raw_orders(2_000, seed=7, duplicate_fraction=0.2, invalid_fraction=0.05)
    sink = MemorySink()

    result = run_pipeline(MemorySource(raws), sink)

    assert result.balanced
    assert len(result.dead_letters) == sum("currency" not in raw for raw in raws)
    assert result.written == len(sink.rows) == len({raw["order_id"] for raw in raws if "currency" in raw})
