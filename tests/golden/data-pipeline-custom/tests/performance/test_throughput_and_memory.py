"""Performance tests: throughput on 50,000 generated records, peak memory with tracemalloc.

Pattern: generate a seeded, realistic volume (duplicates and bad records included), time the
real flow with ``time.perf_counter``, measure the peak of Python allocations with
``tracemalloc``, and assert generous budgets: a budget catches an accidental quadratic loop or a
copy of the whole batch, not a slow CI machine. The output is checked too, so a fast wrong
answer fails. Tracing every allocation slows Python down about tenfold, so memory is measured
on a slice and budgeted per record. Replace the budgets with ones measured on your data, with a
wide margin, and run these nightly on representative volume with ``-m performance``.
"""

import time
import tracemalloc

import pytest

from golden_project.pipeline import MemorySink, MemorySource, process, run_pipeline
from golden_project.synthetic import generate_raw_orders
from golden_project.transforms import dedup_latest

pytestmark = pytest.mark.performance

N_RECORDS = 50_000
MIN_RECORDS_PER_SECOND = 5_000
N_TRACED = 5_000
MAX_BYTES_PER_RECORD = 4_000


@pytest.fixture(scope="module")
def raws():
    return generate_raw_orders(N_RECORDS, seed=0, duplicate_fraction=0.1, invalid_fraction=0.01)


@pytest.fixture(scope="module")
def timed_run(raws):
    started = time.perf_counter()
    orders, result = process(raws)
    return orders, result, time.perf_counter() - started


def best_of(runs, fn):
    """The fastest of ``runs`` timings: the one least disturbed by other work on the machine."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - started)
    return min(timings)


def test_throughput_of_the_whole_flow(raws, timed_run):
    orders, result, elapsed = timed_run

    assert result.balanced
    assert len(result.dead_letters) == sum("currency" not in raw for raw in raws)
    assert len(orders) == len({raw["order_id"] for raw in raws if "currency" in raw})
    assert N_RECORDS / elapsed >= MIN_RECORDS_PER_SECOND, f"{N_RECORDS / elapsed:,.0f} records/s"


def test_peak_memory_per_record_stays_within_budget(raws):
    sample = raws[:N_TRACED]
    sink = MemorySink()
    tracemalloc.start()
    try:
        result = run_pipeline(MemorySource(sample), sink)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.read == N_TRACED
    assert len(sink.rows) == result.written
    assert peak / N_TRACED <= MAX_BYTES_PER_RECORD, f"{peak / N_TRACED:,.0f} bytes per record"
    # At this rate, the full volume's peak would be:
    assert peak / N_TRACED * N_RECORDS / 2**20 <= 200, f"{peak / N_TRACED * N_RECORDS / 2**20:.0f} MB"


def test_dedup_time_grows_linearly_with_input(timed_run):
    orders = timed_run[0]
    small = orders[: len(orders) // 5]
    small_time = best_of(3, lambda: dedup_latest(small))
    large_time = best_of(3, lambda: dedup_latest(orders))
    # Five times the input: about five times the time when linear, twenty-five when quadratic.
    assert large_time <= 15 * small_time + 0.05, f"{small_time:.4f}s -> {large_time:.4f}s"
