"""Airflow DagBag tests: the DAG files import cleanly and match the tested spec.

Pattern: load dags/ with Airflow's own DagBag, as the scheduler would, and assert no import
errors, the expected DAG ids, an owner and retries on every task, and the same dependencies as
the spec. Skipped when Airflow is not installed (install it with the constraints file from the
Airflow docs); test_pipeline_spec.py checks the spec itself and always runs.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
pytest.importorskip("airflow")

try:  # Airflow 3.1+
    from airflow.dag_processing.dagbag import DagBag
except ImportError:
    from airflow.models.dagbag import DagBag

from golden_project.orchestration import PIPELINE, topological_order  # noqa: E402

pytestmark = pytest.mark.pipeline

DAGS = Path(__file__).resolve().parents[2] / "dags"
EXPECTED = {PIPELINE.pipeline_id: topological_order(PIPELINE)}


@pytest.fixture(scope="module")
def dagbag():
    return DagBag(dag_folder=str(DAGS), include_examples=False)


def test_the_dags_import_without_errors(dagbag):
    assert dagbag.import_errors == {}


def test_the_dags_and_their_tasks_match_the_spec(dagbag):
    assert {dag_id: sorted(dag.task_ids) for dag_id, dag in dagbag.dags.items()} == {
        dag_id: sorted(task_ids) for dag_id, task_ids in EXPECTED.items()
    }


def test_every_task_has_an_owner_and_retries(dagbag):
    for dag in dagbag.dags.values():
        for task in dag.tasks:
            assert task.owner == PIPELINE.task(task.task_id).owner != "airflow"
            assert task.retries == PIPELINE.task(task.task_id).retries >= 1


def test_dependencies_match_the_spec(dagbag):
    for dag in dagbag.dags.values():
        for task in dag.tasks:
            expected = set(PIPELINE.task(task.task_id).upstream) & set(dag.task_ids)
            assert set(task.upstream_task_ids) == expected, task.task_id
