import type { KitchenOrder } from '@kitchensync/shared';
import pg from 'pg';
import { placeOrder } from '../../support/kitchen-fixture.ts';
import { readTickets, type Client } from '../../support/replicache-client.ts';

/** One till and its kitchen screen of one release: orders taken here are cooked there. */
export interface Line {
  readonly label: string;
  readonly manager: Client;
  readonly kitchen: Client;
  /** Schema 1 sets an item's status; schema 2 sends the item table's event. */
  readonly finishItem: (kitchen: Client, ticket: KitchenOrder) => Promise<unknown>;
  readonly orders: string[];
  mutations: number;
  failures: number;
}

/** Takes `count` orders (two mutations each), one at a time, with a pause between. */
export async function takeOrders(line: Line, count: number, pauseMs: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const id = `${line.label}-${line.orders.length + 1}`;
    line.orders.push(id);
    await placeOrder(line.manager, id).then(
      () => (line.mutations += 2),
      () => (line.failures += 1),
    );
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/** Cooks and bumps this line's tickets (two mutations each, one burger an order) until `done()` and every order is cooked. */
export async function cook(line: Line, done: () => boolean): Promise<void> {
  const cooked = new Set<string>();
  const cookedOrders = new Set<string>();
  const deadline = Date.now() + 90_000;
  const mine = (t: KitchenOrder) => line.orders.includes(t.orderId) && !cooked.has(t.id) && t.status === 'queued';
  for (;;) {
    await line.kitchen.pull({ now: true }).catch(() => undefined);
    const waiting = (await readTickets(line.kitchen)).filter(mine);
    if (waiting.length === 0 && done() && cookedOrders.size === line.orders.length) return;
    if (Date.now() > deadline) throw new Error(`${line.label}: ${line.orders.length - cookedOrders.size} orders never reached the kitchen`);
    for (const t of waiting) {
      cooked.add(t.id);
      cookedOrders.add(t.orderId);
      const ok = await line.finishItem(line.kitchen, t).then(() => line.kitchen.mutate.bumpKitchenOrder({ kitchenOrderId: t.id, at: Date.now() })).then(
        () => true,
        () => false,
      );
      if (ok) line.mutations += 2;
      else line.failures += 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Tally {
  readonly mutations: number;
  readonly lost: number;
  readonly repeated: number;
  readonly rejected: number;
}

/** Counts sync requests that failed (network error or not HTTP 200), and those in flight, until `stop`. */
export function watchSyncRequests(): { readonly failed: number; inFlightTo(origin: string): number; stop(): void } {
  const original = globalThis.fetch;
  const inFlight = new Map<string, number>();
  const counter = {
    failed: 0,
    inFlightTo: (origin: string) => inFlight.get(origin) ?? 0,
    stop: () => void (globalThis.fetch = original),
  };
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.pathname.startsWith('/api/replicache/')) return original(input, init);
    inFlight.set(url.origin, counter.inFlightTo(url.origin) + 1);
    try {
      const res = await original(input, init);
      if (res.status !== 200) counter.failed += 1;
      return res;
    } catch (err) {
      counter.failed += 1;
      throw err;
    } finally {
      inFlight.set(url.origin, counter.inFlightTo(url.origin) - 1);
    }
  };
  return counter;
}

/**
 * What the database says of every line's mutations: each one the clients made must have left its
 * events exactly once (lost: made but without events; repeated: one effect recorded twice), and
 * the server must have refused none.
 */
export async function tally(databaseUrl: string, tenantId: string, lines: readonly Line[]): Promise<Tally> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const count = async (sql: string, params: unknown[]) => (await db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
  try {
    const clients = lines.flatMap((l) => [l.manager.clientID, l.kitchen.clientID]);
    const applied = await count('SELECT count(DISTINCT (client_id, mutation_id))::int AS n FROM events WHERE client_id = ANY($1)', [clients]);
    const repeated = await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE client_id = ANY($1)
         GROUP BY client_id, mutation_id, type, order_id, data::text HAVING count(*) > 1) twice`,
      [clients],
    );
    const rejected = await count('SELECT count(*)::int AS n FROM rejections WHERE tenant_id = $1', [tenantId]);
    const made = lines.reduce((n, l) => n + l.mutations, 0);
    return { mutations: made, lost: made - applied, repeated, rejected };
  } finally {
    await db.end();
  }
}
