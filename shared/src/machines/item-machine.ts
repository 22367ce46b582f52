import type { ItemStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

const rows: readonly TransitionRow<ItemStatus, never>[] = [
  { from: 'pending', to: 'in_progress' },
  { from: 'pending', to: 'done' },
  { from: 'in_progress', to: 'done' },
  // Undo a mistaken tap.
  { from: 'in_progress', to: 'pending' },
  { from: 'done', to: 'in_progress' },
];

export const itemMachine = defineMachine<ItemStatus, never, object>('kitchen item', rows, {});
