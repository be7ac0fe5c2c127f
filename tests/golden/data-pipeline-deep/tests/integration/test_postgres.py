"""Integration tests against PostgreSQL from docker-compose.test.yml, behind PIPELINE_INTEGRATION=1.

Pattern: real services only when asked for, so the default ``pytest`` stays fast and offline:
    docker compose -f docker-compose.test.yml up -d --wait
    PIPELINE_INTEGRATION=1 python -m pytest tests/integration
Each test works in a schema of its own, dropped afterwards, and asserts the dead-letter count
as well as the rows. test_flow_with_fakes.py runs the same scenarios on SQLite every time.
Point PIPELINE_TEST_DATABASE_URL elsewhere to use another server; replace the scenarios with
yours.
"""

import os
import uuid

import pytest

from golden_project.pipeline import MemorySink, MemorySource, run_pipeline
from golden_project.sinks import PostgresSink

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(os.environ.get("PIPELINE_INTEGRATION") != "1", reason="set PIPELINE_INTEGRATION=1 to run"),
]

DEFAULT_URL = "postgresql://pipeline:pipeline@localhost:55432/pipeline_test"


@pytest.fixture
def connection():
    psycopg = pytest.importorskip("psycopg", reason="python -m pip install -r requirements-integration.txt")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(os.environ.get("PIPELINE_TEST_DATABASE_URL", DEFAULT_URL), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(f"SET search_path TO {schema}")
        conn.execute("SET TIME ZONE 'UTC'")
        try:
            yield conn
        finally:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sink(connection):
    return PostgresSink(connection)


@pytest.fixture
def batch(make_raw_order):
    return [
        make_raw_order(order_id="o-1", amount="10.00"),
        make_raw_order(order_id="o-2", currency="USD", amount="50"),
        make_raw_order(order_id="o-1", status="paid", updated_at="2024-03-01T10:00:00Z"),
        make_raw_order(order_id="o-3", without=["customer_id"]),
        make_raw_order(order_id="o-4", amount="-1"),
    ]


def test_postgres_stores_what_the_memory_sink_stores(sink, batch):
    memory = MemorySink()
    run_pipeline(MemorySource(batch), memory)

    result = run_pipeline(MemorySource(batch), sink)
    sink.write_dead_letters(result.dead_letters)

    assert sink.rows() == memory.rows
    assert len(result.dead_letters) == 2
    assert sink.dead_letter_count() == 2


def test_a_rerun_leaves_the_table_unchanged(sink, batch):
    run_pipeline(MemorySource(batch), sink)
    before = sink.rows()

    again = run_pipeline(MemorySource(batch), sink)

    assert sink.rows() == before
    assert len(again.dead_letters) == 2


def test_an_older_version_arriving_later_does_not_overwrite(sink, batch, make_raw_order):
    run_pipeline(MemorySource(batch), sink)
    late = make_raw_order(order_id="o-1", status="cancelled", updated_at="2024-03-01T09:30:00Z")

    result = run_pipeline(MemorySource([late]), sink)

    assert len(result.dead_letters) == 0
    assert {r["order_id"]: r["status"] for r in sink.rows()} == {"o-1": "paid", "o-2": "placed"}


def test_a_failing_write_stores_nothing_from_its_batch(sink, make_order):
    psycopg = pytest.importorskip("psycopg")
    good = make_order(order_id="o-8").to_record()
    broken = {**make_order(order_id="o-9").to_record(), "customer_id": None}

    with pytest.raises(psycopg.errors.NotNullViolation):
        sink.write([good, broken])

    assert sink.rows() == []
