import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { tenantExists } from '../admin/tenancy.ts';
import type { Database } from '../db/database.ts';
import { principalOf, requireRole } from '../http/auth.ts';
import { forbidden, notFound } from '../http/http-error.ts';
import { parse, storableString } from '../http/validate.ts';
import { channels, notify } from '../sync/notify.ts';
import type { SocketRegistry } from '../sync/sockets.ts';
import type { RateMeter } from './rate-meter.ts';

/** The message travels in a NOTIFY payload, which Postgres caps at 8000 bytes (tenant id included). */
const maxMessageBytes = 6000;
export const broadcastBody = z.object({
  message: z
    .union([z.string().trim().min(1).max(2000), z.record(z.string(), z.unknown())])
    .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= maxMessageBytes, `message is over ${maxMessageBytes} bytes as JSON`),
});
export const tenantParam = storableString().min(1).max(128);

/** Admin sees every tenant; a manager only its own (others answer 404 so existence does not leak). */
async function scopedTenant(db: Database, res: Response, raw: unknown): Promise<string> {
  const tenantId = parse(tenantParam, raw, 'tenant id');
  const principal = principalOf(res);
  if (principal.role === 'manager' && principal.tenantId !== tenantId) throw notFound('tenant');
  if (principal.role !== 'manager' && principal.role !== 'admin') throw forbidden();
  if (!(await tenantExists(db, tenantId))) throw notFound('tenant');
  return tenantId;
}

/** The seed's WebSocket monitoring API, over this process's sockets. */
export function monitoringRoutes(db: Database, registry: SocketRegistry, meter: RateMeter): Router {
  const router = Router();
  router.use(requireRole('admin', 'manager'));
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', connections: registry.all().length, uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/stats', (_req, res) => {
    const { role, tenantId } = principalOf(res);
    const perTenant = registry.tenantCounts();
    res.json({
      connections: role === 'admin' ? registry.all().length : (perTenant[tenantId ?? ''] ?? 0),
      connectionsPerTenant: role === 'admin' ? perTenant : { [tenantId ?? '']: perTenant[tenantId ?? ''] ?? 0 },
      ...meter.rates(),
      totals: registry.counters,
    });
  });
  router.get('/connections/:tenantId', async (req, res) => {
    const tenantId = await scopedTenant(db, res, req.params.tenantId);
    const items = [...registry.ofTenant(tenantId)].map((c) => ({
      id: c.id,
      role: c.principal.role,
      tokenId: c.principal.tokenId,
      connectedAt: new Date(c.connectedAt).toISOString(),
    }));
    res.json({ tenantId, count: items.length, items });
  });
  router.post('/broadcast/:tenantId', async (req, res) => {
    const tenantId = await scopedTenant(db, res, req.params.tenantId);
    const { message } = parse(broadcastBody, req.body);
    await notify(db, channels.broadcast, { t: tenantId, message });
    res.status(202).json({ tenantId, delivered: 'queued', recipients: registry.ofTenant(tenantId).size });
  });
  return router;
}
