import {
  DomainError, eventOrderId, isDomainError, isMutatorName, mutators, orderKey, rejectionKey, type DomainEvent, type MutatorName, type Order, type Rejection,
} from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import { generateToken, hashToken, newId } from '../auth/tokens.ts';
import { mayRun } from '../auth/permissions.ts';
import type { Queryable, Statement } from '../db/database.ts';
import { isDatabaseError, isRefusedData } from '../db/database-errors.ts';
import { appendEvents, type EventRow } from '../db/events.ts';
import { upsertRejections } from '../db/rejections.ts';
import { StatementBatch } from '../db/statement-batch.ts';
import { isStorableJson, toStorableText } from '../db/storable-text.ts';
import { ClientGroups } from './client-groups.ts';
import { Journal } from './journal.ts';
import type { HubRelay, PushRequest, PushResult } from './protocol.ts';
import { TenantStore, type MutationTx } from './tenant-store.ts';

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

/** A push's mutations as its batch runs them (steps 3–5 of `push.ts`), with what they read first. */
export interface PushJob {
  readonly principal: Principal;
  readonly tenantId: string;
  readonly clientGroupID: string;
  readonly clientIds: readonly string[];
  readonly mutations: PushRequest['mutations'];
  /** Mutations past this many wait for the next push. */
  readonly cap: number;
  readonly relay: HubRelay | undefined;
  /** The rows its mutations not known to be processed will read: read in BEGIN's round trip. */
  readonly reads: Iterable<string>;
}

export type MutationOutcome = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

/** NOTIFY payloads are capped at 8000 bytes (the relay adds its origin): past this, the poke names no orders. */
const maxPokeBytes = 7_500;

/** What a write's poke says: to this process's sockets, and in NOTIFY to every other process's (`PokeHub`). */
export interface PokeMessage {
  /** tenant */
  t: string;
  /** orders whose data changed; absent = could be any */
  o?: string[];
  /** the `SyncEngine` that already delivered it in its own process (set by its `PokeRelay`) */
  s?: string;
}

function pokeFor(tenantId: string, orderIds: ReadonlySet<string>): PokeMessage {
  const named = { t: tenantId, o: [...orderIds] };
  return Buffer.byteLength(JSON.stringify(named)) <= maxPokeBytes ? named : { t: tenantId };
}

type Effect = (tx: MutationTx, args: unknown) => Promise<void>;

/**
 * Server-only consequences of a mutation, kept out of the shared mutators because they need
 * randomness: a new order gets its customer tracking token (a bearer token of role customer that
 * reads exactly that order). The order keeps the token so managers can share the tracking link.
 */
const serverEffects: Partial<Record<MutatorName, Effect>> = {
  createOrder: async (tx, args) => {
    const orderId = (args as { id: string }).id;
    const order = (await tx.get(orderKey(orderId))) as Order;
    const token = generateToken('customer');
    tx.issueToken({ id: newId('tok'), label: `tracking ${orderId}`, hash: hashToken(token), orderId });
    await tx.set(orderKey(orderId), { ...order, trackingToken: token });
  },
};

/** What a mutation whose rows the database refused is rejected with. */
export const unappliable = () => new DomainError('internal_error', 'the server could not apply this change');

/**
 * The writes of one batch (one transaction) of a tenant: the mutations of every job in it run
 * against one buffer, so a later job reads what an earlier one wrote, and everything is written at
 * the end in one statement (`finish`). Every change — rows, client groups, events, rejections — is
 * recorded in one journal, so a mutation or a job that fails is undone to its mark.
 *
 * `savepoints`: the one rule for a write the database refuses. The batch is then run again with
 * each mutation under its own savepoint, its rows written as it ends: a mutation whose statement
 * the database refuses is rolled back alone and becomes a rejection like any other.
 */
export class TenantWrite {
  readonly journal = new Journal();
  readonly store: TenantStore;
  /** The client groups and clients the batch's pushes deal with. */
  readonly groups = new ClientGroups(this.journal);
  private readonly events: EventRow[] = [];
  private readonly rejections: { group: string; rejection: Rejection }[] = [];
  /** Orders whose data changed (a customer is poked only for its own); one entry per row written. */
  private readonly orderIds: string[] = [];
  /** One entry per mutation that wrote rows. */
  private readonly writers: string[] = [];

  constructor(
    readonly q: Queryable,
    readonly tenantId: string,
    readonly savepoints = false,
  ) {
    this.store = new TenantStore(q, tenantId, this.journal);
  }

  /** Steps 3–5 of `push.ts` for one push of the batch (6, COMMIT, is the batch's: `finish`). */
  async push(job: PushJob): Promise<PushResult> {
    // 3. The client group and its clients.
    const owner = { tenantId: job.tenantId, tokenId: job.principal.tokenId };
    if (!this.groups.admit(job.clientGroupID, owner, job.clientIds)) return { response: { error: 'ClientStateNotFound' }, processed: 0 };
    // 4. Each mutation due, in order, up to the cap: ids already processed are skipped, a gap stops that client.
    const advanced = new Map<string, number>();
    const stopped = new Set<string>();
    let processed = 0;
    for (const m of job.mutations) {
      if (processed >= job.cap) break;
      const expected = (advanced.get(m.clientID) ?? this.groups.lastMutationId(m.clientID)) + 1;
      if (m.id !== expected || stopped.has(m.clientID)) {
        if (m.id > expected) stopped.add(m.clientID);
        continue;
      }
      const via = job.relay && { hubTokenId: job.relay.hubTokenId, hubAt: job.relay.hubAt(m.clientID, m.id) };
      const meta: MutationMeta = { source: 'sync', principal: job.principal, clientID: m.clientID, clientGroupID: job.clientGroupID, mutationID: m.id, ...(via ? { via } : {}) };
      const outcome = await this.apply(m.name, m.args, meta);
      if (!outcome.ok) this.reject(job.clientGroupID, m.clientID, m.id, m.name, outcome.error);
      advanced.set(m.clientID, m.id);
      processed += 1;
    }
    // 5. The clients' last mutation ids, written with everything else in `finish`.
    this.groups.advance(job.clientGroupID, advanced);
    return { response: {}, processed };
  }

  /** Runs mutator `name` as `meta` says; a refusal is its outcome (its writes undone), a database failure throws. */
  async apply(name: string, args: unknown, meta: MutationMeta): Promise<MutationOutcome> {
    const tx = this.store.begin(meta.clientGroupID);
    if (this.savepoints) await this.q.query('SAVEPOINT mutation');
    try {
      if (!isMutatorName(name)) throw new DomainError('unknown_mutator', `unknown mutator ${name}`);
      if (!mayRun(meta.principal.role, name)) throw new DomainError('forbidden', `a ${meta.principal.role} may not ${name}`);
      const events = await mutators[name](tx, args as never);
      await serverEffects[name]?.(tx, args);
      if (this.savepoints) await this.flushUnder('mutation');
      this.record(tx, name, events, meta);
      return { ok: true, events };
    } catch (err) {
      tx.rollback();
      const refused = this.savepoints && isRefusedData(err);
      // A database failure aborts the whole write; anything else a mutator throws is its own rejection.
      if (isDatabaseError(err) && !refused) throw err;
      if (this.savepoints) await this.q.query('ROLLBACK TO SAVEPOINT mutation; RELEASE SAVEPOINT mutation');
      return { ok: false, error: refused ? unappliable() : isDomainError(err) ? err : unappliable() };
    }
  }

  /** Writes what the buffer holds now and releases savepoint `name`. */
  private async flushUnder(name: string): Promise<void> {
    const b = new StatementBatch();
    this.store.flushInto(b);
    await b.run(this.q);
    await this.q.query(`RELEASE SAVEPOINT ${name}`);
  }

  /** Keeps a rejection the issuing client's group will pull: its error's code and details, so its UI can say why its change was undone. */
  reject(group: string, clientID: string, mutationID: number, mutationName: string, error: DomainError): void {
    const id = rejectionKey(clientID, mutationID);
    // The name is whatever the client sent, and messages may quote it.
    const [name, message] = [toStorableText(mutationName), toStorableText(error.message)];
    const details = error.details !== undefined && isStorableJson(error.details) ? { details: error.details as Rejection['details'] } : {};
    const rejection: Rejection = { id, clientID, mutationID, mutationName: name, code: error.code, message, at: Date.now(), ...details };
    this.journal.push(this.rejections, { group, rejection });
  }

  private record(tx: MutationTx, name: string, events: DomainEvent[], meta: MutationMeta): void {
    if (tx.writes.size > 0) this.journal.push(this.writers, name);
    for (const [key, value] of tx.writes) {
      if (key.startsWith('order/')) this.journal.push(this.orderIds, key.slice('order/'.length));
      const orderId = (value as { orderId?: unknown } | null)?.orderId;
      if (typeof orderId === 'string') this.journal.push(this.orderIds, orderId);
    }
    for (const event of events) this.journal.push(this.events, eventRow(event, name, meta));
  }

  /**
   * Everything in one statement: rows, ticket items and tracking tokens, events, rejections,
   * client groups and last mutation ids. Undefined when there is nothing to write.
   */
  private statement(): Statement | undefined {
    const b = new StatementBatch();
    this.store.flushInto(b);
    appendEvents(b, this.tenantId, this.events);
    upsertRejections(b, this.tenantId, this.rejections.map(({ group, rejection }) => ({ clientGroupID: group, key: rejection.id, data: rejection })));
    this.groups.writeInto(b);
    return b.isEmpty ? undefined : b.statement();
  }

  /**
   * Sends the batch's one write as the transaction's last statement (on Postgres with COMMIT);
   * the poke its commit calls for, if it wrote anything a client sees.
   */
  async finish(): Promise<PokeMessage | undefined> {
    const write = this.statement();
    if (!write) return undefined;
    await this.q.query(write.sql, write.params, { prepare: true, last: true });
    return this.writers.length > 0 || this.rejections.length > 0 ? pokeFor(this.tenantId, new Set(this.orderIds)) : undefined;
  }
}

/** One audit row for `event` of mutation `name`. */
function eventRow(event: DomainEvent, name: string, meta: MutationMeta): EventRow {
  return {
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
  };
}
