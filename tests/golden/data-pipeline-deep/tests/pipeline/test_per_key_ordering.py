"""Per-key ordering tests: one key, one partition, and updates applied in sequence order.

Pattern: keys are assigned to partitions by a stable hash, so each key's events stay in one
ordered partition; consuming several partitions interleaved keeps every key's order; a stale or
repeated update is ignored and a skipped sequence number is recorded. Replace the key and the
sequence field with yours (an offset, a version column or a producer sequence number).
"""

from datetime import datetime, timezone

import pytest

from golden_project.streaming import Event, SequenceGuard, partition_for

pytestmark = pytest.mark.pipeline

T = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)


def update(key, sequence):
    return Event(event_id=f"{key}-{sequence}", key=key, event_time=T, value=sequence, sequence=sequence)


def test_partitioning_is_stable_and_in_range():
    # Pinned: changing the hash moves keys between partitions and breaks ordering during a deploy.
    assert partition_for("customer-42", 12) == 5
    assert {partition_for(f"c-{i}", 12) for i in range(500)} == set(range(12))
    with pytest.raises(ValueError):
        partition_for("c-1", 0)


def test_interleaved_partitions_keep_each_keys_order(rng):
    partitions = {p: [] for p in range(3)}
    for sequence in range(1, 21):
        for key in ("c-1", "c-2", "c-3", "c-4"):
            partitions[partition_for(key, 3)].append(update(key, sequence))
    guard = SequenceGuard()
    positions = dict.fromkeys(partitions, 0)

    # Poll the partitions in a random order, one message at a time, like a consumer group would.
    while any(positions[p] < len(partitions[p]) for p in partitions):
        p = int(rng.choice([q for q in partitions if positions[q] < len(partitions[q])]))
        guard.apply(partitions[p][positions[p]])
        positions[p] += 1

    assert {key: e.sequence for key, e in guard.state.items()} == {"c-1": 20, "c-2": 20, "c-3": 20, "c-4": 20}
    assert (guard.stale, guard.gaps) == ([], [])


def test_a_stale_or_repeated_update_is_ignored():
    guard = SequenceGuard()
    applied = [guard.apply(update("c-1", s)) for s in (1, 2, 3, 2, 3)]
    assert applied == [True, True, True, False, False]
    assert guard.state["c-1"].sequence == 3
    assert [e.sequence for e in guard.stale] == [2, 3]


def test_a_skipped_sequence_number_is_recorded_and_the_newer_update_applied():
    guard = SequenceGuard()
    for s in (1, 2, 5):
        guard.apply(update("c-1", s))
    assert guard.gaps == [("c-1", 2, 5)]
    assert guard.state["c-1"].sequence == 5
