import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Station } from '@kitchensync/shared';
import { ok, seedMenu } from '../api/support/rest.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';

let server: TestServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.stop();
  server = undefined;
});

/** A kitchen screen's poke socket, past the hello; it says nothing more until told to. */
async function screenSocket(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/ws`);
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => (JSON.parse(data.toString()) as { type: string }).type === 'ready' && resolve());
    ws.on('error', reject);
  });
  return ws;
}

const say = (ws: WebSocket, stations: string[]) => ws.send(JSON.stringify({ type: 'screen', stations }));

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
