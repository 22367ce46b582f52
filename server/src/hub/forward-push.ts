import type { Principal } from '../auth/principal.ts';
import { processPush } from '../sync/push.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { PushRequest } from '../sync/protocol.ts';
import { enqueue } from './outbox.ts';
import { UpstreamRefused, type Upstream } from './upstream.ts';

/** What a terminal's push at the hub answers. */
export interface HubPushAnswer {
  status: number;
  body: unknown;
}

/** What forwarding needs of the hub's loop. */
export interface ForwardLink {
  readonly engine: SyncEngine;
  readonly upstream: Upstream;
  readonly mutationCap: number;
  /** Re-reads the cloud, so the hub holds what the cloud just took. */
  mirror(): Promise<unknown>;
  /** The cloud stopped answering (or answered from a new epoch). */
  wentOffline(err: unknown): void;
}

/**
 * Forwards a terminal's push to the cloud before the terminal hears it is saved. What the cloud
 * confirmed is kept in the outbox as forwarded (sent again if a restore of the cloud loses it),
 * then the hub mirrors the cloud. Answers the cloud's answer or refusal, or undefined when the
 * cloud did not answer: the hub then queues the push and applies it alone.
 */
export async function forwardPush(link: ForwardLink, principal: Principal, push: PushRequest, hubAt: number): Promise<HubPushAnswer | undefined> {
  try {
    const answer = await link.upstream.forward({ ...push, tokenId: principal.tokenId, mutations: push.mutations.map((m) => ({ ...m, hubAt })) });
    // Kept before the terminal hears it is saved, to be sent again if a restore of the cloud loses it.
    const confirmed = push.mutations.filter((m) => m.id <= (answer.lastMutationIDs[m.clientID] ?? 0));
    await enqueue(link.engine.db, principal.tokenId, { ...push, mutations: confirmed }, hubAt, true);
    await link.mirror().catch(async (err: unknown) => {
      link.wentOffline(err);
      // Taken by the cloud but not read back: applied here too, else the hub's own next mutation id leaves a gap here, refused for ever.
      await processPush(link.engine, principal, { ...push, mutations: confirmed }, link.mutationCap);
    });
    return { status: 200, body: answer.response };
  } catch (err) {
    if (err instanceof UpstreamRefused) return { status: err.status, body: err.body };
    link.wentOffline(err);
    return undefined;
  }
}
