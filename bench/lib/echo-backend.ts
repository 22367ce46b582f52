// The floor's backend: Replicache's push/pull protocol and a poke socket with nothing behind them.
// A push keeps each mutation's args under `product/<id>` and pokes every socket at once; a pull
// answers everything newer than its cookie. Loopback only. With `behind`, each push first runs
// `behind.push` and each pull `behind.pull` (a Postgres transaction and a read, for the floor
// measured end to end).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

interface Entry {
  key: string;
  value: unknown;
  version: number;
}

const body = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
};

export interface Behind {
  push(version: number): Promise<void>;
  pull(since: number): Promise<void>;
}

export async function startEchoBackend(behind?: Behind): Promise<{ url: string; close(): Promise<void> }> {
  const entries: Entry[] = [];
  /** Each client's last mutation id, and the version it was set at (a pull answers only those newer than its cookie). */
  const lmids = new Map<string, { id: number; version: number }>();
  const sockets = new Set<WebSocket>();
  let version = 0;
  const server = createServer((req, res) => {
    // A request still in flight as the run ends (a last pull on a poke) must not end the process.
    answer(req).then(
      (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  async function answer(req: IncomingMessage): Promise<string> {
    const json = await body(req);
    let reply: unknown = {};
    if (req.url?.endsWith('/push')) {
      for (const m of json.mutations as { id: number; clientID: string; args: { id?: string } }[]) {
        // A client re-sends its mutations until a pull confirms them: each is applied once.
        if (m.id <= (lmids.get(m.clientID)?.id ?? 0)) continue;
        version += 1;
        entries.push({ key: `product/${m.args.id ?? version}`, value: m.args, version });
        lmids.set(m.clientID, { id: m.id, version });
      }
      await behind?.push(version);
      for (const s of sockets) s.send('{"type":"poke"}');
    } else {
      const since = (json.cookie as number | null) ?? 0;
      await behind?.pull(since);
      reply = {
        cookie: version,
        lastMutationIDChanges: Object.fromEntries([...lmids].filter(([, l]) => l.version > since).map(([client, l]) => [client, l.id])),
        patch: entries.filter((e) => e.version > since).map((e) => ({ op: 'put', key: e.key, value: e.value })),
      };
    }
    return JSON.stringify(reply);
  }
  const wss = new WebSocketServer({ server, path: '/api/ws' });
  wss.on('connection', (ws) => {
    ws.once('message', () => {
      sockets.add(ws);
      ws.send('{"type":"ready"}');
    });
    ws.on('close', () => sockets.delete(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
