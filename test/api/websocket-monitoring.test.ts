import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { ok, seedMenu } from './support/rest.ts';

/** A terminal's socket after the hello handshake, keeping every message it receives. */
async function terminal(server: TestServer, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`);
  const messages: { type: string; message?: unknown }[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string };
      messages.push(msg);
      if (msg.type === 'ready') resolve();
    });
    ws.on('error', reject);
  });
  return { messages, close: () => ws.close() };
}

describe.each(backends)('WebSocket monitoring (%s)', (backend) => {
  let server: TestServer | undefined;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) c();
    await server?.stop();
    server = undefined;
  });

  it("reports a tenant's terminals and pokes to its manager, broadcasts to its terminals, and hides other tenants", async () => {
    server = await startServer({ backend });
    const s = server;
    const a = await createTenant(s, 'Alpha');
    const b = await createTenant(s, 'Bravo');
    await seedMenu(s, a.managerToken);
    const kitchenA = await terminal(s, a.kitchenToken);
    const kitchenB = await terminal(s, b.kitchenToken);
    cleanups.push(kitchenA.close, kitchenB.close);

    const health = await ok(s, a.managerToken, 'GET', '/api/websocket/health');
    expect(health).toMatchObject({ status: 'ok', connections: 2 });
    const connections = await ok(s, a.managerToken, 'GET', `/api/websocket/connections/${a.tenantId}`);
    expect(connections).toMatchObject({ tenantId: a.tenantId, count: 1, items: [{ role: 'kitchen', tokenId: a.kitchenTokenId }] });

    await ok(s, a.managerToken, 'POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Ada' }, items: [{ productId: 'fries', quantity: 1 }] }, 201);
    await expect.poll(() => kitchenA.messages.filter((m) => m.type === 'poke').length).toBeGreaterThan(0);
    const stats = await ok(s, a.managerToken, 'GET', '/api/websocket/stats');
    expect(stats.connectionsPerTenant).toEqual({ [a.tenantId]: 1 });
    expect(stats.totals.pokes).toBeGreaterThan(0);
    expect(stats).toEqual(expect.objectContaining({ messagesInPerSecond: expect.any(Number), pokesPerSecond: expect.any(Number) }));
    const all = await ok(s, s.adminToken, 'GET', '/api/websocket/stats');
    expect(all.connectionsPerTenant).toEqual({ [a.tenantId]: 1, [b.tenantId]: 1 });

    const sent = await ok(s, a.managerToken, 'POST', `/api/websocket/broadcast/${a.tenantId}`, { message: 'Grill 2 is down' }, 202);
    expect(sent).toMatchObject({ tenantId: a.tenantId, recipients: 1 });
    await expect.poll(() => kitchenA.messages.find((m) => m.type === 'broadcast')?.message).toBe('Grill 2 is down');
    expect(kitchenB.messages.some((m) => m.type === 'broadcast')).toBe(false);

    for (const [method, path, body] of [
      ['GET', `/api/websocket/connections/${a.tenantId}`, undefined],
      ['POST', `/api/websocket/broadcast/${a.tenantId}`, { message: 'not yours' }],
    ] as const) {
      expect((await api(s, b.managerToken, method, path, body)).status, `${method} ${path} from another tenant`).toBe(404);
      expect((await api(s, a.kitchenToken, method, path, body)).status, `${method} ${path} as kitchen`).toBe(403);
      expect((await api(s, undefined, method, path, body)).status, `${method} ${path} without a token`).toBe(401);
    }
    expect(kitchenA.messages.filter((m) => m.type === 'broadcast')).toHaveLength(1);
  });
});
