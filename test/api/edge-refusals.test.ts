import { connect } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, startServer, type TestServer } from '../support/server.ts';
import { seedTenant, snapshot, type SeededTenant } from './support/fixtures.ts';

/** Issue 23, point 10: what integrators met at the edges, each a 4xx with the error body and no change. */
describe.each(backends)('refusals at the edges (%s)', (backend) => {
  let server: TestServer;
  let a: SeededTenant;
  beforeAll(async () => {
    server = await startServer({ backend });
    a = await seedTenant(server, 'edge');
  });
  afterAll(async () => server?.stop());

  /** One raw request on its own connection; the answer as status and parsed body. */
  const raw = (request: string) =>
    new Promise<{ status: number; type: string; body: any }>((resolve, reject) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(request));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        const end = text.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(text)?.[1];
        if (end >= 0 && length && text.length >= end + 4 + Number(length)) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
        resolve({ status: Number(head.split(' ')[1]), type, body: type.startsWith('application/json') ? JSON.parse(body) : body });
      });
    });
  const refused = { error: { code: 'bad_request', message: expect.any(String) } };

  it('an HTTP/1.1 request without Host, an asterisk target and OPTIONS * answer 400 with the error body', async () => {
    for (const request of [
      'GET /api/health HTTP/1.1\r\n\r\n',
      'POST /api/orders HTTP/1.1\r\nContent-Length: 0\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
      'OPTIONS * HTTP/1.1\r\n\r\n',
    ]) {
      const answer = await raw(request);
      expect(answer, JSON.stringify(request)).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/json/), body: refused });
    }
  });

  it('what HTTP allows still works: HTTP/1.0 without Host, an absolute target', async () => {
    expect(await raw('GET /api/health HTTP/1.0\r\n\r\n')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await raw('GET http://x/api/health HTTP/1.1\r\nHost: x\r\n\r\n')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('a request no route takes answers a JSON 404, not an HTML page', async () => {
    for (const request of ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n', 'DELETE /track/x HTTP/1.1\r\nHost: x\r\n\r\n', 'PATCH /kitchen/x HTTP/1.1\r\nHost: x\r\n\r\n']) {
      expect(await raw(request), request).toMatchObject({ status: 404, type: expect.stringMatching(/^application\/json/), body: { error: { code: 'not_found' } } });
    }
  });

  it('firing a course checks the role first: admin and customer tokens get 403 whatever the order or course', async () => {
    const before = await snapshot(server.running.db);
    const paths = [`/api/orders/${a.confirmed.id}/courses/2/fire`, '/api/orders/no-such-order/courses/2/fire', `/api/orders/${a.confirmed.id}/courses/first/fire`, '/api/orders/bad!id/courses/0/fire'];
    for (const path of paths) {
      for (const token of [server.adminToken, a.confirmed.trackingToken]) {
        const res = await api(server, token, 'POST', path);
        expect(res, path).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      }
    }
    expect((await api(server, a.managerToken, 'POST', '/api/orders/no-such-order/courses/2/fire')).status).toBe(404);
    expect(await snapshot(server.running.db)).toEqual(before);
  });

  it("PUT /api/tenant/settings refuses exactly what its documented schema refuses", async () => {
    const doc = (await api(server, undefined, 'GET', '/api/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false });
    for (const [id, schema] of Object.entries(doc.components.schemas as Record<string, object>)) ajv.addSchema(schema, `#/components/schemas/${id}`);
    const documented = ajv.getSchema('#/components/schemas/UpdateTenantSettings');
    if (!documented) throw new Error('UpdateTenantSettings is not in the document');
    const bodies = [
      {}, { name: 'Edge Bistro' }, { phone: null }, { phone: '+44 20 7946 0000' }, { phone: ' (020) 7946-0000 ' }, { phone: '12-34' },
      { phone: 'n/a' }, { phone: '0800 FLOWERS' }, { phone: '++44 1234' }, { name: 'Edge', phone: '+1 555.0100' }, { nickname: 'x' },
    ];
    for (const body of bodies) {
      const res = await api(server, a.managerToken, 'PUT', '/api/tenant/settings', body);
      expect(res.status === 200, `${JSON.stringify(body)}: server ${res.status}, schema ${String(documented(body))}`).toBe(documented(body));
      if (res.status !== 200) expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
  });
});
