"""The pipeline's orchestration spec as plain data, with the checks any orchestrator relies on.

Tasks, owners, retries and dependencies are declared once, here, and tested without an
orchestrator: the graph has no cycles, every task has an owner and retries, and no path skips
the quality gate. Every step overwrites its output, so a retry or a rerun is always safe.
The Airflow DAG in dags/ is built from this spec, so the two cannot drift apart.
Replace the tasks and the steps with yours and keep the checks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from .pipeline import process
from .records import to_json_record
from .synthetic import generate_raw_orders


@dataclass(frozen=True)
class Task:
    task_id: str
    owner: str
    retries: int
    retry_delay: timedelta = timedelta(minutes=5)
    timeout: timedelta = timedelta(hours=1)
    upstream: tuple[str, ...] = ()


@dataclass(frozen=True)
class PipelineSpec:
    pipeline_id: str
    tasks: tuple[Task, ...]
    #: A cron expression or preset such as "@daily"; None for a pipeline started by events.
    schedule: str | None = None
    #: (event name, task it starts from) pairs, for a pipeline started by events.
    triggers: tuple[tuple[str, str], ...] = ()

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.task_id == task_id:
                return task
        raise KeyError(f"{self.pipeline_id} has no task {task_id!r}")


PIPELINE = PipelineSpec(
    pipeline_id="golden_project_orders",
    tasks=(
        Task("extract_orders", owner="data-platform", retries=3),
        Task("transform_orders", owner="data-platform", retries=2, upstream=("extract_orders",)),
        Task("quality_gate", owner="data-quality", retries=1, upstream=("transform_orders",)),
        Task(
            "load_orders",
            owner="data-platform",
            retries=3,
            retry_delay=timedelta(minutes=10),
            upstream=("quality_gate",),
        ),
    ),
    schedule="@daily",
)


class CycleError(ValueError):
    """The task graph has a cycle, so no order can run it."""


def topological_order(spec: PipelineSpec) -> list[str]:
    """Task ids with every task after its upstream tasks; ties broken by name, so the order is stable."""
    remaining = {task.task_id: set(task.upstream) for task in spec.tasks}
    order: list[str] = []
    while remaining:
        ready = sorted(task_id for task_id, upstream in remaining.items() if not upstream & remaining.keys())
        if not ready:
            raise CycleError(f"{spec.pipeline_id}: cycle among {', '.join(sorted(remaining))}")
        for task_id in ready:
            order.append(task_id)
            del remaining[task_id]
    return order


def downstream_of(spec: PipelineSpec, task_id: str) -> list[str]:
    """``task_id`` and every task that depends on it, directly or not, in run order."""
    reached = {spec.task(task_id).task_id}
    for current in topological_order(spec):
        if reached & set(spec.task(current).upstream):
            reached.add(current)
    return [t for t in topological_order(spec) if t in reached]


def spec_problems(spec: PipelineSpec) -> list[str]:
    """Everything an orchestrator would reject or that would page nobody; empty when the spec is sound."""
    ids = [task.task_id for task in spec.tasks]
    problems = [f"task {t} declared twice" for t in sorted({t for t in ids if ids.count(t) > 1})]
    for task in spec.tasks:
        if not task.owner.strip() or task.owner == "airflow":
            problems.append(f"{task.task_id}: needs a real owner")
        if task.retries < 1:
            problems.append(f"{task.task_id}: needs at least one retry")
        if task.retry_delay <= timedelta(0) or task.timeout <= timedelta(0):
            problems.append(f"{task.task_id}: retry delay and timeout must be positive")
        problems.extend(f"{task.task_id}: unknown upstream {up}" for up in task.upstream if up not in ids)
    problems.extend(f"trigger {event}: unknown task {target}" for event, target in spec.triggers if target not in ids)
    if (spec.schedule is None) == (not spec.triggers):
        problems.append("a pipeline needs either a schedule or triggers")
    try:
        topological_order(spec)
    except CycleError as error:
        problems.append(str(error))
    return problems


def runs_through(spec: PipelineSpec, gate: str) -> bool:
    """True when no path from a first task to a last task avoids ``gate``."""
    order = topological_order(spec)
    reachable_without_gate: set[str] = set()
    for task_id in order:
        task = spec.task(task_id)
        if task_id != gate and (not task.upstream or reachable_without_gate & set(task.upstream)):
            reachable_without_gate.add(task_id)
    leaves = {t for t in order if not any(t in spec.task(other).upstream for other in order)}
    return not reachable_without_gate & leaves


class QualityGateError(RuntimeError):
    """The transformed batch failed the gate; load does not run, and the orchestrator alerts."""


def _write_jsonl(path: Path, rows: list[Mapping[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.tmp")
    staging.write_text("".join(json.dumps(row, sort_keys=True, default=str) + "\n" for row in rows), encoding="utf-8")
    os.replace(staging, path)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def extract_orders(data_dir: Path) -> dict[str, int]:
    raws = generate_raw_orders(1_000, seed=0)
    _write_jsonl(data_dir / "raw" / "orders.jsonl", raws)
    return {"rows": len(raws)}


def transform_orders(data_dir: Path) -> dict[str, int]:
    orders, result = process(_read_jsonl(data_dir / "raw" / "orders.jsonl"))
    _write_jsonl(data_dir / "clean" / "orders.jsonl", [to_json_record(o.to_record()) for o in orders])
    dead = [{"record": d.record, "stage": d.stage, "reason": d.reason} for d in result.dead_letters]
    _write_jsonl(data_dir / "dead_letters" / "orders.jsonl", dead)
    return {"rows": len(orders), "duplicates": result.duplicates, "dead_letters": len(dead)}


def quality_gate(data_dir: Path) -> dict[str, int]:
    rows = _read_jsonl(data_dir / "clean" / "orders.jsonl")
    ids = [row["order_id"] for row in rows]
    if not rows:
        raise QualityGateError("no rows to publish")
    if len(ids) != len(set(ids)):
        raise QualityGateError(f"{len(ids) - len(set(ids))} duplicate order ids")
    return {"rows": len(rows)}


def load_orders(data_dir: Path) -> dict[str, int]:
    rows = _read_jsonl(data_dir / "clean" / "orders.jsonl")
    _write_jsonl(data_dir / "published" / "orders.jsonl", rows)
    return {"rows": len(rows)}


STEPS: Mapping[str, Callable[[Path], dict[str, int]]] = {
    "extract_orders": extract_orders,
    "transform_orders": transform_orders,
    "quality_gate": quality_gate,
    "load_orders": load_orders,
}


def run_task(task_id: str, data_dir: Path | str | None = None) -> dict[str, int]:
    """Run one step; the orchestrator calls this. Data goes to ``data_dir`` or $PIPELINE_DATA_DIR."""
    return STEPS[task_id](Path(data_dir or os.environ.get("PIPELINE_DATA_DIR", "data")))
