"""Stream processing: event-time windows with a watermark, late events, idempotent consumption.

Events are grouped by the time they happened (event time), not the time they arrived, into
tumbling windows per key. The watermark trails the newest event time seen by the allowed
lateness; a window is emitted once the watermark passes its end, and an event for a window
already emitted is late: it is routed aside, never silently dropped or double counted. The
consumer remembers event ids, so a redelivered event (at-least-once delivery) counts once, and
a per-key sequence guard applies each key's updates in order. Replace ``Event`` with your
messages; Flink, Beam, Kafka Streams and Spark offer the same concepts under these names.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Event:
    event_id: str
    key: str
    event_time: datetime
    value: int
    sequence: int = 0


@dataclass(frozen=True)
class WindowResult:
    key: str
    start: datetime
    end: datetime
    count: int
    total: int


def window_start(moment: datetime, size: timedelta) -> datetime:
    """The start of the tumbling window of ``size`` containing ``moment``; windows are [start, end)."""
    return moment - (moment - EPOCH) % size


class WindowedAggregator:
    """Per-key tumbling-window count and sum by event time, with a bounded-out-of-orderness watermark."""

    def __init__(self, size: timedelta, allowed_lateness: timedelta) -> None:
        if size <= timedelta(0) or allowed_lateness < timedelta(0):
            raise ValueError("window size must be positive and allowed lateness non-negative")
        self.size = size
        self.allowed_lateness = allowed_lateness
        self.watermark: datetime | None = None
        self.late: list[Event] = []
        self._open: dict[tuple[str, datetime], list[int]] = {}

    def process(self, event: Event) -> list[WindowResult]:
        """Add one event; return the windows that the advanced watermark closed, oldest first."""
        start = window_start(event.event_time, self.size)
        if self.watermark is not None and start + self.size <= self.watermark:
            self.late.append(event)
            return []
        count_total = self._open.setdefault((event.key, start), [0, 0])
        count_total[0] += 1
        count_total[1] += event.value
        candidate = event.event_time - self.allowed_lateness
        if self.watermark is None or candidate > self.watermark:
            self.watermark = candidate
        return self._emit(lambda end: end <= self.watermark)

    def flush(self) -> list[WindowResult]:
        """Emit every open window, e.g. when a bounded stream ends."""
        return self._emit(lambda end: True)

    def _emit(self, closed: Callable[[datetime], bool]) -> list[WindowResult]:
        ready = sorted((start, key) for key, start in self._open if closed(start + self.size))
        results = []
        for start, key in ready:
            count, total = self._open.pop((key, start))
            results.append(WindowResult(key, start, start + self.size, count, total))
        return results


@dataclass
class IdempotentConsumer:
    """Hands each event id to ``handler`` once; redeliveries are counted, not processed.

    ``seen`` stands in for a durable store (a table keyed by event id, or the sink's own unique
    key) that must outlive restarts; in production, expire ids older than the redelivery horizon.
    """

    handler: Callable[[Event], Any]
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0

    def consume(self, event: Event) -> bool:
        if event.event_id in self.seen:
            self.duplicates += 1
            return False
        self.handler(event)
        self.seen.add(event.event_id)
        return True


@dataclass
class StreamResult:
    windows: list[WindowResult]
    late: list[Event]
    duplicates: int


def run_stream(events: Iterable[Event], *, size: timedelta, allowed_lateness: timedelta) -> StreamResult:
    """Consume ``events`` once each, aggregate them in windows, and flush at the end of the input."""
    aggregator = WindowedAggregator(size, allowed_lateness)
    windows: list[WindowResult] = []
    consumer = IdempotentConsumer(lambda event: windows.extend(aggregator.process(event)))
    for event in events:
        consumer.consume(event)
    windows.extend(aggregator.flush())
    return StreamResult(windows, aggregator.late, consumer.duplicates)


def partition_for(key: str, partitions: int) -> int:
    """The partition of ``key``: stable across processes (unlike ``hash``), so one key keeps one order."""
    if partitions < 1:
        raise ValueError("partitions must be at least 1")
    return zlib.crc32(key.encode("utf-8")) % partitions


@dataclass
class SequenceGuard:
    """Applies each key's updates in sequence order: older or repeated sequence numbers are stale.

    A gap (a sequence number skipped) is recorded, so a missing message is noticed rather than
    papered over; the update is still applied, since the newest state wins.
    """

    state: dict[str, Event] = field(default_factory=dict)
    stale: list[Event] = field(default_factory=list)
    gaps: list[tuple[str, int, int]] = field(default_factory=list)

    def apply(self, event: Event) -> bool:
        current = self.state.get(event.key)
        if current is not None and event.sequence <= current.sequence:
            self.stale.append(event)
            return False
        if current is not None and event.sequence > current.sequence + 1:
            self.gaps.append((event.key, current.sequence, event.sequence))
        self.state[event.key] = event
        return True
