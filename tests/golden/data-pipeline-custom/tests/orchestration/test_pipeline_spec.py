"""Orchestration spec tests: a sound task graph, owned and retried, that cannot skip the gate.

Pattern: test the orchestration as data, without starting an orchestrator. The real spec has no
problems; broken copies of it (a cycle, a task without owner or retries, an unknown upstream)
are each caught; the quality gate sits on every path to the load; and running the steps in
order in a temp folder publishes the data, twice with the same result. Replace ``PIPELINE`` and
the steps with yours and keep these checks.
"""

from dataclasses import replace
from datetime import timedelta

import pytest

from golden_project.orchestration import (
    PIPELINE,
    CycleError,
    PipelineSpec,
    QualityGateError,
    Task,
    downstream_of,
    run_task,
    runs_through,
    spec_problems,
    topological_order,
)
from golden_project.synthetic import generate_raw_orders

pytestmark = pytest.mark.pipeline


def with_tasks(*tasks):
    return replace(PIPELINE, tasks=tasks)


def spec_of(*tasks):
    return PipelineSpec("example", tasks, schedule="@daily")


def test_the_pipeline_spec_has_no_problems():
    assert spec_problems(PIPELINE) == []


def test_every_task_has_an_owner_and_at_least_one_retry():
    unowned = [t.task_id for t in PIPELINE.tasks if not t.owner.strip() or t.owner == "airflow"]
    unretried = [t.task_id for t in PIPELINE.tasks if t.retries < 1]
    assert (unowned, unretried) == ([], [])


def test_tasks_run_after_their_upstream_tasks():
    order = topological_order(PIPELINE)
    assert sorted(order) == sorted(t.task_id for t in PIPELINE.tasks)
    for task in PIPELINE.tasks:
        assert all(order.index(up) < order.index(task.task_id) for up in task.upstream)


def test_a_cycle_is_detected():
    a = Task("a", owner="team", retries=1, upstream=("c",))
    b = Task("b", owner="team", retries=1, upstream=("a",))
    c = Task("c", owner="team", retries=1, upstream=("b",))
    with pytest.raises(CycleError, match="cycle among a, b, c"):
        topological_order(spec_of(a, b, c))
    assert spec_problems(spec_of(a, b, c)) == ["example: cycle among a, b, c"]


@pytest.mark.parametrize(
    ("task", "problem"),
    [
        (Task("t", owner="", retries=1), "t: needs a real owner"),
        (Task("t", owner="airflow", retries=1), "t: needs a real owner"),
        (Task("t", owner="team", retries=0), "t: needs at least one retry"),
        (Task("t", owner="team", retries=1, retry_delay=timedelta(0)), "t: retry delay and timeout must be positive"),
        (Task("t", owner="team", retries=1, upstream=("missing",)), "t: unknown upstream missing"),
    ],
    ids=["no owner", "default owner", "no retries", "zero retry delay", "unknown upstream"],
)
def test_each_kind_of_broken_task_is_reported(task, problem):
    assert spec_problems(spec_of(task)) == [problem]


def test_the_quality_gate_cannot_be_bypassed():
    assert runs_through(PIPELINE, "quality_gate")
    shortcut = Task("load_orders", owner="data-platform", retries=3, upstream=("quality_gate", "transform_orders"))
    bypassed = with_tasks(*(shortcut if t.task_id == "load_orders" else t for t in PIPELINE.tasks))
    assert not runs_through(bypassed, "quality_gate")


def test_downstream_of_a_task_is_everything_that_depends_on_it():
    assert downstream_of(PIPELINE, "quality_gate") == ["quality_gate", "load_orders"]
    assert downstream_of(PIPELINE, "extract_orders") == topological_order(PIPELINE)


def test_the_steps_run_in_order_publish_the_data_and_are_safe_to_retry(data_dir):
    outputs = {task_id: run_task(task_id, data_dir) for task_id in topological_order(PIPELINE)}
    published = (data_dir / "published" / "orders.jsonl").read_bytes()

    for task_id in topological_order(PIPELINE):
        run_task(task_id, data_dir)

    raws = generate_raw_orders(1_000, seed=0)
    assert outputs["transform_orders"]["dead_letters"] == sum("currency" not in raw for raw in raws)
    assert outputs["load_orders"]["rows"] == len({raw["order_id"] for raw in raws if "currency" in raw})
    assert (data_dir / "published" / "orders.jsonl").read_bytes() == published


def test_the_quality_gate_stops_an_empty_batch(data_dir):
    (data_dir / "clean").mkdir()
    (data_dir / "clean" / "orders.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(QualityGateError, match="no rows"):
        run_task("quality_gate", data_dir)
