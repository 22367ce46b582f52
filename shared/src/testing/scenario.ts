import { isDomainError } from '../errors.ts';
import { mutators } from '../mutators.ts';
import type { CreateOrderArgs, UpsertProductArgs, UpsertStationArgs } from '../schema.ts';
import type { Tx } from '../tx.ts';
import { demoProducts, demoStations } from './fixtures.ts';
import type { MemoryTx } from './memory-tx.ts';

/** Puts a menu and a kitchen into `tx` through the mutators, as a manager would. */
export async function seedKitchen(
  tx: Tx,
  products: readonly UpsertProductArgs[] = demoProducts,
  stations: readonly UpsertStationArgs[] = demoStations,
): Promise<void> {
  for (const product of products) await mutators.upsertProduct(tx, product);
  for (const station of stations) await mutators.upsertStation(tx, station);
}

export interface OrderOptions {
  readonly channel?: CreateOrderArgs['channel'];
  readonly at?: number;
  readonly quantity?: number;
}

/** createOrder args with one line per product id (line ids l1, l2, …). */
export function orderArgs(id: string, productIds: readonly string[], options: OrderOptions = {}): CreateOrderArgs {
  return {
    id,
    channel: options.channel ?? 'dine_in',
    customer: { name: 'Ada' },
    items: productIds.map((productId, i) => ({ id: `l${i + 1}`, productId, quantity: options.quantity ?? 1 })),
    at: options.at ?? 1_000,
  };
}

/** Creates and confirms an order, so its contract and tickets exist. */
export async function placeOrder(tx: Tx, id: string, productIds: readonly string[], options: OrderOptions = {}): Promise<void> {
  const args = orderArgs(id, productIds, options);
  await mutators.createOrder(tx, args);
  await mutators.confirmOrder(tx, { orderId: id, at: args.at + 1 });
}

/** Runs a call that should fail; tells its error code and whether it changed the store anyway. */
export async function refusal(tx: MemoryTx, run: () => Promise<unknown>): Promise<{ code: string; changed: boolean }> {
  const before = tx.snapshot();
  try {
    await run();
  } catch (err) {
    return { code: isDomainError(err) ? err.code : `not a DomainError: ${String(err)}`, changed: tx.snapshot() !== before };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
