import { kitchenOrderStatuses, type KitchenOrderStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export type KitchenOrderEvent = 'fire' | 'start' | 'bump' | 'recall' | 'complete' | 'void';

const rows: readonly TransitionRow<KitchenOrderStatus, KitchenOrderEvent, never>[] = [
  // A later course waits on the rail until the manager or expo fires it.
  { event: 'fire', from: 'held', to: 'queued' },
  { event: 'start', from: 'queued', to: 'in_progress' },
  { event: 'bump', from: 'queued', to: 'ready' },
  { event: 'bump', from: 'in_progress', to: 'ready' },
  // Recall: a bumped ticket comes back to the rail.
  { event: 'recall', from: 'ready', to: 'in_progress' },
  { event: 'complete', from: 'ready', to: 'completed' },
  { event: 'void', from: 'held', to: 'cancelled' },
  { event: 'void', from: 'queued', to: 'cancelled' },
  { event: 'void', from: 'in_progress', to: 'cancelled' },
  { event: 'void', from: 'ready', to: 'cancelled' },
];

export const kitchenOrderMachine = defineMachine<KitchenOrderStatus, KitchenOrderEvent, never, object>('kitchen order', rows, {});

/**
 * Tickets whose items cooks may still work on: those a bump can finish (a bumped ticket must be
 * recalled first, a held one fired). They are the station's load.
 */
export const openTicketStatuses: readonly KitchenOrderStatus[] = kitchenOrderStatuses.filter((s) =>
  kitchenOrderMachine.allows('bump', s, {}),
);
