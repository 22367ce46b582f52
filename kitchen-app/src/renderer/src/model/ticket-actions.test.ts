import { describe, expect, it } from 'vitest';
import { item, ticket } from './fixtures.ts';
import { canBump, canRecall, itemActions, targetItem, ticketLock } from './ticket-actions.ts';

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

describe('allergen acknowledgement', () => {
  const t = ticket({ id: 't', allergens: ['nuts'] });
  it('locks an allergen ticket until acknowledged', () => {
    const lock = ticketLock(t, false);
    expect(lock).toBe('allergens');
    expect(itemActions(t, item({ id: 'i' }), lock)).toEqual({ start: false, complete: false, undoTo: undefined });
    expect(canBump(t, lock)).toBe(false);
  });

  it('unlocks it once acknowledged', () => {
    expect(ticketLock(t, true)).toBeUndefined();
    expect(itemActions(t, item({ id: 'i' }), undefined).start).toBe(true);
  });

  it('tickets without allergens need no acknowledgement', () => expect(ticketLock(ticket({ id: 'x' }), false)).toBeUndefined());
});

describe('which item a key acts on', () => {
  const t = ticket({ id: 't', items: [item({ id: 'a', status: 'done' }), item({ id: 'b' }), item({ id: 'c' })] });
  it('the picked item when one is picked', () => expect(targetItem(t, 2, (a) => a.start, undefined)?.id).toBe('c'));
  it('otherwise the first item the action applies to', () => expect(targetItem(t, undefined, (a) => a.start, undefined)?.id).toBe('b'));
});
