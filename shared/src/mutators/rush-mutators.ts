import { DomainError } from '../errors.ts';
import { rushableStatuses } from '../fire-order.ts';
import { orderKey } from '../keys.ts';
import { setOrderRushArgsSchema, type Order } from '../schema.ts';
import { readOrFail, write } from '../tx.ts';
import { defineMutator } from './args.ts';

/**
 * A manager or expo flags an order RUSH (or takes the flag off): its tickets go first on every
 * kitchen screen. Setting what is already set changes nothing and records nothing.
 */
export const setOrderRush = defineMutator(setOrderRushArgsSchema, async (tx, args) => {
  const order = await readOrFail<Order>(tx, orderKey(args.orderId), `order ${args.orderId}`);
  if (!rushableStatuses.includes(order.status)) {
    throw new DomainError('illegal_transition', `a ${order.status} order cannot be rushed`, { orderId: order.id, status: order.status });
  }
  if ((order.rush ?? false) === args.rush) return [];
  await write(tx, orderKey(order.id), { ...order, rush: args.rush, updatedAt: args.at });
  return [{ type: 'order.rush_changed', orderId: order.id, rush: args.rush }];
});
