import { isMutatorName, readsOf } from '@kitchensync/shared';
import type { RequestHandler } from 'express';
import { serverTiming, type Metrics } from '../api/metrics.ts';
import { mayRun } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { principalOf } from '../http/auth.ts';
import { sendJson } from '../http/send-json.ts';
import { parse } from '../http/validate.ts';
import { notAllowed, pushRequestSchema, versionProblem, type HubRelay, type PushRequest, type PushResult } from './protocol.ts';
import type { SyncEngine } from './sync-engine.ts';

/** `POST /api/replicache/push` (JSON body parsed by the app, up to PUSH_BODY_LIMIT): protocol errors Replicache must act on go out with HTTP 200. */
export function pushRoute(engine: SyncEngine, mutationCap: number, metrics: Metrics): RequestHandler {
  return async (req, res) => {
    const push = parse(pushRequestSchema, req.body, 'push request');
    const start = process.hrtime.bigint();
    const result = await processPush(engine, principalOf(res), push, mutationCap);
    metrics.mutationsPushed += result.processed;
    sendJson(res, result.response, serverTiming(start));
  };
}

/**
 * `POST /api/replicache/push` (`pushRoute`, above, after `http/auth.ts` named the principal): Replicache's push algorithm for one tenant, top to bottom.
 *
 *  1. Protocol versions, and a role that may push.
 *  2. One transaction under the tenant's advisory lock: a tenant's pushes are serialised across
 *     every server process on the database, and those that arrive together in one process go as
 *     one batch (group commit, `TenantWriteQueue`). In BEGIN's round trip: the client groups, the
 *     pushing clients and the rows the mutations not already known to be processed will read
 *     (each mutator declares them in shared; a client re-sends its mutations until it pulls).
 *     The push is handed to the batch as data; in its transaction (`TenantWrite.push`):
 *  3. The group must be this principal's (a new one is created, a purged one answers
 *     ClientStateNotFound), and each client a member of it.
 *  4. Each mutation in order, up to `cap` (the rest wait for the next push): ids already processed
 *     are skipped, a gap stops that client. A mutation that fails is undone and becomes a
 *     rejection for its client; its id still counts, so the queue never wedges.
 *  5. The clients' last mutation ids, written with everything else the batch did in one statement,
 *     and 6. COMMIT with it (`TenantWrite.finish`); then the poke: this process's sockets at once,
 *     the other processes' by a NOTIFY after the commit (`PokeRelay`).
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

  // 2. The tenant's transaction, with what it reads first; steps 3–5 run in it.
  const { clientGroupID, mutations } = request;
  const clientIds = [...new Set(mutations.map((m) => m.clientID))];
  const reads = readsOf(engine.processed.unprocessed(mutations.slice(0, cap)));
  return engine.writes.run<PushResult>(tenantId, { push: { principal, tenantId, clientGroupID, clientIds, mutations, cap, relay, reads } });
}
