import { contractKey, kitchenOrderKey, orderKey, stationKey } from '../keys.ts';
import type { KitchenOrder, Order, ProductionContract, Station } from '../schema.ts';
import { list, readOrFail, type Tx } from '../tx.ts';

/** Readers of what the order tests look at, over the tx `current` gives (each test has a fresh one). */
export function orderReaders(current: () => Tx) {
  return {
    order: (id: string) => readOrFail<Order>(current(), orderKey(id), id),
    ticket: (id: string) => readOrFail<KitchenOrder>(current(), kitchenOrderKey(id), id),
    station: (id: string) => readOrFail<Station>(current(), stationKey(id), id),
    contract: (id: string) => readOrFail<ProductionContract>(current(), contractKey(id), id),
    tickets: () => list<KitchenOrder>(current(), 'kitchenOrder/'),
  };
}
