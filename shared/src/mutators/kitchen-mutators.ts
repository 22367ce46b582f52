import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { kitchenOrderKey, orderKey } from '../keys.ts';
import { openTicketStatuses } from '../machines/kitchen-order-machine.ts';
import { itemMachine } from '../machines/item-machine.ts';
import { kitchenOrderArgsSchema, setKitchenItemStatusArgsSchema, type ItemStatus, type KitchenItem, type KitchenOrder, type KitchenOrderStatus, type Order, type OrderStatus } from '../schema.ts';
import { readOrFail, write, type Tx } from '../tx.ts';
import { defineMutator } from './args.ts';
import { moveOrder, moveTicket, ticketsOfOrder } from './transitions.ts';

const readTicket = (tx: Tx, id: string) => readOrFail<KitchenOrder>(tx, kitchenOrderKey(id), `kitchen order ${id}`);
const readOrder = (tx: Tx, id: string) => readOrFail<Order>(tx, orderKey(id), `order ${id}`);

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

/** Walks the order forward to `target` along the table (confirmed → in_preparation → ready). */
async function advanceOrder(tx: Tx, orderId: string, path: readonly OrderStatus[], at: number): Promise<DomainEvent[]> {
  let order = await readOrder(tx, orderId);
  const events: DomainEvent[] = [];
  const from = path.indexOf(order.status);
  for (const status of from < 0 ? [] : path.slice(from + 1)) {
    const moved = await moveOrder(tx, order, status, at);
    order = moved.order;
    events.push(...moved.events);
  }
  return events;
}

/**
 * The table's ready → in_progress row is a recall; queued → in_progress is starting work, which
 * the items drive. Recall only ever takes a bumped ticket back.
 */
const recallable: readonly KitchenOrderStatus[] = ['ready'];

function assertRecallable(ticket: KitchenOrder): void {
  if (!recallable.includes(ticket.status)) {
    throw new DomainError('illegal_transition', `only a bumped ticket can be recalled; this one is ${ticket.status}`, { status: ticket.status });
  }
}

function assertOpen(ticket: KitchenOrder): void {
  if (!openTicketStatuses.includes(ticket.status)) {
    const hint = ticket.status === 'ready' ? '; recall it first' : '';
    throw new DomainError('illegal_transition', `ticket is ${ticket.status}${hint}`, { status: ticket.status });
  }
}

/** Rewrites a ticket's items, starting the ticket when work begins on a queued one. */
async function updateItems(tx: Tx, ticket: KitchenOrder, items: KitchenItem[], at: number): Promise<DomainEvent[]> {
  const started = items.some((i) => i.status !== 'pending');
  if (ticket.status === 'queued' && started) return (await moveTicket(tx, ticket, 'in_progress', at, { items })).events;
  await write(tx, kitchenOrderKey(ticket.id), { ...ticket, items, updatedAt: at });
  return [];
}

export const setKitchenItemStatus = defineMutator(setKitchenItemStatusArgsSchema, async (tx, args) => {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  assertOpen(ticket);
  const item = ticket.items.find((i) => i.id === args.itemId);
  if (!item) throw new DomainError('not_found', `item ${args.itemId} not on ticket ${ticket.id}`);
  const moved = moveItem(ticket, item, args.status, args.at);
  const ticketEvents = await updateItems(tx, ticket, ticket.items.map((i) => (i.id === item.id ? moved.item : i)), args.at);
  const orderEvents =
    args.status === 'pending' ? [] : await advanceOrder(tx, ticket.orderId, ['confirmed', 'in_preparation'], args.at);
  return [...moved.events, ...ticketEvents, ...orderEvents];
});

/** Finishes what is left on an open ticket and marks it ready. */
export async function finishTicket(tx: Tx, ticket: KitchenOrder, at: number): Promise<DomainEvent[]> {
  assertOpen(ticket);
  const finished = ticket.items.map((i) => (i.status === 'done' ? { item: i, events: [] } : moveItem(ticket, i, 'done', at)));
  const bumped = await moveTicket(tx, ticket, 'ready', at, { items: finished.map((f) => f.item), readyAt: at });
  return [...finished.flatMap((f) => f.events), ...bumped.events];
}

/** Bump: finishes the ticket; the last ticket makes the order ready. */
export const bumpKitchenOrder = defineMutator(kitchenOrderArgsSchema, async (tx, args) => {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  const ticketEvents = await finishTicket(tx, ticket, args.at);
  const order = await readOrder(tx, ticket.orderId);
  const tickets = await ticketsOfOrder(tx, order);
  const allReady = tickets.every((t) => t.status === 'ready' || t.status === 'completed');
  const orderEvents = allReady
    ? await advanceOrder(tx, order.id, ['confirmed', 'in_preparation', 'ready'], args.at)
    : await advanceOrder(tx, order.id, ['confirmed', 'in_preparation'], args.at);
  return [...ticketEvents, ...orderEvents];
});

/** Recall: a bumped ticket returns to the rail, and a ready order goes back to preparation. */
export const recallKitchenOrder = defineMutator(kitchenOrderArgsSchema, async (tx, args) => {
  const ticket = await readTicket(tx, args.kitchenOrderId);
  assertRecallable(ticket);
  const order = await readOrder(tx, ticket.orderId);
  // The order moves first: its move is the one that can still be refused (an order out for
  // delivery), and a refused recall must leave the ticket as it was.
  const orderEvents = order.status === 'in_preparation' ? [] : (await moveOrder(tx, order, 'in_preparation', args.at)).events;
  const recalled = await moveTicket(tx, ticket, 'in_progress', args.at, { recalledAt: args.at });
  return [...recalled.events, ...orderEvents];
});
