import { itemMachine, kitchenOrderMachine, openTicketStatuses, type ItemStatus, type KitchenItem, type KitchenOrder } from '@kitchensync/shared';
import { guestAllergies } from './ticket-facts.ts';

/** Why a ticket's work is locked, if it is. Only a guest's allergy locks; product allergens inform. */
export type TicketLock = 'guest-allergy' | undefined;

/** A guest-allergy ticket is locked until someone on the line acknowledges it. */
export const ticketLock = (ticket: Pick<KitchenOrder, 'guestAllergies'>, acknowledged: boolean): TicketLock =>
  guestAllergies(ticket).length > 0 && !acknowledged ? 'guest-allergy' : undefined;

/** What a cook is told when a locked ticket refuses a bump or a start. */
export const lockMessage = (ticketLabel: string) =>
  `${ticketLabel}: nothing done — acknowledge the GUEST ALLERGY first (press a or the button)`;

export interface ItemActions {
  readonly start: boolean;
  readonly complete: boolean;
  /** One step back (a mistaken tap): started → pending, done → started. */
  readonly undoTo: ItemStatus | undefined;
}

const workable = (ticket: KitchenOrder, lock: TicketLock) => lock === undefined && openTicketStatuses.includes(ticket.status);
const after = (event: 'start' | 'finish' | 'undo', from: ItemStatus) =>
  itemMachine.allows(event, from, {}) ? itemMachine.next(event, from, {}) : undefined;

/** What a cook may do to an item now, straight from the item machine's table. */
export function itemActions(ticket: KitchenOrder, item: KitchenItem, lock: TicketLock): ItemActions {
  const ok = workable(ticket, lock);
  return {
    start: ok && itemMachine.allows('start', item.status, {}),
    complete: ok && itemMachine.allows('finish', item.status, {}),
    undoTo: ok ? after('undo', item.status) : undefined,
  };
}

/** The one step a tap on the item's button takes: start, then finish, then (a mistake) undo. */
export function nextItemStep(actions: ItemActions): { label: 'Start' | 'Done' | 'Undo'; to: ItemStatus } | undefined {
  if (actions.start) return { label: 'Start', to: 'in_progress' };
  if (actions.complete) return { label: 'Done', to: 'done' };
  return actions.undoTo ? { label: 'Undo', to: actions.undoTo } : undefined;
}

/** The table allows a bump (the lock is checked separately, so the cook can be told why). */
export const bumpAllowed = (ticket: KitchenOrder) => kitchenOrderMachine.allows('bump', ticket.status, {});
export const canBump = (ticket: KitchenOrder, lock: TicketLock) => lock === undefined && bumpAllowed(ticket);
export const canRecall = (ticket: KitchenOrder) => kitchenOrderMachine.allows('recall', ticket.status, {});
export const canFire = (ticket: KitchenOrder) => kitchenOrderMachine.allows('fire', ticket.status, {});

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
