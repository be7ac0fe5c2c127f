"""Event-time window tests: windows close on the watermark, late events are routed aside.

Pattern: feed hand-placed events (minutes after 10:00) into the aggregator and assert exactly
when each window is emitted, which window an event on a boundary falls in, that disorder within
the allowed lateness changes nothing, and that an event for a closed window lands in ``late``
with its count asserted. Replace the window size, the lateness and ``Event`` with yours.
"""

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from golden_project.streaming import Event, WindowedAggregator, WindowResult, run_stream, window_start

pytestmark = pytest.mark.pipeline

SIZE = timedelta(minutes=5)
LATENESS = timedelta(minutes=2)
BASE = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)


def at(minute):
    return BASE + timedelta(minutes=minute)


def ev(n, key, minute, value=1):
    return Event(event_id=f"e-{n}", key=key, event_time=at(minute), value=value)


def window(key, start_minute, count, total):
    return WindowResult(key, at(start_minute), at(start_minute) + SIZE, count, total)


def test_in_order_events_are_summed_per_key_and_window():
    events = [ev(1, "a", 0, 10), ev(2, "b", 1, 5), ev(3, "a", 4, 20), ev(4, "a", 6, 1), ev(5, "b", 9, 2)]
    result = run_stream(events, size=SIZE, allowed_lateness=LATENESS)
    assert result.windows == [window("a", 0, 2, 30), window("b", 0, 1, 5), window("a", 5, 1, 1), window("b", 5, 1, 2)]
    assert (len(result.late), result.duplicates) == (0, 0)


def test_a_window_is_emitted_only_once_the_watermark_passes_its_end():
    aggregator = WindowedAggregator(SIZE, LATENESS)
    assert aggregator.process(ev(1, "a", 1)) == []
    assert aggregator.process(ev(2, "a", 6)) == []  # watermark 10:04, window ends 10:05
    assert aggregator.watermark == at(4)
    assert aggregator.process(ev(3, "a", 7)) == [window("a", 0, 1, 1)]  # watermark 10:05


def test_windows_are_half_open_so_an_event_on_a_boundary_opens_the_next_one():
    assert window_start(at(5), SIZE) == at(5)
    assert window_start(at(5) - timedelta(microseconds=1), SIZE) == at(0)
    result = run_stream([ev(1, "a", 4.99), ev(2, "a", 5)], size=SIZE, allowed_lateness=LATENESS)
    assert [(w.start, w.count) for w in result.windows] == [(at(0), 1), (at(5), 1)]


def test_out_of_order_events_within_the_allowed_lateness_are_counted():
    events = [ev(1, "a", 1), ev(2, "a", 6), ev(3, "a", 3)]  # 10:03 arrives after 10:06
    result = run_stream(events, size=SIZE, allowed_lateness=LATENESS)
    assert result.windows == [window("a", 0, 2, 2), window("a", 5, 1, 1)]
    assert len(result.late) == 0


def test_an_event_for_a_closed_window_is_routed_to_late():
    aggregator = WindowedAggregator(SIZE, LATENESS)
    emitted = aggregator.process(ev(1, "a", 1)) + aggregator.process(ev(2, "a", 8))
    assert emitted == [window("a", 0, 1, 1)]

    assert aggregator.process(ev(3, "a", 2, value=100)) == []

    assert [e.event_id for e in aggregator.late] == ["e-3"]
    assert aggregator.flush() == [window("a", 5, 1, 1)]


def test_the_watermark_never_moves_backwards():
    aggregator = WindowedAggregator(SIZE, LATENESS)
    for n, minute in enumerate([10, 3, 9, 12, 11]):
        before = aggregator.watermark
        aggregator.process(ev(n, "a", minute))
        assert before is None or aggregator.watermark >= before
    assert aggregator.watermark == at(10)


def test_results_do_not_depend_on_delivery_order_within_the_lateness_bound(rng):
    minutes = np.sort(rng.uniform(0, 60, size=300))
    keys, values = rng.choice(["a", "b", "c"], size=len(minutes)), rng.integers(1, 100, size=len(minutes))
    events = [ev(n, str(k), float(m), int(v)) for n, (k, m, v) in enumerate(zip(keys, minutes, values, strict=True))]
    # Each event is delayed by less than the allowed lateness, so none can be late.
    delays = rng.uniform(0, LATENESS.total_seconds() / 60, size=len(events))
    delivered = [events[i] for i in np.argsort(minutes + delays, kind="stable")]

    in_order = run_stream(events, size=SIZE, allowed_lateness=LATENESS)
    shuffled = run_stream(delivered, size=SIZE, allowed_lateness=LATENESS)

    def by_window(w):
        return (w.start, w.key)

    assert delivered != events
    assert sorted(shuffled.windows, key=by_window) == sorted(in_order.windows, key=by_window)
    assert len(shuffled.late) == 0
    assert sum(w.count for w in shuffled.windows) == len(events)


def test_redelivered_events_are_counted_once():
    events = [ev(1, "a", 1, 10), ev(2, "a", 2, 20), ev(3, "b", 3, 5)]
    redelivered = events + [events[0], events[1]]

    result = run_stream(redelivered, size=SIZE, allowed_lateness=LATENESS)

    assert result.duplicates == 2
    assert result.windows == run_stream(events, size=SIZE, allowed_lateness=LATENESS).windows
    assert len(result.late) == 0


def test_invalid_window_settings_are_refused():
    with pytest.raises(ValueError, match="positive"):
        WindowedAggregator(timedelta(0), LATENESS)
