import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restApi } from '../../server/src/api/rest-routes.ts';
import { api, backends, startServer, type ApiResponse, type TestServer } from '../support/server.ts';
import { endpointsOf, type Endpoint } from './support/endpoints.ts';
import { seedTenant, snapshot, type SeededTenant } from './support/fixtures.ts';
import { errorCode, ok } from './support/rest.ts';

describe.each(backends)('every REST endpoint refuses what it must (%s)', (backend) => {
  let server: TestServer;
  let a: SeededTenant;
  let b: SeededTenant;
  let endpoints: Endpoint[];
  let revokedToken: string;
  const answers: { who: 'a' | 'b'; sent: string; res: ApiResponse }[] = [];

  beforeAll(async () => {
    server = await startServer({ backend });
    a = await seedTenant(server, 'alpha');
    b = await seedTenant(server, 'bravo');
    endpoints = endpointsOf(a);
    const extra = await ok(server, server.adminToken, 'POST', `/api/admin/tenants/${a.tenantId}/tokens`, { role: 'manager', label: 'leaver' }, 201);
    await ok(server, server.adminToken, 'DELETE', `/api/admin/tokens/${extra.id}`, undefined, 204);
    revokedToken = extra.token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Sends a request, keeps the answer for the cross-tenant leak check, and never accepts a 5xx. */
  async function call(who: 'a' | 'b', token: string | undefined, e: Endpoint, over: { path?: string; body?: unknown } = {}) {
    const path = over.path ?? e.path;
    const body = 'body' in over ? over.body : e.body;
    const res = await api(server, token, e.method, path, body);
    expect(res.status, `${e.method} ${path}`).toBeLessThan(500);
    answers.push({ who, sent: path + JSON.stringify(body ?? ''), res });
    return res;
  }

  /** Runs `fn` and checks the database is exactly as before. */
  async function unchanged(fn: () => Promise<void>) {
    const before = await snapshot(server.running.db);
    await fn();
    expect(await snapshot(server.running.db)).toEqual(before);
  }

  const expectStatus = (res: ApiResponse, status: number, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
    expect(errorCode(res), `${what} answers the error shape`).toEqual(expect.any(String));
  };

  it('the table covers every route the server mounts', () => {
    for (const route of restApi) {
      const pattern = new RegExp(`^/api${route.path.replace(/:\w+/g, '[^/]+')}$`);
      const covered = endpoints.some((e) => e.method === route.method.toUpperCase() && pattern.test(e.path.split('?')[0] ?? ''));
      expect(covered, `${route.method} ${route.path}`).toBe(true);
    }
  });

  it('no token or a revoked one is 401', () =>
    unchanged(async () => {
      for (const e of endpoints) {
        expectStatus(await call('a', undefined, e), 401, `${e.method} ${e.path} without a token`);
        expectStatus(await call('a', revokedToken, e), 401, `${e.method} ${e.path} with a revoked token`);
        expectStatus(await call('a', 'not-a-real-token-at-all-1234', e), 401, `${e.method} ${e.path} with an unknown token`);
      }
    }));

  it('a role that may not call the endpoint is 403: admin, customer (tracking token), kitchen on manager endpoints', () =>
    unchanged(async () => {
      for (const e of endpoints) {
        expectStatus(await call('a', server.adminToken, e), 403, `${e.method} ${e.path} as admin`);
        if (!e.roles.includes('customer')) expectStatus(await call('a', a.draft.trackingToken, e), 403, `${e.method} ${e.path} as a customer`);
        if (!e.roles.includes('kitchen')) expectStatus(await call('a', a.kitchenToken, e), 403, `${e.method} ${e.path} as kitchen`);
      }
    }));

  it("another tenant's ids are 404 and its lists hold only its own data", () =>
    unchanged(async () => {
      for (const e of endpoints) {
        if (e.crossTenant === 'skip') continue;
        const res = await call('b', b.managerToken, e);
        if (e.crossTenant === 'not_found') expectStatus(res, 404, `${e.method} ${e.path} from another tenant`);
        else expect(res.status, `${e.method} ${e.path} from another tenant`).toBe(200);
      }
    }));

  it('malformed JSON, bodies of the wrong shape or types, and bad queries are 400', () =>
    unchanged(async () => {
      for (const e of endpoints) {
        const token = e.roles.includes('manager') ? a.managerToken : a.kitchenToken;
        if (e.body !== undefined || e.badBodies) {
          const res = await call('a', token, e, { body: '{"channel": "dine_in", ' });
          expectStatus(res, 400, `${e.method} ${e.path} with malformed JSON`);
          expect(errorCode(res)).toBe('malformed_json');
        }
        for (const body of e.badBodies ?? []) {
          const res = await call('a', token, e, { body });
          expectStatus(res, 400, `${e.method} ${e.path} with ${JSON.stringify(body)}`);
          expect(errorCode(res)).toBe('invalid_request');
        }
        for (const query of e.badQueries ?? []) {
          expectStatus(await call('a', token, e, { path: `${e.path}?${query}` }), 400, `${e.method} ${e.path}?${query}`);
        }
      }
    }));

  it('unknown ids are 404 and ids no resource can have are 400', () =>
    unchanged(async () => {
      for (const e of endpoints) {
        if (e.unknown) expectStatus(await call('a', a.managerToken, e, { path: e.unknown }), 404, `${e.method} ${e.unknown}`);
        if (e.malformedId) expectStatus(await call('a', a.managerToken, e, { path: e.malformedId }), 400, `${e.method} ${e.malformedId}`);
      }
    }));

  it('refused moves are 409 and domain refusals 422, changing nothing', () =>
    unchanged(async () => {
      const m = a.managerToken;
      const refusals: [string, string, unknown, number, string][] = [
        ['PUT', `/api/orders/${a.confirmed.id}/confirm`, undefined, 409, 'illegal_transition'],
        ['PUT', `/api/orders/${a.draft.id}/status`, { status: 'delivered' }, 409, 'illegal_transition'],
        ['PUT', `/api/orders/${a.confirmed.id}/status`, { status: 'delivering' }, 409, 'illegal_transition'],
        ['POST', `/api/orders/${a.draft.id}/production-contract/reissue`, undefined, 409, 'illegal_transition'],
        ['POST', '/api/kitchen/orders', { orderId: a.confirmed.id }, 409, 'already_exists'],
        ['POST', `/api/kitchen/orders/from-contract/${a.contractId}`, undefined, 409, 'already_exists'],
        ['PUT', `/api/kitchen/orders/${a.tickets[0]?.id}/status`, { status: 'in_progress' }, 409, 'illegal_transition'],
        ['PUT', `/api/kitchen/orders/${a.tickets[0]?.id}/status`, { status: 'completed' }, 409, 'illegal_transition'],
        ['PUT', `/api/kitchen/orders/${a.tickets[0]?.id}/items/status`, { itemId: 'nope', status: 'done' }, 404, 'not_found'],
        ['PUT', `/api/kitchen/orders/${a.tickets[0]?.id}/status`, { status: 'held' }, 409, 'illegal_transition'],
        ['POST', `/api/orders/${a.confirmed.id}/courses/1/fire`, undefined, 409, 'illegal_transition'],
        ['POST', `/api/orders/${a.confirmed.id}/courses/2/fire`, undefined, 409, 'illegal_transition'],
        ['POST', `/api/orders/${a.confirmed.id}/hand-off`, undefined, 409, 'illegal_transition'],
        ['POST', `/api/orders/${a.draft.id}/hand-off`, undefined, 409, 'illegal_transition'],
        ['POST', '/api/products', { id: a.productId, name: 'Dup', priceCents: 1, stationType: 'grill', prepSeconds: 1 }, 409, 'already_exists'],
        ['POST', '/api/kitchen/stations', { id: a.stationId, name: 'Dup', type: 'grill', capacity: 1 }, 409, 'already_exists'],
        ['POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Eve' }, items: [{ productId: 'nope-404', quantity: 1 }] }, 404, 'not_found'],
        ['GET', `/api/orders/${a.draft.id}/production-contract`, undefined, 404, 'not_found'],
        ['GET', `/api/orders/${a.confirmed.id}/production-contract?version=2`, undefined, 404, 'not_found'],
      ];
      for (const [method, path, body, status, code] of refusals) {
        const res = await api(server, m, method, path, body);
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
        expect(errorCode(res)).toBe(code);
      }
    }));

  it('a product off the menu is 422, and nothing is written', async () => {
    await ok(server, a.managerToken, 'PUT', `/api/products/${a.productId}`, { active: false });
    await unchanged(async () => {
      const res = await api(server, a.managerToken, 'POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Eve' }, items: [{ productId: a.productId, quantity: 1 }] });
      expect(res.status).toBe(422);
      expect(errorCode(res)).toBe('invalid_args');
    });
    await ok(server, a.managerToken, 'PUT', `/api/products/${a.productId}`, { active: true });
  });

  it('a body over the limit is 413', () =>
    unchanged(async () => {
      const huge = { channel: 'dine_in', customer: { name: 'Eve' }, items: [{ productId: 'fries', quantity: 1, notes: 'x'.repeat(2 * 1024 * 1024) }] };
      const res = await api(server, a.managerToken, 'POST', '/api/orders', huge);
      expect(res.status).toBe(413);
      expect(errorCode(res)).toBe('body_too_large');
    }));

  it("no answer to one tenant holds the other tenant's data", () => {
    expect(answers.length).toBeGreaterThan(200);
    for (const { who, sent, res } of answers) {
      const text = JSON.stringify(res.body ?? '');
      // An error may echo an id the caller sent; anything else of the other tenant is a leak.
      const secrets = (who === 'a' ? b : a).secrets.filter((s) => !sent.includes(s));
      for (const secret of secrets) expect(text, `leak of ${secret}`).not.toContain(secret);
    }
    const own = answers.filter((x) => x.who === 'b' && x.res.status === 200);
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((x) => JSON.stringify(x.res.body).includes(b.productId))).toBe(true);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once a token is over it', async () => {
    const server = await startServer({ env: { RATE_LIMIT_RPS: '1', RATE_LIMIT_BURST: '3' } });
    try {
      const token = server.adminToken;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i += 1) {
        const res = await api(server, token, 'GET', '/api/orders');
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
      expect(statuses.slice(3)).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await server.stop();
    }
  });
});
