"""Small synthetic data sets, so tests never need a download.

Replace ``make_blobs`` with a loader for your data; keep a generator like it for tests: tiny,
seeded and shaped like the real thing.
"""

from __future__ import annotations

import numpy as np


def make_blobs(
    n_samples: int = 200,
    n_features: int = 2,
    n_classes: int = 2,
    separation: float = 4.0,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clusters, one per class, ``separation`` apart from the origin; balanced labels."""
    if n_samples < n_classes:
        raise ValueError(f"n_samples ({n_samples}) must be at least n_classes ({n_classes})")
    rng = np.random.default_rng(seed)
    directions = rng.normal(size=(n_classes, n_features))
    centers = separation * directions / np.linalg.norm(directions, axis=1, keepdims=True)
    y = rng.permutation(np.arange(n_samples) % n_classes)
    X = centers[y] + rng.normal(size=(n_samples, n_features))
    return X, y


def make_xor(n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two features, label = sign(x0) != sign(x1): separable, but not by a straight line."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    y = ((X[:, 0] > 0) ^ (X[:, 1] > 0)).astype(np.int64)
    return X + rng.normal(scale=noise, size=X.shape), y


def train_test_split(
    X: np.ndarray, y: np.ndarray, test_fraction: float = 0.25, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle once with ``seed``, then cut: returns X_train, X_test, y_train, y_test."""
    if not 0.0 < test_fraction < 1.0:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = max(1, int(round(len(X) * test_fraction)))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]
