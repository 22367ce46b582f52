import { z } from 'zod';
import { readTenantSettings, writeTenantSettings } from '../db/tenant-settings-queries.ts';
import { found } from './found.ts';
import { defineRoute } from './route-spec.ts';
import { requestSchemas, responseSchemas } from './schemas/common-schemas.ts';

const tag = 'Restaurant';

const nameSchema = z.string().trim().min(1).max(80);
/**
 * Digits with the usual separators; at least five digits, so "n/a" is not a phone number. Both
 * rules are patterns, so the OpenAPI document states them; `\s*` at the ends makes a pattern read
 * the same on the value as sent as on the trimmed one the server checks.
 */
const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^\s*\+?[0-9 ().-]+\s*$/, 'digits, spaces, +, (, ), . or -')
  .regex(/^(?:\D*\d){5}/, 'at least five digits');

export const tenantSettingsSchema = z.object({ name: z.string(), phone: z.string().nullable() });
responseSchemas.add(tenantSettingsSchema, { id: 'TenantSettings', description: "The restaurant's name and phone as customers see them." });

export const updateTenantSettingsBody = z
  .object({ name: nameSchema.optional(), phone: phoneSchema.nullable().optional() })
  .strict()
  // The document's way of saying "name, phone or both": with no other property allowed, at least one.
  .meta({ minProperties: 1 })
  .refine((b) => b.name !== undefined || b.phone !== undefined, 'send name, phone or both');
requestSchemas.add(updateTenantSettingsBody, { id: 'UpdateTenantSettings', description: '`phone: null` removes the phone.' });

export const tenantSettingsRoutes = [
  defineRoute({
    method: 'get', path: '/tenant/settings', tag, roles: ['manager', 'kitchen', 'customer'], summary: "The restaurant's name and phone",
    description: "A customer's tracking token reads its own restaurant's details (the tracker shows them), nothing else.",
    success: { status: 200, schema: tenantSettingsSchema, description: 'name and phone (null when none is set)' },
    errors: [],
    handle: async ({ db, tenantId }) => found(await readTenantSettings(db, tenantId), 'tenant'),
  }),
  defineRoute({
    method: 'put', path: '/tenant/settings', tag, roles: ['manager'], summary: "Change the restaurant's name or phone",
    body: updateTenantSettingsBody,
    success: { status: 200, schema: tenantSettingsSchema, description: 'the settings after the change' },
    errors: [400],
    handle: async ({ db, tenantId, body }) => {
      await writeTenantSettings(db, tenantId, body);
      return found(await readTenantSettings(db, tenantId), 'tenant');
    },
  }),
];
