import type { KitchenItem, KitchenOrder } from '@kitchensync/shared';

/** Small builders for view-model tests. */
export function item(patch: Partial<KitchenItem> & { id: string }): KitchenItem {
  return {
    productId: 'burger',
    name: 'Burger',
    quantity: 1,
    status: 'pending',
    modifiers: [],
    allergens: [],
    steps: [],
    prepSeconds: 300,
    ingredients: [],
    ...patch,
  };
}

export function ticket(patch: Partial<KitchenOrder> & { id: string }): KitchenOrder {
  return {
    orderId: patch.id.split('.')[0] ?? patch.id,
    contractId: `${patch.id}.v1`,
    contractVersion: 1,
    stationId: 'grill-1',
    stationType: 'grill',
    channel: 'dine_in',
    priority: 3,
    status: 'queued',
    items: [item({ id: 'l1' })],
    allergens: [],
    createdAt: 0,
    etaAt: 600_000,
    updatedAt: 0,
    ...patch,
  };
}
