import { orderNumber, type ItemStatus, type KitchenOrder } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { item, ticket } from '../model/fixtures.ts';
import { commandOf, runCommand, type CommandContext, type DrawerState } from './use-kitchen-commands.ts';

function context(selected: KitchenOrder | undefined, { drawer: initialDrawer, ...patch }: Partial<CommandContext> = {}) {
  const log: string[] = [];
  let drawer: DrawerState = initialDrawer ?? { open: false, index: 0 };
  const c: CommandContext = {
    selection: {
      index: 0,
      ticket: selected,
      pickedItem: undefined,
      select: (id) => log.push(`select ${id}`),
      selectItem: (id, item) => log.push(`select ${id} ${item}`),
      move: (d) => log.push(`move ${d}`),
      pick: (i) => log.push(`pick ${i}`),
    },
    // The hook re-renders with the new drawer; here later commands read it straight away.
    get drawer() {
      return drawer;
    },
    setDrawer: (d) => {
      drawer = d;
      log.push(`drawer ${d.open} ${d.index}`);
    },
    bumped: [],
    allergyAcked: new Set(),
    acknowledge: (t) => log.push(`ack ${t.id}`),
    touch: () => undefined,
    say: (text) => log.push(`say ${text}`),
    actions: {
      setItem: (t: KitchenOrder, itemId: string, s: ItemStatus) => log.push(`item ${t.id} ${itemId} ${s}`),
      bump: (t) => log.push(`bump ${t.id}`),
      recall: (t) => log.push(`recall ${t.id}`),
      fireCourse: (o, course) => log.push(`fire ${o} ${course}`),
      setRush: (o, rush) => log.push(`rush ${o} ${rush}`),
      handOff: (o) => log.push(`hand-off ${o}`),
      setSoldOut: (p, s) => log.push(`86 ${p} ${s}`),
    },
    ...patch,
  };
  return { c, log };
}

describe('bump-bar commands on the rail', () => {
  const t = ticket({ id: 't1', items: [item({ id: 'a', status: 'done' }), item({ id: 'b' })] });

  it('s starts the first item that can start; d completes', () => {
    const { c, log } = context(t);
    runCommand({ type: 'start' }, c);
    runCommand({ type: 'done' }, c);
    expect(log).toEqual(['item t1 b in_progress', 'item t1 b done']);
  });

  it('b bumps the selected ticket', () => {
    const { c, log } = context(t);
    runCommand({ type: 'bump' }, c);
    expect(log).toEqual(['bump t1']);
  });

  it('on a guest-allergy ticket, start and bump do nothing and say why; a acknowledges it', () => {
    const { c, log } = context(ticket({ id: 'ab12.v1.grill-1', orderId: 'ab12', guestAllergies: ['peanut'] }));
    runCommand({ type: 'start' }, c);
    runCommand({ type: 'bump' }, c);
    runCommand({ type: 'acknowledge' }, c);
    expect(log).toEqual([
      `say ${orderNumber('ab12')}: nothing done — acknowledge the GUEST ALLERGY first (press a or the button)`,
      `say ${orderNumber('ab12')}: nothing done — acknowledge the GUEST ALLERGY first (press a or the button)`,
      'ack ab12.v1.grill-1',
    ]);
  });

  it('a product’s allergens do not stop the bump', () => {
    const { c, log } = context(ticket({ id: 'nuts', allergens: ['nuts'] }));
    runCommand({ type: 'bump' }, c);
    expect(log).toEqual(['bump nuts']);
  });

  it('a held course cannot be bumped: the cook is told it waits for expo', () => {
    const { c, log } = context(ticket({ id: 'cd34.v1.grill-1.c2', orderId: 'cd34', status: 'held', course: 2 }));
    runCommand({ type: 'bump' }, c);
    expect(log).toEqual([`say ${orderNumber('cd34')}: course 2 is HELD — expo fires it first`]);
  });

  it('number keys pick only items that exist', () => {
    const { c, log } = context(t);
    runCommand({ type: 'pick', index: 1 }, c);
    runCommand({ type: 'pick', index: 5 }, c);
    expect(log).toEqual(['pick 1', 'pick undefined']);
  });

  it('n walks through every item of a ticket, past the ninth, and round again', () => {
    const twelve = ticket({ id: 'long', items: Array.from({ length: 12 }, (_, i) => item({ id: `i${i}` })) });
    const { c } = context(twelve);
    const picks: (number | undefined)[] = [];
    const selection = { ...c.selection, pickedItem: undefined as number | undefined };
    selection.pick = (i) => {
      selection.pickedItem = i;
      picks.push(i);
    };
    const walking = { ...c, selection };
    for (let n = 0; n < 13; n++) runCommand({ type: 'nextItem' }, walking);
    expect(picks).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0]);
  });

  it('r opens the recently bumped drawer', () => {
    const { c, log } = context(t);
    runCommand({ type: 'recall' }, c);
    expect(log).toEqual(['drawer true 0']);
  });
});

describe('bump-bar commands in the recall drawer', () => {
  const t0 = ticket({ id: 'on-rail' });
  const bumped = [ticket({ id: 'new', status: 'ready' }), ticket({ id: 'old', status: 'ready' })];

  it('moves through the list and recalls the highlighted ticket with Enter', () => {
    const { c, log } = context(undefined, { drawer: { open: true, index: 1 }, bumped });
    runCommand({ type: 'move', delta: 1 }, c);
    runCommand({ type: 'confirm' }, c);
    expect(log).toEqual(['drawer true 1', 'recall old', 'drawer false 0']);
  });

  it('r opens the drawer, then the bump bar moves in it and recalls the one it moved to', () => {
    const { c, log } = context(t0, { bumped });
    runCommand({ type: 'recall' }, c);
    runCommand({ type: 'move', delta: 1 }, c);
    runCommand({ type: 'confirm' }, c);
    expect(log).toEqual(['drawer true 0', 'drawer true 1', 'recall old', 'drawer false 0']);
  });

  it('Esc closes without recalling', () => {
    const { c, log } = context(undefined, { drawer: { open: true, index: 0 }, bumped });
    runCommand({ type: 'close' }, c);
    expect(log).toEqual(['drawer false 0']);
  });
});

describe('a key press', () => {
  it('means what the keymap says; keys with modifiers are left to the browser', () => {
    expect(commandOf({ key: 'B' })).toEqual({ type: 'bump' });
    expect(commandOf({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(commandOf({ key: '0', ctrlKey: true })).toBeUndefined();
    expect(commandOf({ key: 'x' })).toBeUndefined();
  });
});
