"""A small expectations helper: completeness, uniqueness, ranges, referential integrity, freshness.

Each check takes the rows of one batch (plain dicts) and returns a ``CheckResult`` naming the
rows that failed, so the caller can both judge the batch and route the failing rows to the
dead-letter list. Great Expectations, Soda or dbt tests do the same at scale; this module keeps
the idea small enough to read in one sitting. Replace the example columns and limits with yours.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .pipeline import MAX_ORDER_EUR_CENTS, DeadLetter

Row = Mapping[str, Any]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check on one batch. ``failed_rows`` are indices into the batch."""

    name: str
    passed: bool
    rows_checked: int
    failed_rows: tuple[int, ...] = ()
    detail: str = ""

    @property
    def pass_rate(self) -> float:
        """The share of rows that passed; 1.0 for an empty batch, which no row can fail."""
        if self.rows_checked == 0:
            return 1.0
        return 1.0 - len(self.failed_rows) / self.rows_checked


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def expect_complete(rows: Sequence[Row], column: str, *, min_fraction: float = 1.0) -> CheckResult:
    """At least ``min_fraction`` of the rows have a non-blank ``column``."""
    failed = tuple(i for i, row in enumerate(rows) if _is_missing(row.get(column)))
    rate = 1.0 - len(failed) / len(rows) if rows else 1.0
    detail = f"{rate:.1%} complete, need {min_fraction:.1%}"
    return CheckResult(f"complete:{column}", rate >= min_fraction, len(rows), failed, detail)


def expect_unique(rows: Sequence[Row], *columns: str) -> CheckResult:
    """No two rows share the key ``columns``; every repeat after the first occurrence fails."""
    if not columns:
        raise ValueError("expect_unique needs at least one column")
    seen: set[tuple[Any, ...]] = set()
    failed = []
    for i, row in enumerate(rows):
        key = tuple(row.get(column) for column in columns)
        if key in seen:
            failed.append(i)
        seen.add(key)
    name = f"unique:{'+'.join(columns)}"
    return CheckResult(name, not failed, len(rows), tuple(failed), f"{len(failed)} repeated keys")


def expect_between(rows: Sequence[Row], column: str, *, low: Any = None, high: Any = None) -> CheckResult:
    """Every present value lies in ``[low, high]`` (both inclusive; None means unbounded).

    Missing values are left to ``expect_complete``; a value that cannot be compared fails.
    """
    failed = []
    for i, row in enumerate(rows):
        value = row.get(column)
        if value is None:
            continue
        try:
            inside = (low is None or value >= low) and (high is None or value <= high)
        except TypeError:
            inside = False
        if not inside:
            failed.append(i)
    detail = f"expected {low} <= {column} <= {high}"
    return CheckResult(f"between:{column}", not failed, len(rows), tuple(failed), detail)


def expect_references(rows: Sequence[Row], column: str, known: Collection[Any], *, reference: str = "") -> CheckResult:
    """Referential integrity: every present ``column`` value exists in ``known`` (the parent keys)."""
    failed = tuple(i for i, row in enumerate(rows) if row.get(column) is not None and row[column] not in known)
    target = reference or "known keys"
    return CheckResult(f"references:{column}", not failed, len(rows), failed, f"{len(failed)} values not in {target}")


def expect_row_count_between(rows: Sequence[Row], low: int, high: int | None = None) -> CheckResult:
    """The batch has between ``low`` and ``high`` rows: catches empty or truncated extracts."""
    count = len(rows)
    passed = count >= low and (high is None or count <= high)
    limit = f"between {low} and {high}" if high is not None else f"at least {low}"
    return CheckResult("row_count", passed, count, (), f"{count} rows, expected {limit}")


def expect_fresh(rows: Sequence[Row], column: str, *, now: datetime, max_age: timedelta) -> CheckResult:
    """The newest ``column`` timestamp is at most ``max_age`` old at ``now``: the data is not stale.

    A batch-level check: no single row fails, the batch as a whole is late. ``now`` is passed in,
    never read from the clock, so the check is testable and replayable.
    """
    stamps = [row[column] for row in rows if row.get(column) is not None]
    if not stamps:
        return CheckResult(f"fresh:{column}", False, len(rows), (), "no timestamps: cannot judge freshness")
    lag = now - max(stamps)
    return CheckResult(f"fresh:{column}", lag <= max_age, len(rows), (), f"newest row is {lag} old, limit {max_age}")


def route_invalid(rows: Sequence[Row], results: Iterable[CheckResult]) -> tuple[list[dict[str, Any]], list[DeadLetter]]:
    """Split a batch: rows no check failed, and a dead letter (with every reason) for each other row."""
    reasons: dict[int, list[str]] = {}
    for result in results:
        for i in result.failed_rows:
            reasons.setdefault(i, []).append(result.name)
    valid = [dict(row) for i, row in enumerate(rows) if i not in reasons]
    dead = [DeadLetter(dict(rows[i]), "quality", "; ".join(reasons[i])) for i in sorted(reasons)]
    return valid, dead


def check_orders(rows: Sequence[Row], *, known_customers: Collection[str]) -> list[CheckResult]:
    """The row-level checks for cleaned orders. Extend the list as you learn what goes wrong."""
    return [
        expect_complete(rows, "customer_id"),
        expect_unique(rows, "order_id"),
        expect_between(rows, "amount_eur_cents", low=0, high=MAX_ORDER_EUR_CENTS),
        expect_references(rows, "customer_id", known_customers, reference="customers"),
    ]
