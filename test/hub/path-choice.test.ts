import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePath, type PathChoice } from '../../sync-client/src/path-choice.ts';

/** A server that answers /api/health while `up` is true, else 503 (as a server without its database does). */
async function healthServer() {
  const state = { up: true };
  const server: Server = createServer((_req, res) => res.writeHead(state.up ? 200 : 503).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
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
    const [hub, cloud] = [await healthServer(), await healthServer()];
    const switches: string[] = [];
    choice = choosePath({ hubUrl: `${hub.url}/`, cloudUrl: cloud.url, probeEveryMs: 50, onSwitch: (url) => switches.push(url) });
    await until(() => choice?.path.get() === 'hub');
    expect(choice.serverUrl()).toBe(hub.url);

    hub.state.up = false;
    await until(() => choice?.path.get() === 'cloud');
    expect(choice.serverUrl()).toBe(cloud.url);

    cloud.state.up = false;
    await until(() => choice?.path.get() === 'offline');
    expect(choice.serverUrl()).toBe(cloud.url);

    hub.state.up = true;
    await until(() => choice?.path.get() === 'hub');
    expect(switches).toEqual([cloud.url, hub.url]);
    await Promise.all([hub.close(), cloud.close()]);
  });
});
