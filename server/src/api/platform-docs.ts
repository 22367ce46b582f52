import { z } from 'zod';
import { forwardedPushSchema, hubPullSchema } from '../hub/hub-protocol.ts';
import { pullRequestSchema, pushRequestSchema } from '../sync/protocol.ts';
import { idParam, renameTenantBody, tenantBody, tokenBody } from './admin-routes.ts';
import { broadcastBody, tenantParam } from './monitoring-routes.ts';
import type { RouteDoc } from './route-spec.ts';
import {
  broadcastAcceptedSchema, databaseStatsSchema, forwardedPushResultSchema, healthSchema, hubSnapshotSchema, issuedTokenSchema, pullResponseSchema, pushResponseSchema,
  socketConnectionsSchema, socketHealthSchema, socketStatsSchema, serverOverviewSchema, tenantExportSchema, tenantListSchema, tenantSchema, tokenListSchema,
} from './schemas/platform-schemas.ts';

const tenantParams = z.object({ tenantId: idParam });
const monitoredTenant = z.object({ tenantId: tenantParam });
const admin = ['admin'];
const monitors = ['admin', 'manager (own tenant)'];
const sync = ['manager', 'kitchen', 'customer (pull only)'];

/**
 * Endpoints served by their own routers (health, admin, WebSocket monitoring, Replicache sync),
 * documented from the schemas those routers validate with.
 */
export const platformDocs: readonly RouteDoc[] = [
  { method: 'get', path: '/health', tag: 'Platform', summary: 'Liveness and database check', roles: [], public: true, errors: [],
    success: { status: 200, schema: healthSchema, description: 'the server and its database answer' } },
  { method: 'get', path: '/metrics', tag: 'Platform', summary: 'Process counters in Prometheus text format', roles: admin, errors: [],
    success: { status: 200, text: true, description: 'Prometheus exposition format' } },
  { method: 'get', path: '/admin/overview', tag: 'Admin', summary: 'This server at a glance', roles: admin, errors: [],
    description: "The database (probe latency), open sockets per tenant and role, restaurant hubs (linked or not, last pull) and, at a hub, its link to the cloud and outbox. Request and write rates come from `/api/metrics`. Per process: behind a load balancer, each server answers for itself.",
    success: { status: 200, schema: serverOverviewSchema, description: 'the overview' } },
  { method: 'post', path: '/admin/tenants', tag: 'Admin', summary: 'Create a tenant', roles: admin, body: tenantBody, errors: [400],
    success: { status: 201, schema: tenantSchema, description: 'the tenant' } },
  { method: 'get', path: '/admin/tenants', tag: 'Admin', summary: 'List tenants', roles: admin, errors: [],
    success: { status: 200, schema: tenantListSchema, description: 'every tenant' } },
  { method: 'patch', path: '/admin/tenants/:tenantId', tag: 'Admin', summary: 'Rename a tenant', roles: admin, params: tenantParams, body: renameTenantBody,
    errors: [400, 404], success: { status: 200, schema: tenantSchema, description: 'the tenant with its new name' } },
  { method: 'delete', path: '/admin/tenants/:tenantId', tag: 'Admin', summary: 'Delete a tenant and all its data',
    description: "Every row of the tenant goes, in one transaction under its lock: orders, audit history, menu, stations, settings, sync state and its tokens, which are unknown (401) from then on in every server process — its restaurant hub's too. Its open sockets are closed. Export it first: this cannot be undone.",
    roles: admin, params: tenantParams, errors: [400, 404], success: { status: 204, description: 'deleted' } },
  { method: 'get', path: '/admin/tenants/:tenantId/export', tag: 'Admin', summary: 'Export everything of a tenant as one archive',
    description: 'One JSON document (sent as an attachment): orders with their contracts and kitchen orders, the audit history, menu, stations, customers and settings.',
    roles: admin, params: tenantParams, errors: [400, 404], success: { status: 200, schema: tenantExportSchema, description: 'the archive' } },
  { method: 'post', path: '/admin/tenants/:tenantId/tokens', tag: 'Admin', summary: 'Issue a manager, kitchen or hub token', roles: admin,
    params: tenantParams, body: tokenBody, errors: [400, 404], success: { status: 201, schema: issuedTokenSchema, description: 'the token, shown once' } },
  { method: 'get', path: '/admin/tenants/:tenantId/tokens', tag: 'Admin', summary: "List a tenant's staff tokens", roles: admin,
    params: tenantParams, errors: [400, 404], success: { status: 200, schema: tokenListSchema, description: 'tokens, without their secrets' } },
  { method: 'delete', path: '/admin/tokens/:id', tag: 'Admin', summary: 'Revoke a token', description: 'At once, in every server process; its open sockets are closed.',
    roles: admin, params: z.object({ id: idParam }), errors: [400, 404], success: { status: 204, description: 'revoked' } },
  { method: 'get', path: '/admin/stats', tag: 'Admin', summary: 'Rows per table', roles: admin, errors: [],
    success: { status: 200, schema: databaseStatsSchema, description: 'row counts' } },
  { method: 'get', path: '/websocket/health', tag: 'WebSocket monitoring', summary: 'WebSocket service health', roles: monitors, errors: [],
    success: { status: 200, schema: socketHealthSchema, description: "this process's sockets" } },
  { method: 'get', path: '/websocket/stats', tag: 'WebSocket monitoring', summary: 'Connections per tenant, messages and pokes per second', roles: monitors, errors: [],
    description: 'A manager sees its own tenant only.', success: { status: 200, schema: socketStatsSchema, description: 'the figures' } },
  { method: 'get', path: '/websocket/connections/:tenantId', tag: 'WebSocket monitoring', summary: "A tenant's connections", roles: monitors,
    params: monitoredTenant, errors: [400, 404], success: { status: 200, schema: socketConnectionsSchema, description: 'open sockets' } },
  { method: 'post', path: '/websocket/broadcast/:tenantId', tag: 'WebSocket monitoring', summary: "Broadcast to a tenant's terminals", roles: monitors,
    description: 'Sent as `{"type":"broadcast","message":…}` to its staff sockets, from every server process.',
    params: monitoredTenant, body: broadcastBody, errors: [400, 404], success: { status: 202, schema: broadcastAcceptedSchema, description: 'queued' } },
  { method: 'post', path: '/replicache/push', tag: 'Sync', summary: 'Replicache push', roles: sync, body: pushRequestSchema, errors: [400, 413],
    description: 'Protocol errors Replicache acts on come with HTTP 200. A customer token gets 403.', success: { status: 200, schema: pushResponseSchema, description: 'processed' } },
  { method: 'post', path: '/replicache/pull', tag: 'Sync', summary: 'Replicache pull', roles: sync, body: pullRequestSchema, errors: [400, 413],
    success: { status: 200, schema: pullResponseSchema, description: 'a patch since the cookie' } },
  { method: 'post', path: '/hub/pull', tag: 'Restaurant hub', summary: "The hub token's tenant, for the hub to mirror", roles: ['hub'], body: hubPullSchema, errors: [400],
    description: 'Rows written after `since` (a cloud row version), every key, rejections, client bookkeeping and token hashes (never tokens).',
    success: { status: 200, schema: hubSnapshotSchema, description: 'the tenant since `since`' } },
  { method: 'post', path: '/hub/push', tag: 'Restaurant hub', summary: "A terminal's push, forwarded by its hub", roles: ['hub'], body: forwardedPushSchema, errors: [400, 413],
    description: "Run as the terminal's token, with its client group, client and mutation ids; audited as via the hub with the hub's time. A token or client group of another tenant → 403.",
    success: { status: 200, schema: forwardedPushResultSchema, description: 'the push answer and the clients’ last mutation ids' } },
];
