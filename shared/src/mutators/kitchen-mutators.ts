import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { kitchenOrderKey, orderKey, stationKey, ticketIdParts } from '../keys.ts';
import { bumpedTicketStatuses, kitchenOrderMachine, type KitchenOrderEvent } from '../machines/kitchen-order-machine.ts';
import { itemMachine } from '../machines/item-machine.ts';
import { orderMachine, type OrderEvent } from '../machines/order-machine.ts';
import { kitchenOrderArgsSchema, moveKitchenItemArgsSchema, setKitchenItemStatusArgsSchema, type ItemStatus, type KitchenItem, type KitchenOrder, type Order } from '../schema.ts';
import { readOrFail, write, type Tx } from '../tx.ts';
import { defineMutator } from './args.ts';
import { moveOrderBy, moveTicket, ticketsOfOrder } from './transitions.ts';

const readTicket = (tx: Tx, id: string) => readOrFail<KitchenOrder>(tx, kitchenOrderKey(id), `kitchen order ${id}`);
const readOrder = (tx: Tx, id: string) => readOrFail<Order>(tx, orderKey(id), `order ${id}`);
/** What a mutator of one ticket reads first: the ticket, and (as its id says) its order and its station. */
const readsTicket = (args: { kitchenOrderId: string }) => {
  const parts = ticketIdParts(args.kitchenOrderId);
  return [kitchenOrderKey(args.kitchenOrderId), ...(parts ? [orderKey(parts.orderId), stationKey(parts.stationId)] : [])];
};

/** Moves an item, stamping times; the first completion records the ingredients it used. */
function moveItem(ticket: KitchenOrder, item: KitchenItem, to: ItemStatus, at: number): { item: KitchenItem; events: DomainEvent[] } {
  itemMachine.assertTransition(item.status, to, {});
  const firstDone = to === 'done' && !item.consumed;
  const consumed = item.ingredients.map((i) => ({ ...i, quantity: i.quantity * item.quantity }));
  const next: KitchenItem = {
    ...item,
    status: to,
    steps: item.steps.map((s) => ({ ...s, done: to === 'done' || (s.done && to !== 'pending') })),
    ...(to === 'in_progress' && !item.startedAt ? { startedAt: at } : {}),
    ...(to === 'done' ? { doneAt: at } : {}),
    ...(firstDone ? { consumed } : {}),
  };
  const base = { orderId: ticket.orderId, kitchenOrderId: ticket.id, itemId: item.id };
  const events: DomainEvent[] = [{ type: 'kitchen_item.status_changed', ...base, from: item.status, to }];
  if (firstDone && consumed.length > 0) events.push({ type: 'ingredients.consumed', ...base, ingredients: consumed });
  return { item: next, events };
}

/** Applies each order event the table accepts, in turn (e.g. start, then finish). */
async function advanceOrder(tx: Tx, orderId: string, orderEvents: readonly OrderEvent[], at: number): Promise<DomainEvent[]> {
  let order = await readOrder(tx, orderId);
  const events: DomainEvent[] = [];
  for (const event of orderEvents) {
    if (!orderMachine.allows(event, order.status, { channel: order.channel })) continue;
    const moved = await moveOrderBy(tx, order, event, at);
    order = moved.order;
    events.push(...moved.events);
  }
  return events;
}

/** What must happen before cooks can work a ticket that is off the line, by the event its table offers. */
const unlockHint: Partial<Record<KitchenOrderEvent, string>> = { recall: 'recall it first', fire: 'fire its course first' };

/** Cooks work a ticket that a bump could still finish; the table says which those are. */
function assertWorkable(ticket: KitchenOrder): void {
  if (kitchenOrderMachine.allows('bump', ticket.status, {})) return;
  const hint = kitchenOrderMachine.events(ticket.status, {}).map((e) => unlockHint[e]).find(Boolean);
  throw new DomainError('illegal_transition', `ticket is ${ticket.status}${hint ? `; ${hint}` : ''}`, { status: ticket.status });
}

/** Rewrites a ticket's items, starting the ticket when work begins on a queued one. */
async function updateItems(tx: Tx, ticket: KitchenOrder, items: KitchenItem[], at: number): Promise<DomainEvent[]> {
  const started = items.some((i) => i.status !== 'pending');
  if (started && kitchenOrderMachine.allows('start', ticket.status, {})) return (await moveTicket(tx, ticket, 'start', at, { items })).events;
  await write(tx, kitchenOrderKey(ticket.id), { ...ticket, items, updatedAt: at });
  return [];
}

/** Moves one item of a workable ticket to `to` (which `target` picks from its status), then the ticket and order. */
async function changeItem(tx: Tx, args: { kitchenOrderId: string; itemId: string; at: number }, target: (item: KitchenItem) => ItemStatus): Promise<DomainEvent[]> {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  assertWorkable(ticket);
  const item = ticket.items.find((i) => i.id === args.itemId);
  if (!item) throw new DomainError('not_found', `item ${args.itemId} not on ticket ${ticket.id}`);
  const to = target(item);
  const moved = moveItem(ticket, item, to, args.at);
  const ticketEvents = await updateItems(tx, ticket, ticket.items.map((i) => (i.id === item.id ? moved.item : i)), args.at);
  const orderEvents = to === 'pending' ? [] : await advanceOrder(tx, ticket.orderId, ['start'], args.at);
  return [...moved.events, ...ticketEvents, ...orderEvents];
}

/** Schema 1's item move (still served: append-only); schema 2 clients send moveKitchenItem. */
export const setKitchenItemStatus = defineMutator(setKitchenItemStatusArgsSchema, (tx, args) => changeItem(tx, args, () => args.status), readsTicket);

/** The item table's event, refused where the table has no such row from the item's status. */
export const moveKitchenItem = defineMutator(
  moveKitchenItemArgsSchema,
  (tx, args) => changeItem(tx, args, (item) => itemMachine.next(args.event, item.status, {})),
  readsTicket,
);

/** Finishes what is left on a workable ticket and bumps it; `patch` says who closed it when not a cook. */
export async function finishTicket(tx: Tx, ticket: KitchenOrder, at: number, patch: Partial<KitchenOrder> = {}): Promise<DomainEvent[]> {
  assertWorkable(ticket);
  const finished = ticket.items.map((i) =>
    itemMachine.allows('finish', i.status, {}) ? moveItem(ticket, i, itemMachine.next('finish', i.status, {}), at) : { item: i, events: [] },
  );
  const bumped = await moveTicket(tx, ticket, 'bump', at, { ...patch, items: finished.map((f) => f.item), readyAt: at });
  return [...finished.flatMap((f) => f.events), ...bumped.events];
}

/** Bump: finishes the ticket; the last ticket makes the order ready (held courses keep it open). */
export const bumpKitchenOrder = defineMutator(kitchenOrderArgsSchema, async (tx, args) => {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  const ticketEvents = await finishTicket(tx, ticket, args.at);
  const order = await readOrder(tx, ticket.orderId);
  const tickets = await ticketsOfOrder(tx, order);
  const allReady = tickets.every((t) => bumpedTicketStatuses.includes(t.status));
  const orderEvents = await advanceOrder(tx, order.id, allReady ? ['start', 'finish'] : ['start'], args.at);
  return [...ticketEvents, ...orderEvents];
}, readsTicket);

/** Recall: a bumped ticket returns to the rail, and a ready order goes back to preparation. */
export const recallKitchenOrder = defineMutator(kitchenOrderArgsSchema, async (tx, args) => {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  kitchenOrderMachine.next('recall', ticket.status, {});
  const order = await readOrder(tx, ticket.orderId);
  // The order moves first: its move is the one that can still be refused (an order out for
  // delivery), and a refused recall must leave the ticket as it was.
  const orderEvents = order.status === 'in_preparation' ? [] : (await moveOrderBy(tx, order, 'reopen', args.at)).events;
  const recalled = await moveTicket(tx, ticket, 'recall', args.at, { recalledAt: args.at });
  return [...recalled.events, ...orderEvents];
}, readsTicket);
