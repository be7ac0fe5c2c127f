"""A local, file-based experiment tracker behind a small interface.

``FileTracker`` stores each run in its own folder (meta.json, params.json, metrics.jsonl and
artifacts/), which is enough for tests and for working offline. The ``Tracker`` protocol is the
seam: an adapter over MLflow or Weights & Biases with the same methods drops in without touching
the training code. Replace the backend; keep the rules the tests check (params are immutable
once logged, metrics are finite, a crashed run is marked FAILED).
"""

from __future__ import annotations

import json
import math
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Protocol

import numpy as np

from .config import TrainingConfig
from .metrics import accuracy, log_loss
from .model import LogisticRegression
from .train import Trainer

Scalar = str | int | float | bool | None


class TrackingError(RuntimeError):
    """A tracking call was invalid (changed parameter, bad metric, closed run)."""


class Run(Protocol):
    run_id: str

    def __enter__(self) -> "Run": ...

    def __exit__(self, exc_type: Any, exc: Any, traceback: Any) -> None: ...

    def log_params(self, params: Mapping[str, Scalar]) -> None: ...

    def log_metric(self, key: str, value: float, step: int | None = None) -> None: ...

    def log_artifact(self, path: str | Path, name: str | None = None) -> None: ...


class Tracker(Protocol):
    def start_run(self, name: str, tags: Mapping[str, str] | None = None) -> Run: ...


@dataclass
class RunRecord:
    run_id: str
    name: str
    status: str
    tags: dict[str, str]
    params: dict[str, Scalar]
    metrics: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    artifacts: list[str] = field(default_factory=list)

    def last(self, key: str) -> float:
        return self.metrics[key][-1][1]


class FileRun:
    def __init__(self, folder: Path, run_id: str) -> None:
        self.folder, self.run_id = folder, run_id
        self._params: dict[str, Scalar] = {}
        self._steps: dict[str, int] = {}
        self._open = True

    def _check_open(self) -> None:
        if not self._open:
            raise TrackingError(f"run {self.run_id} has ended")

    def log_params(self, params: Mapping[str, Scalar]) -> None:
        self._check_open()
        for key, value in params.items():
            if not isinstance(value, (str, int, float, bool, type(None))):
                raise TrackingError(f"param {key!r} must be a string, number, bool or None, got {type(value).__name__}")
            if key in self._params and self._params[key] != value:
                raise TrackingError(
                    f"param {key!r} was logged as {self._params[key]!r}; params cannot change within a run"
                )
            self._params[key] = value
        (self.folder / "params.json").write_text(json.dumps(self._params, indent=2, sort_keys=True) + "\n")

    def log_metric(self, key: str, value: float, step: int | None = None) -> None:
        self._check_open()
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise TrackingError(f"metric {key!r} must be a finite number, got {value!r}")
        step = self._steps.get(key, -1) + 1 if step is None else step
        if step <= self._steps.get(key, -1):
            raise TrackingError(f"metric {key!r} step {step} is not after the last logged step {self._steps[key]}")
        self._steps[key] = step
        with open(self.folder / "metrics.jsonl", "a") as handle:
            handle.write(json.dumps({"key": key, "step": step, "value": float(value)}) + "\n")

    def log_artifact(self, path: str | Path, name: str | None = None) -> None:
        """Copy a file into the run; later changes to the original do not affect the logged copy."""
        self._check_open()
        source = Path(path)
        if not source.is_file():
            raise TrackingError(f"artifact {source} is not a file")
        shutil.copyfile(source, self.folder / "artifacts" / (name or source.name))

    def end(self, status: str = "FINISHED") -> None:
        self._check_open()
        meta_path = self.folder / "meta.json"
        meta = json.loads(meta_path.read_text())
        meta.update(status=status, end_time=time.time())
        meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        self._open = False

    def __enter__(self) -> "FileRun":
        return self

    def __exit__(self, exc_type: Any, exc: Any, traceback: Any) -> None:
        if self._open:
            self.end("FAILED" if exc_type else "FINISHED")


class FileTracker:
    """Runs stored under ``root``, numbered run-0001, run-0002, ... in the order they start."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def start_run(self, name: str, tags: Mapping[str, str] | None = None) -> FileRun:
        number = len(self._run_ids()) + 1
        while True:
            run_id = f"run-{number:04d}"
            try:
                (self.root / run_id).mkdir()  # atomic: two processes never share a run folder
                break
            except FileExistsError:
                number += 1
        folder = self.root / run_id
        (folder / "artifacts").mkdir()
        meta = {
            "run_id": run_id,
            "name": name,
            "tags": dict(tags or {}),
            "status": "RUNNING",
            "start_time": time.time(),
        }
        (folder / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        return FileRun(folder, run_id)

    def _run_ids(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name.startswith("run-"))

    def get_run(self, run_id: str) -> RunRecord:
        folder = self.root / run_id
        if not (folder / "meta.json").is_file():
            raise TrackingError(f"no run {run_id} in {self.root}")
        meta = json.loads((folder / "meta.json").read_text())
        params_path = folder / "params.json"
        params = json.loads(params_path.read_text()) if params_path.is_file() else {}
        record = RunRecord(run_id, meta["name"], meta["status"], meta["tags"], params)
        metrics_path = folder / "metrics.jsonl"
        if metrics_path.is_file():
            for line in metrics_path.read_text().splitlines():
                entry = json.loads(line)
                record.metrics.setdefault(entry["key"], []).append((entry["step"], entry["value"]))
        record.artifacts = sorted(p.name for p in (folder / "artifacts").iterdir())
        return record

    def artifact_path(self, run_id: str, name: str) -> Path:
        return self.root / run_id / "artifacts" / name

    def runs(self) -> Iterator[RunRecord]:
        return (self.get_run(run_id) for run_id in self._run_ids())


def train_with_tracking(
    tracker: Tracker,
    data: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    config: TrainingConfig,
    workdir: str | Path,
) -> str:
    """Train the example model, logging the config, per-epoch loss, final metrics and the model file."""
    X_train, X_test, y_train, y_test = data
    with tracker.start_run("train-logistic-regression", tags={"model": "logistic-regression"}) as run:
        run.log_params(config.to_dict())
        model = LogisticRegression(X_train.shape[1], int(np.max(y_train)) + 1, seed=config.seed)
        trainer = Trainer(model, config)
        for epoch in range(config.epochs):
            run.log_metric("train_loss", trainer.train_epoch(X_train, y_train), step=epoch)
        proba = model.predict_proba(X_test)
        run.log_metric("test_accuracy", accuracy(y_test, proba.argmax(axis=1)))
        run.log_metric("test_log_loss", log_loss(y_test, proba))
        model_path = Path(workdir) / "model.npz"
        model.save(model_path)
        run.log_artifact(model_path)
    return run.run_id
