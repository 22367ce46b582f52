import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePath, type PathChoice } from '../../sync-client/src/path-choice.ts';

const backlog = { upstream: 'offline', pending: 3, oldestPendingAt: 1000, tenantId: 't', lastPullAt: null };

/**
 * A stand-in answering what the path choice asks, on a real socket: a hub answers `/api/hub/status`
 * (to a bearer token), a cloud only `/api/health`; while `up` is false both answer 503.
 */
async function server(kind: 'hub' | 'cloud') {
  const state = { up: true };
  const http: Server = createServer((req, res) => {
    if (!state.up) return void res.writeHead(503).end();
    if (req.url === '/api/health') return void res.writeHead(200).end('{"status":"ok"}');
    if (kind === 'hub' && req.url === '/api/hub/status' && req.headers.authorization === 'Bearer ks_kitchen_test') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(backlog));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { state, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((r) => http.close(r)) };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('choosing between the hub and the cloud', () => {
  let choice: PathChoice | undefined;
  afterEach(() => choice?.close());

  it('prefers the hub, moves to the cloud when the hub stops answering, returns when it answers, and says offline when neither does', async () => {
    const [hub, cloud] = [await server('hub'), await server('cloud')];
    const switches: string[] = [];
    choice = choosePath({ hubUrl: `${hub.url}/`, cloudUrl: cloud.url, token: 'ks_kitchen_test', probeEveryMs: 50, onSwitch: (url) => switches.push(url) });
    await until(() => choice?.backlog.get() !== undefined);
    expect(choice.path.get()).toBe('hub');
    expect(choice.serverUrl()).toBe(hub.url);
    expect(choice.backlog.get()).toMatchObject({ upstream: 'offline', pending: 3, oldestPendingAt: 1000 });

    hub.state.up = false;
    await until(() => choice?.path.get() === 'cloud');
    expect(choice.serverUrl()).toBe(cloud.url);
    expect(choice.backlog.get()).toBeUndefined();

    cloud.state.up = false;
    await until(() => choice?.path.get() === 'offline');
    expect(choice.serverUrl()).toBe(cloud.url);

    hub.state.up = true;
    await until(() => choice?.path.get() === 'hub');
    expect(switches).toEqual([cloud.url, hub.url]);
    await Promise.all([hub.close(), cloud.close()]);
  });

  it('does not take a server that is no hub for one', async () => {
    const [notHub, cloud] = [await server('cloud'), await server('cloud')];
    choice = choosePath({ hubUrl: notHub.url, cloudUrl: cloud.url, token: 'ks_kitchen_test', probeEveryMs: 50, onSwitch: () => undefined });
    await until(() => choice?.path.get() === 'cloud');
    expect(choice.serverUrl()).toBe(cloud.url);
    await Promise.all([notHub.close(), cloud.close()]);
  });
});
