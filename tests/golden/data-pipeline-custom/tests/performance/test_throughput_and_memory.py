"""Performance tests: the flow at 50,000 generated records, its cost per record, peak memory.

Pattern: generate a seeded, realistic volume (duplicates and bad records included), run the real
flow and check its output, count the work dedup does as the input grows, measure the peak of
Python allocations with ``tracemalloc``, and assert generous budgets: a budget catches an
accidental quadratic loop or a copy of the whole batch. Counts and allocations do not depend on
how busy the machine is, so those tests run every time. The throughput budget measures
wall-clock time, which a busy machine can break, so it is marked ``timing`` and runs only when
asked for: ``python -m pytest -m performance`` on a quiet machine or a nightly job. Tracing every
allocation slows Python down about tenfold, so memory is measured on a slice and budgeted per
record. Replace the budgets with ones measured on your data, with a wide margin.
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
def processed(raws):
    return process(raws)


def test_the_whole_volume_is_processed_correctly(raws, processed):
    orders, result = processed

    assert result.balanced
    assert len(result.dead_letters) == sum("currency" not in raw for raw in raws)
    assert len(orders) == len({raw["order_id"] for raw in raws if "currency" in raw})


@pytest.mark.timing
def test_throughput_of_the_whole_flow(raws):
    started = time.perf_counter()
    orders, result = process(raws)
    elapsed = time.perf_counter() - started

    assert result.balanced and orders
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


class CountedKey:
    """A record key that counts every comparison and hash made with it: the work dedup does."""

    def __init__(self, value, counter):
        self.value, self.counter = value, counter

    def __eq__(self, other):
        self.counter[0] += 1
        return self.value == other.value

    def __lt__(self, other):
        self.counter[0] += 1
        return self.value < other.value

    def __hash__(self):
        self.counter[0] += 1
        return hash(self.value)


def dedup_operations(orders):
    """How many key and version look-ups, comparisons and hashes dedup makes on ``orders``."""
    counter = [0]

    def key(order):
        counter[0] += 1
        return CountedKey(order.order_id, counter)

    def version(order):
        counter[0] += 1
        return order.updated_at

    dedup_latest(orders, key=key, version=version)
    return counter[0]


def test_dedup_work_grows_linearly_with_input(processed):
    """Counts operations, not seconds: the same on any machine, however busy."""
    orders = processed[0]
    small, large = orders[: len(orders) // 5], orders
    small_ops, large_ops = dedup_operations(small), dedup_operations(large)
    # Five times the input: about five times the work when linear (a little more for the final
    # sort), twenty-five times when quadratic.
    assert large_ops <= 7 * small_ops, f"{small_ops:,} -> {large_ops:,} operations"
