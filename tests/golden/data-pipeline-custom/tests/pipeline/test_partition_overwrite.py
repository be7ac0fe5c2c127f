"""Partition overwrite tests: a daily run replaces its partition, so reruns are always safe.

Pattern: run a day, run it again, and compare the files byte for byte; correct the source and
rerun to see rows replaced rather than appended; break a write halfway and check the old
partition survived. Every run asserts its dead-letter count. Replace ``PartitionStore`` with
your table format and keep these guarantees.
"""

from datetime import date

import pytest

from golden_project.batch import MemoryDailySource, PartitionStore, run_day

pytestmark = pytest.mark.pipeline

DAY = date(2024, 3, 1)


@pytest.fixture
def store(data_dir):
    return PartitionStore(data_dir / "orders")


@pytest.fixture
def day_records(make_raw_order):
    return [
        make_raw_order(order_id="o-1", amount="10.00"),
        make_raw_order(order_id="o-2", amount="20.00", currency="USD"),
        make_raw_order(order_id="o-1", amount="12.00", updated_at="2024-03-01T10:00:00Z"),
        make_raw_order(order_id="o-3", currency="XYZ"),
    ]


def test_a_daily_run_writes_the_days_partition(store, day_records):
    result = run_day(MemoryDailySource({DAY: day_records}), store, DAY)

    assert (result.read, result.written, result.duplicates) == (4, 2, 1)
    assert len(result.dead_letters) == 1
    assert store.partitions() == [DAY]
    assert {r["order_id"]: r["amount_eur_cents"] for r in store.read(DAY)} == {"o-1": 1200, "o-2": 1840}


def test_rerunning_a_day_gives_identical_output_and_no_duplicates(store, day_records):
    source = MemoryDailySource({DAY: day_records})
    run_day(source, store, DAY)
    first = store.path(DAY).read_bytes()

    again = run_day(source, store, DAY)

    assert store.path(DAY).read_bytes() == first
    assert len(store.read(DAY)) == 2
    assert len(again.dead_letters) == 1


def test_a_rerun_after_a_source_correction_replaces_rows(store, day_records, make_raw_order):
    run_day(MemoryDailySource({DAY: day_records}), store, DAY)
    corrected = day_records[:2] + [make_raw_order(order_id="o-3", currency="EUR", amount="5.00")]

    result = run_day(MemoryDailySource({DAY: corrected}), store, DAY)

    assert len(result.dead_letters) == 0
    assert {r["order_id"]: r["amount_eur_cents"] for r in store.read(DAY)} == {"o-1": 1000, "o-2": 1840, "o-3": 500}


def test_an_empty_day_clears_a_stale_partition(store, day_records):
    run_day(MemoryDailySource({DAY: day_records}), store, DAY)

    result = run_day(MemoryDailySource({}), store, DAY)

    assert (result.read, result.written, len(result.dead_letters)) == (0, 0, 0)
    assert store.partitions() == [DAY]
    assert store.read(DAY) == []


def test_a_failed_write_leaves_the_previous_partition_intact(store, day_records, make_order):
    run_day(MemoryDailySource({DAY: day_records}), store, DAY)
    before = store.path(DAY).read_bytes()
    unserialisable = {**make_order(order_id="o-9").to_record(), "amount_eur_cents": object()}

    with pytest.raises(TypeError):
        store.overwrite(DAY, [unserialisable])

    assert store.path(DAY).read_bytes() == before
    assert [p.name for p in store.path(DAY).parent.iterdir()] == ["part-0.jsonl"]
