import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { isRefusedData } from '../db/database-errors.ts';
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
 *     every server process on the database, and those that arrive together in one process go as
 *     one batch (group commit, `TenantWriteQueue`).
 *  3. In BEGIN's round trip, for the whole batch: the client groups and the pushing clients, and
 *     the rows the mutations not already known to be processed will obviously read (`readHints`;
 *     a client re-sends its mutations until it pulls). The group must be this principal's (a new
 *     one is created, a purged one answers ClientStateNotFound), and each client a member of it.
 *  4. Each mutation in order, up to `cap` (the rest wait for the next push): ids already processed
 *     are skipped, a gap stops that client. A mutation that fails is undone and becomes a
 *     rejection for its client; its id still counts, so the queue never wedges.
 *  5. Everything the batch wrote in one statement — rows, ticket items, tracking tokens, events,
 *     rejections, client groups, last mutation ids — with the poke's NOTIFY, which leaves on commit.
 *  6. Commit.
 * A one-mutation push is two round trips on Postgres (BEGIN with the lock and the reads; the write
 * with COMMIT) plus any read the hints missed; pushes that arrive together share both. Where this
 * process still holds the tenant as its last commit left it (`TenantSnapshot`), 3 to 6 run against
 * that copy and go as one round trip: the lock, the check that nobody moved the tenant's head
 * since, and the write.
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
  const group = push.clientGroupID;
  const known = processedIds(db);
  const refused = new Set<string>();
  let isolateEach = false;
  /** The mutation running when the database refused a statement: it owns the refusal. */
  let applying: string | undefined;
  let advanced = new Map<string, number>();
  const clientIds = [...new Set(push.mutations.map((m) => m.clientID))];
  // 3. What the batch reads first, for this push.
  const reads = { groupId: group, clientIds, keys: readHints(known.unprocessed(push.mutations.slice(0, cap))) };
  for (;;) {
    try {
      // 2. The tenant's write (5 and 6 happen as its batch finishes).
      const result = await withTenantWrite<PushResult>(db, tenantId, async (write) => {
        applying = undefined;
        advanced = new Map();
        const groups = write.groups;
        const owner = groups.owner(group);
        if (owner && (owner.tenantId !== tenantId || owner.tokenId !== principal.tokenId)) {
          throw notAllowed('this client group belongs to someone else');
        }
        if (!owner && groups.isPurged(group)) return { response: { error: 'ClientStateNotFound' }, processed: 0 };
        const foreign = clientIds.find((c) => (groups.groupOf(c) ?? group) !== group);
        if (foreign) throw notAllowed(`client ${foreign} belongs to another client group`);
        // Past the checks: a write that throws must have written nothing (it may share its transaction).
        if (!owner) groups.create(group, { tenantId, tokenId: principal.tokenId });

        // 4. The mutations, in order.
        const stopped = new Set<string>();
        let processed = 0;
        for (const m of push.mutations) {
          if (processed >= cap) break;
          const expected = (advanced.get(m.clientID) ?? groups.lastMutationId(m.clientID)) + 1;
          if (m.id < expected || stopped.has(m.clientID)) continue;
          if (m.id > expected) {
            stopped.add(m.clientID);
            continue;
          }
          const meta: MutationMeta = {
            source: 'sync', principal, clientID: m.clientID, clientGroupID: group, mutationID: m.id,
            ...(relay ? { via: { hubTokenId: relay.hubTokenId, hubAt: relay.hubAt(m.clientID, m.id) } } : {}),
          };
          applying = mutationKey(m.clientID, m.id);
          const outcome = refused.has(applying) ? { ok: false as const, error: unappliable() } : await write.apply(m.name, m.args, meta);
          applying = undefined;
          if (!outcome.ok) write.reject(group, m.clientID, m.id, m.name, outcome.error);
          advanced.set(m.clientID, m.id);
          processed += 1;
        }
        // 5. (as the batch finishes) the last mutation ids, saved with everything else.
        groups.advance(group, advanced);
        return { response: {}, processed };
      }, { reads, alone: isolateEach });
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
