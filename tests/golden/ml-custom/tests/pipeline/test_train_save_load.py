"""Pipeline test: tiny synthetic data -> train -> save -> load -> identical predictions.

Pattern: run the real training entry point end to end on data small enough to take well under a
second, write artifacts to a temp folder, and check what a deployment relies on: every artifact
exists, metrics.json is well formed and plausible, and the reloaded model predicts exactly what
the in-memory one did. Replace ``run_training`` with your pipeline's entry point.
"""

import json
import math

import numpy as np
import pytest

from golden_project.config import TrainingConfig
from golden_project.data import make_blobs
from golden_project.pipeline import load_config, load_predictor, run_training

pytestmark = pytest.mark.integration

CONFIG = TrainingConfig(epochs=15, seed=3)


@pytest.fixture
def result(artifacts_dir):
    return run_training(artifacts_dir, CONFIG)


def test_writes_every_artifact(result, artifacts_dir):
    assert sorted(p.name for p in artifacts_dir.iterdir()) == ["config.json", "metrics.json", "model.npz", "scaler.npz"]


def test_metrics_file_is_complete_finite_and_plausible(result, artifacts_dir):
    metrics = json.loads((artifacts_dir / "metrics.json").read_text())
    assert set(metrics) == {"accuracy", "f1", "log_loss", "n_test", "n_train", "final_train_loss"}
    assert all(math.isfinite(value) for value in metrics.values())
    assert metrics["n_train"] + metrics["n_test"] == 300
    assert metrics["accuracy"] >= 0.9
    assert metrics == result.metrics


def test_reloaded_model_predicts_exactly_the_same(result, artifacts_dir):
    X_new, _ = make_blobs(n_samples=50, n_features=4, seed=99)
    reloaded = load_predictor(artifacts_dir)
    np.testing.assert_array_equal(reloaded.predict_proba(X_new), result.predictor.predict_proba(X_new))


def test_saved_config_round_trips(result, artifacts_dir):
    assert load_config(artifacts_dir) == CONFIG


def test_scaler_is_fitted_on_training_rows_only(artifacts_dir):
    """Shift only the rows that end up in the test split: the saved scaler must not notice."""
    X, y = make_blobs(n_samples=300, n_features=4, seed=CONFIG.seed)
    baseline = run_training(artifacts_dir / "clean", CONFIG, data=(X, y))
    order = np.random.default_rng(CONFIG.seed).permutation(len(X))
    shifted = X.copy()
    shifted[order[:75]] += 100.0  # the 25% test split, chosen with the same seed as the pipeline
    leaked = run_training(artifacts_dir / "shifted", CONFIG, data=(shifted, y))
    np.testing.assert_array_equal(leaked.predictor.scaler.mean_, baseline.predictor.scaler.mean_)
