import type { Request, Response, Router } from 'express';
import { isStorableJson } from '../db/storable-text.ts';
import { HttpError } from '../http/http-error.ts';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { principalOf, requireRole, tenantOf } from '../http/auth.ts';
import { parse } from '../http/validate.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type StaffRole = 'manager' | 'kitchen';

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly db: Database;
  /** Writes go through this process's sync engine (`writeThrough`). */
  readonly engine: SyncEngine;
  readonly tenantId: string;
  readonly principal: Principal;
  readonly requestId: string;
  readonly res: Response;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the OpenAPI document says about an endpoint. */
export interface RouteDoc {
  readonly method: Method;
  /** Under `/api`, in express syntax (`/orders/:id`). */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly roles: readonly string[];
  /** Needs no token. */
  readonly public?: true;
  readonly params?: z.ZodType | undefined;
  readonly query?: z.ZodType | undefined;
  /** An optional schema (`.optional()`) lets the body be left out altogether. */
  readonly body?: z.ZodType | undefined;
  /** No schema: no body (204), or `text/plain` when `text` is set. */
  readonly success: { readonly status: 200 | 201 | 202 | 204; readonly schema?: z.ZodType; readonly text?: true; readonly description: string };
  /** Error statuses this endpoint can answer besides 401/403/429 (which every endpoint with a token can). */
  readonly errors: readonly (400 | 404 | 409 | 413 | 422)[];
}

/**
 * One endpoint, described once: the router validates with these schemas and the OpenAPI document
 * is generated from the same objects, so the two cannot drift apart.
 */
export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> extends RouteDoc {
  readonly roles: readonly (StaffRole | 'customer')[];
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly success: { readonly status: 200 | 201; readonly schema: z.ZodType; readonly description: string };
  handle(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

export type AnyRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

export function defineRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

export interface MountOptions {
  readonly db: Database;
  readonly engine: SyncEngine;
  /** Outside production every answer is checked against its documented schema (a mismatch is a 500). */
  readonly checkResponses: boolean;
}

/** Postgres cannot store NUL or lone surrogates: such input is a 400 here, not a 500 at the database. */
function assertStorable(req: Request): void {
  for (const [what, value] of [['path parameters', req.params], ['query', req.query], ['body', req.body]] as const) {
    if (!isStorableJson(value)) {
      throw new HttpError(400, 'invalid_request', `invalid ${what}`, [{ path: '', message: 'contains characters that cannot be stored (NUL or a lone surrogate)' }]);
    }
  }
}

/** Auth (401) runs before the router; then role (403), then parameters, query and body (400). */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], options: MountOptions): void {
  for (const route of routes) {
    router[route.method](route.path, requireRole(...route.roles), async (req, res) => {
      const tenantId = tenantOf(res);
      assertStorable(req);
      const ctx: RouteContext<unknown, unknown, unknown> = {
        params: route.params ? parse(route.params, req.params, 'path parameters') : undefined,
        query: route.query ? parse(route.query, req.query, 'query') : undefined,
        body: route.body ? parse(route.body, req.body, 'body') : undefined,
        db: options.db,
        engine: options.engine,
        tenantId,
        principal: principalOf(res),
        requestId: res.locals.requestId as string,
        res,
      };
      const body = await route.handle(ctx);
      if (options.checkResponses) {
        const checked = route.success.schema.safeParse(body);
        if (!checked.success) throw new Error(`${route.method} ${route.path} answered off its schema: ${checked.error.message}`);
      }
      res.status(route.success.status).json(body);
    });
  }
}
