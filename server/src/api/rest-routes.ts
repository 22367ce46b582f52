import { Router } from 'express';
import type { Database } from '../db/database.ts';
import type { SocketRegistry } from '../sync/socket-registry.ts';

export interface RestDeps {
  db: Database;
  registry: SocketRegistry;
}

/** The REST resources of DESIGN.md (orders, kitchen, products, stations), written through the mutators. */
export function restRoutes(_deps: RestDeps): Router {
  return Router();
}
