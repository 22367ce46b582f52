import pg from 'pg';
import { expect } from 'vitest';
import { push, pushBody, uniqueId } from '../../support/sync-protocol.ts';

export interface AuditedPusher {
  readonly clientID: string;
  /** Mutation ids whose push was answered 200, with the time of that answer. */
  readonly acknowledged: { id: number; at: number }[];
  /** Answers other than 200 (or no answer), with their time. */
  readonly refused: { status: number | 'network'; at: number }[];
  stop(): Promise<void>;
}

/**
 * A client that pushes one `createOrder` at a time, as Replicache does: it resends the same
 * mutation id until a push is answered 200, and only then counts it as saved. The audit trail
 * must then hold every acknowledged id exactly once.
 */
export function startAuditedPusher(server: { url: string }, token: string, everyMs = 20): AuditedPusher {
  const clientID = uniqueId('audited');
  const group = uniqueId('audited-group');
  const acknowledged: AuditedPusher['acknowledged'] = [];
  const refused: AuditedPusher['refused'] = [];
  let running = true;
  const loop = (async () => {
    for (let id = 1; running; ) {
      const args = { id: `${clientID}-${id}`, channel: 'takeaway', customer: { name: 'Audit' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() };
      const mutation = { clientID, id, name: 'createOrder', args, timestamp: Date.now() };
      const status = await push(server, token, pushBody(group, [mutation])).then((r) => r.status, () => 'network' as const);
      if (status === 200) acknowledged.push({ id: id++, at: Date.now() });
      else refused.push({ status, at: Date.now() });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    clientID,
    acknowledged,
    refused,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Every acknowledged mutation of `pusher` created its order exactly once in the database at `url`. */
export async function checkAudit(url: string, pusher: AuditedPusher): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ mutation_id: number; n: number }>(
      "SELECT mutation_id, count(*)::int AS n FROM events WHERE client_id = $1 AND type = 'order.created' GROUP BY 1",
      [pusher.clientID],
    );
    const counts = new Map(rows.map((r) => [r.mutation_id, r.n]));
    expect(pusher.acknowledged.filter((a) => counts.get(a.id) !== 1), 'acknowledged mutations missing or repeated').toEqual([]);
  } finally {
    await client.end();
  }
}
