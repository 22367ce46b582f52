import { keyPrefix, mutators, orderMachine, type DomainEvent, type KitchenOrder, type MutatorName, type Order, type OrderStatus, type Tx } from '@kitchensync/shared';
import type { MemoryTx } from '@kitchensync/shared/testing';
import { anyStatus, kitchen, menu, missing, orderIds, recipes, rejectionKeys, type Intent } from './kitchen-model.ts';

const finalStatuses: readonly string[] = ['cancelled', 'delivered', 'completed'];
const isLive = (entity: { readonly status: string }) => !finalStatuses.includes(entity.status);

/** Picks by index as `anyStatus` describes: `preferred` ones first, undefined for "one that does not exist". */
function choose<T>(all: readonly T[], preferred: (t: T) => boolean, pick: number): T | undefined {
  const pool = pick < anyStatus && all.some(preferred) ? all.filter(preferred) : all;
  return pick === missing ? undefined : pool[pick % Math.max(1, pool.length)];
}

const stored = <T>(tx: MemoryTx, prefix: string) => tx.entries(prefix).map(([, value]) => value as T);

const ticketOf = (tx: MemoryTx, pick: number) => choose(stored<KitchenOrder>(tx, keyPrefix.kitchenOrder), isLive, pick);
const ticketId = (tx: MemoryTx, pick: number) => ticketOf(tx, pick)?.id ?? 'o1.v1.nowhere';
const itemId = (ticket: KitchenOrder | undefined, pick: number) =>
  choose(ticket?.items ?? [], (i) => i.status !== 'done', pick)?.id ?? 'l-none';

/** An order as `choose` picks it, preferring those in one of `fitting` statuses (else live ones). */
function orderOf(tx: MemoryTx, pick: number, fitting: readonly OrderStatus[] = []): Order | undefined {
  const orders = stored<Order>(tx, keyPrefix.order);
  const fits = (o: Order) => fitting.includes(o.status);
  return choose(orders, orders.some(fits) ? fits : isLive, pick);
}
const orderId = (tx: MemoryTx, pick: number, fitting: readonly OrderStatus[] = []) => orderOf(tx, pick, fitting)?.id ?? 'o-none';

/** 'next' is the table's first move out of the order's status: the table lists the forward move first. */
function statusFor(order: Order | undefined, wanted: OrderStatus | 'next'): OrderStatus {
  if (wanted !== 'next') return wanted;
  return (order && orderMachine.allowedTransitions(order.status, { channel: order.channel })[0]) ?? 'delivered';
}

const nth = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** One mutator call: its name and arguments, as a client would push it. */
export interface Call {
  readonly name: MutatorName;
  readonly args: unknown;
}
const call = (name: MutatorName, args: unknown): Call => ({ name, args });

/** Runs `c` on `t` as the client's or server's mutator would. */
export const runCall = (c: Call, t: Tx): Promise<DomainEvent[]> => (mutators[c.name] as (t: Tx, args: unknown) => Promise<DomainEvent[]>)(t, c.args);

/** Turns an intent into one mutator call, resolving its picks against `tx` as it is now; `at` is client time. */
export function callFor(intent: Intent, tx: MemoryTx, at: number): Call {
  switch (intent.kind) {
    case 'createOrder': {
      const items = intent.lines.map((l, i) => ({ id: `l${i + 1}`, productId: nth(menu, l.product).id, quantity: l.quantity, course: l.course }));
      const customer = intent.phone === null ? { name: 'Guest' } : { name: 'Guest', phone: intent.phone };
      const args = { id: nth(orderIds, intent.order), channel: intent.channel, customer, items, at };
      return call('createOrder', args);
    }
    case 'confirmOrder': {
      const orderIdValue = orderId(tx, intent.order, ['draft']);
      return call('confirmOrder', { orderId: orderIdValue, at });
    }
    case 'setOrderStatus': {
      const order = orderOf(tx, intent.order);
      const args = { orderId: order?.id ?? 'o-none', status: statusFor(order, intent.status), at };
      return call('setOrderStatus', args);
    }
    case 'cancelOrder': {
      const base = { orderId: orderId(tx, intent.order), at };
      return call('cancelOrder', intent.reason === null ? base : { ...base, reason: intent.reason });
    }
    case 'reissueContract': {
      const orderIdValue = orderId(tx, intent.order, ['confirmed', 'in_preparation']);
      return call('reissueContract', { orderId: orderIdValue, at });
    }
    case 'setKitchenItemStatus': {
      const ticket = ticketOf(tx, intent.ticket);
      const args = { kitchenOrderId: ticket?.id ?? 'o1.v1.nowhere', itemId: itemId(ticket, intent.item), status: intent.status, at };
      return call('setKitchenItemStatus', args);
    }
    case 'bumpKitchenOrder': {
      const kitchenOrderId = ticketId(tx, intent.ticket);
      return call('bumpKitchenOrder', { kitchenOrderId, at });
    }
    case 'recallKitchenOrder': {
      const kitchenOrderId = ticketId(tx, intent.ticket);
      return call('recallKitchenOrder', { kitchenOrderId, at });
    }
    case 'upsertProduct': {
      const product = { ...nth(menu, intent.product), recipeSteps: [...nth(recipes, intent.recipe)], active: intent.active };
      return call('upsertProduct', product);
    }
    case 'upsertStation': {
      const station = { ...nth(kitchen, intent.station), capacity: intent.capacity, active: intent.active };
      return call('upsertStation', station);
    }
    case 'dismissRejection':
      return call('dismissRejection', { key: nth(rejectionKeys, intent.key) });
    case 'fireCourse': {
      const args = { orderId: orderId(tx, intent.order, ['confirmed', 'in_preparation']), course: intent.course, at };
      return call('fireCourse', args);
    }
    case 'setProductSoldOut': {
      const args = { productId: nth(menu, intent.product).id, soldOut: intent.soldOut, at };
      return call('setProductSoldOut', args);
    }
    case 'handOffOrder': {
      const orderIdValue = orderId(tx, intent.order, ['ready']);
      return call('handOffOrder', { orderId: orderIdValue, at });
    }
    case 'setOrderRush': {
      const args = { orderId: orderId(tx, intent.order, ['confirmed', 'in_preparation', 'delivered']), rush: intent.rush, at };
      return call('setOrderRush', args);
    }
  }
}
