"""Scaffold's shared fixtures and markers: per-test seeding, a fixed clock, tiny record factories, a temp data folder.

Pattern: every test starts from the same random state, reads "now" from a fixture instead of the
system clock, and builds the few records it needs through a factory that fills in valid
defaults, so each test states only the fields it is about. Replace the factories with builders
for records shaped like yours (same fields and types, one record at a time).

This is a pytest plugin, not a conftest.py, so it sits beside a conftest.py of your own: the
top-level conftest.py loads it with one marked line (``pytest_plugins``). Fixtures you define
in a conftest.py win over these when the names clash, and your own hooks stay yours.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

# The example code lives in src/; pyproject.toml puts it on the path (`pythonpath = ["src"]`).
# A repository whose own pyproject.toml predates Scaffold keeps it, without that line, so the
# plugin puts src/ on the path itself: the suites pass on the first run either way.
SRC = Path(__file__).resolve().parents[1] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from golden_project.records import Order  # noqa: E402
from golden_project.transforms import EXAMPLE_RATES  # noqa: E402

# Registered here rather than in pyproject.toml, for the same reason as SRC above.
MARKERS = {
    "unit": "fast tests of one pure function or class, no I/O",
    "pipeline": "several steps together on in-memory fakes or a temp folder (batch, streaming, orchestration)",
    "smoke": "the example pipeline end to end on in-memory fakes",
    "quality": "data quality, schema and contract checks",
    "integration": "needs the services in docker-compose.test.yml; runs only when PIPELINE_INTEGRATION=1",
    "performance": "throughput, complexity and memory budgets; deselect with -m 'not performance'",
    "timing": "asserts on wall-clock time: skipped unless -m names it (-m timing, -m performance)",
    "slow": "takes more than a few seconds; deselect with -m 'not slow'",
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
NOW = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _seed_everything() -> None:
    """Reset the global random states before each test, so no test depends on run order."""
    random.seed(SEED)
    np.random.seed(SEED)


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded generator for tests that draw random inputs; prefer it to the global state."""
    return np.random.default_rng(SEED)


@pytest.fixture
def now() -> datetime:
    """The fixed "current time" of every test: 2024-03-01 12:00 UTC."""
    return NOW


@pytest.fixture
def rates() -> dict[str, Decimal]:
    return dict(EXAMPLE_RATES)


@pytest.fixture
def make_raw_order() -> Callable[..., dict[str, Any]]:
    """Factory for one valid raw order dict; override fields by keyword, drop them with ``without``.

    ``make_raw_order(amount="0", without=["status"])``: order ids count up o-1, o-2, ...
    """
    counter = itertools.count(1)

    def build(*, without: Iterable[str] = (), **overrides: Any) -> dict[str, Any]:
        record: dict[str, Any] = {
            "order_id": f"o-{next(counter)}",
            "customer_id": "c-1",
            "amount": "10.00",
            "currency": "EUR",
            "updated_at": "2024-03-01T09:00:00Z",
            "status": "placed",
            "channel": "web",
        }
        record.update(overrides)
        for name in without:
            record.pop(name, None)
        return record

    return build


@pytest.fixture
def make_order() -> Callable[..., Order]:
    """Factory for one cleaned ``Order``, for tests of the steps after cleaning."""
    counter = itertools.count(1)

    def build(**overrides: Any) -> Order:
        fields: dict[str, Any] = {
            "order_id": f"o-{next(counter)}",
            "customer_id": "c-1",
            "amount_eur_cents": 1000,
            "currency": "EUR",
            "updated_at": datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc),
        }
        fields.update(overrides)
        return Order(**fields)

    return build


@pytest.fixture
def load_fixture() -> Callable[[str], Any]:
    """Read ``tests/fixtures/<name>`` as JSON: golden inputs and expected outputs live there."""

    def load(name: str) -> Any:
        return json.loads((FIXTURES / name).read_text(encoding="utf-8"))

    return load


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty folder for partitions, state files and exports, removed by pytest afterwards."""
    path = tmp_path / "data"
    path.mkdir()
    return path
