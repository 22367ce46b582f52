import pg from 'pg';
import { newClient, settle, waitFor, type Client } from '../../support/replicache-client.ts';
import { api, type TestTenant } from '../../support/server.ts';
import { productArgs, pull, pullBody, uniqueId } from '../../support/sync-protocol.ts';

/** Every answer the load got, by status; `network` counts requests that got no answer at all. */
export type Statuses = Map<number | 'network', number>;

export interface MixedLoad {
  readonly statuses: Statuses;
  /** Orders the Replicache clients created, by client. */
  readonly created: Map<Client, string[]>;
  /** Ends the loops (the clients stay for the checks). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The menu the load orders from, written through REST. */
export async function seedLoadMenu(server: { url: string }, tenant: TestTenant): Promise<void> {
  const made = await api(server, tenant.managerToken, 'POST', '/api/products', productArgs('burger'));
  if (made.status !== 201) throw new Error(`menu: ${made.status} ${JSON.stringify(made.body)}`);
}

/**
 * REST order creation in `restLoops` loops, a raw pull loop, and Replicache clients that each
 * create an order every few milliseconds (push and pull through the real client). Every HTTP
 * answer is counted, including the Replicache clients' own pushes and pulls.
 */
export function startMixedLoad(target: { url: string } | readonly { url: string }[], tenant: TestTenant, { restLoops = 3, clients = 2 } = {}): MixedLoad {
  // Several servers: loops and clients take them in turn.
  const servers = Array.isArray(target) ? target : [target as { url: string }];
  const serverFor = (i: number) => servers[i % servers.length] as { url: string };
  const statuses: Statuses = new Map();
  const count = (status: number | 'network') => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    try {
      const res = await realFetch(input, init);
      count(res.status);
      return res;
    } catch (err) {
      count('network');
      throw err;
    }
  };
  let running = true;
  const reps = Array.from({ length: clients }, (_, i) => newClient(serverFor(i), tenant.managerToken));
  const created = new Map<Client, string[]>(reps.map((rep) => [rep, []]));
  const order = { channel: 'takeaway', customer: { name: 'Load' }, items: [{ productId: 'burger', quantity: 1 }] };
  const loops = [
    ...Array.from({ length: restLoops }, async (_, i) => {
      while (running) await api(serverFor(i), tenant.managerToken, 'POST', '/api/orders', order).catch(() => sleep(20));
    }),
    (async () => {
      const group = uniqueId('load-pull');
      for (let i = 0; running; i++) {
        await pull(serverFor(i), tenant.managerToken, pullBody(group, null)).catch(() => undefined);
        await sleep(10);
      }
    })(),
    ...reps.map(async (rep) => {
      // The client's mutators need the menu in its replica first.
      await rep.pull();
      await waitFor(rep, (tx) => tx.has('product/burger'), Boolean, 10_000);
      for (let i = 0; running; i++) {
        const id = `${rep.name.slice(-8)}-${i}`;
        await rep.mutate.createOrder({ id, ...order, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() } as never);
        created.get(rep)?.push(id);
        await rep.pull().catch(() => undefined);
        await sleep(15);
      }
    }),
  ];
  return {
    statuses,
    created,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
    async close() {
      globalThis.fetch = realFetch;
      await Promise.all(reps.map((rep) => rep.close()));
    },
  };
}

/**
 * After the faults: every client settles (its queue fully acknowledged), each order a client
 * created is on the server exactly once with exactly one creating mutation, and every client
 * ends up holding every one of them.
 */
export async function checkConverged(load: MixedLoad, databaseUrl: string, settleMs = 30_000): Promise<{ orders: number }> {
  const reps = [...load.created.keys()];
  for (const rep of reps) await settle(rep, settleMs);
  const ids = [...load.created.values()].flat();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const stored = await db.query<{ id: string }>('SELECT id FROM orders WHERE id = ANY($1::text[])', [ids]);
    const missing = ids.filter((id) => !stored.rows.some((r) => r.id === id));
    if (missing.length) throw new Error(`lost orders: ${missing.join(', ')}`);
    const repeated = await db.query(
      "SELECT client_id, mutation_id FROM events WHERE type = 'order.created' AND client_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1",
    );
    if (repeated.rows.length) throw new Error(`mutations applied twice: ${JSON.stringify(repeated.rows)}`);
    const perOrder = await db.query(
      "SELECT data->>'orderId' AS id FROM events WHERE type = 'order.created' AND data->>'orderId' = ANY($1::text[]) GROUP BY 1 HAVING count(*) > 1",
      [ids],
    );
    if (perOrder.rows.length) throw new Error(`orders created twice: ${JSON.stringify(perOrder.rows)}`);
  } finally {
    await db.end();
  }
  for (const rep of reps) {
    await rep.pull({ now: true });
    const held = await rep.query(async (tx) => (await tx.scan({ prefix: 'order/' }).keys().toArray()).map((k) => k.slice('order/'.length)));
    const absent = ids.filter((id) => !held.includes(id));
    if (absent.length) throw new Error(`client ${rep.name} lacks ${absent.length} orders`);
  }
  return { orders: ids.length };
}
