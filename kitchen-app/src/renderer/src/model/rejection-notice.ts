import type { KitchenOrder, Rejection } from '@kitchensync/shared';
import { ticketNumber } from './ticket-label.ts';
import { closure } from './ticket-facts.ts';

export interface RejectionNotice {
  readonly key: string;
  /** Which ticket, e.g. "#7F3A Grill 1". */
  readonly ticket: string;
  /** What the cook must know, in kitchen words: "ORDER CANCELLED — stop cooking". */
  readonly headline: string;
  /** What was undone and the server's reason. */
  readonly detail: string;
}

export interface RejectedMutation {
  readonly name: string;
  readonly args: unknown;
}

/** By schema 1's target status or schema 2's event. */
const itemVerb: Record<string, string> = { in_progress: 'start', done: 'completion', pending: 'undo', start: 'start', finish: 'completion', undo: 'undo' };
const mutationVerb: Record<string, string> = {
  bumpKitchenOrder: 'bump',
  recallKitchenOrder: 'recall',
  setKitchenItemStatus: 'item change',
  moveKitchenItem: 'item change',
  dismissRejection: 'dismissing a notice',
  fireCourse: 'fire',
  handOffOrder: 'hand-off',
  setProductSoldOut: '86',
  setModifierOptionSoldOut: '86',
};

const field = (args: unknown, name: string): string | undefined => {
  const v = args && typeof args === 'object' ? (args as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** The headline, from what happened to the ticket (the replica's truth now) or the rejection's code. */
function headlineOf(rejection: Rejection, ticket: KitchenOrder | undefined, verb: string): string {
  const closed = ticket && closure(ticket);
  if (closed?.kind === 'order_cancelled') return 'ORDER CANCELLED — stop cooking';
  if (closed?.kind === 'contract_reissued') return 'ORDER CHANGED — cook from the new ticket';
  if (closed?.kind === 'marked_ready') return 'ALREADY MARKED READY by the manager';
  if (rejection.code === 'sold_out') return '86 — item is sold out';
  if (ticket?.status === 'ready' && verb !== 'recall') return 'ALREADY BUMPED — check the pass';
  return `${verb.toUpperCase()} DID NOT GO THROUGH`;
}

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
  const item = itemId ? ticket?.items.find((i) => i.id === itemId) : undefined;
  const move = field(mutation?.args, rejection.mutationName === 'moveKitchenItem' ? 'event' : 'status');
  const verb =
    itemId && move
      ? `${itemVerb[move] ?? 'change'} of ${item ? `${item.name} ×${item.quantity}` : 'an item'}`
      : (mutationVerb[rejection.mutationName] ?? rejection.mutationName);
  return {
    key: rejection.id,
    ticket: orderId ? `${ticketNumber(ticket ?? { orderId })}${where}` : 'A change',
    headline: headlineOf(rejection, ticket, verb),
    detail: `Your ${verb} was undone: ${rejection.message || rejection.code}`,
  };
}
