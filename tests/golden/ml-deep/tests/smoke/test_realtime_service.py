"""Smoke tests for the online service: contract, batch-vs-single parity, validation, latency.

Pattern: load the model the way production does (from the artifact file), then check what
clients rely on: the response shape and types, the same answer for a row alone or inside a
batch, a 400 with a useful message for every kind of bad input, and a latency budget. The budget
measures wall-clock time, which a busy machine can break, so it runs only when asked for
(``python -m pytest -m performance``). Replace ``PredictionService`` with your handler; keep the
request cases.
"""

import json
import math
import time

import numpy as np
import pytest

from golden_project.config import TrainingConfig
from golden_project.serving import PredictionService
from golden_project.train import train_logistic_regression

pytestmark = pytest.mark.smoke


@pytest.fixture
def service(tiny_dataset, artifacts_dir):
    model, _ = train_logistic_regression(tiny_dataset.X_train, tiny_dataset.y_train, TrainingConfig(epochs=10))
    model.save(artifacts_dir / "model.npz")
    return PredictionService.from_artifact(artifacts_dir / "model.npz", model_version="2024-01-01.1")


@pytest.fixture
def rows(tiny_dataset):
    return tiny_dataset.X_test[:8].tolist()


def test_health_reports_the_model_version(service):
    assert service.health() == {"status": "ok", "model_version": "2024-01-01.1", "n_features": 3}


def test_response_contract(service, rows):
    status, body = service.handle({"instances": rows})
    assert status == 200
    assert set(body) == {"model_version", "predictions"}
    assert body["model_version"] == "2024-01-01.1"
    assert len(body["predictions"]) == len(rows)
    for prediction in body["predictions"]:
        assert set(prediction) == {"label", "probabilities"}
        assert isinstance(prediction["label"], int)
        assert math.isclose(sum(prediction["probabilities"]), 1.0, abs_tol=1e-5)
        assert prediction["label"] == int(np.argmax(prediction["probabilities"]))
    assert json.loads(json.dumps(body)) == body


def test_predictions_are_correct_on_held_out_rows(service, tiny_dataset):
    _, body = service.handle({"instances": tiny_dataset.X_test.tolist()})
    labels = [p["label"] for p in body["predictions"]]
    assert np.mean(np.array(labels) == tiny_dataset.y_test) >= 0.9


def test_batch_and_single_requests_agree(service, rows):
    _, batch = service.handle({"instances": rows})
    singles = [service.handle({"instances": [row]})[1]["predictions"][0] for row in rows]
    assert batch["predictions"] == singles


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([[1.0, 2.0, 3.0]], "JSON object"),
        ({"rows": [[1.0, 2.0, 3.0]]}, "JSON object"),
        ({"instances": [[1.0, 2.0, 3.0]], "debug": True}, "unknown request field"),
        ({"instances": []}, "empty"),
        ({"instances": "1,2,3"}, "list of feature lists"),
        ({"instances": [[1.0, 2.0]]}, "instance 0 has 2 features, expected 3"),
        ({"instances": [[1.0, 2.0, 3.0], [1.0, "x", 3.0]]}, "instance 1, feature 1 must be a number"),
        ({"instances": [[1.0, None, 3.0]]}, "must be a number"),
        ({"instances": [[1.0, True, 3.0]]}, "must be a number"),
        ({"instances": [[1.0, float("nan"), 3.0]]}, "must be finite"),
        ({"instances": [[0.0, 0.0, 0.0]] * 1001}, "at most 1000 instances"),
    ],
    ids=[
        "not-an-object", "missing-instances", "unknown-field", "empty", "string", "short-row",
        "string-value", "null-value", "bool-value", "nan-value", "too-many",
    ],
)
def test_invalid_requests_get_400_with_a_reason(service, payload, message):
    status, body = service.handle(payload)
    assert status == 400
    assert message in body["error"]


@pytest.mark.performance
@pytest.mark.timing  # wall-clock: runs with -m performance, skipped by default
def test_latency_budget(service, rows):
    """Generous on purpose: catches an accidental reload or O(n^2) step, not normal jitter."""
    service.handle({"instances": rows[:1]})  # warm up
    timings = []
    for _ in range(50):
        start = time.perf_counter()
        service.handle({"instances": rows[:1]})
        timings.append(time.perf_counter() - start)
    assert np.percentile(timings, 95) < 0.05
