import { orderKey, type MutatorName, type Order } from '@kitchensync/shared';
import { generateToken, hashToken, newId } from '../auth/tokens.ts';
import type { MutationTx } from './tenant-store.ts';

type Effect = (tx: MutationTx, args: unknown) => Promise<void>;

/**
 * Server-only consequences of a mutation, kept out of the shared mutators because they need
 * randomness: a new order gets its customer tracking token (a bearer token of role customer that
 * reads exactly that order). The order keeps the token so managers can share the tracking link.
 */
export const serverEffects: Partial<Record<MutatorName, Effect>> = {
  createOrder: async (tx, args) => {
    const orderId = (args as { id: string }).id;
    const order = (await tx.get(orderKey(orderId))) as Order;
    const token = generateToken('customer');
    tx.issueToken({ id: newId('tok'), label: `tracking ${orderId}`, hash: hashToken(token), orderId });
    await tx.set(orderKey(orderId), { ...order, trackingToken: token });
  },
};
