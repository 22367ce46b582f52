import { describe, expect, it } from 'vitest';
import { computeStats, histogram, percentile } from './stats.ts';
import { anOrder } from './testing-orders.ts';

const at = (h: number, m = 0, d = 10) => new Date(2025, 2, d, h, m).getTime();
const today = { from: at(0), to: at(0, 0, 11) };
const min = 60_000;

describe('statistics', () => {
  const orders = [
    anOrder({ id: 'a', createdAt: at(12, 5), totalCents: 1000, channel: 'dine_in', status: 'delivered', statusTimes: { draft: at(12, 5), confirmed: at(12, 6), ready: at(12, 16) } }),
    anOrder({ id: 'b', createdAt: at(12, 40), totalCents: 3000, channel: 'delivery', status: 'ready', statusTimes: { draft: at(12, 40), confirmed: at(12, 41), ready: at(13, 1) } }),
    anOrder({ id: 'c', createdAt: at(19, 0), totalCents: 500, channel: 'dine_in', status: 'cancelled', statusTimes: { draft: at(19), confirmed: at(19, 1), cancelled: at(19, 2) } }),
    anOrder({ id: 'd', createdAt: at(20, 0), totalCents: 700, status: 'draft' }),
    anOrder({ id: 'yesterday', createdAt: at(12, 0, 9), totalCents: 9999, status: 'delivered', statusTimes: { confirmed: at(12, 0, 9), ready: at(12, 30, 9) } }),
  ];

  it('counts orders placed in the range and the revenue of confirmed orders that were not cancelled', () => {
    const stats = computeStats(orders, today);
    expect(stats.orders).toBe(4);
    expect(stats.cancelled).toBe(1);
    expect(stats.revenueCents).toBe(4000);
    expect(stats.averageCents).toBe(2000);
  });

  it('buckets orders by the hour they were placed', () => {
    const { perHour } = computeStats(orders, today);
    expect(perHour).toHaveLength(24);
    expect([perHour[12], perHour[19], perHour[20], perHour[9]]).toEqual([2, 1, 1, 0]);
  });

  it('times from confirmed to ready give p50 and p90', () => {
    const stats = computeStats(orders, today);
    expect(stats.prepTimes).toEqual([10 * min, 20 * min]);
    expect(stats.p50).toBe(10 * min);
    expect(stats.p90).toBe(20 * min);
  });

  it('splits orders and revenue by channel, every channel listed', () => {
    const { byChannel } = computeStats(orders, today);
    expect(byChannel.map((c) => [c.channel, c.orders, c.revenueCents])).toEqual([
      ['dine_in', 3, 1000],
      ['takeaway', 0, 0],
      ['delivery', 1, 3000],
      ['online', 0, 0],
    ]);
  });

  it('a longer range has a row per day', () => {
    const stats = computeStats(orders, { from: at(0, 0, 9), to: at(0, 0, 11) });
    expect(stats.perDay.map((d) => [d.orders, d.revenueCents])).toEqual([[1, 9999], [4, 4000]]);
  });

  it('percentiles use the nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('the histogram covers every value in whole-minute bins', () => {
    const bins = histogram([0, 5 * min, 11 * min, 11 * min], 6);
    expect(bins[0]).toEqual({ from: 0, to: 2 * min, count: 1 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(bins.length).toBe(6);
    expect(histogram([]).length).toBe(6);
  });
});
