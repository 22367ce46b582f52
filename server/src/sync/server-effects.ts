import { orderKey, type MutatorName, type Order } from '@kitchensync/shared';
import { generateToken, hashToken, newId } from '../auth/tokens.ts';
import type { MutationTx, TenantStore } from './tenant-store.ts';

type Effect = (tx: MutationTx, store: TenantStore, args: unknown) => Promise<void>;

/**
 * Server-only consequences of a mutation, kept out of the shared mutators because they need
 * randomness: a new order gets its customer tracking token (a bearer token of role customer that
 * reads exactly that order). The order keeps the token so managers can share the tracking link.
 */
export const serverEffects: Partial<Record<MutatorName, Effect>> = {
  createOrder: async (tx, store, args) => {
    const orderId = (args as { id: string }).id;
    const order = (await tx.get(orderKey(orderId))) as Order;
    const token = generateToken('customer');
    await store.q.query(
      `INSERT INTO tokens (id, tenant_id, role, label, hash, order_id) VALUES ($1, $2, 'customer', $3, $4, $5)`,
      [newId('tok'), store.tenantId, `tracking ${orderId}`, hashToken(token), orderId],
    );
    await tx.set(orderKey(orderId), { ...order, trackingToken: token });
  },
};
