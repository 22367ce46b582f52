import { describe, expect, it } from 'vitest';
import { kitchenOrderStatuses } from '../schema.ts';
import { kitchenOrderMachine, openTicketStatuses } from './kitchen-order-machine.ts';

const allowed = (from: (typeof kitchenOrderStatuses)[number]) => kitchenOrderMachine.allowedTransitions(from, {}).sort();

describe('kitchen order machine', () => {
  it('a ticket goes queued → in_progress → ready → completed', () => {
    expect(kitchenOrderMachine.can('queued', 'in_progress', {})).toBe(true);
    expect(kitchenOrderMachine.can('in_progress', 'ready', {})).toBe(true);
    expect(kitchenOrderMachine.can('ready', 'completed', {})).toBe(true);
  });

  it('a queued ticket can be bumped straight to ready', () => {
    expect(allowed('queued')).toEqual(['cancelled', 'in_progress', 'ready']);
  });

  it('a ready ticket can be recalled to in_progress, completed or cancelled', () => {
    expect(allowed('ready')).toEqual(['cancelled', 'completed', 'in_progress']);
  });

  it('a ticket in progress never goes back to the queue and is only completed after being ready', () => {
    expect(allowed('in_progress')).toEqual(['cancelled', 'ready']);
    expect(kitchenOrderMachine.can('queued', 'completed', {})).toBe(false);
  });

  it('completed and cancelled tickets are final', () => {
    expect(kitchenOrderStatuses.filter((s) => kitchenOrderMachine.isFinal(s))).toEqual(['completed', 'cancelled']);
    expect(() => kitchenOrderMachine.assertTransition('completed', 'cancelled', {})).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });

  it('only queued and in-progress tickets count as open on the rail', () => {
    expect(openTicketStatuses).toEqual(['queued', 'in_progress']);
  });
});
