"""Seeded numpy fuzz tests: the same invariants as test_invariants_hypothesis.py, without hypothesis.

Pattern: draw many random inputs from a seeded generator (random shapes, magnitudes and edge
values such as constant columns and NaN) and check each invariant on every one; the seed in the
failure message reproduces a failing case. Always runs, so the invariants are checked even where
hypothesis is not installed. Replace the subjects with your transforms and model.
"""

import numpy as np
import pytest

from golden_project.config import OPTIMIZERS, TrainingConfig
from golden_project.features import MinMaxScaler, Standardizer
from golden_project.metrics import accuracy, confusion_matrix, roc_auc
from golden_project.model import LogisticRegression, softmax

pytestmark = pytest.mark.property

CASES = 200


def random_matrix(rng, max_rows=30, max_cols=5):
    """Random shape and scale, sometimes with a constant column or a large outlier."""
    rows, cols = rng.integers(1, max_rows + 1), rng.integers(1, max_cols + 1)
    X = rng.normal(size=(rows, cols)) * 10.0 ** rng.integers(-3, 7)
    if rng.random() < 0.3:
        X[:, rng.integers(cols)] = rng.normal()
    if rng.random() < 0.3:
        X[rng.integers(rows), rng.integers(cols)] = 1e6
    return X


def cases():
    for seed in range(CASES):
        yield seed, np.random.default_rng(seed)


def test_min_max_output_lies_in_unit_interval_and_keeps_nan():
    for seed, rng in cases():
        X = random_matrix(rng)
        if rng.random() < 0.3:
            X[rng.random(X.shape) < 0.2] = np.nan
        scaled = MinMaxScaler().fit_transform(X)
        observed = ~np.isnan(X)
        assert np.array_equal(np.isnan(scaled), ~observed), f"seed {seed}"
        assert np.all((scaled[observed] >= 0.0) & (scaled[observed] <= 1.0)), f"seed {seed}"


def test_standardizer_inverse_recovers_the_input():
    for seed, rng in cases():
        X = random_matrix(rng)
        scaler = Standardizer().fit(X)
        np.testing.assert_allclose(
            scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-9, atol=1e-6, err_msg=f"seed {seed}"
        )


def test_softmax_rows_are_distributions_and_shift_invariant():
    for seed, rng in cases():
        logits = random_matrix(rng, max_cols=6)
        proba = softmax(logits)
        assert np.isfinite(proba).all(), f"seed {seed}"
        np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-12, err_msg=f"seed {seed}")
        np.testing.assert_allclose(softmax(logits + rng.normal() * 100), proba, atol=1e-9, err_msg=f"seed {seed}")


def test_batch_prediction_equals_row_by_row_and_ignores_row_order():
    for seed, rng in cases():
        X = rng.uniform(-100, 100, size=(rng.integers(1, 26), 3))
        model = LogisticRegression(n_features=3, n_classes=3, seed=seed)
        batch = model.predict_proba(X)
        rows = np.vstack([model.predict_proba(row[None, :]) for row in X])
        np.testing.assert_allclose(batch, rows, rtol=1e-12, atol=1e-15, err_msg=f"seed {seed}")
        order = rng.permutation(len(X))
        np.testing.assert_allclose(
            model.predict_proba(X[order]), batch[order], rtol=1e-12, atol=1e-15, err_msg=f"seed {seed}"
        )


def test_classification_metrics_stay_in_range():
    for seed, rng in cases():
        n = rng.integers(2, 41)
        y_true, y_pred = rng.integers(0, 2, size=n), rng.integers(0, 2, size=n)
        assert 0.0 <= accuracy(y_true, y_pred) <= 1.0, f"seed {seed}"
        assert accuracy(y_true, y_true) == 1.0, f"seed {seed}"
        assert confusion_matrix(y_true, y_pred, n_classes=2).sum() == n, f"seed {seed}"


def test_auc_ignores_monotone_rescaling_and_flips_with_negation():
    for seed, rng in cases():
        n = rng.integers(2, 41)
        y = np.zeros(n, dtype=int)
        y[rng.choice(n, size=rng.integers(1, n), replace=False)] = 1
        # Rounding creates ties, which must be handled the same way after rescaling.
        scores = rng.normal(size=n).round(1) * 10
        auc = roc_auc(y, scores)
        assert roc_auc(y, np.exp(scores / 10)) == pytest.approx(auc), f"seed {seed}"
        assert roc_auc(y, -scores) == pytest.approx(1.0 - auc), f"seed {seed}"


def test_every_valid_config_round_trips():
    for seed, rng in cases():
        config = TrainingConfig(
            learning_rate=float(10 ** rng.uniform(-6, 1)),
            epochs=int(rng.integers(1, 1001)),
            batch_size=int(rng.integers(1, 4097)),
            optimizer=str(rng.choice(OPTIMIZERS)),
            momentum=float(rng.uniform(0.0, 0.999)),
            l2=float(rng.uniform(0.0, 1.0)),
            seed=int(rng.integers(0, 2**31)),
        )
        assert TrainingConfig.from_dict(config.to_dict()) == config, f"seed {seed}"
