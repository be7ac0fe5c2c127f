"""Backfill tests: a backfill over a date range equals the daily runs it replaces.

Pattern: build a few days of source data, backfill them into one store and run the days one by
one into another, then compare the stores; check that days outside the range are untouched,
that a second backfill changes nothing, and that a reversed range is refused. Replace the
source and the store with yours; keep the range small (three days is enough).
"""

from datetime import date, timedelta

import pytest

from golden_project.batch import MemoryDailySource, PartitionStore, backfill, days_between, run_day

pytestmark = pytest.mark.pipeline

DAYS = [date(2024, 3, 1) + timedelta(days=i) for i in range(3)]


@pytest.fixture
def source(make_raw_order):
    by_day = {}
    for i, day in enumerate(DAYS):
        stamp = f"{day.isoformat()}T09:00:00Z"
        by_day[day] = [make_raw_order(updated_at=stamp, amount=str(10 * (i + 1))) for _ in range(i + 2)]
        by_day[day].append(make_raw_order(updated_at=stamp, without=["customer_id"]))
    return MemoryDailySource(by_day)


def files(store):
    return {day: store.path(day).read_bytes() for day in store.partitions()}


def test_a_backfill_equals_the_daily_runs(source, data_dir):
    backfilled, daily = PartitionStore(data_dir / "backfilled"), PartitionStore(data_dir / "daily")

    results = backfill(source, backfilled, DAYS[0], DAYS[-1])
    for day in DAYS:
        run_day(source, daily, day)

    assert files(backfilled) == files(daily)
    assert [results[day].written for day in DAYS] == [2, 3, 4]
    assert [len(results[day].dead_letters) for day in DAYS] == [1, 1, 1]


def test_a_backfill_leaves_days_outside_its_range_untouched(source, data_dir):
    store = PartitionStore(data_dir / "orders")
    backfill(source, store, DAYS[0], DAYS[-1])
    untouched = {day: store.path(day).stat().st_mtime_ns for day in (DAYS[0], DAYS[2])}
    before = files(store)

    results = backfill(source, store, DAYS[1], DAYS[1])

    assert list(results) == [DAYS[1]]
    assert {day: store.path(day).stat().st_mtime_ns for day in (DAYS[0], DAYS[2])} == untouched
    assert files(store) == before


def test_running_a_backfill_twice_changes_nothing(source, data_dir):
    store = PartitionStore(data_dir / "orders")
    backfill(source, store, DAYS[0], DAYS[-1])
    before = files(store)

    again = backfill(source, store, DAYS[0], DAYS[-1])

    assert files(store) == before
    assert sum(len(r.dead_letters) for r in again.values()) == 3


def test_a_single_day_range_and_a_reversed_range():
    assert days_between(DAYS[0], DAYS[0]) == [DAYS[0]]
    with pytest.raises(ValueError, match="before its start"):
        days_between(DAYS[2], DAYS[0])
