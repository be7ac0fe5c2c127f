/**
 * Sync properties on generated histories: whatever the failures and reconnects, the server
 * receives every accepted write once, in the order it was made; and merging pulled pages gives
 * the same local copy in any order.
 * Pattern: generate a random schedule of events (writes, outages, server errors, clock jumps),
 * run it, and check an invariant at the end. Replace the events with your app's and keep the
 * invariants: they are what a user means by "sync works".
 */
import { describe, expect, it } from 'vitest';
import { mergePulled, type SyncedRecord } from '../../src/sync/last-write-wins';
import { Outbox, type Mutation, type SendResult } from '../../src/sync/outbox';
import { forAll, seeded, type Random } from './random';

type Step = { kind: 'write' } | { kind: 'online'; value: boolean } | { kind: 'fail'; retryable: boolean } | { kind: 'wait'; ms: number };

function history(r: Random): Step[] {
  return Array.from({ length: r.int(5, 40) }, (): Step => {
    const roll = r.next();
    if (roll < 0.4) return { kind: 'write' };
    if (roll < 0.6) return { kind: 'online', value: r.next() < 0.6 };
    if (roll < 0.8) return { kind: 'fail', retryable: r.next() < 0.8 };
    return { kind: 'wait', ms: r.int(0, 120_000) };
  });
}

async function replay(steps: Step[]) {
  const received: string[] = [];
  const failures: SendResult[] = [];
  let now = 0;
  let written = 0;
  const outbox = new Outbox({
    transport: {
      send: async (mutation: Mutation) => {
        const failure = failures.shift();
        if (failure) return failure;
        received.push(mutation.id);
        return { ok: true, serverUpdatedAt: now };
      },
    },
    now: () => now,
    random: () => 0.5,
  });
  for (const step of steps) {
    if (step.kind === 'write') outbox.enqueue({ id: `m${++written}`, entity: 'note', entityId: 'n1', op: 'upsert' });
    if (step.kind === 'online') await outbox.setOnline(step.value);
    if (step.kind === 'fail') failures.push({ ok: false, retryable: step.retryable, error: 'injected' });
    if (step.kind === 'wait') now += step.ms;
    await outbox.flush();
  }
  // Finally the network is good and enough time passes for every retry.
  failures.length = 0;
  for (let i = 0; i < 10 && outbox.snapshot().pending.length > 0; i++) {
    now += 10 * 60_000;
    await outbox.setOnline(true);
  }
  return { received, written, snapshot: outbox.snapshot() };
}

describe('outbox under random failures', () => {
  it('delivers every write that is not rejected exactly once, in the order it was made', async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const { received, written, snapshot } = await replay(history(seeded(seed)));
      const rejected = new Set(snapshot.rejected.map((r) => r.mutation.id));
      const expected = Array.from({ length: written }, (_, i) => `m${i + 1}`).filter((id) => !rejected.has(id));

      expect(snapshot.pending, `seed ${seed}`).toEqual([]);
      expect(received, `seed ${seed}`).toEqual(expected);
    }
  });
});

interface Note extends SyncedRecord {
  title: string;
}

describe('last-write-wins merge', () => {
  it('gives the same local copy for the same pulled records in any order', () => {
    forAll(
      200,
      (r) => {
        const records: Note[] = Array.from({ length: r.int(1, 12) }, (_, i) => ({
          id: r.pick(['n1', 'n2', 'n3']),
          serverUpdatedAt: r.int(1, 6),
          title: `t${i}`,
          ...(r.next() < 0.2 && { deleted: true }),
        }));
        // Two records with the same id and timestamp are the same server write: make them agree.
        const canonical = new Map(records.map((n) => [`${n.id}@${n.serverUpdatedAt}`, n]));
        const writes = records.map((n) => canonical.get(`${n.id}@${n.serverUpdatedAt}`)!);
        const shuffled = [...writes].sort(() => r.next() - 0.5);
        return { writes, shuffled };
      },
      ({ writes, shuffled }) => {
        const inOrder = mergePulled(new Map<string, Note>(), writes);
        expect(mergePulled(new Map<string, Note>(), shuffled)).toEqual(inOrder);
        expect(mergePulled(inOrder, shuffled)).toEqual(inOrder);
      },
    );
  });
});
