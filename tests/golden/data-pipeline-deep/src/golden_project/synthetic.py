"""Seeded synthetic raw orders, for volume tests and local runs. Never copied from production.

Replace the distributions with ones shaped like your data (the same fields, a realistic share of
duplicates and bad records), and keep the generator seeded so a failing run can be replayed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np

from .transforms import EXAMPLE_RATES

START = datetime(2024, 3, 1, tzinfo=timezone.utc)
CURRENCY_WEIGHTS = {"EUR": 0.6, "USD": 0.25, "GBP": 0.1, "JPY": 0.05}


def generate_raw_orders(
    n: int,
    seed: int = 0,
    *,
    start: datetime = START,
    span: timedelta = timedelta(days=1),
    duplicate_fraction: float = 0.1,
    invalid_fraction: float = 0.01,
    n_customers: int = 1_000,
) -> list[dict[str, Any]]:
    """``n`` raw order dicts: about ``duplicate_fraction`` are later versions of an earlier order
    and about ``invalid_fraction`` miss their currency, so they end up in the dead-letter list."""
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    if not 0.0 <= duplicate_fraction < 1.0 or not 0.0 <= invalid_fraction <= 1.0:
        raise ValueError("duplicate_fraction must be in [0, 1) and invalid_fraction in [0, 1]")
    rng = np.random.default_rng(seed)
    n_orders = max(1, round(n * (1.0 - duplicate_fraction)))
    # Every order id appears at least once; the remaining rows repeat ids drawn at random.
    ids = np.concatenate([np.arange(min(n, n_orders)), rng.integers(0, n_orders, size=max(0, n - n_orders))])
    rng.shuffle(ids)
    codes = [code for code in CURRENCY_WEIGHTS if code in EXAMPLE_RATES]
    weights = np.array([CURRENCY_WEIGHTS[code] for code in codes])
    currencies = rng.choice(codes, size=n, p=weights / weights.sum())
    amounts = rng.gamma(shape=2.0, scale=40.0, size=n)
    customers = rng.integers(0, n_customers, size=n)
    offsets = rng.integers(0, int(span.total_seconds()), size=n)
    invalid = rng.random(n) < invalid_fraction
    records = []
    for i in range(n):
        record: dict[str, Any] = {
            "order_id": f"o-{ids[i]:07d}",
            "customer_id": f"c-{customers[i]:05d}",
            "amount": f"{amounts[i]:.2f}",
            "currency": str(currencies[i]),
            "updated_at": (start + timedelta(seconds=int(offsets[i]))).isoformat(),
        }
        if invalid[i]:
            del record["currency"]
        records.append(record)
    return records
