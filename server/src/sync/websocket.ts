import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { TokenResolver } from '../auth/principal.ts';
import type { Connection, SocketRegistry } from './sockets.ts';

/** 1013 is the standard "try again later": the client reconnects, where 4401 would make it give up. */
export const closeCodes = { badToken: 4401, revoked: 4403, helloTimeout: 4408, tryAgainLater: 1013 } as const;

const helloSchema = z.object({ type: z.literal('hello'), token: z.string().max(512) });
const helloTimeoutMs = 10_000;

/**
 * `GET /api/ws`: the first message must be `{"type":"hello","token":…}`; then the server sends
 * pokes and broadcasts. Pings find dead peers: a socket that missed a pong is dropped.
 */
export function attachWebSocket(
  server: Server,
  resolver: TokenResolver,
  registry: SocketRegistry,
  heartbeatMs: number,
  /** A client's message after the hello (a kitchen screen names its stations: server/src/screens). */
  onMessage: (conn: Connection, frame: unknown) => void = () => undefined,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/api/ws') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => greet(ws));
  });

  function greet(ws: WebSocket) {
    const timer = setTimeout(() => ws.close(closeCodes.helloTimeout, 'hello expected'), helloTimeoutMs);
    ws.once('message', async (data) => {
      clearTimeout(timer);
      registry.counters.messagesIn += 1;
      const hello = helloSchema.safeParse(safeJson(data.toString()));
      let unavailable = false;
      const principal = hello.success ? await resolver.resolve(hello.data.token).catch(() => void (unavailable = true)) : undefined;
      if (unavailable) {
        ws.close(closeCodes.tryAgainLater, 'database unavailable');
        return;
      }
      const tenantId = principal?.tenantId;
      if (!principal || !tenantId || principal.role === 'admin') {
        ws.close(closeCodes.badToken, 'bad token');
        return;
      }
      if (ws.readyState !== ws.OPEN) return; // the peer left while its token was checked
      const conn = registry.add(ws, { ...principal, tenantId });
      ws.on('pong', () => (conn.alive = true));
      ws.on('message', (data) => {
        registry.counters.messagesIn += 1;
        onMessage(conn, safeJson(data.toString()));
      });
      ws.on('close', () => registry.remove(conn));
      registry.send(conn, JSON.stringify({ type: 'ready' }));
    });
    ws.on('error', () => ws.terminate());
  }

  const heartbeat = setInterval(() => {
    for (const conn of registry.all()) {
      if (!conn.alive) {
        conn.socket.terminate();
        registry.remove(conn);
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    close() {
      clearInterval(heartbeat);
      for (const conn of registry.all()) conn.socket.terminate();
      wss.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
