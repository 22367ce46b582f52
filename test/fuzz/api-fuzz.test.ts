import { gzipSync } from 'node:zlib';
import * as shared from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, pullBody, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { Random, Sampler, hostileStrings } from './support/sampler.ts';

/**
 * Seeded, bounded fuzzing of every REST operation in the OpenAPI document and of push and pull
 * with args drawn from the mutator schemas. No answer may be a 5xx, and a refused request (4xx)
 * must leave every table exactly as it was. `FUZZ_SEED` replays a run; `FUZZ_REQUESTS` sizes it.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_129);
const restRequests = Number(process.env.FUZZ_REQUESTS ?? 1200);
const syncRequests = Math.round(restRequests / 4);

/** A lone surrogate cannot be percent-encoded as UTF-8: send the raw bytes of one instead. */
const encodePathSegment = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

type Operation = { method: string; path: string; op: Record<string, any> };

type ZodLike = { toJSONSchema(params: { io: 'input'; unrepresentable: 'any' }): Record<string, unknown> };

/** Each mutator's args schema (zod, from shared) as JSON Schema; the kitchen-order mutators share one. */
function mutatorArgSchemas(): Record<string, Record<string, unknown>> {
  const exported = shared as unknown as Record<string, ZodLike | undefined>;
  return Object.fromEntries(
    Object.keys(shared.mutators).map((name) => {
      const schema = exported[`${name}ArgsSchema`] ?? (/KitchenOrder$/.test(name) ? exported.kitchenOrderArgsSchema : undefined);
      return [name, schema?.toJSONSchema({ io: 'input', unrepresentable: 'any' }) ?? {}];
    }),
  );
}

describe.each(backends)('fuzzing the API from its OpenAPI document and the mutator schemas (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  let fingerprintSql: string;
  const random = new Random(seed);
  const counts = { requests: 0, refused: 0, byStatus: new Map<number, number>() };

  const fingerprint = async () => (await server.running.db.query<{ f: string }>(fingerprintSql)).rows[0]?.f;

  beforeAll(async () => {
    server = await startServer({ backend });
    tenant = await createTenant(server);
    const tables = await server.running.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const rows = tables.rows.map((t) => `SELECT '${t.name}:' || t::text AS r FROM ${t.name} t`).join(' UNION ALL ');
    fingerprintSql = `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS f FROM (${rows}) s`;
    await api(server, tenant.managerToken, 'POST', '/api/kitchen/stations', { id: 'grill-1', name: 'Grill', type: 'grill', capacity: 4 });
    await api(server, tenant.managerToken, 'POST', '/api/products', productArgs('burger'));
  });
  afterAll(async () => {
    const statuses = [...counts.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    process.stdout.write(`fuzz (${backend}): seed ${seed}, ${counts.requests} requests, ${counts.refused} refusals checked unchanged; ${statuses}\n`);
    await server.stop();
  });

  /** Sends one request; a 5xx fails the test, a 4xx must have changed nothing. */
  async function send(what: string, path: string, init: RequestInit): Promise<{ status: number; body: any }> {
    const before = await fingerprint();
    const res = await fetch(server.url + path, init);
    const text = await res.text();
    counts.requests += 1;
    counts.byStatus.set(res.status, (counts.byStatus.get(res.status) ?? 0) + 1);
    const detail = `${what} ${init.method} ${path} (seed ${seed}) → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, detail).toBeLessThan(500);
    if (res.status >= 400) {
      counts.refused += 1;
      expect(await fingerprint(), `database changed by a refused request: ${detail}`).toBe(before);
      expect(JSON.parse(text), detail).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }

  const token = () =>
    random.chance(0.75) ? tenant.managerToken : random.pick([tenant.kitchenToken, server.adminToken, 'ks_manager_forged', '']);
  const headers = (body: boolean, bearer = token()): Record<string, string> => ({
    ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    ...(body ? { 'content-type': random.chance(0.95) ? 'application/json' : random.pick(['text/plain', 'application/json; charset=latin1']) } : {}),
  });

  it('answers every REST operation without a 5xx and changes nothing when it refuses', async () => {
    const doc = (await api(server, undefined, 'GET', '/api/openapi.json')).body;
    const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    const orderIds = (await api<{ items: { id: string }[] }>(server, tenant.managerToken, 'GET', '/api/orders')).body.items.map((o) => o.id);
    const sampler = new Sampler(random, doc.components.schemas, ['burger', 'grill-1', tenant.tenantId, ...orderIds]);
    for (let i = 0; i < restRequests; i++) {
      const { method, path, op } = random.pick(operations);
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
      let url = path;
      const query = new URLSearchParams();
      for (const p of params) {
        const value = sampler.value(p.schema);
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (p.in === 'path') url = url.replace(`{${p.name}}`, random.chance(0.05) ? random.pick(['%ZZ', 'abc%', '%C0%AE', '%ED%A0%80']) : encodePathSegment(text));
        else if (p.required || random.chance(0.4)) query.append(p.name, text);
      }
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const hasBody = schema !== undefined || (method !== 'GET' && random.chance(0.1));
      let body: string | Uint8Array<ArrayBuffer> | undefined = hasBody ? JSON.stringify(sampler.value(schema ?? {})) ?? 'null' : undefined;
      const extra: Record<string, string> = {};
      if (body !== undefined && random.chance(0.03)) body = body.slice(0, Math.max(1, body.length - 3));
      if (body !== undefined && random.chance(0.03)) {
        extra['content-encoding'] = random.pick(['gzip', 'deflate', 'br']);
        body = random.chance(0.5) ? new Uint8Array(gzipSync(body).subarray(0, 10)) : body;
      }
      const search = query.toString();
      await send('rest', url + (search ? `?${search}` : ''), { method, headers: { ...headers(body !== undefined), ...extra }, ...(body === undefined ? {} : { body }) });
    }
    // ~1,300 requests, each refusal checked against the database: a minute is not enough on a loaded box.
  }, 180_000);

  it('answers pushes built from the mutator schemas with 200 and a moved queue, or a refusal that changed nothing', async () => {
    const argSchemas = mutatorArgSchemas();
    const names = Object.keys(argSchemas);
    const sampler = new Sampler(random, {}, ['burger', 'grill-1', 'l1', 'rejection/x/1']);
    const groups = Array.from({ length: 3 }, () => ({ id: uniqueId('fuzz-group'), client: uniqueId('fuzz-client'), next: 1 }));
    for (let i = 0; i < syncRequests; i++) {
      const group = random.pick(groups);
      const first = group.next;
      const mutations = Array.from({ length: random.int(1, 4) }, (_, k) => {
        const name = random.chance(0.95) ? random.pick(names) : random.pick(hostileStrings);
        return mutation(group.client, first + k, name, sampler.value(argSchemas[name]));
      });
      const broken = random.chance(0.1);
      const body = broken ? sampler.value({ type: 'object', properties: { pushVersion: {}, clientGroupID: {}, mutations: {} } }) : pushBody(group.id, mutations);
      const pushed = await send('push', '/api/replicache/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${random.chance(0.9) ? tenant.managerToken : tenant.kitchenToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (broken || pushed.status !== 200) continue;
      group.next += mutations.length;
      const stored = await server.running.db.query<{ n: number }>('SELECT last_mutation_id AS n FROM replicache_clients WHERE id = $1', [group.client]);
      expect(stored.rows[0]?.n, `queue of ${group.client} (seed ${seed})`).toBe(group.next - 1);
    }
  });

  it('answers pulls with hostile cookies and ids without a 5xx', async () => {
    const sampler = new Sampler(random);
    const cookie = { anyOf: [{ type: 'null' }, { type: 'object', properties: { order: { type: 'integer' }, cvrID: { type: 'string' } }, required: ['order', 'cvrID'] }] };
    for (let i = 0; i < syncRequests / 2; i++) {
      const body = random.chance(0.8)
        ? pullBody(random.chance(0.7) ? uniqueId('fuzz-pull') : String(sampler.value({ type: 'string' })), sampler.value(cookie) as never)
        : sampler.value({ type: 'object', properties: { pullVersion: {}, clientGroupID: {}, cookie } });
      await send('pull', '/api/replicache/pull', { method: 'POST', headers: { authorization: `Bearer ${token() || 'x'}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }
  });
});
