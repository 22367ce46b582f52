import {
  contractKey,
  domainErrorCodes,
  isDomainError,
  itemMachine,
  kitchenOrderMachine,
  kitchenOrderSchema,
  orderMachine,
  orderSchema,
  productionContractSchema,
  stationSchema,
  type Channel,
  type DomainEvent,
  type KitchenOrder,
  type KitchenOrderStatus,
  type Order,
  type OrderStatus,
} from '@kitchensync/shared';
import type { Step } from './replay.ts';
import { StoreView } from './store-view.ts';

/** Fails the property with a message that names the broken rule and the entity. */
export function violated(rule: string, detail: unknown): never {
  throw new Error(`${rule}: ${JSON.stringify(detail)}`);
}

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown } | undefined };
}

function conforms(schema: Schema, what: string, values: Iterable<unknown>): void {
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) violated(`a stored ${what} breaks its schema`, { value, issues: parsed.error?.issues });
  }
}

/** Which ticket statuses the current tickets of an order may have, for each order status. */
const ticketsAllowedFor: Record<OrderStatus, readonly KitchenOrderStatus[]> = {
  draft: [],
  // Later courses wait, held, until fired; an order with a held course is never ready.
  confirmed: ['held', 'queued'],
  in_preparation: ['held', 'queued', 'in_progress', 'ready'],
  ready: ['ready'],
  delivering: ['ready'],
  delivered: ['completed'],
  cancelled: ['cancelled'],
};

/** Orders past confirmation and not cancelled have their work on the rail. */
const withTickets: readonly OrderStatus[] = ['confirmed', 'in_preparation', 'ready', 'delivering', 'delivered'];

/** Which item statuses a ticket may hold (a ready ticket was bumped, so all its work is done). */
const itemsAllowedFor: Record<KitchenOrderStatus, readonly string[]> = {
  held: ['pending'],
  queued: ['pending'],
  in_progress: ['pending', 'in_progress', 'done'],
  ready: ['done'],
  completed: ['done'],
  cancelled: ['pending', 'in_progress', 'done'],
};

/** Said independently of the table, so that a wrong table cannot vouch for itself. */
const onSite: readonly Channel[] = ['dine_in', 'takeaway'];

function checkOrderAndTickets(view: StoreView, order: Order): void {
  if (onSite.includes(order.channel) && order.statusTimes.delivering !== undefined) {
    violated('an on-site order went out for delivery', order);
  }
  const { current, older } = view.ticketsOf(order);
  const stray = current.find((t) => !ticketsAllowedFor[order.status].includes(t.status));
  if (stray) violated(`a ${order.status} order has a ${stray.status} ticket`, { order: order.id, ticket: stray.id });
  const live = older.find((t) => t.status !== 'cancelled');
  if (live) violated('a superseded contract still has a live ticket', live);
  const silent = older.find((t) => t.closedBy?.kind !== 'contract_reissued');
  if (silent) violated('a superseded ticket does not say it was re-issued', silent);
  const unexplained = order.status === 'cancelled' ? current.find((t) => t.closedBy?.kind !== 'order_cancelled') : undefined;
  if (unexplained) violated('a ticket of a cancelled order does not say the order was cancelled', unexplained);
  const misfired = current.find((t) => t.status === 'held' && (t.course === 1 || t.firedAt !== undefined));
  if (misfired) violated('a held ticket is course 1 or was already fired', misfired);
  if (withTickets.includes(order.status) && current.length === 0) violated(`a ${order.status} order has no ticket`, order);
}

function checkTicketItems(ticket: KitchenOrder): void {
  const stray = ticket.items.find((i) => !itemsAllowedFor[ticket.status].includes(i.status));
  if (stray) violated(`a ${ticket.status} ticket holds a ${stray.status} item`, { ticket: ticket.id, item: stray.id });
  const unrecorded = ticket.items.find((i) => i.status === 'done' && i.consumed === undefined);
  if (unrecorded) violated('a done item has no ingredient consumption recorded', { ticket: ticket.id, item: unrecorded.id });
}

/** Every entity is well-formed and in a status its table and its neighbours allow. */
export function checkStates(view: StoreView): void {
  conforms(orderSchema, 'order', view.orders.values());
  conforms(kitchenOrderSchema, 'kitchen order', view.tickets.values());
  conforms(stationSchema, 'station', view.stations.values());
  conforms(productionContractSchema, 'contract', view.entries.filter(([k]) => k.startsWith(contractKey(''))).map(([, v]) => v));
  for (const order of view.orders.values()) checkOrderAndTickets(view, order);
  for (const ticket of view.tickets.values()) checkTicketItems(ticket);
}

export function checkTotals(view: StoreView): void {
  for (const order of view.orders.values()) {
    const badLine = order.lines.find((l) => l.lineTotalCents !== l.unitPriceCents * l.quantity);
    if (badLine) violated('a line total is not unit price × quantity', badLine);
    const total = order.lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
    const count = order.lines.reduce((n, l) => n + l.quantity, 0);
    if (order.totalCents !== total || order.itemCount !== count) violated('an order total is not the sum of its lines', order);
  }
}

export function checkStationLoad(view: StoreView): void {
  for (const station of view.stations.values()) {
    const open = [...view.tickets.values()].filter((t) => t.stationId === station.id && (t.status === 'queued' || t.status === 'in_progress'));
    if (station.openTickets !== open.length) {
      violated('openTickets differs from the queued and in-progress tickets', { station, open: open.map((t) => t.id) });
    }
  }
}

type StatusEvent = Extract<DomainEvent, { type: 'order.status_changed' | 'kitchen_order.status_changed' | 'kitchen_item.status_changed' }>;

/** The entity whose creation explains a new status key: items come with their ticket. */
const ownerOf = (key: string) => key.replace(/^item:([^/]+)\/.*$/, 'ticket:$1');

const statusKey = (e: StatusEvent) =>
  e.type === 'order.status_changed'
    ? `order:${e.orderId}`
    : e.type === 'kitchen_order.status_changed'
      ? `ticket:${e.kitchenOrderId}`
      : `item:${e.kitchenOrderId}/${e.itemId}`;

function allowedMove(e: StatusEvent, view: StoreView): boolean {
  if (e.type === 'order.status_changed') {
    const channel = view.orders.get(e.orderId)?.channel ?? violated('a status event for an unknown order', e);
    return orderMachine.can(e.from as OrderStatus, e.to as OrderStatus, { channel, reason: e.reason });
  }
  if (e.type === 'kitchen_order.status_changed') return kitchenOrderMachine.can(e.from as KitchenOrderStatus, e.to as KitchenOrderStatus, {});
  return itemMachine.can(e.from as never, e.to as never, {});
}

/**
 * Every reported status change is a move its table allows, starts where the entity stood, and
 * together they account for every status change in the store: none is silent.
 */
export function checkStatusEvents(step: Step, events: readonly DomainEvent[]): void {
  const before = new StoreView(step.before);
  const after = new StoreView(step.tx.entries());
  const now = before.statuses();
  for (const e of events) {
    if (e.type !== 'order.status_changed' && e.type !== 'kitchen_order.status_changed' && e.type !== 'kitchen_item.status_changed') continue;
    const key = statusKey(e);
    if (now.get(key) !== e.from) violated('a status event does not start where the entity stood', { event: e, stood: now.get(key) });
    if (!allowedMove(e, after)) violated('a reported status change is not in its table', e);
    now.set(key, e.to);
  }
  const created = new Set(events.flatMap((e) => (e.type === 'kitchen_order.created' ? [`ticket:${e.kitchenOrderId}`] : e.type === 'order.created' ? [`order:${e.orderId}`] : [])));
  for (const [key, status] of after.statuses()) {
    if (now.has(key) ? now.get(key) !== status : !created.has(ownerOf(key))) {
      violated('a status changed, or an entity appeared, without an event', { key, status, reported: now.get(key) });
    }
  }
}

/**
 * New tickets go to active stations of their type, and never past capacity while a sibling has
 * room — except beside another course of their own order: every course of a station type goes to
 * the same station (`contract-issue.ts`), so a second open course may take a station past it.
 */
export function checkAssignments(step: Step, events: readonly DomainEvent[]): void {
  const after = new StoreView(step.tx.entries());
  const open = (t: KitchenOrder) => t.status === 'queued' || t.status === 'in_progress';
  for (const e of events) {
    if (e.type !== 'kitchen_order.created') continue;
    const ticket = after.tickets.get(e.kitchenOrderId);
    const station = after.stations.get(e.stationId);
    if (!ticket || !station) return violated('a created ticket or its station is missing', e);
    if (!station.active || station.type !== ticket.stationType) violated('work went to an inactive or wrong-type station', { station, ticket: ticket.id });
    if (station.openTickets <= station.capacity) continue;
    const ownCourses = [...after.tickets.values()].filter((t) => t.orderId === ticket.orderId && t.stationId === station.id && open(t));
    if (ownCourses.length > 1 && station.openTickets - ownCourses.length < station.capacity) continue;
    const roomy = [...after.stations.values()].find((s) => s.active && s.type === station.type && s.openTickets < s.capacity);
    if (roomy) violated('a station was loaded past capacity while a sibling had room', { station, roomy });
  }
}

/** A refused call throws a DomainError with a stable code and leaves the store byte-for-byte as it was. */
export function checkRefusal(step: Step, error: unknown): void {
  if (!isDomainError(error) || !domainErrorCodes.includes(error.code)) violated('a call failed without a DomainError', String(error));
  if (step.tx.snapshot() !== JSON.stringify(step.before)) violated('a refused call changed the store', { intent: step.intent, code: error.code });
}
