/**
 * The offline outbox: writes queued while offline, replayed in order on reconnect, retried with
 * backoff, and rejected for good only when the server says so or retries run out.
 * Pattern: a fake server (a Transport that records what it receives and fails on cue) and a fake
 * clock, so every retry schedule is exact. Replace Mutation with your write model and keep the
 * ordering tests: out-of-order replays are the bug users notice as "my edit came back".
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, Outbox, type Mutation, type SendResult, type Transport } from '../../src/sync/outbox';

/** A server that accepts everything unless told to fail the next sends; its clock stamps each write. */
class FakeServer implements Transport {
  readonly received: string[] = [];
  private readonly failures: SendResult[] = [];
  private time = 1_000;

  failNext(...results: SendResult[]): void {
    this.failures.push(...results);
  }

  async send(mutation: Mutation): Promise<SendResult> {
    const failure = this.failures.shift();
    if (failure) return failure;
    this.received.push(mutation.id);
    return { ok: true, serverUpdatedAt: (this.time += 10) };
  }
}

const edit = (id: string): Mutation => ({ id, entity: 'note', entityId: 'n1', op: 'upsert', payload: { title: id } });
const timeout: SendResult = { ok: false, retryable: true, error: 'timeout' };

function setup() {
  const server = new FakeServer();
  let now = 0;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  // random() = 1 makes the jitter its maximum, so delays are exactly base x 2^(attempt-1).
  const outbox = new Outbox({ transport: server, now: clock.now, random: () => 1 });
  return { server, clock, outbox };
}

describe('outbox', () => {
  it('queues writes while offline and sends nothing', async () => {
    const { server, outbox } = setup();
    outbox.enqueue(edit('a'));
    await outbox.flush();

    expect(server.received).toEqual([]);
    expect(outbox.snapshot().pending.map((p) => p.mutation.id)).toEqual(['a']);
  });

  it('replays queued writes in order on reconnect, once each', async () => {
    const { server, outbox } = setup();
    for (const id of ['a', 'b', 'c']) outbox.enqueue(edit(id));
    outbox.enqueue(edit('a'));
    await outbox.setOnline(true);

    expect(server.received).toEqual(['a', 'b', 'c']);
    expect(outbox.snapshot().pending).toEqual([]);
  });

  it('retries a failed send after the backoff delay, keeping later writes behind it', async () => {
    const { server, clock, outbox } = setup();
    outbox.enqueue(edit('a'));
    outbox.enqueue(edit('b'));
    server.failNext(timeout);
    await outbox.setOnline(true);

    expect(server.received).toEqual([]);
    expect(outbox.nextRetryAt).toBe(1_000);
    clock.advance(999);
    await outbox.flush();
    expect(server.received).toEqual([]);
    clock.advance(1);
    await outbox.flush();
    expect(server.received).toEqual(['a', 'b']);
  });

  it('treats a thrown network error as retryable', async () => {
    const offline: Transport = { send: () => Promise.reject(new TypeError('Network request failed')) };
    const outbox = new Outbox({ transport: offline, now: () => 0, random: () => 1 });
    outbox.enqueue(edit('a'));
    await outbox.setOnline(true);

    expect(outbox.snapshot().pending).toEqual([{ mutation: edit('a'), attempts: 1, lastError: 'Network request failed' }]);
    expect(outbox.nextRetryAt).toBe(DEFAULT_BACKOFF.baseMs);
  });

  it('rejects a write the server refuses for good, without retrying, and carries on', async () => {
    const { server, outbox } = setup();
    outbox.enqueue(edit('a'));
    outbox.enqueue(edit('b'));
    server.failNext({ ok: false, retryable: false, error: '422 title too long' });
    await outbox.setOnline(true);

    expect(server.received).toEqual(['b']);
    expect(outbox.snapshot().rejected).toEqual([{ mutation: edit('a'), error: '422 title too long' }]);
  });

  it('rejects a write after the last allowed attempt', async () => {
    const { server, clock, outbox } = setup();
    outbox.enqueue(edit('a'));
    server.failNext(...Array.from({ length: DEFAULT_BACKOFF.maxAttempts }, () => timeout));
    await outbox.setOnline(true);
    for (let i = 0; i < DEFAULT_BACKOFF.maxAttempts; i++) {
      clock.advance(DEFAULT_BACKOFF.maxMs);
      await outbox.flush();
    }

    expect(outbox.snapshot()).toEqual({ pending: [], rejected: [{ mutation: edit('a'), error: 'timeout' }] });
  });

  it('keeps queued writes across a restart through its snapshot', async () => {
    const { server, outbox } = setup();
    outbox.enqueue(edit('a'));
    outbox.enqueue(edit('b'));
    const restored = new Outbox({ transport: server, now: () => 0, random: () => 1 }, JSON.parse(JSON.stringify(outbox.snapshot())));
    await restored.setOnline(true);

    expect(server.received).toEqual(['a', 'b']);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with jitter between half and all of the delay', () => {
    const options = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 10 };

    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(backoffDelay(3, options, () => 0)).toBe(2_000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(3_000);
  });
});
