import { Router } from 'express';
import { z } from 'zod';
import { exportTenant } from '../admin/tenant-export.ts';
import { deleteTenant, renameTenant } from '../admin/tenant-lifecycle.ts';
import { createTenant, databaseStats, issueToken, listTenants, listTokens, revokeToken, staffRoles, tenantExists } from '../admin/tenancy.ts';
import type { TokenResolver } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/http-error.ts';
import { parse, storableString } from '../http/validate.ts';
import { found } from './found.ts';

export const tenantBody = z.object({ name: storableString().trim().min(1).max(200) });
/** Its own object (same shape as creating), so the document names the rename's body apart. */
export const renameTenantBody = tenantBody.extend({});
export const tokenBody = z.object({ role: z.enum(staffRoles), label: storableString().trim().max(200).default('') });
export const idParam = storableString().min(1).max(128);

export function adminRoutes(db: Database, resolver: TokenResolver): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.post('/tenants', async (req, res) => {
    res.status(201).json(await createTenant(db, parse(tenantBody, req.body).name));
  });
  router.get('/tenants', async (_req, res) => {
    res.json({ items: await listTenants(db), nextCursor: null });
  });
  router.patch('/tenants/:tenantId', async (req, res) => {
    const tenantId = parse(idParam, req.params.tenantId, 'tenant id');
    const { name } = parse(renameTenantBody, req.body);
    res.json(found(await renameTenant(db, tenantId, name), 'tenant'));
  });
  router.delete('/tenants/:tenantId', async (req, res) => {
    const tenantId = parse(idParam, req.params.tenantId, 'tenant id');
    if (!(await deleteTenant(db, tenantId))) throw notFound('tenant');
    res.status(204).end();
  });
  router.get('/tenants/:tenantId/export', async (req, res) => {
    const tenantId = parse(idParam, req.params.tenantId, 'tenant id');
    const archive = found(await exportTenant(db, tenantId), 'tenant');
    res.attachment(`kitchensync-${tenantId}-${archive.exportedAt.slice(0, 10)}.json`).json(archive);
  });
  router.post('/tenants/:tenantId/tokens', async (req, res) => {
    const tenantId = parse(idParam, req.params.tenantId, 'tenant id');
    const body = parse(tokenBody, req.body);
    if (!(await tenantExists(db, tenantId))) throw notFound('tenant');
    res.status(201).json(await issueToken(db, tenantId, body.role, body.label));
  });
  router.get('/tenants/:tenantId/tokens', async (req, res) => {
    const tenantId = parse(idParam, req.params.tenantId, 'tenant id');
    if (!(await tenantExists(db, tenantId))) throw notFound('tenant');
    res.json({ items: await listTokens(db, tenantId), nextCursor: null });
  });
  router.delete('/tokens/:id', async (req, res) => {
    const tokenId = parse(idParam, req.params.id, 'token id');
    if (!(await revokeToken(db, tokenId))) throw notFound('token');
    // The NOTIFY reaches this process's cache a moment later; the very next request must already get 401.
    resolver.forgetToken(tokenId);
    res.status(204).end();
  });
  router.get('/stats', async (_req, res) => {
    res.json(await databaseStats(db));
  });
  return router;
}
