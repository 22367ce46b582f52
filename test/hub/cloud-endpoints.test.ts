import { demoProducts } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubSnapshot } from '../../server/src/hub/hub-protocol.ts';
import { hashToken } from '../../server/src/auth/tokens.ts';
import { api, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, pushBody, push, productArgs, uniqueId } from '../support/sync-protocol.ts';
import { issueHubToken } from './hub-support.ts';

const forwarded = (clientGroupID: string, tokenId: string, mutations: ReturnType<typeof mutation>[], hubAt = 1_700_000_000_000) => ({
  clientGroupID,
  tokenId,
  schemaVersion: '1',
  mutations: mutations.map((m) => ({ ...m, hubAt })),
});

describe('the cloud’s hub endpoints (Postgres)', () => {
  let cloud: TestServer;
  let a: TestTenant;
  let b: TestTenant;
  let hubA: { id: string; token: string };
  let hubB: { id: string; token: string };

  beforeAll(async () => {
    cloud = await startServer({ backend: 'postgres' });
    a = await createTenant(cloud, 'Tenant A');
    b = await createTenant(cloud, 'Tenant B');
    hubA = await issueHubToken(cloud, a.tenantId);
    hubB = await issueHubToken(cloud, b.tenantId);
    await push(cloud, a.managerToken, pushBody(uniqueId('g'), [mutation(uniqueId('c'), 1, 'upsertProduct', demoProducts[0])]));
  }, 60_000);
  afterAll(async () => {
    await cloud.stop();
  });

  const hubPull = (token: string, since = 0) => api<HubSnapshot>(cloud, token, 'POST', '/api/hub/pull', { since });
  const eventsOf = async (clientID: string) =>
    (
      await cloud.running.db.query<{ mutation_id: number; via_hub_token_id: string | null; hub_at: Date | null; actor_token_id: string }>(
        'SELECT mutation_id, via_hub_token_id, hub_at, actor_token_id FROM events WHERE client_id = $1 ORDER BY seq',
        [clientID],
      )
    ).rows;

  it('issues hub tokens through the admin API and lists them with the tenant’s tokens', async () => {
    expect(hubA.token).toMatch(/^ks_hub_/);
    const listed = await api<{ items: { id: string; role: string }[] }>(cloud, cloud.adminToken, 'GET', `/api/admin/tenants/${a.tenantId}/tokens`);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: hubA.id, role: 'hub' }));
  });

  it('gives a hub its tenant’s rows, client bookkeeping and token hashes, never the tokens', async () => {
    const res = await hubPull(hubA.token);
    expect(res.status).toBe(200);
    expect(res.body.tenant).toEqual({ id: a.tenantId, name: 'Tenant A' });
    expect(res.body.keys).toEqual([`product/${demoProducts[0]?.id}`]);
    expect(res.body.rows.map((r) => r.key)).toEqual(res.body.keys);
    expect(res.body.clients).toEqual([expect.objectContaining({ lastMutationID: 1 })]);
    const hashes = res.body.tokens.map((t) => t.hash);
    expect(hashes).toContain(hashToken(a.kitchenToken));
    expect(JSON.stringify(res.body)).not.toContain(a.kitchenToken);
    expect(JSON.stringify(res.body)).not.toContain(b.tenantId);

    const again = await hubPull(hubA.token, res.body.version);
    expect(again.body.rows).toEqual([]);
    expect(again.body.keys).toEqual([]);
    expect(again.body.version).toBe(res.body.version);
  });

  it('shows a revocation to the hub on its next pull', async () => {
    const extra = await api<{ id: string }>(cloud, cloud.adminToken, 'POST', `/api/admin/tenants/${a.tenantId}/tokens`, { role: 'kitchen', label: 'pass' });
    expect((await api(cloud, cloud.adminToken, 'DELETE', `/api/admin/tokens/${extra.body.id}`)).status).toBe(204);
    const token = (await hubPull(hubA.token)).body.tokens.find((t) => t.id === extra.body.id);
    expect(token?.revokedAt).toEqual(expect.any(String));
  });

  it('applies a forwarded push under the terminal’s own group, client and mutation ids, once, audited as via the hub', async () => {
    const group = uniqueId('g');
    const client = uniqueId('c');
    const body = forwarded(group, a.managerTokenId, [mutation(client, 1, 'upsertProduct', productArgs('hub-1')), mutation(client, 2, 'upsertProduct', productArgs('hub-2'))]);
    const first = await api(cloud, hubA.token, 'POST', '/api/hub/push', body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ response: {}, lastMutationIDs: { [client]: 2 } });
    expect((await api(cloud, hubA.token, 'POST', '/api/hub/push', body)).body).toEqual(first.body);

    const events = await eventsOf(client);
    expect(events.map((e) => e.mutation_id)).toEqual([1, 2]);
    expect(events.every((e) => e.via_hub_token_id === hubA.id && e.actor_token_id === a.managerTokenId)).toBe(true);
    expect(new Date(events[0]?.hub_at as Date).getTime()).toBe(1_700_000_000_000);
    const group2 = await cloud.running.db.query<{ tenant_id: string; token_id: string }>('SELECT tenant_id, token_id FROM replicache_client_groups WHERE id = $1', [group]);
    expect(group2.rows).toEqual([{ tenant_id: a.tenantId, token_id: a.managerTokenId }]);
  });

  it('shows the hub and both times in the order’s history', async () => {
    const client = uniqueId('c');
    await api(cloud, hubA.token, 'POST', '/api/hub/push', forwarded(uniqueId('g'), a.managerTokenId, [
      mutation(client, 1, 'createOrder', { id: 'via-hub', channel: 'dine_in', customer: { name: 'Ada' }, items: [{ id: 'l1', productId: demoProducts[0]?.id, quantity: 1 }], at: 1 }),
    ]));
    const history = await api<{ events: { at: string; clientID: string; mutationID: number; viaHub?: { tokenId: string; at: string } }[] }>(
      cloud, a.managerToken, 'GET', '/api/orders/via-hub/history',
    );
    expect(history.status).toBe(200);
    expect(history.body.events[0]).toMatchObject({ clientID: client, mutationID: 1, viaHub: { tokenId: hubA.id, at: new Date(1_700_000_000_000).toISOString() } });
    expect(history.body.events[0]?.at).not.toBe(history.body.events[0]?.viaHub?.at);
  });

  it('keeps the terminal’s role: a kitchen’s forwarded manager-only mutation is rejected, not run', async () => {
    const client = uniqueId('c');
    const group = uniqueId('g');
    const res = await api(cloud, hubA.token, 'POST', '/api/hub/push', forwarded(group, a.kitchenTokenId, [mutation(client, 1, 'upsertProduct', productArgs('kitchen-made'))]));
    expect(res.body).toMatchObject({ lastMutationIDs: { [client]: 1 } });
    const rejection = (await hubPull(hubA.token)).body.rejections.find((r) => r.clientGroupID === group);
    expect(rejection?.data).toMatchObject({ code: 'forbidden', mutationID: 1 });
    expect((await hubPull(hubA.token)).body.keys).not.toContain('product/kitchen-made');
  });

  describe('isolation', () => {
    const rowsOf = async (tenantId: string) =>
      (await cloud.running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE tenant_id = $1', [tenantId])).rows[0]?.n;

    it('refuses terminal tokens of any tenant at the hub endpoints', async () => {
      for (const token of [a.managerToken, a.kitchenToken, b.managerToken]) {
        expect((await hubPull(token)).status).toBe(403);
        expect((await api(cloud, token, 'POST', '/api/hub/push', forwarded(uniqueId('g'), a.managerTokenId, []))).status).toBe(403);
      }
      expect((await hubPull('ks_hub_not-a-real-token-at-all')).status).toBe(401);
    });

    it('gives a hub token nothing of another tenant and no terminal endpoint', async () => {
      const ofB = await hubPull(hubB.token);
      expect(ofB.body.tenant.id).toBe(b.tenantId);
      expect(ofB.body.tokens.map((t) => t.id)).not.toContain(a.managerTokenId);
      expect((await push(cloud, hubA.token, pushBody(uniqueId('g'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('x'))]))).status).toBe(403);
      expect((await api(cloud, hubA.token, 'GET', '/api/orders')).status).toBe(403);
      expect((await api(cloud, hubA.token, 'GET', `/api/admin/tenants/${b.tenantId}/tokens`)).status).toBe(403);
    });

    it('refuses forwarded pushes for another tenant’s token or client group, and changes nothing', async () => {
      const before = [await rowsOf(a.tenantId), await rowsOf(b.tenantId)];
      const groupOfB = uniqueId('g');
      await push(cloud, b.managerToken, pushBody(groupOfB, [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('b-own'))]));
      const afterB = await rowsOf(b.tenantId);

      const otherTenantsToken = await api(cloud, hubA.token, 'POST', '/api/hub/push', forwarded(uniqueId('g'), b.managerTokenId, [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('forged-1'))]));
      expect(otherTenantsToken.status).toBe(403);
      const otherTenantsGroup = await api(cloud, hubA.token, 'POST', '/api/hub/push', forwarded(groupOfB, a.managerTokenId, [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('forged-2'))]));
      expect(otherTenantsGroup.status).toBe(403);
      expect(otherTenantsGroup.body).toMatchObject({ error: { code: 'forbidden' } });
      const hubAsOwner = await api(cloud, hubA.token, 'POST', '/api/hub/push', forwarded(uniqueId('g'), hubA.id, [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('forged-3'))]));
      expect(hubAsOwner.status).toBe(403);

      expect([await rowsOf(a.tenantId), await rowsOf(b.tenantId)]).toEqual([before[0], afterB]);
      const forged = await cloud.running.db.query("SELECT id FROM products WHERE id LIKE 'forged-%'");
      expect(forged.rows).toEqual([]);
    });

    it('refuses a malformed forwarded push with 400', async () => {
      const res = await api(cloud, hubA.token, 'POST', '/api/hub/push', { clientGroupID: 'g', mutations: 'all of them' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    });
  });
});
