import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { mutation, productArgs, pull, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';

const streams = 3;
const perPush = 3;
const killAfterAcknowledged = 30;

/** One writer: sequential pushes of fresh products, as a Replicache client would send them. */
class Writer {
  readonly group = uniqueId('crash-group');
  readonly client = uniqueId('crash-client');
  acknowledged = 0;
  sent = 0;

  constructor(private readonly token: string) {}

  mutations(from: number, to: number) {
    return Array.from({ length: to - from + 1 }, (_, i) => mutation(this.client, from + i, 'upsertProduct', productArgs(`${this.client}-${from + i}`)));
  }

  /** Pushes until the server goes away; only a 200 counts as acknowledged. */
  async stream(server: { url: string }): Promise<void> {
    for (;;) {
      const from = this.sent + 1;
      this.sent += perPush;
      try {
        const res = await push(server, this.token, pushBody(this.group, this.mutations(from, this.sent)));
        if (res.status !== 200) return;
        this.acknowledged = this.sent;
      } catch {
        return;
      }
    }
  }

  async lastMutationId(server: { url: string }): Promise<number> {
    const res = await pull(server, this.token, { pullVersion: 1, clientGroupID: this.group, schemaVersion: '1', cookie: null });
    expect(res.status).toBe(200);
    return res.body.lastMutationIDChanges[this.client] ?? 0;
  }
}

describe.each(backends)('a server killed with SIGKILL mid-stream (%s)', (backend) => {
  let storage: DurableStorage | undefined;
  let crashed: ChildServer | undefined;
  let restarted: TestServer | undefined;
  afterEach(async () => {
    await crashed?.kill();
    await restarted?.stop();
    await storage?.remove();
    [crashed, restarted, storage] = [undefined, undefined, undefined];
  });

  it('restarts on the same data having lost no acknowledged mutation and applied none twice', async () => {
    storage = await durableStorage(backend);
    const first = await startChildServer(storage);
    crashed = first;
    const tenant = await createTenant(first);
    const writers = Array.from({ length: streams }, () => new Writer(tenant.managerToken));

    const streaming = writers.map((w) => w.stream(first));
    await waitUntil(() => writers.reduce((n, w) => n + w.acknowledged, 0) >= killAfterAcknowledged, 30_000, 'acknowledged pushes');
    await first.kill('SIGKILL');
    await Promise.all(streaming);

    // The restart runs in this process, so the test can read its database afterwards.
    const second = await startServer({ storage });
    restarted = second;
    for (const w of writers) {
      const applied = await w.lastMutationId(second);
      expect(applied, 'acknowledged mutations survive the crash').toBeGreaterThanOrEqual(w.acknowledged);
      expect(applied).toBeLessThanOrEqual(w.sent);
    }

    // Clients resend everything they never saw acknowledged (here: everything, to be strict).
    for (const w of writers) {
      expect((await push(second, tenant.managerToken, pushBody(w.group, w.mutations(1, w.sent)))).status).toBe(200);
      expect(await w.lastMutationId(second)).toBe(w.sent);
    }

    const { rows } = await second.running.db.query<{ client_id: string; mutation_id: number; n: number }>(
      'SELECT client_id, mutation_id, count(*)::int AS n FROM events WHERE tenant_id = $1 GROUP BY client_id, mutation_id',
      [tenant.tenantId],
    );
    for (const w of writers) {
      const applied = rows.filter((r) => r.client_id === w.client);
      expect(applied.map((r) => r.mutation_id).sort((a, b) => a - b)).toEqual(Array.from({ length: w.sent }, (_, i) => i + 1));
      expect(applied.every((r) => r.n === 1), 'each mutation applied exactly once').toBe(true);
    }
  });
});
