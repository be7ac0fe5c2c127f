"""Airflow DAGs for golden-project, built from the spec in golden_project.orchestration.

The spec is the single source of truth: tasks, owners, retries, dependencies and
the schedule live there and are tested without Airflow; this file only translates it.
Works with Airflow 2.4+ and 3.x; in a deployment, install golden_project next to Airflow so
the import below resolves.
"""

from __future__ import annotations

from datetime import datetime, timezone

try:  # Airflow 3
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.operators.python import PythonOperator

from golden_project.orchestration import PIPELINE, run_task, topological_order


def build_dag(dag_id: str, task_ids: list[str], schedule: object) -> DAG:
    with DAG(
        dag_id=dag_id,
        schedule=schedule,
        start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
        catchup=False,
        max_active_runs=1,
        tags=["golden-project"],
    ) as dag:
        operators = {}
        for task_id in task_ids:
            task = PIPELINE.task(task_id)
            operators[task_id] = PythonOperator(
                task_id=task_id,
                python_callable=run_task,
                op_args=[task_id],
                owner=task.owner,
                retries=task.retries,
                retry_delay=task.retry_delay,
                execution_timeout=task.timeout,
            )
            for upstream in task.upstream:
                if upstream in operators:
                    operators[upstream] >> operators[task_id]
    return dag


orders_dag = build_dag(PIPELINE.pipeline_id, topological_order(PIPELINE), PIPELINE.schedule)
