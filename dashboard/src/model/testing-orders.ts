import type { Order } from '@kitchensync/shared';

/** A valid order for view-model tests; override what the test is about. */
export function anOrder(patch: Partial<Order> & { id: string }): Order {
  const createdAt = patch.createdAt ?? 1_000;
  return {
    channel: 'dine_in',
    customer: { name: 'Ada' },
    lines: [
      { id: 'l1', productId: 'burger', name: 'Burger', stationType: 'grill', unitPriceCents: 1250, quantity: 1, modifiers: [], lineTotalCents: 1250 },
    ],
    itemCount: 1,
    totalCents: 1250,
    status: 'draft',
    statusTimes: { draft: createdAt },
    createdAt,
    updatedAt: createdAt,
    trackingToken: '',
    ...patch,
  };
}
