import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { cloudLastMutationID, issueHubToken, repeatedMutations, startHubWorld, type HubWorld } from './hub-support.ts';

describe('a hub whose token the cloud no longer accepts (cloud on Postgres, hub on PGlite)', () => {
  let world: HubWorld;
  beforeAll(async () => {
    world = await startHubWorld('Rotated Bistro');
  }, 60_000);
  afterAll(async () => world?.stop());

  const pending = async () => (await world.hub.running.hub?.status())?.pending;

  it('keeps the restaurant working and its changes queued, and hands them over once when it runs with a new token', async () => {
    const { cloud, tenant } = world;
    const terminal = { group: uniqueId('group'), client: uniqueId('client') };
    const change = (id: number) => pushBody(terminal.group, [mutation(terminal.client, id, 'upsertProduct', productArgs(`rotated-${id}`))]);

    // The admin revokes the hub's token (rotating it) while the restaurant keeps serving.
    expect((await api(cloud, cloud.adminToken, 'DELETE', `/api/admin/tokens/${tenant.hubTokenId}`)).status).toBe(204);
    // The hub still takes the terminal's change: the cloud's 401 is about the hub, not the terminal.
    expect((await push(world.hub, tenant.managerToken, change(1))).status).toBe(200);
    expect((await push(world.hub, tenant.managerToken, change(2))).status).toBe(200);
    await waitUntil(async () => (await pending()) === 2, 5_000, 'both changes queued at the hub');
    // Several sync rounds later (pull every second) nothing was dropped and nothing reached the cloud.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await pending()).toBe(2);
    expect(await cloudLastMutationID(cloud.running.db, terminal.client)).toBe(0);

    const renewed = await issueHubToken(cloud, tenant.tenantId);
    Object.assign(tenant, { hubToken: renewed.token, hubTokenId: renewed.id });
    await world.restartHub();
    await waitUntil(async () => (await pending()) === 0, 15_000, 'the hub with its new token to drain');
    expect(await cloudLastMutationID(cloud.running.db, terminal.client)).toBe(2);
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
    const products = await api<{ items: { id: string }[] }>(cloud, tenant.managerToken, 'GET', '/api/products?limit=200');
    expect(products.body.items.map((p) => p.id)).toEqual(expect.arrayContaining(['rotated-1', 'rotated-2']));
  }, 60_000);
});
