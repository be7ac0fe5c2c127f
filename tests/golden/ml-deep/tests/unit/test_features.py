"""Unit tests for feature transforms: edge cases (NaN, constant columns) and no leakage.

Pattern: pin the behaviour that silently corrupts training when it breaks: division by zero on
a constant column, NaN spreading or vanishing, and test-set statistics leaking into ``fit``.
Replace the scalers with your transforms and keep one test per edge case.
"""

import numpy as np
import pytest

from golden_project.features import MinMaxScaler, NotFittedError, Standardizer

pytestmark = pytest.mark.unit


def test_min_max_scales_each_column_to_unit_range():
    X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 40.0]])
    scaled = MinMaxScaler().fit_transform(X)
    np.testing.assert_allclose(scaled, [[0.0, 0.0], [0.5, 1 / 3], [1.0, 1.0]])


def test_min_max_maps_constant_column_to_zero_without_dividing_by_zero():
    X = np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 3.0]])
    with np.errstate(all="raise"):
        scaled = MinMaxScaler().fit_transform(X)
    np.testing.assert_array_equal(scaled[:, 0], [0.0, 0.0, 0.0])
    assert np.isfinite(scaled).all()


def test_min_max_ignores_nan_when_fitting_and_keeps_it_when_transforming():
    X = np.array([[0.0, np.nan], [np.nan, 4.0], [10.0, 8.0]])
    scaler = MinMaxScaler().fit(X)
    np.testing.assert_array_equal(scaler.min_, [0.0, 4.0])
    scaled = scaler.transform(X)
    np.testing.assert_array_equal(np.isnan(scaled), np.isnan(X))
    np.testing.assert_allclose(scaled[2], [1.0, 1.0])


def test_min_max_handles_an_all_nan_column():
    X = np.array([[1.0, np.nan], [3.0, np.nan]])
    scaled = MinMaxScaler().fit_transform(X)
    np.testing.assert_allclose(scaled[:, 0], [0.0, 1.0])
    assert np.isnan(scaled[:, 1]).all()


def test_min_max_uses_training_range_for_new_data_and_clips_on_request():
    train, new = np.array([[0.0], [10.0]]), np.array([[-5.0], [20.0]])
    np.testing.assert_allclose(MinMaxScaler().fit(train).transform(new), [[-0.5], [2.0]])
    np.testing.assert_allclose(MinMaxScaler(clip=True).fit(train).transform(new), [[0.0], [1.0]])


def test_standardizer_output_has_zero_mean_and_unit_variance(rng):
    X = rng.normal(loc=[3.0, -2.0], scale=[5.0, 0.5], size=(200, 2))
    Z = Standardizer().fit_transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, atol=1e-12)


def test_standardizer_inverse_transform_round_trips(rng):
    X = rng.normal(size=(50, 3)) * 7 + 1
    scaler = Standardizer().fit(X)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-12, atol=1e-12)


def test_standardizer_maps_constant_column_to_zero():
    X = np.array([[2.0, 1.0], [2.0, 3.0]])
    Z = Standardizer().fit_transform(X)
    np.testing.assert_array_equal(Z[:, 0], [0.0, 0.0])


def test_standardizer_learns_only_from_training_data(rng):
    """No leakage: test rows are scaled with training statistics, and transforming them changes nothing learned."""
    train = rng.normal(loc=0.0, size=(100, 2))
    test = rng.normal(loc=50.0, size=(20, 2))
    scaler = Standardizer().fit(train)
    mean_before, scale_before = scaler.mean_.copy(), scaler.scale_.copy()

    transformed = scaler.transform(test)

    np.testing.assert_allclose(transformed, (test - train.mean(axis=0)) / train.std(axis=0))
    np.testing.assert_array_equal(scaler.mean_, mean_before)
    np.testing.assert_array_equal(scaler.scale_, scale_before)
    # Had the scaler seen the shifted test rows, its mean would have moved far from zero.
    leaky = Standardizer().fit(np.vstack([train, test]))
    assert np.all(np.abs(leaky.mean_ - scaler.mean_) > 5.0)


@pytest.mark.parametrize("scaler", [MinMaxScaler(), Standardizer()], ids=["min-max", "standardizer"])
def test_transform_before_fit_raises(scaler):
    with pytest.raises(NotFittedError, match="before fit"):
        scaler.transform(np.zeros((2, 2)))


@pytest.mark.parametrize("scaler", [MinMaxScaler(), Standardizer()], ids=["min-max", "standardizer"])
def test_transform_rejects_a_different_number_of_columns(scaler):
    scaler.fit(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="expected 2 features"):
        scaler.transform(np.zeros((3, 3)))


def test_transforms_do_not_modify_their_input():
    X = np.array([[1.0, np.nan], [3.0, 4.0]])
    original = X.copy()
    MinMaxScaler().fit_transform(X)
    Standardizer().fit_transform(X)
    np.testing.assert_array_equal(X, original)
