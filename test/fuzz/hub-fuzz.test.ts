import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueHubToken } from '../hub/hub-support.ts';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { Random, Sampler, hostileStrings } from './support/sampler.ts';

/**
 * Seeded fuzzing of the cloud's hub endpoints (`/api/hub/pull`, `/api/hub/push`) with a real hub
 * token and real terminal groups, and of a hub's `/api/hub/status`: no 5xx, and a refusal (4xx)
 * leaves every table exactly as it was. `FUZZ_SEED` replays a run; `FUZZ_REQUESTS` sizes it.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_207);
const requests = Math.round(Number(process.env.FUZZ_REQUESTS ?? 1200) / 4);

/** A lone surrogate cannot be percent-encoded as UTF-8: send the raw bytes of one instead. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

/** A table-by-table digest of a database: equal before and after a refused request. */
async function fingerprinter(server: TestServer) {
  const tables = await server.running.db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const rows = tables.rows.map((t) => `SELECT '${t.name}:' || t::text AS r FROM ${t.name} t`).join(' UNION ALL ');
  const sql = `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS f FROM (${rows}) s`;
  return async () => (await server.running.db.query<{ f: string }>(sql)).rows[0]?.f;
}

/** Sends one request to `server`; a 5xx fails, a 4xx must carry the error body and change nothing. */
async function sendChecked(server: TestServer, fingerprint: () => Promise<string | undefined>, path: string, init: RequestInit) {
  const before = await fingerprint();
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  const detail = `${init.method} ${path} ${String(init.body).slice(0, 200)} (seed ${seed}) → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, detail).toBeLessThan(500);
  if (res.status >= 400) {
    expect(await fingerprint(), `database changed by a refused request: ${detail}`).toBe(before);
    expect(JSON.parse(text), detail).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  return res.status;
}

describe.each(backends)('fuzzing the cloud’s hub endpoints with a hub token (%s)', (backend) => {
  let cloud: TestServer;
  let tenant: TestTenant;
  let hubToken: string;
  let fingerprint: () => Promise<string | undefined>;
  const random = new Random(seed);
  /** Terminal groups the cloud knows, with their owner token ids and next mutation ids. */
  const terminals: { group: string; client: string; tokenId: string; next: number }[] = [];

  beforeAll(async () => {
    cloud = await startServer({ backend });
    tenant = await createTenant(cloud, 'Fuzz Hub Bistro');
    hubToken = (await issueHubToken(cloud, tenant.tenantId)).token;
    fingerprint = await fingerprinter(cloud);
    await api(cloud, tenant.managerToken, 'POST', '/api/kitchen/stations', { id: 'grill-1', name: 'Grill', type: 'grill', capacity: 4 });
    for (const [token, tokenId] of [
      [tenant.managerToken, tenant.managerTokenId],
      [tenant.kitchenToken, tenant.kitchenTokenId],
    ] as const) {
      const t = { group: uniqueId('fuzz-hub-g'), client: uniqueId('fuzz-hub-c'), tokenId, next: 2 };
      expect((await push(cloud, token, pushBody(t.group, [mutation(t.client, 1, 'upsertProduct', productArgs(`p-${t.client}`))]))).status).toBe(200);
      terminals.push(t);
    }
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('answers hub pulls and forwarded pushes without a 5xx and changes nothing when it refuses', async () => {
    const doc = (await api(cloud, undefined, 'GET', '/api/openapi.json')).body;
    const sampler = new Sampler(random, doc.components.schemas, ['burger', 'grill-1', tenant.tenantId, ...terminals.flatMap((t) => [t.group, t.client, t.tokenId])]);
    const bodySchema = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema;
    let accepted = 0;
    for (let i = 0; i < requests; i++) {
      const pulling = random.chance(0.3);
      const terminal = random.pick(terminals);
      const body = pulling
        ? random.chance(0.7)
          ? { since: random.pick([0, 1, random.int(0, 1_000_000)]) }
          : sampler.value(bodySchema('/api/hub/pull'))
        : random.chance(0.6)
          ? {
              clientGroupID: random.chance(0.9) ? terminal.group : random.pick(hostileStrings),
              schemaVersion: '1',
              tokenId: random.chance(0.8) ? terminal.tokenId : random.pick([...hostileStrings, tenant.managerTokenId]),
              mutations: [
                {
                  ...mutation(terminal.client, terminal.next, 'upsertProduct', random.chance(0.8) ? productArgs(`p-${i}`) : sampler.value({})),
                  hubAt: random.chance(0.8) ? Date.now() : sampler.hostile(),
                },
              ],
            }
          : sampler.value(bodySchema('/api/hub/push'));
      const bearer = random.chance(0.9) ? hubToken : random.pick([tenant.managerToken, tenant.kitchenToken, cloud.adminToken, 'ks_hub_forged']);
      const status = await sendChecked(cloud, fingerprint, pulling ? '/api/hub/pull' : '/api/hub/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: random.chance(0.03) ? '{"since":' : JSON.stringify(body),
      });
      if (status !== 200 || pulling) continue;
      accepted += 1;
      const stored = await cloud.running.db.query<{ n: number }>('SELECT last_mutation_id AS n FROM replicache_clients WHERE id = $1', [terminal.client]);
      terminal.next = (stored.rows[0]?.n ?? 0) + 1;
    }
    // The run reached the write path, not only the validators.
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('fuzzing a hub’s /api/hub/status', () => {
  let cloud: TestServer;
  let hub: TestServer;
  let tenant: TestTenant;
  const random = new Random(seed);

  beforeAll(async () => {
    cloud = await startServer({ backend: 'pglite' });
    tenant = await createTenant(cloud, 'Fuzz Status Bistro');
    const hubToken = (await issueHubToken(cloud, tenant.tenantId)).token;
    // No backstop pulls and a quiet cloud: nothing but the fuzzed requests could change the hub's tables.
    hub = await startServer({ env: { HUB_UPSTREAM: cloud.url, HUB_TOKEN: hubToken, HUB_PULL_INTERVAL_MS: '3600000' } });
    // The hub mirrors at start and again once its socket to the cloud is ready.
    let lastPullAt: number | null | undefined;
    await waitUntil(
      async () => {
        const seen = lastPullAt;
        lastPullAt = (await hub.running.hub?.status())?.lastPullAt;
        await new Promise((r) => setTimeout(r, 500));
        return lastPullAt != null && lastPullAt === seen;
      },
      15_000,
      'the hub’s mirror to settle',
    );
  });
  afterAll(async () => {
    await hub?.stop();
    await cloud?.stop();
  });

  it('answers every token, query and method with its status or a 4xx error body, never a 5xx', async () => {
    const fingerprint = await fingerprinter(hub);
    for (let i = 0; i < requests / 2; i++) {
      const bearer = random.pick([tenant.managerToken, tenant.kitchenToken, hub.adminToken, 'ks_manager_forged', '', ...hostileStrings.slice(0, 6)]);
      const query = random.chance(0.3) ? `?${encode(random.pick(hostileStrings))}=${encode(random.pick(hostileStrings))}` : '';
      const method = random.pick(['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE']);
      const headers: Record<string, string> = bearer && /^[\x21-\x7e]*$/.test(bearer) ? { authorization: `Bearer ${bearer}` } : {};
      const status = await sendChecked(hub, fingerprint, `/api/hub/status${query}`, { method, headers });
      if (status === 200) {
        const body = (await api(hub, tenant.managerToken, 'GET', '/api/hub/status')).body;
        expect(body).toMatchObject({ upstream: expect.stringMatching(/^(online|offline)$/), pending: expect.any(Number) });
      }
    }
  });
});
