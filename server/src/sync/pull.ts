import { randomUUID } from 'node:crypto';
import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { createClientGroup, isPurgedGroup } from '../db/replicache-clients.ts';
import { readGroupState, type ClientViewRecord } from './cvr.ts';
import { tombstoneDays } from './gc.ts';
import { notAllowed, versionProblem, type Cookie, type ProtocolError, type PullRequest } from './protocol.ts';
import { hasView, readChanges, type Viewer } from './view.ts';

type PatchOp = { op: 'clear' } | { op: 'del'; key: string } | { op: 'put'; key: string; value: ReadonlyJSONValue };

export interface PullResponse {
  cookie: Cookie;
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOp[];
}

const dayMs = 86_400_000;

/**
 * `POST /api/replicache/pull`, Replicache's row-version strategy with client view records (CVRs).
 * A CVR is the tenant's head as the client last saw it: every later write has a higher version.
 *
 *  1. Check the protocol versions and that this role has a view.
 *  2. Find the client group (its owner must be this principal; a purged one → ClientStateNotFound),
 *     the tenant's head now, and the CVR the cookie names — one statement.
 *  3. Same head as that CVR: nothing changed → the same cookie, an empty patch.
 *  4. Otherwise, in one statement (one snapshot): the head and the group's last mutation ids, the
 *     rows written since the CVR's head with their values (with an unknown CVR: `clear` and the
 *     whole view), and the keys that left the view;
 *  5. and in that same statement, the new CVR (that head) recorded under the next cookie order.
 * A changed pull is two statements, an unchanged one is one.
 */
export async function processPull(db: Database, principal: Principal, pull: PullRequest): Promise<PullResponse | ProtocolError> {
  // 1. Protocol and role.
  const problem = versionProblem('pull', pull.pullVersion, pull.schemaVersion);
  if (problem) return problem;
  const { role, tenantId } = principal;
  if (!tenantId || !hasView(role)) throw notAllowed(`a ${role} token cannot pull`);
  const viewer: Viewer = { ...principal, tenantId, role };
  const groupId = pull.clientGroupID;

  // 2. The group, the head, the cookie's CVR.
  let group = await readGroupState(db, groupId, pull.cookie?.cvrID);
  if (group && (group.tenantId !== tenantId || group.tokenId !== principal.tokenId)) throw notAllowed('this client group belongs to someone else');
  if (!group) {
    if (pull.cookie !== null && (await isPurgedGroup(db, groupId))) return { error: 'ClientStateNotFound' };
    await createClientGroup(db, groupId, tenantId, principal.tokenId);
    group = { tenantId, tokenId: principal.tokenId, cvrOrder: 0, head: -1, cvr: undefined };
  }
  // Deletions are remembered for `tombstoneDays`; an older CVR cannot learn them and starts again.
  const base = group.cvr && Date.parse(group.cvr.madeAt) > Date.now() - tombstoneDays * dayMs ? group.cvr : undefined;

  // 3. Nothing new.
  if (base && pull.cookie && base.head === group.head) return { cookie: pull.cookie, lastMutationIDChanges: {}, patch: [] };

  // 4 and 5. What changed since the CVR, and the new CVR recorded under the next cookie order.
  const [order, cvrID] = [Math.max(group.cvrOrder, pull.cookie?.order ?? 0) + 1, randomUUID()];
  const changes = await readChanges(db, viewer, groupId, base?.head ?? -1, base?.madeAt ?? 'epoch', { id: cvrID, order });
  const next: ClientViewRecord = { head: changes.head, madeAt: changes.at, clients: new Map(Object.entries(changes.clients)) };
  return {
    cookie: { order, cvrID },
    lastMutationIDChanges: changedClients(base, next),
    patch: [
      ...(base ? [] : [{ op: 'clear' } as const]),
      ...changes.dels.map((key) => ({ op: 'del', key }) as const),
      ...changes.puts.map((r) => ({ op: 'put', key: r.key, value: r.data }) as const),
    ],
  };
}

function changedClients(base: ClientViewRecord | undefined, next: ClientViewRecord): Record<string, number> {
  return Object.fromEntries([...next.clients].filter(([id, lmid]) => base?.clients.get(id) !== lmid));
}
