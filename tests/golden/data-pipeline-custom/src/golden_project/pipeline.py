"""The example flow: source -> clean -> latest-wins dedup -> quality gate -> sink.

Nothing is dropped silently: a record that fails to clean or fails a check goes to the run's
dead-letter list with the stage and the reason, and ``read == written + duplicates + dead
letters`` holds for every run. Sources and sinks are small protocols, so tests run the real flow
on in-memory fakes. Replace the checks, the source and the sink with yours; keep the accounting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from .records import Order, RecordError
from .transforms import EXAMPLE_RATES, clean_order, dedup_latest

#: A row-level check: the reason the order is unacceptable, or None when it passes.
Check = Callable[[Order], str | None]

MAX_ORDER_EUR_CENTS = 1_000_000_00


def non_negative_amount(order: Order) -> str | None:
    return None if order.amount_eur_cents >= 0 else f"amount_eur_cents {order.amount_eur_cents} is negative"


def amount_within_limit(order: Order) -> str | None:
    if order.amount_eur_cents <= MAX_ORDER_EUR_CENTS:
        return None
    return f"amount_eur_cents {order.amount_eur_cents} exceeds {MAX_ORDER_EUR_CENTS}"


DEFAULT_CHECKS: tuple[Check, ...] = (non_negative_amount, amount_within_limit)


@dataclass(frozen=True)
class DeadLetter:
    """A rejected record, kept as it arrived, with the stage that rejected it and why."""

    record: Mapping[str, Any]
    stage: str
    reason: str


@dataclass
class RunResult:
    read: int = 0
    written: int = 0
    duplicates: int = 0
    dead_letters: list[DeadLetter] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """Every record read is accounted for: written, superseded by a newer version, or dead-lettered."""
        return self.read == self.written + self.duplicates + len(self.dead_letters)


class Source(Protocol):
    def read(self) -> Iterable[Mapping[str, Any]]: ...


class Sink(Protocol):
    def write(self, records: Sequence[Mapping[str, Any]]) -> None: ...


class MemorySource:
    """A source over a list of dicts; each read yields fresh copies, like re-reading a file."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        self._records = [dict(record) for record in records]

    def read(self) -> Iterator[dict[str, Any]]:
        return (dict(record) for record in self._records)


class MemorySink:
    """An upserting sink keyed by ``order_id``: a newer ``updated_at`` replaces, an older one is ignored."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self.writes = 0

    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        self.writes += 1
        for record in records:
            current = self._rows.get(record["order_id"])
            if current is None or record["updated_at"] >= current["updated_at"]:
                self._rows[record["order_id"]] = dict(record)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [dict(self._rows[key]) for key in sorted(self._rows)]


def process(
    raws: Iterable[Mapping[str, Any]],
    *,
    rates: Mapping[str, Decimal] = EXAMPLE_RATES,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> tuple[list[Order], RunResult]:
    """Clean, deduplicate and check ``raws``: the orders to write, and the run's accounting.

    Dedup runs before the checks, so a key whose latest version fails is dead-lettered as a whole
    rather than falling back to an older, superseded version.
    """
    result = RunResult()
    cleaned: list[tuple[Order, Mapping[str, Any]]] = []
    for raw in raws:
        result.read += 1
        try:
            cleaned.append((clean_order(raw, rates), raw))
        except RecordError as error:
            result.dead_letters.append(DeadLetter(dict(raw), "transform", str(error)))
    latest = dedup_latest(cleaned, key=lambda pair: pair[0].order_id, version=lambda pair: pair[0].updated_at)
    result.duplicates = len(cleaned) - len(latest)
    passed: list[Order] = []
    for order, raw in latest:
        problems = [problem for check in checks if (problem := check(order)) is not None]
        if problems:
            result.dead_letters.append(DeadLetter(dict(raw), "quality", "; ".join(problems)))
        else:
            passed.append(order)
    result.written = len(passed)
    return passed, result


def run_pipeline(
    source: Source,
    sink: Sink,
    *,
    rates: Mapping[str, Decimal] = EXAMPLE_RATES,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> RunResult:
    """One run end to end. The sink is written once, with every order that passed, or not at all."""
    orders, result = process(source.read(), rates=rates, checks=checks)
    if orders:
        sink.write([order.to_record() for order in orders])
    return result
