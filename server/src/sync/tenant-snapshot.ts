import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable } from '../db/database.ts';
import type { GroupOwner, PushState } from '../db/replicache-clients.ts';
import { RecentMap } from '../recent-map.ts';
import { perDatabase } from './per-database.ts';

type Value = ReadonlyJSONValue | null; // null: known to be absent
type Client = { group: string; lmid: number };

/**
 * Past this many rows (or clients) a snapshot starts again empty: it is a working set (a busy
 * service's open orders, their tickets, the menu and stations are a few hundred), not a replica.
 * With `maxTenants` kept per process, a process holds at most about a million small JSON values.
 */
const maxEntries = 4_000;
const maxTenants = 256;

/** What a batch of pushes reads first: its client groups and its clients. */
export interface BatchReads {
  readonly groupIds: readonly string[];
  readonly clientIds: readonly string[];
}

/** What one batch ended with: its buffer's rows and whole scans, and its client groups and clients. */
export interface BatchState {
  rows(): Iterable<[string, Value]>;
  scanned(): Iterable<string>;
  readonly owners: ReadonlyMap<string, GroupOwner>;
  readonly purged: ReadonlySet<string>;
  readonly clients: ReadonlyMap<string, Client>;
}

/**
 * What this process knows of one tenant's synced state as it stood when transaction `mover`
 * committed: the rows (and rejections, by buffer slot) its batches read or wrote, the prefixes
 * they scanned whole, the client groups (an owner never changes, a purge is for ever) and the
 * clients, present or known to be absent. It is exact for as long as `mover` is the transaction
 * that last moved the tenant's head — which a push run against it checks in its own round trip
 * (`ks_expect_head`, migration 006): every transaction that changes what a push reads holds the
 * tenant's lock and moves the head. A group is never known to be absent: a pull creates groups
 * without moving the head.
 */
export class TenantSnapshot {
  private readonly rows = new Map<string, Value>();
  private readonly scans = new Set<string>();
  private readonly owners = new Map<string, GroupOwner>();
  private readonly purged = new Set<string>();
  private readonly clients = new Map<string, Client | null>();

  constructor(public mover: string | null) {}

  /** Whether the client groups and clients of `reads` are known here (a row it lacks is checked to be absent instead). */
  covers(reads: BatchReads): boolean {
    return reads.groupIds.every((g) => this.owners.has(g) || this.purged.has(g)) && reads.clientIds.every((c) => this.clients.has(c));
  }

  /** The client groups and clients of `reads` as the batch's first read would have found them. */
  pushState(reads: BatchReads): Pick<PushState, 'owners' | 'purged' | 'clients'> {
    return {
      owners: reads.groupIds.flatMap((id) => {
        const owner = this.owners.get(id);
        return owner ? [{ id, tenant_id: owner.tenantId, token_id: owner.tokenId }] : [];
      }),
      purged: reads.groupIds.filter((id) => this.purged.has(id)),
      clients: reads.clientIds.flatMap((id) => {
        const client = this.clients.get(id);
        return client ? [{ id, client_group_id: client.group, last_mutation_id: client.lmid }] : [];
      }),
    };
  }

  /** A buffer slot's value (a copy: a mutator may change what it reads), or undefined if not known. */
  row(slot: string): Value | undefined {
    const value = this.rows.get(slot);
    return value === undefined ? undefined : structuredClone(value);
  }

  /** Every slot under `slotPrefix` with its value (copies), if that prefix was scanned whole. */
  scan(slotPrefix: string): [string, Value][] | undefined {
    if (!this.scans.has(slotPrefix)) return undefined;
    return [...this.rows].filter(([slot]) => slot.startsWith(slotPrefix)).map(([slot, value]) => [slot, structuredClone(value)]);
  }

  /** Takes in what a batch committed by transaction `mover` read and wrote; `clientIds` it asked for and did not find are absent. */
  absorb(batch: BatchState, clientIds: readonly string[], mover: string | null): void {
    this.mover = mover;
    for (const [slot, value] of batch.rows()) this.rows.set(slot, value);
    for (const prefix of batch.scanned()) this.scans.add(prefix);
    for (const [id, owner] of batch.owners) this.owners.set(id, owner);
    for (const id of batch.purged) this.purged.add(id);
    for (const id of clientIds) this.clients.set(id, batch.clients.get(id) ?? null);
    for (const [id, client] of batch.clients) this.clients.set(id, client);
    if (this.rows.size > maxEntries) {
      this.rows.clear();
      this.scans.clear();
    }
    if (this.clients.size > maxEntries) this.clients.clear();
  }
}

/** Thrown when a batch run against a snapshot reads what the snapshot does not hold. */
export class SnapshotMiss extends Error {
  constructor() {
    super('not in the tenant snapshot');
  }
}

/** The `Queryable` of a batch run against a snapshot: any read it would send is a miss, and the batch goes the ordinary way. */
export class SnapshotReads implements Queryable {
  missed = false;

  query(): never {
    this.missed = true;
    throw new SnapshotMiss();
  }

  exec(): never {
    return this.query();
  }
}

/** The tenants this process keeps a snapshot of, per database. */
export const tenantSnapshots = perDatabase(() => new RecentMap<string, TenantSnapshot>(maxTenants));
