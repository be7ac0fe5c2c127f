"""A tiny multinomial logistic regression in numpy: the example model the tests exercise.

Replace it with your model. The tests in tests/model describe what any classifier here should
do (shapes, finite probabilities that sum to one, determinism, learning on easy data), so keep
the same small interface: ``params``, ``predict_proba``, ``predict``, ``loss_and_grads``,
``save`` and ``load``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by the row maximum so large logits cannot overflow."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class LogisticRegression:
    """Softmax regression: ``p(y | x) = softmax(x @ W + b)``."""

    def __init__(self, n_features: int, n_classes: int = 2, seed: int = 0) -> None:
        if n_features < 1 or n_classes < 2:
            raise ValueError(f"need n_features >= 1 and n_classes >= 2, got {n_features} and {n_classes}")
        rng = np.random.default_rng(seed)
        self.params: dict[str, np.ndarray] = {
            "W": rng.normal(scale=0.01, size=(n_features, n_classes)),
            "b": np.zeros(n_classes),
        }

    @property
    def n_features(self) -> int:
        return self.params["W"].shape[0]

    @property
    def n_classes(self) -> int:
        return self.params["W"].shape[1]

    def _check(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.n_features:
            raise ValueError(f"expected input of shape (n, {self.n_features}), got {X.shape}")
        if not np.isfinite(X).all():
            raise ValueError("input contains NaN or infinite values")
        return X

    def logits(self, X: np.ndarray) -> np.ndarray:
        return self._check(X) @ self.params["W"] + self.params["b"]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return softmax(self.logits(X))

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.logits(X).argmax(axis=1)

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray, l2: float = 0.0) -> tuple[float, dict[str, np.ndarray]]:
        """Mean cross-entropy plus ``l2 / 2 * ||W||^2``, and its gradient for every parameter."""
        X = self._check(X)
        y = np.asarray(y, dtype=np.int64)
        proba = softmax(X @ self.params["W"] + self.params["b"])
        n = len(X)
        loss = -np.mean(np.log(np.clip(proba[np.arange(n), y], 1e-15, 1.0)))
        loss += 0.5 * l2 * float(np.sum(self.params["W"] ** 2))
        delta = proba.copy()
        delta[np.arange(n), y] -= 1.0
        delta /= n
        grads = {"W": X.T @ delta + l2 * self.params["W"], "b": delta.sum(axis=0)}
        return float(loss), grads

    def save(self, path: str | Path) -> None:
        """Write the parameters to an ``.npz`` file (no pickle, safe to load)."""
        with open(path, "wb") as handle:
            np.savez(handle, **self.params)

    @classmethod
    def load(cls, path: str | Path) -> "LogisticRegression":
        with np.load(path, allow_pickle=False) as data:
            W, b = data["W"], data["b"]
        model = cls(W.shape[0], W.shape[1])
        model.params = {"W": W.copy(), "b": b.copy()}
        return model
