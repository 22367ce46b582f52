import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { api, backends, startServer, type TestServer } from '../support/server.ts';
import { seedTenant, type SeededTenant } from './support/fixtures.ts';
import { ok } from './support/rest.ts';

/** A terminal's poke socket after the hello, with the close code it ends with. */
async function terminal(server: TestServer, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => (JSON.parse(data.toString()).type === 'ready' ? resolve() : undefined));
    ws.on('error', reject);
  });
  return { closed, close: () => ws.close() };
}

/** Rows of a tenant in every table that has a tenant_id (tenants itself by id). */
async function rowsOf(server: TestServer, tenantId: string): Promise<Record<string, number>> {
  const db = server.running.db;
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = current_schema() ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    out[name] = Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} WHERE tenant_id = $1`, [tenantId])).rows[0]?.n);
  }
  out.tenants = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants WHERE id = $1', [tenantId])).rows[0]?.n);
  return out;
}

describe.each(backends)('tenant lifecycle: rename, export, delete (%s)', (backend) => {
  let server: TestServer;
  /** On Postgres a second process on the same database: a deletion must reach its sockets and caches too. */
  let other: TestServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let a: SeededTenant;
  let b: SeededTenant;
  let hubToken: string;
  beforeAll(async () => {
    if (backend === 'postgres') {
      const fresh = await freshPostgresDatabase();
      dropDatabase = fresh.drop;
      server = await startServer({ databaseUrl: fresh.url });
      other = await startServer({ databaseUrl: fresh.url, env: { ADMIN_TOKEN: server.adminToken } });
    } else server = await startServer({ backend });
    a = await seedTenant(server, 'alpha');
    b = await seedTenant(server, 'bravo');
    hubToken = (await ok(server, server.adminToken, 'POST', `/api/admin/tenants/${a.tenantId}/tokens`, { role: 'hub', label: 'back office' }, 201)).token;
  });
  afterAll(async () => {
    await other?.stop();
    await server?.stop();
    await dropDatabase?.();
  });

  it('renames a tenant: 200 with the new name, 400 for a bad name, 404 for an unknown id, 403 for a manager', async () => {
    const long = 'L'.repeat(200);
    expect(await ok(server, server.adminToken, 'PATCH', `/api/admin/tenants/${a.tenantId}`, { name: long })).toEqual({ id: a.tenantId, name: long });
    const renamed = await ok(server, server.adminToken, 'PATCH', `/api/admin/tenants/${a.tenantId}`, { name: '  Alpha Renamed ' });
    expect(renamed).toEqual({ id: a.tenantId, name: 'Alpha Renamed' });
    const listed = await ok(server, server.adminToken, 'GET', '/api/admin/tenants');
    expect(listed.items.find((t: { id: string }) => t.id === a.tenantId).name).toBe('Alpha Renamed');
    for (const body of [{ name: '' }, { name: 'x'.repeat(201) }, {}]) {
      expect(await api(server, server.adminToken, 'PATCH', `/api/admin/tenants/${a.tenantId}`, body)).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
    expect(await api(server, server.adminToken, 'PATCH', '/api/admin/tenants/ten_nope', { name: 'x' })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await api(server, a.managerToken, 'PATCH', `/api/admin/tenants/${a.tenantId}`, { name: 'x' })).status).toBe(403);
  });

  it("exports one archive of the tenant: orders, audit history, menu, stations, settings — nothing of another tenant, no token", async () => {
    await ok(server, a.managerToken, 'PUT', '/api/tenant/settings', { phone: '+44 20 7946 0000' });
    const res = await api(server, server.adminToken, 'GET', `/api/admin/tenants/${a.tenantId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?kitchensync-${a.tenantId}-\\d{4}-\\d\\d-\\d\\d\\.json"?$`));
    const archive = res.body;
    expect(archive).toMatchObject({ format: 'kitchensync-tenant-export', formatVersion: 1, tenant: { id: a.tenantId, name: 'Alpha Renamed' }, settings: { name: 'Alpha Renamed', phone: '+44 20 7946 0000' } });
    expect(archive.orders.map((o: { id: string }) => o.id).sort()).toEqual([a.draft.id, a.confirmed.id].sort());
    expect(archive.products.map((p: { id: string }) => p.id)).toContain(a.productId);
    expect(archive.stations.map((s: { id: string }) => s.id)).toContain(a.stationId);
    expect(archive.contracts.map((c: { id: string }) => c.id)).toEqual([a.contractId]);
    expect(archive.kitchenOrders.map((k: { id: string }) => k.id).sort()).toEqual(a.tickets.map((t) => t.id).sort());
    const history = await ok(server, a.managerToken, 'GET', `/api/orders/${a.confirmed.id}/history`);
    const exportedSeqs = archive.events.filter((e: { order_id: string }) => e.order_id === a.confirmed.id).map((e: { seq: number }) => Number(e.seq));
    expect(exportedSeqs).toEqual(history.events.map((e: { seq: number }) => e.seq));
    const text = JSON.stringify(archive);
    for (const secret of b.secrets) expect(text).not.toContain(secret);
    for (const token of [a.managerToken, a.kitchenToken, hubToken, a.draft.trackingToken]) expect(text).not.toContain(token);
    expect((await api(server, server.adminToken, 'GET', '/api/admin/tenants/ten_nope/export')).status).toBe(404);
    expect((await api(server, a.managerToken, 'GET', `/api/admin/tenants/${a.tenantId}/export`)).status).toBe(403);
  });

  it('deletes a tenant: every row, its tokens (hub and tracking ones too) refused, its sockets closed, the other tenant untouched', async () => {
    const kitchen = await terminal(server, a.kitchenToken);
    const elsewhere = other ? await terminal(other, a.managerToken) : undefined;
    const neighbour = await terminal(server, b.kitchenToken);
    // Warm the token caches of both processes, so a stale cache would show.
    expect((await api(server, a.managerToken, 'GET', '/api/orders')).status).toBe(200);
    if (other) expect((await api(other, a.managerToken, 'GET', '/api/orders')).status).toBe(200);
    const bBefore = await rowsOf(server, b.tenantId);

    expect((await api(server, server.adminToken, 'DELETE', `/api/admin/tenants/${a.tenantId}`)).status).toBe(204);

    expect(await kitchen.closed).toBe(4403);
    if (elsewhere) expect(await elsewhere.closed).toBe(4403);
    const left = await rowsOf(server, a.tenantId);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    for (const s of [server, ...(other ? [other] : [])]) {
      expect(await api(s, a.managerToken, 'GET', '/api/orders')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      expect((await api(s, a.draft.trackingToken, 'POST', '/api/replicache/pull', { clientGroupID: 'g', profileID: 'p', schemaVersion: '1', pullVersion: 1, cookie: null })).status).toBe(401);
      expect((await api(s, hubToken, 'POST', '/api/hub/pull', { since: 0 })).status).toBe(401);
    }
    expect(await rowsOf(server, b.tenantId)).toEqual(bBefore);
    expect((await api(server, b.managerToken, 'GET', `/api/orders/${b.confirmed.id}`)).status).toBe(200);
    expect((await api(server, server.adminToken, 'DELETE', `/api/admin/tenants/${a.tenantId}`)).status).toBe(404);
    expect((await api(server, server.adminToken, 'GET', `/api/admin/tenants/${a.tenantId}/export`)).status).toBe(404);
    neighbour.close();
  });
});
