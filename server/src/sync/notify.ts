import type { Queryable } from '../db/database.ts';
import type { StatementBatch } from '../db/statement-batch.ts';

export const channels = { poke: 'ks_poke', broadcast: 'ks_broadcast', revoke: 'ks_revoke' } as const;

/** NOTIFY payloads are capped at 8000 bytes; past this many order ids, everyone is poked. */
const maxOrderIds = 100;

export interface PokeMessage {
  /** tenant */
  t: string;
  /** orders whose data changed; absent = could be any */
  o?: string[];
  /** the `SyncEngine` that already delivered it in its own process */
  s?: string;
}

/** The poke for a tenant's write, and the SQL expression that sends it on commit (NOTIFY is delivered only on commit). */
export function pokeFor(b: StatementBatch, tenantId: string, orderIds: ReadonlySet<string>, origin: string) {
  const message: PokeMessage = orderIds.size <= maxOrderIds ? { t: tenantId, o: [...orderIds], s: origin } : { t: tenantId, s: origin };
  return { message, sql: `pg_notify(${b.param(channels.poke)}, ${b.param(JSON.stringify(message))})` };
}

export async function notify(q: Queryable, channel: string, payload: unknown): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}
