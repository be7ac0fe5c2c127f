"""Training configuration: every hyperparameter in one validated, typed place.

Replace the fields with your own. Keep the pattern: validate in ``__post_init__`` so a bad value
fails when the config is built, with a message naming the field, instead of deep inside training.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

OPTIMIZERS = ("sgd", "momentum", "adam")


class ConfigError(ValueError):
    """A training configuration value is missing, unknown or out of range."""


def _require_int(name: str, value: Any, minimum: int) -> None:
    # bool is a subclass of int in Python: `epochs=True` is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")


def _require_float(name: str, value: Any, low: float, high: float, *, low_inclusive: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, got {value!r}")
    too_low = value < low if low_inclusive else value <= low
    if too_low or value > high:
        bracket = "[" if low_inclusive else "("
        raise ConfigError(f"{name} must be in {bracket}{low}, {high}], got {value}")


@dataclass(frozen=True)
class TrainingConfig:
    """Hyperparameters for :class:`~.train.Trainer`. Every field has a sensible default."""

    learning_rate: float = 0.1
    epochs: int = 40
    batch_size: int = 16
    optimizer: str = "adam"
    momentum: float = 0.9
    l2: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        _require_float("learning_rate", self.learning_rate, 0.0, 10.0, low_inclusive=False)
        _require_int("epochs", self.epochs, 1)
        _require_int("batch_size", self.batch_size, 1)
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {self.optimizer!r}")
        _require_float("momentum", self.momentum, 0.0, 1.0, low_inclusive=True)
        if self.momentum == 1.0:
            raise ConfigError("momentum must be below 1.0, got 1.0")
        _require_float("l2", self.l2, 0.0, math.inf, low_inclusive=True)
        _require_int("seed", self.seed, 0)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> "TrainingConfig":
        """Build a config from parsed YAML/JSON; missing keys take their defaults."""
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ConfigError(f"unknown config key(s) {', '.join(unknown)}; known keys: {', '.join(known)}")
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
