"""Feature transforms with a fit / transform split, so statistics come from training data only.

Replace or extend these with your own transforms. Keep the contract the tests check: ``fit``
learns from the data it is given and nothing else, ``transform`` never changes what was learned,
NaN stays NaN, and a constant column does not divide by zero.
"""

from __future__ import annotations

import numpy as np


class NotFittedError(RuntimeError):
    """``transform`` was called before ``fit``."""


def _as_matrix(X: np.ndarray, n_features: int | None = None) -> np.ndarray:
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"expected a 2-D array (samples x features), got shape {X.shape}")
    if np.isinf(X).any():
        raise ValueError("X contains infinite values; replace them before scaling")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"expected {n_features} features (as seen in fit), got {X.shape[1]}")
    return X


def _observed(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The NaN mask and, per column, whether any value was observed."""
    mask = ~np.isnan(X)
    return mask, mask.any(axis=0)


class MinMaxScaler:
    """Scales each column to [0, 1] using the training minimum and maximum.

    NaN values are ignored when fitting and kept as NaN when transforming. A constant column
    (or one with no observed value) maps to 0. Values outside the training range map outside
    [0, 1] unless ``clip=True``.
    """

    def __init__(self, clip: bool = False) -> None:
        self.clip = clip
        self.min_: np.ndarray | None = None
        self.range_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "MinMaxScaler":
        X = _as_matrix(X)
        mask, seen = _observed(X)
        low = np.where(mask, X, np.inf).min(axis=0)
        high = np.where(mask, X, -np.inf).max(axis=0)
        self.min_ = np.where(seen, low, 0.0)
        spread = np.where(seen, high - low, 0.0)
        self.range_ = np.where(spread > 0, spread, 1.0)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        if self.min_ is None or self.range_ is None:
            raise NotFittedError("MinMaxScaler.transform called before fit")
        X = _as_matrix(X, len(self.min_))
        scaled = (X - self.min_) / self.range_
        return np.clip(scaled, 0.0, 1.0) if self.clip else scaled

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X_scaled: np.ndarray) -> np.ndarray:
        if self.min_ is None or self.range_ is None:
            raise NotFittedError("MinMaxScaler.inverse_transform called before fit")
        return _as_matrix(X_scaled, len(self.min_)) * self.range_ + self.min_


class Standardizer:
    """Centers each column on the training mean and divides by the training standard deviation.

    NaN values are ignored when fitting and kept when transforming; a constant column maps to 0.
    """

    def __init__(self) -> None:
        self.mean_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "Standardizer":
        X = _as_matrix(X)
        mask, seen = _observed(X)
        counts = np.maximum(mask.sum(axis=0), 1)
        filled = np.where(mask, X, 0.0)
        mean = filled.sum(axis=0) / counts
        var = (np.where(mask, X - mean, 0.0) ** 2).sum(axis=0) / counts
        std = np.sqrt(var)
        self.mean_ = np.where(seen, mean, 0.0)
        self.scale_ = np.where(std > 0, std, 1.0)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        if self.mean_ is None or self.scale_ is None:
            raise NotFittedError("Standardizer.transform called before fit")
        return (_as_matrix(X, len(self.mean_)) - self.mean_) / self.scale_

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X_std: np.ndarray) -> np.ndarray:
        if self.mean_ is None or self.scale_ is None:
            raise NotFittedError("Standardizer.inverse_transform called before fit")
        return _as_matrix(X_std, len(self.mean_)) * self.scale_ + self.mean_
