import type { Principal } from '../auth/principal.ts';
import type { Database, Queryable } from '../db/database.ts';
import { createClientGroup, getClientGroup, getClients, isPurgedGroup, saveLastMutationIds, touchClientGroup } from '../db/replicache-clients.ts';
import { isRefusedData } from '../db/database-errors.ts';
import { notAllowed, versionProblem, type ProtocolError, type PushRequest } from './protocol.ts';
import { unappliable, withTenantWrite, type TenantWrite } from './mutation-runner.ts';
import { readHints } from './read-hints.ts';

/** A restaurant hub forwarding its terminals' mutations: the audit names the hub and when it had each one. */
export interface HubRelay {
  readonly hubTokenId: string;
  hubAt(clientID: string, mutationID: number): number;
}

export interface PushResult {
  response: ProtocolError | Record<string, never>;
  processed: number;
}

/** The client group must be this principal's own, and each client a member of that group. */
async function checkOwnership(q: Queryable, principal: Principal, push: PushRequest): Promise<ProtocolError | Map<string, number>> {
  const group = await getClientGroup(q, push.clientGroupID);
  if (group && (group.tenant_id !== principal.tenantId || group.token_id !== principal.tokenId)) {
    throw notAllowed('this client group belongs to someone else');
  }
  if (!group && (await isPurgedGroup(q, push.clientGroupID))) return { error: 'ClientStateNotFound' };
  if (!group) await createClientGroup(q, push.clientGroupID, principal.tenantId as string, principal.tokenId);
  const clientIds = [...new Set(push.mutations.map((m) => m.clientID))];
  const clients = await getClients(q, clientIds);
  const foreign = clients.find((c) => c.client_group_id !== push.clientGroupID);
  if (foreign) throw notAllowed(`client ${foreign.id} belongs to another client group`);
  return new Map(clients.map((c) => [c.id, c.last_mutation_id]));
}

/**
 * Applies mutations in order, up to `cap` (the rest wait for the next push). Already-processed ids
 * are skipped; a gap stops that client. A mutation that fails is rolled back and rejected, and its
 * id still counts as processed so the queue never wedges.
 */
async function applyMutations(
  write: TenantWrite,
  q: Queryable,
  principal: Principal,
  push: PushRequest,
  lmids: Map<string, number>,
  cap: number,
  refused: ReadonlySet<string>,
  relay: HubRelay | undefined,
) {
  await write.store.prefetch(readHints(push.mutations.filter((m) => m.id > (lmids.get(m.clientID) ?? 0)).slice(0, cap)));
  const stopped = new Set<string>();
  const advanced = new Map<string, number>();
  let processed = 0;
  for (const m of push.mutations) {
    if (processed >= cap) break;
    const expected = (lmids.get(m.clientID) ?? 0) + 1;
    if (m.id < expected || stopped.has(m.clientID)) continue;
    if (m.id > expected) {
      stopped.add(m.clientID);
      continue;
    }
    const via = relay ? { via: { hubTokenId: relay.hubTokenId, hubAt: relay.hubAt(m.clientID, m.id) } } : {};
    const meta = { source: 'sync' as const, principal, clientID: m.clientID, mutationID: m.id, ...via };
    const outcome = refused.has(mutationKey(m.clientID, m.id)) ? { ok: false as const, error: unappliable() } : await write.apply(m.name, m.args, meta);
    if (!outcome.ok) write.reject(m.clientID, m.id, m.name, outcome.error);
    lmids.set(m.clientID, m.id);
    advanced.set(m.clientID, m.id);
    processed += 1;
  }
  await saveLastMutationIds(q, push.clientGroupID, advanced);
  await touchClientGroup(q, push.clientGroupID);
  return processed;
}

const mutationKey = (clientID: string, id: number) => `${clientID}/${id}`;

/** A mutation whose statements the database refused; the push runs again, rejecting it. */
class RefusedMutation extends Error {
  constructor(readonly key: string, options: { cause: unknown }) {
    super(`the database refused mutation ${key}`, options);
  }
}

export async function processPush(db: Database, principal: Principal, push: PushRequest, cap: number, relay?: HubRelay): Promise<PushResult> {
  const problem = versionProblem('push', push.pushVersion, push.schemaVersion);
  if (problem) return { response: problem, processed: 0 };
  const tenantId = principal.tenantId;
  if (!tenantId || (principal.role !== 'manager' && principal.role !== 'kitchen')) {
    throw notAllowed(`a ${principal.role} token cannot push`);
  }
  // The database aborts the whole transaction on a refused statement. The push is rerun without
  // the mutation that caused it, which becomes a rejection (never a 500 that wedges the queue);
  // when the refusal came from the batched flush, which no single mutation owns, it is rerun
  // writing each mutation under its own savepoint.
  const refused = new Set<string>();
  let isolateEach = false;
  for (;;) {
    try {
      return await withTenantWrite(db, tenantId, push.clientGroupID, async (write, q) => {
        const lmids = await checkOwnership(q, principal, push);
        if (!(lmids instanceof Map)) return { response: lmids, processed: 0 };
        try {
          return { response: {}, processed: await applyMutations(write, q, principal, push, lmids, cap, refused, relay) };
        } catch (err) {
          const at = write.failedAt;
          if (!at?.clientID || at.mutationID === undefined || !isRefusedData(err)) throw err;
          throw new RefusedMutation(mutationKey(at.clientID, at.mutationID), { cause: err });
        }
      }, { isolateEach });
    } catch (err) {
      if (err instanceof RefusedMutation && !refused.has(err.key)) refused.add(err.key);
      else if (isRefusedData(err) && !isolateEach) isolateEach = true;
      else throw err;
    }
  }
}
