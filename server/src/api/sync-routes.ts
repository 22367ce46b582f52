import { Router } from 'express';
import { principalOf } from '../http/auth.ts';
import { parse } from '../http/validate.ts';
import { pullRequestSchema, pushRequestSchema } from '../sync/protocol.ts';
import { processPull } from '../sync/pull.ts';
import { processPush } from '../sync/push.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { Metrics } from './metrics.ts';

export interface SyncLimits {
  mutationCap: number;
}

/** The sync work's own time, without HTTP and JSON parsing: what `pnpm bench sync` reports as server time. */
const serverTiming = (start: bigint) => `sync;dur=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(2)}`;

/** Replicache's endpoints (JSON bodies parsed by the app, up to PUSH_BODY_LIMIT): protocol errors Replicache must act on go out with HTTP 200. */
export function syncRoutes(engine: SyncEngine, limits: SyncLimits, metrics: Metrics): Router {
  const router = Router();

  router.post('/push', async (req, res) => {
    const push = parse(pushRequestSchema, req.body, 'push request');
    const start = process.hrtime.bigint();
    const result = await processPush(engine, principalOf(res), push, limits.mutationCap);
    metrics.mutationsPushed += result.processed;
    res.set('Server-Timing', serverTiming(start)).json(result.response);
  });
  router.post('/pull', async (req, res) => {
    const pull = parse(pullRequestSchema, req.body, 'pull request');
    metrics.pulls += 1;
    const start = process.hrtime.bigint();
    const response = await processPull(engine, principalOf(res), pull);
    res.set('Server-Timing', serverTiming(start)).json(response);
  });
  return router;
}
