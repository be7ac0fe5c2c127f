"""Regression tests: the example model's metrics must stay within tolerance of a stored baseline.

Pattern: evaluate the model on a fixed, seeded evaluation set and compare every metric (overall
and per class, since a slice can regress while the average holds) with baseline_metrics.json.
A drop beyond the tolerance fails; so does a jump, which usually means the evaluation changed.

Refresh the baseline after an intended change, then review the diff of the JSON file:

    UPDATE_BASELINE=1 python -m pytest tests/regression

Replace ``evaluate_example_model`` with the evaluation of your model on your frozen evaluation
set, refresh, and tune each tolerance to the run-to-run noise you observe.
"""

import json
import math
import os
from pathlib import Path

import pytest

from golden_project.config import TrainingConfig
from golden_project.data import make_blobs, train_test_split
from golden_project.features import Standardizer
from golden_project.metrics import accuracy, log_loss, precision_recall_f1, roc_auc
from golden_project.train import train_logistic_regression

pytestmark = pytest.mark.regression

BASELINE = Path(__file__).with_name("baseline_metrics.json")
REFRESH = os.environ.get("UPDATE_BASELINE") == "1"


def evaluate_example_model() -> dict[str, float]:
    """Train the example model with a pinned config and score it on a fixed held-out set."""
    X, y = make_blobs(n_samples=600, n_features=4, separation=1.5, seed=2024)
    X = X * [1.0, 10.0, 100.0, 0.1] + [5.0, -50.0, 200.0, 0.0]  # raw features on very different scales
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.3, seed=2024)
    scaler = Standardizer().fit(X_train)
    model, _ = train_logistic_regression(scaler.transform(X_train), y_train, TrainingConfig(epochs=25, seed=2024))
    proba = model.predict_proba(scaler.transform(X_test))
    predicted = proba.argmax(axis=1)
    _, _, f1 = precision_recall_f1(y_test, predicted)
    metrics = {
        "accuracy": accuracy(y_test, predicted),
        "f1": f1,
        "log_loss": log_loss(y_test, proba),
        "roc_auc": roc_auc(y_test, proba[:, 1]),
    }
    for label in (0, 1):
        rows = y_test == label
        metrics[f"accuracy_class_{label}"] = accuracy(y_test[rows], predicted[rows])
    return metrics


def compare(name: str, actual: float, expected: dict) -> str | None:
    """A message when ``actual`` is outside ``expected['tolerance']`` of the baseline value, else None."""
    delta = actual - expected["value"]
    if abs(delta) <= expected["tolerance"]:
        return None
    better = delta > 0 if expected["higher_is_better"] else delta < 0
    verdict = "improved beyond" if better else "regressed beyond"
    hint = "refresh the baseline if the change is intended" if better else "find the cause before refreshing"
    baseline = f"{expected['value']:.4f} ± {expected['tolerance']}"
    return f"{name} {verdict} tolerance: {actual:.4f} vs baseline {baseline} ({hint})"


@pytest.fixture(scope="module")
def current():
    return evaluate_example_model()


@pytest.fixture(scope="module")
def baseline(current):
    stored = json.loads(BASELINE.read_text())
    if REFRESH:
        for name, value in current.items():
            entry = stored["metrics"].setdefault(name, {"tolerance": 0.02, "higher_is_better": name != "log_loss"})
            entry["value"] = round(value, 6)
        BASELINE.write_text(json.dumps(stored, indent=2) + "\n")
        pytest.skip(f"baseline refreshed in {BASELINE.name}: review the diff, then run again without UPDATE_BASELINE")
    return stored["metrics"]


def test_baseline_covers_every_metric_with_a_valid_tolerance(baseline, current):
    assert set(baseline) == set(current)
    for name, entry in baseline.items():
        assert math.isfinite(entry["value"]), name
        assert 0 <= entry["tolerance"] < 0.5, name
        assert isinstance(entry["higher_is_better"], bool), name


@pytest.mark.parametrize("name", ["accuracy", "f1", "log_loss", "roc_auc", "accuracy_class_0", "accuracy_class_1"])
def test_metric_matches_baseline(name, baseline, current):
    problem = compare(name, current[name], baseline[name])
    assert problem is None, problem


def test_evaluation_is_deterministic(current):
    assert evaluate_example_model() == current


@pytest.mark.parametrize(
    ("actual", "expected_verdict"),
    [(0.80, None), (0.77, "regressed beyond"), (0.83, "improved beyond")],
)
def test_compare_flags_drift_in_either_direction(actual, expected_verdict):
    message = compare("accuracy", actual, {"value": 0.80, "tolerance": 0.02, "higher_is_better": True})
    if expected_verdict is None:
        assert message is None
    else:
        assert expected_verdict in message


def test_compare_knows_lower_is_better_for_losses():
    message = compare("log_loss", 0.50, {"value": 0.40, "tolerance": 0.05, "higher_is_better": False})
    assert "regressed beyond" in message
