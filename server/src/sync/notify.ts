import type { Queryable } from '../db/database.ts';

export const channels = { poke: 'ks_poke', broadcast: 'ks_broadcast', revoke: 'ks_revoke' } as const;

export async function notify(q: Queryable, channel: string, payload: unknown): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}
