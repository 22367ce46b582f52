import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import type { Database, Queryable } from '../db/database.ts';
import { createClientGroup, getClientGroup, getGroupClients, isPurgedGroup, touchClientGroup, type ClientGroupRow } from '../db/replicache-clients.ts';
import { retryOnConflict } from '../db/retry.ts';
import { forbidden } from '../http/http-error.ts';
import { loadCvr, maxVersion, saveCvr, type ClientViewRecord } from './cvr.ts';
import { versionProblem, type Cookie, type ProtocolError, type PullRequest } from './protocol.ts';
import { fetchValues, hasView, viewSummary, viewVersions, type Viewer } from './view.ts';

type PatchOp = { op: 'clear' } | { op: 'del'; key: string } | { op: 'put'; key: string; value: ReadonlyJSONValue };

export interface PullResponse {
  cookie: Cookie;
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOp[];
}

function diff(base: ClientViewRecord | undefined, next: ClientViewRecord) {
  const puts = [...next.entries].filter(([key, version]) => base?.entries.get(key) !== version).map(([key]) => key);
  const dels = base ? [...base.entries.keys()].filter((key) => !next.entries.has(key)) : [];
  const clients = Object.fromEntries([...next.clients].filter(([id, lmid]) => base?.clients.get(id) !== lmid));
  return { puts, dels, clients };
}

async function ownGroup(q: Queryable, principal: Principal, clientGroupId: string, cookie: Cookie | null) {
  const group = await getClientGroup(q, clientGroupId);
  if (group && (group.tenant_id !== principal.tenantId || group.token_id !== principal.tokenId)) {
    throw forbidden('this client group belongs to someone else');
  }
  if (group) return group;
  if (cookie !== null && (await isPurgedGroup(q, clientGroupId))) return undefined;
  return createClientGroup(q, clientGroupId, principal.tenantId as string, principal.tokenId);
}

/**
 * The view's `{key: version}` now. With a CVR to start from it avoids the full scan: a count and
 * max version equal to the CVR's mean nothing changed; otherwise only rows newer than the CVR are
 * read, unless the count shows something also left the view.
 */
async function currentEntries(q: Queryable, viewer: Viewer, groupId: string, base: ClientViewRecord | undefined) {
  if (!base) return viewVersions(q, viewer, groupId);
  const summary = await viewSummary(q, viewer, groupId);
  const baseMax = maxVersion(base);
  if (summary.count === base.entries.size && summary.max === baseMax) return base.entries;
  const changed = await viewVersions(q, viewer, groupId, baseMax);
  const added = [...changed.keys()].filter((key) => !base.entries.has(key)).length;
  if (summary.count !== base.entries.size + added) return viewVersions(q, viewer, groupId);
  return new Map([...base.entries, ...changed]);
}

/**
 * Row-version pull: select (key, version) of the permitted view, diff against the CVR the cookie
 * names, fetch full rows only for puts. Nothing changed → the same cookie and an empty patch.
 */
export async function processPull(db: Database, principal: Principal, pull: PullRequest): Promise<PullResponse | ProtocolError> {
  const problem = versionProblem('pull', pull.pullVersion, pull.schemaVersion);
  if (problem) return problem;
  const { role, tenantId } = principal;
  if (!tenantId || !hasView(role)) throw forbidden(`a ${role} token cannot pull`);
  const viewer = { ...principal, role };
  // The group is made in its own transaction so the snapshot below always sees it.
  if (!(await db.transaction((q) => ownGroup(q, principal, pull.clientGroupID, pull.cookie)))) {
    return { error: 'ClientStateNotFound' };
  }
  return retryOnConflict(() => db.transaction(
    async (q) => {
      const group = (await getClientGroup(q, pull.clientGroupID)) as ClientGroupRow;
      const base = pull.cookie ? await loadCvr(q, pull.cookie.cvrID, tenantId, principal.tokenId) : undefined;
      const next: ClientViewRecord = {
        entries: await currentEntries(q, viewer, group.id, base),
        clients: new Map((await getGroupClients(q, group.id)).map((c) => [c.id, c.last_mutation_id])),
      };
      const { puts, dels, clients } = diff(base, next);
      if (base && pull.cookie && puts.length === 0 && dels.length === 0 && Object.keys(clients).length === 0) {
        return { cookie: pull.cookie, lastMutationIDChanges: {}, patch: [] };
      }
      const values = await fetchValues(q, tenantId, group.id, puts);
      const order = Math.max(group.cvr_order, pull.cookie?.order ?? 0) + 1;
      const cvrID = await saveCvr(q, group.id, order, next, { tenantId, tokenId: principal.tokenId });
      await touchClientGroup(q, group.id, order);
      const patch: PatchOp[] = [
        ...(base ? [] : [{ op: 'clear' } as const]),
        ...dels.map((key) => ({ op: 'del', key }) as const),
        ...puts.flatMap((key) => {
          const value = values.get(key);
          return value === undefined ? [] : [{ op: 'put', key, value } as const];
        }),
      ];
      return { cookie: { order, cvrID }, lastMutationIDChanges: clients, patch };
    },
    { isolation: 'repeatable read' },
  ));
}
