import type { Channel, Order, OrderStatus, ProductionContract } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import { findEntity } from './entities.ts';

export const findOrder = (q: Queryable, tenantId: string, id: string) => findEntity<Order>(q, tenantId, 'order', id);

export interface OrderFilter {
  statuses?: readonly OrderStatus[] | undefined;
  channels?: readonly Channel[] | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  customerId?: string | undefined;
  /** Keyset: rows strictly before this (createdAt, id), newest first. */
  before?: { key: number; id: string } | undefined;
  limit: number;
}

/** Newest first; fetches `limit` rows (callers ask for one more to know if a next page exists). */
export async function listOrders(q: Queryable, tenantId: string, f: OrderFilter): Promise<Order[]> {
  const { rows } = await q.query<{ data: Order }>(
    `SELECT data FROM orders
     WHERE tenant_id = $1
       AND ($2::text[] IS NULL OR status = ANY($2::text[]))
       AND ($3::text[] IS NULL OR channel = ANY($3::text[]))
       AND ($4::bigint IS NULL OR created_ms >= $4::bigint)
       AND ($5::bigint IS NULL OR created_ms < $5::bigint)
       AND ($6::text IS NULL OR customer_id = $6::text)
       AND ($7::bigint IS NULL OR (created_ms, id) < ($7::bigint, $8::text))
     ORDER BY created_ms DESC, id DESC
     LIMIT $9`,
    [
      tenantId,
      f.statuses ?? null,
      f.channels ?? null,
      f.createdFrom ?? null,
      f.createdTo ?? null,
      f.customerId ?? null,
      f.before?.key ?? null,
      f.before?.id ?? null,
      f.limit,
    ],
  );
  return rows.map((r) => r.data);
}

export interface HistoryRow {
  seq: number;
  at: Date | string;
  type: string;
  actor_token_id: string | null;
  actor_role: string;
  actor_label: string | null;
  source: 'sync' | 'rest' | 'system';
  client_id: string | null;
  mutation_id: number | null;
  mutation_name: string | null;
  request_id: string | null;
  via_hub_token_id: string | null;
  hub_at: Date | string | null;
  data: Record<string, unknown>;
}

/** Every audit event of one order, oldest first, with the acting token's label. */
export async function orderHistory(q: Queryable, tenantId: string, orderId: string): Promise<HistoryRow[]> {
  const { rows } = await q.query<HistoryRow>(
    `SELECT e.seq, e.at, e.type, e.actor_token_id, e.actor_role, t.label AS actor_label, e.source, e.client_id,
            e.mutation_id, e.mutation_name, e.request_id, e.via_hub_token_id, e.hub_at, e.data
     FROM events e LEFT JOIN tokens t ON t.id = e.actor_token_id AND t.tenant_id = e.tenant_id
     WHERE e.tenant_id = $1 AND e.order_id = $2
     ORDER BY e.seq`,
    [tenantId, orderId],
  );
  return rows;
}

/** Every contract version of an order, oldest first. */
export async function orderContracts(q: Queryable, tenantId: string, orderId: string): Promise<ProductionContract[]> {
  const { rows } = await q.query<{ data: ProductionContract }>(
    'SELECT data FROM contracts WHERE tenant_id = $1 AND order_id = $2 ORDER BY contract_version',
    [tenantId, orderId],
  );
  return rows.map((r) => r.data);
}

export const findContract = (q: Queryable, tenantId: string, id: string) => findEntity<ProductionContract>(q, tenantId, 'contract', id);
