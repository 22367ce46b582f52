import { randomUUID } from 'node:crypto';
import { minClientSchemaVersion } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { KnownViews } from './pull.ts';
import { PokeRelay } from './poke-relay.ts';
import { ProcessedIds } from './processed-ids.ts';
import { batchCommitter, TenantWriteQueue, type Committed, type WriteJob } from './tenant-write-queue.ts';
import type { TenantWrite } from './tenant-write.ts';

/**
 * Everything one server process keeps about its database, built once by the runtime (and by tests:
 * two engines on one database stand for two processes): the tenants' write queue, what it knows of
 * the client groups and views it served, the last mutation ids it committed, and one fan-out of
 * its commits (`onCommitted`: its sockets' pokes, the other processes' by `PokeRelay`, its
 * processed ids), and one of its LISTEN
 * connection's returns (`onReconnect`). Nothing else is per process.
 */
export class SyncEngine {
  /** Names this process in its pokes' NOTIFY, so it can ignore its own when they come back. */
  readonly origin = randomUUID();
  readonly writes: TenantWriteQueue<WriteJob>;
  readonly views = new KnownViews();
  readonly processed = new ProcessedIds();
  readonly relay: PokeRelay;
  private readonly listeners = new Set<(committed: Committed) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private listeningForGaps = false;

  constructor(
    readonly db: Database,
    /** The database's restore epoch, named in every cookie this process gives out (`restore-epochs.ts`). */
    private restoreEpoch?: string,
    /** The oldest client schema this process serves (MIN_CLIENT_SCHEMA_VERSION; this build's floor by default). */
    readonly minClientSchema: number = minClientSchemaVersion,
    /** A poke's NOTIFY to the other processes failed (the runtime logs it). */
    onRelayFailure: (error: unknown) => void = (error) => console.error('kitchensync: a poke NOTIFY failed', error),
  ) {
    this.writes = new TenantWriteQueue(batchCommitter(db, this.listeners));
    this.relay = new PokeRelay(db, this.origin, onRelayFailure);
    this.onCommitted((c) => {
      this.processed.committed(c.lmids);
      if (c.poke) this.relay.send(c.poke);
    });
  }

  /** The database's restore epoch as last read (at start, and whenever the database came back). */
  get epoch(): string | undefined {
    return this.restoreEpoch;
  }

  /** The database went away: it may come back restored to the past, so no pull is answered from memory until `databaseBack`. */
  databaseLost(): void {
    this.views.distrust();
  }

  /**
   * The database answers again, in `epoch`. A new epoch means it was restored (`scripts/backup.sh
   * restore`) while this process ran: what it remembers (view records, owners, last mutation ids)
   * may be from the future the restore undid, and is dropped; cookies name the new epoch. True then.
   */
  databaseBack(epoch: string): boolean {
    const restored = this.restoreEpoch !== undefined && epoch !== this.restoreEpoch;
    if (restored) this.processed.forgetAll();
    this.restoreEpoch = epoch;
    this.views.trust(restored);
    return restored;
  }

  /** Runs `run` as one write of the tenant, in its serialised transaction (possibly beside others); a write that throws has written nothing. */
  write<T>(tenantId: string, run: (write: TenantWrite) => Promise<T>): Promise<T> {
    return this.writes.run<T>(tenantId, { run });
  }

  /** Calls `listener` with every batch this process commits, as the commit returns. */
  onCommitted(listener: (committed: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener`, in the order registered, each time the database's LISTEN connection is back
   * after a gap: notifications sent meanwhile (pokes, revocations) were missed, and the database
   * may come back restored (`restore-watch.ts`). The one handler of a reconnect in this process.
   */
  onReconnect(listener: () => void): () => void {
    if (!this.listeningForGaps) {
      this.listeningForGaps = true;
      this.db.onListenGap(() => {
        for (const l of this.reconnectListeners) l();
      });
    }
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }
}
