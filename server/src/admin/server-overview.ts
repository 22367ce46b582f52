import type { Database } from '../db/database.ts';
import type { HubSync } from '../hub/hub-sync.ts';
import type { SocketRegistry } from '../sync/sockets.ts';
import type { HubLinks } from './hub-links.ts';
import { listTenants } from './tenancy.ts';

export interface OverviewDeps {
  readonly db: Database;
  readonly registry: SocketRegistry;
  readonly links: HubLinks;
  readonly startedAt: number;
  readonly probe: () => Promise<void>;
  /** Set when this server is a restaurant hub: its own link to the cloud. */
  readonly hub?: HubSync | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function database(deps: OverviewDeps) {
  const started = performance.now();
  try {
    await deps.probe();
    return { kind: deps.db.kind, status: 'ok' as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { kind: deps.db.kind, status: 'unavailable' as const, reason: (err as Error).message };
  }
}

/** Open sockets of a tenant by role (a hub's own link to this server counts as `hub`). */
function socketsByRole(deps: OverviewDeps, tenantId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of deps.registry.ofTenant(tenantId)) out[c.principal.role] = (out[c.principal.role] ?? 0) + 1;
  return out;
}

/** Restaurant hubs of existing tenants seen by this process: linked (socket open) or not, and when each last pulled. */
function hubLinks(deps: OverviewDeps, names: ReadonlyMap<string, string>) {
  const sockets = deps.registry.all().filter((c) => c.principal.role === 'hub');
  const tokens = new Set([...deps.links.all().keys(), ...sockets.map((c) => c.principal.tokenId)]);
  const links = [...tokens].map((tokenId) => {
    const socket = sockets.find((c) => c.principal.tokenId === tokenId);
    const pulled = deps.links.all().get(tokenId);
    const tenantId = socket?.principal.tenantId ?? pulled?.tenantId ?? '';
    return {
      tokenId,
      tenantId,
      tenantName: names.get(tenantId) ?? null,
      connected: socket !== undefined,
      connectedAt: socket ? iso(socket.connectedAt) : null,
      lastPullAt: pulled ? iso(pulled.at) : null,
    };
  });
  return links.filter((l) => l.tenantName !== null);
}

/** What an operator looks at first: this server, its database, who is connected, its hubs. */
export async function serverOverview(deps: OverviewDeps) {
  const db = await database(deps);
  const tenants = db.status === 'ok' ? await listTenants(deps.db) : [];
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const hub = deps.hub ? await deps.hub.status().catch(() => undefined) : undefined;
  return {
    uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
    database: db,
    connections: deps.registry.all().length,
    tenants: tenants.map((t) => ({ id: t.id, name: t.name, sockets: socketsByRole(deps, t.id) })),
    hubLinks: hubLinks(deps, names),
    upstream: hub ? { ...hub, oldestPendingAt: hub.oldestPendingAt === null ? null : iso(hub.oldestPendingAt), lastPullAt: hub.lastPullAt ? iso(hub.lastPullAt) : null } : null,
  };
}
