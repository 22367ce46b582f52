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
import type { Database, Queryable } from '../db/database.ts';
import { isDatabaseError, isRefusedData } from '../db/database-errors.ts';
import { appendEvents, type EventRow } from '../db/events.ts';
import { insertRejections } from '../db/rejections.ts';
import { saveLastMutationIds } from '../db/replicache-clients.ts';
import { StatementBatch } from '../db/statement-batch.ts';
import { toStorableText } from '../db/storable-text.ts';
import { serverEffects } from './server-effects.ts';
import { TenantStore, type MutationTx } from './tenant-store.ts';
import { committedPokes, pokeFor, type PokeMessage } from './notify.ts';
import { writeQueue } from './tenant-write-queue.ts';

export interface MutationMeta {
  readonly source: 'sync' | 'rest';
  readonly principal: Principal;
  readonly clientID?: string;
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

/**
 * Runs mutations for one tenant inside one serialised transaction, collecting their effects, and
 * writes them all at the end in one statement (`finish`).
 */
export class TenantWrite {
  private readonly events: EventRow[] = [];
  private readonly rejections: Rejection[] = [];
  private readonly orderIds = new Set<string>();
  private wrote = false;
  /** Last mutation ids a push processed, saved with everything else. */
  private advanced: ReadonlyMap<string, number> = new Map();
  /** The poke `finish` sent with the write, if it wrote anything. */
  poke: PokeMessage | undefined;

  constructor(
    readonly store: TenantStore,
    /**
     * Writes each mutation at once under its own savepoint, so a mutation whose rows the database
     * refuses is rolled back alone and rejected: the slower way, taken after a batched flush failed.
     */
    private readonly isolateEach = false,
  ) {}

  async apply(name: string, args: unknown, meta: MutationMeta): Promise<MutationOutcome> {
    const tx = this.store.begin();
    try {
      if (!isMutatorName(name)) throw new DomainError('unknown_mutator', `unknown mutator ${name}`);
      if (!mayRun(meta.principal.role, name)) throw new DomainError('forbidden', `a ${meta.principal.role} may not ${name}`);
      const events = await mutators[name](tx, args as never);
      await serverEffects[name]?.(tx, args);
      if (this.isolateEach && !(await this.flushAlone())) {
        tx.rollback();
        return { ok: false, error: unappliable() };
      }
      this.wrote ||= tx.writes.size > 0;
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

  /** Keeps a rejection the issuing client will pull, so its UI can say why its change was undone. */
  reject(clientID: string, mutationID: number, mutationName: string, error: DomainError): void {
    const id = rejectionKey(clientID, mutationID);
    // The name is whatever the client sent, and messages may quote it.
    const [name, message] = [toStorableText(mutationName), toStorableText(error.message)];
    this.rejections.push({ id, clientID, mutationID, mutationName: name, code: error.code, message, at: Date.now() });
  }

  private record(tx: MutationTx, name: string, events: DomainEvent[], meta: MutationMeta): void {
    for (const [key, value] of tx.writes) {
      if (key.startsWith('order/')) this.orderIds.add(key.slice('order/'.length));
      const orderId = (value as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId === 'string') this.orderIds.add(orderId);
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

  /** The clients' last mutation ids to save with this write (a push's). */
  advance(lmids: ReadonlyMap<string, number>): void {
    this.advanced = lmids;
  }

  /**
   * Writes everything in one statement: rows, ticket items and tracking tokens, events, rejections,
   * the clients' last mutation ids. Its NOTIFY is delivered only if the transaction commits: no
   * poke for a rolled-back write.
   */
  async finish(q: Queryable, pokeOrigin: string): Promise<void> {
    const { tenantId, clientGroupId } = this.store;
    const b = new StatementBatch();
    this.store.flushInto(b);
    appendEvents(b, tenantId, this.events);
    if (clientGroupId) {
      insertRejections(b, tenantId, clientGroupId, this.rejections);
      saveLastMutationIds(b, clientGroupId, this.advanced);
    }
    const changed = this.wrote || this.rejections.length > 0;
    const poke = changed ? pokeFor(b, tenantId, this.orderIds, pokeOrigin) : undefined;
    await b.run(q, poke?.sql);
    this.poke = poke?.message;
  }
}

/**
 * Runs `fn` as one write of the tenant: inside the tenant's serialised transaction (possibly
 * beside other writes of the tenant, see `TenantWriteQueue`), with its effects written as it
 * finishes. A write that throws has written nothing.
 */
export async function withTenantWrite<T>(
  db: Database,
  tenantId: string,
  clientGroupId: string | undefined,
  fn: (write: TenantWrite, q: Queryable) => Promise<T>,
  options: { isolateEach?: boolean } = {},
): Promise<T> {
  const pokes = committedPokes(db);
  let write: TenantWrite | undefined;
  const result = await writeQueue(db).run(tenantId, async (q) => {
    write = new TenantWrite(new TenantStore(q, tenantId, clientGroupId), options.isolateEach);
    const value = await fn(write, q);
    await write.finish(q, pokes.origin);
    return value;
  });
  // Committed: this process's sockets hear of it now, before the write is answered.
  if (write?.poke) pokes.emit(write.poke);
  return result;
}
