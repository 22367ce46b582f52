import { channels, orderStatuses, type OrderStatus } from '@kitchensync/shared';
import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import { countsByStatusAndChannel, ordersPerHour, prepTimes } from '../db/stats-queries.ts';
import type { statsSchema } from './schemas/order-schemas.ts';

const hourMs = 3600_000;
/** Revenue counts orders the restaurant committed to: confirmed and not cancelled. */
const unpaid: readonly string[] = ['draft', 'cancelled'] satisfies OrderStatus[];

const zeroes = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

/** Statistics of the orders created in `[from, to)`. */
export async function orderStats(q: Queryable, tenantId: string, range: { from: number; to: number }): Promise<z.output<typeof statsSchema>> {
  const { from, to } = range;
  const [counts, prep, hours] = await Promise.all([
    countsByStatusAndChannel(q, tenantId, from, to),
    prepTimes(q, tenantId, from, to),
    ordersPerHour(q, tenantId, from, to),
  ]);
  const byStatus = zeroes(orderStatuses);
  const byChannel = zeroes(channels);
  let revenueCents = 0;
  let paidOrders = 0;
  for (const row of counts) {
    byStatus[row.status as OrderStatus] += row.n;
    byChannel[row.channel as (typeof channels)[number]] += row.n;
    if (!unpaid.includes(row.status)) {
      revenueCents += row.cents;
      paidOrders += row.n;
    }
  }
  const perHour = new Map(hours.map((h) => [h.hour_ms, h.n]));
  const ordersPerHourList = [];
  for (let hour = from - (from % hourMs); hour < to; hour += hourMs) {
    ordersPerHourList.push({ hour: new Date(hour).toISOString(), orders: perHour.get(hour) ?? 0 });
  }
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    orders: counts.reduce((n, r) => n + r.n, 0),
    byStatus,
    byChannel,
    revenueCents,
    averageOrderCents: paidOrders > 0 ? Math.round(revenueCents / paidOrders) : null,
    confirmedToReady: { orders: prep.n, averageSeconds: seconds(prep.avg_ms), p90Seconds: seconds(prep.p90_ms) },
    ordersPerHour: ordersPerHourList,
  };
}
