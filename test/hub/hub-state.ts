import { api } from '../support/server.ts';

type Entry = Record<string, unknown>;
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/**
 * A tenant's whole synced state as one comparable value, read the same way from the cloud and from
 * a hub (which serves `/api/hub/pull` to its own hub token too, from its mirrored token hashes):
 * every row's value, every key, every rejection, the client groups, each client's last mutation id
 * and the tokens. What each database numbers for itself (row versions, the head) is left out.
 */
export async function tenantState(server: { url: string }, hubToken: string): Promise<Record<string, Entry[]>> {
  const res = await api<Record<string, unknown>>(server, hubToken, 'POST', '/api/hub/pull', { since: 0 });
  if (res.status !== 200) throw new Error(`state of ${server.url}: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.fromEntries(Object.entries(res.body).filter(([section]) => section !== 'version').map(([section, v]) => [section, Array.isArray(v) ? [...(v as Entry[])].sort(byJson) : [v as Entry]]));
}

export type TenantState = Record<string, Entry[]>;

/**
 * The hub's state as it must equal the cloud's. A client group that has only pulled at the hub
 * (no change yet) exists at the hub alone until its first change reaches the cloud: such groups
 * are dropped from the hub's side when they hold no client with a change and no rejection.
 */
export function comparableHubState(hub: TenantState, cloud: TenantState): TenantState {
  const atCloud = new Set((cloud.groups ?? []).map((g) => g.id));
  const busy = new Set([...(hub.clients ?? []), ...(hub.rejections ?? [])].map((c) => c.clientGroupID));
  return { ...hub, groups: (hub.groups ?? []).filter((g) => atCloud.has(g.id) || busy.has(g.id)) };
}

/** Where two states differ, section by section, for a failure message. */
export function stateDiff(a: TenantState, b: TenantState): string[] {
  const out: string[] = [];
  for (const section of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = new Set((a[section] ?? []).map((v) => JSON.stringify(v)));
    const right = new Set((b[section] ?? []).map((v) => JSON.stringify(v)));
    for (const v of left) if (!right.has(v)) out.push(`${section}: only at the hub ${v.slice(0, 400)}`);
    for (const v of right) if (!left.has(v)) out.push(`${section}: only at the cloud ${v.slice(0, 400)}`);
  }
  return out;
}
