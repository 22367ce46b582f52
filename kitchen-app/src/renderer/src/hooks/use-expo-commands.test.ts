import { orderNumber } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import type { ExpoOrder } from '../model/expo.ts';
import { runExpoCommand, type ExpoCommandContext } from './use-expo-commands.ts';

const order = (patch: Partial<ExpoOrder>): ExpoOrder => ({
  id: 'ab12',
  orderId: 'ab12',
  channel: 'dine_in',
  tickets: [],
  progress: [
    { ticketId: 't1', stationId: 'grill', course: 1, status: 'ready', done: 1, total: 1, items: [] },
    { ticketId: 't2', stationId: 'fry', course: 1, status: 'in_progress', done: 0, total: 1, items: [] },
  ],
  allIn: false,
  heldCourses: [],
  since: 0,
  rush: false,
  canHandOff: false,
  ...patch,
});

function context(selected: ExpoOrder) {
  const log: string[] = [];
  const c: ExpoCommandContext = {
    selection: { index: 0, ticket: selected, pickedItem: undefined, select: () => undefined, selectItem: () => undefined, move: (d) => log.push(`move ${d}`), pick: () => undefined },
    say: (t) => log.push(`say ${t}`),
    actions: { handOff: (id) => log.push(`hand-off ${id}`), fireCourse: (id, course) => log.push(`fire ${id} ${course}`) },
  };
  return { c, log };
}

describe('expo’s bump bar', () => {
  it('b hands off an order that is all in', () => {
    const { c, log } = context(order({ allIn: true, canHandOff: true }));
    runExpoCommand({ type: 'bump' }, c);
    expect(log).toEqual(['hand-off ab12']);
  });
  it('b on an order still cooking says what it waits for', () => {
    const { c, log } = context(order({}));
    runExpoCommand({ type: 'bump' }, c);
    expect(log).toEqual([`say ${orderNumber('ab12')}: not all in yet — 1 of 2 tickets ready`]);
  });
  it('f fires the next held course, or says there is none', () => {
    const held = context(order({ heldCourses: [2, 3] }));
    runExpoCommand({ type: 'fire' }, held.c);
    const none = context(order({}));
    runExpoCommand({ type: 'fire' }, none.c);
    expect([...held.log, ...none.log]).toEqual(['fire ab12 2', `say ${orderNumber('ab12')}: no course is held`]);
  });
  it('arrows move between orders', () => {
    const { c, log } = context(order({}));
    runExpoCommand({ type: 'move', delta: 1 }, c);
    expect(log).toEqual(['move 1']);
  });
});
