import type { RequestHandler } from 'express';
import { release } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { databaseRetryAfterSeconds } from '../http/error-handler.ts';
import type { SocketRegistry } from '../sync/sockets.ts';

/** Longer than this and the database counts as unreachable, so a load balancer is told in time. */
const probeTimeoutMs = 2000;

/** Whether the database answers `SELECT 1` within the probe's timeout. */
export function probe(db: Database): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
  });
  return Promise.race([db.query('SELECT 1').then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /api/health`: 200 when the database answers, 503 with the reason when it does not. A hub
 * names its cloud, so a page it served can offer the cloud as the other path.
 */
export function healthRoute(db: Database, registry: SocketRegistry, minClientSchemaVersion: number, hub?: { upstream: string }): RequestHandler {
  // What a client compares with its own build (DESIGN.md's names).
  const versions = { version: release, minClientSchemaVersion };
  return async (_req, res) => {
    try {
      await probe(db);
      res.json({ status: 'ok', database: db.kind, connections: registry.all().length, ...versions, ...(hub ? { hub } : {}) });
    } catch (err) {
      res.status(503).set('Retry-After', String(databaseRetryAfterSeconds)).json({
        status: 'unavailable',
        database: db.kind,
        reason: `database unreachable: ${(err as Error).message}`,
        connections: registry.all().length,
        ...versions,
      });
    }
  };
}
