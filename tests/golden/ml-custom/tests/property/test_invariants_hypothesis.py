"""Property-based tests with hypothesis: invariants that must hold for every input, not just examples.

Pattern: state a rule (scaled values lie in [0, 1]; predicting a batch equals predicting each
row; AUC ignores monotone rescaling of scores) and let hypothesis search for a counterexample,
shrinking any failure to a minimal case. Skipped without hypothesis; test_invariants_fuzz.py
checks the same rules with seeded numpy inputs and always runs. Replace the subjects with your
transforms and model, and keep rules that are true of any correct implementation.
"""

import numpy as np
import pytest

pytest.importorskip("hypothesis")

from hypothesis import given, settings, strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402

from golden_project.config import OPTIMIZERS, TrainingConfig  # noqa: E402
from golden_project.features import MinMaxScaler, Standardizer  # noqa: E402
from golden_project.metrics import accuracy, confusion_matrix, roc_auc  # noqa: E402
from golden_project.model import LogisticRegression, softmax  # noqa: E402

pytestmark = pytest.mark.property

# derandomize: the same examples on every run, so a pass or failure is reproducible (and no example database is needed).
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None)

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_subnormal=False)
matrices = st.tuples(st.integers(1, 30), st.integers(1, 5)).flatmap(
    lambda shape: arrays(np.float64, shape, elements=finite)
)
bounded = st.floats(-100, 100)
labels = st.lists(st.integers(0, 1), min_size=2, max_size=40)


@SETTINGS
@given(matrices)
def test_min_max_output_lies_in_unit_interval(X):
    scaled = MinMaxScaler().fit_transform(X)
    assert np.all((scaled >= 0.0) & (scaled <= 1.0))


@SETTINGS
@given(matrices)
def test_standardizer_inverse_recovers_the_input(X):
    scaler = Standardizer().fit(X)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-9, atol=1e-6)


@SETTINGS
@given(arrays(np.float64, st.tuples(st.integers(1, 20), st.integers(2, 6)), elements=finite), finite)
def test_softmax_rows_are_distributions_and_shift_invariant(logits, shift):
    proba = softmax(logits)
    assert np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(softmax(logits + shift), proba, atol=1e-9)


@SETTINGS
@given(arrays(np.float64, st.tuples(st.integers(1, 25), st.just(3)), elements=bounded), st.integers(0, 2**16))
def test_batch_prediction_equals_row_by_row_and_ignores_row_order(X, seed):
    model = LogisticRegression(n_features=3, n_classes=3, seed=seed)
    batch = model.predict_proba(X)
    rows = np.vstack([model.predict_proba(row[None, :]) for row in X])
    np.testing.assert_allclose(batch, rows, rtol=1e-12, atol=1e-15)
    order = np.random.default_rng(seed).permutation(len(X))
    np.testing.assert_allclose(model.predict_proba(X[order]), batch[order], rtol=1e-12, atol=1e-15)


@SETTINGS
@given(st.data())
def test_classification_metrics_stay_in_range(data):
    y_true = np.array(data.draw(labels))
    y_pred = np.array(data.draw(st.lists(st.integers(0, 1), min_size=len(y_true), max_size=len(y_true))))
    assert 0.0 <= accuracy(y_true, y_pred) <= 1.0
    assert accuracy(y_true, y_true) == 1.0
    assert confusion_matrix(y_true, y_pred, n_classes=2).sum() == len(y_true)


@SETTINGS
@given(st.data())
def test_auc_ignores_monotone_rescaling_and_flips_with_negation(data):
    y = np.array(data.draw(labels.filter(lambda v: 0 < sum(v) < len(v))))
    # Integer scores: many ties, and exp() stays strictly increasing (tiny floats would collapse to 1.0).
    scores = np.array(data.draw(st.lists(st.integers(-50, 50), min_size=len(y), max_size=len(y))), dtype=np.float64)
    auc = roc_auc(y, scores)
    assert roc_auc(y, np.exp(scores / 10)) == pytest.approx(auc)
    assert roc_auc(y, -scores) == pytest.approx(1.0 - auc)


@SETTINGS
@given(
    st.builds(
        TrainingConfig,
        learning_rate=st.floats(1e-6, 10.0),
        epochs=st.integers(1, 1000),
        batch_size=st.integers(1, 4096),
        optimizer=st.sampled_from(OPTIMIZERS),
        momentum=st.floats(0.0, 0.999),
        l2=st.floats(0.0, 1.0),
        seed=st.integers(0, 2**31),
    )
)
def test_every_valid_config_round_trips(config):
    assert TrainingConfig.from_dict(config.to_dict()) == config
