import { config } from '../config.ts';
import { ApiError, apiRequest } from './http.ts';

export interface TenantRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface TokenRow {
  readonly id: string;
  readonly role: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface IssuedToken {
  readonly id: string;
  readonly token: string;
  readonly role: string;
  readonly tenantId: string;
}

export interface ConnectionRow {
  readonly id: number;
  readonly role: string;
  readonly tokenId: string;
  readonly connectedAt: string;
}

export interface SocketStats {
  readonly connections: number;
  readonly connectionsPerTenant: Record<string, number>;
}

export interface ServerOverview {
  readonly uptimeSeconds: number;
  readonly database: { kind: string; status: 'ok' | 'unavailable'; latencyMs?: number; reason?: string };
  readonly connections: number;
  readonly tenants: readonly { id: string; name: string; sockets: Record<string, number> }[];
  readonly hubLinks: readonly { tokenId: string; tenantId: string; tenantName: string | null; connected: boolean; connectedAt: string | null; lastPullAt: string | null }[];
  readonly upstream: { upstream: 'online' | 'offline'; pending: number; oldestPendingAt: string | null; lastPullAt: string | null } | null;
}

type List<T> = { items: T[] };

/** `/api/metrics` is Prometheus text, not JSON. */
async function metricsText(token: string): Promise<string> {
  const res = await fetch(`${config.serverUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } }).catch(() => {
    throw new ApiError(0, 'network', 'Cannot reach the server.');
  });
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, `The server answered ${res.status}.`);
  return res.text();
}

/** The admin API (DESIGN.md) and the websocket monitoring API, for the admin view. */
export function adminApi(token: string) {
  const call = <T>(method: string, path: string, body?: unknown) => apiRequest<T>(token, method, path, body);
  const tenantPath = (id: string) => `/api/admin/tenants/${encodeURIComponent(id)}`;
  return {
    overview: () => call<ServerOverview>('GET', '/api/admin/overview'),
    metrics: () => metricsText(token),
    listTenants: async () => (await call<List<TenantRow>>('GET', '/api/admin/tenants')).items,
    createTenant: (name: string) => call<{ id: string; name: string }>('POST', '/api/admin/tenants', { name }),
    renameTenant: (id: string, name: string) => call<{ id: string; name: string }>('PATCH', tenantPath(id), { name }),
    deleteTenant: (id: string) => call<void>('DELETE', tenantPath(id)),
    exportTenant: (id: string) => call<{ exportedAt: string }>('GET', `${tenantPath(id)}/export`),
    listTokens: async (tenantId: string) => (await call<List<TokenRow>>('GET', `${tenantPath(tenantId)}/tokens`)).items,
    issueToken: (tenantId: string, role: 'manager' | 'kitchen' | 'hub', label: string) =>
      call<IssuedToken>('POST', `${tenantPath(tenantId)}/tokens`, { role, label }),
    revokeToken: (tokenId: string) => call<void>('DELETE', `/api/admin/tokens/${encodeURIComponent(tokenId)}`),
    socketStats: () => call<SocketStats>('GET', '/api/websocket/stats'),
    connections: async (tenantId: string) =>
      (await call<{ items: ConnectionRow[] }>('GET', `/api/websocket/connections/${encodeURIComponent(tenantId)}`)).items,
    broadcast: (tenantId: string, message: string) =>
      call<{ recipients: number }>('POST', `/api/websocket/broadcast/${encodeURIComponent(tenantId)}`, { message }),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
