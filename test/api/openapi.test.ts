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
});
