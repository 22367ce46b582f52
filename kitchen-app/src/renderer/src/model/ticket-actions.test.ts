import { describe, expect, it } from 'vitest';
import { item, ticket } from './fixtures.ts';
import { canBump, canFire, canRecall, itemActions, nextItemStep, targetItem, ticketLock } from './ticket-actions.ts';

describe('ticket actions follow the machines', () => {
  it('a pending item can be started or completed, not undone', () => {
    const t = ticket({ id: 't' });
    expect(itemActions(t, item({ id: 'i' }), undefined)).toEqual({ start: true, complete: true, undoTo: undefined });
  });

  it('a started item can be completed or put back', () => {
    const t = ticket({ id: 't', status: 'in_progress' });
    expect(itemActions(t, item({ id: 'i', status: 'in_progress' }), undefined)).toEqual({ start: false, complete: true, undoTo: 'pending' });
  });

  it('a done item cannot be started again, only stepped back', () => {
    const t = ticket({ id: 't', status: 'in_progress' });
    expect(itemActions(t, item({ id: 'i', status: 'done' }), undefined)).toEqual({ start: false, complete: false, undoTo: 'in_progress' });
  });

  it('nothing can be done to the items of a bumped ticket until it is recalled', () => {
    const t = ticket({ id: 't', status: 'ready' });
    expect(itemActions(t, item({ id: 'i' }), undefined)).toEqual({ start: false, complete: false, undoTo: undefined });
    expect(canBump(t, undefined)).toBe(false);
    expect(canRecall(t)).toBe(true);
  });

  it('a cancelled ticket cannot be bumped or recalled', () => {
    const t = ticket({ id: 't', status: 'cancelled' });
    expect(canBump(t, undefined)).toBe(false);
    expect(canRecall(t)).toBe(false);
  });

  it('an open ticket can be bumped but not recalled', () => {
    expect(canBump(ticket({ id: 't' }), undefined)).toBe(true);
    expect(canRecall(ticket({ id: 't', status: 'in_progress' }))).toBe(false);
  });
});

describe('guest allergy acknowledgement', () => {
  const t = ticket({ id: 't', guestAllergies: ['SEVERE coeliac – change gloves'] });
  it('locks a guest-allergy ticket until acknowledged', () => {
    const lock = ticketLock(t, false);
    expect(lock).toBe('guest-allergy');
    expect(itemActions(t, item({ id: 'i' }), lock)).toEqual({ start: false, complete: false, undoTo: undefined });
    expect(canBump(t, lock)).toBe(false);
  });
  it('unlocks it once acknowledged', () => {
    expect(ticketLock(t, true)).toBeUndefined();
    expect(itemActions(t, item({ id: 'i' }), undefined).start).toBe(true);
  });
  it('a product’s own allergens inform but never lock', () => {
    expect(ticketLock(ticket({ id: 'x', allergens: ['gluten', 'dairy'] }), false)).toBeUndefined();
  });
});

describe('held courses', () => {
  const held = ticket({ id: 'h', status: 'held', course: 2 });
  it('cannot be started or bumped, only fired', () => {
    expect(itemActions(held, item({ id: 'i' }), undefined).start).toBe(false);
    expect(canBump(held, undefined)).toBe(false);
    expect(canFire(held)).toBe(true);
    expect(canFire(ticket({ id: 'q' }))).toBe(false);
  });
});

describe('the item button', () => {
  it('starts, then finishes, then offers an undo', () => {
    const t = ticket({ id: 't', status: 'in_progress' });
    expect(nextItemStep(itemActions(t, item({ id: 'i' }), undefined))?.label).toBe('Start');
    expect(nextItemStep(itemActions(t, item({ id: 'i', status: 'in_progress' }), undefined))?.label).toBe('Done');
    expect(nextItemStep(itemActions(t, item({ id: 'i', status: 'done' }), undefined))).toEqual({ label: 'Undo', to: 'in_progress' });
  });
});

describe('which item a key acts on', () => {
  const t = ticket({ id: 't', items: [item({ id: 'a', status: 'done' }), item({ id: 'b' }), item({ id: 'c' })] });
  it('the picked item when one is picked', () => expect(targetItem(t, 2, (a) => a.start, undefined)?.id).toBe('c'));
  it('otherwise the first item the action applies to', () => expect(targetItem(t, undefined, (a) => a.start, undefined)?.id).toBe('b'));
});
