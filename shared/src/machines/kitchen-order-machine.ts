import type { KitchenOrderStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

const rows: readonly TransitionRow<KitchenOrderStatus, never>[] = [
  { from: 'queued', to: 'in_progress' },
  { from: 'queued', to: 'ready' },
  { from: 'in_progress', to: 'ready' },
  // Recall: a bumped ticket comes back to the rail.
  { from: 'ready', to: 'in_progress' },
  { from: 'ready', to: 'completed' },
  { from: 'queued', to: 'cancelled' },
  { from: 'in_progress', to: 'cancelled' },
  { from: 'ready', to: 'cancelled' },
];

export const kitchenOrderMachine = defineMachine<KitchenOrderStatus, never, object>('kitchen order', rows, {});

/** Tickets whose items cooks may still work on (a bumped ticket must be recalled first). */
export const openTicketStatuses: readonly KitchenOrderStatus[] = ['queued', 'in_progress'];
