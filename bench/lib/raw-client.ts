import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import WebSocket from 'ws';

/**
 * The load generator's own HTTP: node:http on kept-alive connections, which costs this process
 * about half the CPU `fetch` does per request: on a two-core box the load generator shares the
 * cores with the server and the database, and its overhead would be counted against the server.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, token: string, body: unknown): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A Replicache client reduced to its wire protocol, for load generation without a replica. */
export class RawClient {
  readonly clientGroupID = randomUUID();
  readonly clientID = randomUUID();
  private nextId = 1;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async push(mutations: { name: string; args: unknown }[]): Promise<number> {
    const body = {
      pushVersion: 1,
      clientGroupID: this.clientGroupID,
      profileID: 'bench',
      schemaVersion: '1',
      mutations: mutations.map((m) => ({ id: this.nextId++, clientID: this.clientID, name: m.name, args: m.args, timestamp: Date.now() })),
    };
    const res = await post(`${this.url}/api/replicache/push`, this.token, body);
    if (res.status !== 200) throw new Error(`push ${res.status}`);
    return res.status;
  }

  /** A pull with its server time (the `Server-Timing` header; NaN when the server sends none). */
  async pull(cookie: unknown): Promise<{ cookie: unknown; patch: unknown[]; serverMs: number }> {
    const res = await post(`${this.url}/api/replicache/pull`, this.token, { pullVersion: 1, clientGroupID: this.clientGroupID, profileID: 'bench', schemaVersion: '1', cookie });
    if (res.status !== 200) throw new Error(`pull ${res.status}`);
    const serverMs = Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? Number.NaN);
    return { ...(JSON.parse(res.text) as { cookie: unknown; patch: unknown[] }), serverMs };
  }
}

/** Opens a socket and completes the hello handshake; `onPoke` gets the arrival time. */
export function openPokeSocket(url: string, token: string, onPoke: (at: bigint) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/ws`);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => {
      const at = process.hrtime.bigint();
      const type = (JSON.parse(data.toString()) as { type: string }).type;
      if (type === 'ready') resolve(ws);
      else if (type === 'poke') onPoke(at);
    });
    ws.on('error', reject);
    ws.on('close', (code) => reject(new Error(`closed ${code}`)));
  });
}

export async function openMany(count: number, open: () => Promise<WebSocket>, parallel = 200): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += parallel) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, open))));
  }
  return sockets;
}
