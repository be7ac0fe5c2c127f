"""Model tests: the behaviour any classifier in this project must have, on the shipped example.

Pattern: cheap checks that catch broken models before an expensive training run does: output
shapes, finite probabilities that sum to one, determinism, sensitivity to the input, correct
gradients and learning well above chance on data that is easy on purpose. Replace
``LogisticRegression`` with your model; most of these tests should keep passing unchanged.
"""

import numpy as np
import pytest

from golden_project.config import TrainingConfig
from golden_project.data import make_blobs
from golden_project.metrics import accuracy
from golden_project.model import LogisticRegression
from golden_project.train import Trainer, train_logistic_regression

pytestmark = pytest.mark.unit


@pytest.fixture
def trained(tiny_dataset):
    model, _ = train_logistic_regression(tiny_dataset.X_train, tiny_dataset.y_train, TrainingConfig(epochs=20))
    return model


def test_output_shapes(tiny_dataset):
    model = LogisticRegression(n_features=tiny_dataset.n_features, n_classes=3)
    X = tiny_dataset.X_test
    assert model.predict_proba(X).shape == (len(X), 3)
    assert model.predict(X).shape == (len(X),)


def test_outputs_are_finite_even_for_extreme_inputs(trained, tiny_dataset):
    extreme = np.full((4, tiny_dataset.n_features), 1e6) * np.array([[1], [-1], [1e2], [-1e2]])
    proba = trained.predict_proba(extreme)
    assert np.isfinite(proba).all()


def test_probabilities_are_valid_and_sum_to_one(trained, tiny_dataset):
    proba = trained.predict_proba(tiny_dataset.X_test)
    assert ((proba >= 0) & (proba <= 1)).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-12)


def test_prediction_is_deterministic_and_does_not_change_the_model(trained, tiny_dataset):
    weights_before = {k: v.copy() for k, v in trained.params.items()}
    first = trained.predict_proba(tiny_dataset.X_test)
    second = trained.predict_proba(tiny_dataset.X_test)
    np.testing.assert_array_equal(first, second)
    for name, value in trained.params.items():
        np.testing.assert_array_equal(value, weights_before[name])


def test_different_inputs_give_different_outputs(trained, tiny_dataset):
    proba = trained.predict_proba(tiny_dataset.X_test[:10])
    assert len(np.unique(proba, axis=0)) == 10


def test_learns_well_above_chance_on_separable_data(trained, tiny_dataset):
    assert accuracy(tiny_dataset.y_test, trained.predict(tiny_dataset.X_test)) >= 0.9


def test_learns_three_classes(make_dataset):
    data = make_dataset(n_samples=240, n_classes=3, separation=5.0)
    model, _ = train_logistic_regression(data.X_train, data.y_train, TrainingConfig(epochs=30))
    assert accuracy(data.y_test, model.predict(data.X_test)) >= 0.85


def test_training_loss_decreases(tiny_dataset):
    model = LogisticRegression(tiny_dataset.n_features)
    trainer = Trainer(model, TrainingConfig(optimizer="sgd", learning_rate=0.1, epochs=15))
    losses = trainer.fit(tiny_dataset.X_train, tiny_dataset.y_train)
    assert losses[-1] < 0.5 * losses[0]


def test_analytic_gradient_matches_finite_differences(rng):
    X, y = make_blobs(n_samples=12, n_features=3, n_classes=3, seed=3)
    model = LogisticRegression(3, 3, seed=1)
    model.params["W"] = rng.normal(size=(3, 3))
    _, grads = model.loss_and_grads(X, y, l2=0.1)
    eps = 1e-6
    for name, param in model.params.items():
        numeric = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            original = param[index]
            param[index] = original + eps
            plus, _ = model.loss_and_grads(X, y, l2=0.1)
            param[index] = original - eps
            minus, _ = model.loss_and_grads(X, y, l2=0.1)
            param[index] = original
            numeric[index] = (plus - minus) / (2 * eps)
        np.testing.assert_allclose(grads[name], numeric, rtol=1e-5, atol=1e-8, err_msg=name)


@pytest.mark.parametrize(
    "bad", [np.zeros((2, 5)), np.zeros(3), np.array([[np.nan, 0.0, 0.0]])], ids=["wrong-width", "1-d", "nan"]
)
def test_rejects_malformed_input_with_a_clear_error(bad):
    with pytest.raises(ValueError, match="expected input of shape|NaN"):
        LogisticRegression(n_features=3).predict(bad)


def test_save_and_load_give_identical_predictions(trained, tiny_dataset, artifacts_dir):
    path = artifacts_dir / "model.npz"
    trained.save(path)
    restored = LogisticRegression.load(path)
    X = tiny_dataset.X_test
    np.testing.assert_array_equal(restored.predict_proba(X), trained.predict_proba(X))
