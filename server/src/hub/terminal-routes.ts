import { Router } from 'express';
import { principalOf, requireRole } from '../http/auth.ts';
import { forbidden, HttpError } from '../http/http-error.ts';
import { parse } from '../http/validate.ts';
import { pushRequestSchema } from '../sync/protocol.ts';
import type { HubSync } from './hub-sync.ts';

/**
 * What a hub serves its terminals besides the ordinary pull and socket: pushes go through the
 * hub's link to the cloud, and the hub says how far behind the cloud it is.
 */
export function hubTerminalRoutes(hub: HubSync): Router {
  const router = Router();
  // Every change must reach the cloud in order: a REST or admin write applied here alone would not.
  router.use((req, _res, next) => {
    // `POST /hub/pull` only reads: the hub's own copy, for its hub token (an operator comparing it with the cloud's).
    const readOnly = req.method === 'GET' || req.method === 'HEAD' || req.path.startsWith('/replicache/') || req.path === '/hub/pull';
    next(readOnly ? undefined : new HttpError(405, 'hub_read_only', 'a restaurant hub takes changes through sync only; send REST and admin writes to the cloud'));
  });
  router.post('/replicache/push', async (req, res) => {
    const push = parse(pushRequestSchema, req.body, 'push request');
    const principal = principalOf(res);
    if (principal.role !== 'manager' && principal.role !== 'kitchen') throw forbidden(`a ${principal.role} token cannot push`);
    const answer = await hub.push(principal, push);
    res.status(answer.status).json(answer.body);
  });
  router.get('/hub/status', requireRole('manager', 'kitchen', 'admin'), async (_req, res) => {
    res.json(await hub.status());
  });
  return router;
}
