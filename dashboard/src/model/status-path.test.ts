import { describe, expect, it } from 'vitest';
import { statusPath, statusSteps } from './status-path.ts';

describe('status path', () => {
  it('on-site orders are served or picked up without going out for delivery', () => {
    expect(statusPath('dine_in')).toEqual(['draft', 'confirmed', 'in_preparation', 'ready', 'delivered']);
    expect(statusPath('takeaway')).toEqual(['draft', 'confirmed', 'in_preparation', 'ready', 'delivered']);
  });

  it('delivery and online orders go out with a courier', () => {
    expect(statusPath('delivery')).toEqual(['draft', 'confirmed', 'in_preparation', 'ready', 'delivering', 'delivered']);
    expect(statusPath('online')).toContain('delivering');
  });

  it('steps before the current one are done, with the time they were reached', () => {
    const steps = statusSteps({ status: 'in_preparation', channel: 'dine_in', statusTimes: { draft: 1, confirmed: 2, in_preparation: 3 } });
    expect(steps.map((s) => [s.status, s.state, s.at])).toEqual([
      ['draft', 'done', 1],
      ['confirmed', 'done', 2],
      ['in_preparation', 'current', 3],
      ['ready', 'upcoming', undefined],
      ['delivered', 'upcoming', undefined],
    ]);
  });

  it('a recalled order does not show the time it was ready before the recall', () => {
    const steps = statusSteps({ status: 'in_preparation', channel: 'dine_in', statusTimes: { draft: 1, confirmed: 2, in_preparation: 5, ready: 4 } });
    expect(steps.find((s) => s.status === 'ready')).toEqual({ status: 'ready', state: 'upcoming', at: undefined });
  });

  it('a delivered order has every step done', () => {
    const steps = statusSteps({ status: 'delivered', channel: 'takeaway', statusTimes: { draft: 1, confirmed: 2, in_preparation: 3, ready: 4, delivered: 5 } });
    expect(steps.every((s) => s.state === 'done')).toBe(true);
  });

  it('a cancelled order shows what it reached and then the cancellation', () => {
    const steps = statusSteps({ status: 'cancelled', channel: 'delivery', statusTimes: { draft: 1, confirmed: 2, cancelled: 9 } });
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ['draft', 'done'],
      ['confirmed', 'done'],
      ['cancelled', 'cancelled'],
    ]);
  });
});
