import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { adminRoutes } from './api/admin-routes.ts';
import { healthRoute, probe } from './api/health-route.ts';
import { overviewRoute } from './api/overview-route.ts';
import { HubLinks } from './admin/hub-links.ts';
import { hubRoutes } from './api/hub-routes.ts';
import { openApiRoute, restRoutes } from './api/rest-routes.ts';
import { prometheusText, type Metrics } from './api/metrics.ts';
import { monitoringRoutes } from './api/monitoring-routes.ts';
import type { RateMeter } from './api/rate-meter.ts';
import type { TokenResolver } from './auth/principal.ts';
import type { HubSync } from './hub/hub-sync.ts';
import { mirroredEpoch } from './hub/mirror.ts';
import { hubTerminalRoutes } from './hub/terminal-routes.ts';
import type { Database } from './db/database.ts';
import { pullRoute } from './sync/pull.ts';
import { pushRoute } from './sync/push.ts';
import { currentEpoch } from './sync/restore-epochs.ts';
import type { SyncEngine } from './sync/sync-engine.ts';
import { isProduction, type Env } from './env.ts';
import { authenticate, requireRole } from './http/auth.ts';
import { cors } from './http/cors.ts';
import { errorHandler, noRoute } from './http/error-handler.ts';
import { rateLimit } from './http/rate-limit.ts';
import { jsonBody } from './http/json-body.ts';
import { requestLog } from './http/request-log.ts';
import { requestTarget } from './http/request-target.ts';
import { staticUi } from './http/static-ui.ts';
import type { SocketRegistry } from './sync/sockets.ts';


export interface AppDeps {
  db: Database;
  /** This process's sync state: write queue, known views, commit fan-out. */
  engine: SyncEngine;
  env: Env;
  logger: Logger;
  resolver: TokenResolver;
  registry: SocketRegistry;
  meter: RateMeter;
  metrics: Metrics;
  /** Set when this server runs as a restaurant hub (HUB_UPSTREAM). */
  hub?: HubSync;
}

/** Builds the HTTP app; no globals, no listening (main.ts and tests do that). */
export function createApp(deps: AppDeps): Express {
  const { db, engine, env, logger, resolver, registry, meter, metrics } = deps;
  const startedAt = Date.now();
  const hubLinks = new HubLinks();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestLog(logger));
  app.use((_req, res, next) => {
    metrics.requests += 1;
    res.on('finish', () => (metrics.errors += res.statusCode >= 500 ? 1 : 0));
    next();
  });
  app.use(requestTarget);

  app.use(cors(env.CORS_ORIGINS));
  app.get('/api/health', healthRoute(db, registry, engine.minClientSchema, deps.hub && { upstream: deps.hub.upstreamUrl }));

  app.get('/api/openapi.json', openApiRoute());

  const api = express.Router();
  api.use(authenticate(resolver), rateLimit(env.RATE_LIMIT_RPS, env.RATE_LIMIT_BURST));
  api.get('/metrics', requireRole('admin'), (_req, res) => {
    res.type('text/plain; version=0.0.4').send(prometheusText(metrics, registry, engine.writes.counters));
  });
  // A hub answers its terminals' pushes through its link to the cloud; pulls are the ordinary ones.
  if (deps.hub) api.use(jsonBody(env.PUSH_BODY_LIMIT), hubTerminalRoutes(deps.hub));
  api.post('/replicache/push', jsonBody(env.PUSH_BODY_LIMIT), pushRoute(engine, env.PUSH_MUTATION_CAP, metrics));
  api.post('/replicache/pull', jsonBody(env.PUSH_BODY_LIMIT), pullRoute(engine, metrics));
  api.use('/hub', jsonBody(env.PUSH_BODY_LIMIT), hubRoutes(engine, { mutationCap: env.PUSH_MUTATION_CAP }, hubLinks, deps.hub ? mirroredEpoch : currentEpoch));
  api.get('/admin/overview', requireRole('admin'), overviewRoute({ db, registry, links: hubLinks, startedAt, probe: () => probe(db), hub: deps.hub }));
  api.use(jsonBody('1mb'));
  api.use('/admin', adminRoutes(db, resolver));
  api.use('/websocket', monitoringRoutes(db, registry, meter));
  api.use(restRoutes({ db, engine, registry, checkResponses: !isProduction(env) }));
  app.use('/api', api);
  app.use('/api', noRoute);
  app.use(staticUi());
  // Whatever no route took (a POST to a page, say) answers JSON, not express's HTML page.
  app.use(noRoute);
  app.use(errorHandler(logger));
  return app;
}
