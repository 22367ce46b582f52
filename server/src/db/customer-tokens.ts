import type { StatementBatch } from './statement-batch.ts';

/** A tracking token to store: only its hash, scoped to one order. */
export interface NewToken {
  id: string;
  label: string;
  hash: string;
  orderId: string;
}

export function insertCustomerTokens(b: StatementBatch, tenantId: string, tokens: readonly NewToken[]): void {
  if (tokens.length === 0) return;
  b.add(`INSERT INTO tokens (id, tenant_id, role, label, hash, order_id)
     SELECT x.id, ${b.param(tenantId)}, 'customer', x.label, x.hash, x."orderId"
     FROM jsonb_to_recordset(${b.param(JSON.stringify(tokens))}::jsonb) AS x(id text, label text, hash text, "orderId" text)`);
}
