import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { isRefusedData } from '../db/database-errors.ts';
import { createClientGroup, readPushState } from '../db/replicache-clients.ts';
import { notAllowed, versionProblem, type ProtocolError, type PushRequest } from './protocol.ts';
import { unappliable, withTenantWrite, type MutationMeta } from './mutation-runner.ts';
import { processedIds } from './processed-ids.ts';
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

const mutationKey = (clientID: string, id: number) => `${clientID}/${id}`;

/**
 * `POST /api/replicache/push`: Replicache's push algorithm for one tenant, top to bottom.
 *
 *  1. Protocol versions, and a role that may push.
 *  2. One transaction under the tenant's advisory lock: a tenant's pushes are serialised across
 *     every server process on the database, and those that arrive together in one process share
 *     one transaction (group commit, `TenantWriteQueue`).
 *  3. The client group and the pushing clients, read in one statement: the group must be this
 *     principal's (a new one is created, a purged one answers ClientStateNotFound), and each
 *     client a member of it.
 *  4. In that same statement, the rows the mutations will obviously read (`readHints`), of the
 *     mutations not already known to be processed (a client re-sends them until it pulls).
 *  5. Each mutation in order, up to `cap` (the rest wait for the next push): ids already processed
 *     are skipped, a gap stops that client. A mutation that fails is undone and becomes a
 *     rejection for its client; its id still counts, so the queue never wedges.
 *  6. Everything written in one statement — rows, ticket items, tracking tokens, events,
 *     rejections, last mutation ids — with the poke's NOTIFY, which leaves on commit.
 *  7. Commit.
 * A one-mutation push is five statements (BEGIN, lock, group and reads, write, COMMIT) plus any
 * read the hints missed.
 *
 * The database aborts a transaction on a refused statement: the push is rerun without the mutation
 * that caused it, which becomes a rejection (never a 500 that wedges the queue); when the refusal
 * came from the one write statement, which no single mutation owns, it is rerun writing each
 * mutation under its own savepoint.
 */
export async function processPush(db: Database, principal: Principal, push: PushRequest, cap: number, relay?: HubRelay): Promise<PushResult> {
  // 1. Protocol and role.
  const problem = versionProblem('push', push.pushVersion, push.schemaVersion);
  if (problem) return { response: problem, processed: 0 };
  const tenantId = principal.tenantId;
  if (!tenantId || (principal.role !== 'manager' && principal.role !== 'kitchen')) {
    throw notAllowed(`a ${principal.role} token cannot push`);
  }
  const known = processedIds(db);
  const refused = new Set<string>();
  let isolateEach = false;
  /** The mutation running when the database refused a statement: it owns the refusal. */
  let applying: string | undefined;
  let advanced = new Map<string, number>();
  for (;;) {
    try {
      // 2. The tenant's write (lock; 6 and 7 happen as it finishes).
      const result = await withTenantWrite<PushResult>(db, tenantId, push.clientGroupID, async (write, q) => {
        applying = undefined;
        advanced = new Map();
        // 3 and 4. Group and clients, and what the mutations not yet known to be processed will read.
        const clientIds = [...new Set(push.mutations.map((m) => m.clientID))];
        const reads = write.store.planLoad(readHints(known.unprocessed(push.mutations.slice(0, cap))));
        const state = await readPushState(q, push.clientGroupID, clientIds, reads.sql);
        reads.loaded(state.rows);
        if (state.owner && (state.owner.tenant_id !== tenantId || state.owner.token_id !== principal.tokenId)) {
          throw notAllowed('this client group belongs to someone else');
        }
        if (!state.owner && state.purged) return { response: { error: 'ClientStateNotFound' }, processed: 0 };
        const foreign = state.clients.find((c) => c.client_group_id !== push.clientGroupID);
        if (foreign) throw notAllowed(`client ${foreign.id} belongs to another client group`);
        // Past the checks: a write that throws must have written nothing (it may share its transaction).
        if (!state.owner) await createClientGroup(q, push.clientGroupID, tenantId, principal.tokenId);
        const lmids = new Map(state.clients.map((c) => [c.id, c.last_mutation_id]));


        // 5. The mutations, in order.
        const stopped = new Set<string>();
        let processed = 0;
        for (const m of push.mutations) {
          if (processed >= cap) break;
          const expected = (lmids.get(m.clientID) ?? 0) + 1;
          if (m.id < expected || stopped.has(m.clientID)) continue;
          if (m.id > expected) {
            stopped.add(m.clientID);
            continue;
          }
          const meta: MutationMeta = {
            source: 'sync', principal, clientID: m.clientID, mutationID: m.id,
            ...(relay ? { via: { hubTokenId: relay.hubTokenId, hubAt: relay.hubAt(m.clientID, m.id) } } : {}),
          };
          applying = mutationKey(m.clientID, m.id);
          const outcome = refused.has(applying) ? { ok: false as const, error: unappliable() } : await write.apply(m.name, m.args, meta);
          applying = undefined;
          if (!outcome.ok) write.reject(m.clientID, m.id, m.name, outcome.error);
          lmids.set(m.clientID, m.id);
          advanced.set(m.clientID, m.id);
          processed += 1;
        }
        // 6. (with the write's finish) the last mutation ids, saved with everything else.
        write.advance(advanced);
        return { response: {}, processed };
      }, { isolateEach });
      known.committed(advanced);
      return result;
    } catch (err) {
      if (!isRefusedData(err)) throw err;
      if (applying !== undefined && !refused.has(applying)) refused.add(applying);
      else if (!isolateEach) isolateEach = true;
      else throw err;
    }
  }
}
