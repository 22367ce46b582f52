import { describe, expect, it } from 'vitest';
import { ticket } from './fixtures.ts';
import { recentlyBumped, startOfDay } from './recently-bumped.ts';

const now = new Date(2025, 10, 25, 20, 0).getTime();
const today = (h: number) => new Date(2025, 10, 25, h, 0).getTime();

describe('recently bumped tickets', () => {
  it('lists today’s bumped tickets from every station, newest first', () => {
    const list = recentlyBumped(
      [
        ticket({ id: 'a', status: 'ready', stationId: 'grill-1', readyAt: today(18) }),
        ticket({ id: 'b', status: 'ready', stationId: 'fry-1', readyAt: today(19) }),
        ticket({ id: 'c', status: 'queued' }),
        ticket({ id: 'd', status: 'completed', readyAt: today(17) }),
      ],
      now,
    );
    expect(list.map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('leaves out tickets bumped before today', () => {
    const yesterday = new Date(2025, 10, 24, 23, 0).getTime();
    expect(recentlyBumped([ticket({ id: 'a', status: 'ready', readyAt: yesterday })], now)).toEqual([]);
  });

  it('the day starts at local midnight', () => expect(startOfDay(now)).toBe(new Date(2025, 10, 25).getTime()));
});
