"""The training loop: seeded shuffling, mini-batches, and a state you can checkpoint and resume.

Replace the model and data with yours; keep every source of randomness in the trainer's own
generator and every piece of progress in ``state_dict``, so that a resumed run continues exactly
where an uninterrupted one would have been.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

import numpy as np

from .config import TrainingConfig
from .model import LogisticRegression
from .optim import make_optimizer


class Trainable(Protocol):
    params: dict[str, np.ndarray]

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray, l2: float = 0.0) -> tuple[float, dict[str, np.ndarray]]: ...


class Trainer:
    def __init__(self, model: Trainable, config: TrainingConfig) -> None:
        self.model = model
        self.config = config
        self.optimizer = make_optimizer(config)
        self.rng = np.random.default_rng(config.seed)
        self.step = 0
        self.epoch = 0
        self.history: list[float] = []

    def train_epoch(self, X: np.ndarray, y: np.ndarray) -> float:
        """One pass over the data in a freshly shuffled order; returns the mean batch loss."""
        order = self.rng.permutation(len(X))
        losses = []
        for start in range(0, len(X), self.config.batch_size):
            batch = order[start : start + self.config.batch_size]
            loss, grads = self.model.loss_and_grads(X[batch], y[batch], self.config.l2)
            self.optimizer.step(self.model.params, grads)
            self.step += 1
            losses.append(loss)
        self.epoch += 1
        mean_loss = float(np.mean(losses))
        self.history.append(mean_loss)
        return mean_loss

    def fit(self, X: np.ndarray, y: np.ndarray, epochs: int | None = None) -> list[float]:
        """Train for ``epochs`` more epochs (default: ``config.epochs``); returns the new losses."""
        count = self.config.epochs if epochs is None else epochs
        return [self.train_epoch(X, y) for _ in range(count)]

    def state_dict(self) -> dict[str, Any]:
        """Everything needed to resume: weights, optimizer state, counters and the RNG state."""
        return {
            "model": {k: v.copy() for k, v in self.model.params.items()},
            "optimizer": copy.deepcopy(self.optimizer.state_dict()),
            "step": self.step,
            "epoch": self.epoch,
            "history": list(self.history),
            "rng": copy.deepcopy(self.rng.bit_generator.state),
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.model.params = {k: np.array(v, dtype=np.float64) for k, v in state["model"].items()}
        self.optimizer.load_state_dict(copy.deepcopy(state["optimizer"]))
        self.step = int(state["step"])
        self.epoch = int(state["epoch"])
        self.history = [float(v) for v in state["history"]]
        self.rng.bit_generator.state = copy.deepcopy(state["rng"])


def train_logistic_regression(
    X: np.ndarray, y: np.ndarray, config: TrainingConfig | None = None, n_classes: int | None = None
) -> tuple[LogisticRegression, Trainer]:
    """Fit the example model with ``config`` (defaults if omitted)."""
    config = config or TrainingConfig()
    k = n_classes if n_classes is not None else int(np.max(y)) + 1
    model = LogisticRegression(X.shape[1], max(k, 2), seed=config.seed)
    trainer = Trainer(model, config)
    trainer.fit(X, y)
    return model, trainer
