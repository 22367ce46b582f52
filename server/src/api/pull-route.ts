import type { RequestHandler } from 'express';
import { principalOf } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { pullRequestSchema } from '../sync/protocol.ts';
import { processPull } from '../sync/pull.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { serverTiming, type Metrics } from './metrics.ts';

/** `POST /api/replicache/pull` (JSON body parsed by the app): protocol errors Replicache must act on go out with HTTP 200. */
export function pullRoute(engine: SyncEngine, metrics: Metrics): RequestHandler {
  return async (req, res) => {
    const pull = parse(pullRequestSchema, req.body, 'pull request');
    metrics.pulls += 1;
    const start = process.hrtime.bigint();
    const response = await processPull(engine, principalOf(res), pull);
    res.set('Server-Timing', serverTiming(start)).json(response);
  };
}
