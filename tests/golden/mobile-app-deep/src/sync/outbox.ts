/**
 * The outbox of an offline-first app: every local write is also queued here, and the queue is
 * replayed to the server in order when the device is online. A send that fails for a network
 * reason is retried with exponential backoff and jitter, and the mutations behind it wait, so
 * the server never sees a later change before an earlier one. A mutation the server rejects
 * for good goes to `rejected` for the UI to show; retries are safe because each mutation carries
 * an idempotency key the server deduplicates on.
 */

export interface Mutation {
  /** Client-generated and unique: the server's idempotency key. */
  id: string;
  entity: string;
  entityId: string;
  op: 'upsert' | 'delete';
  payload?: unknown;
}

export type SendResult =
  | { ok: true; serverUpdatedAt: number }
  /** retryable: a timeout or a 5xx; not retryable: a 4xx such as a validation error. */
  | { ok: false; retryable: boolean; error: string };

export interface Transport {
  send(mutation: Mutation): Promise<SendResult>;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts a mutation is rejected instead of retried. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 8 };

/**
 * Delay before retry number `attempt` (1-based): base x 2^(attempt-1), capped, then "equal
 * jitter" (between half and all of it) so that devices coming online together do not retry in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export interface PendingMutation {
  mutation: Mutation;
  attempts: number;
  lastError?: string;
}

export interface RejectedMutation {
  mutation: Mutation;
  error: string;
}

export interface OutboxOptions {
  transport: Transport;
  now: () => number;
  /** Math.random in the app; a fixed function in tests. */
  random: () => number;
  backoff?: BackoffOptions;
  /** Called for each mutation the server accepted, with its server timestamp. */
  onSent?: (mutation: Mutation, serverUpdatedAt: number) => void;
}

/** A snapshot to persist (SQLite, MMKV) so that queued writes survive the app being killed. */
export interface OutboxSnapshot {
  pending: PendingMutation[];
  rejected: RejectedMutation[];
}

export class Outbox {
  private pending: PendingMutation[] = [];
  private rejected: RejectedMutation[] = [];
  private online = false;
  private retryAt: number | undefined;
  private flushing: Promise<void> | undefined;
  private readonly options: OutboxOptions;
  private readonly backoff: BackoffOptions;

  constructor(options: OutboxOptions, snapshot?: OutboxSnapshot) {
    this.options = options;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    if (snapshot) {
      this.pending = snapshot.pending.map((p) => ({ ...p }));
      this.rejected = [...snapshot.rejected];
    }
  }

  enqueue(mutation: Mutation): void {
    if (this.pending.some((p) => p.mutation.id === mutation.id)) return;
    this.pending.push({ mutation, attempts: 0 });
  }

  /** Connectivity changed; coming online replays the queue. Treat it as a hint: a failed send is the real signal. */
  async setOnline(online: boolean): Promise<void> {
    this.online = online;
    if (online) await this.flush();
  }

  /** When the next retry is due, if one is waiting; schedule a timer or background task for it. */
  get nextRetryAt(): number | undefined {
    return this.retryAt;
  }

  /** Send queued mutations in order until the queue is empty or a send must wait for a retry. */
  flush(): Promise<void> {
    // One drain at a time: a second caller waits for the running one instead of sending twice.
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  snapshot(): OutboxSnapshot {
    return { pending: this.pending.map((p) => ({ ...p })), rejected: [...this.rejected] };
  }

  private async drain(): Promise<void> {
    while (this.online && this.pending.length > 0) {
      if (this.retryAt !== undefined && this.options.now() < this.retryAt) return;
      const head = this.pending[0]!;
      const result = await this.sendOne(head.mutation);
      if (result.ok) {
        this.pending.shift();
        this.retryAt = undefined;
        this.options.onSent?.(head.mutation, result.serverUpdatedAt);
        continue;
      }
      head.attempts++;
      head.lastError = result.error;
      if (!result.retryable || head.attempts >= this.backoff.maxAttempts) {
        this.pending.shift();
        this.rejected.push({ mutation: head.mutation, error: result.error });
        this.retryAt = undefined;
        continue;
      }
      this.retryAt = this.options.now() + backoffDelay(head.attempts, this.backoff, this.options.random);
      return;
    }
  }

  private async sendOne(mutation: Mutation): Promise<SendResult> {
    try {
      return await this.options.transport.send(mutation);
    } catch (error) {
      // A thrown error is a network failure (offline, timeout, TLS): worth retrying.
      return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
