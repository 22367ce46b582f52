import type { Database } from '../db/database.ts';
import { isDatabaseError, isRefusedData } from '../db/database-errors.ts';
import { pushStateStatement, type PushState } from '../db/replicache-clients.ts';
import { rowsToLoad } from './tenant-store.ts';
import { TenantWrite, type PokeMessage, type PushJob } from './tenant-write.ts';

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
 * A job that fails fails alone (`batchCommitter`, below, undoes what it wrote, and deals with a statement the
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

/**
 * One write of a tenant, run in a batch with others that arrived while the tenant was busy: a
 * push's mutations, as data (steps 3–5 of `push.ts` run in `TenantWrite.push`), or a REST write's
 * own code.
 */
export type WriteJob = { readonly push: PushJob } | { readonly run: (write: TenantWrite) => Promise<unknown> };

/** What a committed batch tells the rest of the process (`SyncEngine.onCommitted`). */
export interface Committed {
  readonly tenantId: string;
  /** The poke its write calls for, if it wrote anything a client sees. */
  readonly poke: PokeMessage | undefined;
  /** The clients whose last mutation id it moved on. */
  readonly lmids: ReadonlyMap<string, number>;
}

/** What a batch's pushes read first, as one statement for BEGIN's round trip (none for a batch of REST writes). */
function openingRead(tenantId: string, jobs: readonly WriteJob[]) {
  const pushes = jobs.flatMap((j) => ('push' in j ? [j.push] : []));
  if (pushes.length === 0) return undefined;
  const rows = rowsToLoad(tenantId, pushes.flatMap((p) => [...p.reads]));
  const groupIds = [...new Set(pushes.map((p) => p.clientGroupID))];
  const clientIds = [...new Set(pushes.flatMap((p) => p.clientIds))];
  return {
    statement: pushStateStatement(groupIds, clientIds, rows.sql),
    /** Hands what was read to the batch. */
    loaded(write: TenantWrite, opened: Record<string, unknown>[]): void {
      const state = opened[0] as unknown as PushState;
      write.groups.loaded(state);
      write.store.loaded(rows.asked, state.rows);
    },
  };
}

/**
 * Runs one job of a batch; if it fails, what it did is undone (to its savepoint too, if the batch
 * takes them). A database failure, which aborts the transaction, ends the whole batch.
 */
async function runJob(write: TenantWrite, job: WriteJob): Promise<Outcome> {
  const mark = write.journal.mark();
  if (write.savepoints) await write.q.query('SAVEPOINT job');
  try {
    const value = 'push' in job ? await write.push(job.push) : await job.run(write);
    if (write.savepoints) await write.q.query('RELEASE SAVEPOINT job');
    return { ok: true, value };
  } catch (error) {
    if (isDatabaseError(error) && !(write.savepoints && isRefusedData(error))) throw error;
    write.journal.rollbackTo(mark);
    if (write.savepoints) await write.q.query('ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job');
    return { ok: false, error };
  }
}

/**
 * Commits one batch of a tenant's writes: one transaction under the tenant's lock, whose first
 * round trip also reads what the batch's pushes need; each job in turn (one that fails is undone);
 * one statement writing all they did, sent with COMMIT; then each of `listeners` is told
 * (`SyncEngine.onCommitted`: this process's sockets are poked before the writes are answered).
 * If the database refuses a statement, the batch runs once more with a savepoint per job and per
 * mutation (`TenantWrite.savepoints`).
 */
export function batchCommitter(db: Database, listeners: ReadonlySet<(c: Committed) => void>): CommitBatch<WriteJob> {
  const commit = async (tenantId: string, jobs: readonly WriteJob[], savepoints: boolean) => {
    const opening = openingRead(tenantId, jobs);
    const done = await db.transaction(
      async (q, opened) => {
        const write = new TenantWrite(q, tenantId, savepoints);
        opening?.loaded(write, opened);
        const outcomes: Outcome[] = [];
        for (const job of jobs) outcomes.push(await runJob(write, job));
        const poke = await write.finish();
        return { outcomes, poke, lmids: write.groups.advancedIds() };
      },
      { tenantLock: tenantId, ...(opening ? { opening: opening.statement } : {}) },
    );
    const committed: Committed = { tenantId, poke: done.poke, lmids: done.lmids };
    for (const listener of listeners) listener(committed);
    return done.outcomes;
  };
  return async (tenantId, jobs) => {
    try {
      return await commit(tenantId, jobs, false);
    } catch (err) {
      if (!isRefusedData(err)) throw err;
      return commit(tenantId, jobs, true);
    }
  };
}
