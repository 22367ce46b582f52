import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { ServiceDay } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { findEntity } from '../db/entities.ts';
import { getClients } from '../db/replicache-clients.ts';
import { processPush } from '../sync/push.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { versionProblem, type PushRequest } from '../sync/protocol.ts';
import type { HubStatus } from './hub-protocol.ts';
import { applySnapshot, mirroredState } from './mirror.ts';
import { numberedAtHub } from './hub-numbering.ts';
import { pruneForwarded, requeueLost, resendWindowMs } from './cloud-restore.ts';
import { drainOutbox } from './drain.ts';
import { forwardPush, type ForwardLink, type HubPushAnswer } from './forward-push.ts';
import { enqueue, outboxSummary } from './outbox.ts';
import { CloudRestored, CloudTooOld, HubNotAuthorized, Upstream, UpstreamUnavailable } from './upstream.ts';
import { followCloud } from './upstream-socket.ts';

export interface HubOptions {
  upstreamUrl: string;
  token: string;
  pullIntervalMs: number;
  mutationCap: number;
}

const retryMs = 1_000;

/**
 * A restaurant hub's link to its cloud. One queue orders everything that writes: terminals'
 * pushes, draining the outbox, mirroring the cloud. While the cloud answers and nothing waits, a
 * push is forwarded before the terminal hears it is saved; otherwise it is queued durably and
 * applied here. The cloud is mirrored only when the outbox is empty, so its state (and its
 * refusals) replace whatever the hub applied on its own.
 */
export class HubSync {
  private readonly upstream: Upstream;
  private queue: Promise<unknown> = Promise.resolve();
  private online = false;
  /** When the cloud stopped answering (from the start: until the first mirror, the hub has not reached it). */
  private offlineSince: number | null = Date.now();
  private version = 0;
  /** Set after the hub applied changes alone: the next mirror rereads the whole tenant. */
  private needsFull = true;
  private tenantId: string | null = null;
  private lastPullAt: number | null = null;
  private timers: NodeJS.Timeout[] = [];
  private retry: NodeJS.Timeout | undefined;
  private link: { close(): void } | undefined;
  private stopped = false;
  /** The cloud answered the hub's token with 401, or refused the schema of a queued push, on the last try. */
  private refused = false;
  /** The last try found the cloud older than a queued push's schema (CloudTooOld). */
  private cloudOutdated = false;
  /** The cloud's new epoch after a restore and those the restore ended, until the hub has sent again what it lost and re-read it. */
  private restoredTo: { epoch: string; ended: string[] } | undefined;
  /** A sync queued and not started yet: pokes come in bursts, and one pull after them covers them all. */
  private nextSync: Promise<void> | undefined;

  private readonly db: Database;
  /** What the forward path (`forward-push.ts`) uses of this loop. */
  private readonly forwardLink: ForwardLink;

  constructor(
    private readonly engine: SyncEngine,
    private readonly options: HubOptions,
    private readonly logger: Logger,
  ) {
    this.db = engine.db;
    this.upstream = new Upstream(options.upstreamUrl, options.token);
    this.forwardLink = { engine, upstream: this.upstream, mutationCap: options.mutationCap, mirror: () => this.mirror(), wentOffline: (err) => this.wentOffline(err) };
  }

  /** The cloud this hub mirrors. */
  get upstreamUrl(): string {
    return this.options.upstreamUrl;
  }

  async start(): Promise<void> {
    const state = await mirroredState(this.db);
    this.tenantId = state?.tenantId ?? null;
    this.version = state?.version ?? 0;
    this.upstream.epoch = state?.epoch;
    await this.sync();
    this.link = followCloud(this.options.upstreamUrl, this.options.token, {
      onReady: () => void this.sync(),
      onPoke: () => void this.sync(),
      onDown: () => this.lostCloud(),
    });
    const interval = setInterval(() => void this.sync(), this.options.pullIntervalMs);
    interval.unref();
    const prune = setInterval(() => void this.serially(() => pruneForwarded(this.db, resendWindowMs)).catch((err: unknown) => this.logger.error({ err }, 'pruning forwarded mutations failed')), 60_000);
    prune.unref();
    this.timers.push(interval, prune);
  }

  /** Stops the link and the timers, and waits for the work under way (the database closes next). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.link?.close();
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.retry);
    await this.queue;
  }

  async status(): Promise<HubStatus> {
    const outbox = await outboxSummary(this.db);
    return { upstream: this.online ? 'online' : 'offline', offlineSince: this.online ? null : this.offlineSince, tenantId: this.tenantId, pending: outbox.pending, oldestPendingAt: outbox.oldestAt, lastPullAt: this.lastPullAt, cloudOutdated: this.cloudOutdated };
  }

  /** Drains the outbox to the cloud, then mirrors the cloud; quietly goes offline if it cannot. */
  sync(): Promise<void> {
    this.nextSync ??= this.serially(async () => {
      this.nextSync = undefined;
      if (this.stopped) return;
      try {
        await this.afterRestore();
        await this.drain();
        await this.mirror();
      } catch (err) {
        this.wentOffline(err);
      }
    });
    return this.nextSync;
  }

  /** A terminal's push, through the cloud when it answers, else applied here and queued. */
  push(principal: Principal, push: PushRequest): Promise<HubPushAnswer> {
    const problem = versionProblem('push', push.pushVersion, push.schemaVersion, this.engine.minClientSchema);
    if (problem) return Promise.resolve({ status: 200, body: problem });
    return this.serially(() => this.pushNow(principal, push));
  }

  /**
   * A push the hub makes as itself (its print agent's word on a job), built in turn with the
   * terminals' pushes (so its mutation id follows the last one queued) and then handled like them.
   */
  pushOwn(build: (q: Database) => Promise<{ principal: Principal; push: PushRequest }>): Promise<HubPushAnswer> {
    return this.serially(async () => {
      const { principal, push } = await build(this.db);
      return this.pushNow(principal, push);
    });
  }

  private async pushNow(principal: Principal, push: PushRequest): Promise<HubPushAnswer> {
    const hubAt = Date.now();
    if (this.online && (await outboxSummary(this.db)).pending === 0) {
      const answer = await forwardPush(this.forwardLink, principal, push, hubAt);
      if (answer) return answer;
    }
    // Queued before it is applied: whatever the terminal is told is saved survives a kill -9.
    const tenantId = principal.tenantId ?? this.tenantId;
    const alone = await numberedAtHub(push, {
      dayRow: async (day) => (tenantId ? findEntity<ServiceDay>(this.db, tenantId, 'serviceDay', day) : undefined),
      lastMutationId: async (clientID) => (await getClients(this.db, [clientID]))[0]?.last_mutation_id ?? 0,
    });
    await enqueue(this.db, principal.tokenId, alone, hubAt);
    this.needsFull = true;
    const result = await processPush(this.engine, principal, alone, this.options.mutationCap);
    return { status: 200, body: result.response };
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private wentOffline(err: unknown): void {
    if (!(err instanceof UpstreamUnavailable)) this.logger.error({ err }, 'hub sync failed');
    // Cut off until the hub has re-read the restored cloud (pushes queue meanwhile), which starts now.
    if (err instanceof CloudRestored) this.restoredTo = { epoch: err.epoch, ended: [...(this.restoredTo?.ended ?? []), err.ended] };
    // Once per spell: an admin must issue a new hub token, or the cloud be updated; until then the restaurant works through the hub alone.
    const lasting = err instanceof HubNotAuthorized || err instanceof CloudTooOld;
    if (lasting && !this.refused) this.logger.error({ err }, err.message);
    this.refused = lasting;
    this.cloudOutdated = err instanceof CloudTooOld;
    this.lostCloud();
    clearTimeout(this.retry);
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.sync(), err instanceof CloudRestored ? 0 : retryMs);
    this.retry.unref();
  }

  /** The screens say so at once ("cloud unreachable since 20:14"), not when a change is queued. */
  private lostCloud(): void {
    if (this.online || this.offlineSince === null) this.offlineSince = Date.now();
    this.online = false;
  }

  /**
   * After the cloud was restored (a new epoch): what the hub forwarded and the restore lost goes
   * back in the outbox and is drained again, then the whole tenant is re-read, dropping what the
   * cloud no longer has and resetting the terminals that saw more than it has (`cloud-restore.ts`).
   */
  private async afterRestore(): Promise<void> {
    if (this.restoredTo === undefined) return;
    const { epoch, ended } = this.restoredTo;
    const started = Date.now();
    this.upstream.epoch = epoch;
    const resent = await requeueLost(this.db, (await this.upstream.pull(0)).clients);
    await this.drain();
    this.needsFull = true;
    // No terminal is answered from a view this process remembers while groups may be dropped.
    this.engine.databaseLost();
    let hub: { epoch: string; groupsReset: number } | undefined;
    try {
      hub = await this.mirror(ended);
    } finally {
      this.engine.databaseBack(hub?.epoch ?? this.engine.epoch ?? '');
    }
    this.restoredTo = undefined;
    this.logger.warn({ epoch, resent, groupsReset: hub?.groupsReset, ms: Date.now() - started }, 'the cloud was restored: sent again what it lost, mirror re-read');
  }

  private async mirror(endedCloudEpochs?: readonly string[]): Promise<{ epoch: string; groupsReset: number } | undefined> {
    const full = this.needsFull;
    const snap = await this.upstream.pull(full ? 0 : this.version);
    const restart = await applySnapshot(this.db, snap, full, endedCloudEpochs);
    this.online = true;
    this.offlineSince = null;
    this.refused = false;
    this.cloudOutdated = false;
    this.version = snap.version;
    this.tenantId = snap.tenant.id;
    this.needsFull = false;
    this.lastPullAt = Date.now();
    return restart;
  }

  /** Forwards queued mutations in order (`drain.ts`); a mirror after it rereads the whole tenant. */
  private async drain(): Promise<void> {
    await drainOutbox(this.db, this.upstream, this.options.mutationCap, this.logger, () => (this.needsFull = true));
  }
}
