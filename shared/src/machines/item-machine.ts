import type { ItemStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export type ItemEvent = 'start' | 'finish' | 'undo';

const rows: readonly TransitionRow<ItemStatus, ItemEvent, never>[] = [
  { event: 'start', from: 'pending', to: 'in_progress' },
  { event: 'finish', from: 'pending', to: 'done' },
  { event: 'finish', from: 'in_progress', to: 'done' },
  // Undo a mistaken tap.
  { event: 'undo', from: 'in_progress', to: 'pending' },
  { event: 'undo', from: 'done', to: 'in_progress' },
];

export const itemMachine = defineMachine<ItemStatus, ItemEvent, never, object>('kitchen item', rows, {});
