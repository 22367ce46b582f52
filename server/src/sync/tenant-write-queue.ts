import type { Database, Queryable } from '../db/database.ts';
import { isDatabaseError, isDatabaseUnavailable } from '../db/database-errors.ts';
import { perDatabase } from './per-database.ts';

/** One write of a tenant: it runs inside the tenant's serialised transaction, possibly beside others. */
export type WriteJob<T> = (q: Queryable) => Promise<T>;

interface Queued {
  job: WriteJob<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface WriteCounters {
  /** Writes (sync pushes and REST writes) committed or refused. */
  writes: number;
  /** Transactions begun for them: fewer than writes when group commit joined them. */
  transactions: number;
}

/** The advisory lock that serialises a tenant's writes (every writer of a tenant takes this one). */
const tenantLock = (tenantId: string) => `tenant:${tenantId}`;

/**
 * Group commit for one tenant's writes, pushes and REST writes alike. They are serialised anyway
 * (the tenant's advisory lock, across every server process), so writes that arrive while one is
 * running wait here rather than on the lock, and then run one after another in one transaction:
 * one BEGIN and lock, one COMMIT (one WAL flush) for all of them. An idle tenant's write runs at
 * once, alone.
 *
 * A job that fails fails alone: a job writes only as it finishes, so one that throws has written
 * nothing. A statement the database refuses aborts the whole transaction: each job of the batch
 * then runs again alone, so one bad write cannot fail the others. Answers go out after the commit.
 */
export class TenantWriteQueue {
  readonly counters: WriteCounters = { writes: 0, transactions: 0 };
  private readonly waiting = new Map<string, Queued[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly maxBatch = 32,
  ) {}

  run<T>(tenantId: string, job: WriteJob<T>): Promise<T> {
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

  private take(tenantId: string): Queued[] {
    const queue = this.waiting.get(tenantId) ?? [];
    const batch = queue.splice(0, this.maxBatch);
    if (queue.length === 0) this.waiting.delete(tenantId);
    return batch;
  }

  private async commit(tenantId: string, batch: readonly Queued[]): Promise<void> {
    const outcomes: Outcome[] = [];
    this.counters.transactions += 1;
    try {
      await this.db.transaction(async (q) => {
        for (const { job } of batch) outcomes.push(await settle(job, q));
      }, { lock: tenantLock(tenantId) });
    } catch (err) {
      if (batch.length > 1 && !isDatabaseUnavailable(err)) {
        for (const queued of batch) await this.commit(tenantId, [queued]);
        return;
      }
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

/** Runs one job; a database failure (which aborts the transaction) ends the whole batch. */
async function settle(job: WriteJob<unknown>, q: Queryable): Promise<Outcome> {
  try {
    return { ok: true, value: await job(q) };
  } catch (error) {
    if (isDatabaseError(error)) throw error;
    return { ok: false, error };
  }
}

/** This process's write queue for `db`: every writer of a tenant goes through it. */
export const writeQueue = perDatabase((db) => new TenantWriteQueue(db));
