import { describe, expect, it } from 'vitest';
import { customerStatus, etaText } from './tracker-text.ts';

describe('tracker text', () => {
  it('a ready order reads differently at the table, at the counter and for the courier', () => {
    expect(customerStatus('ready', 'dine_in')).toBe('Ready');
    expect(customerStatus('ready', 'takeaway')).toBe('Ready for pick-up');
    expect(customerStatus('ready', 'delivery')).toBe('Waiting for the courier');
    expect(customerStatus('in_preparation', 'online')).toBe('Being prepared');
  });

  it('the ETA line counts minutes and says the clock time', () => {
    const at = new Date(2025, 0, 1, 14, 32).getTime();
    expect(etaText({ kind: 'minutes', minutes: 7, at }, 'dine_in')).toBe('Ready in about 7 min · around 14:32');
    expect(etaText({ kind: 'ready' }, 'takeaway')).toBe('Your order is ready at the counter');
    expect(etaText({ kind: 'cancelled' }, 'online')).toMatch(/cancelled/);
  });

  it('a late order says how late, and whether the kitchen has started it', () => {
    const at = new Date(2025, 0, 1, 14, 32).getTime();
    expect(etaText({ kind: 'late', minutes: 12, at, started: false }, 'delivery')).toBe('Running 12 min late (expected 14:32) · the kitchen has not started it yet');
    expect(etaText({ kind: 'late', minutes: 3, at, started: true }, 'dine_in')).toMatch(/^Running 3 min late .* being prepared$/);
  });
});
