import type { PrintEvent } from './schemas/printer-events.ts';
/**
 * What a mutation did, in domain words. Mutators return these; the server appends them
 * to the audit trail with its own time, the acting principal and the mutation id.
 */
export type DomainEvent =
  | { type: 'order.created'; orderId: string; totalCents: number }
  | { type: 'order.status_changed'; orderId: string; from: string; to: string; reason?: string }
  | { type: 'contract.issued'; orderId: string; contractId: string; version: number }
  | { type: 'kitchen_order.created'; orderId: string; kitchenOrderId: string; stationId: string }
  | { type: 'kitchen_order.status_changed'; orderId: string; kitchenOrderId: string; from: string; to: string }
  | { type: 'kitchen_item.status_changed'; orderId: string; kitchenOrderId: string; itemId: string; from: string; to: string }
  | {
      type: 'ingredients.consumed';
      orderId: string;
      kitchenOrderId: string;
      itemId: string;
      ingredients: { name: string; quantity: number; unit: string }[];
    }
  | { type: 'customer.upserted'; customerId: string }
  | { type: 'product.upserted'; productId: string; recipeVersion: number }
  | { type: 'station.upserted'; stationId: string; active: boolean }
  | { type: 'rejection.dismissed'; key: string }
  | { type: 'course.fired'; orderId: string; course: number; kitchenOrderIds: string[] }
  | { type: 'product.sold_out_changed'; productId: string; soldOut: boolean }
  | { type: 'product.option_sold_out_changed'; productId: string; groupId: string; optionId: string; soldOut: boolean }
  | { type: 'order.rush_changed'; orderId: string; rush: boolean }
  | PrintEvent;

export type DomainEventType = DomainEvent['type'];

/** The order an event belongs to, for order history. */
export function eventOrderId(event: DomainEvent): string | undefined {
  return 'orderId' in event ? event.orderId : undefined;
}
