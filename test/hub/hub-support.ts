import { api, type TestTenant } from '../support/server.ts';

/** A hub token for the tenant, issued the way an admin does it. */
export async function issueHubToken(server: { url: string; adminToken: string }, tenantId: string) {
  const issued = await api<{ id: string; token: string; role: string }>(server, server.adminToken, 'POST', `/api/admin/tenants/${tenantId}/tokens`, {
    role: 'hub',
    label: 'hub',
  });
  if (issued.status !== 201) throw new Error(`hub token: ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body;
}

export type HubTenant = TestTenant & { hubToken: string; hubTokenId: string };
