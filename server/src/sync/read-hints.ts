import { customerIdFor, customerKey, kitchenOrderKey, orderKey, productKey, stationKey } from '@kitchensync/shared';

/**
 * Keys a batch of mutations will obviously read, guessed from their args, so a push can load them
 * in a few queries up front. Only a speed-up: a wrong or missing guess just means a later read.
 */
export function readHints(mutations: readonly { name: string; args: unknown }[]): Set<string> {
  const keys = new Set<string>();
  for (const { name, args } of mutations) {
    if (typeof args !== 'object' || args === null) continue;
    const a = args as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const id = str(a.id);
    if (id && name === 'createOrder') keys.add(orderKey(id));
    const customer = a.customer as { phone?: unknown; email?: unknown } | null | undefined;
    if (name === 'createOrder' && typeof customer === 'object' && customer !== null) {
      const customerId = customerIdFor({ name: '', phone: str(customer.phone), email: str(customer.email) } as never);
      if (customerId) keys.add(customerKey(customerId));
    }
    if (id && name === 'upsertProduct') keys.add(productKey(id));
    if (id && name === 'upsertStation') keys.add(stationKey(id));
    if (str(a.orderId)) keys.add(orderKey(a.orderId as string));
    if (str(a.kitchenOrderId)) keys.add(kitchenOrderKey(a.kitchenOrderId as string));
    for (const item of Array.isArray(a.items) ? a.items : []) {
      const productId = str((item as { productId?: unknown } | null)?.productId);
      if (productId) keys.add(productKey(productId));
    }
  }
  return keys;
}
