// Runs: CI runs the property 12 times (FC_RUNS unset); each run issues, revokes and uses 10 to 30
// tokens' worth of calls on two server processes over one Postgres database. FC_RUNS=n overrides.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { api, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { fcRuns } from './support/runs.ts';

const numRuns = fcRuns(12);

type Command =
  | { kind: 'issue'; server: number; tenant: number; role: 'manager' | 'kitchen' | 'hub' }
  | { kind: 'revoke'; server: number; token: number; usedMeanwhile: number }
  | { kind: 'use'; server: number; token: number };

const serverArb = fc.nat({ max: 1 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('issue' as const), server: serverArb, tenant: fc.nat({ max: 1 }), role: fc.constantFrom('manager' as const, 'kitchen' as const, 'hub' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), server: serverArb, token: fc.nat({ max: 9 }), usedMeanwhile: serverArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('use' as const), server: serverArb, token: fc.nat({ max: 9 }) }) },
);

interface Issued {
  id: string;
  token: string;
  tenant: number;
  role: string;
}

/** What the database says a token is: its tenant and role, or nothing (revoked or never issued). */
async function stored(db: pg.Client, tokenId: string) {
  const { rows } = await db.query<{ tenant_id: string; role: string }>('SELECT tenant_id, role FROM tokens WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
  return rows[0];
}

describe('the token cache (TokenResolver) of two processes against the database', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let servers: TestServer[];
  let tenants: TestTenant[];
  let db: pg.Client;
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    servers = [await startServer({ databaseUrl: database.url }), await startServer({ databaseUrl: database.url })];
    tenants = [await createTenant(servers[0] as TestServer, 'North'), await createTenant(servers[0] as TestServer, 'South')];
    // A product named for each tenant, so an answer shows whose token it was.
    for (const t of tenants) await api(servers[0] as TestServer, t.managerToken, 'POST', '/api/products', { id: 'sign', name: t.tenantId, priceCents: 100, stationType: 'grill', prepSeconds: 60 });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db.end();
    for (const s of servers) await s.stop();
    await database.drop();
  });

  /** A call with `token` at `server` must answer as the database says: its tenant's data, 403 for a role without it, 401 once revoked. */
  async function expectAnswerAsStored(server: TestServer, issued: Issued) {
    const res = await api<{ items: { id: string; name: string }[] }>(server, issued.token, 'GET', '/api/products');
    const row = await stored(db, issued.id);
    if (!row) return expect(res.status, `${issued.role} token ${issued.id} after revocation`).toBe(401);
    expect(row).toEqual({ tenant_id: tenants[issued.tenant]?.tenantId, role: issued.role });
    if (issued.role === 'hub') return expect(res.status).toBe(403);
    expect(res.status).toBe(200);
    expect(res.body.items.find((p) => p.id === 'sign')?.name).toBe(tenants[issued.tenant]?.tenantId);
  }

  it('answers every call as the database says, and refuses a revoked token at once where revoked and soon everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 10, maxLength: 30 }), async (commands) => {
        const issued: Issued[] = [];
        for (const command of commands) {
          const server = servers[command.server] as TestServer;
          if (command.kind === 'issue') {
            const tenant = tenants[command.tenant] as TestTenant;
            const res = await api<{ id: string; token: string }>(server, server.adminToken, 'POST', `/api/admin/tenants/${tenant.tenantId}/tokens`, { role: command.role });
            expect(res.status).toBe(201);
            issued.push({ id: res.body.id, token: res.body.token, tenant: command.tenant, role: command.role });
            continue;
          }
          const token = issued[command.token % Math.max(1, issued.length)];
          if (!token) continue;
          if (command.kind === 'use') {
            await expectAnswerAsStored(server, token);
            continue;
          }
          // Revoked at one process while the other is resolving the same token: neither may keep it.
          const other = servers[1 - command.server] as TestServer;
          const meanwhile = api(servers[command.usedMeanwhile] as TestServer, token.token, 'GET', '/api/products');
          const revoked = await api(server, server.adminToken, 'DELETE', `/api/admin/tokens/${token.id}`);
          expect([204, 404]).toContain(revoked.status);
          await meanwhile;
          expect((await api(server, token.token, 'GET', '/api/products')).status, 'where it was revoked: at once').toBe(401);
          await waitUntil(async () => (await api(other, token.token, 'GET', '/api/products')).status === 401, 2_000, 'the other process to refuse it');
          for (const s of servers) await expectAnswerAsStored(s, token);
        }
        for (const token of issued) for (const s of servers) await expectAnswerAsStored(s, token);
      }),
      { numRuns },
    );
  }, 240_000);
});
