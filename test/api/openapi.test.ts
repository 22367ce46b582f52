import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restApi } from '../../server/src/api/rest-routes.ts';
import { api, startServer, type TestServer } from '../support/server.ts';

/** Every `$ref` in a document, wherever it sits. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refs(value, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: any;
  beforeAll(async () => {
    server = await startServer();
    const res = await api(server, undefined, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is OpenAPI 3.1, served without a token, with bearer auth', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('describes every mounted REST route with its parameters, body and answers', () => {
    for (const route of restApi) {
      const op = doc.paths[`/api${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name)).toEqual(pathParams);
      expect(Object.keys(op.responses)).toContain(String(route.success.status));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
      expect(Boolean(op.requestBody)).toBe(Boolean(route.body));
    }
  });

  it('generates component schemas from zod, and every reference resolves', () => {
    const schemas = doc.components.schemas;
    for (const ref of refs(doc)) {
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(schemas.CreateOrder.properties.channel.enum).toEqual(['dine_in', 'takeaway', 'delivery', 'online']);
    expect(schemas.CreateOrder.required).toEqual(['channel', 'customer', 'items']);
    expect(schemas.Order.properties.status.enum).toContain('in_preparation');
    const list = doc.paths['/api/orders'].get.parameters.map((p: any) => p.name);
    expect(list).toEqual(['status', 'channel', 'from', 'to', 'customer', 'limit', 'cursor']);
  });

  it('documents coursing, 86 and the expo hand-off: routes, roles, refusals and the new fields', () => {
    const fire = doc.paths['/api/orders/{id}/courses/{course}/fire'].post;
    expect(fire.parameters.map((p: any) => [p.name, p.in])).toEqual([['id', 'path'], ['course', 'path']]);
    expect(fire.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/KitchenOrderList' });
    expect(Object.keys(fire.responses)).toContain('409');
    const soldOut = doc.paths['/api/products/{id}/sold-out'].put;
    expect(soldOut.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SetProductSoldOut' });
    const handOff = doc.paths['/api/orders/{id}/hand-off'].post;
    for (const op of [fire, soldOut, handOff]) expect(op.description).toContain('Roles: manager, kitchen.');
    expect(doc.paths['/api/orders'].post.responses['409'].description).toContain('sold_out');

    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.CreateOrder.properties)).toEqual(expect.arrayContaining(['allergy', 'table', 'guests']));
    expect(Object.keys(schemas.CreateOrder.properties.items.items.properties)).toEqual(expect.arrayContaining(['course', 'allergy']));
    expect(schemas.KitchenOrder.properties.status.enum).toEqual(['held', 'queued', 'in_progress', 'ready', 'completed', 'cancelled']);
    expect(Object.keys(schemas.KitchenOrder.properties)).toEqual(expect.arrayContaining(['course', 'guestAllergies', 'table', 'guests', 'firedAt', 'closedBy']));
    expect(schemas.Product.properties.soldOut).toEqual({ type: 'boolean' });
    expect(Object.keys(schemas.UpdateStation.properties)).toEqual(expect.arrayContaining(['warnMinutes', 'lateMinutes']));
  });
});

describe('the documented answers of the health, admin, monitoring and sync endpoints', () => {
  it('match what those endpoints send', async () => {
    const server = await startServer();
    try {
      const schemas = await import('../../server/src/api/schemas/platform-schemas.ts');
      const admin = server.adminToken;
      const check = async (schema: { parse(v: unknown): unknown }, token: string | undefined, method: string, path: string, body?: unknown, status = 200) => {
        const res = await api(server, token, method, path, body);
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
        schema.parse(res.body);
        return res.body;
      };
      await check(schemas.healthSchema, undefined, 'GET', '/api/health');
      const tenant = await check(schemas.tenantSchema, admin, 'POST', '/api/admin/tenants', { name: 'Doc Bistro' }, 201);
      await check(schemas.tenantListSchema, admin, 'GET', '/api/admin/tenants');
      const token = await check(schemas.issuedTokenSchema, admin, 'POST', `/api/admin/tenants/${tenant.id}/tokens`, { role: 'manager', label: 'doc' }, 201);
      await check(schemas.tokenListSchema, admin, 'GET', `/api/admin/tenants/${tenant.id}/tokens`);
      await check(schemas.databaseStatsSchema, admin, 'GET', '/api/admin/stats');
      await check(schemas.socketHealthSchema, token.token, 'GET', '/api/websocket/health');
      await check(schemas.socketStatsSchema, token.token, 'GET', '/api/websocket/stats');
      await check(schemas.socketConnectionsSchema, token.token, 'GET', `/api/websocket/connections/${tenant.id}`);
      await check(schemas.broadcastAcceptedSchema, token.token, 'POST', `/api/websocket/broadcast/${tenant.id}`, { message: 'hello' }, 202);
      const group = { clientGroupID: 'doc-group', profileID: 'p', schemaVersion: '1' };
      await check(schemas.pushResponseSchema, token.token, 'POST', '/api/replicache/push', { ...group, pushVersion: 1, mutations: [] });
      await check(schemas.pullResponseSchema, token.token, 'POST', '/api/replicache/pull', { ...group, pullVersion: 1, cookie: null });
      expect((await api(server, admin, 'DELETE', `/api/admin/tokens/${token.id}`)).status).toBe(204);
      const metrics = await api(server, admin, 'GET', '/api/metrics');
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      const doc = (await api(server, undefined, 'GET', '/api/openapi.json')).body;
      for (const path of ['/api/health', '/api/admin/tenants/{tenantId}/tokens', '/api/websocket/broadcast/{tenantId}', '/api/replicache/pull']) {
        expect(doc.paths[path], path).toBeDefined();
      }
      expect(doc.paths['/api/health'].get.security).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
