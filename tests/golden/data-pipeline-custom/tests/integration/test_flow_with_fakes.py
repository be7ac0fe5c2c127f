"""The integration flow on fakes that always run: in-memory, and SQLite from the standard library.

Pattern: the same scenarios as test_postgres.py (expected rows, dead-letter count, an idempotent
rerun, an older version arriving late, an atomic write), run against the in-memory sink and a
SQLite database, so the flow and the SQL upsert are checked on every run without Docker. When
both sinks agree and Postgres agrees with them, the fakes can be trusted. Replace the scenarios
with yours and keep the two files in step.
"""

import sqlite3

import pytest

from golden_project.pipeline import MemorySink, MemorySource, run_pipeline
from golden_project.sinks import SqliteSink

pytestmark = pytest.mark.pipeline


@pytest.fixture
def sqlite_sink():
    connection = sqlite3.connect(":memory:")
    yield SqliteSink(connection)
    connection.close()


@pytest.fixture
def batch(make_raw_order):
    return [
        make_raw_order(order_id="o-1", amount="10.00"),
        make_raw_order(order_id="o-2", currency="USD", amount="50"),
        make_raw_order(order_id="o-1", status="paid", updated_at="2024-03-01T10:00:00Z"),
        make_raw_order(order_id="o-3", without=["customer_id"]),
        make_raw_order(order_id="o-4", amount="-1"),
    ]


def test_sqlite_and_the_memory_sink_store_the_same_rows(sqlite_sink, batch):
    memory = MemorySink()
    in_memory = run_pipeline(MemorySource(batch), memory)
    in_sql = run_pipeline(MemorySource(batch), sqlite_sink)
    sqlite_sink.write_dead_letters(in_sql.dead_letters)

    assert sqlite_sink.rows() == memory.rows
    assert [r["order_id"] for r in memory.rows] == ["o-1", "o-2"]
    assert len(in_memory.dead_letters) == len(in_sql.dead_letters) == 2
    assert sqlite_sink.dead_letter_count() == 2


def test_a_rerun_leaves_the_table_unchanged(sqlite_sink, batch):
    run_pipeline(MemorySource(batch), sqlite_sink)
    before = sqlite_sink.rows()

    again = run_pipeline(MemorySource(batch), sqlite_sink)

    assert sqlite_sink.rows() == before
    assert len(again.dead_letters) == 2


def test_an_older_version_arriving_later_does_not_overwrite(sqlite_sink, batch, make_raw_order):
    run_pipeline(MemorySource(batch), sqlite_sink)
    late = make_raw_order(order_id="o-1", status="cancelled", updated_at="2024-03-01T09:30:00Z")

    result = run_pipeline(MemorySource([late]), sqlite_sink)

    assert len(result.dead_letters) == 0
    assert {r["order_id"]: r["status"] for r in sqlite_sink.rows()} == {"o-1": "paid", "o-2": "placed"}


def test_a_failing_write_stores_nothing_from_its_batch(sqlite_sink, make_order):
    good = make_order(order_id="o-8").to_record()
    broken = {**make_order(order_id="o-9").to_record(), "customer_id": None}

    with pytest.raises(sqlite3.IntegrityError):
        sqlite_sink.write([good, broken])

    assert sqlite_sink.rows() == []
