"""The training pipeline: data -> split -> fit scaler on train -> train -> evaluate -> artifacts.

Every artifact lands in one output folder: the model, the fitted scaler (so serving applies
exactly the preprocessing training used), the config and metrics.json. Replace the data loading
and the model with yours; keep one function that produces the whole folder from a config.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .config import TrainingConfig
from .data import make_blobs, train_test_split
from .features import Standardizer
from .metrics import accuracy, log_loss, precision_recall_f1
from .model import LogisticRegression
from .train import train_logistic_regression

MODEL_FILE, SCALER_FILE, CONFIG_FILE, METRICS_FILE = "model.npz", "scaler.npz", "config.json", "metrics.json"


class Predictor:
    """The fitted scaler and model together: raw features in, probabilities out."""

    def __init__(self, scaler: Standardizer, model: LogisticRegression) -> None:
        self.scaler, self.model = scaler, model

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(self.scaler.transform(X))

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.predict_proba(X).argmax(axis=1)


@dataclass(frozen=True)
class TrainingResult:
    output_dir: Path
    predictor: Predictor
    metrics: dict[str, Any]


def evaluate(predictor: Predictor, X: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    proba = predictor.predict_proba(X)
    _, _, f1 = precision_recall_f1(y, proba.argmax(axis=1))
    return {
        "accuracy": accuracy(y, proba.argmax(axis=1)),
        "log_loss": log_loss(y, proba),
        "f1": f1,
        "n_test": int(len(y)),
    }


def run_training(
    output_dir: str | Path,
    config: TrainingConfig | None = None,
    data: tuple[np.ndarray, np.ndarray] | None = None,
) -> TrainingResult:
    """Train on ``data`` (a synthetic set by default) and write every artifact to ``output_dir``."""
    config = config or TrainingConfig()
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    X, y = data if data is not None else make_blobs(n_samples=300, n_features=4, seed=config.seed)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=config.seed)

    scaler = Standardizer().fit(X_train)
    model, trainer = train_logistic_regression(scaler.transform(X_train), y_train, config)
    predictor = Predictor(scaler, model)
    metrics = {
        **evaluate(predictor, X_test, y_test),
        "n_train": int(len(y_train)),
        "final_train_loss": trainer.history[-1],
    }

    model.save(output / MODEL_FILE)
    with open(output / SCALER_FILE, "wb") as handle:
        np.savez(handle, mean=scaler.mean_, scale=scaler.scale_)
    (output / CONFIG_FILE).write_text(json.dumps(config.to_dict(), indent=2, sort_keys=True) + "\n")
    (output / METRICS_FILE).write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    return TrainingResult(output, predictor, metrics)


def load_predictor(output_dir: str | Path) -> Predictor:
    """Rebuild the predictor from a folder written by :func:`run_training`."""
    output = Path(output_dir)
    scaler = Standardizer()
    with np.load(output / SCALER_FILE, allow_pickle=False) as data:
        scaler.mean_, scaler.scale_ = data["mean"].copy(), data["scale"].copy()
    return Predictor(scaler, LogisticRegression.load(output / MODEL_FILE))


def load_config(output_dir: str | Path) -> TrainingConfig:
    return TrainingConfig.from_dict(json.loads((Path(output_dir) / CONFIG_FILE).read_text()))
