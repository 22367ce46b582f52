import { api } from '../support/server.ts';
import { startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';
import type { OrderLineInput } from './manager.ts';

/** Issue 20's Saturday rush: 40 orders, ~90 tickets over 4 stations, three 11-line tickets, three-course orders, a void, an 86. */
export interface RushWorld {
  readonly world: KitchenWorld;
  readonly stations: string[];
  /** The three 11-line orders and an order placed last (the youngest). */
  readonly big: string[];
  readonly youngest: string;
  readonly voided: string;
}

const must = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string };
};

export async function startRushWorld(): Promise<RushWorld> {
  const world = await startKitchenWorld();
  const { server, tenant } = world;
  const m = tenant.managerToken;
  for (const s of [{ name: 'Cold', type: 'cold' }, { name: 'Pastry', type: 'pastry' }]) must(await api(server, m, 'POST', '/api/kitchen/stations', { ...s, capacity: 4 }), 'station');
  const salad = must(await api(server, m, 'POST', '/api/products', { name: 'Caesar salad', priceCents: 900, stationType: 'cold', prepSeconds: 240 }), 'salad').id;
  const tart = must(await api(server, m, 'POST', '/api/products', { name: 'Lemon tart', priceCents: 700, stationType: 'pastry', prepSeconds: 180, allergens: ['gluten'] }), 'tart').id;
  const stations = (await api<{ items: { id: string }[] }>(server, m, 'GET', '/api/kitchen/stations')).body.items.map((s) => s.id);
  const big: string[] = [];
  const table = (i: number) => ({ table: String(1 + i), guests: 2 + (i % 4) });
  const ordinary = (i: number): OrderLineInput[] => {
    const lines: OrderLineInput[] = [{ product: i % 3 === 0 ? 'steak' : 'burger', quantity: 1 + (i % 2), ...(i % 4 === 0 ? { modifiers: ['no onion'] } : {}) }];
    if (i % 2 === 0) lines.push({ product: 'fries', quantity: 1 + (i % 3) });
    if (i % 3 !== 1) lines.push({ product: salad, quantity: 1 });
    if (i % 5 === 0) lines.push({ product: tart, quantity: 1, notes: 'birthday candle' });
    if (i % 7 === 3) lines.push({ product: 'satay', quantity: 2 });
    return lines;
  };
  let voided = '';
  for (let i = 0; i < 39; i++) {
    if (i === 5 || i === 17 || i === 29) {
      const lines = Array.from({ length: 11 }, (_, n): OrderLineInput => ({ product: n % 3 === 0 ? 'steak' : n % 3 === 1 ? 'burger' : 'satay', quantity: 1 + (n % 2), ...(n % 4 === 0 ? { notes: `seat ${n + 1}` } : {}) }));
      big.push(await world.manager.order('dine_in', lines, `Party ${i}`, { table: String(50 + i), guests: 11 }));
    } else if (i % 6 === 2) {
      // Three courses: starters now, mains and desserts held for expo to fire.
      await world.manager.order('dine_in', [{ product: salad, quantity: 2, course: 1 }, { product: 'fries', quantity: 1, course: 1 }, { product: 'steak', quantity: 2, course: 2 }, { product: tart, quantity: 2, course: 3 }], `Courses ${i}`, table(i));
    } else {
      const id = await world.manager.order(i % 4 === 1 ? 'takeaway' : 'dine_in', ordinary(i), `Guest ${i}`, i % 4 === 1 ? {} : table(i));
      if (i === 11) voided = id;
    }
  }
  const youngest = await world.manager.order('takeaway', [{ product: 'burger', quantity: 1 }, { product: 'fries', quantity: 1 }], 'Last in');
  await world.manager.cancel(voided, 'guest left');
  must(await api(server, tenant.kitchenToken, 'PUT', `/api/products/${(await world.manager.product('steak')).id}/sold-out`, { soldOut: true }), '86');
  return { world, stations, big, youngest, voided };
}
