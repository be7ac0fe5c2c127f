"""Gradient-descent optimizers with explicit state, so a checkpoint can restore them exactly.

If you train with a framework (PyTorch, JAX), its optimizers replace these; the checkpoint
tests still show what must be saved: weights, optimizer state, step counter and RNG state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .config import TrainingConfig


class Optimizer:
    """Updates a dict of parameter arrays in place from a dict of gradients."""

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = learning_rate

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if state:
            raise ValueError(f"{type(self).__name__} has no state, got keys {sorted(state)}")


class SGD(Optimizer):
    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        for name, grad in grads.items():
            params[name] -= self.learning_rate * grad


class Momentum(Optimizer):
    def __init__(self, learning_rate: float, momentum: float = 0.9) -> None:
        super().__init__(learning_rate)
        self.momentum = momentum
        self.velocity: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        for name, grad in grads.items():
            v = self.momentum * self.velocity.get(name, np.zeros_like(grad)) - self.learning_rate * grad
            self.velocity[name] = v
            params[name] += v

    def state_dict(self) -> dict[str, Any]:
        return {"velocity": {k: v.copy() for k, v in self.velocity.items()}}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.velocity = {k: np.array(v, dtype=np.float64) for k, v in state["velocity"].items()}


class Adam(Optimizer):
    def __init__(self, learning_rate: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> None:
        super().__init__(learning_rate)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.t = 0
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        for name, grad in grads.items():
            m = self.beta1 * self.m.get(name, np.zeros_like(grad)) + (1 - self.beta1) * grad
            v = self.beta2 * self.v.get(name, np.zeros_like(grad)) + (1 - self.beta2) * grad**2
            self.m[name], self.v[name] = m, v
            m_hat = m / (1 - self.beta1**self.t)
            v_hat = v / (1 - self.beta2**self.t)
            params[name] -= self.learning_rate * m_hat / (np.sqrt(v_hat) + self.eps)

    def state_dict(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "m": {k: v.copy() for k, v in self.m.items()},
            "v": {k: v.copy() for k, v in self.v.items()},
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.t = int(state["t"])
        self.m = {k: np.array(v, dtype=np.float64) for k, v in state["m"].items()}
        self.v = {k: np.array(v, dtype=np.float64) for k, v in state["v"].items()}


def make_optimizer(config: TrainingConfig) -> Optimizer:
    if config.optimizer == "sgd":
        return SGD(config.learning_rate)
    if config.optimizer == "momentum":
        return Momentum(config.learning_rate, config.momentum)
    return Adam(config.learning_rate)
