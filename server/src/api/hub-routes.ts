import { Router } from 'express';
import type { HubLinks } from '../admin/hub-links.ts';
import type { Queryable } from '../db/database.ts';
import { getClients } from '../db/replicache-clients.ts';
import { principalOf, requireRole, tenantOf } from '../http/auth.ts';
import { forbidden } from '../http/http-error.ts';
import { parse } from '../http/validate.ts';
import { exportTenant, terminalToken } from '../hub/cloud-export.ts';
import { forwardedPushSchema, hubPullSchema, type ForwardedPushResult } from '../hub/hub-protocol.ts';
import { processPush } from '../sync/push.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';

/**
 * The cloud's side of a restaurant hub (hub token only, its own tenant only): the tenant's data
 * for the hub to mirror, and the hub's terminals' mutations, each run as its terminal. Every
 * answer names the database's restore epoch (`epochOf`: at a hub, the cloud's it mirrors), so a
 * hub sees at once that its cloud was restored.
 */
export function hubRoutes(engine: SyncEngine, limits: { mutationCap: number }, links: HubLinks, epochOf: (q: Queryable) => Promise<string | undefined>): Router {
  const { db } = engine;
  const router = Router();
  router.use(requireRole('hub'));

  router.post('/pull', async (req, res) => {
    const { since } = parse(hubPullSchema, req.body, 'hub pull');
    const tenantId = tenantOf(res);
    links.pulled(principalOf(res).tokenId, tenantId);
    // The epoch is read with the data it describes (one snapshot), never from what this process remembers.
    res.json(await db.transaction(async (q) => ({ ...(await exportTenant(q, tenantId, since)), epoch: await epochOf(q) }), { isolation: 'repeatable read' }));
  });

  router.post('/push', async (req, res) => {
    const { epoch: hubKnows, ...forwarded } = parse(forwardedPushSchema, req.body, 'forwarded push');
    const tenantId = tenantOf(res);
    // The hub's own pushes (its print agent's job states) run as the hub; a terminal's as the terminal.
    const own = forwarded.tokenId === principalOf(res).tokenId;
    const terminal = own ? { id: forwarded.tokenId, role: 'hub' as const } : await terminalToken(db, tenantId, forwarded.tokenId);
    if (!terminal) throw forbidden('the client group’s token is not a valid staff token of this hub’s tenant');
    const hubAt = new Map(forwarded.mutations.map((m) => [`${m.clientID}/${m.id}`, m.hubAt]));
    // The push runs as the terminal: its role's permissions, its client group's ownership checks.
    const result = await processPush(
      engine,
      { tokenId: terminal.id, role: terminal.role, tenantId },
      { pushVersion: 1, ...forwarded },
      limits.mutationCap,
      { hubTokenId: principalOf(res).tokenId, hubAt: (clientID, id) => hubAt.get(`${clientID}/${id}`) ?? Date.now() },
    );
    const clients = await getClients(db, [...new Set(forwarded.mutations.map((m) => m.clientID))]);
    const answer: ForwardedPushResult = {
      response: result.response,
      lastMutationIDs: Object.fromEntries(clients.map((c) => [c.id, c.last_mutation_id])),
      // Read after the push: a hub must not take these ids for confirmed by a database restored meanwhile.
      ...(hubKnows === undefined ? {} : { epoch: await epochOf(db) }),
    };
    res.json(answer);
  });
  return router;
}
