/** What signing in with a token found out. */
export type RoleCheck =
  | { readonly ok: true; readonly role: 'admin' }
  | { readonly ok: true; readonly role: 'manager'; readonly tenantId: string | undefined }
  | { readonly ok: false; readonly reason: 'refused' | 'not-dashboard' | 'unreachable' | 'server-error' };

type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<{ status: number; json(): Promise<unknown> }>;

/**
 * Asks the server what the token may do, with endpoints that already exist: only an admin may list
 * tenants; a manager (not a kitchen or tracking token) may read its websocket stats, which also
 * name its tenant. 401 means the token is unknown or revoked.
 */
export async function detectRole(serverUrl: string, token: string, fetchFn: Fetch): Promise<RoleCheck> {
  const get = (path: string) => fetchFn(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  try {
    const admin = await get('/api/admin/tenants');
    if (admin.status === 200) return { ok: true, role: 'admin' };
    if (admin.status === 401) return { ok: false, reason: 'refused' };
    if (admin.status !== 403) return { ok: false, reason: 'server-error' };
    const stats = await get('/api/websocket/stats');
    if (stats.status === 403) return { ok: false, reason: 'not-dashboard' };
    if (stats.status !== 200) return { ok: false, reason: stats.status === 401 ? 'refused' : 'server-error' };
    return { ok: true, role: 'manager', tenantId: tenantOf(await stats.json().catch(() => undefined)) };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}

function tenantOf(body: unknown): string | undefined {
  const perTenant = (body as { connectionsPerTenant?: unknown } | undefined)?.connectionsPerTenant;
  const keys = perTenant && typeof perTenant === 'object' ? Object.keys(perTenant).filter(Boolean) : [];
  return keys.length === 1 ? keys[0] : undefined;
}

export const roleCheckMessage: Record<Exclude<RoleCheck, { ok: true }>['reason'], string> = {
  refused: 'The server does not know this token, or it was revoked.',
  'not-dashboard': 'This token is not a manager or admin token. Kitchen tokens belong on the kitchen display.',
  unreachable: 'Cannot reach the server. Check your connection and try again.',
  'server-error': 'The server had a problem checking this token. Try again in a moment.',
};
