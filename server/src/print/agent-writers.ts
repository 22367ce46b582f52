import { clientSchemaVersion, rejectionKey, type MutatorName } from '@kitchensync/shared';
import type { Logger } from 'pino';
import { hashToken } from '../auth/tokens.ts';
import type { Database, Queryable } from '../db/database.ts';
import { getRejection } from '../db/rejections.ts';
import type { HubSync } from '../hub/hub-sync.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';

/** Runs one of the agent's mutators (claim, finish, report) for a tenant; false when it was refused. */
export type AgentWriter = (tenantId: string, name: MutatorName, args: object) => Promise<boolean>;

/** A one-restaurant server: the agent's word is a write of the tenant like any other, committed here. */
export function localAgentWriter(engine: SyncEngine, agentId: string, logger: Logger): AgentWriter {
  const principal = (tenantId: string) => ({ tokenId: `print-agent:${agentId}`, role: 'manager', tenantId }) as const;
  return async (tenantId, name, args) => {
    const outcome = await engine.write(tenantId, (w) => w.apply(name, args, { source: 'system', principal: principal(tenantId) }));
    if (!outcome.ok) logger.warn({ tenantId, name, code: outcome.error.code, message: outcome.error.message }, 'print agent write refused');
    return outcome.ok;
  };
}

async function nextMutationId(q: Queryable, clientID: string): Promise<number> {
  const { rows } = await q.query<{ last: number }>(
    `SELECT greatest((SELECT last_mutation_id FROM replicache_clients WHERE id = $1), (SELECT max(mutation_id) FROM hub_outbox WHERE client_id = $1), 0)::int AS last`,
    [clientID],
  );
  return (rows[0]?.last ?? 0) + 1;
}

/**
 * A restaurant hub: the agent's word goes as the hub's own push (one client of the hub's token),
 * straight to the cloud while it answers, else applied here and queued in the outbox like a
 * terminal's change. So the cloud learns what printed during an outage, in order, exactly once,
 * and the hub's mirror of the cloud never rewinds a job the hub printed.
 */
export function hubAgentWriter(hub: HubSync, db: Database, hubToken: string, logger: Logger): AgentWriter {
  const hash = hashToken(hubToken);
  return async (tenantId, name, args) => {
    let clientID = '';
    let key = '';
    try {
      const answer = await hub.pushOwn(async (q) => {
        const token = (await q.query<{ id: string }>('SELECT id FROM tokens WHERE hash = $1 AND tenant_id = $2', [hash, tenantId])).rows[0];
        if (!token) throw new Error('the hub has not mirrored its own token yet');
        clientID = `print-agent.${token.id}`;
        const id = await nextMutationId(q, clientID);
        key = rejectionKey(clientID, id);
        const mutation = { id, clientID, name, args, timestamp: Date.now() };
        return { principal: { tokenId: token.id, role: 'hub', tenantId }, push: { pushVersion: 1, clientGroupID: clientID, schemaVersion: String(clientSchemaVersion), mutations: [mutation] } };
      });
      const refused = answer.status !== 200 || (answer.body as { error?: unknown }).error !== undefined || (await getRejection(db, clientID, key)) !== undefined;
      if (refused) logger.warn({ tenantId, name, answer: answer.body }, 'print agent write refused');
      return !refused;
    } catch (err) {
      logger.warn({ err, tenantId, name }, 'print agent write failed');
      return false;
    }
  };
}
