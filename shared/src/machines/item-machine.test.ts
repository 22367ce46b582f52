import { describe, expect, it } from 'vitest';
import { itemStatuses } from '../schema.ts';
import { itemMachine } from './item-machine.ts';

describe('kitchen item machine', () => {
  it('an item goes pending → in_progress → done, or straight to done', () => {
    expect(itemMachine.allowedTransitions('pending', {}).sort()).toEqual(['done', 'in_progress']);
    expect(itemMachine.can('in_progress', 'done', {})).toBe(true);
  });

  it('a mistaken tap can be undone one step back', () => {
    expect(itemMachine.can('in_progress', 'pending', {})).toBe(true);
    expect(itemMachine.can('done', 'in_progress', {})).toBe(true);
  });

  it('a done item cannot jump back to pending', () => {
    expect(() => itemMachine.assertTransition('done', 'pending', {})).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });

  it('an item never "moves" to the status it already has', () => {
    for (const status of itemStatuses) expect(itemMachine.can(status, status, {})).toBe(false);
  });

  it('no item status is final: the ticket, not the item, ends the work', () => {
    expect(itemStatuses.some((s) => itemMachine.isFinal(s))).toBe(false);
  });
});

describe('kitchen item machine, by event', () => {
  it('start, finish and undo lead where the rows say', () => {
    expect(itemMachine.next('start', 'pending', {})).toBe('in_progress');
    expect(itemMachine.next('finish', 'pending', {})).toBe('done');
    expect(itemMachine.next('finish', 'in_progress', {})).toBe('done');
    expect(itemMachine.next('undo', 'done', {})).toBe('in_progress');
    expect(itemMachine.next('undo', 'in_progress', {})).toBe('pending');
  });

  it('a done item cannot be finished again, nor a pending one undone', () => {
    expect(itemMachine.allows('finish', 'done', {})).toBe(false);
    expect(itemMachine.events('pending', {})).toEqual(['start', 'finish']);
  });
});
