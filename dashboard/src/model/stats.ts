import { channels, type Channel, type Order } from '@kitchensync/shared';
import { daysIn, inRange, startOfDay, type DateRange } from './date-range.ts';

export interface ChannelStats {
  readonly channel: Channel;
  readonly orders: number;
  readonly revenueCents: number;
}

export interface DayStats {
  readonly day: number;
  readonly orders: number;
  readonly revenueCents: number;
}

export interface OrderStats {
  /** Orders placed in the range, whatever became of them. */
  readonly orders: number;
  readonly cancelled: number;
  /** Confirmed orders that were not cancelled: what the kitchen was asked to make. */
  readonly revenueCents: number;
  readonly averageCents: number;
  /** Orders placed per hour of the day (0–23), summed over the range. */
  readonly perHour: readonly number[];
  readonly perDay: readonly DayStats[];
  /** Confirmed → ready, in ms, for orders that became ready in the range; ascending. */
  readonly prepTimes: readonly number[];
  readonly p50: number | undefined;
  readonly p90: number | undefined;
  readonly byChannel: readonly ChannelStats[];
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const earns = (o: Order) => o.status !== 'cancelled' && o.statusTimes.confirmed !== undefined;
const sum = (list: readonly Order[]) => list.filter(earns).reduce((s, o) => s + o.totalCents, 0);

export function prepTime(o: Pick<Order, 'statusTimes'>): number | undefined {
  const { confirmed, ready } = o.statusTimes;
  return confirmed !== undefined && ready !== undefined && ready >= confirmed ? ready - confirmed : undefined;
}

/** Everything the statistics page shows, from the replica's orders. */
export function computeStats(all: Iterable<Order>, range: DateRange): OrderStats {
  const orders = [...all];
  const placed = orders.filter((o) => inRange(o.createdAt, range));
  const earning = placed.filter(earns);
  const perHour = Array.from({ length: 24 }, () => 0);
  for (const o of placed) perHour[new Date(o.createdAt).getHours()] = (perHour[new Date(o.createdAt).getHours()] ?? 0) + 1;
  const perDay = daysIn(range).map((day) => {
    const ofDay = placed.filter((o) => startOfDay(o.createdAt) === day);
    return { day, orders: ofDay.length, revenueCents: sum(ofDay) };
  });
  const prepTimes = orders
    .filter((o) => o.statusTimes.ready !== undefined && inRange(o.statusTimes.ready, range))
    .flatMap((o) => prepTime(o) ?? [])
    .sort((a, b) => a - b);
  const revenueCents = sum(placed);
  return {
    orders: placed.length,
    cancelled: placed.filter((o) => o.status === 'cancelled').length,
    revenueCents,
    averageCents: earning.length === 0 ? 0 : Math.round(revenueCents / earning.length),
    perHour,
    perDay,
    prepTimes,
    p50: percentile(prepTimes, 50),
    p90: percentile(prepTimes, 90),
    byChannel: channels.map((channel) => {
      const of = placed.filter((o) => o.channel === channel);
      return { channel, orders: of.length, revenueCents: sum(of) };
    }),
  };
}

export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Equal-width bins from 0 covering every value (at least `minBins`, width a whole number of minutes). */
export function histogram(values: readonly number[], minBins = 6): Bin[] {
  const max = Math.max(0, ...values);
  const minute = 60_000;
  const width = Math.max(minute, Math.ceil(max / minBins / minute) * minute);
  const count = Math.max(minBins, Math.floor(max / width) + 1);
  const bins = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const v of values) {
    const bin = bins[Math.min(count - 1, Math.floor(v / width))];
    if (bin) bin.count += 1;
  }
  return bins;
}
