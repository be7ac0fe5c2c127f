"""Idempotent consumer tests: at-least-once delivery, processed exactly once.

Pattern: deliver the same event more than once (a redelivery after a timeout, a replay after a
restart) and assert the handler ran once and the duplicates were counted; make the handler fail
and assert the event is not marked as seen, so the broker's redelivery gets processed. Replace
the handler with your sink write and ``seen`` with your durable store of processed ids.
"""

from datetime import datetime, timezone

import pytest

from golden_project.streaming import Event, IdempotentConsumer

pytestmark = pytest.mark.pipeline

T = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)


def event(n):
    return Event(event_id=f"e-{n}", key="a", event_time=T, value=n)


def test_each_event_id_is_handled_once_and_duplicates_are_counted():
    handled = []
    consumer = IdempotentConsumer(handled.append)

    outcomes = [consumer.consume(event(n)) for n in (1, 2, 1, 3, 2, 1)]

    assert outcomes == [True, True, False, True, False, False]
    assert [e.event_id for e in handled] == ["e-1", "e-2", "e-3"]
    assert consumer.duplicates == 3


def test_a_replay_after_a_restart_is_skipped_when_the_seen_ids_are_kept():
    handled = []
    first = IdempotentConsumer(handled.append)
    for n in (1, 2):
        first.consume(event(n))

    restarted = IdempotentConsumer(handled.append, seen=set(first.seen))
    for n in (1, 2, 3):
        restarted.consume(event(n))

    assert [e.event_id for e in handled] == ["e-1", "e-2", "e-3"]
    assert restarted.duplicates == 2


def test_an_event_whose_handler_failed_is_processed_on_redelivery():
    handled = []
    failures = iter([ConnectionError("sink down")])

    def flaky(e):
        error = next(failures, None)
        if error:
            raise error
        handled.append(e)

    consumer = IdempotentConsumer(flaky)
    with pytest.raises(ConnectionError):
        consumer.consume(event(1))

    assert consumer.consume(event(1)) is True
    assert [e.event_id for e in handled] == ["e-1"]
    assert consumer.duplicates == 0
