import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Station } from '@kitchensync/shared';
import { ok, seedMenu } from '../api/support/rest.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { FakePrinter } from './fake-printer.ts';
import { say, screenSocket as openScreenSocket } from './screen-socket.ts';

let server: TestServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.stop();
  server = undefined;
});

const screenSocket = (url: string, token: string) => openScreenSocket(url, token, sockets);

describe.each(backends)('which stations have a screen (%s)', (backend) => {
  it('a screen gone silent on an open socket (a cut link) counts as gone after the threshold; a talking screen keeps only its own station', async () => {
    server = await startServer({ backend, env: { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '100' } });
    const tenant = await createTenant(server);
    const m = (method: string, path: string, body?: unknown, status = 200) => ok(server!, tenant.managerToken, method, path, body, status);
    await seedMenu(server, tenant.managerToken);
    const fryer = await screenSocket(server.url, tenant.kitchenToken);
    const cold = await screenSocket(server.url, tenant.kitchenToken);
    say(fryer, ['fry-1']);
    say(cold, ['cold-1']);
    const talking = setInterval(() => say(cold, ['cold-1']), 1000);
    try {
      await m('POST', '/api/printers', { id: 'bar', name: 'Bar', host: '127.0.0.1', port: 9 }, 201);
      for (const stationId of ['fry-1', 'cold-1']) await m('PUT', '/api/printers/bar/assignments', { role: 'backup', stationId, backupAfterSeconds: 5 });
      const station = async (id: string) => (await server!.running.db.query<{ data: Station }>('SELECT data FROM stations WHERE id = $1', [id])).rows[0]?.data;
      const silentAt = Date.now();
      await waitUntil(async () => (await station('fry-1'))?.screensDownSince !== undefined, 15_000, 'the fryer in backup mode');
      expect(Date.now() - silentAt).toBeGreaterThan(3000);
      expect(fryer.readyState).toBe(WebSocket.OPEN);
      expect((await station('cold-1'))?.screensDownSince).toBeUndefined();

      say(fryer, ['fry-1']);
      await waitUntil(async () => (await station('fry-1'))?.screensDownSince === undefined, 5_000, 'the fryer back');
    } finally {
      clearInterval(talking);
    }
  });
});

describe('backup mode with two print agents on one database', () => {
  it('the SCREEN DOWN batch prints once, with two agents and across an agent’s restart', async () => {
    const db = await freshPostgresDatabase();
    const env = { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '100', PRINT_AGENT_TIMEOUT_MS: '1000' };
    const a = await startServer({ databaseUrl: db.url, env });
    let b = await startServer({ databaseUrl: db.url, env });
    const paper = await FakePrinter.start();
    try {
      const tenant = await createTenant(a);
      const m = (method: string, path: string, body?: unknown, status = 200) => ok(a, tenant.managerToken, method, path, body, status);
      await seedMenu(a, tenant.managerToken);
      say(await screenSocket(a.url, tenant.kitchenToken), ['fry-1']);
      const order = await m('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items: [{ productId: 'fries', quantity: 1 }] }, 201);
      await m('PUT', `/api/orders/${order.id}/confirm`);
      await m('POST', '/api/printers', { id: 'bar', name: 'Bar', host: '127.0.0.1', port: paper.port }, 201);
      await m('PUT', '/api/printers/bar/assignments', { role: 'backup', stationId: 'fry-1', backupAfterSeconds: 5 });
      await waitUntil(() => paper.tickets.length > 0, 20_000, 'the batch');
      // One agent stops and another starts on the same database while the station is still down.
      await b.stop();
      b = await startServer({ databaseUrl: db.url, env });
      await new Promise((r) => setTimeout(r, 2000));
      expect(paper.tickets.map((t) => t[0]?.text)).toEqual(['SCREEN DOWN']);
    } finally {
      await b.stop();
      await a.stop();
      await db.drop();
      await paper.close();
    }
  });
});
