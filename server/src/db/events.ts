import type { DomainEvent } from '@kitchensync/shared';
import type { StatementBatch } from './statement-batch.ts';

/** One audit row: what happened, who did it, through which client mutation or REST call. */
export interface EventRow {
  type: string;
  order_id: string | null;
  actor_token_id: string | null;
  actor_role: string;
  source: 'sync' | 'rest' | 'system';
  client_id: string | null;
  mutation_id: number | null;
  mutation_name: string | null;
  request_id: string | null;
  /** The hub a forwarded mutation came through, and when that hub had it (ISO time). */
  via_hub_token_id: string | null;
  hub_at: string | null;
  data: DomainEvent | Record<string, unknown>;
}

/** Appends rows; `at` is the server's clock, taken per row. */
export function appendEvents(b: StatementBatch, tenantId: string, rows: readonly EventRow[]): void {
  if (rows.length === 0) return;
  b.add(`INSERT INTO events (tenant_id, type, order_id, actor_token_id, actor_role, source, client_id, mutation_id, mutation_name, request_id, via_hub_token_id, hub_at, data)
     SELECT ${b.param(tenantId)}, x.type, x.order_id, x.actor_token_id, x.actor_role, x.source, x.client_id, x.mutation_id, x.mutation_name, x.request_id,
       x.via_hub_token_id, x.hub_at, x.data
     FROM jsonb_to_recordset(${b.param(JSON.stringify(rows.map((r, n) => ({ ...r, n }))))}::jsonb) AS x(type text, order_id text, actor_token_id text, actor_role text,
       source text, client_id text, mutation_id int, mutation_name text, request_id text, via_hub_token_id text, hub_at timestamptz,
       data jsonb, n int)
     ORDER BY x.n`);
}
