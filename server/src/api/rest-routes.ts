import { Router, type RequestHandler } from 'express';
import { newId } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import type { SocketRegistry } from '../sync/sockets.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { kitchenRoutes } from './kitchen-routes.ts';
import { orderRecordRoutes } from './order-records-routes.ts';
import { orderRoutes } from './orders-routes.ts';
import { printerRoutes } from './printers-routes.ts';
import { productRoutes } from './products-routes.ts';
import { serviceRoutes } from './service-routes.ts';
import { openApiDocument } from './openapi.ts';
import { platformDocs } from './platform-docs.ts';
import { mountRoutes, type AnyRoute } from './route-spec.ts';
import { stationRoutes } from './stations-routes.ts';
import { tenantSettingsRoutes } from './tenant-settings-routes.ts';

export interface RestDeps {
  db: Database;
  engine: SyncEngine;
  registry: SocketRegistry;
  /** Check every answer against its documented schema (off in production). */
  checkResponses?: boolean;
}

/** Every REST endpoint, in matching order (`/orders/stats` before `/orders/:id`). */
export const restApi: readonly AnyRoute[] = [...orderRoutes, ...orderRecordRoutes, ...serviceRoutes, ...kitchenRoutes, ...stationRoutes, ...productRoutes, ...tenantSettingsRoutes, ...printerRoutes];

const clientRequestId = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Names each REST call, so the audit trail can point at it; a caller's own X-Request-Id is kept. */
const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  res.locals.requestId = given && clientRequestId.test(given) ? given : newId('req');
  res.set('X-Request-Id', res.locals.requestId as string);
  next();
};

/** The REST resources of DESIGN.md (orders, kitchen, products, stations), written through the mutators. */
export function restRoutes(deps: RestDeps): Router {
  const router = Router();
  router.use(requestId);
  mountRoutes(router, restApi, { db: deps.db, engine: deps.engine, checkResponses: deps.checkResponses ?? false });
  return router;
}

/** `GET /api/openapi.json` (no token): generated once, from the same specs the router runs. */
export function openApiRoute(): RequestHandler {
  let document: unknown;
  return (_req, res) => {
    document ??= openApiDocument([...platformDocs, ...restApi], { version: '1.0.0' });
    res.json(document);
  };
}
