import { isMutatorName, readsOf } from '@kitchensync/shared';
import { mayRun } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { notAllowed, versionProblem, type ProtocolError, type PushRequest } from './protocol.ts';
import type { SyncEngine } from './sync-engine.ts';
import type { MutationMeta, TenantWrite } from './tenant-write.ts';

/** A restaurant hub forwarding its terminals' mutations: the audit names the hub and when it had each one. */
export interface HubRelay {
  readonly hubTokenId: string;
  hubAt(clientID: string, mutationID: number): number;
}

export interface PushResult {
  response: ProtocolError | Record<string, never>;
  processed: number;
}

type Push = PushRequest & { principal: Principal; tenantId: string; cap: number; relay: HubRelay | undefined };

/**
 * `POST /api/replicache/push`: Replicache's push algorithm for one tenant, top to bottom.
 *
 *  1. Protocol versions, and a role that may push.
 *  2. One transaction under the tenant's advisory lock: a tenant's pushes are serialised across
 *     every server process on the database, and those that arrive together in one process go as
 *     one batch (group commit, `TenantWriteQueue`). In BEGIN's round trip: the client groups, the
 *     pushing clients and the rows the mutations not already known to be processed will read
 *     (each mutator declares them in shared; a client re-sends its mutations until it pulls).
 *  3. The group must be this principal's (a new one is created, a purged one answers
 *     ClientStateNotFound), and each client a member of it.
 *  4. Each mutation in order, up to `cap` (the rest wait for the next push): ids already processed
 *     are skipped, a gap stops that client. A mutation that fails is undone and becomes a
 *     rejection for its client; its id still counts, so the queue never wedges.
 *  5. The clients' last mutation ids, written with everything else the batch did in one statement
 *     that also carries the poke's NOTIFY, and 6. COMMIT with it (`TenantWrite.finish`).
 * If the database refuses a statement, the batch runs again with one savepoint per mutation, and
 * the refused mutation becomes a rejection (`TenantWrite.savepoints`).
 */
export async function processPush(engine: SyncEngine, principal: Principal, request: PushRequest, cap: number, relay?: HubRelay): Promise<PushResult> {
  // 1. Protocol and role.
  const problem = versionProblem('push', request.pushVersion, request.schemaVersion, engine.minClientSchema);
  if (problem) return { response: problem, processed: 0 };
  const tenantId = principal.tenantId;
  // A hub pushes as itself only its print agent's word on jobs (permissions.ts): anything else is refused whole.
  const hubOwn = principal.role === 'hub' && request.mutations.every((m) => isMutatorName(m.name) && mayRun('hub', m.name));
  if (!tenantId || (principal.role !== 'manager' && principal.role !== 'kitchen' && !hubOwn)) throw notAllowed(`a ${principal.role} token cannot push`);
  const push: Push = { ...request, principal, tenantId, cap, relay };
  const clientIds = [...new Set(push.mutations.map((m) => m.clientID))];

  // 2. The tenant's transaction, with what it reads first.
  const reads = { groupId: push.clientGroupID, clientIds, keys: readsOf(engine.processed.unprocessed(push.mutations.slice(0, cap))) };
  return engine.write(tenantId, async (write): Promise<PushResult> => {
    // 3. The client group and its clients.
    if (!admitGroup(write, push, clientIds)) return { response: { error: 'ClientStateNotFound' }, processed: 0 };
    // 4. The mutations, in order.
    const { advanced, processed } = await applyMutations(write, push);
    // 5. The last mutation ids (written, and 6. committed, as the batch finishes).
    write.groups.advance(push.clientGroupID, advanced);
    return { response: {}, processed };
  }, reads);
}

/** Step 3: false for a purged group; throws if the group or a client belongs to someone else; creates a new group. */
function admitGroup(write: TenantWrite, push: Push, clientIds: readonly string[]): boolean {
  const { groups } = write;
  const group = push.clientGroupID;
  const owner = groups.owner(group);
  if (owner && (owner.tenantId !== push.tenantId || owner.tokenId !== push.principal.tokenId)) throw notAllowed('this client group belongs to someone else');
  if (!owner && groups.isPurged(group)) return false;
  const foreign = clientIds.find((c) => (groups.groupOf(c) ?? group) !== group);
  if (foreign) throw notAllowed(`client ${foreign} belongs to another client group`);
  if (!owner) groups.create(group, { tenantId: push.tenantId, tokenId: push.principal.tokenId });
  return true;
}

/** Step 4: each mutation due, in order, up to the cap; each client's new last mutation id. */
async function applyMutations(write: TenantWrite, push: Push) {
  const advanced = new Map<string, number>();
  const stopped = new Set<string>();
  let processed = 0;
  for (const m of push.mutations) {
    if (processed >= push.cap) break;
    const expected = (advanced.get(m.clientID) ?? write.groups.lastMutationId(m.clientID)) + 1;
    if (m.id < expected || stopped.has(m.clientID)) continue;
    if (m.id > expected) {
      stopped.add(m.clientID);
      continue;
    }
    const meta: MutationMeta = {
      source: 'sync', principal: push.principal, clientID: m.clientID, clientGroupID: push.clientGroupID, mutationID: m.id,
      ...(push.relay ? { via: { hubTokenId: push.relay.hubTokenId, hubAt: push.relay.hubAt(m.clientID, m.id) } } : {}),
    };
    const outcome = await write.apply(m.name, m.args, meta);
    if (!outcome.ok) write.reject(push.clientGroupID, m.clientID, m.id, m.name, outcome.error);
    advanced.set(m.clientID, m.id);
    processed += 1;
  }
  return { advanced, processed };
}
