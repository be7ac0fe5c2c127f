"""The quality gate on pipeline output: checked rows published, failing rows dead-lettered.

Pattern: run the real pipeline into an in-memory sink, apply the order checks (completeness,
unique keys, amount range, customers that exist) to what it produced, and assert both the rows
that pass and the dead-letter count, across the transform and the quality stage. Replace
``check_orders`` and the customer table with your checks and reference data.
"""

import pytest

from golden_project.expectations import check_orders, route_invalid
from golden_project.pipeline import MemorySink, MemorySource, run_pipeline

pytestmark = pytest.mark.quality

CUSTOMERS = {"c-1", "c-2", "c-3"}


def test_orders_for_unknown_customers_are_dead_lettered(make_raw_order):
    raws = [
        make_raw_order(customer_id="c-1"),
        make_raw_order(customer_id="c-2"),
        make_raw_order(customer_id="c-999"),
        make_raw_order(customer_id="c-3", currency="XYZ"),
    ]
    sink = MemorySink()
    run = run_pipeline(MemorySource(raws), sink)

    valid, dead = route_invalid(sink.rows, check_orders(sink.rows, known_customers=CUSTOMERS))

    assert len(run.dead_letters) == 1
    assert len(dead) == 1
    assert dead[0].record["customer_id"] == "c-999"
    assert dead[0].reason == "references:customer_id"
    assert sorted(r["customer_id"] for r in valid) == ["c-1", "c-2"]


def test_clean_pipeline_output_passes_every_check(make_raw_order):
    raws = [make_raw_order(customer_id=c) for c in sorted(CUSTOMERS)]
    sink = MemorySink()
    run = run_pipeline(MemorySource(raws), sink)

    results = check_orders(sink.rows, known_customers=CUSTOMERS)

    assert len(run.dead_letters) == 0
    assert [r.name for r in results if not r.passed] == []
    assert route_invalid(sink.rows, results)[1] == []
