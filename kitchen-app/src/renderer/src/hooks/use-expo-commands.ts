import type { KeyCommand } from '../model/keymap.ts';
import type { ExpoOrder } from '../model/expo.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import type { RailSelection } from './use-rail-selection.ts';

export interface ExpoCommandContext {
  readonly selection: RailSelection<ExpoOrder>;
  readonly say: (text: string) => void;
  readonly actions: { handOff(orderId: string): void; fireCourse(orderId: string, course: number): void };
}

/** Hands the order off when the order machine allows it, or says what it still waits for. */
export function handOff(o: ExpoOrder, c: Pick<ExpoCommandContext, 'say' | 'actions'>): void {
  if (o.canHandOff) return c.actions.handOff(o.orderId);
  const ready = o.progress.filter((p) => p.status === 'ready').length;
  c.say(`${ticketNumber(o.tickets[0] ?? o)}: not all in yet — ${ready} of ${o.progress.length} tickets ready`);
}

/** Expo's bump bar: move between orders, b hands the selected one off, f fires its next held course. */
export function runExpoCommand(cmd: KeyCommand, c: ExpoCommandContext): void {
  const o = c.selection.ticket;
  if (cmd.type === 'move') return c.selection.move(cmd.delta);
  if (!o) return;
  if (cmd.type === 'bump') return handOff(o, c);
  if (cmd.type === 'fire') {
    const course = o.heldCourses[0];
    if (course === undefined) c.say(`${ticketNumber(o.tickets[0] ?? o)}: no course is held`);
    else c.actions.fireCourse(o.orderId, course);
  }
}
