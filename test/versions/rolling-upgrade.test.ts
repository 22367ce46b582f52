import { clientSchemaVersion } from '@kitchensync/shared';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, thisServerDir, type ChildServer } from '../support/child-server.ts';
import { seedMenu } from '../support/kitchen-fixture.ts';
import { previousRelease, previousShared } from '../support/previous-release.ts';
import { newClient, settle, waitFor, type Client, type ClientOptions } from '../support/replicache-client.ts';
import { createTenant } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';
import { cook, watchSyncRequests, takeOrders, tally, type Line } from './support/mixed-load.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const ordersPerPhase = 6;
const pauseMs = 150;

/** A till and a kitchen screen of one release; the till has the menu before it takes orders. */
async function line(label: string, server: { url: string }, tokens: { managerToken: string; kitchenToken: string }, options: ClientOptions, finishItem: Line['finishItem']): Promise<Line> {
  const manager = newClient(server, tokens.managerToken, options);
  const kitchen = newClient(server, tokens.kitchenToken, options);
  cleanups.push(() => manager.close(), () => kitchen.close());
  await manager.pull({ now: true });
  await waitFor(manager, (tx) => tx.has('product/burger'), Boolean);
  return { label, manager, kitchen, finishItem, orders: [], mutations: 0, failures: 0 };
}

const moveTo = (clients: readonly Client[], server: { url: string }) => {
  for (const rep of clients) {
    rep.pushURL = `${server.url}/api/replicache/push`;
    rep.pullURL = `${server.url}/api/replicache/pull`;
  }
};

describe('two server releases on one Postgres under load (rolling upgrade)', () => {
  it('the previous release and this one serve clients of both schemas at once: nothing lost, repeated or refused; then the old servers stop', async () => {
    const release = previousRelease();
    const old = await previousShared(release);
    const storage = await durableStorage('postgres');
    cleanups.push(() => storage.remove());
    const databaseUrl = storage.env['DATABASE_URL']!;
    const startOld = () => startChildServer(storage, { builtServerDir: join(release.dir, 'server') });
    const oldServers: ChildServer[] = [await startOld(), await startOld()];
    for (const s of oldServers) cleanups.push(() => s.stop());
    const tenant = await createTenant(oldServers[0]!);
    const seeder = newClient(oldServers[0]!, tenant.managerToken, old);
    await seedMenu(seeder);
    await settle(seeder);
    await seeder.close();

    const requests = watchSyncRequests();
    cleanups.push(async () => requests.stop());
    const oldLines = await Promise.all(oldServers.map((s, i) =>
      line(`old${i}`, s, tenant, old, (k, t) => k.mutate.setKitchenItemStatus({ kitchenOrderId: t.id, itemId: t.items[0]!.id, status: 'done', at: Date.now() })),
    ));
    let taking = true;
    const cooks = oldLines.map((l) => cook(l, () => !taking));
    const phase1 = Promise.all(oldLines.map((l) => takeOrders(l, ordersPerPhase, pauseMs)));

    // The new release starts on the same database while the old ones work: it migrates (expand only).
    const current = await startChildServer(storage, { builtServerDir: thisServerDir });
    cleanups.push(() => current.stop());
    const newLines = await Promise.all([0, 1].map((i) =>
      line(`new${i}`, current, tenant, { schemaVersion: String(clientSchemaVersion) }, (k, t) =>
        k.mutate.moveKitchenItem({ kitchenOrderId: t.id, itemId: t.items[0]!.id, event: 'finish', at: Date.now() }),
      ),
    ));
    cooks.push(...newLines.map((l) => cook(l, () => !taking)));
    await phase1;
    await Promise.all([...oldLines, ...newLines].map((l) => takeOrders(l, ordersPerPhase, pauseMs)));

    // Drained as a load balancer does: new requests go to the new release, those in flight finish
    // (the previous release's shutdown cuts open connections), then the old servers stop.
    moveTo(oldLines.flatMap((l) => [l.manager, l.kitchen]), current);
    for (const s of oldServers) {
      await waitUntil(() => requests.inFlightTo(new URL(s.url).origin) === 0, 10_000, 'requests to an old server to finish');
      await s.stop();
    }
    await Promise.all(oldLines.map((l) => takeOrders(l, 2, pauseMs)));
    taking = false;
    await Promise.all(cooks);
    const lines = [...oldLines, ...newLines];
    for (const l of lines) for (const rep of [l.manager, l.kitchen]) await settle(rep, 30_000);
    requests.stop();

    const figures = await tally(databaseUrl, tenant.tenantId, lines);
    const errors = requests.failed + lines.reduce((n, l) => n + l.failures, 0) + figures.rejected;
    process.stdout.write(
      `rolling upgrade (${release.commit.slice(0, 7)} → this tree, one Postgres): ${figures.mutations} mutations, lost ${figures.lost}, repeated ${figures.repeated}, errors ${errors}\n`,
    );
    expect(figures.mutations).toBe(lines.reduce((n, l) => n + l.orders.length, 0) * 4);
    expect({ lost: figures.lost, repeated: figures.repeated, errors }).toEqual({ lost: 0, repeated: 0, errors: 0 });
  }, 240_000);
});
