import type { Queryable } from './database.ts';

/** A tracking token to store: only its hash, scoped to one order. */
export interface NewToken {
  id: string;
  label: string;
  hash: string;
  orderId: string;
}

export async function insertCustomerTokens(q: Queryable, tenantId: string, tokens: readonly NewToken[]): Promise<void> {
  if (tokens.length === 0) return;
  await q.query(
    `INSERT INTO tokens (id, tenant_id, role, label, hash, order_id)
     SELECT x.id, $1, 'customer', x.label, x.hash, x."orderId"
     FROM jsonb_to_recordset($2::jsonb) AS x(id text, label text, hash text, "orderId" text)`,
    [tenantId, JSON.stringify(tokens)],
  );
}
