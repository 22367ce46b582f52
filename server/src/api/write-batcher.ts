import type { Database } from '../db/database.ts';
import { isDatabaseError, isRefusedData } from '../db/database-errors.ts';
import { withTenantWrite, type TenantWrite } from '../sync/mutation-runner.ts';

export type WriteJob<T> = (write: TenantWrite) => Promise<T>;

interface Queued {
  job: WriteJob<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for REST writes. A tenant's writes are serialised anyway (the advisory lock), so
 * those that arrive while one is running wait here, not on the lock holding a pooled connection,
 * and then run together in one transaction, as the mutations of one sync push do: one lock, one
 * flush, one poke. Each job's mutations stand or fall alone (a refused mutation writes nothing);
 * answers go out only after the commit. An idle tenant's write runs at once, alone.
 */
export class WriteBatcher {
  private readonly waiting = new Map<string, Queued[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly counters: { restWrites: number; restWriteBatches: number } = { restWrites: 0, restWriteBatches: 0 },
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
    const outcomes: { ok: boolean; value: unknown }[] = [];
    this.counters.restWriteBatches += 1;
    this.counters.restWrites += batch.length;
    try {
      await withTenantWrite(this.db, tenantId, undefined, async (write) => {
        for (const { job } of batch) {
          try {
            outcomes.push({ ok: true, value: await job(write) });
          } catch (err) {
            // A database failure aborts the whole transaction; anything else a job throws is its own refusal.
            if (isDatabaseError(err)) throw err;
            outcomes.push({ ok: false, value: err });
          }
        }
      });
    } catch (err) {
      // The database refused a statement, which aborts the whole batch: each write runs again
      // alone, so one bad write cannot fail the others that happened to share its transaction.
      if (batch.length > 1 && isRefusedData(err)) {
        for (const queued of batch) await this.commit(tenantId, [queued]);
        return;
      }
      for (const queued of batch) queued.reject(err);
      return;
    }
    batch.forEach((queued, i) => {
      const outcome = outcomes[i] as { ok: boolean; value: unknown };
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.value);
    });
  }
}
