import { kitchenOrderStatuses, type KitchenOrderStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export type KitchenOrderEvent = 'fire' | 'start' | 'bump' | 'recall' | 'complete' | 'void';
/** What a move sets off: a voided ticket prints a void slip at its station. */
export type KitchenOrderAction = 'printVoidSlip';

const rows: readonly TransitionRow<KitchenOrderStatus, KitchenOrderEvent, never, KitchenOrderAction>[] = [
  // A later course waits on the rail until the manager or expo fires it.
  { event: 'fire', from: 'held', to: 'queued' },
  { event: 'start', from: 'queued', to: 'in_progress' },
  { event: 'bump', from: 'queued', to: 'ready' },
  { event: 'bump', from: 'in_progress', to: 'ready' },
  // Recall: a bumped ticket comes back to the rail.
  { event: 'recall', from: 'ready', to: 'in_progress' },
  { event: 'complete', from: 'ready', to: 'completed' },
  { event: 'void', from: 'held', to: 'cancelled', actions: ['printVoidSlip'] },
  { event: 'void', from: 'queued', to: 'cancelled', actions: ['printVoidSlip'] },
  { event: 'void', from: 'in_progress', to: 'cancelled', actions: ['printVoidSlip'] },
  { event: 'void', from: 'ready', to: 'cancelled', actions: ['printVoidSlip'] },
];

export const kitchenOrderMachine = defineMachine<KitchenOrderStatus, KitchenOrderEvent, never, object, KitchenOrderAction>(
  'kitchen order',
  rows,
  {},
);

/** Tickets still with the kitchen or at the pass: every status the table can move on from (the rest are final). */
export const activeTicketStatuses: readonly KitchenOrderStatus[] = kitchenOrderStatuses.filter((s) => !kitchenOrderMachine.isFinal(s));

/** Tickets on the line: active and not yet bumped (held, waiting, being cooked). */
export const ticketsOnTheLine: readonly KitchenOrderStatus[] = activeTicketStatuses.filter(
  (s) => !kitchenOrderMachine.targetsOf('bump').includes(s),
);

/**
 * Tickets whose items cooks may still work on: those a bump can finish (a bumped ticket must be
 * recalled first, a held one fired). They are the station's load.
 */
export const openTicketStatuses: readonly KitchenOrderStatus[] = kitchenOrderStatuses.filter((s) =>
  kitchenOrderMachine.allows('bump', s, {}),
);

/** Tickets a bump has finished: what it leads to, and where they go from there short of a recall or a void (ready, completed). */
export const bumpedTicketStatuses: readonly KitchenOrderStatus[] = (() => {
  const found = new Set(kitchenOrderMachine.targetsOf('bump'));
  for (const from of found) for (const r of rows) if (r.from === from && r.event !== 'recall' && r.event !== 'void') found.add(r.to);
  return [...found];
})();
