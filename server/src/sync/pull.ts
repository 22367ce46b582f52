import { randomUUID } from 'node:crypto';
import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { RequestHandler } from 'express';
import { serverTiming, type Metrics } from '../api/metrics.ts';
import type { Principal } from '../auth/principal.ts';
import { createClientGroup, isPurgedGroup } from '../db/replicache-clients.ts';
import { principalOf } from '../http/auth.ts';
import { sendJson } from '../http/send-json.ts';
import { parse } from '../http/validate.ts';
import { RecentMap } from '../recent-map.ts';
import { tombstoneDays } from './gc.ts';
import { notAllowed, pullRequestSchema, versionProblem, type Cookie, type ProtocolError, type PullRequest } from './protocol.ts';
import { isSupersededEpoch } from './restore-epochs.ts';
import type { SyncEngine } from './sync-engine.ts';
import { hasView, readChanges, readGroupState, type ClientViewRecord, type ViewChanges, type Viewer } from './view.ts';

type PatchOp = { op: 'clear' } | { op: 'del'; key: string } | { op: 'put'; key: string; value: ReadonlyJSONValue };

export interface PullResponse {
  cookie: Cookie;
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOp[];
}

/** `POST /api/replicache/pull` (JSON body parsed by the app): protocol errors Replicache must act on go out with HTTP 200. */
export function pullRoute(engine: SyncEngine, metrics: Metrics): RequestHandler {
  return async (req, res) => {
    const pull = parse(pullRequestSchema, req.body, 'pull request');
    metrics.pulls += 1;
    const start = process.hrtime.bigint();
    const response = await processPull(engine, principalOf(res), pull);
    sendJson(res, response, serverTiming(start));
  };
}

const dayMs = 86_400_000;

/** Deletions are remembered for `tombstoneDays`; an older CVR cannot learn them and starts again. */
const usable = (cvr: ClientViewRecord | undefined) => (cvr && Date.parse(cvr.madeAt) > Date.now() - tombstoneDays * dayMs ? cvr : undefined);

/**
 * `POST /api/replicache/pull` (`pullRoute`, above, after `http/auth.ts` named the principal), Replicache's row-version strategy with client view records (CVRs).
 * A CVR is the tenant's head as the client last saw it: every later write has a higher version.
 *
 *  1. Check the protocol versions and that this role has a view.
 *  2. Find the client group (its owner must be this principal; a purged one → ClientStateNotFound)
 *     and the CVR the cookie names: from what this process remembers of the cookies it gave out
 *     (`KnownViews`: owners and CVRs never change), else read with the tenant's head in one
 *     statement — and if that head is the CVR's, nothing changed: the same cookie, an empty patch.
 *     A cookie of an epoch a restore ended, naming a CVR the database does not have, may have
 *     seen writes and last mutation ids the restore lost: ClientStateNotFound (the client starts
 *     again from the database's state and sends its unconfirmed changes again: sync-client).
 *  3. In one statement (one snapshot): the head and the group's last mutation ids, the rows
 *     written since the CVR's head with their values (with an unknown CVR: `clear` and the whole
 *     view), and the keys that left the view; and in that same statement, the new CVR (that head)
 *     recorded under the next cookie order. Nothing is read or written if the head has not moved
 *     (the same cookie, an empty patch) or the group is gone.
 * A pull on a cookie this process gave out is one statement; otherwise a changed pull is two and
 * an unchanged one one.
 */
export async function processPull(engine: SyncEngine, principal: Principal, pull: PullRequest): Promise<PullResponse | ProtocolError> {
  // 1. Protocol and role.
  const problem = versionProblem('pull', pull.pullVersion, pull.schemaVersion, engine.minClientSchema);
  if (problem) return problem;
  const { role, tenantId } = principal;
  if (!tenantId || !hasView(role)) throw notAllowed(`a ${role} token cannot pull`);
  const viewer: Viewer = { ...principal, tenantId, role };
  const groupId = pull.clientGroupID;
  const { db, views } = engine;
  const owns = (group: { tenantId: string; tokenId: string }) => group.tenantId === tenantId && group.tokenId === principal.tokenId;

  // 2. The group and the cookie's CVR, as remembered...
  const remembered = views.lookup(groupId, pull.cookie?.cvrID);
  if (remembered && !owns(remembered.group)) throw notAllowed('this client group belongs to someone else');
  const base = usable(remembered?.cvr);
  if (remembered && base && pull.cookie) {
    const answer = await changesSince(engine, viewer, groupId, pull.cookie, base, remembered.group.order);
    if (answer) return answer;
    views.forget(groupId); // purged meanwhile: read what became of it
  }

  // ...or as stored, with the head now.
  let group = await readGroupState(db, groupId, pull.cookie?.cvrID);
  if (group && !owns(group)) throw notAllowed('this client group belongs to someone else');
  if (pull.cookie?.epoch && !group?.cvr && (await isSupersededEpoch(db, pull.cookie.epoch))) return { error: 'ClientStateNotFound' };
  if (!group) {
    if (pull.cookie !== null && (await isPurgedGroup(db, groupId))) return { error: 'ClientStateNotFound' };
    await createClientGroup(db, groupId, tenantId, principal.tokenId);
    group = { tenantId, tokenId: principal.tokenId, cvrOrder: 0, head: -1, cvr: undefined };
  }
  const stored = usable(group.cvr);
  if (stored && pull.cookie && stored.head === group.head) return unchanged(pull.cookie);

  // 3. What changed since the CVR, and the new CVR.
  return (await changesSince(engine, viewer, groupId, pull.cookie, stored, group.cvrOrder)) ?? { error: 'ClientStateNotFound' };
}

const unchanged = (cookie: Cookie): PullResponse => ({ cookie, lastMutationIDChanges: {}, patch: [] });

/** The cookie after `cookie` for a group this process knows up to `knownOrder`, naming a new CVR. */
const nextCookie = (cookie: Cookie | null, knownOrder: number, epoch: string | undefined): Cookie => ({
  order: Math.max(knownOrder, cookie?.order ?? 0) + 1,
  cvrID: randomUUID(),
  ...(epoch ? { epoch } : {}),
});

/** Step 3, from `base` (undefined: the whole view); undefined if the group is gone. */
async function changesSince(engine: SyncEngine, viewer: Viewer, groupId: string, cookie: Cookie | null, base: ClientViewRecord | undefined, knownOrder: number) {
  const next = nextCookie(cookie, knownOrder, engine.epoch);
  const since = base?.head ?? -1;
  const changes = await readChanges(engine.db, viewer, groupId, since, base?.madeAt ?? 'epoch', { id: next.cvrID, order: next.order });
  if (!changes.groupExists) return undefined;
  if (cookie && changes.head === since) return unchanged(cookie);
  const cvr: ClientViewRecord = { head: changes.head, madeAt: changes.at, clients: new Map(Object.entries(changes.clients)) };
  engine.views.remember(groupId, viewer, next.cvrID, next.order, cvr);
  return answer(base, cvr, next, changes);
}

/** The answer taking a client from CVR `base` to CVR `next`, under `cookie`. */
function answer(base: ClientViewRecord | undefined, next: ClientViewRecord, cookie: Cookie, changes: Pick<ViewChanges, 'puts' | 'dels'>): PullResponse {
  return {
    cookie,
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

/** How many client groups, and CVRs, a process remembers per database. */
const capacity = 10_000;

interface KnownGroup {
  readonly tenantId: string;
  readonly tokenId: string;
  /** The highest cookie order this process gave the group (the database may know a higher one). */
  readonly order: number;
}

/**
 * What this process already knows about the client groups it serves, so that a pull on a cookie it
 * gave out can skip reading the group and the CVR. Only what never changes is kept: a group's
 * owner, and CVRs (immutable rows). Whether the group still exists (GC may purge it from any
 * process) is checked in the pull's own statement.
 */
export class KnownViews {
  private readonly groups = new RecentMap<string, KnownGroup>(capacity);
  private readonly cvrs = new RecentMap<string, ClientViewRecord & { group: string }>(capacity);
  /** While the database may have been restored (it went away and its epoch is not read yet), nothing is looked up here. */
  private trusted = true;

  /** The group and the CVR a cookie names, if both are known here and the CVR is that group's own. */
  lookup(groupId: string, cvrId: string | undefined) {
    if (!this.trusted) return undefined;
    const group = this.groups.get(groupId);
    const cvr = cvrId === undefined ? undefined : this.cvrs.get(cvrId);
    return group && cvr?.group === groupId ? { group, cvr } : undefined;
  }

  remember(groupId: string, owner: { tenantId: string; tokenId: string }, cvrId: string, order: number, cvr: ClientViewRecord): void {
    const known = this.groups.get(groupId);
    this.groups.set(groupId, { tenantId: owner.tenantId, tokenId: owner.tokenId, order: Math.max(order, known?.order ?? 0) });
    this.cvrs.set(cvrId, { ...cvr, group: groupId });
  }

  forget(groupId: string): void {
    this.groups.delete(groupId);
  }

  /** Stops answering from memory until `trust` (the database went away). */
  distrust(): void {
    this.trusted = false;
  }

  /** Answers from memory again; `forgetAll` first drops what came from a database state that is gone. */
  trust(forgetAll: boolean): void {
    if (forgetAll) {
      this.groups.deleteWhere(() => true);
      this.cvrs.deleteWhere(() => true);
    }
    this.trusted = true;
  }
}
