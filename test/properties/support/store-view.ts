import {
  contractId,
  keyPrefix,
  type KitchenOrder,
  type Order,
  type ReadonlyJSONValue,
  type Station,
} from '@kitchensync/shared';

const under = <T>(entries: readonly [string, ReadonlyJSONValue][], prefix: string): Map<string, T> =>
  new Map(entries.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value as T]));

/** A read model over one snapshot of the store, for checking invariants. */
export class StoreView {
  readonly orders: Map<string, Order>;
  readonly tickets: Map<string, KitchenOrder>;
  readonly stations: Map<string, Station>;

  constructor(readonly entries: readonly [string, ReadonlyJSONValue][]) {
    this.orders = under(entries, keyPrefix.order);
    this.tickets = under(entries, keyPrefix.kitchenOrder);
    this.stations = under(entries, keyPrefix.station);
  }

  /** The order's tickets, split into those of its current contract and older ones. */
  ticketsOf(order: Order): { current: KitchenOrder[]; older: KitchenOrder[] } {
    const mine = [...this.tickets.values()].filter((t) => t.orderId === order.id);
    const currentId = order.contractVersion === undefined ? undefined : contractId(order.id, order.contractVersion);
    return { current: mine.filter((t) => t.contractId === currentId), older: mine.filter((t) => t.contractId !== currentId) };
  }

  /** Status of every order (`order:id`), ticket (`ticket:id`) and ticket item (`item:ticketId/itemId`). */
  statuses(): Map<string, string> {
    const statuses = new Map<string, string>();
    for (const order of this.orders.values()) statuses.set(`order:${order.id}`, order.status);
    for (const ticket of this.tickets.values()) {
      statuses.set(`ticket:${ticket.id}`, ticket.status);
      for (const item of ticket.items) statuses.set(`item:${ticket.id}/${item.id}`, item.status);
    }
    return statuses;
  }
}
