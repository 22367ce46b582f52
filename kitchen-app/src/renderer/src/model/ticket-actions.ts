import { itemMachine, itemStatuses, kitchenOrderMachine, openTicketStatuses, type ItemStatus, type KitchenItem, type KitchenOrder } from '@kitchensync/shared';

/** Why a ticket's work is locked, if it is. */
export type TicketLock = 'allergens' | undefined;

/** An allergen ticket is locked until someone on the line acknowledges it. */
export const ticketLock = (ticket: Pick<KitchenOrder, 'allergens'>, acknowledged: boolean): TicketLock =>
  ticket.allergens.length > 0 && !acknowledged ? 'allergens' : undefined;

export interface ItemActions {
  readonly start: boolean;
  readonly complete: boolean;
  /** One step back (a mistaken tap): started → pending, done → started. */
  readonly undoTo: ItemStatus | undefined;
}

const rank = (s: ItemStatus) => itemStatuses.indexOf(s);

/** Moves the item table allows from `from`, forward (towards done) or back, nearest first. */
function moves(from: ItemStatus, direction: 1 | -1): ItemStatus[] {
  return itemMachine
    .allowedTransitions(from, {})
    .filter((to) => Math.sign(rank(to) - rank(from)) === direction)
    .sort((a, b) => direction * (rank(a) - rank(b)));
}

const workable = (ticket: KitchenOrder, lock: TicketLock) => lock === undefined && openTicketStatuses.includes(ticket.status);

/** What a cook may do to an item now, straight from the item machine's table. */
export function itemActions(ticket: KitchenOrder, item: KitchenItem, lock: TicketLock): ItemActions {
  const ok = workable(ticket, lock);
  return {
    start: ok && moves(item.status, 1).includes('in_progress'),
    complete: ok && itemMachine.can(item.status, 'done', {}),
    undoTo: ok ? moves(item.status, -1)[0] : undefined,
  };
}

export const canBump = (ticket: KitchenOrder, lock: TicketLock) =>
  lock === undefined && kitchenOrderMachine.can(ticket.status, 'ready', {});

export const canRecall = (ticket: KitchenOrder) =>
  ticket.status === 'ready' && kitchenOrderMachine.can(ticket.status, 'in_progress', {});

/** The item a key press acts on: the picked one, else the first one the action applies to. */
export function targetItem(
  ticket: KitchenOrder,
  picked: number | undefined,
  applies: (actions: ItemActions) => boolean,
  lock: TicketLock,
): KitchenItem | undefined {
  if (picked !== undefined) {
    const item = ticket.items[picked];
    return item && applies(itemActions(ticket, item, lock)) ? item : undefined;
  }
  return ticket.items.find((i) => applies(itemActions(ticket, i, lock)));
}
