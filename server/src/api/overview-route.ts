import type { RequestHandler } from 'express';
import type { OverviewDeps } from '../admin/server-overview.ts';
import { serverOverview } from '../admin/server-overview.ts';

/** `GET /api/admin/overview` (admin): the figures the admin page's server view opens with. */
export function overviewRoute(deps: OverviewDeps): RequestHandler {
  return async (_req, res) => {
    res.json(await serverOverview(deps));
  };
}
