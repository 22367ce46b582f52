import { z } from 'zod';
import { forwardedPushResultSchema, forwardedPushSchema, hubPullSchema, hubSnapshotSchema } from '../../hub/hub-protocol.ts';
import { cookieSchema, pullRequestSchema, pushRequestSchema } from '../../sync/protocol.ts';
import { staffRoles } from '../../admin/tenancy.ts';
import { renameTenantBody, tenantBody, tokenBody } from '../admin-routes.ts';
import { broadcastBody } from '../monitoring-routes.ts';
import { listOf, requestSchemas, responseSchemas } from './common-schemas.ts';

/** Schemas of the endpoints served outside the REST route specs (health, admin, monitoring, sync). */
requestSchemas.add(tenantBody, { id: 'CreateTenant' });
requestSchemas.add(tokenBody, { id: 'IssueToken' });
requestSchemas.add(broadcastBody, { id: 'Broadcast' });
requestSchemas.add(pushRequestSchema, { id: 'PushRequest', description: 'Replicache 15 push (pushVersion 1).' });
requestSchemas.add(pullRequestSchema, { id: 'PullRequest', description: 'Replicache 15 pull (pullVersion 1).' });
requestSchemas.add(hubPullSchema, { id: 'HubPull' });
requestSchemas.add(forwardedPushSchema, { id: 'ForwardedPush' });

const iso = z.iso.datetime();

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  connections: z.number().int(),
  version: z.string().describe("the server's release"),
  minClientSchemaVersion: z.number().int().describe('the oldest client schemaVersion it serves; older clients get VersionNotSupported and must be updated'),
  hub: z.object({ upstream: z.string().describe('the cloud this hub mirrors') }).optional().describe('present when this server is a restaurant hub'),
});
responseSchemas.add(healthSchema, { id: 'Health' });

export const tenantSchema = z.object({ id: z.string(), name: z.string() });
responseSchemas.add(tenantSchema, { id: 'Tenant' });
export const tenantListSchema = listOf(tenantSchema.extend({ createdAt: iso }));
responseSchemas.add(tenantListSchema, { id: 'TenantList' });

requestSchemas.add(renameTenantBody, { id: 'RenameTenant' });

export const tenantExportSchema = z.object({
  format: z.literal('kitchensync-tenant-export'),
  formatVersion: z.literal(1),
  exportedAt: iso,
  tenant: tenantSchema.extend({ createdAt: iso }),
  settings: z.object({ name: z.string(), phone: z.string().nullable() }),
  products: z.array(z.unknown()).describe('as `GET /api/products` shows them'),
  stations: z.array(z.unknown()).describe('as `GET /api/kitchen/stations` shows them'),
  customers: z.array(z.unknown()),
  orders: z.array(z.unknown()).describe('as `GET /api/orders/:id` shows them'),
  contracts: z.array(z.unknown()).describe('every production contract version'),
  kitchenOrders: z.array(z.unknown()),
  kitchenItems: z.array(z.unknown()).describe('per kitchen item: status, completion and ingredient consumption'),
  events: z.array(z.unknown()).describe('the audit trail, oldest first'),
});
responseSchemas.add(tenantExportSchema, { id: 'TenantExport', description: "Everything of a tenant in one document, read in one snapshot; tokens and sync bookkeeping are left out." });

export const serverOverviewSchema = z.object({
  uptimeSeconds: z.number().int(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), status: z.enum(['ok', 'unavailable']), latencyMs: z.number().optional(), reason: z.string().optional() }),
  connections: z.number().int().describe("this process's open sockets"),
  tenants: z.array(z.object({ id: z.string(), name: z.string(), sockets: z.record(z.string(), z.number().int()).describe('open sockets by role') })),
  hubLinks: z
    .array(z.object({ tokenId: z.string(), tenantId: z.string(), tenantName: z.string().nullable(), connected: z.boolean(), connectedAt: iso.nullable(), lastPullAt: iso.nullable() }))
    .describe('restaurant hubs seen by this process: their socket, and when each last pulled'),
  upstream: z
    .object({ upstream: z.enum(['online', 'offline']), tenantId: z.string().nullable(), pending: z.number().int(), oldestPendingAt: iso.nullable(), lastPullAt: iso.nullable(), cloudOutdated: z.boolean().describe('the cloud runs an older release than a queued change needs: it must be updated') })
    .nullable()
    .describe("at a hub: its link to the cloud and its outbox (changes waiting for the cloud); null on the cloud"),
});
responseSchemas.add(serverOverviewSchema, { id: 'ServerOverview' });

export const issuedTokenSchema = z.object({ id: z.string(), token: z.string().describe('shown once'), role: z.enum(staffRoles), tenantId: z.string() });
responseSchemas.add(issuedTokenSchema, { id: 'IssuedToken' });
export const tokenListSchema = listOf(z.object({ id: z.string(), role: z.string(), label: z.string(), createdAt: iso, revokedAt: iso.nullable() }));
responseSchemas.add(tokenListSchema, { id: 'TokenList' });

export const databaseStatsSchema = z.record(z.string(), z.number().int()).describe('rows per table');
responseSchemas.add(databaseStatsSchema, { id: 'DatabaseStats' });

export const socketHealthSchema = z.object({ status: z.literal('ok'), connections: z.number().int(), uptimeSeconds: z.number().int() });
responseSchemas.add(socketHealthSchema, { id: 'SocketHealth' });

export const socketStatsSchema = z.object({
  connections: z.number().int(),
  connectionsPerTenant: z.record(z.string(), z.number().int()),
  messagesInPerSecond: z.number(),
  messagesOutPerSecond: z.number(),
  pokesPerSecond: z.number(),
  totals: z.object({ messagesIn: z.number().int(), messagesOut: z.number().int(), pokes: z.number().int(), broadcasts: z.number().int() }),
});
responseSchemas.add(socketStatsSchema, { id: 'SocketStats' });

export const socketConnectionsSchema = z.object({
  tenantId: z.string(),
  count: z.number().int(),
  items: z.array(z.object({ id: z.number().int(), role: z.string(), tokenId: z.string(), connectedAt: iso })),
});
responseSchemas.add(socketConnectionsSchema, { id: 'SocketConnections' });

export const broadcastAcceptedSchema = z.object({ tenantId: z.string(), delivered: z.literal('queued'), recipients: z.number().int() });
responseSchemas.add(broadcastAcceptedSchema, { id: 'BroadcastAccepted' });

const protocolErrorSchema = z.union([
  z.object({ error: z.literal('ClientStateNotFound') }),
  z.object({ error: z.literal('VersionNotSupported'), versionType: z.enum(['push', 'pull', 'schema']) }),
]);
export const pushResponseSchema = z.union([z.object({}).strict(), protocolErrorSchema]).describe('`{}`, or a protocol error Replicache acts on');
responseSchemas.add(pushResponseSchema, { id: 'PushResponse' });
export const pullResponseSchema = z
  .union([
    z.object({
      cookie: cookieSchema,
      lastMutationIDChanges: z.record(z.string(), z.number().int()),
      patch: z.array(z.union([z.object({ op: z.literal('put'), key: z.string(), value: z.unknown() }), z.object({ op: z.literal('del'), key: z.string() }), z.object({ op: z.literal('clear') })])),
    }),
    protocolErrorSchema,
  ])
  .describe('a patch of the principal\u2019s view since the cookie, or a protocol error');
responseSchemas.add(pullResponseSchema, { id: 'PullResponse' });

export { forwardedPushResultSchema, hubSnapshotSchema };
responseSchemas.add(hubSnapshotSchema, { id: 'HubSnapshot' });
responseSchemas.add(forwardedPushResultSchema, { id: 'ForwardedPushResult' });
