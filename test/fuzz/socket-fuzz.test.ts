import { screenPresenceIntervalMs } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { screenSocket, say } from '../print/screen-socket.ts';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { Random, Sampler, hostileStrings } from './support/sampler.ts';

/**
 * Seeded fuzzing of the poke socket's one client message, `screen` (a kitchen screen naming its
 * stations: server/src/screens): malformed frames, wrong types, huge ones, unknown stations and
 * another tenant's. The server stays up, the socket stays open and keeps working, and nothing is
 * written for any of it. `FUZZ_SEED` replays a run; `FUZZ_REQUESTS` sizes it.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_207);
const frames = Math.round(Number(process.env.FUZZ_REQUESTS ?? 1200) / 2);
/** The server's `maxPayload` for a socket frame (server/src/sync/websocket.ts). */
const maxFrameBytes = 64 * 1024;

const screenRows = async (server: TestServer) =>
  (await server.running.db.query<{ tenant_id: string; station_id: string }>('SELECT tenant_id, station_id FROM station_screens ORDER BY 1, 2')).rows;

/** One bad `screen` frame: never naming a station of the screen's own tenant. */
function badFrame(random: Random, sampler: Sampler, foreign: readonly string[]): string | Buffer {
  const station = () => random.pick([...foreign, ...hostileStrings, 'nowhere', 'x'.repeat(129), sampler.hostile()]);
  const stations = () => Array.from({ length: random.int(0, 60) }, station);
  const shapes: (() => unknown)[] = [
    () => ({ type: 'screen', stations: stations() }),
    () => ({ type: 'screen', stations: station() }),
    () => ({ type: 'screen', stations: { 0: station() } }),
    () => ({ type: 'screen', stations: [stations()] }),
    () => ({ type: 'screen' }),
    () => ({ type: random.pick(['Screen', 'hello', 'poke', 'ready', '', null, 7]), stations: stations() }),
    () => ({ type: 'screen', stations: foreign, extra: sampler.hostile() }),
    () => [{ type: 'screen', stations: foreign }],
    () => sampler.hostile(),
  ];
  const roll = random.int(0, 99);
  if (roll < 5) return Buffer.from(Array.from({ length: random.int(1, 64) }, () => random.int(0, 255)));
  if (roll < 10) return JSON.stringify({ type: 'screen', stations: foreign }).slice(0, random.int(0, 30));
  // Huge, but within the frame limit: thousands of names.
  if (roll < 13) return JSON.stringify({ type: 'screen', stations: Array.from({ length: 5000 }, (_, i) => `s${i}`) }).slice(0, maxFrameBytes - 1);
  return JSON.stringify(random.pick(shapes)());
}

describe.each(backends)('fuzzing the poke socket\'s screen message (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  let other: TestTenant;
  const sockets: WebSocket[] = [];
  const random = new Random(seed);

  beforeAll(async () => {
    server = await startServer({ backend });
    [tenant, other] = [await createTenant(server), await createTenant(server, 'Other Bistro')];
    const station = (t: TestTenant, id: string) => api(server, t.managerToken, 'POST', '/api/kitchen/stations', { id, name: id, type: 'grill', capacity: 4 });
    expect((await station(tenant, 'grill-1')).status).toBe(201);
    expect((await station(other, 'fry-9')).status).toBe(201);
  });

  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await server?.stop();
  });

  it('keeps the server up and the socket open, and writes nothing, for bad screen messages', async () => {
    const sampler = new Sampler(random);
    const kitchen = await screenSocket(server.url, tenant.kitchenToken, sockets);
    const manager = await screenSocket(server.url, tenant.managerToken, sockets);
    for (let i = 0; i < frames; i++) (random.chance(0.5) ? kitchen : manager).send(badFrame(random, sampler, ['fry-9']));
    // Every frame is read (the server answers a ping after them), then two flushes pass.
    const answered = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('pong', () => resolve()).ping());
    await Promise.all([answered(kitchen), answered(manager)]);
    await new Promise((resolve) => setTimeout(resolve, screenPresenceIntervalMs));
    expect(await screenRows(server)).toEqual([]);
    expect([kitchen.readyState, manager.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    expect((await api(server, tenant.managerToken, 'GET', '/api/health')).status).toBe(200);

    // The same socket still works: a good word is written.
    say(kitchen, ['grill-1']);
    await waitUntil(async () => (await screenRows(server)).length === 1, 5000, 'the good word written');
    expect(await screenRows(server)).toEqual([{ tenant_id: tenant.tenantId, station_id: 'grill-1' }]);
  });

  it('closes a socket whose frame is over the limit, and only that one', async () => {
    const big = await screenSocket(server.url, tenant.kitchenToken, sockets);
    const bystander = await screenSocket(server.url, tenant.kitchenToken, sockets);
    const closed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send(JSON.stringify({ type: 'screen', stations: ['x'.repeat(maxFrameBytes)] }));
    expect(await closed).toBe(1009);
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    expect((await api(server, tenant.managerToken, 'GET', '/api/health')).status).toBe(200);
  });
});
