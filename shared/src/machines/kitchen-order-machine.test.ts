import { describe, expect, it } from 'vitest';
import { kitchenOrderStatuses } from '../schema.ts';
import { activeTicketStatuses, bumpedTicketStatuses, kitchenOrderMachine, openTicketStatuses, ticketsOnTheLine } from './kitchen-order-machine.ts';

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

describe('kitchen order machine, by event', () => {
  const next = (event: Parameters<typeof kitchenOrderMachine.next>[0], from: (typeof kitchenOrderStatuses)[number]) =>
    kitchenOrderMachine.next(event, from, {});

  it('each event leads where DESIGN.md says', () => {
    expect(next('fire', 'held')).toBe('queued');
    expect(next('start', 'queued')).toBe('in_progress');
    expect(next('bump', 'queued')).toBe('ready');
    expect(next('bump', 'in_progress')).toBe('ready');
    expect(next('recall', 'ready')).toBe('in_progress');
    expect(next('complete', 'ready')).toBe('completed');
    for (const from of ['held', 'queued', 'in_progress', 'ready'] as const) expect(next('void', from)).toBe('cancelled');
  });

  it('a held ticket can only be fired or voided: not started, bumped or recalled', () => {
    expect(kitchenOrderMachine.events('held', {})).toEqual(['fire', 'void']);
    expect(() => next('bump', 'held')).toThrow(expect.objectContaining({ code: 'illegal_transition', message: 'kitchen order: cannot go from held to ready' }));
  });

  it('recall is only for a bumped ticket: a queued one refuses it', () => {
    expect(kitchenOrderMachine.allows('recall', 'queued', {})).toBe(false);
    expect(kitchenOrderMachine.eventFor('queued', 'in_progress', {})).toBe('start');
    expect(kitchenOrderMachine.eventFor('ready', 'in_progress', {})).toBe('recall');
  });

  it('a held ticket is not open: it does not load its station', () => {
    expect(openTicketStatuses.includes('held')).toBe(false);
  });

  it('the status sets come from the table: active is every status it moves on from, the line is active and not yet bumped', () => {
    expect([...activeTicketStatuses].sort()).toEqual(['held', 'in_progress', 'queued', 'ready']);
    expect([...ticketsOnTheLine].sort()).toEqual(['held', 'in_progress', 'queued']);
    expect([...bumpedTicketStatuses].sort()).toEqual(['completed', 'ready']);
  });

  it('a void, from any active status, names the void slip as its action; a bump names none', () => {
    for (const from of activeTicketStatuses) expect(kitchenOrderMachine.transition('void', from, {})).toEqual({ to: 'cancelled', actions: ['printVoidSlip'] });
    expect(kitchenOrderMachine.transition('bump', 'queued', {})).toEqual({ to: 'ready', actions: [] });
  });
});
