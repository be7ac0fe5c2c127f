"""Tracked training test: a real training run leaves a complete, reproducible record.

Pattern: run the training entry point with the file tracker and check the record is enough to
reproduce and compare the run: every config value as a param, one loss per epoch, final test
metrics, and a model artifact that loads and predicts like the trained model. Replace
``train_with_tracking`` with your training entry point.
"""

import numpy as np
import pytest

from golden_project.config import TrainingConfig
from golden_project.model import LogisticRegression
from golden_project.tracking import FileTracker, train_with_tracking

pytestmark = pytest.mark.integration

CONFIG = TrainingConfig(epochs=8, seed=2)


@pytest.fixture
def tracked(tmp_path, artifacts_dir, tiny_dataset):
    tracker = FileTracker(tmp_path / "runs")
    data = (tiny_dataset.X_train, tiny_dataset.X_test, tiny_dataset.y_train, tiny_dataset.y_test)
    run_id = train_with_tracking(tracker, data, CONFIG, artifacts_dir)
    return tracker, tracker.get_run(run_id)


def test_run_records_the_whole_config(tracked):
    _, record = tracked
    assert record.status == "FINISHED"
    assert TrainingConfig.from_dict(record.params) == CONFIG


def test_run_records_one_loss_per_epoch_and_final_metrics(tracked):
    _, record = tracked
    assert [step for step, _ in record.metrics["train_loss"]] == list(range(CONFIG.epochs))
    losses = [value for _, value in record.metrics["train_loss"]]
    assert losses[-1] < losses[0]
    assert record.last("test_accuracy") >= 0.9
    assert 0.0 < record.last("test_log_loss") < 0.7


def test_logged_model_predicts_like_a_fresh_run_with_the_logged_config(tracked, tiny_dataset, tmp_path):
    tracker, record = tracked
    logged = LogisticRegression.load(tracker.artifact_path(record.run_id, "model.npz"))
    rerun_tracker = FileTracker(tmp_path / "rerun")
    data = (tiny_dataset.X_train, tiny_dataset.X_test, tiny_dataset.y_train, tiny_dataset.y_test)
    workdir = tmp_path / "rerun-artifacts"
    workdir.mkdir()
    rerun_id = train_with_tracking(rerun_tracker, data, TrainingConfig.from_dict(record.params), workdir)
    rerun = LogisticRegression.load(rerun_tracker.artifact_path(rerun_id, "model.npz"))
    np.testing.assert_array_equal(rerun.predict_proba(tiny_dataset.X_test), logged.predict_proba(tiny_dataset.X_test))
