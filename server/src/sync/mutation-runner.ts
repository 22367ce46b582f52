import {
  DomainError,
  eventOrderId,
  isDomainError,
  isMutatorName,
  mutators,
  rejectionKey,
  type DomainEvent,
  type Rejection,
} from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import { mayRun } from '../auth/permissions.ts';
import { lockSql, type Database, type Queryable, type Statement } from '../db/database.ts';
import { perDatabase } from './per-database.ts';
import { ClientGroups } from './client-groups.ts';
import { isDatabaseError, isDatabaseUnavailable, isRefusedData } from '../db/database-errors.ts';
import { appendEvents, type EventRow } from '../db/events.ts';
import { upsertRejections } from '../db/rejections.ts';
import { pushStateStatement, type PushState } from '../db/replicache-clients.ts';
import { sqlLiteral } from '../db/prepared.ts';
import { StatementBatch } from '../db/statement-batch.ts';
import { toStorableText } from '../db/storable-text.ts';
import { serverEffects } from './server-effects.ts';
import { rowsToLoad, TenantStore, type MutationTx } from './tenant-store.ts';
import { changeFeeds, type BatchChanges, type ChangeFeed } from './change-feed.ts';
import { committedPokes, pokeFor, type PokeMessage } from './notify.ts';
import { SnapshotReads, tenantSnapshots, TenantSnapshot, type BatchState } from './tenant-snapshot.ts';
import { settle, TenantWriteQueue, type CommitBatch, type Outcome, type QueuedJob } from './tenant-write-queue.ts';

export interface MutationMeta {
  readonly source: 'sync' | 'rest' | 'system';
  readonly principal: Principal;
  readonly clientID?: string;
  /** The client group that pushed the mutation (its rejections are that group's alone). */
  readonly clientGroupID?: string;
  readonly mutationID?: number;
  readonly requestId?: string;
  /** Set when a restaurant hub forwarded the mutation: which hub, and when it had it (epoch ms). */
  readonly via?: { readonly hubTokenId: string; readonly hubAt: number };
}

export type MutationOutcome = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

export const unappliable = () => new DomainError('internal_error', 'the server could not apply this change');

function asDomainError(err: unknown): DomainError {
  return isDomainError(err) ? err : unappliable();
}

/** A push's mutations as the batch's first read needs them: its group, its clients, the rows it will read. */
export interface PushReads {
  readonly groupId: string;
  readonly clientIds: readonly string[];
  readonly keys: Iterable<string>;
}

/**
 * The writes of one batch (one transaction) of a tenant: the mutations of every job in it run
 * against one buffer, so a later job reads what an earlier one wrote, and everything is written at
 * the end in one statement (`finish`).
 */
export class TenantWrite {
  private readonly events: EventRow[] = [];
  private readonly rejections: { group: string; rejection: Rejection }[] = [];
  private readonly orderIds: string[] = [];
  /** Whether a mutation wrote rows (a row flushed under its own savepoint no longer shows in the buffer). */
  private wrote = false;
  /** The client groups and clients the batch's pushes deal with. */
  readonly groups = new ClientGroups();
  /** The poke `finish` sent with the write, if it wrote anything. */
  poke: PokeMessage | undefined;
  /** What the write statement wrote, as pulls see it (after `statement`). */
  changes: BatchChanges | undefined;

  constructor(
    readonly store: TenantStore,
    /**
     * Writes each mutation at once under its own savepoint, so a mutation whose rows the database
     * refuses is rolled back alone and rejected: the slower way, taken after a batched flush failed.
     */
    readonly isolateEach = false,
  ) {}

  /** A point to return to if the job about to run fails: `undo` takes back all it did. */
  mark(): () => void {
    const [store, groups, events, rejections, orderIds, wrote] = [this.store.mark(), this.groups.mark(), this.events.length, this.rejections.length, this.orderIds.length, this.wrote];
    return () => {
      this.wrote = wrote;
      this.store.rollbackTo(store);
      this.groups.rollbackTo(groups);
      this.events.length = events;
      this.rejections.length = rejections;
      this.orderIds.length = orderIds;
    };
  }

  async apply(name: string, args: unknown, meta: MutationMeta): Promise<MutationOutcome> {
    const tx = this.store.begin(meta.clientGroupID);
    try {
      if (!isMutatorName(name)) throw new DomainError('unknown_mutator', `unknown mutator ${name}`);
      if (!mayRun(meta.principal.role, name)) throw new DomainError('forbidden', `a ${meta.principal.role} may not ${name}`);
      const events = await mutators[name](tx, args as never);
      await serverEffects[name]?.(tx, args);
      if (this.isolateEach && !(await this.flushAlone())) {
        tx.rollback();
        return { ok: false, error: unappliable() };
      }
      this.record(tx, name, events, meta);
      return { ok: true, events };
    } catch (err) {
      tx.rollback();
      // A database failure aborts the whole write; anything else a mutator throws is its own rejection.
      if (isDatabaseError(err)) throw err;
      return { ok: false, error: asDomainError(err) };
    }
  }

  /** Writes the one mutation just run under a savepoint; false (and nothing written) if the database refused it. */
  private async flushAlone(): Promise<boolean> {
    await this.store.q.query('SAVEPOINT mutation');
    try {
      const b = new StatementBatch();
      this.store.flushInto(b);
      await b.run(this.store.q);
      await this.store.q.query('RELEASE SAVEPOINT mutation');
      return true;
    } catch (err) {
      if (!isRefusedData(err)) throw err;
      await this.store.q.query('ROLLBACK TO SAVEPOINT mutation');
      return false;
    }
  }

  /** Keeps a rejection the issuing client's group will pull, so its UI can say why its change was undone. */
  reject(group: string, clientID: string, mutationID: number, mutationName: string, error: DomainError): void {
    const id = rejectionKey(clientID, mutationID);
    // The name is whatever the client sent, and messages may quote it.
    const [name, message] = [toStorableText(mutationName), toStorableText(error.message)];
    this.rejections.push({ group, rejection: { id, clientID, mutationID, mutationName: name, code: error.code, message, at: Date.now() } });
  }

  private record(tx: MutationTx, name: string, events: DomainEvent[], meta: MutationMeta): void {
    this.wrote ||= tx.writes.size > 0;
    for (const [key, value] of tx.writes) {
      if (key.startsWith('order/')) this.orderIds.push(key.slice('order/'.length));
      const orderId = (value as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId === 'string') this.orderIds.push(orderId);
    }
    for (const event of events) {
      this.events.push({
        type: event.type,
        order_id: eventOrderId(event) ?? null,
        actor_token_id: meta.principal.tokenId,
        actor_role: meta.principal.role,
        source: meta.source,
        client_id: meta.clientID ?? null,
        mutation_id: meta.mutationID ?? null,
        mutation_name: name,
        request_id: meta.requestId ?? null,
        via_hub_token_id: meta.via?.hubTokenId ?? null,
        hub_at: meta.via ? new Date(meta.via.hubAt).toISOString() : null,
        data: event,
      });
    }
  }

  /** Whether the write moves the tenant's head: it changes rows, rejections or last mutation ids. */
  movesHead(): boolean {
    return this.wrote || this.rejections.length > 0 || this.groups.advancedClients.size > 0;
  }

  /** What the batch leaves in its buffer and knows of client groups, for the tenant's snapshot. */
  state(): BatchState {
    return { rows: () => this.store.slots(), scanned: () => this.store.scannedSlots(), ...this.groups.known() };
  }

  /**
   * Everything in one statement: rows, ticket items and tracking tokens, events, rejections,
   * client groups and last mutation ids, and the poke's NOTIFY (delivered only if the transaction
   * commits: no poke for a rolled-back write). Its one row names the writing transaction (`mover`).
   * Undefined when there is nothing to write.
   */
  statement(pokeOrigin: string): Statement | undefined {
    const b = new StatementBatch();
    const flushed = this.store.flushInto(b);
    this.changes = { rows: flushed.rows, rejections: this.rejectionChanges(flushed.dismissed), clients: this.groups.advancedClients };
    appendEvents(b, this.store.tenantId, this.events);
    upsertRejections(b, this.store.tenantId, this.rejections.map(({ group, rejection }) => ({ clientGroupID: group, key: rejection.id, data: rejection })));
    this.groups.writeInto(b);
    const poke = this.wrote || this.rejections.length > 0 ? pokeFor(b, this.store.tenantId, new Set(this.orderIds), pokeOrigin) : undefined;
    this.poke = poke?.message;
    if (b.isEmpty && !poke) return undefined;
    return b.statement(`SELECT pg_current_xact_id()::text AS mover${poke ? `, ${poke.sql}` : ''}`);
  }

  /** Rejections written and dismissed, by client group. */
  private rejectionChanges(dismissed: ReadonlyMap<string, readonly string[]>) {
    const byGroup = new Map<string, Map<string, Rejection | null>>();
    const of = (group: string) => {
      let rejections = byGroup.get(group);
      if (!rejections) byGroup.set(group, (rejections = new Map()));
      return rejections;
    };
    for (const [group, keys] of dismissed) for (const key of keys) of(group).set(key, null);
    for (const { group, rejection } of this.rejections) of(group).set(rejection.id, rejection);
    return byGroup;
  }

  /** Sends `statement` as the transaction's last (on Postgres it goes with COMMIT once its connection has parsed it); the writing transaction. */
  async finish(q: Queryable, pokeOrigin: string): Promise<string | undefined> {
    const statement = this.statement(pokeOrigin);
    if (!statement) return undefined;
    const { rows } = await q.query<{ mover: string }>(statement.sql, statement.params, { prepare: true, last: true });
    return rows[0]?.mover;
  }
}

/** One write of a tenant, run in a batch with others that arrived while the tenant was busy. */
export interface WriteJob extends QueuedJob {
  /** What a push reads first: read for the whole batch in BEGIN's round trip. */
  readonly reads?: PushReads;
  run(write: TenantWrite, q: Queryable): Promise<unknown>;
}

/** The advisory lock that serialises a tenant's writes (every writer of a tenant takes this one). */
const tenantLock = (tenantId: string) => `tenant:${tenantId}`;

/** What a batch's pushes read first: their client groups, their clients, and the rows their mutations will obviously read. */
function batchReads(tenantId: string, jobs: readonly WriteJob[]) {
  const reads = jobs.flatMap((j) => (j.reads ? [j.reads] : []));
  if (reads.length === 0) return undefined;
  const rows = rowsToLoad(tenantId, reads.flatMap((r) => [...r.keys]));
  return { groupIds: [...new Set(reads.map((r) => r.groupId))], clientIds: [...new Set(reads.flatMap((r) => r.clientIds))], rows };
}

type BatchReadSet = NonNullable<ReturnType<typeof batchReads>>;

/** Those reads as one statement, for BEGIN's round trip (none for a batch of REST writes). */
function openingRead(tenantId: string, reads: BatchReadSet | undefined) {
  if (!reads) return undefined;
  return {
    reads,
    statement: pushStateStatement(tenantId, reads.groupIds, reads.clientIds, reads.rows.sql),
    /** Hands the rows read to the batch; the transaction that last moved the tenant's head. */
    loaded(write: TenantWrite, opened: Record<string, unknown>[]): string | null {
      const state = opened[0] as unknown as PushState;
      write.groups.loaded(state);
      write.store.loaded(reads.rows.asked, state.rows);
      return state.mover;
    },
  };
}

/**
 * Commits one batch of a tenant's writes: against the tenant's snapshot in one round trip where it
 * can (`againstSnapshot`), else one transaction under the tenant's lock, whose first round trip
 * also reads what the batch's pushes need; each job in turn (one that fails is undone); one
 * statement writing all they did, sent with COMMIT. This process's sockets are poked as it
 * returns, and the tenant's snapshot takes in what the batch read and wrote.
 */
function batchCommitter(db: Database): CommitBatch<WriteJob> {
  const pokes = committedPokes(db);
  const snapshots = tenantSnapshots(db);
  // Made now, it listens for head reports from the first write on.
  const feed = changeFeeds(db);
  return async (tenantId, jobs) => {
    const known = snapshots.get(tenantId);
    const reads = batchReads(tenantId, jobs);
    const fast = known && reads && (await againstSnapshot(db, known, tenantId, jobs, reads));
    if (fast) {
      if (fast.poke) pokes.emit(fast.poke);
      return fast.outcomes;
    }
    snapshots.delete(tenantId);
    const opening = openingRead(tenantId, reads);
    let done: { write: TenantWrite; before: string | null | undefined; mover: string | undefined } | undefined;
    const outcomes = await db.transaction(
      async (q, opened) => {
        const write = new TenantWrite(new TenantStore(q, tenantId), jobs.some((j) => j.alone));
        const before = opening?.loaded(write, opened);
        const settled: Outcome[] = [];
        for (const job of jobs) settled.push(await settle(() => job.run(write, q), write.mark()));
        done = { write, before, mover: await write.finish(q, pokes.origin) };
        return settled;
      },
      { lock: tenantLock(tenantId), ...(opening ? { opening: opening.statement } : {}) },
    );
    if (!done) return outcomes;
    const { write, before, mover } = done;
    // Committed: this process's pulls and sockets hear of it now, before the writes are answered.
    toFeed(feed, tenantId, write, mover);
    if (write.poke) pokes.emit(write.poke);
    if (before !== undefined && opening && !write.isolateEach) {
      const snapshot = known?.mover === before ? known : new TenantSnapshot(before);
      snapshot.absorb(write.state(), opening.reads.clientIds, write.movesHead() ? (mover ?? null) : before);
      snapshots.set(tenantId, snapshot);
    }
    return outcomes;
  };
}

/**
 * Hands what a committed batch wrote to this process's change feed, for pulls to answer from; a
 * batch written mutation by mutation (its changes are not all in its last statement) is not.
 */
function toFeed(feed: ChangeFeed, tenantId: string, write: TenantWrite, mover: string | undefined): void {
  if (!write.isolateEach && write.movesHead() && mover && write.changes) feed.committed(tenantId, mover, write.changes);
}

/**
 * The check a write run against a snapshot taken after transaction `mover` goes with: that no other
 * transaction has moved the tenant's head since (so all it read from the snapshot still stands),
 * and that the rows it took to be absent are (SQLSTATE KSH01 otherwise).
 */
function snapshotCheck(tenantId: string, mover: string | null, assumedAbsent: readonly string[]): string {
  const head = `ks_expect_head(${sqlLiteral(tenantId)}, ${mover === null ? 'NULL' : sqlLiteral(mover)})`;
  const absent = rowsToLoad(tenantId, assumedAbsent).sql?.(sqlLiteral);
  return `SELECT ${head}${absent ? `, ks_expect_none((SELECT count(*) FROM (${absent}) r))` : ''}`;
}

/**
 * A batch of pushes run against the tenant's snapshot and written in one round trip: the lock, the
 * check that no other transaction moved the tenant's head since the snapshot's, and the write, as
 * one implicit transaction. Undefined, with nothing written, when a job is not a push, the snapshot
 * lacks something the batch reads, or the check (or anything else in the write) fails: the batch
 * then goes the ordinary way, which reads afresh.
 */
async function againstSnapshot(db: Database, snapshot: TenantSnapshot, tenantId: string, jobs: readonly WriteJob[], reads: BatchReadSet) {
  if (!jobs.every((j) => j.reads && !j.alone) || !snapshot.covers(reads)) return undefined;
  const misses = new SnapshotReads();
  const write = new TenantWrite(new TenantStore(misses, tenantId, snapshot));
  write.groups.loaded(snapshot.pushState(reads));
  const outcomes: Outcome[] = [];
  for (const job of jobs) outcomes.push(await settle(() => job.run(write, misses), write.mark()));
  if (misses.missed) return undefined;
  const statement = write.statement(committedPokes(db).origin) ?? { sql: 'SELECT NULL::text AS mover', params: [] };
  let rows: Record<string, unknown>[] | undefined;
  try {
    rows = await db.atOnce([lockSql(sqlLiteral(tenantLock(tenantId))), snapshotCheck(tenantId, snapshot.mover, write.store.assumedAbsent)], statement);
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err;
    return undefined;
  }
  if (!rows) return undefined;
  const mover = rows[0]?.mover as string | undefined;
  toFeed(changeFeeds(db), tenantId, write, mover);
  snapshot.absorb(write.state(), reads.clientIds, write.movesHead() ? (mover ?? null) : snapshot.mover);
  return { outcomes, poke: write.poke };
}

/** This process's write queue for `db`: every writer of a tenant goes through it. */
export const writeQueue = perDatabase((db) => new TenantWriteQueue(batchCommitter(db)));

/**
 * Runs `run` as one write of the tenant: inside the tenant's serialised transaction, possibly
 * beside other writes of the tenant, with its effects written as the batch finishes. A write that
 * throws has written nothing.
 */
export function withTenantWrite<T>(db: Database, tenantId: string, run: (write: TenantWrite, q: Queryable) => Promise<T>, options: Omit<WriteJob, 'run'> = {}): Promise<T> {
  return writeQueue(db).run<T>(tenantId, { ...options, run });
}
