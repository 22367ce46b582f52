import type { Queryable } from './database.ts';

export interface StatusChannelCount {
  status: string;
  channel: string;
  n: number;
  cents: number;
}

export interface PrepTimes {
  n: number;
  avg_ms: number | null;
  p90_ms: number | null;
}

const window = 'tenant_id = $1 AND created_ms >= $2 AND created_ms < $3';

/** Orders created in `[from, to)`, counted by status and channel, with their totals. */
export async function countsByStatusAndChannel(q: Queryable, tenantId: string, from: number, to: number): Promise<StatusChannelCount[]> {
  const { rows } = await q.query<StatusChannelCount>(
    `SELECT status, channel, count(*)::int AS n, coalesce(sum((data->>'totalCents')::bigint), 0)::float8 AS cents
     FROM orders WHERE ${window} GROUP BY status, channel`,
    [tenantId, from, to],
  );
  return rows;
}

/** Confirmed → ready durations of orders created in the window that reached ready (p90: continuous percentile). */
export async function prepTimes(q: Queryable, tenantId: string, from: number, to: number): Promise<PrepTimes> {
  const { rows } = await q.query<PrepTimes>(
    `SELECT count(*)::int AS n, avg(d)::float8 AS avg_ms, percentile_cont(0.9) WITHIN GROUP (ORDER BY d)::float8 AS p90_ms
     FROM (SELECT (data->'statusTimes'->>'ready')::bigint - (data->'statusTimes'->>'confirmed')::bigint AS d
           FROM orders
           WHERE ${window} AND data->'statusTimes'->>'ready' IS NOT NULL AND data->'statusTimes'->>'confirmed' IS NOT NULL) t`,
    [tenantId, from, to],
  );
  return rows[0] ?? { n: 0, avg_ms: null, p90_ms: null };
}

/** Orders created per clock hour (UTC) of the window; hours with none are absent. */
export async function ordersPerHour(q: Queryable, tenantId: string, from: number, to: number): Promise<{ hour_ms: number; n: number }[]> {
  const { rows } = await q.query<{ hour_ms: number; n: number }>(
    `SELECT (created_ms - created_ms % 3600000)::float8 AS hour_ms, count(*)::int AS n
     FROM orders WHERE ${window} GROUP BY 1 ORDER BY 1`,
    [tenantId, from, to],
  );
  return rows;
}
