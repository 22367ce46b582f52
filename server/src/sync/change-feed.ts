import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { RecentMap } from '../recent-map.ts';
import { perDatabase } from './per-database.ts';

type Value = ReadonlyJSONValue | null; // null: deleted

/** What one committed batch changed, in the terms a pull answers in. */
export interface BatchChanges {
  /** Entity rows by replica key: the value written, or null if deleted. */
  readonly rows: ReadonlyMap<string, Value>;
  /** Rejections by client group, then by key: the rejection, or null if dismissed. */
  readonly rejections: ReadonlyMap<string, ReadonlyMap<string, Value>>;
  /** Clients whose last mutation id moved on: their group and new id. */
  readonly clients: ReadonlyMap<string, { readonly group: string; readonly lmid: number }>;
}

interface Entry {
  readonly from: number;
  readonly to: number;
  readonly changes: BatchChanges;
}

/** A tenant's head as last reported, the transaction that moved it and the head before that transaction. */
interface TenantFeed {
  head: number;
  mover: string;
  from: number | undefined;
  /** This process's commits, each taking the head from `from` to `to`, with no gap between them. */
  entries: Entry[];
}

/** A pull further back than this many of the tenant's commits reads the database. */
const maxEntries = 64;
const maxTenants = 256;

/**
 * What this process's own commits changed, by tenant, for a database that reports every head move
 * to it (`Database.reportsHeads`: PGlite, which no other process can write). Each report names the
 * moving transaction; a commit of this process is kept as the step from the head before its
 * transaction to the head after it. If the last report is this process's last kept commit, those
 * commits are everything that happened since any head they start from: a client whose last pull
 * saw such a head can be answered from here, without a statement. Pushes and REST writes hand
 * their commits here; anything else that moves the head — garbage collection, a hub's mirror, an
 * admin's SQL, a batch written mutation by mutation — is reported too, and breaks the chain: pulls
 * read the database until the next commit starts a new one.
 */
export class ChangeFeed {
  private readonly tenants = new RecentMap<string, TenantFeed>(maxTenants);

  constructor(db: Database) {
    // Until LISTEN is in place nothing is reported, and every pull reads the database.
    if (db.reportsHeads) void db.listen('ks_heads', (payload) => this.report(payload)).catch(() => undefined);
  }

  /** A head move: `[tenant, moving transaction, new head]` (a transaction may report several). */
  private report(payload: string): void {
    const [tenantId, mover, head] = JSON.parse(payload) as [string, string, number | string];
    const feed = this.tenants.get(tenantId);
    if (!feed) return void this.tenants.set(tenantId, { head: Number(head), mover, from: undefined, entries: [] });
    if (feed.mover !== mover) [feed.from, feed.mover] = [feed.head, mover];
    feed.head = Number(head);
  }

  /** Keeps what transaction `mover` of this process committed (called as its commit returns, after its reports). */
  committed(tenantId: string, mover: string, changes: BatchChanges): void {
    const feed = this.tenants.get(tenantId);
    if (!feed) return;
    if (feed.mover !== mover || feed.from === undefined) {
      feed.entries = [];
      return;
    }
    if (feed.entries.at(-1)?.to !== feed.from) feed.entries = [];
    feed.entries.push({ from: feed.from, to: feed.head, changes });
    if (feed.entries.length > maxEntries) feed.entries.shift();
  }

  /** Every change since head `head`, oldest first, and the head now; undefined if this process cannot tell them. */
  since(tenantId: string, head: number): { head: number; batches: BatchChanges[] } | undefined {
    const feed = this.tenants.get(tenantId);
    if (!feed || feed.entries.at(-1)?.to !== feed.head) return undefined;
    const first = feed.entries.findIndex((e) => e.from === head);
    return first < 0 ? undefined : { head: feed.head, batches: feed.entries.slice(first).map((e) => e.changes) };
  }
}

export const changeFeeds = perDatabase((db) => new ChangeFeed(db));
