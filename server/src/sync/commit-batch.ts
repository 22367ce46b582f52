import type { Database } from '../db/database.ts';
import { isDatabaseError, isRefusedData } from '../db/database-errors.ts';
import { pushStateStatement, type PushState } from '../db/replicache-clients.ts';
import { rowsToLoad } from './tenant-store.ts';
import type { CommitBatch, Outcome } from './tenant-write-queue.ts';
import { TenantWrite, type PokeMessage } from './tenant-write.ts';

/** A push's mutations as the batch's first read needs them: its group, its clients, the rows it will read. */
export interface PushReads {
  readonly groupId: string;
  readonly clientIds: readonly string[];
  readonly keys: Iterable<string>;
}

/** One write of a tenant, run in a batch with others that arrived while the tenant was busy. */
export interface WriteJob {
  /** What a push reads first: read for the whole batch in BEGIN's round trip. */
  readonly reads?: PushReads;
  run(write: TenantWrite): Promise<unknown>;
}

/** What a committed batch tells the rest of the process (`SyncEngine.onCommitted`). */
export interface Committed {
  readonly tenantId: string;
  /** The poke its write sent with NOTIFY, if it wrote anything a client sees. */
  readonly poke: PokeMessage | undefined;
  /** The clients whose last mutation id it moved on. */
  readonly lmids: ReadonlyMap<string, number>;
}

/** What a batch's pushes read first, as one statement for BEGIN's round trip (none for a batch of REST writes). */
function openingRead(tenantId: string, jobs: readonly WriteJob[]) {
  const reads = jobs.flatMap((j) => (j.reads ? [j.reads] : []));
  if (reads.length === 0) return undefined;
  const rows = rowsToLoad(tenantId, reads.flatMap((r) => [...r.keys]));
  const groupIds = [...new Set(reads.map((r) => r.groupId))];
  const clientIds = [...new Set(reads.flatMap((r) => r.clientIds))];
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
    const value = await job.run(write);
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
 * one statement writing all they did, sent with COMMIT; then `committed` tells this process (its
 * sockets are poked before the writes are answered). If the database refuses a statement, the
 * batch runs once more with a savepoint per job and per mutation (`TenantWrite.savepoints`).
 */
export function batchCommitter(db: Database, pokeOrigin: string, committed: (c: Committed) => void): CommitBatch<WriteJob> {
  const commit = async (tenantId: string, jobs: readonly WriteJob[], savepoints: boolean) => {
    const opening = openingRead(tenantId, jobs);
    const done = await db.transaction(
      async (q, opened) => {
        const write = new TenantWrite(q, tenantId, savepoints);
        opening?.loaded(write, opened);
        const outcomes: Outcome[] = [];
        for (const job of jobs) outcomes.push(await runJob(write, job));
        const poke = await write.finish(pokeOrigin);
        return { outcomes, poke, lmids: write.groups.advancedIds() };
      },
      { tenantLock: tenantId, ...(opening ? { opening: opening.statement } : {}) },
    );
    committed({ tenantId, poke: done.poke, lmids: done.lmids });
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
