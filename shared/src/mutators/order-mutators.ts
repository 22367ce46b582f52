import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { orderKey, productKey } from '../keys.ts';
import {
  cancelOrderArgsSchema,
  confirmOrderArgsSchema,
  createOrderArgsSchema,
  orderSchema,
  reissueContractArgsSchema,
  setOrderStatusArgsSchema,
  type Order,
  type OrderLine,
  type OrderStatus,
  type Product,
} from '../schema.ts';
import { read, readOrFail, write, type Tx } from '../tx.ts';
import { openTicketStatuses } from '../machines/kitchen-order-machine.ts';
import { orderMachine } from '../machines/order-machine.ts';
import { defineMutator } from './args.ts';
import { issueContract, supersede } from './contract-issue.ts';
import { customerIdFor, upsertCustomerFromOrder } from './customers.ts';
import { finishTicket } from './kitchen-mutators.ts';
import { moveOrder, moveTicketsWhereAllowed, ticketsOfOrder } from './transitions.ts';

const readOrder = (tx: Tx, orderId: string) => readOrFail<Order>(tx, orderKey(orderId), `order ${orderId}`);

async function orderLine(tx: Tx, item: { id: string; productId: string; quantity: number; modifiers?: string[] | undefined; notes?: string | undefined }): Promise<OrderLine> {
  const product = await read<Product>(tx, productKey(item.productId));
  if (!product) throw new DomainError('not_found', `product ${item.productId} not found`, { productId: item.productId });
  if (!product.active) throw new DomainError('invalid_args', `${product.name} is not on the menu`, { productId: product.id });
  return {
    id: item.id,
    productId: product.id,
    name: product.name,
    stationType: product.stationType,
    unitPriceCents: product.priceCents,
    quantity: item.quantity,
    modifiers: item.modifiers ?? [],
    ...(item.notes ? { notes: item.notes } : {}),
    lineTotalCents: product.priceCents * item.quantity,
  };
}

export const createOrder = defineMutator(createOrderArgsSchema, async (tx, args) => {
  if (await read(tx, orderKey(args.id))) throw new DomainError('already_exists', `order ${args.id} already exists`);
  if (new Set(args.items.map((i) => i.id)).size !== args.items.length) {
    throw new DomainError('invalid_args', 'order line ids must be unique');
  }
  const lines: OrderLine[] = [];
  for (const item of args.items) lines.push(await orderLine(tx, item));
  const customerId = customerIdFor(args.customer);
  const order: Order = {
    id: args.id,
    channel: args.channel,
    customer: args.customer,
    ...(customerId ? { customerId } : {}),
    lines,
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
  const customer = await upsertCustomerFromOrder(tx, args.customer, args.at);
  await write(tx, orderKey(order.id), order);
  return [{ type: 'order.created', orderId: order.id, totalCents: order.totalCents }, ...customer.events];
});

async function confirm(tx: Tx, order: Order, at: number): Promise<DomainEvent[]> {
  // Every check (the move, then stations for each group) runs before the first write: a refused
  // confirm leaves the replica as it was, even on a store with nothing to roll back.
  orderMachine.assertTransition(order.status, 'confirmed', { channel: order.channel });
  const { contract, events } = await issueContract(tx, order, at);
  const moved = await moveOrder(tx, order, 'confirmed', at);
  await write(tx, orderKey(order.id), { ...moved.order, contractVersion: contract.version, etaAt: contract.etaAt });
  return [...moved.events, ...events];
}

async function cancel(tx: Tx, order: Order, at: number, reason?: string): Promise<DomainEvent[]> {
  const moved = await moveOrder(tx, order, 'cancelled', at, reason);
  return [...moved.events, ...(await moveTicketsWhereAllowed(tx, await ticketsOfOrder(tx, order), 'cancelled', at))];
}

/** Open tickets of the order, finished as a bump would. */
async function finishOpenTickets(tx: Tx, order: Order, at: number): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const ticket of await ticketsOfOrder(tx, order)) {
    if (openTicketStatuses.includes(ticket.status)) events.push(...(await finishTicket(tx, ticket, at)));
  }
  return events;
}

/** Side effects of reaching a status, beyond the move itself. */
const onStatus: Partial<Record<OrderStatus, (tx: Tx, order: Order, at: number) => Promise<DomainEvent[]>>> = {
  // Marking an order ready by hand bumps what is still on the rail: no ticket may outlive its
  // order (delivery completes only ready tickets) or keep loading its station.
  ready: finishOpenTickets,
  delivered: async (tx, order, at) => moveTicketsWhereAllowed(tx, await ticketsOfOrder(tx, order), 'completed', at),
};

export const confirmOrder = defineMutator(confirmOrderArgsSchema, async (tx, args) =>
  confirm(tx, await readOrder(tx, args.orderId), args.at),
);

export const cancelOrder = defineMutator(cancelOrderArgsSchema, async (tx, args) =>
  cancel(tx, await readOrder(tx, args.orderId), args.at, args.reason),
);

export const setOrderStatus = defineMutator(setOrderStatusArgsSchema, async (tx, args) => {
  const order = await readOrder(tx, args.orderId);
  if (args.status === 'confirmed') return confirm(tx, order, args.at);
  if (args.status === 'cancelled') return cancel(tx, order, args.at);
  const moved = await moveOrder(tx, order, args.status, args.at);
  return [...moved.events, ...((await onStatus[args.status]?.(tx, moved.order, args.at)) ?? [])];
});

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
  const retired = await moveTicketsWhereAllowed(tx, previous, 'cancelled', args.at);
  await supersede(tx, order, contract.version);
  await write(tx, orderKey(order.id), { ...order, contractVersion: contract.version, etaAt: contract.etaAt, updatedAt: args.at });
  return [...retired, ...events];
});
