import type { Server } from 'node:http';

const idleSweepMs = 50;

/**
 * Stops `server` accepting connections and lets the requests in flight finish and answer (a push
 * mid-transaction is acknowledged, not cut off for its client to wonder about); connections fall
 * away as they go idle. Whatever is still open after `graceMs` is closed.
 */
export function drainHttp(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), idleSweepMs);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
  });
}
