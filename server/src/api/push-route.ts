import type { RequestHandler } from 'express';
import { principalOf } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { pushRequestSchema } from '../sync/protocol.ts';
import { processPush } from '../sync/push.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { serverTiming, type Metrics } from './metrics.ts';

/** `POST /api/replicache/push` (JSON body parsed by the app, up to PUSH_BODY_LIMIT): protocol errors Replicache must act on go out with HTTP 200. */
export function pushRoute(engine: SyncEngine, mutationCap: number, metrics: Metrics): RequestHandler {
  return async (req, res) => {
    const push = parse(pushRequestSchema, req.body, 'push request');
    const start = process.hrtime.bigint();
    const result = await processPush(engine, principalOf(res), push, mutationCap);
    metrics.mutationsPushed += result.processed;
    res.set('Server-Timing', serverTiming(start)).json(result.response);
  };
}
