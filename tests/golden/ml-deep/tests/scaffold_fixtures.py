"""Scaffold's shared fixtures and markers: per-test seeding, tiny data set factories, a temp artifacts folder.

Pattern: every test starts from the same random state and builds the small data it needs
through a factory, so tests are deterministic and independent of run order. Replace the
factories with builders for data shaped like yours (same columns and dtypes, a few rows).

This is a pytest plugin, not a conftest.py, so it sits beside a conftest.py of your own: the
top-level conftest.py loads it with one marked line (``pytest_plugins``). Fixtures you define
in a conftest.py win over these when the names clash, and your own hooks stay yours.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

# The example code lives in src/; pyproject.toml puts it on the path (`pythonpath = ["src"]`).
# A repository whose own pyproject.toml predates Scaffold keeps it, without that line, so the
# plugin puts src/ on the path itself: the suites pass on the first run either way.
SRC = Path(__file__).resolve().parents[1] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from golden_project.data import make_blobs, train_test_split  # noqa: E402

# Registered here rather than in pyproject.toml, for the same reason as SRC above.
MARKERS = {
    "unit": "fast tests of one function or class",
    "integration": "several components together (train, save, load, track)",
    "quality": "data and model quality checks",
    "regression": "compares metrics against a stored baseline",
    "property": "invariants checked over many generated inputs",
    "performance": "latency, throughput, size or memory budgets",
    "timing": "asserts on wall-clock time: skipped unless -m names it (-m timing, -m performance)",
    "smoke": "the served model answers correctly end to end",
    "slow": "takes more than a few seconds; deselect with -m 'not slow'",
    "gpu": "needs a CUDA device; skipped where none is available",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Wall-clock budgets fail on a busy machine, so they run only when asked for by marker."""
    if re.search(r"\b(timing|performance)\b", config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="measures wall-clock time: run with -m timing (or -m performance) on a quiet machine")
    for item in items:
        if item.get_closest_marker("timing"):
            item.add_marker(skip)


SEED = 1234


@pytest.fixture(autouse=True)
def _seed_everything() -> None:
    """Reset every global random state before each test (torch too, when a test imported it)."""
    random.seed(SEED)
    np.random.seed(SEED)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.manual_seed(SEED)


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded generator for tests that draw random inputs; prefer it to global np.random."""
    return np.random.default_rng(SEED)


@dataclass(frozen=True)
class Split:
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray

    @property
    def n_features(self) -> int:
        return self.X_train.shape[1]


@pytest.fixture
def make_dataset() -> Callable[..., Split]:
    """Factory for small, seeded classification data, already split into train and test."""

    def build(
        n_samples: int = 160, n_features: int = 3, n_classes: int = 2, separation: float = 6.0, seed: int = 0
    ) -> Split:
        X, y = make_blobs(n_samples, n_features, n_classes, separation, seed)
        return Split(*train_test_split(X, y, test_fraction=0.25, seed=seed))

    return build


@pytest.fixture
def tiny_dataset(make_dataset: Callable[..., Split]) -> Split:
    """Two well separated classes, 120 training rows and 40 test rows."""
    return make_dataset()


@pytest.fixture
def artifacts_dir(tmp_path: Path) -> Path:
    """An empty folder for models, metrics and checkpoints, removed by pytest afterwards."""
    path = tmp_path / "artifacts"
    path.mkdir()
    return path
