export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Commits a batch of one tenant's jobs in one transaction and tells how each went. It throws only
 * when the transaction itself failed (a database error): then nothing of the batch was written.
 */
export type CommitBatch<J> = (tenantId: string, jobs: readonly J[]) => Promise<Outcome[]>;

interface Queued<J> {
  job: J;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface WriteCounters {
  /** Writes (sync pushes and REST writes) committed or refused. */
  writes: number;
  /** Transactions begun for them: fewer than writes when group commit joined them. */
  transactions: number;
}

/**
 * Group commit for one tenant's writes, pushes and REST writes alike. They are serialised anyway
 * (the tenant's advisory lock, across every server process), so writes that arrive while one is
 * running wait here rather than on the lock, and then go together as one batch: one transaction,
 * one round trip for what they read first, one statement for what they wrote, one COMMIT (one WAL
 * flush). An idle tenant's write runs at once, alone.
 *
 * A job that fails fails alone (`CommitBatch` undoes what it wrote, and deals with a statement the
 * database refuses). Answers go out after the commit.
 */
export class TenantWriteQueue<J> {
  readonly counters: WriteCounters = { writes: 0, transactions: 0 };
  private readonly waiting = new Map<string, Queued<J>[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly commitBatch: CommitBatch<J>,
    private readonly maxBatch = 32,
  ) {}

  run<T>(tenantId: string, job: J): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(tenantId) ?? [];
      queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.waiting.set(tenantId, queue);
      if (!this.draining.has(tenantId)) void this.drain(tenantId);
    });
  }

  private async drain(tenantId: string): Promise<void> {
    this.draining.add(tenantId);
    try {
      for (let batch = this.take(tenantId); batch.length > 0; batch = this.take(tenantId)) await this.commit(tenantId, batch);
    } finally {
      this.draining.delete(tenantId);
    }
  }

  /** The next batch: up to `maxBatch` jobs in arrival order. */
  private take(tenantId: string): Queued<J>[] {
    const queue = this.waiting.get(tenantId) ?? [];
    const batch = queue.splice(0, this.maxBatch);
    if (queue.length === 0) this.waiting.delete(tenantId);
    return batch;
  }

  private async commit(tenantId: string, batch: readonly Queued<J>[]): Promise<void> {
    let outcomes: Outcome[];
    this.counters.transactions += 1;
    try {
      outcomes = await this.commitBatch(tenantId, batch.map((q) => q.job));
    } catch (err) {
      this.counters.writes += batch.length;
      for (const queued of batch) queued.reject(err);
      return;
    }
    this.counters.writes += batch.length;
    batch.forEach((queued, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
