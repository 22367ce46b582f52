import type { KitchenOrder, Rejection } from '@kitchensync/shared';
import { ticketNumber } from './ticket-label.ts';

export interface RejectionNotice {
  readonly key: string;
  /** Which ticket, e.g. "#7F3A Grill 1". */
  readonly ticket: string;
  /** What was undone, e.g. "Bump", "Start of Burger ×2". */
  readonly undone: string;
  /** Why, in the server's words. */
  readonly reason: string;
}

export interface RejectedMutation {
  readonly name: string;
  readonly args: unknown;
}

const itemVerb: Record<string, string> = { in_progress: 'Start', done: 'Completion', pending: 'Undo' };
const mutationVerb: Record<string, string> = {
  bumpKitchenOrder: 'Bump',
  recallKitchenOrder: 'Recall',
  setKitchenItemStatus: 'Item change',
  dismissRejection: 'Dismissing a notice',
};

const field = (args: unknown, name: string): string | undefined => {
  const v = args && typeof args === 'object' ? (args as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** Turns a rejection (plus what we remember of the mutation) into words for the line. */
export function rejectionNotice(
  rejection: Rejection,
  mutation: RejectedMutation | undefined,
  ticketById: (id: string) => KitchenOrder | undefined,
  stationName: (id: string) => string,
): RejectionNotice {
  const kitchenOrderId = field(mutation?.args, 'kitchenOrderId');
  const ticket = kitchenOrderId ? ticketById(kitchenOrderId) : undefined;
  const orderId = ticket?.orderId ?? kitchenOrderId?.split('.')[0] ?? field(mutation?.args, 'orderId');
  const where = ticket ? ` ${stationName(ticket.stationId)}` : '';
  const itemId = field(mutation?.args, 'itemId');
  const itemName = itemId ? ticket?.items.find((i) => i.id === itemId) : undefined;
  const status = field(mutation?.args, 'status');
  const verb =
    rejection.mutationName === 'setKitchenItemStatus' && status
      ? `${itemVerb[status] ?? 'Change'} of ${itemName ? `${itemName.name} ×${itemName.quantity}` : 'an item'}`
      : (mutationVerb[rejection.mutationName] ?? rejection.mutationName);
  return {
    key: rejection.id,
    ticket: orderId ? `${ticketNumber(orderId)}${where}` : 'A change',
    undone: `${verb} was undone`,
    reason: rejection.message || rejection.code,
  };
}
