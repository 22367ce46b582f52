import type { Order, Rejection } from '@kitchensync/shared';
import { orderNumber } from './format.ts';
import { statusLabel } from './labels.ts';

export interface RejectionNotice {
  readonly key: string;
  /** What was undone, e.g. "Confirming order #7F3A". */
  readonly undone: string;
  /** Why, in the server's words. */
  readonly reason: string;
  readonly orderId: string | undefined;
}

interface MutationSeen {
  readonly name: string;
  readonly args: unknown;
}

const field = (args: unknown, name: string): string | undefined => {
  const v = args && typeof args === 'object' ? (args as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** An order's number by id, as the screens show it (the replica knows it; a rejected new order is gone). */
type NumberOf = (orderId: string) => string;

const describe: Record<string, (args: unknown, numberOf: NumberOf) => string> = {
  // A refused new order is gone from the replica, and with it its number: name its customer.
  createOrder: (a) => `Creating the order for ${field((a as { customer?: unknown } | undefined)?.customer, 'name') ?? 'a customer'}`,
  confirmOrder: (a, n) => `Confirming order ${n(field(a, 'orderId') ?? '')}`,
  setOrderStatus: (a, n) => {
    const status = field(a, 'status') as Order['status'] | undefined;
    return `Moving order ${n(field(a, 'orderId') ?? '')}${status ? ` to “${statusLabel[status]}”` : ''}`;
  },
  cancelOrder: (a, n) => `Cancelling order ${n(field(a, 'orderId') ?? '')}`,
  reissueContract: (a, n) => `Re-issuing the contract of order ${n(field(a, 'orderId') ?? '')}`,
  upsertProduct: (a) => `Saving “${field(a, 'name') ?? 'a product'}”`,
  upsertStation: (a) => `Saving station “${field(a, 'name') ?? ''}”`,
  dismissRejection: () => 'Dismissing a notice',
};

const fallback: Record<string, string> = {
  createOrder: 'Creating an order',
  confirmOrder: 'Confirming an order',
  setOrderStatus: 'Moving an order',
  cancelOrder: 'Cancelling an order',
  reissueContract: 'Re-issuing a contract',
  upsertProduct: 'Saving a product',
  upsertStation: 'Saving a station',
};

/** A rejection (plus what we remember of the mutation) in a manager's words. */
export function rejectionNotice(rejection: Rejection, seen: MutationSeen | undefined, numberOf: NumberOf = orderNumber): RejectionNotice {
  const what = seen && seen.name === rejection.mutationName ? describe[seen.name]?.(seen.args, numberOf) : undefined;
  return {
    key: rejection.id,
    undone: what ?? fallback[rejection.mutationName] ?? `A change (${rejection.mutationName})`,
    reason: humanReason(rejection),
    orderId: field(seen?.args, 'orderId') ?? (rejection.mutationName === 'createOrder' ? field(seen?.args, 'id') : undefined),
  };
}

/** An illegal move of the order, by its details (`{machine: "order", from, to}`) → "the order is already cancelled". */
function humanReason(rejection: Rejection): string {
  const details = (rejection.code === 'illegal_transition' ? rejection.details : undefined) as { machine?: unknown; from?: unknown } | undefined;
  const from = details?.machine === 'order' && typeof details.from === 'string' ? (details.from as Order['status']) : undefined;
  if (from && Object.hasOwn(statusLabel, from)) return `the order is already “${statusLabel[from]}” (${rejection.message})`;
  return rejection.message || rejection.code;
}
