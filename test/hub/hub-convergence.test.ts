import type { KitchenOrder, Order } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../fuzz/support/sampler.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { placeOrder } from '../support/kitchen-fixture.ts';
import type { Proxy } from '../support/proxy.ts';
import { dataSnapshot, newClient, pendingCount, serverView, settle, snapshot, type Client } from '../support/replicache-client.ts';
import type { TestServer } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';
import { hubEnv, repeatedMutations, startCloud, type HubTenant } from './hub-support.ts';
import { comparableHubState, stateDiff, tenantState } from './hub-state.ts';

/**
 * A randomized fault run over a cloud (Postgres), a hub (PGlite on disk, its own process) and
 * terminals on the hub: each round cuts the link, lets the restaurant and a manager at the cloud
 * change the same orders, may kill the hub with -9 with a full outbox and again at a random point
 * of the drain, and then requires the hub's whole state and every terminal's replica to equal the
 * cloud's. `HUB_FAULT_SEED` replays a run, `HUB_FAULT_ROUNDS` lengthens it.
 */
const seed = Number(process.env.HUB_FAULT_SEED ?? Date.now() % 1_000_000);
const rounds = Number(process.env.HUB_FAULT_ROUNDS ?? 4);

type Ticket = KitchenOrder;

describe(`a hub through random cuts and kill -9s ends equal to the cloud (seed ${seed})`, () => {
  const random = new Random(seed);
  let cloud: TestServer;
  let tenant: HubTenant;
  let link: Proxy;
  let storage: DurableStorage;
  let hub: ChildServer;
  let hubPort: string;
  let office: Client;
  let closeOffice: () => Promise<void>;
  let dashboard: Client;
  let kitchens: Client[];
  /** Link restored → hub equal to the cloud, in ms, by whether the hub was killed in the drain (its restart counts). */
  const converged: { killed: boolean; ms: number }[] = [];

  const terminals = () => [dashboard, ...kitchens];
  const hubUrl = () => `http://127.0.0.1:${hubPort}`;

  beforeAll(async () => {
    const started = await startCloud('Fault Bistro');
    ({ cloud, tenant, link } = started);
    office = started.manager.rep;
    closeOffice = () => started.manager.close();
    storage = await durableStorage('pglite');
    hub = await startChildServer(storage, { env: hubEnv(link, tenant) });
    hubPort = new URL(hub.url).port;
    dashboard = newClient({ url: hubUrl() }, tenant.managerToken);
    kitchens = [newClient({ url: hubUrl() }, tenant.kitchenToken), newClient({ url: hubUrl() }, tenant.kitchenToken)];
    for (const t of terminals()) await t.pull({ now: true });
    process.stdout.write(`hub fault run: seed ${seed}, ${rounds} rounds (HUB_FAULT_SEED=${seed} replays it)\n`);
  }, 240_000);
  afterAll(async () => {
    for (const t of terminals()) await t?.close();
    await hub?.kill();
    await closeOffice?.();
    await link?.close();
    await cloud?.stop();
    await storage?.remove();
    for (const killed of [false, true]) {
      const sorted = converged.filter((c) => c.killed === killed).map((c) => c.ms).sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      const what = killed ? 'with a kill -9 in the drain' : 'without a kill in the drain';
      if (sorted.length > 0) process.stdout.write(`hub = cloud after the link returned, ${what}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms over ${sorted.length} rounds (${sorted.join(', ')})\n`);
    }
  });

  const killHub = async () => {
    await hub.kill('SIGKILL');
    // At once, as a supervisor would: the dead process's mark on the data directory must not stop it.
    hub = await startChildServer(storage, { env: { ...hubEnv(link, tenant), PORT: hubPort } });
  };

  const tickets = async (rep: Client) => (await rep.query(async (tx) => tx.scan({ prefix: 'kitchenOrder/' }).values().toArray())) as Ticket[];
  const orders = async (rep: Client) => (await rep.query(async (tx) => tx.scan({ prefix: 'order/' }).values().toArray())) as Order[];
  /** A mutation a terminal's screen allows may still be refused later (the other side moved): that is the point. */
  const attempt = (p: Promise<unknown>) => p.catch(() => undefined);

  /** One random change by one of the restaurant's terminals or by the manager at the cloud. */
  async function randomChange(round: number, n: number) {
    const at = Date.now();
    const roll = random.int(0, 9);
    if (roll <= 1) return attempt(placeOrder(dashboard, `r${round}-o${n}`, [{ id: 'l1', productId: random.pick(['burger', 'fries']), quantity: random.int(1, 3) }]));
    if (roll <= 5) {
      const kitchen = random.pick(kitchens);
      const open = (await tickets(kitchen)).filter((t) => t.status !== 'completed' && t.status !== 'cancelled');
      if (open.length === 0) return;
      const ticket = random.pick(open);
      const item = random.pick(ticket.items);
      const move = random.int(0, 2);
      if (move === 0) return attempt(kitchen.mutate.setKitchenItemStatus({ kitchenOrderId: ticket.id, itemId: item.id, status: 'in_progress', at }));
      if (move === 1) return attempt(kitchen.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at }));
      return attempt(kitchen.mutate.recallKitchenOrder({ kitchenOrderId: ticket.id, at }));
    }
    const live = (await orders(office)).filter((o) => o.status !== 'cancelled' && o.status !== 'delivered');
    if (roll <= 7 && live.length > 0) return attempt(office.mutate.cancelOrder({ orderId: random.pick(live).id, reason: 'guest left', at }));
    if (roll === 8 && live.length > 0) return attempt(office.mutate.setOrderStatus({ orderId: random.pick(live).id, status: 'delivered', at }));
    return attempt(office.mutate.setProductSoldOut({ productId: 'fries', soldOut: random.chance(0.3), at }));
  }

  const hubEqualsCloud = async () => {
    const [atHub, atCloud] = await Promise.all([tenantState(hub, tenant.hubToken), tenantState(cloud, tenant.hubToken)]);
    return stateDiff(comparableHubState(atHub, atCloud), atCloud);
  };

  it.each(Array.from({ length: rounds }, (_, i) => i + 1))('round %i: cut, conflicting changes, kills, and the hub ends as the cloud', async (round) => {
    await placeOrder(dashboard, `r${round}-before`);
    for (const t of terminals()) await settle(t, 20_000);

    await link.cut();
    const changes = random.int(6, 14);
    for (let n = 0; n < changes; n += 1) {
      await randomChange(round, n);
      if (random.chance(0.3)) await attempt(random.pick(terminals()).pull({ now: true }));
    }
    await settle(office);
    for (const t of terminals()) await attempt(t.push({ now: true }));
    const killWhileCut = random.chance(0.35);
    if (killWhileCut) await killHub();

    await link.restore();
    const restoredAt = Date.now();
    const killInDrain = random.chance(0.4);
    if (killInDrain) {
      await new Promise((r) => setTimeout(r, random.int(0, 300)));
      await killHub();
    }
    await waitUntil(async () => (await hubEqualsCloud()).length === 0, 30_000, `the hub to equal the cloud (round ${round}, seed ${seed})`).catch(async (err: Error) => {
      throw new Error(`${err.message}\n${(await hubEqualsCloud()).slice(0, 20).join('\n')}`);
    });
    converged.push({ killed: killInDrain, ms: Date.now() - restoredAt });
    process.stdout.write(`round ${round}: ${changes} changes, kill while cut ${killWhileCut}, kill in drain ${killInDrain}, equal after ${Date.now() - restoredAt} ms\n`);

    // Every terminal hands over what it still holds and ends with the cloud's view and rejections.
    for (const t of [...terminals(), office]) await settle(t, 30_000);
    await waitUntil(async () => (await hubEqualsCloud()).length === 0, 30_000, `the hub to equal the cloud after the terminals settled (seed ${seed})`);
    for (const t of terminals()) expect(await pendingCount(t)).toBe(0);
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
    const views = { manager: await serverView(cloud, tenant.managerToken), kitchen: await serverView(cloud, tenant.kitchenToken) };
    for (const [t, view] of [[dashboard, views.manager], ...kitchens.map((k) => [k, views.kitchen] as const)] as const) {
      await t.pull({ now: true });
      await waitUntil(async () => JSON.stringify(await dataSnapshot(t)) === JSON.stringify(view), 10_000, `a terminal to hold the cloud's view (seed ${seed})`);
      const rejections = Object.entries(await snapshot(t)).filter(([k]) => k.startsWith('rejection/'));
      const atCloud = await cloud.running.db.query<{ key: string; data: unknown }>('SELECT key, data FROM rejections WHERE client_group_id = $1 ORDER BY key', [await t.clientGroupID]);
      expect(rejections.map(([key, data]) => ({ key, data })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(atCloud.rows.map((r) => ({ key: r.key, data: r.data })).sort((a, b) => a.key.localeCompare(b.key)));
    }
  }, 400_000);
});
