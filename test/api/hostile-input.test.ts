import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRecordOf } from '../support/kitchen-fixture.ts';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, uniqueId } from '../support/sync-protocol.ts';

/** Issue 10's bad inputs that once answered 500: each is a 4xx with the error body, and changes nothing. */
describe.each(backends)('hostile input (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startServer({ backend, env: { HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '1000' } });
    tenant = await createTenant(server);
  });
  afterAll(async () => server.stop());

  const auth = () => ({ authorization: `Bearer ${tenant.managerToken}` });
  const rowCount = async (table: string) =>
    Number((await server.running.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n);
  const expectError = async (res: Response, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code: code ?? expect.any(String), message: expect.any(String) } });
  };

  it('answers a body with a corrupt Content-Encoding with 400 and changes nothing', async () => {
    const orders = await rowCount('orders');
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await fetch(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{}',
      });
      await expectError(res, 400);
    }
    const truncated = gzipSync(JSON.stringify({ channel: 'dine_in' })).subarray(0, 12);
    const res = await fetch(`${server.url}/api/replicache/push`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: truncated,
    });
    await expectError(res, 400);
    expect(await rowCount('orders')).toBe(orders);
  });

  it('answers bad percent-encoding in a path parameter with 400', async () => {
    for (const id of ['%ZZ', 'abc%', '%C0%AE', '%ED%A0%80']) {
      await expectError(await fetch(`${server.url}/api/orders/${id}`, { headers: auth() }), 400, 'invalid_request');
      await expectError(await fetch(`${server.url}/api/kitchen/orders/${id}/status`, { method: 'PUT', headers: auth() }), 400, 'invalid_request');
    }
  });

  /** fetch will not send a GET with a body; node:http will (given its length: it does not chunk a GET). */
  const sendJson = (method: string, path: string, body: string) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const headers = { ...auth(), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const req = request(`${server.url}${path}`, { method, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('answers a 5,000-level nested JSON body with 400 on any route, GET included', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const [method, path] of [['GET', '/api/orders'], ['GET', '/api/orders/x'], ['POST', '/api/orders'], ['POST', '/api/replicache/push'], ['POST', '/api/replicache/pull'], ['POST', '/api/admin/tenants']] as const) {
      for (const body of [deep, deepObject]) {
        const answer = await sendJson(method, path, body);
        expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', message: expect.any(String) } } });
      }
    }
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('answers stats and consumption ranges past the year 9999 with 400', async () => {
    for (const query of ['date=9999-12-31', 'from=9999-12-31T00:00:00Z&to=10000-01-01T00:00:00Z', 'from=253402300000000&to=253402400000000', 'from=999999999999990&to=999999999999999']) {
      await expectError(await fetch(`${server.url}/api/orders/stats?${query}`, { headers: auth() }), 400, 'invalid_request');
      await expectError(await fetch(`${server.url}/api/kitchen/consumption?${query}`, { headers: auth() }), 400, 'invalid_request');
    }
    const lastDay = await api(server, tenant.managerToken, 'GET', '/api/orders/stats?date=9999-12-30');
    expect(lastDay.status).toBe(200);
  });

  it('rejects a mutation with a NUL in an id inside its args, answers the push 200 and moves the queue on', async () => {
    const client = uniqueId('client');
    const group = uniqueId('group');
    const events = await rowCount('events');
    const bad = [
      mutation(client, 1, 'confirmOrder', { orderId: 'a\u0000b', at: 1 }),
      mutation(client, 2, 'setKitchenItemStatus', { kitchenOrderId: 'k\u0000', itemId: 'l1', status: 'done', at: 1 }),
      mutation(client, 3, 'bumpKitchenOrder', { kitchenOrderId: '\ud800x', at: 1 }),
      mutation(client, 4, 'dismissRejection', { key: 'rejection/\u0000/1' }),
      mutation(client, 5, 'upsertProduct', productArgs('fine-after-bad')),
    ];
    const res = await push(server, tenant.managerToken, pushBody(group, bad));
    expect(res).toMatchObject({ status: 200, body: {} });
    expect((await serverRecordOf(server.running.db, client)).lastMutationID).toBe(5);
    const rejections = await server.running.db.query<{ key: string }>('SELECT key FROM rejections WHERE client_group_id = $1 ORDER BY key', [group]);
    expect(rejections.rows.map((r) => r.key)).toEqual([1, 2, 3, 4].map((id) => `rejection/${client}/${id}`));
    expect(await rowCount('events')).toBe(events + 1);
  });

  it('rejects a mutation whose rows the database itself refuses, answering the push 200 and applying the others', async () => {
    const db = server.running.db;
    await db.exec(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id LIKE 'poison-%' THEN RAISE EXCEPTION 'poisoned row' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    try {
      const client = uniqueId('client');
      const group = uniqueId('group');
      const order = (id: string) => ({ id, channel: 'takeaway', customer: { name: 'Ada' }, items: [{ id: 'l1', productId: 'trigger-dish', quantity: 1 }], at: 1 });
      const res = await push(server, tenant.managerToken, pushBody(group, [
        mutation(client, 1, 'upsertProduct', productArgs('trigger-dish')),
        mutation(client, 2, 'createOrder', order(`fine-${client}`)),
        mutation(client, 3, 'createOrder', order(`poison-${client}`)),
        mutation(client, 4, 'createOrder', order(`also-fine-${client}`)),
      ]));
      expect(res).toMatchObject({ status: 200, body: {} });
      expect((await serverRecordOf(db, client)).lastMutationID).toBe(4);
      const orders = await db.query<{ id: string }>('SELECT id FROM orders WHERE id LIKE $1 ORDER BY id', [`%${client}`]);
      expect(orders.rows.map((r) => r.id)).toEqual([`also-fine-${client}`, `fine-${client}`]);
      const rejections = await db.query<{ key: string }>('SELECT key FROM rejections WHERE client_group_id = $1', [group]);
      expect(rejections.rows.map((r) => r.key)).toEqual([`rejection/${client}/3`]);
    } finally {
      await db.exec('DROP TRIGGER refuse_poison ON orders; DROP FUNCTION refuse_poison();');
    }
  });

  it('lets REST writes batched with one the database refuses succeed on their own', async () => {
    const db = server.running.db;
    await api(server, tenant.managerToken, 'POST', '/api/products', productArgs('batch-dish'));
    await db.exec(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.data->'customer'->>'name' = 'Poison' THEN RAISE EXCEPTION 'poisoned row' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    try {
      const names = ['Ada', 'Grace', 'Edsger', 'Poison', 'Barbara', 'Donald'];
      const answers = await Promise.all(
        names.map((name) => api(server, tenant.managerToken, 'POST', '/api/orders', { channel: 'takeaway', customer: { name }, items: [{ productId: 'batch-dish', quantity: 1 }] })),
      );
      expect(answers.map((a) => a.status === 201)).toEqual(names.map((name) => name !== 'Poison'));
    } finally {
      await db.exec('DROP TRIGGER refuse_poison ON orders; DROP FUNCTION refuse_poison();');
    }
  });

  it('stores and returns text starting with U+FEFF exactly, or refuses it up front, the same way on both backends', async () => {
    const group = `\ufeff${uniqueId('g')}`;
    const pulled = await pull(server, tenant.managerToken, pullBody(group, null));
    expect(pulled).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const client = `\ufeff${uniqueId('c')}`;
    const pushed = await push(server, tenant.managerToken, pushBody(uniqueId('group'), [mutation(client, 1, 'upsertProduct', productArgs('bom-client'))]));
    expect(pushed).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const plain = await api(server, tenant.managerToken, 'POST', '/api/products', { ...productArgs('plain-name'), name: 'Soup' });
    expect(plain.status).toBe(201);
    const product = await api(server, tenant.managerToken, 'POST', '/api/products', { ...productArgs('bom-name'), name: '\ufeffSoup' });
    if (product.status === 201) {
      expect(product.body.name).toBe('\ufeffSoup');
      expect((await api(server, tenant.managerToken, 'GET', `/api/products/${product.body.id}`)).body.name).toBe('\ufeffSoup');
    } else {
      expect(product).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
  });

  /** Sends raw bytes and reads until the server closes the socket. */
  const rawHttp = (payload: string, keepOpenMs = 0) =>
    new Promise<{ text: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(payload));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve({ text, ms: Date.now() - started }));
      if (keepOpenMs) setTimeout(() => socket.destroy(), keepOpenMs);
    });
  const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };

  it('gives the HTTP layer’s refusals a JSON error body', async () => {
    const framing = await rawHttp('GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n');
    expect(framing.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(framing.text).error.code).toBe('bad_request');
    const huge = await rawHttp(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(huge.text).error.code).toBe('headers_too_large');
  });

  it('closes a request whose body trickles in once the request timeout passes', async () => {
    const trickle = await rawHttp(
      `POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tenant.managerToken}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      20_000,
    );
    expect(trickle.ms).toBeLessThan(10_000);
    expect(trickle.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(trickle.text).error.code).toBe('request_timeout');
    const slowHeaders = await rawHttp('GET /api/health HTTP/1.1\r\nHost: x\r\n', 20_000);
    expect(slowHeaders.ms).toBeLessThan(10_000);
  });
});
