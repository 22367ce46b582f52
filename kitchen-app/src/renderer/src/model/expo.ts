import { activeTicketStatuses, bumpedTicketStatuses, fireOrder, orderMachine, orderStatusesWithKitchen, type Channel, type KitchenOrder, type KitchenOrderStatus, type Order } from '@kitchensync/shared';
import { firedAt, isHeld, ticketCourse } from './ticket-facts.ts';

/** One station's part of an order, as expo sees it. */
export interface StationProgress {
  readonly ticketId: string;
  readonly stationId: string;
  readonly course: number;
  readonly status: KitchenOrderStatus;
  readonly done: number;
  readonly total: number;
  /** What the station makes for this order, line by line. */
  readonly items: readonly { readonly id: string; readonly quantity: number; readonly name: string; readonly status: KitchenOrder['items'][number]['status'] }[];
}

/** One card per order on the expo screen. */
export interface ExpoOrder {
  /** The order id (expo's cards are orders). */
  readonly id: string;
  readonly orderId: string;
  readonly channel: Channel;
  readonly tickets: readonly KitchenOrder[];
  readonly progress: readonly StationProgress[];
  /** Every station has bumped every fired course and nothing is held: ready to serve. */
  readonly allIn: boolean;
  /** Courses still held, lowest first (expo fires them). */
  readonly heldCourses: readonly number[];
  readonly since: number;
  /** A manager or expo flagged it RUSH: it goes first. */
  readonly rush: boolean;
  /** The order machine allows the hand-off now. */
  readonly canHandOff: boolean;
}

/** What the hand-off button says for the order's channel. */
export const handOffLabel: Record<Channel, string> = {
  dine_in: 'Served',
  takeaway: 'Picked up',
  delivery: 'Given to courier',
  online: 'Given to courier',
};

// Every set is the tables': expo shows the active tickets of orders not yet handed off.
const stillWithKitchen = (o: Order | undefined) => !o || orderStatusesWithKitchen.includes(o.status);
const bumped = (t: KitchenOrder) => bumpedTicketStatuses.includes(t.status);

function expoOrder(orderId: string, all: readonly KitchenOrder[], order: Order | undefined): ExpoOrder | undefined {
  const version = Math.max(...all.map((t) => t.contractVersion));
  const tickets = all.filter((t) => t.contractVersion === version && activeTicketStatuses.includes(t.status));
  const first = tickets[0];
  if (!first || !stillWithKitchen(order)) return undefined;
  const progress = tickets
    .map((t) => ({
      ticketId: t.id,
      stationId: t.stationId,
      course: ticketCourse(t),
      status: t.status,
      done: bumped(t) ? t.items.length : t.items.filter((i) => i.status === 'done').length,
      total: t.items.length,
      items: t.items.map((i) => ({ id: i.id, quantity: i.quantity, name: i.name, status: bumped(t) ? ('done' as const) : i.status })),
    }))
    .sort((a, b) => a.course - b.course || (a.stationId < b.stationId ? -1 : 1));
  const channel = order?.channel ?? first.channel;
  return {
    id: orderId,
    orderId,
    channel,
    tickets,
    progress,
    allIn: tickets.every(bumped),
    heldCourses: [...new Set(tickets.filter(isHeld).map(ticketCourse))].sort((a, b) => a - b),
    since: Math.min(...tickets.map(firedAt)),
    rush: order?.rush === true,
    canHandOff: order !== undefined && orderMachine.allows('hand_off', order.status, { channel }),
  };
}

type CardOf = (orderId: string, tickets: readonly KitchenOrder[], order: Order | undefined) => ExpoOrder | undefined;

function collect(tickets: Iterable<KitchenOrder>, orderById: (id: string) => Order | undefined, cardOf: CardOf): ExpoOrder[] {
  const byOrder = new Map<string, KitchenOrder[]>();
  for (const t of tickets) {
    const list = byOrder.get(t.orderId);
    if (list) list.push(t);
    else byOrder.set(t.orderId, [t]);
  }
  const out: ExpoOrder[] = [];
  for (const [orderId, list] of byOrder) {
    const e = cardOf(orderId, list, orderById(orderId));
    if (e) out.push(e);
  }
  return out.sort((a, b) => fireOrder({ id: a.id, rush: a.rush, firedAt: a.since }, { id: b.id, rush: b.rush, firedAt: b.since }));
}

/** Orders the kitchen is still working on or that wait at the pass, in fire order (RUSH first, then oldest fired). */
export const expoOrders = (tickets: Iterable<KitchenOrder>, orderById: (id: string) => Order | undefined): ExpoOrder[] => collect(tickets, orderById, expoOrder);

const sameObjects = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `expoOrders` for a screen: an order whose tickets and order are the very objects of the last
 * call (replica values never change in place) keeps its card object, so its memoised card does
 * not re-render when another order changes. Anything else is made afresh.
 */
export function expoOrdersKeepingCards(): typeof expoOrders {
  type Made = { readonly tickets: readonly KitchenOrder[]; readonly order: Order | undefined; readonly card: ExpoOrder | undefined };
  let last = new Map<string, Made>();
  return (tickets, orderById) => {
    const next = new Map<string, Made>();
    const list = collect(tickets, orderById, (orderId, all, order) => {
      const prev = last.get(orderId);
      const card = prev && prev.order === order && sameObjects(prev.tickets, all) ? prev.card : expoOrder(orderId, all, order);
      next.set(orderId, { tickets: all, order, card });
      return card;
    });
    last = next;
    return list;
  };
}
