"""Batch runs: daily partitions overwritten idempotently, backfills, and incremental loads.

A daily run replaces its whole partition (write to a temporary file, then an atomic rename), so
running a day twice, or re-running it after the source was corrected, never duplicates rows.
A backfill is nothing but daily runs over a date range. An incremental load reads only what
changed since the high-water mark, and moves the mark only after the sink accepted the rows.
Replace the JSON Lines store with your table format (Parquet, Iceberg, Delta) and keep the same
guarantees; the tests state them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from .pipeline import DEFAULT_CHECKS, Check, RunResult, Sink, process
from .records import RecordError, format_timestamp, to_json_record
from .transforms import EXAMPLE_RATES, parse_timestamp

#: The extract for one day: the raw records a daily run processes.
DailySource = Callable[[date], Iterable[Mapping[str, Any]]]
#: The raw records changed after a point in time (all of them when it is None).
ChangeSource = Callable[[datetime | None], Iterable[Mapping[str, Any]]]


class PartitionStore:
    """Daily partitions as JSON Lines files: ``<root>/dt=YYYY-MM-DD/part-0.jsonl``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, day: date) -> Path:
        return self.root / f"dt={day.isoformat()}" / "part-0.jsonl"

    def overwrite(self, day: date, records: Sequence[Mapping[str, Any]]) -> None:
        """Replace the day's partition with ``records``; on any error the old partition stays."""
        target = self.path(day)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.with_name(f".{target.name}.tmp")
        try:
            with staging.open("w", encoding="utf-8") as out:
                for record in sorted(records, key=lambda r: r["order_id"]):
                    out.write(json.dumps(to_json_record(record), sort_keys=True) + "\n")
            os.replace(staging, target)
        finally:
            staging.unlink(missing_ok=True)

    def read(self, day: date) -> list[dict[str, Any]]:
        path = self.path(day)
        if not path.exists():
            return []
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [{**row, "updated_at": parse_timestamp(row["updated_at"])} for row in rows]

    def partitions(self) -> list[date]:
        files = self.root.glob("dt=*/part-0.jsonl")
        return sorted(date.fromisoformat(path.parent.name.removeprefix("dt=")) for path in files)


def run_day(
    source: DailySource,
    store: PartitionStore,
    day: date,
    *,
    rates: Mapping[str, Decimal] = EXAMPLE_RATES,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> RunResult:
    """Process one day's extract and overwrite its partition, even with nothing (the day is empty)."""
    orders, result = process(source(day), rates=rates, checks=checks)
    store.overwrite(day, [order.to_record() for order in orders])
    return result


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    if end < start:
        raise ValueError(f"backfill end {end} is before its start {start}")
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def backfill(
    source: DailySource, store: PartitionStore, start: date, end: date, **options: Any
) -> dict[date, RunResult]:
    """Re-run every day in ``[start, end]``; each day is an ordinary, idempotent daily run."""
    return {day: run_day(source, store, day, **options) for day in days_between(start, end)}


class WatermarkState:
    """High-water marks in a small JSON file, so the next run (or a restarted process) resumes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, name: str) -> datetime | None:
        if not self.path.exists():
            return None
        value = json.loads(self.path.read_text(encoding="utf-8")).get(name)
        return None if value is None else parse_timestamp(value)

    def set(self, name: str, value: datetime) -> None:
        marks = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        marks[name] = format_timestamp(value)
        staging = self.path.with_name(f".{self.path.name}.tmp")
        staging.write_text(json.dumps(marks, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(staging, self.path)


def run_incremental(
    source: ChangeSource,
    sink: Sink,
    state: WatermarkState,
    *,
    name: str = "orders",
    lookback: timedelta = timedelta(0),
    rates: Mapping[str, Decimal] = EXAMPLE_RATES,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> RunResult:
    """Load what changed after the high-water mark (minus ``lookback``, to catch late commits).

    The sink must upsert by key: with a lookback, rows already loaded are read again. The mark
    moves only after the sink accepted the rows, so a failed run is simply retried. It moves past
    dead-lettered records too: they are kept in the dead-letter list for replay, not re-read.
    """
    mark = state.get(name)
    since = None if mark is None else mark - lookback
    raws = list(source(since))
    orders, result = process(raws, rates=rates, checks=checks)
    if orders:
        sink.write([order.to_record() for order in orders])
    stamps = [stamp for raw in raws if (stamp := _timestamp_or_none(raw)) is not None]
    if stamps and (mark is None or max(stamps) > mark):
        state.set(name, max(stamps))
    return result


def _timestamp_or_none(raw: Mapping[str, Any]) -> datetime | None:
    try:
        return parse_timestamp(raw.get("updated_at"))
    except RecordError:
        return None


class MemoryDailySource:
    """A daily extract over an in-memory dict of day -> raw records."""

    def __init__(self, records_by_day: Mapping[date, Iterable[Mapping[str, Any]]]) -> None:
        self._by_day = {day: [dict(r) for r in records] for day, records in records_by_day.items()}

    def __call__(self, day: date) -> list[dict[str, Any]]:
        return [dict(r) for r in self._by_day.get(day, [])]


class MemoryChangeSource:
    """A change feed over raw records: those whose ``updated_at`` is strictly after ``since``."""

    def __init__(self, records: Iterable[Mapping[str, Any]] = ()) -> None:
        self.records = [dict(r) for r in records]

    def __call__(self, since: datetime | None) -> list[dict[str, Any]]:
        return [dict(r) for r in self.records if since is None or self._updated_at(r) > since]

    @staticmethod
    def _updated_at(record: Mapping[str, Any]) -> datetime:
        try:
            return parse_timestamp(record["updated_at"])
        except (KeyError, RecordError) as error:
            raise ValueError(f"the change source cannot order a record without a valid updated_at: {record}") from error
