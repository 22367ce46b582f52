import type { DomainEvent } from '../events.ts';
import { kitchenOrderKey, orderKey, stationKey, ticketKeyPrefix } from '../keys.ts';
import { openTicketStatuses, kitchenOrderMachine, type KitchenOrderAction, type KitchenOrderEvent } from '../machines/kitchen-order-machine.ts';
import { orderMachine, type OrderAction, type OrderEvent } from '../machines/order-machine.ts';
import type { KitchenOrder, KitchenOrderStatus, Order, OrderStatus, Station } from '../schema.ts';
import { list, read, write, type Tx } from '../tx.ts';
import { printExpo, printVoid } from '../print/print-jobs.ts';

/** What each named action of the tables does (the rows say which moves set them off). */
const orderActions: Record<OrderAction, (tx: Tx, order: Order, at: number) => Promise<void>> = {
  // All in: the pass gets its chit (once per order: the job's id is the order's).
  printExpoChit: printExpo,
};
const ticketActions: Record<KitchenOrderAction, (tx: Tx, ticket: KitchenOrder, at: number) => Promise<void>> = {
  printVoidSlip: (tx, ticket, at) => printVoid(tx, ticket, at, ticket.closedBy?.reason),
};

/** Moves an order through the table, stamps the time it reached the new status and runs the move's actions. */
export async function moveOrder(
  tx: Tx,
  order: Order,
  to: OrderStatus,
  at: number,
  reason?: string,
): Promise<{ order: Order; events: DomainEvent[] }> {
  const ctx = { channel: order.channel, reason };
  orderMachine.assertTransition(order.status, to, ctx);
  const next: Order = {
    ...order,
    status: to,
    statusTimes: { ...order.statusTimes, [to]: at },
    updatedAt: at,
    ...(to === 'cancelled' && reason ? { cancelReason: reason } : {}),
  };
  await write(tx, orderKey(order.id), next);
  for (const action of orderMachine.actionsOf(order.status, to, ctx)) await orderActions[action](tx, next, at);
  const event: DomainEvent = { type: 'order.status_changed', orderId: order.id, from: order.status, to };
  return { order: next, events: [reason ? { ...event, reason } : event] };
}

/** Moves an order by an event of its table (the table decides where it goes). */
export function moveOrderBy(tx: Tx, order: Order, event: OrderEvent, at: number, reason?: string) {
  return moveOrder(tx, order, orderMachine.next(event, order.status, { channel: order.channel, reason }), at, reason);
}

const isOpen = (s: KitchenOrderStatus) => openTicketStatuses.includes(s);

/** Adds `delta` open tickets to a station's load. */
export async function adjustStationLoad(tx: Tx, stationId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  const station = await read<Station>(tx, stationKey(stationId));
  if (!station) return;
  await write(tx, stationKey(stationId), { ...station, openTickets: Math.max(0, station.openTickets + delta) });
}

/** Moves a ticket by an event of its table, keeping its station's open-ticket count in step, and runs the move's actions. */
export async function moveTicket(
  tx: Tx,
  ticket: KitchenOrder,
  event: KitchenOrderEvent,
  at: number,
  patch: Partial<KitchenOrder> = {},
): Promise<{ ticket: KitchenOrder; events: DomainEvent[] }> {
  const { to, actions } = kitchenOrderMachine.transition(event, ticket.status, {});
  const next: KitchenOrder = { ...ticket, ...patch, status: to, updatedAt: at };
  await write(tx, kitchenOrderKey(ticket.id), next);
  await adjustStationLoad(tx, ticket.stationId, Number(isOpen(to)) - Number(isOpen(ticket.status)));
  for (const action of actions) await ticketActions[action](tx, next, at);
  return {
    ticket: next,
    events: [
      { type: 'kitchen_order.status_changed', orderId: ticket.orderId, kitchenOrderId: ticket.id, from: ticket.status, to },
    ],
  };
}

/** The tickets of an order's current contract (their ids start with the contract id). */
export async function ticketsOfOrder(tx: Tx, order: Order): Promise<KitchenOrder[]> {
  if (!order.contractVersion) return [];
  return list<KitchenOrder>(tx, ticketKeyPrefix(order.id, order.contractVersion));
}

/** Applies `event` to every ticket that accepts it; the others stay as they are. */
export async function moveTicketsWhereAllowed(
  tx: Tx,
  tickets: readonly KitchenOrder[],
  event: KitchenOrderEvent,
  at: number,
  patch: Partial<KitchenOrder> = {},
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const ticket of tickets) {
    if (kitchenOrderMachine.allows(event, ticket.status, {})) events.push(...(await moveTicket(tx, ticket, event, at, patch)).events);
  }
  return events;
}
