"""Tracker tests: a run logs params, metrics and artifacts, and the rules that keep runs trustworthy.

Pattern: test the tracking interface against the local file backend: what is logged can be read
back exactly, parameters cannot silently change mid-run, bad metrics are refused, a crashed run
is marked FAILED, and everything survives a new process (a fresh tracker on the same folder).
If you adopt MLflow or W&B, run these tests against your adapter.
"""

import pytest

from golden_project.tracking import FileTracker, TrackingError

pytestmark = pytest.mark.integration


@pytest.fixture
def tracker(tmp_path):
    return FileTracker(tmp_path / "runs")


def test_params_metrics_and_artifact_are_read_back(tracker, artifacts_dir):
    artifact = artifacts_dir / "notes.txt"
    artifact.write_text("first version\n")
    with tracker.start_run("baseline", tags={"team": "ml"}) as run:
        run.log_params({"learning_rate": 0.1, "optimizer": "adam", "epochs": 3, "shuffle": True})
        for step, loss in enumerate([0.9, 0.5, 0.3]):
            run.log_metric("loss", loss, step=step)
        run.log_artifact(artifact)
    artifact.write_text("changed after logging\n")

    record = FileTracker(tracker.root).get_run(run.run_id)
    assert (record.name, record.status, record.tags) == ("baseline", "FINISHED", {"team": "ml"})
    assert record.params == {"learning_rate": 0.1, "optimizer": "adam", "epochs": 3, "shuffle": True}
    assert record.metrics["loss"] == [(0, 0.9), (1, 0.5), (2, 0.3)]
    assert record.last("loss") == 0.3
    assert record.artifacts == ["notes.txt"]
    assert tracker.artifact_path(run.run_id, "notes.txt").read_text() == "first version\n"


def test_metric_steps_default_to_a_counter(tracker):
    with tracker.start_run("steps") as run:
        run.log_metric("accuracy", 0.5)
        run.log_metric("accuracy", 0.7)
    assert tracker.get_run(run.run_id).metrics["accuracy"] == [(0, 0.5), (1, 0.7)]


def test_a_run_that_raises_is_marked_failed_and_the_error_propagates(tracker):
    with pytest.raises(ZeroDivisionError):
        with tracker.start_run("crash") as run:
            run.log_metric("loss", 1.0)
            1 / 0
    assert tracker.get_run(run.run_id).status == "FAILED"


def test_a_param_cannot_change_within_a_run(tracker):
    with tracker.start_run("params") as run:
        run.log_params({"seed": 1})
        run.log_params({"seed": 1})
        with pytest.raises(TrackingError, match="'seed' was logged as 1"):
            run.log_params({"seed": 2})


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "0.9", True], ids=["nan", "inf", "string", "bool"])
def test_invalid_metric_values_are_refused(tracker, value):
    with tracker.start_run("metrics") as run:
        with pytest.raises(TrackingError, match="must be a finite number"):
            run.log_metric("loss", value)


def test_metric_steps_must_increase(tracker):
    with tracker.start_run("steps") as run:
        run.log_metric("loss", 1.0, step=5)
        with pytest.raises(TrackingError, match="step 5 is not after"):
            run.log_metric("loss", 0.5, step=5)


def test_non_scalar_params_and_missing_artifacts_are_refused(tracker, artifacts_dir):
    with tracker.start_run("refusals") as run:
        with pytest.raises(TrackingError, match="must be a string, number"):
            run.log_params({"layers": [16, 8]})
        with pytest.raises(TrackingError, match="is not a file"):
            run.log_artifact(artifacts_dir / "missing.bin")


def test_an_ended_run_refuses_more_logging(tracker):
    with tracker.start_run("closed") as run:
        pass
    with pytest.raises(TrackingError, match="has ended"):
        run.log_metric("loss", 0.1)


def test_runs_get_unique_ids_in_start_order(tracker):
    ids = []
    for name in ("a", "b", "c"):
        with tracker.start_run(name) as run:
            ids.append(run.run_id)
    assert ids == ["run-0001", "run-0002", "run-0003"]
    assert [record.name for record in tracker.runs()] == ["a", "b", "c"]
