import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { customerKey, orderKey, productKey } from '../keys.ts';
import {
  cancelOrderArgsSchema,
  confirmOrderArgsSchema,
  createOrderArgsSchema,
  handOffOrderArgsSchema,
  orderSchema,
  reissueContractArgsSchema,
  setOrderStatusArgsSchema,
  type Order,
  type OrderLine,
  type OrderStatus,
  type CreateOrderArgs,
  type Product,
} from '../schema.ts';
import { read, readOrFail, write, type Tx } from '../tx.ts';
import { kitchenOrderMachine } from '../machines/kitchen-order-machine.ts';
import { orderMachine, type OrderEvent } from '../machines/order-machine.ts';
import { defineMutator } from './args.ts';
import { assertOptionsAvailable, chooseOptions, unitPriceCents } from '../modifiers.ts';
import { assertNoneSoldOut, issueContract, productsOfOrder, supersede } from './contract-issue.ts';
import { customerIdFor, upsertCustomerFromOrder } from './customers.ts';
import { finishTicket } from './kitchen-mutators.ts';
import { assignNumber, numberingReads } from './order-numbering.ts';
import { moveOrder, moveOrderBy, moveTicket, moveTicketsWhereAllowed, ticketsOfOrder } from './transitions.ts';

const readOrder = (tx: Tx, orderId: string) => readOrFail<Order>(tx, orderKey(orderId), `order ${orderId}`);

async function menuProduct(tx: Tx, productId: string): Promise<Product> {
  const product = await read<Product>(tx, productKey(productId));
  if (!product) throw new DomainError('not_found', `product ${productId} not found`, { productId });
  if (!product.active) throw new DomainError('invalid_args', `${product.name} is not on the menu`, { productId: product.id });
  return product;
}

/** A line as ordered: its options checked and priced, its course the product's unless the line names one. */
function orderLine(item: CreateOrderArgs['items'][number], product: Product): OrderLine {
  const options = chooseOptions(product, item.choices);
  const unit = unitPriceCents(product, options);
  const course = item.course ?? product.course;
  return {
    id: item.id,
    productId: product.id,
    name: product.name,
    stationType: product.stationType,
    unitPriceCents: unit,
    quantity: item.quantity,
    modifiers: item.modifiers ?? [],
    ...(options.length > 0 ? { options } : {}),
    ...(item.notes ? { notes: item.notes } : {}),
    lineTotalCents: unit * item.quantity,
    ...(course === undefined ? {} : { course }),
    ...(item.allergy ? { allergy: item.allergy } : {}),
  };
}

export const createOrder = defineMutator(createOrderArgsSchema, async (tx, args) => {
  if (await read(tx, orderKey(args.id))) throw new DomainError('already_exists', `order ${args.id} already exists`);
  if (new Set(args.items.map((i) => i.id)).size !== args.items.length) {
    throw new DomainError('invalid_args', 'order line ids must be unique');
  }
  const products: Product[] = [];
  for (const item of args.items) products.push(await menuProduct(tx, item.productId));
  assertNoneSoldOut(new Map(products.map((p) => [p.id, p])).values());
  const lines = args.items.map((item, n) => orderLine(item, products[n] as Product));
  const customerId = customerIdFor(args.customer);
  const order: Order = {
    id: args.id,
    channel: args.channel,
    customer: args.customer,
    ...(customerId ? { customerId } : {}),
    lines,
    ...(args.allergy ? { allergy: args.allergy } : {}),
    ...(args.table ? { table: args.table } : {}),
    ...(args.guests ? { guests: args.guests } : {}),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    totalCents: lines.reduce((sum, l) => sum + l.lineTotalCents, 0),
    status: 'draft',
    statusTimes: { draft: args.at },
    createdAt: args.at,
    updatedAt: args.at,
    trackingToken: '',
  };
  // Valid args can still add up to an order the schema refuses (a total past the cents ceiling):
  // refuse it before the first write rather than store it broken.
  const checked = orderSchema.safeParse(order);
  if (!checked.success) throw new DomainError('invalid_args', 'the order would be invalid', checked.error.issues);
  const numbering = await assignNumber(tx, args);
  const customer = await upsertCustomerFromOrder(tx, args.customer, args.at);
  await write(tx, orderKey(order.id), { ...order, ...numbering });
  return [{ type: 'order.created', orderId: order.id, totalCents: order.totalCents }, ...customer.events];
}, (args) => {
  const customerId = customerIdFor(args.customer);
  return [orderKey(args.id), ...(customerId ? [customerKey(customerId)] : []), ...args.items.map((i) => productKey(i.productId)), ...numberingReads(args)];
});

/** What a mutator of one order reads first. */
const readsOrder = (args: { orderId: string }) => [orderKey(args.orderId)];

async function confirm(tx: Tx, order: Order, at: number): Promise<DomainEvent[]> {
  // Every check (the move, then stations for each group) runs before the first write: a refused
  // confirm leaves the replica as it was, even on a store with nothing to roll back.
  orderMachine.next('confirm', order.status, { channel: order.channel });
  const products = await productsOfOrder(tx, order);
  assertNoneSoldOut(products.values());
  for (const line of order.lines) if (line.options) assertOptionsAvailable(products.get(line.productId) as Product, line.options);
  const { contract, events } = await issueContract(tx, order, at);
  const moved = await moveOrderBy(tx, order, 'confirm', at);
  await write(tx, orderKey(order.id), { ...moved.order, contractVersion: contract.version, etaAt: contract.etaAt });
  return [...moved.events, ...events];
}

async function cancel(tx: Tx, order: Order, at: number, reason?: string): Promise<DomainEvent[]> {
  const moved = await moveOrderBy(tx, order, 'cancel', at, reason);
  const closedBy = { kind: 'order_cancelled', ...(reason ? { reason } : {}), at } as const;
  return [...moved.events, ...(await moveTicketsWhereAllowed(tx, await ticketsOfOrder(tx, order), 'void', at, { closedBy }))];
}

/**
 * The tickets still to cook, finished as a bump would, marked as closed by the manager: held
 * courses are fired first, since the manager says the food is out.
 */
async function finishOpenTickets(tx: Tx, order: Order, at: number): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  const patch = { closedBy: { kind: 'marked_ready', at } } as const;
  for (const ticket of await ticketsOfOrder(tx, order)) {
    const fired = kitchenOrderMachine.allows('fire', ticket.status, {}) ? await moveTicket(tx, ticket, 'fire', at, { firedAt: at }) : { ticket, events: [] };
    events.push(...fired.events);
    if (kitchenOrderMachine.allows('bump', fired.ticket.status, {})) events.push(...(await finishTicket(tx, fired.ticket, at, patch)));
  }
  return events;
}

/** Side effects of reaching a status, beyond the move itself. */
const onStatus: Partial<Record<OrderStatus, (tx: Tx, order: Order, at: number) => Promise<DomainEvent[]>>> = {
  // Marking an order ready by hand bumps what is still on the rail: no ticket may outlive its
  // order (delivery completes only ready tickets) or keep loading its station.
  ready: finishOpenTickets,
  delivered: async (tx, order, at) => moveTicketsWhereAllowed(tx, await ticketsOfOrder(tx, order), 'complete', at),
};

/** Runs the side effects of the status an order just reached. */
async function afterMove(tx: Tx, moved: { order: Order; events: DomainEvent[] }, at: number): Promise<DomainEvent[]> {
  return [...moved.events, ...((await onStatus[moved.order.status]?.(tx, moved.order, at)) ?? [])];
}

export const confirmOrder = defineMutator(confirmOrderArgsSchema, async (tx, args) =>
  confirm(tx, await readOrder(tx, args.orderId), args.at),
readsOrder);

export const cancelOrder = defineMutator(cancelOrderArgsSchema, async (tx, args) =>
  cancel(tx, await readOrder(tx, args.orderId), args.at, args.reason),
readsOrder);

/** Events whose move does more than set the status: issue the contract, void the tickets. */
const eventMoves: Partial<Record<OrderEvent, (tx: Tx, order: Order, at: number) => Promise<DomainEvent[]>>> = { confirm, cancel };

/** A move asked for by target status: the table names its event, and the event says what else happens. */
export const setOrderStatus = defineMutator(setOrderStatusArgsSchema, async (tx, args) => {
  const order = await readOrder(tx, args.orderId);
  const event = orderMachine.eventFor(order.status, args.status, { channel: order.channel });
  const eventMove = event === undefined ? undefined : eventMoves[event];
  if (eventMove) return eventMove(tx, order, args.at);
  return afterMove(tx, await moveOrder(tx, order, args.status, args.at), args.at);
}, readsOrder);

/** Expo hand-off: served or picked up on site, or given to the courier; the table knows which. */
export const handOffOrder = defineMutator(handOffOrderArgsSchema, async (tx, args) => {
  const order = await readOrder(tx, args.orderId);
  return afterMove(tx, await moveOrderBy(tx, order, 'hand_off', args.at), args.at);
}, readsOrder);

const reissuable: readonly OrderStatus[] = ['confirmed', 'in_preparation'];

/** A recipe changed under an unfinished order: issue contract N+1, keep N readable, carry progress. */
export const reissueContract = defineMutator(reissueContractArgsSchema, async (tx, args) => {
  const order = await readOrder(tx, args.orderId);
  if (!reissuable.includes(order.status)) {
    throw new DomainError('illegal_transition', `a ${order.status} order's contract cannot be re-issued`);
  }
  const previous = await ticketsOfOrder(tx, order);
  // Issue first: if no station can take the new contract, the old tickets must stay in force.
  const { contract, events } = await issueContract(tx, order, args.at, previous);
  const retired = await moveTicketsWhereAllowed(tx, previous, 'void', args.at, { closedBy: { kind: 'contract_reissued', at: args.at } });
  await supersede(tx, order, contract.version);
  await write(tx, orderKey(order.id), { ...order, contractVersion: contract.version, etaAt: contract.etaAt, updatedAt: args.at });
  return [...retired, ...events];
}, readsOrder);
