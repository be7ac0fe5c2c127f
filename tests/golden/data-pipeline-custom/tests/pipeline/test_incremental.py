"""Incremental load tests: the high-water mark reads each change once and survives failures.

Pattern: load, add changes, load again; assert which rows each run read, where the mark ends up,
that a run exactly at the mark reads nothing new, that a failed write does not move the mark,
and that a lookback window catches a row committed late with an older timestamp. Replace the
change source with a query on your source (``WHERE updated_at > :since``) and keep the tests.
"""

from datetime import datetime, timedelta, timezone

import pytest

from golden_project.batch import MemoryChangeSource, WatermarkState, run_incremental
from golden_project.pipeline import MemorySink

pytestmark = pytest.mark.pipeline

UTC = timezone.utc


def at(hour, minute=0):
    return datetime(2024, 3, 1, hour, minute, tzinfo=UTC)


@pytest.fixture
def state(data_dir):
    return WatermarkState(data_dir / "watermarks.json")


@pytest.fixture
def source(make_raw_order):
    return MemoryChangeSource(
        [
            make_raw_order(order_id="o-1", updated_at="2024-03-01T08:00:00Z"),
            make_raw_order(order_id="o-2", updated_at="2024-03-01T09:00:00Z"),
            make_raw_order(order_id="o-3", updated_at="2024-03-01T09:30:00Z", currency="XYZ"),
        ]
    )


def test_the_first_run_loads_everything_and_sets_the_mark_past_every_record_read(source, state):
    sink = MemorySink()
    result = run_incremental(source, sink, state)
    assert (result.read, result.written, len(result.dead_letters)) == (3, 2, 1)
    assert state.get("orders") == at(9, 30)


def test_a_run_without_new_changes_reads_nothing_and_keeps_the_mark(source, state):
    sink = MemorySink()
    run_incremental(source, sink, state)

    again = run_incremental(source, sink, state)

    assert (again.read, again.written, len(again.dead_letters)) == (0, 0, 0)
    assert state.get("orders") == at(9, 30)
    assert sink.writes == 1


def test_only_changes_after_the_mark_are_read(source, state, make_raw_order):
    sink = MemorySink()
    run_incremental(source, sink, state)
    source.records.append(make_raw_order(order_id="o-1", status="shipped", updated_at="2024-03-01T11:00:00Z"))
    source.records.append(make_raw_order(order_id="o-4", updated_at="2024-03-01T10:00:00Z"))

    result = run_incremental(source, sink, state)

    assert (result.read, result.written, len(result.dead_letters)) == (2, 2, 0)
    assert state.get("orders") == at(11)
    assert {r["order_id"]: r["status"] for r in sink.rows} == {"o-1": "shipped", "o-2": "placed", "o-4": "placed"}


def test_a_change_exactly_at_the_mark_is_not_read_again(source, state, make_raw_order):
    run_incremental(source, MemorySink(), state)
    source.records.append(make_raw_order(order_id="o-5", updated_at="2024-03-01T09:30:00Z"))
    result = run_incremental(source, MemorySink(), state)
    assert result.read == 0


class FailingSink:
    def write(self, records):
        raise ConnectionError("warehouse unavailable")


def test_a_failed_write_does_not_move_the_mark(source, state, make_raw_order):
    run_incremental(source, MemorySink(), state)
    source.records.append(make_raw_order(order_id="o-6", updated_at="2024-03-01T12:00:00Z"))

    with pytest.raises(ConnectionError):
        run_incremental(source, FailingSink(), state)
    assert state.get("orders") == at(9, 30)

    retried = run_incremental(source, MemorySink(), state)
    assert (retried.read, retried.written) == (1, 1)
    assert state.get("orders") == at(12)


def test_a_lookback_catches_late_commits_without_duplicates(source, state, make_raw_order):
    sink = MemorySink()
    run_incremental(source, sink, state, lookback=timedelta(hours=1))
    # Committed after the first run, but stamped before the mark: a plain "> mark" misses it.
    source.records.append(make_raw_order(order_id="o-7", updated_at="2024-03-01T08:45:00Z"))

    result = run_incremental(source, sink, state, lookback=timedelta(hours=1))

    assert result.read == 3  # o-7, plus o-2 and o-3 read again inside the lookback window
    assert len(result.dead_letters) == 1
    assert sorted(r["order_id"] for r in sink.rows) == ["o-1", "o-2", "o-7"]
    assert state.get("orders") == at(9, 30)


def test_the_mark_survives_a_restart(source, state, data_dir):
    run_incremental(source, MemorySink(), state)
    restarted = WatermarkState(data_dir / "watermarks.json")
    assert restarted.get("orders") == at(9, 30)
    assert run_incremental(source, MemorySink(), restarted).read == 0
